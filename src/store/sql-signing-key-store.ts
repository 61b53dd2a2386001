import type { Kysely } from 'kysely';
import type { SigningKey } from '../keymanager/model.js';
import type { SigningKeyStore } from '../keymanager/store.js';
import type { Tables } from './tables.js';

export class SqlSigningKeyStore implements SigningKeyStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async list(): Promise<SigningKey[]> {
    const rows = await this.db
      .selectFrom('signing_keys')
      .selectAll()
      .orderBy('created_at')
      .orderBy('kid')
      .execute();
    return rows.map((r) => ({
      kid: r.kid,
      alg: r.alg,
      privateJwk: r.private_jwk,
      publicJwk: r.public_jwk,
      createdAt: r.created_at,
      retiredAt: r.retired_at,
    }));
  }

  async insert(key: SigningKey): Promise<void> {
    await this.db
      .insertInto('signing_keys')
      .values({
        kid: key.kid,
        alg: key.alg,
        private_jwk: key.privateJwk,
        public_jwk: key.publicJwk,
        created_at: key.createdAt,
        retired_at: key.retiredAt,
      })
      .execute();
  }
}
