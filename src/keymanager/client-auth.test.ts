import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FormParams } from './endpoints/form.js';
import { presentedCredentials } from './client-auth.js';
import { InvalidClientError, InvalidRequestError } from './errors.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const none = FormParams.parse('');

describe('presented client credentials (RFC 6749 §2.3.1)', () => {
  it('form-decodes the Basic id and secret, so encoded and raw forms both work (R10)', () => {
    assert.deepEqual(presentedCredentials(`Basic ${b64('an%3Aidentifier:%20%25%26%2B')}`, none), {
      clientId: 'an:identifier',
      clientSecret: ' %&+',
      via: 'basic',
    });
    assert.deepEqual(presentedCredentials(`basic ${b64('key_-1:sec-_2')}`, none), {
      clientId: 'key_-1',
      clientSecret: 'sec-_2',
      via: 'basic',
    });
  });

  it('refuses bad base64 and a missing colon instead of guessing', () => {
    for (const header of [
      'Basic !!!!',
      'Basic YWJj',
      `Basic ${b64('no-colon')}`,
      'Basic ',
      `Basic ${b64('a:b').slice(0, -1)}`,
    ]) {
      assert.throws(
        () => presentedCredentials(header, none),
        (e: unknown) => e instanceof InvalidRequestError,
        header,
      );
    }
  });

  it('takes body credentials, refuses two methods, and needs one', () => {
    assert.deepEqual(
      presentedCredentials(undefined, FormParams.parse('client_id=a&client_secret=b')),
      { clientId: 'a', clientSecret: 'b', via: 'body' },
    );
    assert.throws(
      () => presentedCredentials(`Basic ${b64('a:b')}`, FormParams.parse('client_secret=b')),
      (e: unknown) => e instanceof InvalidRequestError,
    );
    assert.throws(
      () => presentedCredentials(`Basic ${b64('a:b')}`, FormParams.parse('client_id=other')),
      (e: unknown) => e instanceof InvalidRequestError,
    );
    assert.deepEqual(
      presentedCredentials(`Basic ${b64('a:b')}`, FormParams.parse('client_id=a')).clientId,
      'a',
    );
    // A public client's client_id alone (RFC 6749 §2.1); authenticateClient decides.
    assert.deepEqual(presentedCredentials(undefined, FormParams.parse('client_id=a')), {
      clientId: 'a',
      via: 'none',
    });
    assert.throws(
      () => presentedCredentials(undefined, FormParams.parse('client_secret=b')),
      (e: unknown) => e instanceof InvalidClientError,
    );
    assert.throws(
      () => presentedCredentials('Bearer abc', none),
      (e: unknown) => e instanceof InvalidClientError && e.status === 401,
    );
  });
});
