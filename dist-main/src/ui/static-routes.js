import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.ico': 'image/x-icon',
};
/** The web UIs' files (web/ at the package root), beside dist/ once compiled. */
export const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));
function collect(dir, prefix, out) {
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory())
            collect(path, `${prefix}${name}/`, out);
        else if (TYPES[extname(name)])
            out.set(`${prefix}${name}`, { body: readFileSync(path), type: TYPES[extname(name)] });
    }
}
/**
 * Serves the Developer Portal, Publisher and Admin pages and their shared assets. Files are
 * read once at start into a map, so a request path can only name a file that exists there (no
 * path traversal) and no disk access happens per request.
 */
export function registerStaticRoutes(app, root = WEB_ROOT) {
    const files = new Map();
    collect(root, '', files);
    const send = (path) => async (_req, reply) => {
        const file = files.get(path);
        if (!file)
            return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
        return reply.type(file.type).header('cache-control', 'no-cache').send(file.body);
    };
    for (const ui of ['devportal', 'publisher', 'admin']) {
        app.get(`/${ui}`, send(`${ui}/index.html`));
        app.get(`/${ui}/`, send(`${ui}/index.html`));
    }
    app.get('/', async (_req, reply) => reply.redirect('/devportal', 302));
    // Browsers ask for /favicon.ico by themselves (a 404 there is a console error on every page).
    app.get('/favicon.ico', send('static/favicon.svg'));
    app.get('/static/*', async (req, reply) => send(`static/${req.params['*']}`)(req, reply));
}
//# sourceMappingURL=static-routes.js.map