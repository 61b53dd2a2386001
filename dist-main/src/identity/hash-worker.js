// Runs inside a hashing worker thread (see password-hasher.ts): argon2id synchronously on
// this thread, whose CPU priority Piscina lowered (niceIncrement), and the hashes of imported
// users (foreign-hashes.ts) likewise.
import { hashSync, verifySync } from '@node-rs/argon2';
import { verifyForeign } from './foreign-hashes.js';
function argon2(stored, password) {
    try {
        return verifySync(stored, password);
    }
    catch {
        return false; // a malformed stored hash is a failed check, never a 500
    }
}
export default function run(task) {
    if (task.op === 'hash') {
        return hashSync(task.password, {
            memoryCost: task.memoryCost,
            timeCost: task.timeCost,
            parallelism: task.parallelism,
        });
    }
    if (task.stored.startsWith('$argon2'))
        return argon2(task.stored, task.password);
    let ok = false;
    try {
        ok = verifyForeign(task.stored, task.password);
    }
    catch {
        ok = false;
    }
    if (task.pad !== undefined)
        argon2(task.pad, task.password);
    return ok;
}
//# sourceMappingURL=hash-worker.js.map