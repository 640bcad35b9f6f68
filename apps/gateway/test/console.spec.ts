import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectErrorShape, startGateway, type TestGateway } from './support';

describe('the web console served at /', () => {
  let gw: TestGateway;
  let folder: string;
  const html = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Console</title>');
    writeFileSync(join(folder, 'assets', 'index-Ab12Cd.js'), 'console.log("hi")');
    writeFileSync(join(folder, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    gw = await startGateway({
      env: { CONSOLE_DIR: folder, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569/' },
    });
  });

  afterAll(async () => {
    await gw?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${gw.url}${path}`, { headers });
    return { response, text: await response.text() };
  };

  it('answers a browser at / and at any page of the console with index.html, revalidated', async () => {
    for (const path of [
      '/',
      '/products/0b7c6c7e-9d7a-4d52-9a53-0d3c1f6e8a11',
      '/reset-password?token=abc',
      '/login',
    ]) {
      const { response, text } = await get(path, html);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(text).toContain('<title>Console</title>');
      // The security headers of the API apply to the console too.
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      // Mantine's injected styles, product images from S3 (here the local stand-in).
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: blob: https: http://127.0.0.1:4569");
    }
  });

  it('serves hashed assets cached for a year, other files revalidated', async () => {
    const asset = await get('/assets/index-Ab12Cd.js');
    expect(asset.response.status).toBe(200);
    expect(asset.text).toBe('console.log("hi")');
    expect(asset.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.response.status).toBe(200);
    expect(icon.response.headers.get('cache-control')).toBe('public, max-age=0');
  });

  it('leaves the API, its docs, health and unknown non-page requests as they were', async () => {
    expectErrorShape(await gw.request('GET', '/api/v1/nothing-here', { headers: html }), 404);
    expectErrorShape(await gw.request('GET', '/nothing-here'), 404);
    expectErrorShape(await gw.request('GET', '/assets/missing.js', { headers: html }), 404);
    expectErrorShape(await gw.request('GET', '/api/v1/me', { headers: html }), 401);
    expect((await gw.request('GET', '/health/live', { headers: html })).status).toBe(200);
    const docs = await get('/api/docs', html);
    expect(docs.response.status).toBe(200);
    expect(docs.text).toContain('swagger');
    expect((await gw.request('POST', '/', { headers: html, body: {} })).status).toBe(404);
  });

  it('does not serve files outside the console folder', async () => {
    for (const path of [
      '/../package.json',
      '/assets/../../index.html',
      '/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const { response, text } = await get(path);
      expect(response.status).toBe(404);
      expect(text).not.toContain('root:');
    }
  });
});
