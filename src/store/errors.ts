/** A row that must be unique already exists (an application name per owner, a key pair per environment). */
export class DuplicateError extends Error {
  override readonly name = 'DuplicateError';
  /** 409 Conflict; the message names what is taken and is written for the user. */
  readonly status = 409;
  readonly expose = true;
  constructor(
    readonly entity: string,
    message: string,
  ) {
    super(message);
  }
}

const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);

/** True for a unique or primary key violation on SQLite (better-sqlite3) or PostgreSQL. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && UNIQUE_CODES.has(code);
}
