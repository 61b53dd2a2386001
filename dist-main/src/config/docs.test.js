import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { configurationMarkdown } from './docs.js';
it('docs/configuration.md matches the schema (run npm run docs:config)', () => {
    assert.equal(readFileSync('docs/configuration.md', 'utf8'), configurationMarkdown());
});
//# sourceMappingURL=docs.test.js.map