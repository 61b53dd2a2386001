import { randomBytes } from 'node:crypto';
import type { HashingConfig } from '../config/index.js';
import { LocalHashPool, type Gone, type HashLoad, type HashRunner } from './hash-pool.js';

export { HashingOverloadedError, type Gone } from './hash-pool.js';

/**
 * Argon2id password hashes and checks (R48), run by a HashRunner: this process's bounded pool
 * (LocalHashPool) or, in a worker of a several-worker `tollgate start`, the primary's.
 */
export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;
  private readonly params: string;
  private readonly runner: HashRunner;

  constructor(
    private readonly cfg: HashingConfig,
    runner?: HashRunner,
  ) {
    this.params = `m=${cfg.memoryKib},t=${cfg.iterations},p=${cfg.parallelism}`;
    this.runner = runner ?? new LocalHashPool(cfg);
  }

  hash(password: string): Promise<string> {
    return this.runner.run<string>({
      op: 'hash',
      password,
      memoryCost: this.cfg.memoryKib,
      timeCost: this.cfg.iterations,
      parallelism: this.cfg.parallelism,
    });
  }

  /**
   * False for a malformed stored hash too: a corrupt record never becomes a 500. A hash other
   * than Argon2 (an imported user not yet rehashed, foreign-hashes.ts) is checked in the worker
   * too, followed by the same argon2id work as a real check, so that such a user, whose legacy
   * hash may take microseconds (salted SHA-256), is not told apart by time from an unknown user (R20).
   * `gone`: the check is skipped (ClientGoneError) if its client left before its turn.
   */
  async verify(stored: string, password: string, gone?: Gone): Promise<boolean> {
    const pad = stored.startsWith('$argon2') ? undefined : await this.dummy();
    return this.runner.run<boolean>(
      {
        op: 'verify',
        stored,
        password,
        ...(pad !== undefined ? { pad } : {}),
      },
      gone,
    );
  }

  /** The unknown user's hash, made once; a refusal (pool full) is not remembered, the next call tries again. */
  private dummy(): Promise<string> {
    if (!this.dummyHash) {
      const made = this.hash(randomBytes(16).toString('hex'));
      this.dummyHash = made;
      made.catch(() => {
        if (this.dummyHash === made) this.dummyHash = undefined;
      });
    }
    return this.dummyHash;
  }

  /** Ends the worker threads (at shutdown, and for the CLI's one-shot commands). */
  close(): Promise<void> {
    return this.runner.close();
  }

  /** The same work as a real check, for an unknown user (R20). Always false. */
  async verifyDummy(password: string, gone?: Gone): Promise<false> {
    await this.verify(await this.dummy(), password, gone);
    return false;
  }

  /**
   * True when the stored hash used other parameters or algorithm than configured (R48): every
   * imported hash (bcrypt, PBKDF2, WSO2 SHA-256, Argon2i or other Argon2id parameters) too.
   */
  needsRehash(stored: string): boolean {
    const m = /^\$argon2id\$v=19\$([^$]+)\$/.exec(stored);
    return !m || m[1] !== this.params;
  }

  /** True when a new check would be refused: every slot busy and the queue full (R55). */
  get saturated(): boolean {
    return this.runner.saturated;
  }

  get load(): HashLoad {
    return this.runner.load;
  }
}
