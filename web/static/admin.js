// Admin: users and roles, runtime settings, statistics across applications, audit log, locked accounts.
import { api } from './api.js';
import { barChart, dayRange } from './chart.js';
import { busy, checkbox, field, formatDate, formatDay, h, select, showStatus } from './dom.js';
import { startApp } from './layout.js';

// The server's grant registry (wire name and label), read once.
let grantTypes = null;
async function getGrantTypes() {
  grantTypes ??= (await api('GET', '/api/devportal/v1/info')).grantTypes;
  return grantTypes;
}

function userRow(u, reload, self) {
  const roles = field(`Roles of ${u.username}`, {
    value: u.roles.join(', '),
    name: 'roles',
    class: 'inline',
  });
  roles.el.classList.add('sr-label');
  const save = h('button', { type: 'button', class: 'secondary' }, 'Save roles');
  save.addEventListener('click', () =>
    busy(save, 'Saving roles', async () => {
      await api('PUT', `/api/admin/v1/users/${encodeURIComponent(u.username)}`, {
        roles: roles.input.value
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean),
      });
      showStatus(`Roles of ${u.username} saved.`);
    }),
  );
  const toggle = h(
    'button',
    { type: 'button', class: 'secondary' },
    u.status === 'active' ? 'Disable' : 'Enable',
  );
  toggle.addEventListener('click', () =>
    busy(toggle, 'Saving', async () => {
      await api('PUT', `/api/admin/v1/users/${encodeURIComponent(u.username)}`, {
        status: u.status === 'active' ? 'disabled' : 'active',
      });
      await reload();
    }),
  );
  const remove = h('button', { type: 'button', class: 'danger' }, 'Remove');
  remove.addEventListener('click', () => {
    if (!confirm(`Remove ${u.username}? Their applications and tokens are removed too.`)) return;
    busy(remove, 'Removing', async () => {
      await api('DELETE', `/api/admin/v1/users/${encodeURIComponent(u.username)}`);
      await reload();
    });
  });
  // The REST API refuses to disable or remove yourself; the page does not offer it.
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, u.username),
    h('td', {}, h('div', { class: 'actions' }, roles.el, save)),
    h('td', {}, u.status),
    h('td', {}, formatDate(u.createdAt)),
    h(
      'td',
      {},
      self ? h('span', { class: 'hint' }, '(you)') : h('div', { class: 'actions' }, toggle, remove),
    ),
  );
}

async function usersPage(_m, ctx) {
  const section = h('div', {});
  const reload = async () => {
    const { list } = await api('GET', '/api/admin/v1/users');
    const table = h(
      'table',
      { id: 'users' },
      h('caption', {}, `Users (${list.length})`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['User', 'Roles (comma-separated)', 'Status', 'Created', 'Actions'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        list.map((u) => userRow(u, reload, u.username === ctx.state.session.username)),
      ),
    );
    const name = field('Username', { name: 'username', required: true, autocomplete: 'off' });
    const pass = field('Password', {
      name: 'password',
      type: 'password',
      required: true,
      autocomplete: 'new-password',
    });
    const roles = field(
      'Roles',
      { name: 'roles', placeholder: 'subscriber, publisher' },
      'Comma-separated; "admin" gives access to this page.',
    );
    const submit = h('button', { type: 'submit' }, 'Create user');
    const form = h(
      'form',
      { class: 'grid-form' },
      name.el,
      pass.el,
      roles.el,
      h('div', { class: 'actions' }, submit),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      busy(submit, 'Creating the user', async () => {
        await api('POST', '/api/admin/v1/users', {
          username: name.input.value,
          password: pass.input.value,
          roles: roles.input.value
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
        });
        await reload();
        showStatus('User created.');
      });
    });
    section.replaceChildren(
      h('h1', {}, 'Users and roles'),
      h('section', { class: 'card' }, table),
      h('section', { class: 'card' }, h('h2', {}, 'Create a user'), form),
    );
  };
  await reload();
  return section;
}

/** A switch of the settings page; one deployment.toml turns off is shown disabled, with the reason. */
function settingSwitch(label, id, on, locked, configKey, hint = '') {
  const box = checkbox(label, on && !locked, {
    id,
    disabled: locked,
    'aria-describedby': `${id}-hint`,
  });
  const text = locked
    ? `Turned off in deployment.toml (${configKey} = false): it cannot be turned on here; the operator changes the file and restarts.`
    : ['deployment.toml default: on.', hint].filter(Boolean).join(' ');
  return { ...box, locked, hint: h('p', { class: 'hint', id: `${id}-hint` }, text) };
}

async function settingsPage() {
  const s = await api('GET', '/api/admin/v1/settings');
  const signup = settingSwitch(
    'Allow self sign-up on the Developer Portal',
    'setting-self-signup',
    s.selfSignup,
    s.selfSignupLockedByConfig,
    '[identity.self_signup] enable',
  );
  const password = settingSwitch(
    'Allow the password grant on the Token API',
    'setting-password-grant',
    s.passwordGrant,
    s.passwordGrantLockedByConfig,
    '[oauth.grant_type.password] enable',
    'The password grant is deprecated (RFC 9700); when off, the Token API answers unsupported_grant_type.',
  );
  const catalogue = settingSwitch(
    'Let visitors browse the API catalogue without signing in',
    'setting-anonymous-catalogue',
    s.anonymousCatalogue,
    s.anonymousCatalogueLockedByConfig,
    '[apim.devportal] enable_anonymous_mode',
    'When off, the Developer Portal shows its APIs, their resources and OpenAPI definitions only after sign-in.',
  );
  const submit = h('button', { type: 'submit', id: 'save-settings' }, 'Save settings');
  const form = h(
    'form',
    { class: 'card' },
    h('h1', {}, 'Settings'),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Sign-up and grants'),
      signup.el,
      signup.hint,
      password.el,
      password.hint,
    ),
    h('fieldset', {}, h('legend', {}, 'Developer Portal'), catalogue.el, catalogue.hint),
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, 'Saving settings', async () => {
      const changes = {};
      if (!signup.locked) changes.selfSignup = signup.input.checked;
      if (!password.locked) changes.passwordGrant = password.input.checked;
      if (!catalogue.locked) changes.anonymousCatalogue = catalogue.input.checked;
      await api('PUT', '/api/admin/v1/settings', changes);
      showStatus('Settings saved.');
    });
  });
  return form;
}

async function statisticsPage() {
  const s = await api('GET', '/api/admin/v1/statistics?days=30');
  const registry = await getGrantTypes();
  const label = (g) => registry.find((r) => r.name === g)?.label ?? g;
  const apps = s.registeredUsersPerApplication;
  const today = Math.floor(Date.now() / 86_400_000);
  const days = dayRange(today - s.days + 1, today);
  const grants = [
    ...new Set([...registry.map((r) => r.name), ...s.tokensPerGrantType.map((t) => t.grantType)]),
  ];
  const count = (day, g) =>
    s.tokensPerGrantType.find((t) => t.day === day && t.grantType === g)?.tokens ?? 0;
  const hours = s.failedLogins.hours;
  return h(
    'div',
    {},
    h('h1', {}, 'Statistics'),
    h(
      'section',
      { class: 'card', id: 'stats-registered' },
      barChart({
        title: 'Registered users per application (password grant)',
        labels: apps.map((a) => `${a.applicationName} (${a.owner})`),
        series: [
          { name: 'Registered users', values: apps.map((a) => a.registeredUsers) },
          { name: 'Password-grant tokens', values: apps.map((a) => a.passwordTokens) },
        ],
      }),
    ),
    h(
      'section',
      { class: 'card', id: 'stats-grants' },
      barChart({
        title: `Tokens issued per grant type per day (last ${s.days} days)`,
        labels: days.map(formatDay),
        series: grants.map((g) => ({
          name: label(g),
          values: days.map((d) => count(d, g)),
        })),
      }),
    ),
    h(
      'section',
      { class: 'card', id: 'stats-failed' },
      barChart({
        title: 'Failed logins per hour (last 24 hours)',
        labels: hours.map((x) => new Date(x.hour).toISOString().slice(11, 16)),
        series: [{ name: 'Failed logins', values: hours.map((x) => x.count) }],
      }),
      h(
        'p',
        { class: 'hint' },
        `Failed password grants, web sign-ins and management-API logins of every node since ${formatDate(s.failedLogins.since)}, from the `,
        h('a', { href: '#/audit?type=login.failed' }, 'audit log'),
        '.',
      ),
    ),
  );
}

async function passwordGrantPage([query]) {
  const days = new URLSearchParams(query ?? '').get('days') ?? '90';
  const r = await api(
    'GET',
    `/api/admin/v1/reports/password-grant?days=${encodeURIComponent(days)}`,
  );
  const period = select(
    'Period',
    [
      ['30', 'Last 30 days'],
      ['90', 'Last 90 days'],
      ['365', 'Last 365 days'],
    ],
    String(r.days),
    { id: 'report-days' },
  );
  const form = h(
    'form',
    { class: 'filter' },
    period.el,
    h('button', { type: 'submit', class: 'secondary' }, 'Show'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/password-grant?days=${encodeURIComponent(period.input.value)}`;
  });
  const users = (a) => a.users.map((u) => `${u.username} (${u.tokens})`).join(', ');
  const using =
    r.applications.length === 0
      ? h(
          'p',
          { class: 'empty', id: 'report-none' },
          'No application obtained a token with the password grant in this period.',
        )
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { id: 'report-apps' },
            h(
              'caption',
              {},
              `${r.applicationsUsing} application(s), ${r.usersUsing} user(s), ${r.tokens} token(s) since ${formatDate(Date.parse(r.since))}`,
            ),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                [
                  'Application',
                  'Owner',
                  'Still allowed',
                  'Users',
                  'Tokens',
                  'Last used',
                  'Users (tokens)',
                ].map((t) => h('th', { scope: 'col' }, t)),
              ),
            ),
            h(
              'tbody',
              {},
              r.applications.map((a) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, a.applicationName),
                  h('td', {}, a.owner),
                  h('td', {}, a.passwordGrantAllowed ? 'yes' : 'no'),
                  h('td', {}, String(a.users.length)),
                  h('td', {}, String(a.tokens)),
                  h('td', { class: 'nowrap' }, formatDate(Date.parse(a.lastUsedAt))),
                  h('td', {}, users(a)),
                ),
              ),
            ),
          ),
        );
  const unused =
    r.allowedButUnused.length === 0
      ? h('p', { class: 'empty' }, 'None.')
      : h(
          'ul',
          { id: 'report-unused' },
          r.allowedButUnused.map((a) => h('li', {}, `${a.applicationName} (${a.owner})`)),
        );
  return h(
    'div',
    {},
    h('h1', {}, 'Password grant report'),
    h(
      'p',
      {},
      'Which applications and users still sign in with the password grant, to plan their move to the authorization code flow with PKCE (RFC 9700). Also on the CLI: ',
      h('code', {}, 'tollgate report password-grant'),
      '.',
    ),
    h(
      'p',
      { id: 'migration-guide' },
      'How an application moves to the authorization code flow with PKCE, step by step: ',
      h('code', {}, r.migrationGuide),
      ' in the Tollgate distribution.',
    ),
    h('section', { class: 'card' }, form, h('h2', {}, 'Still using it'), using),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'Allowed but unused in this period'),
      h(
        'p',
        { class: 'hint' },
        'These applications can drop the password grant from their grant types now.',
      ),
      unused,
    ),
  );
}

const AUDIT_TYPES = {
  'login.failed': 'Failed login',
  'client.auth_failed': 'Client authentication failed',
  'account.locked': 'Account locked',
  'account.unlocked': 'Account unlocked',
  'request.throttled': 'Request throttled',
  'request.shed': 'Request shed (overload)',
  'refresh.reuse_detected': 'Refresh token replayed',
  'users.imported': 'Users imported',
};

async function auditPage([query]) {
  const type = new URLSearchParams(query ?? '').get('type') ?? '';
  const params = new URLSearchParams({ limit: '200', ...(type ? { type } : {}) });
  const { list } = await api('GET', `/api/admin/v1/audit-events?${params}`);
  const filter = select('Event type', [['', 'All types'], ...Object.entries(AUDIT_TYPES)], type, {
    id: 'audit-type',
  });
  const apply = h('button', { type: 'submit', class: 'secondary' }, 'Filter');
  const form = h('form', { class: 'filter' }, filter.el, apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = filter.input.value
      ? `#/audit?type=${encodeURIComponent(filter.input.value)}`
      : '#/audit';
  });
  const cell = (v) => h('td', {}, v ?? '—');
  const table =
    list.length === 0
      ? h(
          'p',
          { class: 'empty', id: 'audit-empty' },
          type ? `No "${AUDIT_TYPES[type] ?? type}" event recorded.` : 'No event recorded.',
        )
      : h(
          'table',
          { id: 'audit-events' },
          h(
            'caption',
            {},
            `${list.length} most recent events${list.length === 200 ? ' (the newest 200)' : ''}, newest first`,
          ),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Time (UTC)', 'Type', 'Reason', 'User', 'Consumer key', 'IP', 'Detail'].map((t) =>
                h('th', { scope: 'col' }, t),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            list.map((e) =>
              h(
                'tr',
                {},
                h('td', { class: 'nowrap' }, e.at.slice(0, 19).replace('T', ' ')),
                h('th', { scope: 'row' }, AUDIT_TYPES[e.type] ?? e.type),
                cell(e.reason),
                cell(e.username),
                h('td', { class: 'mono small' }, e.consumerKey ?? '—'),
                cell(e.ip),
                cell(e.detail),
              ),
            ),
          ),
        );
  return h(
    'div',
    {},
    h('h1', {}, 'Audit log'),
    h(
      'p',
      {},
      'Refusals and security decisions of every node: failed logins and client authentications, account locks, throttling and shedding.',
    ),
    h('section', { class: 'card' }, form, h('div', { class: 'table-wrap' }, table)),
  );
}

async function lockedPage(_m, ctx) {
  const { list } = await api('GET', '/api/admin/v1/locked-accounts');
  const table =
    list.length === 0
      ? h('p', { class: 'empty', id: 'no-locked' }, 'No account is locked.')
      : h(
          'table',
          { id: 'locked-accounts' },
          h('caption', {}, `Locked accounts (${list.length})`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['User', 'Locked until', 'Action'].map((t) => h('th', { scope: 'col' }, t)),
            ),
          ),
          h(
            'tbody',
            {},
            list.map((l) => {
              const unlock = h(
                'button',
                { type: 'button', class: 'secondary', 'aria-label': `Unlock ${l.username}` },
                'Unlock',
              );
              unlock.addEventListener('click', () =>
                busy(unlock, 'Unlocking', async () => {
                  await api('POST', `/api/admin/v1/users/${encodeURIComponent(l.username)}/unlock`);
                  await ctx.rerender();
                  showStatus(`${l.username} is unlocked.`);
                }),
              );
              return h(
                'tr',
                {},
                h('th', { scope: 'row' }, l.username),
                h('td', {}, formatDate(Date.parse(l.lockedUntil))),
                h('td', {}, unlock),
              );
            }),
          ),
        );
  return h(
    'div',
    {},
    h('h1', {}, 'Locked accounts'),
    h(
      'p',
      {},
      'Accounts locked after too many wrong passwords. A lock ends by itself at the time shown; Unlock ends it now and restarts the escalation.',
    ),
    h('section', { class: 'card' }, table),
  );
}

// First-party applications: their users are not asked for consent on the Code grant's page.
async function applicationsPage() {
  const { list } = await api('GET', '/api/admin/v1/applications');
  const rows = list.map((a) => {
    const box = checkbox(`First-party: ${a.name}`, a.firstParty, { id: `first-party-${a.id}` });
    box.el.classList.add('sr-label');
    box.input.addEventListener('change', () =>
      busy(box.input, 'Saving', async () => {
        await api('PUT', `/api/admin/v1/applications/${encodeURIComponent(a.id)}`, {
          firstParty: box.input.checked,
        });
        showStatus(
          `${a.name} ${box.input.checked ? 'is first-party: no consent page' : 'asks its users for consent'}.`,
        );
      }),
    );
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, a.name),
      h('td', {}, a.owner ?? ''),
      h('td', {}, a.grantTypes.join(', ')),
      h('td', {}, a.publicClient ? 'public' : 'confidential'),
      h('td', {}, box.el),
    );
  });
  return h(
    'div',
    {},
    h('h1', {}, 'Applications'),
    h(
      'p',
      {},
      'Mark an application first-party when it is your own: its users are not asked for consent when they sign in through it (authorization code flow).',
    ),
    h(
      'section',
      { class: 'card' },
      rows.length === 0
        ? h('p', { class: 'empty' }, 'No application yet.')
        : h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Application', 'Owner', 'Grant types', 'Client', 'First-party'].map((t) =>
                  h('th', { scope: 'col' }, t),
                ),
              ),
            ),
            h('tbody', {}, rows),
          ),
    ),
  );
}

startApp({
  title: 'Admin Portal',
  fallback: '#/users',
  requireRole: 'admin',
  nav: [
    { href: '#/users', label: 'Users and roles', signedIn: true },
    { href: '#/settings', label: 'Settings', signedIn: true },
    { href: '#/statistics', label: 'Statistics', signedIn: true },
    { href: '#/password-grant', label: 'Password grant report', signedIn: true },
    { href: '#/audit', label: 'Audit log', signedIn: true },
    { href: '#/locked', label: 'Locked accounts', signedIn: true },
    { href: '#/applications', label: 'Applications', signedIn: true },
  ],
  routes: [
    {
      pattern: /^#\/signin$/,
      public: true,
      render: (_m, ctx) =>
        ctx.state.session
          ? ((location.hash = '#/users'), h('p', {}, 'Signed in.'))
          : ctx.signInView(),
    },
    { pattern: /^#\/users$/, render: usersPage },
    { pattern: /^#\/settings$/, render: settingsPage },
    { pattern: /^#\/statistics$/, render: statisticsPage },
    { pattern: /^#\/password-grant(?:\?(.*))?$/, render: passwordGrantPage },
    { pattern: /^#\/audit(?:\?(.*))?$/, render: auditPage },
    { pattern: /^#\/locked$/, render: lockedPage },
    { pattern: /^#\/applications$/, render: applicationsPage },
  ],
});
