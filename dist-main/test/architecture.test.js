// The layout rules of README's "Architecture" section, checked against the import graph of src/
// (every import and export ... from of every non-test .ts file, type-only imports included).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
const SRC = fileURLToPath(new URL('../../src', import.meta.url));
function listTs(dir, out = []) {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory())
            listTs(p, out);
        else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
            out.push(p);
    }
    return out;
}
// `import ... from 'x'`, `export ... from 'x'`, `import 'x'`, `import('x')`; multi-line imports too.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
function readSources() {
    return listTs(SRC).map((file) => {
        const path = relative(SRC, file).split(sep).join('/');
        const text = readFileSync(file, 'utf8');
        const imports = [];
        const packages = [];
        for (const m of text.matchAll(IMPORT)) {
            const spec = m[1];
            if (spec.startsWith('.')) {
                const target = relative(SRC, resolve(dirname(file), spec))
                    .split(sep)
                    .join('/');
                imports.push(target.replace(/\.js$/, '.ts'));
            }
            else
                packages.push(spec);
        }
        return { path, folder: path.split('/')[0], text, imports, packages };
    });
}
const sources = readSources();
const folderOf = (path) => path.split('/')[0];
/** Every import from a file of `from` into a file of `to`, as "file -> file". */
function importsBetween(from, to) {
    return sources
        .filter((s) => s.folder === from)
        .flatMap((s) => s.imports.filter((i) => to.includes(folderOf(i))).map((i) => `src/${s.path} -> src/${i}`));
}
/** Folder-level import graph: folder -> folders it imports (itself excluded). */
function folderGraph() {
    const graph = new Map();
    for (const s of sources) {
        const edges = graph.get(s.folder) ?? new Set();
        for (const i of s.imports)
            if (folderOf(i) !== s.folder)
                edges.add(folderOf(i));
        graph.set(s.folder, edges);
    }
    return graph;
}
/** File-level import graph: file -> files it imports. */
function fileGraph() {
    const known = new Set(sources.map((s) => s.path));
    return new Map(sources.map((s) => [s.path, new Set(s.imports.filter((i) => known.has(i)))]));
}
/** Strongly connected components with more than one node (Tarjan). */
function folderCycles(graph) {
    let index = 0;
    const indices = new Map();
    const low = new Map();
    const stack = [];
    const onStack = new Set();
    const cycles = [];
    const visit = (v) => {
        indices.set(v, index);
        low.set(v, index++);
        stack.push(v);
        onStack.add(v);
        for (const w of graph.get(v) ?? []) {
            if (!indices.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v), low.get(w)));
            }
            else if (onStack.has(w))
                low.set(v, Math.min(low.get(v), indices.get(w)));
        }
        if (low.get(v) === indices.get(v)) {
            const scc = [];
            let w;
            do {
                w = stack.pop();
                onStack.delete(w);
                scc.push(w);
            } while (w !== v);
            if (scc.length > 1)
                cycles.push(scc.sort());
        }
    };
    for (const v of graph.keys())
        if (!indices.has(v))
            visit(v);
    return cycles;
}
// SQL text or a query builder/driver call: only store/ speaks to the database.
const SQL = [
    /\b(SELECT\s+[\w*]|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+(TABLE|INDEX)|ALTER\s+TABLE|DROP\s+TABLE)\b/,
    /\.(selectFrom|insertInto|updateTable|deleteFrom)\(/,
    /\bsql`/,
];
const DATABASE_PACKAGES = ['kysely', 'pg', 'better-sqlite3'];
describe('architecture: the import graph of src/ keeps the layout rules', () => {
    it('reads the source tree', () => {
        assert.ok(sources.length > 100, `only ${sources.length} files found under ${SRC}`);
        assert.ok(sources.some((s) => s.path === 'http/server.ts'));
    });
    it('gateway/ never imports keymanager/ (apart, the Gateway reaches it over HTTPS only)', () => {
        assert.deepEqual(importsBetween('gateway', ['keymanager']), []);
    });
    it('http/ is plumbing: it imports config/ only, no domain', () => {
        const allowed = new Set(['http', 'config']);
        const found = sources
            .filter((s) => s.folder === 'http')
            .flatMap((s) => s.imports.filter((i) => !allowed.has(folderOf(i))).map((i) => `src/${s.path} -> src/${i}`));
        assert.deepEqual(found, []);
    });
    it('portal/ never imports admin/', () => {
        assert.deepEqual(importsBetween('portal', ['admin']), []);
    });
    it('SQL and database drivers appear in store/ only', () => {
        const found = [];
        for (const s of sources) {
            if (s.folder === 'store')
                continue;
            for (const p of s.packages)
                if (DATABASE_PACKAGES.includes(p))
                    found.push(`src/${s.path} imports ${p}`);
            for (const re of SQL) {
                const m = re.exec(s.text);
                if (m)
                    found.push(`src/${s.path}: ${m[0]}`);
            }
        }
        assert.deepEqual(found, []);
    });
    it('no two files import each other, directly or around a loop', () => {
        assert.deepEqual(folderCycles(fileGraph()), []);
    });
    it('no two folders import each other, directly or around a loop', () => {
        const graph = folderGraph();
        const cycles = folderCycles(graph);
        const explain = cycles.map((c) => c
            .flatMap((from) => importsBetween(from, c.filter((to) => to !== from)))
            .join('\n'));
        assert.deepEqual(explain, []);
    });
});
//# sourceMappingURL=architecture.test.js.map