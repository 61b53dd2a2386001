/** A row that must be unique already exists (an application name per owner, a key pair per environment). */
export class DuplicateError extends Error {
    entity;
    name = 'DuplicateError';
    /** 409 Conflict; the message names what is taken and is written for the user. */
    status = 409;
    expose = true;
    constructor(entity, message) {
        super(message);
        this.entity = entity;
    }
}
const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);
/** True for a unique or primary key violation on SQLite (better-sqlite3) or PostgreSQL. */
export function isUniqueViolation(err) {
    const code = err?.code;
    return typeof code === 'string' && UNIQUE_CODES.has(code);
}
//# sourceMappingURL=errors.js.map