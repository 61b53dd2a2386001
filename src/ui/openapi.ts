// OpenAPI 3.1 description of the management REST APIs the web UIs use, served at
// /api/openapi.json. Kept by hand, next to the routes it describes.

type Op = { summary: string; admin?: boolean; body?: Record<string, unknown>; status?: number; public?: boolean };

const obj = (props: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties: props, ...(required.length ? { required } : {}) });
const s = { type: 'string' };
const b = { type: 'boolean' };
const n = { type: 'integer' };
const list = (items: unknown) => ({ type: 'array', items });
const grantTypes = list({ enum: ['password', 'client_credentials', 'refresh_token'] });

const appBody = obj({ name: s, description: s, tokenType: { enum: ['jwt', 'opaque'] }, throttlingPolicy: { enum: ['Unlimited', '50PerMin', '20PerMin', '10PerMin'] } });

const paths: Record<string, Record<string, Op>> = {
  '/api/session': {
    post: { summary: 'Sign in to the web UIs: sets the session cookie, returns the CSRF token', body: obj({ username: s, password: s }, ['username', 'password']), status: 201, public: true },
    get: { summary: 'Who is signed in (and the CSRF token for this session)', public: true },
    delete: { summary: 'Sign out', status: 204 },
  },
  '/api/devportal/v1/signup': {
    get: { summary: 'Whether self sign-up is enabled', public: true },
    post: { summary: 'Self sign-up (403 when disabled by the admin, 429 beyond the per-IP limit)', body: obj({ username: s, password: s }, ['username', 'password']), status: 201, public: true },
  },
  '/api/devportal/v1/applications': {
    get: { summary: "The caller's applications" },
    post: { summary: 'Create an application', body: appBody, status: 201 },
  },
  '/api/devportal/v1/applications/{id}': {
    get: { summary: 'One application' },
    put: { summary: 'Edit an application', body: appBody },
    delete: { summary: 'Delete an application (revokes its tokens)', status: 204 },
  },
  '/api/devportal/v1/applications/{id}/keys': { get: { summary: 'Consumer keys of both environments and the grant types' } },
  '/api/devportal/v1/applications/{id}/keys/{env}': {
    post: { summary: 'Generate Keys (env = production | sandbox); the secret is shown once', body: obj({ grantTypes }), status: 201 },
    put: { summary: 'Change the grant types', body: obj({ grantTypes }, ['grantTypes']) },
  },
  '/api/devportal/v1/applications/{id}/keys/{env}/regenerate-secret': { post: { summary: 'New consumer secret; the old one and its tokens stop working' } },
  '/api/devportal/v1/applications/{id}/keys/{env}/token': {
    post: { summary: 'Generate an access token (client credentials, subject = owner) without the Token API', body: obj({ scopes: list(s), validityPeriod: n }) },
  },
  '/api/devportal/v1/applications/{id}/registered-users': { get: { summary: 'Users who obtained tokens with the password grant, with counts and per day (?days=30)' } },
  '/api/admin/v1/users': {
    get: { summary: 'All users', admin: true },
    post: { summary: 'Create a user', body: obj({ username: s, password: s, roles: list(s) }, ['username', 'password']), status: 201, admin: true },
  },
  '/api/admin/v1/users/{username}': {
    put: { summary: 'Change roles, status (active | disabled) or password', body: obj({ roles: list(s), status: { enum: ['active', 'disabled'] }, password: s }), admin: true },
    delete: { summary: 'Remove a user (revokes their tokens)', status: 204, admin: true },
  },
  '/api/admin/v1/roles': { get: { summary: 'Roles in use', admin: true } },
  '/api/admin/v1/settings': {
    get: { summary: 'Runtime settings and their deployment.toml defaults', admin: true },
    put: { summary: 'Turn self sign-up and the password grant on or off', body: obj({ selfSignup: b, passwordGrant: b }), admin: true },
  },
  '/api/admin/v1/statistics': { get: { summary: 'Registered users per application, tokens per grant type per day, failed logins per hour (?days=30)', admin: true } },
};

const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

export function openApiDocument() {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, ops] of Object.entries(paths)) {
    out[path] = {};
    for (const [method, op] of Object.entries(ops)) {
      out[path]![method] = {
        summary: op.summary,
        ...(op.public ? { security: [] } : {}),
        ...(op.admin ? { description: 'Requires the admin role (403 otherwise).' } : {}),
        ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: op.body } } } } : {}),
        responses: { [String(op.status ?? 200)]: { description: 'Success' }, '4XX': error },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Tollgate management REST API', version: '1' },
    components: {
      securitySchemes: {
        basic: { type: 'http', scheme: 'basic', description: "A user's own username and password (scripts)." },
        session: { type: 'apiKey', in: 'cookie', name: '__Host-tollgate-session', description: 'Web UI session; unsafe methods also need X-CSRF-Token and a same-origin Origin.' },
      },
      schemas: { Error: obj({ code: n, message: s, description: s }, ['code', 'message', 'description']) },
    },
    security: [{ basic: [] }, { session: [] }],
    paths: out,
  };
}
