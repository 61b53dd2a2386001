/** A Publisher or Developer Portal request that cannot be done as asked; `kind` picks the HTTP status. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  constructor(
    readonly kind: 'invalid' | 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}
