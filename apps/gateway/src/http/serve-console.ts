import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where `nx run web:build` puts the console, from this file in src/ or dist/. */
export const DEFAULT_CONSOLE_DIR = resolve(__dirname, '../../../web/dist');

/** Paths the console never answers: the API, its docs and health stay as they are. */
const NOT_CONSOLE = /^\/(api(\/|$)|health(\/|$))/;

/**
 * Serves the built web console at `/`: hashed files under /assets/ cached for a year
 * (immutable), everything else revalidated, and `index.html` for any other page a browser
 * asks for (`Accept: text/html`), so /products/<id> from an email opens the console's page.
 * Requests that are not a browser's page load (an API client's 404, `/api/*`, `/health`)
 * answer as before. Nothing is served when the console has not been built.
 *
 * It is a request hook, not a route: the API's routes (and its OpenAPI document) are unchanged.
 */
export async function serveConsole(
  app: NestFastifyApplication,
  directory: string,
): Promise<boolean> {
  if (!existsSync(join(directory, 'index.html'))) return false;
  const files = listFiles(directory);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, { root: directory, serve: false, wildcard: false });
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return done();
    const path = request.url.split('?')[0];
    if (NOT_CONSOLE.test(path)) return done();
    let file: string | undefined;
    try {
      file = files.get(decodeURIComponent(path));
    } catch {
      return done();
    }
    if (file) {
      const immutable = file.startsWith('assets/');
      return void reply.sendFile(file, {
        immutable,
        maxAge: immutable ? 365 * 24 * 60 * 60 * 1000 : 0,
        cacheControl: true,
      });
    }
    const accept = request.headers.accept ?? '';
    if (!accept.includes('text/html') || path.startsWith('/assets/')) return done();
    void reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
  return true;
}

/** `/assets/index-abc.js` → `assets/index-abc.js`, for every file of the build. */
function listFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const path = relative(root, full).split(sep).join('/');
        files.set(`/${path}`, path);
      }
    }
  };
  walk(root);
  files.delete('/index.html');
  return files;
}
