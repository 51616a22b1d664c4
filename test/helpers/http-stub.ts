// A local node:http server on 127.0.0.1 with one route per way a real server misbehaves, for the
// HTTP adapter's tests (and the online sources built on it). Every route answers with CORS open.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpStub {
  /** http://127.0.0.1:port (no trailing slash) */
  url: string;
  /** paths asked, in order */
  hits: string[];
  /** the most requests the server held at once */
  maxInFlight: () => number;
  /** answers every request held by /hold */
  releaseHeld: () => void;
  close: () => Promise<void>;
}

/** A route's answer; the route '*' takes every path no other route names. */
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export async function startHttpStub(routes: Record<string, Handler> = {}): Promise<HttpStub> {
  const hits: string[] = [];
  let inFlight = 0;
  let most = 0;
  const held: ServerResponse[] = [];
  const all: Record<string, Handler> = {
    '/json': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"a":1,"b":[2,3]}'),
    '/text': (_q, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('bonjour'),
    '/bytes': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(Buffer.from([1, 2, 3, 250])),
    '/not-json': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('<html>proxy</html>'),
    '/missing': (_q, res) => res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such tile\n'),
    '/busy': (_q, res) => res.writeHead(429, { 'Retry-After': '30' }).end(),
    // headers, then silence
    '/stall-body': (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"a":');
    },
    // no answer at all
    '/never': () => {},
    // promises 100 bytes, sends 10, hangs up
    '/truncated': (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': '100' });
      res.write(Buffer.alloc(10), () => res.socket?.destroy());
    },
    '/echo': (q, res, body) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ method: q.method, body, agent: q.headers['x-client'] ?? null })),
    '/hold': (_q, res) => {
      held.push(res);
    },
    ...routes,
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    hits.push(path);
    res.setHeader('Access-Control-Allow-Origin', '*');
    inFlight++;
    most = Math.max(most, inFlight);
    res.on('close', () => inFlight--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const handler = all[path] ?? all['*'];
      if (handler) handler(req, res, Buffer.concat(chunks).toString('utf8'));
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    maxInFlight: () => most,
    releaseHeld: () => {
      for (const r of held.splice(0)) r.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens: connection refused, as offline. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
