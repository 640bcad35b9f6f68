import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { freePort } from '@inventory/local-stack';
import { INSTANCE_DIR, run, tool } from './support/tools';

// The nginx site as setup.sh installs it, checked with Debian's nginx: `nginx -t` on the file,
// then a real nginx serving it (on free ports, from a temporary prefix, with a self-signed
// certificate) in front of a stand-in gateway. Paths under /etc, /var are moved into the
// temporary folder; nothing on the machine is touched.

const SERVER_NAME = 'inventory.test';
const nginx = tool('nginx');
const openssl = tool('openssl');

interface Layout {
  dir: string;
  site: string;
  conf: string;
}

/** Writes the site (paths moved under `dir`), the shared snippet, certificates and nginx.conf. */
function layout(dir: string, rewrite: (site: string) => string = (site) => site): Layout {
  for (const sub of [
    'tls',
    'logs',
    'snippets',
    'www/letsencrypt',
    'www/inventory-console',
    'tmp',
  ]) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  chmodSync(join(dir, 'tmp'), 0o777);
  const movePaths = (text: string) =>
    text
      .replaceAll('/etc/inventory/tls/', `${dir}/tls/`)
      .replaceAll('/etc/nginx/snippets/', `${dir}/snippets/`)
      .replaceAll('/var/log/nginx/', `${dir}/logs/`)
      .replaceAll('/var/www/', `${dir}/www/`);
  const site = movePaths(
    readFileSync(join(INSTANCE_DIR, 'nginx/inventory.conf'), 'utf8').replaceAll(
      '__SERVER_NAME__',
      SERVER_NAME,
    ),
  );
  const siteFile = join(dir, 'inventory.conf');
  writeFileSync(siteFile, rewrite(site));
  writeFileSync(
    join(dir, 'snippets/inventory-security-headers.conf'),
    readFileSync(join(INSTANCE_DIR, 'nginx/inventory-security-headers.conf')),
  );
  const made = run(openssl, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${SERVER_NAME}`,
    '-keyout',
    join(dir, 'tls/privkey.pem'),
    '-out',
    join(dir, 'tls/fullchain.pem'),
  ]);
  expect(made.status).toBe(0);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${dir}/tmp/${kind};`)
    .join('\n');
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/logs/error.log;`,
      'events { worker_connections 64; }',
      'http {',
      '  default_type application/octet-stream;',
      `  access_log ${dir}/logs/access.log;`,
      temp,
      `  include ${siteFile};`,
      '}',
      '',
    ].join('\n'),
  );
  return { dir, site: siteFile, conf };
}

const nginxTest = (l: Layout) =>
  run(nginx, ['-t', '-p', l.dir, '-c', l.conf, '-e', join(l.dir, 'logs/error.log')]);

describe('nginx -t', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inventory-nginx-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts the site file', () => {
    const l = layout(dir);
    const directives = readFileSync(l.site, 'utf8').replace(/^\s*#.*$/gm, '');
    // Every absolute path nginx would open now points into the temporary folder.
    expect(directives.match(/\s\/(etc|var)\/\S+/g) ?? []).toEqual([]);
    const result = nginxTest(l);
    expect(result.output).toContain('test is successful');
    expect(result.status).toBe(0);
  });

  it('refuses a broken copy of it (the check is real)', () => {
    const l = layout(dir, (site) =>
      site.replace('client_max_body_size 2m;', 'client_max_body_size;'),
    );
    const result = nginxTest(l);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/invalid number of arguments in "client_max_body_size"/);
  });
});

describe('nginx serving the site in front of the gateway', () => {
  let dir: string;
  let nginxProcess: ChildProcess;
  let gateway: Server;
  let httpPort: number;
  let httpsPort: number;
  const seen: { url?: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inventory-nginx-live-'));
    [httpPort, httpsPort] = [await freePort(), await freePort()];
    const gatewayPort = await freePort();
    gateway = createServer((req, res) => {
      seen.push({ url: req.url, headers: req.headers });
      req.resume();
      req.on('end', () => {
        // Helmet's headers, as the gateway sends them: nginx keeps one copy, its own.
        res.setHeader('X-Frame-Options', 'SAMEORIGIN');
        res.setHeader('content-type', 'application/json');
        const body = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ i })) });
        res.end(req.url === '/health' ? '{"status":"ok"}' : body);
      });
    });
    await new Promise<void>((resolve) => gateway.listen(gatewayPort, '127.0.0.1', resolve));

    const l = layout(dir, (site) =>
      site
        .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
        .replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
        .replace(/\n\s*listen \[::\]:\d+[^;]*;/g, '')
        .replace('server 127.0.0.1:3000', `server 127.0.0.1:${gatewayPort}`),
    );
    nginxProcess = spawn(
      nginx,
      ['-p', dir, '-c', l.conf, '-e', join(dir, 'logs/error.log'), '-g', 'daemon off;'],
      { stdio: 'inherit' },
    );
    await waitForPort(httpsPort);
  });

  afterAll(async () => {
    nginxProcess?.kill('SIGTERM');
    await new Promise((resolve) =>
      nginxProcess?.exitCode !== null ? resolve(null) : nginxProcess.once('exit', resolve),
    );
    await new Promise((resolve) => gateway?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects plain HTTP to HTTPS, keeping the path', async () => {
    const answer = await get({ tls: false, port: httpPort, path: '/api/v1/products?page=2' });
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(`https://${SERVER_NAME}/api/v1/products?page=2`);
  });

  it('proxies the API with a request id, forwarding headers and its own security headers', async () => {
    seen.length = 0;
    const answer = await get({ port: httpsPort, path: '/api/v1/products' });
    expect(answer.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0].url).toBe('/api/v1/products');
    expect(seen[0].headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(seen[0].headers['x-forwarded-proto']).toBe('https');
    expect(seen[0].headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen[0].headers.host).toBe(SERVER_NAME);
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(answer.headers.server).toBe('nginx');
  });

  it('gives the gateway the address it saw, not one the client claims', async () => {
    seen.length = 0;
    await get({
      port: httpsPort,
      path: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(seen[0].headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen[0].headers['x-real-ip']).toBe('127.0.0.1');
  });

  it("passes the caller's X-Request-Id through and logs it", async () => {
    seen.length = 0;
    await get({ port: httpsPort, path: '/api/v1/stock', headers: { 'x-request-id': 'req-4711' } });
    expect(seen[0].headers['x-request-id']).toBe('req-4711');
    // nginx writes the access line after the answer has gone out: wait for it.
    const logged = () =>
      readFileSync(join(dir, 'logs/inventory.access.log'), 'utf8')
        .trim()
        .split('\n')
        .map((text) => JSON.parse(text) as { requestId?: string })
        .find((entry) => entry.requestId === 'req-4711');
    for (let tries = 0; tries < 40 && !logged(); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const line = logged();
    expect(line).toEqual(
      expect.objectContaining({
        requestId: 'req-4711',
        method: 'GET',
        uri: '/api/v1/stock',
        status: 200,
      }),
    );
  });

  it('compresses JSON answers', async () => {
    const answer = await get({
      port: httpsPort,
      path: '/api/v1/products',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(answer.body).toString()).items).toHaveLength(200);
  });

  it('refuses a body over 2 MB without bothering the gateway', async () => {
    seen.length = 0;
    const answer = await get({
      port: httpsPort,
      path: '/api/v1/products',
      method: 'POST',
      body: Buffer.alloc(3 * 1024 * 1024, 'a'),
    });
    expect(answer.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it('serves the web console: index.html for its pages, headers that let Mantine and scanning work', async () => {
    const www = join(dir, 'www/inventory-console');
    mkdirSync(join(www, 'assets'), { recursive: true });
    // nginx's workers (not root) read the files, as they read /var/www on the instance.
    for (const folder of [dir, join(dir, 'www'), www, join(www, 'assets')])
      chmodSync(folder, 0o755);
    writeFileSync(join(www, 'index.html'), '<!doctype html><title>Console</title>');
    writeFileSync(join(www, 'assets/index-Ab12.js'), 'console.log(1)');
    for (const path of [
      '/',
      '/products/6c45d557-e9c9-48ff-88d2-b08323c445ad',
      '/reset-password?token=x',
    ]) {
      const page = await get({ port: httpsPort, path });
      expect(page.status).toBe(200);
      expect(page.body.toString()).toContain('<title>Console</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("img-src 'self' data: blob: https:");
      expect(page.headers['permissions-policy']).toContain('camera=(self)');
      expect(page.headers['x-frame-options']).toBe('DENY');
    }
    const asset = await get({ port: httpsPort, path: '/assets/index-Ab12.js' });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await get({ port: httpsPort, path: '/assets/missing.js' })).status).toBe(404);
  });

  it('serves the gateway health at /health', async () => {
    const answer = await get({ port: httpsPort, path: '/health' });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe('{"status":"ok"}');
  });
});

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not listen on ${port}`);
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(options: {
  port: number;
  path: string;
  tls?: boolean;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
}): Promise<Answer> {
  const send = options.tls === false ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: SERVER_NAME, ...options.headers },
        servername: SERVER_NAME,
        rejectUnauthorized: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
