// Developer Portal catalogue: the published APIs (visitors too, unless the admin requires
// sign-in), each API's page with its description, resources, scopes, tiers and OpenAPI
// definition (read in Swagger UI, downloaded as JSON), and the API console: Swagger UI's
// "Try it out" calling the API through the Gateway with a token of a subscribed application.
import { api } from './api.js';
import { busy, h, select } from './dom.js';

const STATUS_NAMES = { PUBLISHED: 'Published', DEPRECATED: 'Deprecated' };
const ENVS = { production: 'Production', sandbox: 'Sandbox' };

const rateLabel = (t) =>
  `${t.name} (${t.requestsPerMinute === null ? 'unlimited' : `${t.requestsPerMinute} requests/min`})`;

function statusBadge(a) {
  return h(
    'span',
    { class: `badge badge-${a.status.toLowerCase()}` },
    STATUS_NAMES[a.status] ?? a.status,
  );
}

export function resourcesTable(a) {
  if (a.resources.length === 0) return h('p', { class: 'empty' }, 'This API has no resources.');
  return h(
    'table',
    { class: 'resources' },
    h('caption', {}, `Resources of ${a.name} ${a.version}`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Method', 'URI template', 'Scope', 'Authentication'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      a.resources.map((r) =>
        h(
          'tr',
          {},
          h('td', {}, h('span', { class: `method method-${r.method.toLowerCase()}` }, r.method)),
          h(
            'th',
            { scope: 'row', class: 'mono' },
            `${a.path}${r.uriTemplate === '/' ? '' : r.uriTemplate}`,
          ),
          h('td', {}, r.scope ?? (r.authType === 'none' ? '—' : 'any valid token')),
          h('td', {}, r.authType === 'none' ? 'None' : 'OAuth2 token'),
        ),
      ),
    ),
  );
}

const signInHint = (ctx, what) =>
  ctx.state.session
    ? null
    : h('p', { class: 'notice' }, h('a', { href: '#/signin' }, 'Sign in'), ` to ${what}.`);

export async function apisPage(_m, ctx) {
  const { list } = await api('GET', '/api/devportal/v1/apis');
  const cards =
    list.length === 0
      ? [h('section', { class: 'card' }, h('p', { class: 'empty' }, 'No API is published yet.'))]
      : list.map((a) =>
          h(
            'section',
            { class: 'card api-card', 'aria-labelledby': `api-${a.id}` },
            h(
              'h2',
              { id: `api-${a.id}` },
              h('a', { href: `#/apis/${a.id}` }, a.name),
              ' ',
              h('span', { class: 'version' }, a.version),
              ' ',
              statusBadge(a),
            ),
            h(
              'dl',
              { class: 'facts' },
              h('dt', {}, 'Context'),
              h('dd', { class: 'mono' }, a.context),
              h('dt', {}, 'Gateway path'),
              h('dd', { class: 'mono' }, a.path),
              h('dt', {}, 'Sandbox'),
              h('dd', {}, a.hasSandbox ? 'available' : 'no sandbox endpoint'),
            ),
            a.description ? h('p', { class: 'description' }, a.description) : null,
            a.status === 'DEPRECATED'
              ? h(
                  'p',
                  { class: 'warning' },
                  'Deprecated: existing subscriptions keep working; new subscriptions are not accepted.',
                )
              : null,
            resourcesTable(a),
          ),
        );
  return h(
    'div',
    {},
    h('h1', {}, 'APIs'),
    ctx.state.session
      ? h(
          'p',
          {},
          "Published APIs. Open one to read its definition and try it; subscribe an application to it on the application's ",
          h('strong', {}, 'Subscriptions'),
          ' tab.',
        )
      : signInHint(ctx, 'subscribe applications to these APIs and try them from their pages'),
    ...cards,
  );
}

function scopesSection(definition) {
  const scopes = Object.entries(
    definition.components?.securitySchemes?.default?.flows?.clientCredentials?.scopes ?? {},
  );
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'api-scopes' },
    h('h2', { id: 'api-scopes' }, 'Scopes'),
    scopes.length === 0
      ? h(
          'p',
          { class: 'empty' },
          'No resource of this API needs a scope: any valid token will do.',
        )
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Scope'),
              h('th', { scope: 'col' }, 'Description'),
            ),
          ),
          h(
            'tbody',
            {},
            scopes.map(([name, description]) =>
              h('tr', {}, h('th', { scope: 'row', class: 'mono' }, name), h('td', {}, description)),
            ),
          ),
        ),
  );
}

function tiersSection(tiers) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'api-tiers' },
    h('h2', { id: 'api-tiers' }, 'Tiers'),
    h('p', {}, 'A subscription to this API is throttled by the tier chosen when subscribing:'),
    h(
      'ul',
      { class: 'tiers' },
      tiers.map((t) => h('li', {}, rateLabel(t))),
    ),
  );
}

let swaggerUi = null;

/** Swagger UI's bundle and styles, served by Tollgate (/static/vendor/), loaded once. */
function loadSwaggerUi() {
  swaggerUi ??= new Promise((resolve, reject) => {
    document.head.append(
      h('link', { rel: 'stylesheet', href: '/static/vendor/swagger-ui/swagger-ui.css' }),
    );
    const script = h('script', { src: '/static/vendor/swagger-ui/swagger-ui-bundle.js' });
    script.addEventListener('load', () => resolve(window.SwaggerUIBundle));
    script.addEventListener('error', () => {
      swaggerUi = null;
      reject(new Error('The API console could not be loaded.'));
    });
    document.head.append(script);
  });
  return swaggerUi;
}

/** The scopes the API's resources name: a test token asks for all of them. */
const scopesOf = (a) => [...new Set(a.resources.map((r) => r.scope).filter(Boolean))];

/**
 * WSO2's console panel above the operations: the signed-in user picks one of their
 * applications subscribed to this API and a key type, and gets a test token through the
 * Developer Portal's token generation (the application's keys of that type); Swagger UI
 * then sends it as the bearer token.
 */
async function tokenPanel(a, ctx, auth) {
  if (!ctx.state.session)
    return h(
      'div',
      { class: 'console-token' },
      h(
        'p',
        { class: 'notice' },
        h('a', { href: '#/signin' }, 'Sign in'),
        ' and subscribe an application to this API to call it from here with its token.',
      ),
    );
  const [{ list: subs }, { list: apps }] = await Promise.all([
    api('GET', '/api/devportal/v1/subscriptions'),
    api('GET', '/api/devportal/v1/applications'),
  ]);
  const subscribed = new Set(subs.filter((s) => s.apiId === a.id).map((s) => s.applicationId));
  const candidates = apps.filter((app) => subscribed.has(app.id));
  if (candidates.length === 0)
    return h(
      'div',
      { class: 'console-token' },
      h(
        'p',
        { class: 'notice' },
        'None of your applications is subscribed to this API. Subscribe one on its ',
        h('a', { href: '#/applications' }, 'Subscriptions'),
        ' tab to try the API here.',
      ),
    );
  const application = select(
    'Application',
    candidates.map((app) => [app.id, app.name]),
    candidates[0].id,
    { id: 'console-application' },
  );
  const env = select(
    'Key type',
    Object.entries(ENVS).filter(([k]) => k === 'production' || a.hasSandbox),
    'production',
    { id: 'console-env' },
  );
  const button = h('button', { type: 'button', id: 'console-get-token' }, 'Get test token');
  const state = h(
    'p',
    { class: 'hint', id: 'console-token-state', 'aria-live': 'polite' },
    'No token yet: calls go without one.',
  );
  const forget = () => {
    auth.token = null;
    state.textContent = 'No token yet: calls go without one.';
  };
  application.input.addEventListener('change', forget);
  env.input.addEventListener('change', forget);
  button.addEventListener('click', () =>
    busy(button, 'Getting a token', async () => {
      const t = await api(
        'POST',
        `/api/devportal/v1/applications/${application.input.value}/keys/${env.input.value}/token`,
        { scopes: scopesOf(a), validityPeriod: 3600 },
      );
      auth.token = t.access_token;
      const name = application.input.selectedOptions[0].textContent;
      state.textContent = `Calls carry a ${ENVS[env.input.value].toLowerCase()} token of ${name} (scope: ${t.scope}, expires in ${t.expires_in} s).`;
    }),
  );
  return h(
    'div',
    { class: 'console-token grid-form' },
    application.el,
    env.el,
    h('div', { class: 'actions' }, button),
    state,
  );
}

export async function apiPage([id], ctx) {
  const [a, definition, { list: tiers }] = await Promise.all([
    api('GET', `/api/devportal/v1/apis/${id}`),
    api('GET', `/api/devportal/v1/apis/${id}/swagger`),
    api('GET', '/api/devportal/v1/throttling-policies/subscription'),
  ]);
  const auth = { token: null };
  const fileName = `${a.name}-${a.version}.json`.replace(/[^\w.-]+/g, '_');
  const download = h(
    'a',
    {
      href: `/api/devportal/v1/apis/${a.id}/swagger`,
      download: fileName,
      class: 'button-link',
      id: 'download-definition',
    },
    'Download the OpenAPI definition',
  );
  const consoleHost = h('div', { id: 'api-console', class: 'swagger-host' });
  const page = h(
    'div',
    {},
    h('p', {}, h('a', { href: '#/apis' }, '← APIs')),
    h('h1', {}, `${a.name} `, h('span', { class: 'version' }, a.version), ' ', statusBadge(a)),
    a.description ? h('p', { class: 'description' }, a.description) : null,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'api-overview' },
      h('h2', { id: 'api-overview' }, 'Overview'),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Context'),
        h('dd', { class: 'mono' }, a.context),
        h('dt', {}, 'Gateway URL'),
        h('dd', { class: 'mono' }, definition.servers?.[0]?.url ?? a.path),
        h('dt', {}, 'Sandbox'),
        h('dd', {}, a.hasSandbox ? 'available' : 'no sandbox endpoint'),
      ),
      resourcesTable(a),
    ),
    scopesSection(definition),
    tiersSection(tiers),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'api-try' },
      h('h2', { id: 'api-try' }, 'Try it out'),
      h(
        'p',
        {},
        'The OpenAPI definition of this API. Expand an operation, choose ',
        h('strong', {}, 'Try it out'),
        ' and ',
        h('strong', {}, 'Execute'),
        ': the call goes to the Gateway, and its request, status, headers and body show below it. ',
        download,
      ),
      await tokenPanel(a, ctx, auth),
      consoleHost,
    ),
  );
  const SwaggerUIBundle = await loadSwaggerUi();
  SwaggerUIBundle({
    domNode: consoleHost,
    spec: definition,
    deepLinking: false,
    tryItOutEnabled: false,
    // No "Authorize" dialog: the token comes from the panel above, as in WSO2's console.
    requestInterceptor: (req) => {
      if (auth.token) req.headers.Authorization = `Bearer ${auth.token}`;
      return req;
    },
    validatorUrl: null,
    supportedSubmitMethods: ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'],
  });
  return page;
}
