import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FormParams, formDecode, parseFormBody } from './form.js';
import { InvalidRequestError } from '../errors.js';
const invalid = (description) => (err) => err instanceof InvalidRequestError &&
    err.error === 'invalid_request' &&
    err.description === description;
describe('strict form parsing', () => {
    it('decodes + as space, %XX as UTF-8 bytes', () => {
        assert.equal(formDecode('a+b%20c%C3%A9%2B'), 'a b cé+');
    });
    it('refuses a malformed escape instead of keeping it literally', () => {
        assert.throws(() => formDecode('abc%zz'), invalid('The request body has a malformed percent-escape.'));
        assert.throws(() => formDecode('abc%4'), invalid('The request body has a malformed percent-escape.'));
    });
    it('refuses invalid UTF-8 instead of turning it into U+FFFD', () => {
        assert.throws(() => formDecode('%C3%28'), invalid('The request body is not valid UTF-8.'));
        assert.throws(() => parseFormBody('application/x-www-form-urlencoded', Buffer.from([0x61, 0x3d, 0xff])), invalid('The request body is not valid UTF-8.'));
    });
    it('treats empty values as absent and refuses duplicates of a parameter that is read', () => {
        const f = FormParams.parse('a=&b=1&c=2&c=3&d=x&d=');
        assert.equal(f.get('a'), undefined);
        assert.equal(f.get('b'), '1');
        assert.equal(f.get('d'), 'x');
        assert.throws(() => f.get('c'), invalid("The 'c' parameter is included more than once."));
        assert.throws(() => f.require('a'), invalid("The 'a' parameter is required."));
    });
    it('accepts only application/x-www-form-urlencoded in UTF-8', () => {
        assert.equal(parseFormBody('application/x-www-form-urlencoded; charset=UTF-8', Buffer.from('x=1')).get('x'), '1');
        for (const type of [
            undefined,
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded; charset=latin1',
        ]) {
            assert.throws(() => parseFormBody(type, Buffer.from('x=1')), invalid('The request body must be application/x-www-form-urlencoded (UTF-8).'));
        }
    });
});
//# sourceMappingURL=form.test.js.map