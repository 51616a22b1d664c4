// The WFS client (src/adapters/wfs.ts) against a local server answering as GeoServer does in WFS
// 2.0 GeoJSON (test/helpers/wfs-stub.ts): a layer of 2,500 zones read in three pages by
// STARTINDEX, a server that does not count (numberMatched "unknown") ending on a short page, a
// layer cut at the page limit with a warning, an unknown typeName refused by an ExceptionReport
// (HTTP 400, or 200 from some servers), offline and cancelled.
import type { Feature } from 'geojson';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearHttpCache } from '../../src/adapters/http';
import { fetchWfsLayer } from '../../src/adapters/wfs';
import { formatError } from '../../src/i18n/messages';
import { refusedUrl } from '../helpers/http-stub';
import { startWfsStub, STUB_TIMESTAMP, type WfsStub } from '../helpers/wfs-stub';

const BBOX: [number, number, number, number] = [2.7, 50.3, 3.2, 50.6];
/** n small squares inside BBOX, code FR31000<i>, and one far away (outside the box) */
function squares(n: number): Feature[] {
  const out: Feature[] = [];
  for (let i = 0; i < n; i++) {
    const x = 2.75 + (i % 50) * 0.008;
    const y = 50.35 + Math.floor(i / 50) * 0.004;
    out.push({
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.002, y],
            [x + 0.002, y + 0.002],
            [x, y + 0.002],
            [x, y],
          ],
        ],
      },
      properties: { id_mnhn: `FR31${String(i).padStart(5, '0')}`, nom_site: `Site ${i}` },
    });
  }
  out.push({
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [5, 45],
          [5.1, 45],
          [5.1, 45.1],
          [5, 45],
        ],
      ],
    },
    properties: { id_mnhn: 'FAR' },
  });
  return out;
}

let stub: WfsStub;
let endpoint: string;
beforeAll(async () => {
  stub = await startWfsStub(
    {
      'patrinat_sic:sic': { features: squares(2500) },
      'patrinat_zps:zps': { features: squares(3), unknownCount: true },
    },
    ['refused_200:layer'],
  );
  endpoint = `${stub.url}/wfs/ows`;
});
afterAll(() => stub.close());
beforeEach(() => {
  clearHttpCache();
  stub.asked.length = 0;
});

describe('the WFS client', () => {
  it('reads every page of a layer over the box: 2,500 zones in three pages, in order, the far one left out by the server', async () => {
    const r = await fetchWfsLayer(endpoint, 'patrinat_sic:sic', BBOX, { pageSize: 1000 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(stub.asked.map((p) => [p.get('STARTINDEX'), p.get('COUNT'), p.get('TYPENAMES'), p.get('BBOX'), p.get('SRSNAME')])).toEqual([
      ['0', '1000', 'patrinat_sic:sic', '2.7,50.3,3.2,50.6,EPSG:4326', 'EPSG:4326'],
      ['1000', '1000', 'patrinat_sic:sic', '2.7,50.3,3.2,50.6,EPSG:4326', 'EPSG:4326'],
      ['2000', '1000', 'patrinat_sic:sic', '2.7,50.3,3.2,50.6,EPSG:4326', 'EPSG:4326'],
    ]);
    const codes = r.value.features.map((f) => (f as Feature).properties?.id_mnhn);
    expect(codes.length).toBe(2500);
    expect(new Set(codes).size).toBe(2500);
    expect([codes[0], codes[999], codes[1000], codes[2499]]).toEqual(['FR3100000', 'FR3100999', 'FR3101000', 'FR3102499']);
    expect([r.value.numberMatched, r.value.timeStamp, r.value.truncated, r.value.host, r.warnings]).toEqual([
      2500,
      STUB_TIMESTAMP,
      false,
      new URL(stub.url).host,
      [],
    ]);
  });

  it('asks a second time nothing (the adapter’s cache)', async () => {
    await fetchWfsLayer(endpoint, 'patrinat_zps:zps', BBOX);
    const n = stub.asked.length;
    const again = await fetchWfsLayer(endpoint, 'patrinat_zps:zps', BBOX);
    expect(again.ok && again.value.features.length).toBe(3);
    expect(stub.asked.length).toBe(n);
  });

  it('ends on a short page when the server does not count', async () => {
    const r = await fetchWfsLayer(endpoint, 'patrinat_zps:zps', BBOX, { pageSize: 2 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(stub.asked.map((p) => p.get('STARTINDEX'))).toEqual(['0', '2']);
    expect([r.value.features.length, r.value.numberMatched]).toEqual([3, null]);
  });

  it('stops at the page limit and says how many the server matched', async () => {
    const r = await fetchWfsLayer(endpoint, 'patrinat_sic:sic', BBOX, { pageSize: 1000, maxPages: 2 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect([r.value.features.length, r.value.truncated, stub.asked.length]).toEqual([2000, true, 2]);
    expect(r.warnings.map((w) => [w.code, w.detail?.count, w.detail?.matched])).toEqual([['wfs.truncated', 2000, 2500]]);
    expect(formatError(r.warnings[0], 'fr')).toBe(
      'La couche «\u00a0patrinat_sic:sic\u00a0» compte 2500 zones autour du parcours\u00a0: seules les 2000 premières sont chargées.',
    );
  });

  it('turns the ExceptionReport of an unknown typeName into a French refusal, with HTTP 400 or 200', async () => {
    const r400 = await fetchWfsLayer(endpoint, 'patrinat_nope:nope', BBOX);
    if (r400.ok) throw new Error('accepted');
    expect([r400.error.code, r400.error.detail?.layer, r400.error.detail?.status, r400.error.detail?.host]).toEqual([
      'wfs.exception',
      'patrinat_nope:nope',
      400,
      new URL(stub.url).host,
    ]);
    expect(formatError(r400.error, 'fr')).toContain('a refusé la couche «\u00a0patrinat_nope:nope\u00a0»');
    const r200 = await fetchWfsLayer(endpoint, 'refused_200:layer', BBOX);
    if (r200.ok) throw new Error('accepted');
    expect(formatError(r200.error, 'fr')).toBe(
      `Le service ${new URL(stub.url).host} a refusé la couche «\u00a0refused_200:layer\u00a0» (InvalidParameterValue)\u00a0: «\u00a0Feature type refused_200:layer unknown\u00a0».`,
    );
  });

  it('offline, the adapter’s code; cancelled, asks nothing', async () => {
    const off = await fetchWfsLayer(`${await refusedUrl()}/wfs/ows`, 'patrinat_sic:sic', BBOX);
    expect(off.ok ? null : off.error.code).toBe('http.offline');
    const c = new AbortController();
    c.abort();
    const aborted = await fetchWfsLayer(endpoint, 'patrinat_sic:sic', BBOX, { signal: c.signal });
    expect(aborted.ok ? null : aborted.error.code).toBe('http.aborted');
    expect(stub.asked.length).toBe(0);
  });
});
