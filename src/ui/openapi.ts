// OpenAPI 3.1 description of the management REST APIs the web UIs use, served at
// /api/openapi.json. Kept by hand, next to the routes it describes.

import { GRANT_TYPES } from '../keymanager/index.js';

type Op = {
  summary: string;
  admin?: boolean;
  publisher?: boolean;
  body?: Record<string, unknown>;
  bodyTypes?: string[];
  status?: number;
  public?: boolean;
};

const obj = (props: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties: props,
  ...(required.length ? { required } : {}),
});
const s = { type: 'string' };
const b = { type: 'boolean' };
const n = { type: 'integer' };
const list = (items: unknown) => ({ type: 'array', items });
const grantTypes = list({ enum: [...GRANT_TYPES] });

const resource = obj(
  {
    method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] },
    uriTemplate: s,
    authType: { enum: ['oauth', 'none'] },
    scope: { type: ['string', 'null'] },
  },
  ['method', 'uriTemplate'],
);
const apiBody = obj({
  name: s,
  context: s,
  version: s,
  description: s,
  productionUrl: s,
  sandboxUrl: s,
  resources: list(resource),
});
const scopeBody = obj({ name: s, description: s, roles: list(s) });

const appBody = obj({
  name: s,
  description: s,
  tokenType: { enum: ['jwt', 'opaque'] },
  throttlingPolicy: {
    type: 'string',
    description:
      'A name from GET /api/devportal/v1/throttling-policies/application (by default Unlimited, 50PerMin, 20PerMin, 10PerMin)',
  },
});

const paths: Record<string, Record<string, Op>> = {
  '/api/session': {
    post: {
      summary: 'Sign in to the web UIs: sets the session cookie, returns the CSRF token',
      body: obj({ username: s, password: s }, ['username', 'password']),
      status: 201,
      public: true,
    },
    get: {
      summary:
        'Who is signed in (and the CSRF token for this session); {"signedIn": false} when nobody is',
      public: true,
    },
    delete: { summary: 'Sign out', status: 204 },
  },
  '/api/devportal/v1/signup': {
    get: { summary: 'Whether self sign-up is enabled', public: true },
    post: {
      summary: 'Self sign-up (403 when disabled by the admin, 429 beyond the per-IP limit)',
      body: obj({ username: s, password: s }, ['username', 'password']),
      status: 201,
      public: true,
    },
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
  '/api/devportal/v1/applications/{id}/keys': {
    get: { summary: 'Consumer keys of both environments and the grant types' },
  },
  '/api/devportal/v1/applications/{id}/keys/{env}': {
    post: {
      summary: 'Generate Keys (env = production | sandbox); the secret is shown once',
      body: obj({ grantTypes }),
      status: 201,
    },
    put: { summary: 'Change the grant types', body: obj({ grantTypes }, ['grantTypes']) },
  },
  '/api/devportal/v1/applications/{id}/keys/{env}/regenerate-secret': {
    post: { summary: 'New consumer secret; the old one and its tokens stop working' },
  },
  '/api/devportal/v1/applications/{id}/keys/{env}/token': {
    post: {
      summary:
        'Generate an access token (client credentials, subject = owner) without the Token API',
      body: obj({ scopes: list(s), validityPeriod: n }),
    },
  },
  '/api/devportal/v1/applications/{id}/registered-users': {
    get: {
      summary:
        'Users who obtained tokens with the password grant, with counts and per day (?days=30)',
    },
  },
  '/api/admin/v1/users': {
    get: { summary: 'All users', admin: true },
    post: {
      summary: 'Create a user',
      body: obj({ username: s, password: s, roles: list(s) }, ['username', 'password']),
      status: 201,
      admin: true,
    },
  },
  '/api/admin/v1/users/import': {
    post: {
      summary:
        'Import users from another system, all or nothing (?dryRun=true only checks): each keeps its password hash (argon2id/argon2i, bcrypt, $pbkdf2-sha256|-sha512|-sha1$i=N$salt$hash, $wso2-sha256$salt$hash) or a Keycloak credential until its next login rehashes it; 400 lists every bad entry in errors',
      body: list(
        obj(
          {
            username: s,
            roles: list(s),
            passwordHash: s,
            password: s,
            status: { enum: ['active', 'disabled'] },
            credential: obj(
              {
                algorithm: { enum: ['pbkdf2-sha256', 'pbkdf2-sha512', 'pbkdf2'] },
                hashIterations: n,
                salt: s,
                hashedSaltedValue: s,
              },
              ['algorithm', 'hashIterations', 'salt', 'hashedSaltedValue'],
            ),
          },
          ['username'],
        ),
      ),
      status: 201,
      admin: true,
    },
  },
  '/api/admin/v1/users/{username}': {
    put: {
      summary: 'Change roles, status (active | disabled) or password',
      body: obj({ roles: list(s), status: { enum: ['active', 'disabled'] }, password: s }),
      admin: true,
    },
    delete: { summary: 'Remove a user (revokes their tokens)', status: 204, admin: true },
  },
  '/api/admin/v1/roles': { get: { summary: 'Roles in use', admin: true } },
  '/api/admin/v1/settings': {
    get: {
      summary:
        'Runtime settings, whether deployment.toml locks each off (selfSignupLockedByConfig, passwordGrantLockedByConfig) and the deployment.toml defaults',
      admin: true,
    },
    put: {
      summary:
        'Turn self sign-up and the password grant on or off (409 to turn on one that deployment.toml turns off)',
      body: obj({ selfSignup: b, passwordGrant: b }),
      admin: true,
    },
  },
  '/api/admin/v1/statistics': {
    get: {
      summary:
        'Registered users per application, tokens per grant type per day, failed logins per hour from the audit log (?days=30)',
      admin: true,
    },
  },
  '/api/admin/v1/reports/password-grant': {
    get: {
      summary:
        'Password-grant retirement report: applications and users that obtained password-grant tokens in the last ?days=90 (1-3650), and applications that allow the grant unused',
      admin: true,
    },
  },
  '/api/admin/v1/audit-events': {
    get: {
      summary: 'Audit log, newest first (?type=login.failed&since=15m|ISO&limit=100)',
      admin: true,
    },
  },
  '/api/admin/v1/locked-accounts': {
    get: { summary: 'Accounts locked now, with the end of the lock', admin: true },
  },
  '/api/admin/v1/users/{username}/unlock': {
    post: { summary: 'End a lock now (the escalation restarts)', admin: true },
  },
  '/api/publisher/v1/apis': {
    get: {
      summary:
        'All APIs, each with its Gateway path and the lifecycle actions its state allows (lifecycleActions)',
      publisher: true,
    },
    post: { summary: 'Create an API (state CREATED)', body: apiBody, status: 201, publisher: true },
  },
  '/api/publisher/v1/apis/{id}': {
    get: { summary: 'One API', publisher: true },
    put: { summary: 'Change description, backends or resources', body: apiBody, publisher: true },
    delete: { summary: 'Delete an API (409 while subscribed)', status: 204, publisher: true },
  },
  '/api/publisher/v1/apis/{id}/lifecycle': {
    post: {
      summary:
        'Lifecycle action (publish, deprecate, block, retire); 409 when the state does not allow it',
      body: obj({ action: { enum: ['publish', 'deprecate', 'block', 'retire'] } }, ['action']),
      publisher: true,
    },
  },
  '/api/publisher/v1/apis/{id}/openapi': {
    put: {
      summary: 'Replace the resources from an OpenAPI 3 document (JSON or YAML)',
      body: { type: 'string' },
      bodyTypes: ['application/yaml', 'application/json'],
      publisher: true,
    },
  },
  '/api/publisher/v1/scopes': {
    get: { summary: 'Scopes and the roles they are granted to', publisher: true },
    post: { summary: 'Create (or replace) a scope', body: scopeBody, status: 201, publisher: true },
  },
  '/api/publisher/v1/scopes/{name}': {
    put: {
      summary: 'Change the description and roles of a scope',
      body: obj({ description: s, roles: list(s) }),
      publisher: true,
    },
    delete: { summary: 'Delete a scope', status: 204, publisher: true },
  },
  '/api/devportal/v1/apis': {
    get: {
      summary: 'Published and deprecated APIs with their resources (method, URI template, scope)',
    },
  },
  '/api/devportal/v1/apis/{id}': { get: { summary: 'One published or deprecated API' } },
  '/api/devportal/v1/throttling-policies': {
    get: { summary: 'Subscription tiers ({name, requestsPerMinute}; null = unlimited)' },
  },
  '/api/devportal/v1/throttling-policies/subscription': {
    get: { summary: 'Subscription tiers (same as /throttling-policies)' },
  },
  '/api/devportal/v1/throttling-policies/application': {
    get: {
      summary:
        'Application throttling policies ({name, requestsPerMinute}; null = unlimited): requests per minute per application and end user, across all APIs',
    },
  },
  '/api/devportal/v1/subscriptions': {
    get: { summary: "The caller's applications' subscriptions (?applicationId=)" },
    post: {
      summary: 'Subscribe an application to a published API with a tier',
      body: obj({ applicationId: s, apiId: s, throttlingPolicy: s }, [
        'applicationId',
        'apiId',
        'throttlingPolicy',
      ]),
      status: 201,
    },
  },
  '/api/devportal/v1/subscriptions/{id}': {
    delete: { summary: 'Remove a subscription', status: 204 },
  },
};

const error = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

export function openApiDocument() {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, ops] of Object.entries(paths)) {
    out[path] = {};
    for (const [method, op] of Object.entries(ops)) {
      out[path]![method] = {
        summary: op.summary,
        ...(op.public ? { security: [] } : {}),
        ...(op.admin ? { description: 'Requires the admin role (403 otherwise).' } : {}),
        ...(op.publisher
          ? { description: 'Requires the admin or publisher role (403 otherwise).' }
          : {}),
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: Object.fromEntries(
                  (op.bodyTypes ?? ['application/json']).map((t) => [t, { schema: op.body }]),
                ),
              },
            }
          : {}),
        responses: { [String(op.status ?? 200)]: { description: 'Success' }, '4XX': error },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Tollgate management REST API', version: '1' },
    components: {
      securitySchemes: {
        basic: {
          type: 'http',
          scheme: 'basic',
          description: "A user's own username and password (scripts).",
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-tollgate-session',
          description:
            'Web UI session; unsafe methods also need X-CSRF-Token and a same-origin Origin.',
        },
      },
      schemas: {
        Error: obj({ code: n, message: s, description: s }, ['code', 'message', 'description']),
      },
    },
    security: [{ basic: [] }, { session: [] }],
    paths: out,
  };
}
