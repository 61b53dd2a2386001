/**
 * A Publisher or Developer Portal request that cannot be done as asked; its message is written
 * for the user (`expose`), `kind` picks the HTTP status.
 */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  readonly expose = true;
  readonly status: number;
  constructor(
    readonly kind: 'invalid' | 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
    this.status = kind === 'not_found' ? 404 : kind === 'conflict' ? 409 : 400;
  }
}
