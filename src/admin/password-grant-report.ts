import type { User } from '../identity/index.js';
import type { Application } from '../keymanager/model.js';
import type { StatisticsStore } from './statistics-store.js';

export interface PasswordGrantUserUse {
  readonly username: string;
  readonly tokens: number;
  readonly lastUsedAt: string;
}

export interface PasswordGrantAppUse {
  readonly applicationId: string;
  readonly applicationName: string;
  readonly owner: string;
  /** Whether the application may still use the password grant (its allowed grant types). */
  readonly passwordGrantAllowed: boolean;
  readonly tokens: number;
  readonly lastUsedAt: string;
  /** The users who obtained password-grant tokens through it, most tokens first. */
  readonly users: readonly PasswordGrantUserUse[];
}

/**
 * Who still uses the password grant, to plan the move to authorization code + PKCE
 * (RFC 9700 §2.4): the applications that obtained password-grant tokens in the period with
 * their users, and the applications that still allow the grant but did not use it (their
 * grant can be switched off now).
 */
export interface PasswordGrantReport {
  readonly since: string;
  readonly days: number;
  readonly applicationsUsing: number;
  readonly usersUsing: number;
  readonly tokens: number;
  readonly applications: readonly PasswordGrantAppUse[];
  readonly allowedButUnused: ReadonlyArray<{
    readonly applicationId: string;
    readonly applicationName: string;
    readonly owner: string;
  }>;
  /** Where an application's developer reads how to move to authorization code + PKCE. */
  readonly migrationGuide: string;
}

/** The step-by-step guide from the password grant to authorization code + PKCE. */
export const MIGRATION_GUIDE = 'docs/migrating-from-password-grant.md';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export async function passwordGrantReport(deps: {
  statistics: StatisticsStore;
  applications: () => Promise<readonly Application[]>;
  users: () => Promise<readonly User[]>;
  now: number;
  days: number;
}): Promise<PasswordGrantReport> {
  const since = deps.now - deps.days * DAY_MS;
  const [uses, apps, users] = await Promise.all([
    deps.statistics.passwordGrantUse(since),
    deps.applications(),
    deps.users(),
  ]);
  const username = new Map(users.map((u) => [u.id, u.username]));
  // A token of a user removed since then still counts; the id stands in for the name.
  const nameOf = (id: string) => username.get(id) ?? `(removed user ${id})`;
  const byApp = new Map<string, (typeof uses)[number][]>();
  for (const u of uses) byApp.set(u.applicationId, [...(byApp.get(u.applicationId) ?? []), u]);

  const applications: PasswordGrantAppUse[] = [];
  for (const app of apps) {
    const rows = byApp.get(app.id);
    if (!rows) continue;
    rows.sort((a, b) => b.tokens - a.tokens || b.lastIssuedAt - a.lastIssuedAt);
    applications.push({
      applicationId: app.id,
      applicationName: app.name,
      owner: nameOf(app.ownerId),
      passwordGrantAllowed: app.grantTypes.includes('password'),
      tokens: rows.reduce((n, r) => n + r.tokens, 0),
      lastUsedAt: iso(Math.max(...rows.map((r) => r.lastIssuedAt))),
      users: rows.map((r) => ({
        username: nameOf(r.userId),
        tokens: r.tokens,
        lastUsedAt: iso(r.lastIssuedAt),
      })),
    });
  }
  applications.sort(
    (a, b) =>
      b.users.length - a.users.length ||
      b.tokens - a.tokens ||
      a.applicationName.localeCompare(b.applicationName),
  );
  const allowedButUnused = apps
    .filter((a) => a.grantTypes.includes('password') && !byApp.has(a.id))
    .map((a) => ({ applicationId: a.id, applicationName: a.name, owner: nameOf(a.ownerId) }))
    .sort((a, b) => a.applicationName.localeCompare(b.applicationName));
  return {
    since: iso(since),
    days: deps.days,
    applicationsUsing: applications.length,
    usersUsing: new Set(uses.map((u) => u.userId)).size,
    tokens: uses.reduce((n, u) => n + u.tokens, 0),
    applications,
    allowedButUnused,
    migrationGuide: MIGRATION_GUIDE,
  };
}
