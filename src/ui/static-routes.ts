import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** The web UIs' files (web/ at the package root), beside dist/ once compiled. */
export const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));

function collect(
  dir: string,
  prefix: string,
  out: Map<string, { body: Buffer; type: string }>,
): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, `${prefix}${name}/`, out);
    else if (TYPES[extname(name)])
      out.set(`${prefix}${name}`, { body: readFileSync(path), type: TYPES[extname(name)]! });
  }
}

/**
 * Files of npm packages the pages use, served from this server (no CDN) under
 * /static/vendor/<name>/<file>: only those listed, read at their first request (the API
 * console's 1.7 MB bundle costs nothing until a visitor opens an API) and kept.
 */
const VENDOR: Record<string, { pkg: string; files: readonly string[] }> = {
  'swagger-ui': { pkg: 'swagger-ui-dist', files: ['swagger-ui-bundle.js', 'swagger-ui.css'] },
};

function vendorFile(name: string, file: string): { body: Buffer; type: string } | undefined {
  const v = VENDOR[name];
  if (!v || !v.files.includes(file)) return undefined;
  const dir = dirname(createRequire(import.meta.url).resolve(`${v.pkg}/package.json`));
  return { body: readFileSync(join(dir, file)), type: TYPES[extname(file)]! };
}

export interface StaticRouteOptions {
  readonly root?: string;
  /** A page's own Content-Security-Policy (by UI name), where it differs from the default. */
  readonly csp?: Readonly<Record<string, string>>;
}

/**
 * Serves the Developer Portal, Publisher and Admin pages and their shared assets. Files are
 * read once at start into a map, so a request path can only name a file that exists there (no
 * path traversal) and no disk access happens per request.
 */
export function registerStaticRoutes(app: FastifyInstance, opts: StaticRouteOptions = {}): void {
  const root = opts.root ?? WEB_ROOT;
  const files = new Map<string, { body: Buffer; type: string }>();
  collect(root, '', files);
  const send = (path: string) => async (_req: unknown, reply: import('fastify').FastifyReply) => {
    const file = files.get(path);
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.type(file.type).header('cache-control', 'no-cache').send(file.body);
  };
  for (const ui of ['devportal', 'publisher', 'admin']) {
    const page = send(`${ui}/index.html`);
    const csp = opts.csp?.[ui];
    const handler: typeof page = csp
      ? async (req, reply) => page(req, reply.header('content-security-policy', csp))
      : page;
    app.get(`/${ui}`, handler);
    app.get(`/${ui}/`, handler);
  }
  const vendor = new Map<string, { body: Buffer; type: string }>();
  app.get<{ Params: { name: string; file: string } }>(
    '/static/vendor/:name/:file',
    async (req, reply) => {
      const key = `${req.params.name}/${req.params.file}`;
      // Only listed files are read, and only they are kept.
      const file = vendor.get(key) ?? vendorFile(req.params.name, req.params.file);
      if (file) vendor.set(key, file);
      if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      return reply.type(file.type).header('cache-control', 'no-cache').send(file.body);
    },
  );
  app.get('/', async (_req, reply) => reply.redirect('/devportal', 302));
  // Browsers ask for /favicon.ico by themselves (a 404 there is a console error on every page).
  app.get('/favicon.ico', send('static/favicon.svg'));
  app.get('/static/*', async (req, reply) =>
    send(`static/${(req.params as { '*': string })['*']}`)(req, reply),
  );
}
