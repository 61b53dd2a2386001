import { SETTINGS } from './schema.js';
function typeOf(s) {
    const t = s.type;
    switch (t.kind) {
        case 'integer':
            return `integer ${t.min}–${t.max}`;
        case 'enum':
            return t.values.map((v) => `"${v}"`).join(' \\| ');
        case 'string-list':
            return t.values ? `list of ${t.values.map((v) => `"${v}"`).join(', ')}` : 'list of strings';
        default:
            return t.kind;
    }
}
const show = (v) => JSON.stringify(v).replace(/\|/g, '\\|');
/** docs/configuration.md, generated from the schema (npm run docs:config). */
export function configurationMarkdown() {
    const rows = SETTINGS.map((s) => {
        const dot = s.key.lastIndexOf('.');
        return `| \`[${s.key.slice(0, dot)}]\` \`${s.key.slice(dot + 1)}\` | ${typeOf(s)} | \`${show(s.default)}\` | ${s.doc} |`;
    });
    return [
        '# Configuration: conf/deployment.toml',
        '',
        'Generated from `src/config/schema.ts` by `npm run docs:config`; a test fails when it is stale.',
        'Every key is optional. An unknown key or a value of the wrong type stops start-up with a',
        'message naming the file and the key. The instance directory is `--home`, `$TOLLGATE_HOME`',
        'or the current directory; relative paths are relative to it.',
        '',
        '| key | type | default | meaning |',
        '| --- | --- | --- | --- |',
        ...rows,
        '',
    ].join('\n');
}
//# sourceMappingURL=docs.js.map