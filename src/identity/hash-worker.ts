// Runs inside a hashing worker thread (see password-hasher.ts): argon2id synchronously on
// this thread, whose CPU priority Piscina lowered (niceIncrement), and the hashes of imported
// users (foreign-hashes.ts) likewise.
import { hashSync, verifySync } from '@node-rs/argon2';
import { verifyForeign } from './foreign-hashes.js';

export type HashTask =
  | {
      readonly op: 'hash';
      readonly password: string;
      readonly memoryCost: number;
      readonly timeCost: number;
      readonly parallelism: number;
    }
  /** `pad`: an argon2id hash also checked (result ignored) after a foreign hash, see PasswordHasher.verify. */
  | {
      readonly op: 'verify';
      readonly stored: string;
      readonly password: string;
      readonly pad?: string;
    };

function argon2(stored: string, password: string): boolean {
  try {
    return verifySync(stored, password);
  } catch {
    return false; // a malformed stored hash is a failed check, never a 500
  }
}

export default function run(task: HashTask): string | boolean {
  if (task.op === 'hash') {
    return hashSync(task.password, {
      memoryCost: task.memoryCost,
      timeCost: task.timeCost,
      parallelism: task.parallelism,
    });
  }
  if (task.stored.startsWith('$argon2')) return argon2(task.stored, task.password);
  let ok = false;
  try {
    ok = verifyForeign(task.stored, task.password);
  } catch {
    ok = false;
  }
  if (task.pad !== undefined) argon2(task.pad, task.password);
  return ok;
}
