// The data-files adapter: paths read against a base (the page's, or the absolute one the worker
// is given), failures as 'data.unavailable' naming the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile, dataFileUrl } from '../../src/adapters/data-files';
import { formatError } from '../../src/i18n/messages';
import { startHttpStub, type HttpStub } from '../helpers/http-stub';

let stub: HttpStub;
beforeAll(async () => {
  stub = await startHttpStub({
    '/app/data/network.json': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"names":["a"]}'),
    '/app/data/network.bin': (_q, res) => res.writeHead(200).end(Buffer.from([7, 8, 9])),
  });
});
afterAll(() => stub.close());

describe('data files', () => {
  it('reads a path against the base given: an app served under a sub-path finds its files', async () => {
    const base = `${stub.url}/app/index.html`;
    expect(dataFileUrl('data/network.json', base)).toBe(`${stub.url}/app/data/network.json`);
    expect(await dataFile('data/network.json', 'json', { base })).toMatchObject({ ok: true, value: { names: ['a'] } });
    const bin = await dataFile('data/network.bin', 'bytes', { base });
    expect(bin.ok && [...new Uint8Array(bin.value)]).toEqual([7, 8, 9]);
    // an absolute URL is read as is (the review's layers, resolved by the page)
    expect(await dataFile(`${stub.url}/app/data/network.json`, 'json')).toMatchObject({ ok: true });
  });

  it('a missing file, or no base to read a relative path against: data.unavailable, naming the file', async () => {
    const missing = await dataFile('data/layers.json', 'json', { base: `${stub.url}/app/` });
    expect(missing.ok ? 'ok' : missing.error).toEqual({ code: 'data.unavailable', detail: { path: 'data/layers.json', cause: 'http.status', status: 404 } });
    if (!missing.ok) expect(formatError(missing.error)).toBe('Fichier de données «\u00a0data/layers.json\u00a0» introuvable ou illisible (HTTP 404).');
    // node has no page address
    const nowhere = await dataFile('data/layers.json', 'json');
    expect(nowhere.ok ? 'ok' : nowhere.error).toEqual({ code: 'data.unavailable', detail: { path: 'data/layers.json', cause: 'http.bad-url' } });
  });
});
