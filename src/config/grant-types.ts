/**
 * The grant types Tollgate implements, in the order the UIs list them: the wire name, the label
 * the UIs show and the doc line of its `[oauth.grant_type.<name>] enable` switch. Each has its
 * handler in keymanager/grants/ (one module each, which takes its name, label and doc from
 * here). They are listed in config/ because deployment.toml's schema has a switch per grant and
 * config/ imports no domain (no folder cycle: the Key Manager imports config, not the reverse).
 */
export const GRANT_TYPE_INFO = [
  {
    name: 'password',
    label: 'Password',
    doc: 'Resource owner password grant (RFC 6749 §4.3). Deprecated by RFC 9700; see the retirement report. false = off whatever the admin setting says.',
  },
  {
    name: 'client_credentials',
    label: 'Client Credentials',
    doc: 'Client credentials grant (RFC 6749 §4.4).',
  },
  {
    name: 'refresh_token',
    label: 'Refresh Token',
    doc: 'Refresh token grant (RFC 6749 §6) with rotation and reuse detection.',
  },
  {
    name: 'authorization_code',
    label: 'Code',
    doc: "Authorization code grant with PKCE S256 (RFC 6749 §4.1, RFC 7636): GET /oauth2/authorize, sign-in and consent pages, codes exchanged at the token endpoint; the password grant's successor.",
  },
] as const;

/** A grant type's wire name (grant_type). */
export type GrantType = (typeof GRANT_TYPE_INFO)[number]['name'];

export const GRANT_TYPES: readonly GrantType[] = GRANT_TYPE_INFO.map((g) => g.name);

/** The name, label and doc of one grant type, for its module in keymanager/grants/. */
export function grantTypeInfo<N extends GrantType>(
  name: N,
): { readonly name: N; readonly label: string; readonly doc: string } {
  const info = GRANT_TYPE_INFO.find((g) => g.name === name)!;
  return { name, label: info.label, doc: info.doc };
}
