/**
 * A Publisher or Developer Portal request that cannot be done as asked; its message is written
 * for the user (`expose`), `kind` picks the HTTP status.
 */
export class CatalogError extends Error {
    kind;
    name = 'CatalogError';
    expose = true;
    status;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.status = kind === 'not_found' ? 404 : kind === 'conflict' ? 409 : 400;
    }
}
//# sourceMappingURL=errors.js.map