export type UserStatus = 'active' | 'disabled';

export interface User {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly roles: readonly string[];
  readonly status: UserStatus;
  readonly createdAt: number;
}

/** A refused user operation; its message is written for the user (`expose`), `status` is its HTTP answer. */
export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  readonly expose = true;
  readonly status: number;
  constructor(
    readonly code:
      'invalid_username' | 'weak_password' | 'user_exists' | 'user_not_found' | 'invalid_role',
    message: string,
  ) {
    super(message);
    this.status = code === 'user_not_found' ? 404 : code === 'user_exists' ? 409 : 400;
  }
}
