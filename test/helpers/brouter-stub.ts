// A small local HTTP server that answers like a BRouter server (GET /brouter?lonlats=…&format=geojson),
// for tests of the BRouter routing provider. It routes "via" a fixed detour point so the answer is
// recognisably not a straight line, and fails the way BRouter does for a chosen request.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface StubRequest {
  lonlats: [number, number][];
  profile: string | null;
  format: string | null;
  nogos: string | null;
  polygons: string | null;
}

export interface BrouterStub {
  url: string;
  requests: StubRequest[];
  close: () => Promise<void>;
}

/** BRouter's geojson answer (FormatGeoJson): string-valued properties, a messages table in microdegrees. */
export function brouterAnswer(coords: [number, number, number][]): string {
  const header = [
    'Longitude',
    'Latitude',
    'Elevation',
    'Distance',
    'CostPerKm',
    'ElevCost',
    'TurnCost',
    'NodeCost',
    'InitialCost',
    'WayTags',
    'NodeTags',
    'Time',
    'Energy',
  ];
  const rows = coords
    .slice(1)
    .map((c, i) => [
      String(Math.round(c[0] * 1e6)),
      String(Math.round(c[1] * 1e6)),
      String(Math.round(c[2])),
      String(i === 0 ? 700 : 300),
      '1000',
      '0',
      '0',
      '0',
      '0',
      i === 0 ? 'highway=track surface=gravel' : 'highway=residential surface=asphalt',
      '',
      '60',
      '600',
    ]);
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          creator: 'BRouter-1.7.7',
          name: 'brouter_trekking_0',
          'track-length': '1000',
          'filtered ascend': '3',
          'plain-ascend': '2',
          'total-time': '240',
          'total-energy': '2400',
          cost: '1234',
          messages: [header, ...rows],
          times: coords.map((_, i) => i * 60),
        },
        geometry: { type: 'LineString', coordinates: coords },
      },
    ],
  });
}

export async function startBrouterStub(detour: [number, number]): Promise<BrouterStub> {
  const requests: StubRequest[] = [];
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://stub');
    const lonlats = (u.searchParams.get('lonlats') ?? '').split('|').map((p) => p.split(',').map(Number) as [number, number]);
    requests.push({
      lonlats,
      profile: u.searchParams.get('profile'),
      format: u.searchParams.get('format'),
      nogos: u.searchParams.get('nogos'),
      polygons: u.searchParams.get('polygons'),
    });
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (u.pathname !== '/brouter' || lonlats.length !== 2 || lonlats.some((p) => p.some((x) => !Number.isFinite(x)))) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end('lonlats parameter not set');
      return;
    }
    // BRouter's answer when a point is far from its network
    if (u.searchParams.get('profile') === 'island') {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end('target island detected for section 0\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/vnd.geo+json' });
    res.end(
      brouterAnswer([
        [...lonlats[0], 40],
        [...detour, 45],
        [...lonlats[1], 42],
      ]),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/brouter`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
