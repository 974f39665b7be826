import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/build-app';

// A stand-in for `dist/web`: an index.html and one hashed asset big enough to be worth compressing.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-web-'));
const script = `console.log(${JSON.stringify('工业强县 '.repeat(2_000))});`;
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head></html>');
fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), script);
// The build writes its scripts compressed beside them; a marker in the .br shows that the stored file is what is sent.
const chunk = `export const text = ${JSON.stringify('县域工业 '.repeat(2_000))};`;
const storedBr = zlib.brotliCompressSync(`${chunk}\n// precompressed`);
fs.writeFileSync(path.join(dist, 'assets', 'chunk-def456.js'), chunk);
fs.writeFileSync(path.join(dist, 'assets', 'chunk-def456.js.br'), storedBr);
fs.writeFileSync(path.join(dist, 'assets', 'chunk-def456.js.gz'), zlib.gzipSync(chunk));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ webDist: dist });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('keeps hashed assets for a year and compresses them for browsers that accept brotli', async () => {
    const res = await t.anonymous().request({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it("sends the build's precompressed file as it is, brotli first, gzip when brotli is not offered, plain to the rest", async () => {
    const url = '/assets/chunk-def456.js';
    const br = await t.anonymous().request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.statusCode, br.body).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.rawPayload.equals(storedBr)).toBe(true);
    const gz = await t.anonymous().request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(chunk);
    const plain = await t.anonymous().request({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(chunk);
  });

  it('revalidates index.html, both at / and at an app route, so a new build is picked up at once', async () => {
    for (const url of ['/', '/projects/board']) {
      const res = await t.anonymous().get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain('/assets/index-abc123.js');
    }
  });

  it('compresses API answers with gzip when brotli is not offered, and not at all when nothing is', async () => {
    const office = await t.signIn('office');
    const gzip = await office.request({ method: 'GET', url: '/api/units', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gzip.rawPayload).toString()).length).toBeGreaterThan(10);
    const plain = await office.request({ method: 'GET', url: '/api/units', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().length).toBeGreaterThan(10);
  });

  it('sends a content security policy with every app response but the API docs', async () => {
    const page = await t.anonymous().get('/');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await t.anonymous().get('/api/health')).headers['content-security-policy']).toContain("default-src 'self'");
    expect((await t.anonymous().get('/api/docs/json')).headers['content-security-policy']).toBeUndefined();
    // Without secure cookies the site is not known to be served over HTTPS: no HSTS.
    expect(page.headers['strict-transport-security']).toBeUndefined();
  });

  it('asks browsers for HTTPS only when cookies are secure', async () => {
    const secure = await createTestApp({ webDist: dist, cookieSecure: true });
    try {
      expect((await secure.anonymous().get('/')).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await secure.close();
    }
  });
});
