// A local WFS 2.0 server answering GetFeature as GeoServer does (the Géoplateforme's and
// Géo2France's servers are GeoServers; the formats are cited in src/core/review/official-zones.ts):
// outputFormat=application/json gives a FeatureCollection with numberMatched, numberReturned,
// totalFeatures and timeStamp; paging by STARTINDEX / COUNT over the features whose extent meets
// the BBOX (west,south,east,north,EPSG:4326: GeoServer reads the short code longitude first); an
// unknown typeName gives the OWS ExceptionReport GeoServer writes, with HTTP 400.
import type { Feature } from 'geojson';
import { startHttpStub, type HttpStub } from './http-stub';

export const STUB_TIMESTAMP = '2026-12-03T10:15:00.000Z';

export interface WfsLayerSpec {
  features: Feature[];
  /** answer numberMatched as "unknown" (GeoServer does when counting is off) */
  unknownCount?: boolean;
}

export interface WfsStub extends HttpStub {
  /** every GetFeature asked, its parameters (names upper-cased) */
  asked: URLSearchParams[];
}

/** The exception report GeoServer sends for a typeName it does not serve. */
export function exceptionReport(typeName: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport xmlns:xs="http://www.w3.org/2001/XMLSchema" ' +
    'xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink" version="2.0.0">\n' +
    '<ows:Exception exceptionCode="InvalidParameterValue" locator="typeName">\n' +
    `<ows:ExceptionText>Feature type ${typeName} unknown</ows:ExceptionText>\n` +
    '</ows:Exception>\n</ows:ExceptionReport>\n'
  );
}

function extent(f: Feature): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1] as number);
      n = Math.max(n, c[1] as number);
    } else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk((f.geometry as { coordinates?: unknown } | null)?.coordinates);
  return [w, s, e, n];
}

/**
 * Serves `layers` (by typeName) at every path (/wfs/ows, /geoserver/ows…). `refuseWith200` lists
 * typeNames refused with status 200 and the ExceptionReport.
 */
export async function startWfsStub(layers: Record<string, WfsLayerSpec>, refuseWith200: string[] = []): Promise<WfsStub> {
  const asked: URLSearchParams[] = [];
  const stub = await startHttpStub({
    '*': (q, res) => {
      const raw = new URL(q.url ?? '/', 'http://stub').searchParams;
      const p = new URLSearchParams();
      for (const [k, v] of raw) p.set(k.toUpperCase(), v);
      asked.push(p);
      const typeName = p.get('TYPENAMES') ?? p.get('TYPENAME') ?? '';
      const layer = layers[typeName];
      if (!layer) {
        res.writeHead(refuseWith200.includes(typeName) ? 200 : 400, { 'Content-Type': 'application/xml' }).end(exceptionReport(typeName));
        return;
      }
      const bbox = (p.get('BBOX') ?? '').split(',').slice(0, 4).map(Number);
      const inside =
        bbox.length === 4 && bbox.every(Number.isFinite)
          ? layer.features.filter((f) => {
              const [w, s, e, n] = extent(f);
              return w <= bbox[2] && e >= bbox[0] && s <= bbox[3] && n >= bbox[1];
            })
          : layer.features;
      const start = Number(p.get('STARTINDEX') ?? 0);
      const count = Number(p.get('COUNT') ?? 1_000_000);
      const page = inside.slice(start, start + count);
      const body = {
        type: 'FeatureCollection',
        features: page.map((f, i) => ({ ...f, id: f.id ?? `${typeName.split(':').pop()}.${start + i + 1}`, geometry_name: 'the_geom' })),
        totalFeatures: layer.unknownCount ? 'unknown' : inside.length,
        numberMatched: layer.unknownCount ? 'unknown' : inside.length,
        numberReturned: page.length,
        timeStamp: STUB_TIMESTAMP,
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } },
      };
      res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' }).end(JSON.stringify(body));
    },
  });
  return { ...stub, asked };
}
