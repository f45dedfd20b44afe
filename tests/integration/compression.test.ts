import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESS_THRESHOLD_BYTES } from '../../src/server/http/compression.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * Built files go out as the .br or .gz copy `npm run build` made, by what the browser says it
 * accepts; API answers over COMPRESS_THRESHOLD_BYTES are compressed as they are sent. Requests
 * are made with node:http, which (unlike fetch) sends only the Accept-Encoding it is given and
 * does not decode the answer.
 */

const PRECOMPRESS = resolve(import.meta.dirname, '../../scripts/precompress.mjs');
/** A script big enough to be worth compressing, like one of Vite's chunks. */
const SCRIPT = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, label: "row ${i}" }`).join(', ')}];\n`;
/** Enough visits that the list is well over the threshold. */
const VISITS = 6;

let server: TestServer;
let uiDir: string;
let cookie: string;

beforeAll(async () => {
  // A built UI of our own, so this suite needs no `vite build`: the same script makes its copies.
  uiDir = mkdtempSync(join(tmpdir(), 'wvv-ui-'));
  mkdirSync(join(uiDir, 'assets'));
  writeFileSync(join(uiDir, 'index.html'), `<!doctype html><title>Ward virtual visits</title>${'<p>ward</p>'.repeat(200)}`);
  writeFileSync(join(uiDir, 'assets/app-abc123.js'), SCRIPT);
  execFileSync(process.execPath, [PRECOMPRESS, uiDir]);
  server = await startServer({ uiDir });
  const api = new ApiClient(server.url);
  await api.signIn(server.demo.wardCode, server.demo.pin);
  const answer = await api.send(book({ repeatDays: VISITS, date: tomorrow() }));
  expect(answer.status).toBe(200);
  cookie = api.cookieHeader;
});

afterAll(async () => {
  await server?.close();
  rmSync(uiDir, { recursive: true, force: true });
});

function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((done, fail) => {
    const req = request(server.url + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('built files', () => {
  it('go out as brotli to a browser that takes it, decoding to the file itself', async () => {
    const answer = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 2);
    expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
  });

  it('go out as gzip to an old tablet that sends only gzip', async () => {
    const answer = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString()).toBe(SCRIPT);
  });

  it('go out as they are to a client that accepts no encoding', async () => {
    const answer = await get('/assets/app-abc123.js', {});
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe(SCRIPT);
  });

  it('include the page a deep link falls back to', async () => {
    const page = readFileSync(join(uiDir, 'index.html'), 'utf8');
    const answer = await get('/visits/some-visit', { 'accept-encoding': 'br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(answer.body).toString()).toBe(page);
  });
});

describe('API answers', () => {
  it('are compressed when over the threshold', async () => {
    const identity = await get('/api/visits', { cookie });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);

    const br = await get('/api/visits', { cookie, 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString()).visits).toEqual(JSON.parse(identity.body.toString()).visits);

    const gzip = await get('/api/visits', { cookie, 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString()).visits).toHaveLength(VISITS);
  });

  it('are sent as they are when small', async () => {
    const answer = await get('/api/session', { cookie, 'accept-encoding': 'br, gzip' });
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(answer.headers['content-encoding']).toBeUndefined();
  });
});
