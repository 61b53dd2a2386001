// The pages' one way to call the management REST API: same-origin JSON, the session cookie
// (sent by the browser), the CSRF token on unsafe methods, and a readable error for every failure.

let csrfToken = null;

export class ApiFailure extends Error {
  constructor(status, description) {
    super(description);
    this.status = status;
  }
}

export function setCsrfToken(token) {
  csrfToken = token;
}

export function api(method, path, body) {
  return send(
    method,
    path,
    body === undefined ? undefined : JSON.stringify(body),
    'application/json',
  );
}

/** Sends a text body as is (an OpenAPI document in YAML or JSON). */
export function apiText(method, path, text, contentType) {
  return send(method, path, text, contentType);
}

async function send(method, path, body, contentType) {
  const headers = { 'x-tollgate-ui': '1', accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiFailure(0, 'The server cannot be reached. Check your connection and try again.');
  }
  if (res.status === 204) return undefined;
  const text = await res.text();
  let data;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const description =
      data?.description ?? data?.error_description ?? `The server answered ${res.status}.`;
    throw new ApiFailure(res.status, description);
  }
  return data;
}

/** The signed-in user ({username, roles, csrfToken}) or null: "not signed in" is a 200, not an error. */
export async function currentSession() {
  const s = await api('GET', '/api/session');
  if (!s?.signedIn) return null;
  setCsrfToken(s.csrfToken);
  return s;
}

export async function signIn(username, password) {
  const s = await api('POST', '/api/session', { username, password });
  setCsrfToken(s.csrfToken);
  return s;
}

export async function signOut() {
  await api('DELETE', '/api/session');
  setCsrfToken(null);
}
