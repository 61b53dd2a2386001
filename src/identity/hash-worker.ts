// Runs inside a hashing worker thread (see password-hasher.ts): argon2id synchronously on
// this thread, whose CPU priority Piscina lowered (niceIncrement).
import { hashSync, verifySync } from '@node-rs/argon2';

export type HashTask =
  | { readonly op: 'hash'; readonly password: string; readonly memoryCost: number; readonly timeCost: number; readonly parallelism: number }
  | { readonly op: 'verify'; readonly stored: string; readonly password: string };

export default function run(task: HashTask): string | boolean {
  if (task.op === 'hash') {
    return hashSync(task.password, { memoryCost: task.memoryCost, timeCost: task.timeCost, parallelism: task.parallelism });
  }
  try {
    return verifySync(task.stored, task.password);
  } catch {
    return false; // a malformed stored hash is a failed check, never a 500
  }
}
