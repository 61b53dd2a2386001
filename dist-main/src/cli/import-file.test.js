import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliError } from './context.js';
import { csvItems, importFormatOf, jsonItems } from './import-file.js';
const argon = '$argon2id$v=19$m=7168,t=5,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';
describe('import files', () => {
    it('reads CSV by file line: roles split on ; or spaces, an unquoted Argon2 hash whole, quotes, short lines', () => {
        const text = `\uFEFFusername,roles,password_hash\r\nann,a;b c,${argon}\n\n"bo,b",,"$2b$x""y"\nshort,only\n`;
        assert.deepEqual(csvItems(text), [
            { ref: 2, value: { username: 'ann', roles: ['a', 'b', 'c'], passwordHash: argon } },
            { ref: 4, value: { username: 'bo,b', roles: [], passwordHash: '$2b$x"y' } },
            { ref: 5, problem: 'Expected 3 columns (username,roles,password_hash).' },
        ]);
        assert.throws(() => csvItems('user,hash\nann,x\n'), new CliError('line 1: the CSV header must be "username,roles,password_hash"'));
    });
    it('reads a JSON array by position and picks the format from the name', () => {
        assert.deepEqual(jsonItems('[{"username":"ann"}, 3]'), [
            { ref: 1, value: { username: 'ann' } },
            { ref: 2, value: 3 },
        ]);
        assert.throws(() => jsonItems('{"username":"ann"}'), new CliError('the JSON file must hold an array of users'));
        assert.throws(() => jsonItems('[{'), CliError);
        assert.deepEqual([
            importFormatOf('u.CSV', undefined),
            importFormatOf('u.txt', undefined),
            importFormatOf('u.csv', 'json'),
        ], ['csv', 'json', 'json']);
        assert.throws(() => importFormatOf('u.csv', 'xml'), new CliError('--format is json or csv'));
    });
});
//# sourceMappingURL=import-file.test.js.map