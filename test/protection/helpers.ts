import {
  basic,
  call,
  postForm,
  type Fixture,
  type HttpResult,
  type TestServer,
} from '../helpers/tollgate.js';

export const ADMIN = basic('admin', 'Admin-Password-For-Tests');

/** What a client can observe of an answer, minus the Date header. */
export function observable(r: HttpResult): {
  status: number;
  body: string;
  headers: Record<string, string>;
} {
  const { date: _date, ...headers } = r.headers;
  return { status: r.status, body: r.text, headers };
}

export function passwordGrant(
  server: TestServer,
  fx: Fixture,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  return postForm(
    server,
    `${server.gateway}/token`,
    { grant_type: 'password', username, password },
    { authorization: fx.authorization, ...headers },
  );
}

export async function auditEvents(server: TestServer, query = ''): Promise<any[]> {
  const r = await call(server, `${server.management}/api/admin/v1/audit-events${query}`, {
    headers: { authorization: ADMIN },
  });
  if (r.status !== 200) throw new Error(`audit listing failed: ${r.status} ${r.text}`);
  return r.json.list;
}

export const INVALID_GRANT = {
  error: 'invalid_grant',
  error_description: 'The user credentials are invalid.',
};
