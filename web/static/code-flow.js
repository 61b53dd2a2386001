// The Developer Portal's part of the authorization code flow: the key configuration fields
// (callback URLs, public or confidential client), how to start the flow with a key pair, and
// the user's "Authorized applications" with their consents.
import { api } from './api.js';
import { busy, copyable, field, formatDate, h, showStatus } from './dom.js';

/** Callback URLs (one per line) and the client type, as Generate Keys and Update send them. */
export function keyConfigFields(keys, env) {
  const urls = field(
    'Callback URLs',
    {
      type: 'textarea',
      rows: 3,
      value: (keys.callbackUrls ?? []).join('\n'),
      id: `callbacks-${env}`,
      class: 'mono',
    },
    'Where the Code grant sends the browser back, one per line, compared exactly: https://…, http://127.0.0.1/… for a native app, or a scheme such as com.example.app:/callback.',
  );
  const radio = (value, label, hint) => {
    const id = `client-${env}-${value}`;
    const input = h('input', {
      type: 'radio',
      name: `client-type-${env}`,
      value,
      id,
      checked: (value === 'public') === Boolean(keys.publicClient),
    });
    return h(
      'div',
      { class: 'check' },
      input,
      h('label', { for: id }, label, h('span', { class: 'hint' }, ` — ${hint}`)),
    );
  };
  const type = h(
    'fieldset',
    {},
    h('legend', {}, 'Client type'),
    radio('confidential', 'Confidential', 'a server-side application that keeps the secret'),
    radio('public', 'Public', 'a browser or mobile app: client_id alone, with PKCE'),
  );
  return {
    els: [urls.el, type],
    values: () => ({
      callbackUrls: urls.input.value
        .split('\n')
        .map((u) => u.trim())
        .filter(Boolean),
      publicClient: type.querySelector('input:checked')?.value === 'public',
    }),
  };
}

/** How to start the Code flow with this key pair (the server builds the example). */
export function codeFlowCard(codeFlow, env) {
  if (!codeFlow) return null;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': `flow-${env}` },
    h('h3', { id: `flow-${env}` }, 'Start the authorization code flow'),
    h(
      'p',
      {},
      'Send the user’s browser to this URL, with a random STATE and CHALLENGE = BASE64URL(SHA-256(VERIFIER)) for a random VERIFIER (43 to 128 characters) that your application keeps. After sign-in and consent, the browser comes back to your callback URL with code, state and iss.',
    ),
    copyable('Authorization URL', codeFlow.authorizationUrl, { id: `authorize-url-${env}` }).el,
    h('p', {}, 'Then exchange the code (valid 60 seconds, once) with the verifier:'),
    copyable('Code exchange (curl)', codeFlow.tokenRequest, { id: `code-exchange-${env}` }).el,
  );
}

/** "Authorized applications": what the user allowed on the consent page, with Revoke. */
export async function consentsPage() {
  const { list } = await api('GET', '/api/devportal/v1/consents');
  const rows = list.map((c) => {
    const revoke = h('button', { type: 'button', class: 'danger' }, `Revoke ${c.applicationName}`);
    const row = h(
      'tr',
      {},
      h('td', {}, c.applicationName),
      h('td', {}, c.owner ?? ''),
      h('td', {}, c.scopes.join(' ')),
      h('td', {}, formatDate(c.grantedAt)),
      h('td', {}, revoke),
    );
    revoke.addEventListener('click', () =>
      busy(revoke, 'Revoking', async () => {
        await api('DELETE', `/api/devportal/v1/consents/${encodeURIComponent(c.applicationId)}`);
        row.remove();
        showStatus(`Access of ${c.applicationName} revoked.`);
      }),
    );
    return row;
  });
  return h(
    'section',
    { class: 'card' },
    h('h1', {}, 'Authorized applications'),
    h(
      'p',
      {},
      'Applications you allowed to act for you when you signed in through them. Revoking stops the tokens you gave them; they ask again next time.',
    ),
    rows.length === 0
      ? h('p', { class: 'empty' }, 'You have not authorized any application.')
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Application', 'Owner', 'Scopes', 'Allowed on', ''].map((t) => h('th', {}, t)),
            ),
          ),
          h('tbody', {}, rows),
        ),
  );
}
