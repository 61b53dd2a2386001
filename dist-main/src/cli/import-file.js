import { CliError } from './context.js';
/** JSON: an array of entries, numbered from 1. */
export function jsonItems(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        throw new CliError(`the file is not valid JSON (${err.message})`);
    }
    if (!Array.isArray(doc))
        throw new CliError('the JSON file must hold an array of users');
    return doc.map((value, i) => ({ ref: i + 1, value }));
}
/** Splits one CSV line (RFC 4180 quotes, no line breaks inside a field). */
function splitCsv(line) {
    const out = [];
    let i = 0;
    for (;;) {
        if (line[i] === '"') {
            let field = '';
            i++;
            for (;;) {
                const q = line.indexOf('"', i);
                if (q < 0)
                    return undefined;
                field += line.slice(i, q);
                if (line[q + 1] === '"') {
                    field += '"';
                    i = q + 2;
                }
                else {
                    i = q + 1;
                    break;
                }
            }
            out.push(field);
            if (i === line.length)
                return out;
            if (line[i] !== ',')
                return undefined;
            i++;
        }
        else {
            const c = line.indexOf(',', i);
            if (c < 0) {
                out.push(line.slice(i));
                return out;
            }
            out.push(line.slice(i, c));
            i = c + 1;
        }
    }
}
const HEADER = ['username', 'roles', 'password_hash'];
/**
 * CSV with the header `username,roles,password_hash`; roles are separated by `;` or spaces.
 * The hash is the last column and takes the rest of the line, so an unquoted Argon2 hash
 * (`m=…,t=…,p=…`) reads whole. Items are numbered by file line (the header is line 1).
 */
export function csvItems(text) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const header = splitCsv(lines[0] ?? '')?.map((h) => h.trim().toLowerCase());
    if (!header || header.join(',') !== HEADER.join(','))
        throw new CliError(`line 1: the CSV header must be "${HEADER.join(',')}"`);
    const items = [];
    lines.slice(1).forEach((line, i) => {
        const ref = i + 2;
        if (line.trim() === '')
            return;
        const cells = splitCsv(line);
        if (!cells || cells.length < 3) {
            items.push({ ref, problem: `Expected 3 columns (${HEADER.join(',')}).` });
            return;
        }
        const [username, roles, ...hash] = cells;
        const roleList = roles.split(/[;\s]+/).filter((r) => r.length > 0);
        items.push({
            ref,
            value: { username: username.trim(), roles: roleList, passwordHash: hash.join(',').trim() },
        });
    });
    return items;
}
export function importFormatOf(file, given) {
    const format = given ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
    if (format !== 'json' && format !== 'csv')
        throw new CliError('--format is json or csv');
    return format;
}
//# sourceMappingURL=import-file.js.map