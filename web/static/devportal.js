// Developer Portal: sign up, sign in, published APIs, applications, Production/Sandbox keys, tokens,
// subscriptions, Registered Users.
import { api, signIn } from './api.js';
import { barChart, dayRange } from './chart.js';
import {
  busy,
  checkbox,
  copyable,
  field,
  formatDate,
  formatDay,
  h,
  select,
  showStatus,
} from './dom.js';
import { apiPage, apisPage } from './devportal-apis.js';
import { codeFlowCard, consentsPage, keyConfigFields } from './code-flow.js';
import { startApp } from './layout.js';

const ENVS = { production: 'Production Keys', sandbox: 'Sandbox Keys' };
// Secrets are shown once: kept in this page's memory only, to fill the curl example.
const secrets = new Map();
let info = null;
let applicationPolicies = null;

async function getInfo() {
  info ??= await api('GET', '/api/devportal/v1/info');
  return info;
}

// [apim.throttling] application_policies of the server: requests per minute per end user of the application.
async function getApplicationPolicies() {
  applicationPolicies ??= (await api('GET', '/api/devportal/v1/throttling-policies/application'))
    .list;
  return applicationPolicies;
}

const rateLabel = (t) =>
  `${t.name} (${t.requestsPerMinute === null ? 'unlimited' : `${t.requestsPerMinute} requests/min`})`;

// Beside the sign-in form, as WSO2's "Create an account": only while the admin allows self
// sign-up; and the catalogue, while visitors may browse it.
async function signUpOffer() {
  const [{ enabled }, { anonymousCatalogue }] = await Promise.all([
    api('GET', '/api/devportal/v1/signup'),
    api('GET', '/api/devportal/v1/info'),
  ]);
  const browse = anonymousCatalogue
    ? h(
        'p',
        { class: 'signup-offer' },
        'Just looking?',
        h('a', { href: '#/apis', id: 'browse-apis' }, 'Browse the APIs'),
      )
    : null;
  if (!enabled) return browse;
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'signup-offer' },
      'New to the Developer Portal?',
      h('a', { href: '#/signup', class: 'button-link', id: 'create-account' }, 'Create an account'),
    ),
    browse,
  );
}

function signUpPage(_m, ctx) {
  return (async () => {
    const { enabled } = await api('GET', '/api/devportal/v1/signup');
    if (!enabled) {
      return h(
        'section',
        { class: 'card narrow' },
        h('h1', {}, 'Sign up'),
        h(
          'p',
          { class: 'notice', id: 'signup-disabled' },
          'Self sign-up is disabled on this server. Ask an administrator to create an account for you.',
        ),
        h('p', {}, h('a', { href: '#/signin' }, 'Sign in')),
      );
    }
    const user = field(
      'Username',
      { name: 'username', autocomplete: 'username', required: true },
      '3 to 64 letters, digits and . _ - @',
    );
    const pass = field(
      'Password',
      {
        name: 'password',
        type: 'password',
        autocomplete: 'new-password',
        required: true,
        minlength: 8,
      },
      'At least 8 characters; common passwords are refused.',
    );
    const submit = h('button', { type: 'submit' }, 'Create account');
    const form = h(
      'form',
      { class: 'card narrow', 'aria-labelledby': 'signup-title' },
      h('h1', { id: 'signup-title' }, 'Sign up'),
      user.el,
      pass.el,
      submit,
      h('p', {}, 'Already have an account? ', h('a', { href: '#/signin' }, 'Sign in')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      busy(submit, 'Creating your account', async () => {
        await api('POST', '/api/devportal/v1/signup', {
          username: user.input.value,
          password: pass.input.value,
        });
        ctx.state.session = await signIn(user.input.value, pass.input.value);
        location.hash = '#/applications';
      });
    });
    return form;
  })();
}

function applicationForm(app, policies, onSave, label) {
  const name = field('Name', {
    name: 'name',
    required: true,
    maxlength: 100,
    value: app?.name ?? '',
  });
  const description = field('Description', {
    type: 'textarea',
    name: 'description',
    maxlength: 1000,
    rows: 3,
  });
  description.input.value = app?.description ?? '';
  const tokenType = select(
    'Token type',
    [
      ['jwt', 'JWT'],
      ['opaque', 'Opaque'],
    ],
    app?.tokenType ?? 'jwt',
    { name: 'tokenType' },
  );
  const policy = select(
    'Throttling policy',
    policies.map((p) => [p.name, rateLabel(p)]),
    app?.throttlingPolicy ?? 'Unlimited',
    { name: 'throttlingPolicy' },
  );
  const submit = h('button', { type: 'submit' }, label);
  const form = h(
    'form',
    { class: 'grid-form' },
    name.el,
    tokenType.el,
    policy.el,
    description.el,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, label === 'Create' ? 'Creating the application' : 'Saving', () =>
      onSave({
        name: name.input.value,
        description: description.input.value,
        tokenType: tokenType.input.value,
        throttlingPolicy: policy.input.value,
      }),
    );
  });
  return form;
}

async function applicationsPage() {
  const [{ list }, policies] = await Promise.all([
    api('GET', '/api/devportal/v1/applications'),
    getApplicationPolicies(),
  ]);
  const table =
    list.length === 0
      ? h('p', { class: 'empty' }, 'You have no applications yet.')
      : h(
          'table',
          {},
          h('caption', {}, 'Your applications'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Name', 'Token type', 'Throttling policy', 'Created'].map((t) =>
                h('th', { scope: 'col' }, t),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            list.map((a) =>
              h(
                'tr',
                {},
                h(
                  'th',
                  { scope: 'row' },
                  h('a', { href: `#/applications/${a.id}/overview` }, a.name),
                ),
                h('td', {}, a.tokenType.toUpperCase()),
                h('td', {}, a.throttlingPolicy),
                h('td', {}, formatDate(a.createdAt)),
              ),
            ),
          ),
        );
  const create = applicationForm(
    null,
    policies,
    async (body) => {
      const app = await api('POST', '/api/devportal/v1/applications', body);
      location.hash = `#/applications/${app.id}/production`;
    },
    'Create',
  );
  return h(
    'div',
    {},
    h('h1', {}, 'Applications'),
    h('section', { class: 'card' }, table),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'new-app' },
      h('h2', { id: 'new-app' }, 'Create an application'),
      create,
    ),
  );
}

function tabs(app, current) {
  const items = [
    ['overview', 'Overview'],
    ['production', ENVS.production],
    ['sandbox', ENVS.sandbox],
    ['subscriptions', 'Subscriptions'],
    ['users', 'Registered Users'],
  ];
  return h(
    'nav',
    { class: 'tabs', 'aria-label': 'Application' },
    h(
      'ul',
      {},
      items.map(([id, label]) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: `#/applications/${app.id}/${id}`,
              'aria-current': id === current ? 'page' : undefined,
            },
            label,
          ),
        ),
      ),
    ),
  );
}

async function overviewTab(app) {
  const edit = applicationForm(
    app,
    await getApplicationPolicies(),
    async (body) => {
      await api('PUT', `/api/devportal/v1/applications/${app.id}`, body);
      showStatus('Application saved.');
    },
    'Save',
  );
  const del = h('button', { type: 'button', class: 'danger' }, 'Delete application');
  del.addEventListener('click', () => {
    if (!confirm(`Delete ${app.name}? Its keys and tokens stop working.`)) return;
    busy(del, 'Deleting', async () => {
      await api('DELETE', `/api/devportal/v1/applications/${app.id}`);
      location.hash = '#/applications';
    });
  });
  return h('section', { class: 'card' }, h('h2', {}, 'Edit application'), edit, h('hr'), del);
}

function curlExample(key, env, username) {
  const secret = secrets.get(`${key.consumerKey}`);
  const basic = secret
    ? btoa(`${key.consumerKey}:${secret}`)
    : '<base64(consumer-key:consumer-secret)>';
  const cmd = `curl -k -d "grant_type=password&username=${username}&password=<password>" \\\n  -H "Authorization: Basic ${basic}" \\\n  -H "Content-Type: application/x-www-form-urlencoded" ${info.tokenEndpoint}`;
  const f = copyable('curl command (password grant)', cmd, {
    type: 'textarea',
    id: `curl-${env}`,
    rows: 4,
  });
  return h(
    'div',
    {},
    f.el,
    secret
      ? null
      : h(
          'p',
          { class: 'hint' },
          'The secret is shown only when generated; regenerate it to get a command with the credentials filled in.',
        ),
  );
}

function secretBlock(keys) {
  return h(
    'div',
    { class: 'secret', role: 'group', 'aria-label': 'New credentials' },
    copyable('Consumer secret', keys.consumerSecret, { id: `secret-${keys.environment}` }).el,
    h(
      'p',
      { class: 'warning' },
      'Copy the consumer secret now: it is stored hashed and cannot be shown again.',
    ),
  );
}

function tokenGenerator(app, env) {
  const scopes = field(
    'Scopes',
    { name: 'scopes', placeholder: 'read update' },
    'Space-separated; scopes your roles do not allow are dropped ("default" when none remain).',
  );
  const validity = field('Validity period (seconds)', {
    name: 'validity',
    type: 'number',
    min: 60,
    max: 31536000,
    value: 3600,
    required: true,
  });
  const submit = h('button', { type: 'submit' }, 'Generate access token');
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'grid-form' },
    scopes.el,
    validity.el,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, 'Generating the access token', async () => {
      const t = await api('POST', `/api/devportal/v1/applications/${app.id}/keys/${env}/token`, {
        scopes: scopes.input.value.split(' ').filter(Boolean),
        validityPeriod: Number(validity.input.value),
      });
      out.replaceChildren(
        copyable('Access token', t.access_token, { id: `access-token-${env}` }).el,
        h('p', {}, `Scope: ${t.scope} · expires in ${t.expires_in} s · token type ${t.token_type}`),
      );
    });
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': `tok-${env}` },
    h('h3', { id: `tok-${env}` }, 'Generate an access token'),
    form,
    out,
  );
}

async function keysTab(app, env, ctx) {
  const keys = await api('GET', `/api/devportal/v1/applications/${app.id}/keys`);
  await getInfo();
  const key = keys[env];
  // The server's grant registry: wire names and labels.
  const grantBoxes = info.grantTypes.map(({ name: g, label }) =>
    // New keys start from the application's grant types (the server's default_grant_types).
    checkbox(label, keys.grantTypes.includes(g), {
      name: 'grant',
      value: g,
      id: `grant-${env}-${g}`,
    }),
  );
  const chosen = () => grantBoxes.filter((b) => b.input.checked).map((b) => b.input.value);
  const config = keyConfigFields(keys, env);
  const grants = h(
    'div',
    {},
    h(
      'fieldset',
      {},
      h('legend', {}, 'Grant types'),
      grantBoxes.map((b) => b.el),
    ),
    config.els,
  );
  const holder = h('div', {});
  const show = (fresh) => {
    const current = fresh ?? key;
    if (!current) {
      const gen = h('button', { type: 'button', id: `generate-${env}` }, 'Generate Keys');
      gen.addEventListener('click', () =>
        busy(gen, 'Generating keys', async () => {
          const made = await api('POST', `/api/devportal/v1/applications/${app.id}/keys/${env}`, {
            grantTypes: chosen(),
            ...config.values(),
          });
          secrets.set(made.consumerKey, made.consumerSecret);
          holder.replaceChildren(...render(made, made));
          showStatus('Keys generated.');
        }),
      );
      holder.replaceChildren(
        h(
          'section',
          { class: 'card' },
          h('h2', {}, `${ENVS[env]}`),
          h('p', {}, 'This application has no keys for this environment yet.'),
          grants,
          gen,
        ),
      );
    } else holder.replaceChildren(...render(current, fresh));
  };
  const render = (k, fresh) => {
    const regen = h(
      'button',
      { type: 'button', class: 'secondary', id: `regenerate-${env}` },
      'Regenerate secret',
    );
    regen.addEventListener('click', () => {
      if (
        !confirm(
          'Regenerate the consumer secret? The old secret and the tokens issued with it stop working.',
        )
      )
        return;
      busy(regen, 'Regenerating the secret', async () => {
        const made = await api(
          'POST',
          `/api/devportal/v1/applications/${app.id}/keys/${env}/regenerate-secret`,
        );
        secrets.set(made.consumerKey, made.consumerSecret);
        holder.replaceChildren(...render(made, made));
        showStatus('New secret generated.');
      });
    });
    const update = h('button', { type: 'button', class: 'secondary' }, 'Update grant types');
    update.addEventListener('click', () =>
      busy(update, 'Saving grant types', async () => {
        await api('PUT', `/api/devportal/v1/applications/${app.id}/keys/${env}`, {
          grantTypes: chosen(),
          ...config.values(),
        });
        showStatus('Grant types saved.');
      }),
    );
    return [
      h(
        'section',
        { class: 'card' },
        h('h2', {}, ENVS[env]),
        copyable('Consumer key', k.consumerKey, { id: `key-${env}` }).el,
        fresh?.consumerSecret
          ? secretBlock(fresh)
          : h('p', { class: 'hint' }, 'Consumer secret: hidden (shown once when generated).'),
        h('div', { class: 'actions' }, regen),
        grants,
        h('div', { class: 'actions' }, update),
      ),
      codeFlowCard(k.codeFlow ?? key?.codeFlow, env),
      tokenGenerator(app, env),
      h(
        'section',
        { class: 'card' },
        h('h3', {}, 'Get a token with the password grant'),
        curlExample(k, env, ctx.state.session.username),
      ),
    ].filter(Boolean);
  };
  show();
  return holder;
}

async function usersTab(app) {
  const data = await api(
    'GET',
    `/api/devportal/v1/applications/${app.id}/registered-users?days=30`,
  );
  const today = Math.floor(Date.now() / 86_400_000);
  const days = dayRange(today - data.days + 1, today);
  const byDay = new Map(data.daily.map((d) => [d.day, d]));
  const chart = barChart({
    title: 'Password-grant tokens per day (last 30 days)',
    labels: days.map(formatDay),
    series: [
      { name: 'Users', values: days.map((d) => byDay.get(d)?.users ?? 0) },
      { name: 'Tokens', values: days.map((d) => byDay.get(d)?.tokens ?? 0) },
    ],
  });
  const table =
    data.list.length === 0
      ? h('p', { class: 'empty' }, 'No user has obtained a token with the password grant yet.')
      : h(
          'table',
          { id: 'registered-users' },
          h('caption', {}, `Registered users: ${data.count}`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['User', 'Tokens', 'First token', 'Last token'].map((t) =>
                h('th', { scope: 'col' }, t),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            data.list.map((u) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, u.username),
                h('td', {}, String(u.tokenCount)),
                h('td', {}, formatDate(u.firstIssuedAt)),
                h('td', {}, formatDate(u.lastIssuedAt)),
              ),
            ),
          ),
        );
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Registered Users'),
    h('p', {}, 'Users who obtained access tokens for this application with the password grant.'),
    table,
    chart,
  );
}

async function subscriptionsTab(app) {
  const holder = h('div', {});
  const reload = async () => {
    const [{ list: subs }, { list: apis }, { list: tiers }] = await Promise.all([
      api('GET', `/api/devportal/v1/subscriptions?applicationId=${encodeURIComponent(app.id)}`),
      api('GET', '/api/devportal/v1/apis'),
      api('GET', '/api/devportal/v1/throttling-policies'),
    ]);
    const byId = new Map(apis.map((a) => [a.id, a]));
    const apiName = (id) =>
      byId.has(id) ? `${byId.get(id).name} ${byId.get(id).version}` : 'API no longer available';
    const table =
      subs.length === 0
        ? h(
            'p',
            { class: 'empty', id: 'no-subscriptions' },
            'This application is not subscribed to any API.',
          )
        : h(
            'table',
            { id: 'subscriptions' },
            h('caption', {}, `Subscriptions of ${app.name}`),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['API', 'Gateway path', 'Tier', 'Subscribed', 'Actions'].map((t) =>
                  h('th', { scope: 'col' }, t),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              subs.map((s) => {
                const remove = h(
                  'button',
                  {
                    type: 'button',
                    class: 'danger',
                    'aria-label': `Unsubscribe from ${apiName(s.apiId)}`,
                  },
                  'Unsubscribe',
                );
                remove.addEventListener('click', () => {
                  if (
                    !confirm(
                      `Unsubscribe ${app.name} from ${apiName(s.apiId)}? Its tokens can no longer call that API.`,
                    )
                  )
                    return;
                  busy(remove, 'Unsubscribing', async () => {
                    await api(
                      'DELETE',
                      `/api/devportal/v1/subscriptions/${encodeURIComponent(s.subscriptionId)}`,
                    );
                    await reload();
                    showStatus(`Unsubscribed from ${apiName(s.apiId)}.`);
                  });
                });
                return h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, apiName(s.apiId)),
                  h('td', { class: 'mono' }, byId.get(s.apiId)?.path ?? '—'),
                  h('td', {}, s.throttlingPolicy),
                  h('td', {}, formatDate(s.createdTime)),
                  h('td', {}, remove),
                );
              }),
            ),
          );
    const subscribed = new Set(subs.map((s) => s.apiId));
    const open = apis.filter((a) => a.status === 'PUBLISHED' && !subscribed.has(a.id));
    let form;
    if (open.length === 0) {
      form = h(
        'p',
        { class: 'empty' },
        apis.length === 0
          ? 'No API is published yet.'
          : 'This application is subscribed to every published API.',
      );
    } else {
      const apiSel = select(
        'API',
        open.map((a) => [a.id, `${a.name} ${a.version} (${a.path})`]),
        open[0].id,
        { name: 'apiId' },
      );
      const tierSel = select(
        'Tier',
        tiers.map((t) => [t.name, rateLabel(t)]),
        tiers.find((t) => t.name !== 'Unlimited')?.name ?? tiers[0]?.name,
        { name: 'throttlingPolicy' },
      );
      const submit = h('button', { type: 'submit' }, 'Subscribe');
      form = h(
        'form',
        { class: 'grid-form' },
        apiSel.el,
        tierSel.el,
        h('div', { class: 'actions' }, submit),
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        busy(submit, 'Subscribing', async () => {
          await api('POST', '/api/devportal/v1/subscriptions', {
            applicationId: app.id,
            apiId: apiSel.input.value,
            throttlingPolicy: tierSel.input.value,
          });
          const name = apiSel.input.selectedOptions[0]?.textContent ?? 'the API';
          await reload();
          showStatus(`Subscribed to ${name}.`);
        });
      });
    }
    holder.replaceChildren(
      h('section', { class: 'card' }, h('h2', {}, 'Subscriptions'), table),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'new-sub' },
        h('h2', { id: 'new-sub' }, 'Subscribe to an API'),
        form,
        h(
          'p',
          { class: 'hint' },
          'The tier limits the requests per minute this application may send to the API through the Gateway.',
        ),
      ),
    );
  };
  await reload();
  return holder;
}

async function applicationPage([id, tab], ctx) {
  const app = await api('GET', `/api/devportal/v1/applications/${id}`);
  const body =
    tab === 'overview'
      ? await overviewTab(app)
      : tab === 'users'
        ? await usersTab(app)
        : tab === 'subscriptions'
          ? await subscriptionsTab(app)
          : await keysTab(app, tab, ctx);
  return h(
    'div',
    {},
    h('p', {}, h('a', { href: '#/applications' }, '← Applications')),
    h('h1', {}, app.name),
    tabs(app, tab),
    body,
  );
}

startApp({
  title: 'Developer Portal',
  fallback: '#/applications',
  signInExtra: signUpOffer,
  nav: [
    { href: '#/apis', label: 'APIs' },
    { href: '#/applications', label: 'Applications', signedIn: true },
    { href: '#/consents', label: 'Authorized applications', signedIn: true },
  ],
  routes: [
    { pattern: /^#\/signup$/, public: true, render: signUpPage },
    {
      pattern: /^#\/signin$/,
      public: true,
      render: (_m, ctx) =>
        ctx.state.session
          ? ((location.hash = '#/applications'), h('p', {}, 'Signed in.'))
          : ctx.signInView(),
    },
    // Visitors too, unless the admin requires sign-in (the REST answers 401: the sign-in form).
    { pattern: /^#\/apis$/, public: true, render: apisPage },
    { pattern: /^#\/apis\/([\w-]+)$/, public: true, render: apiPage },
    { pattern: /^#\/applications$/, render: applicationsPage },
    { pattern: /^#\/consents$/, render: consentsPage },
    {
      pattern: /^#\/applications\/([\w-]+)\/(overview|production|sandbox|subscriptions|users)$/,
      render: applicationPage,
    },
  ],
});
