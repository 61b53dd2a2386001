// The HTML of the authorization endpoint: sign-in, consent and error pages. Server-rendered
// forms that work without script; every dynamic text is escaped.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Tollgate</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/favicon.ico">
</head>
<body>
<main class="authorize">
${body}
</main>
</body>
</html>
`;
}

const hidden = (fields: Readonly<Record<string, string>>) =>
  Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n');

const alert = (message: string | undefined) =>
  message ? `<p class="alert" role="alert">${escapeHtml(message)}</p>` : '';

export interface SignInPage {
  readonly appName: string;
  readonly params: Readonly<Record<string, string>>;
  readonly csrf: string;
  readonly username?: string;
  readonly error?: string;
}

/** The sign-in form: it posts the authorization request's parameters back with the credentials. */
export function signInPage(p: SignInPage): string {
  return page(
    'Sign in',
    `<section class="card">
<h1>Sign in</h1>
<p><strong>${escapeHtml(p.appName)}</strong> asks you to sign in with your Tollgate account.</p>
${alert(p.error)}
<form method="post" action="/oauth2/authorize/sign-in">
${hidden({ ...p.params, csrf: p.csrf })}
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" required autofocus value="${escapeHtml(p.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button type="submit">Sign in</button></div>
</form>
</section>`,
  );
}

export interface ConsentPage {
  readonly appName: string;
  readonly username: string;
  readonly scopes: readonly { readonly name: string; readonly description: string }[];
  readonly params: Readonly<Record<string, string>>;
  readonly csrf: string;
}

/** The consent form: Allow or Deny, remembered until the user revokes it in the Developer Portal. */
export function consentPage(p: ConsentPage): string {
  const items = p.scopes
    .map(
      (s) =>
        `<li><code>${escapeHtml(s.name)}</code>${s.description ? ` — ${escapeHtml(s.description)}` : ''}</li>`,
    )
    .join('\n');
  return page(
    'Allow access',
    `<section class="card">
<h1>Allow ${escapeHtml(p.appName)} to access your account?</h1>
<p>Signed in as <strong>${escapeHtml(p.username)}</strong>. <strong>${escapeHtml(p.appName)}</strong> will be able to call APIs on your behalf with these scopes:</p>
<ul class="scopes">
${items}
</ul>
<p class="hint">Your answer is remembered. You can revoke it any time in the Developer Portal under Authorized applications.</p>
<form method="post" action="/oauth2/authorize/consent">
${hidden({ ...p.params, csrf: p.csrf })}
<div class="actions">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</div>
</form>
</section>`,
  );
}

/** RFC 6749 §4.1.2.1: the client or the redirect URI is not trusted, so nothing is redirected. */
export function errorPage(
  title: string,
  message: string,
  advice = "You have not been sent back to the application. Close this page and tell the application's developer.",
): string {
  return page(
    title,
    `<section class="card">
<h1>${escapeHtml(title)}</h1>
${alert(message)}
<p>${escapeHtml(advice)}</p>
</section>`,
  );
}
