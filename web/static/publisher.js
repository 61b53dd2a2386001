// Publisher: APIs (backends, resources, OpenAPI import), lifecycle, scopes bound to roles.
import { api, apiText } from './api.js';
import { busy, checkbox, field, formatDate, h, select, showError, showStatus } from './dom.js';
import { startApp } from './layout.js';

const BASE = '/api/publisher/v1';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const STATES = {
  CREATED: 'Created: not visible in the Developer Portal, not served by the Gateway.',
  PUBLISHED:
    'Published: listed in the Developer Portal, open to subscriptions, served by the Gateway.',
  DEPRECATED: 'Deprecated: existing subscribers keep calling it; no new subscriptions.',
  BLOCKED: 'Blocked: the Gateway answers 503 to every call until it is published again.',
  RETIRED: 'Retired: gone from the Developer Portal and the Gateway. This is final.',
};
const ACTIONS = {
  publish: { label: 'Publish', progress: 'Publishing' },
  deprecate: { label: 'Deprecate', progress: 'Deprecating' },
  block: {
    label: 'Block',
    progress: 'Blocking',
    confirm:
      'Block this API? Every call through the Gateway is refused until it is published again.',
  },
  retire: {
    label: 'Retire',
    progress: 'Retiring',
    confirm:
      'Retire this API? It disappears from the Gateway and the Developer Portal, and cannot be published again.',
  },
};
const splitRoles = (text) =>
  text
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
const badge = (status) =>
  h('span', { class: `badge badge-${status.toLowerCase()}`, id: 'api-status' }, status);

const gatewayPathText = (a) =>
  `Gateway path: ${a.path}${a.defaultVersionPath ? ` and ${a.defaultVersionPath} (default version)` : ''}`;

async function apisPage() {
  const { list } = await api('GET', `${BASE}/apis`);
  const table =
    list.length === 0
      ? h('p', { class: 'empty' }, 'No API yet. Create the first one.')
      : h(
          'table',
          { id: 'apis' },
          h('caption', {}, `APIs (${list.length})`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Name', 'Version', 'Gateway path', 'State', 'Resources', 'Updated'].map((t) =>
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
                h('th', { scope: 'row' }, h('a', { href: `#/apis/${a.id}` }, a.name)),
                h(
                  'td',
                  {},
                  a.version,
                  a.isDefaultVersion ? [' ', h('span', { class: 'badge' }, 'default')] : '',
                ),
                h('td', { class: 'mono' }, a.path),
                h(
                  'td',
                  {},
                  h('span', { class: `badge badge-${a.status.toLowerCase()}` }, a.status),
                ),
                h('td', {}, String(a.resources.length)),
                h('td', {}, formatDate(a.updatedAt)),
              ),
            ),
          ),
        );
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, 'APIs'),
      h('a', { class: 'button', href: '#/apis/new' }, 'Create API'),
    ),
    h('section', { class: 'card' }, table),
  );
}

/** The resources editor: one row per method + URI template, its authentication and optional scope. */
function resourcesEditor(initial, scopeNames) {
  const rows = [];
  const tbody = h('tbody', {});
  const empty = h(
    'p',
    { class: 'empty' },
    'No resources: the Gateway answers 404 to every path of this API. Add one or import an OpenAPI document.',
  );
  const renumber = () => {
    rows.forEach((r, i) => {
      r.labels.forEach(([el, text]) => {
        el.textContent = `${text} of resource ${i + 1}`;
      });
      r.remove.setAttribute('aria-label', `Remove resource ${i + 1}`);
    });
    empty.hidden = rows.length > 0;
  };
  const add = (res, focus) => {
    const method = select(
      'Method',
      METHODS.map((m) => [m, m]),
      res?.method ?? 'GET',
      { class: 'inline' },
    );
    const uri = field('URI template', {
      value: res?.uriTemplate ?? '/',
      class: 'mono',
      required: true,
      placeholder: '/order/{orderId}',
    });
    const auth = select(
      'Authentication',
      [
        ['oauth', 'OAuth2 token'],
        ['none', 'None'],
      ],
      res?.authType ?? 'oauth',
    );
    const names = [...new Set([...scopeNames, ...(res?.scope ? [res.scope] : [])])];
    const scope = select(
      'Scope',
      [['', '(none: any valid token)'], ...names.map((n) => [n, n])],
      res?.scope ?? '',
    );
    const sync = () => {
      scope.input.disabled = auth.input.value === 'none';
      if (scope.input.disabled) scope.input.value = '';
      scope.input.options[0].textContent = scope.input.disabled
        ? '(no token needed)'
        : '(none: any valid token)';
    };
    auth.input.addEventListener('change', sync);
    sync();
    const remove = h('button', { type: 'button', class: 'danger' }, 'Remove');
    const parts = [method, uri, auth, scope];
    parts.forEach((p) => p.el.classList.add('sr-label'));
    const tr = h(
      'tr',
      {},
      parts.map((p) => h('td', {}, p.el)),
      h('td', {}, remove),
    );
    const row = {
      tr,
      remove,
      value: () => ({
        method: method.input.value,
        uriTemplate: uri.input.value.trim(),
        authType: auth.input.value,
        scope: scope.input.value || null,
      }),
      labels: [
        [method.el.querySelector('label'), 'Method'],
        [uri.el.querySelector('label'), 'URI template'],
        [auth.el.querySelector('label'), 'Authentication'],
        [scope.el.querySelector('label'), 'Scope'],
      ],
    };
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      tr.remove();
      renumber();
    });
    rows.push(row);
    tbody.append(tr);
    renumber();
    if (focus) method.input.focus();
  };
  const set = (list) => {
    rows.splice(0).forEach((r) => r.tr.remove());
    for (const r of list) add(r, false);
    renumber();
  };
  set(initial);
  const addButton = h(
    'button',
    { type: 'button', class: 'secondary', id: 'add-resource' },
    'Add resource',
  );
  addButton.addEventListener('click', () => add(null, true));
  const el = h(
    'fieldset',
    { class: 'resources-editor' },
    h('legend', {}, 'Resources'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Method', 'URI template', 'Authentication', 'Scope', ''].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      tbody,
    ),
    empty,
    h('div', { class: 'actions' }, addButton),
    h(
      'p',
      { class: 'hint' },
      'A URI template is a path below the API such as /menu or /order/{orderId}, optionally ending in /*. A scope is one the token must carry; scopes are bound to roles on the Scopes page.',
    ),
  );
  return { el, values: () => rows.map((r) => r.value()), set };
}

/**
 * OpenAPI 3 import: paste a document or pick a file; the server reads JSON or YAML. With no
 * onImport (a new API) the document is sent when the API is created.
 */
function openApiImport(onImport) {
  const doc = field(
    'OpenAPI document (JSON or YAML)',
    { type: 'textarea', rows: 6, class: 'mono', id: 'openapi-text' },
    `Paths and methods become resources (replacing those above${onImport ? '' : ' when you create the API'}); a security requirement's first scope becomes the resource's scope.`,
  );
  const fileId = 'openapi-file';
  const file = h('input', {
    type: 'file',
    id: fileId,
    accept: '.json,.yaml,.yml,application/json,application/yaml,text/yaml',
  });
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    if (f.size > 1024 * 1024) {
      showError(new Error(`${f.name} is larger than 1 MiB, the most the server accepts.`));
      file.value = '';
      return;
    }
    doc.input.value = await f.text();
    showStatus(`${f.name} loaded.`);
  });
  let button = null;
  if (onImport) {
    button = h(
      'button',
      { type: 'button', class: 'secondary', id: 'import-openapi' },
      'Import resources',
    );
    button.addEventListener('click', () =>
      busy(button, 'Importing resources', async () => {
        const text = doc.input.value.trim();
        if (!text) throw new Error('Paste an OpenAPI document or choose a file first.');
        await onImport(text);
      }),
    );
  }
  const el = h(
    'details',
    { class: 'import' },
    h('summary', {}, 'Import resources from an OpenAPI document'),
    doc.el,
    h(
      'div',
      { class: 'field' },
      h('label', { for: fileId }, 'Or upload a file (JSON or YAML, at most 1 MiB)'),
      file,
    ),
    button ? h('div', { class: 'actions' }, button) : null,
  );
  return { el, text: () => doc.input.value.trim() };
}

const openApiType = (text) => (text.startsWith('{') ? 'application/json' : 'application/yaml');

const CORS_DEFAULTS = {
  corsConfigurationEnabled: true,
  accessControlAllowOrigins: ['*'],
  accessControlAllowMethods: ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'],
  accessControlAllowHeaders: ['authorization', 'content-type', 'soapaction', 'apikey'],
  accessControlAllowCredentials: false,
  accessControlMaxAge: 3600,
};

/** CORS for browser applications: the Gateway's defaults, this API's own settings, or off. */
function corsEditor(initial) {
  const own = initial ?? CORS_DEFAULTS;
  const mode = select(
    'CORS for browser applications',
    [
      ['gateway', "The Gateway's settings ([apim.cors])"],
      ['own', 'Settings of this API'],
      ['off', 'Off: the backend answers CORS itself'],
    ],
    initial === null ? 'gateway' : initial.corsConfigurationEnabled ? 'own' : 'off',
    { id: 'cors-mode' },
  );
  const origins = field(
    'Allowed origins',
    { id: 'cors-origins', class: 'mono', value: own.accessControlAllowOrigins.join(', ') },
    'Comma-separated, such as https://app.example.com (scheme, host and port), or * for any origin.',
  );
  const methods = field('Allowed methods', {
    id: 'cors-methods',
    class: 'mono',
    value: own.accessControlAllowMethods.join(', '),
  });
  const headers = field(
    'Allowed request headers',
    { id: 'cors-headers', class: 'mono', value: own.accessControlAllowHeaders.join(', ') },
    'Comma-separated; * allows any, Authorization included.',
  );
  const credentials = checkbox(
    'Allow credentials (cookies, HTTP authentication): needs the origins listed, not *',
    own.accessControlAllowCredentials,
    { id: 'cors-credentials' },
  );
  const maxAge = field('Preflight max age (seconds)', {
    id: 'cors-max-age',
    type: 'number',
    min: 0,
    max: 86400,
    value: String(own.accessControlMaxAge),
  });
  const details = h(
    'div',
    { class: 'grid-form' },
    origins.el,
    methods.el,
    headers.el,
    maxAge.el,
    credentials.el,
  );
  const sync = () => {
    details.hidden = mode.input.value !== 'own';
  };
  mode.input.addEventListener('change', sync);
  sync();
  const list = (f) =>
    f.input.value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const el = h(
    'fieldset',
    { class: 'cors-editor' },
    h('legend', {}, 'CORS'),
    mode.el,
    details,
    h(
      'p',
      { class: 'hint' },
      'The Gateway answers browser preflights without a token and adds the CORS headers to calls from allowed origins; other origins get 403.',
    ),
  );
  const value = () => {
    if (mode.input.value === 'gateway') return null;
    if (mode.input.value === 'off') return { ...own, corsConfigurationEnabled: false };
    return {
      corsConfigurationEnabled: true,
      accessControlAllowOrigins: list(origins),
      accessControlAllowMethods: list(methods),
      accessControlAllowHeaders: list(headers),
      accessControlAllowCredentials: credentials.input.checked,
      accessControlMaxAge: Number(maxAge.input.value),
    };
  };
  return { el, value };
}

async function apiForm(existing) {
  const { list: scopes } = await api('GET', `${BASE}/scopes`);
  const name = field(
    'Name',
    { name: 'name', required: true, maxlength: 100, value: existing?.name ?? '' },
    'Letters, digits, spaces, dots, underscores or hyphens.',
  );
  const context = field(
    'Context',
    {
      name: 'context',
      required: true,
      value: existing?.context ?? '',
      placeholder: '/pizzashack',
      class: 'mono',
    },
    'The path the Gateway serves the API under, before the version.',
  );
  const version = field('Version', {
    name: 'version',
    required: true,
    value: existing?.version ?? '1.0.0',
    class: 'mono',
  });
  const description = field('Description', {
    type: 'textarea',
    name: 'description',
    rows: 3,
    maxlength: 1000,
    value: existing?.description ?? '',
  });
  const production = field('Production endpoint URL', {
    name: 'productionUrl',
    type: 'url',
    required: true,
    value: existing?.productionUrl ?? '',
    placeholder: 'http://127.0.0.1:9000/pizzashack',
    class: 'mono',
  });
  const sandbox = field(
    'Sandbox endpoint URL',
    { name: 'sandboxUrl', type: 'url', value: existing?.sandboxUrl ?? '', class: 'mono' },
    'Optional: without it, sandbox keys are refused.',
  );
  const defaultVersion = checkbox(
    'Make this the default version',
    existing?.isDefaultVersion ?? false,
    { id: 'default-version', 'aria-describedby': 'default-version-hint' },
  );
  if (existing) {
    // Name, context and version identify the API to its subscribers: fixed once created.
    for (const f of [name, context, version]) f.input.readOnly = true;
  }
  const resources = resourcesEditor(
    existing?.resources ?? [{ method: 'GET', uriTemplate: '/*', authType: 'oauth', scope: null }],
    scopes.map((s) => s.name),
  );
  const cors = corsEditor(existing?.corsConfiguration ?? null);
  const importer = openApiImport(
    existing
      ? async (text) => {
          const updated = await apiText(
            'PUT',
            `${BASE}/apis/${existing.id}/openapi`,
            text,
            openApiType(text),
          );
          resources.set(updated.resources);
          showStatus(`Imported ${updated.resources.length} resources from the OpenAPI document.`);
        }
      : null,
  );
  const submit = h(
    'button',
    { type: 'submit', id: 'save-api' },
    existing ? 'Save API' : 'Create API',
  );
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'api-form-title' },
    h('h2', { id: 'api-form-title' }, existing ? 'Details and resources' : 'New API'),
    h(
      'div',
      { class: 'grid-form' },
      name.el,
      context.el,
      version.el,
      production.el,
      sandbox.el,
      description.el,
    ),
    defaultVersion.el,
    h(
      'p',
      { class: 'hint', id: 'default-version-hint' },
      'The Gateway also serves the default version at the context alone (/pizzashack/menu for /pizzashack/1.0.0/menu); the version that was the default stops being it.',
    ),
    resources.el,
    importer.el,
    cors.el,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, existing ? 'Saving the API' : 'Creating the API', async () => {
      const body = {
        description: description.input.value,
        productionUrl: production.input.value.trim(),
        sandboxUrl: sandbox.input.value.trim(),
        resources: resources.values(),
        corsConfiguration: cors.value(),
        isDefaultVersion: defaultVersion.input.checked,
      };
      if (existing) {
        const saved = await api('PUT', `${BASE}/apis/${existing.id}`, body);
        const path = document.getElementById('gateway-path');
        if (path) path.textContent = gatewayPathText(saved);
        showStatus('API saved.');
        return;
      }
      const created = await api('POST', `${BASE}/apis`, {
        ...body,
        name: name.input.value.trim(),
        context: context.input.value.trim(),
        version: version.input.value.trim(),
      });
      const doc = importer.text();
      if (doc) {
        try {
          await apiText('PUT', `${BASE}/apis/${created.id}/openapi`, doc, openApiType(doc));
        } catch (err) {
          location.hash = `#/apis/${created.id}`;
          throw new Error(
            `The API was created, but its OpenAPI document was refused: ${err.message}`,
          );
        }
      }
      location.hash = `#/apis/${created.id}`;
    });
  });
  return form;
}

async function newApiPage() {
  return h(
    'div',
    {},
    h('p', {}, h('a', { href: '#/apis' }, '← APIs')),
    h('h1', {}, 'Create an API'),
    await apiForm(null),
  );
}

function lifecycleCard(a, ctx) {
  const buttons = a.lifecycleActions.map((action) => {
    const meta = ACTIONS[action];
    const label = action === 'publish' && a.status !== 'CREATED' ? 'Re-publish' : meta.label;
    const b = h(
      'button',
      {
        type: 'button',
        class: action === 'retire' || action === 'block' ? 'danger' : '',
        id: `lifecycle-${action}`,
      },
      label,
    );
    b.addEventListener('click', () => {
      if (meta.confirm && !confirm(meta.confirm)) return;
      busy(b, meta.progress, async () => {
        const updated = await api('POST', `${BASE}/apis/${a.id}/lifecycle`, { action });
        await ctx.rerender();
        showStatus(`${updated.name} ${updated.version} is now ${updated.status}.`);
      });
    });
    return b;
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'lifecycle-title' },
    h('h2', { id: 'lifecycle-title' }, 'Lifecycle'),
    h('p', {}, 'Current state: ', badge(a.status)),
    h('p', { class: 'hint' }, STATES[a.status]),
    buttons.length
      ? h('div', { class: 'actions' }, buttons)
      : h('p', { class: 'empty' }, 'No further transitions.'),
  );
}

async function apiPage([id], ctx) {
  const a = await api('GET', `${BASE}/apis/${id}`);
  const del = h('button', { type: 'button', class: 'danger', id: 'delete-api' }, 'Delete API');
  del.addEventListener('click', () => {
    if (!confirm(`Delete ${a.name} ${a.version}?`)) return;
    busy(del, 'Deleting the API', async () => {
      await api('DELETE', `${BASE}/apis/${a.id}`);
      location.hash = '#/apis';
    });
  });
  return h(
    'div',
    {},
    h('p', {}, h('a', { href: '#/apis' }, '← APIs')),
    h('h1', {}, `${a.name} `, h('span', { class: 'version' }, a.version)),
    h('p', { class: 'mono', id: 'gateway-path' }, gatewayPathText(a)),
    lifecycleCard(a, ctx),
    await apiForm(a),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'Delete'),
      h('p', { class: 'hint' }, 'An API with subscriptions cannot be deleted: retire it instead.'),
      del,
    ),
  );
}

async function scopesPage(_m, ctx) {
  const { list } = await api('GET', `${BASE}/scopes`);
  const rows = list.map((s) => {
    const description = field(`Description of ${s.name}`, { value: s.description });
    const roles = field(`Roles of ${s.name}`, { value: s.roles.join(', ') });
    description.el.classList.add('sr-label');
    roles.el.classList.add('sr-label');
    const save = h(
      'button',
      { type: 'button', class: 'secondary', 'aria-label': `Save ${s.name}` },
      'Save',
    );
    save.addEventListener('click', () =>
      busy(save, 'Saving', async () => {
        await api('PUT', `${BASE}/scopes/${encodeURIComponent(s.name)}`, {
          description: description.input.value,
          roles: splitRoles(roles.input.value),
        });
        showStatus(`Scope ${s.name} saved.`);
      }),
    );
    const remove = h(
      'button',
      { type: 'button', class: 'danger', 'aria-label': `Delete ${s.name}` },
      'Delete',
    );
    remove.addEventListener('click', () => {
      if (
        !confirm(
          `Delete the scope ${s.name}? Resources that require it can no longer be called until it exists again.`,
        )
      )
        return;
      busy(remove, 'Deleting', async () => {
        await api('DELETE', `${BASE}/scopes/${encodeURIComponent(s.name)}`);
        await ctx.rerender();
        showStatus(`Scope ${s.name} deleted.`);
      });
    });
    return h(
      'tr',
      {},
      h('th', { scope: 'row', class: 'mono' }, s.name),
      h('td', {}, description.el),
      h('td', {}, roles.el),
      h('td', {}, h('div', { class: 'actions' }, save, remove)),
    );
  });
  const table =
    list.length === 0
      ? h('p', { class: 'empty' }, 'No scope yet.')
      : h(
          'table',
          { id: 'scopes' },
          h('caption', {}, `Scopes (${list.length})`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Name', 'Description', 'Roles (comma-separated; none = every user)', 'Actions'].map(
                (t) => h('th', { scope: 'col' }, t),
              ),
            ),
          ),
          h('tbody', {}, rows),
        );
  const name = field('Scope name', {
    name: 'name',
    required: true,
    class: 'mono',
    placeholder: 'order_update',
  });
  const description = field('Description', { name: 'description' });
  const roles = field(
    'Roles',
    { name: 'roles', placeholder: 'publisher, pizza-customer' },
    'Comma-separated: only users with one of these roles get the scope. Empty: every user may get it.',
  );
  const submit = h('button', { type: 'submit' }, 'Create scope');
  const form = h(
    'form',
    { class: 'grid-form' },
    name.el,
    description.el,
    roles.el,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, 'Creating the scope', async () => {
      if (list.some((s) => s.name === name.input.value.trim()))
        throw new Error(
          `A scope named "${name.input.value.trim()}" already exists: edit it in the table.`,
        );
      const created = await api('POST', `${BASE}/scopes`, {
        name: name.input.value.trim(),
        description: description.input.value,
        roles: splitRoles(roles.input.value),
      });
      await ctx.rerender();
      showStatus(`Scope ${created.name} created.`);
    });
  });
  return h(
    'div',
    {},
    h('h1', {}, 'Scopes'),
    h(
      'p',
      {},
      "A token carries a scope only when its user has one of the scope's roles. Resources that require a scope refuse tokens without it (403).",
    ),
    h('section', { class: 'card' }, table),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'new-scope' },
      h('h2', { id: 'new-scope' }, 'Create a scope'),
      form,
    ),
  );
}

startApp({
  title: 'Publisher',
  fallback: '#/apis',
  requireRole: ['admin', 'publisher'],
  nav: [
    { href: '#/apis', label: 'APIs', signedIn: true },
    { href: '#/scopes', label: 'Scopes', signedIn: true },
  ],
  routes: [
    {
      pattern: /^#\/signin$/,
      public: true,
      render: (_m, ctx) =>
        ctx.state.session
          ? ((location.hash = '#/apis'), h('p', {}, 'Signed in.'))
          : ctx.signInView(),
    },
    { pattern: /^#\/apis$/, render: apisPage },
    { pattern: /^#\/apis\/new$/, render: newApiPage },
    { pattern: /^#\/apis\/([\w-]+)$/, render: apiPage },
    { pattern: /^#\/scopes$/, render: scopesPage },
  ],
});
