import type { User, UserStatus } from './user.js';

/** What the identity domain needs from storage. */
export interface UserStore {
  findByUsername(username: string): Promise<User | undefined>;
  findById(id: string): Promise<User | undefined>;
  /** Throws IdentityError('user_exists') when the username is taken. */
  create(user: User): Promise<void>;
  /** All or none, in one transaction; throws IdentityError('user_exists') when a username is taken. */
  createMany(users: readonly User[]): Promise<void>;
  list(): Promise<User[]>;
  count(): Promise<number>;
  updatePasswordHash(id: string, passwordHash: string, now: number): Promise<void>;
  updateRoles(id: string, roles: readonly string[], now: number): Promise<void>;
  updateStatus(id: string, status: UserStatus, now: number): Promise<void>;
  remove(id: string): Promise<boolean>;
}
