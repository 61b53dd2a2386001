export type UserStatus = 'active' | 'disabled';

export interface User {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly roles: readonly string[];
  readonly status: UserStatus;
  readonly createdAt: number;
}

export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  constructor(
    readonly code:
      'invalid_username' | 'weak_password' | 'user_exists' | 'user_not_found' | 'invalid_role',
    message: string,
  ) {
    super(message);
  }
}
