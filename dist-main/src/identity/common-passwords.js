import { createRequire } from 'node:module';
// ASVS 5.0 V6.2.4 / NIST 800-63B §3.1.1.2: refuse passwords that are commonly used, expected or
// compromised. The list is zxcvbn-ts's "passwords-common" dictionary (@zxcvbn-ts/language-common,
// MIT): 49,233 passwords that appear more than ten times in Mark Burnett's public ten-million
// password corpus, most frequent first. It leaves out what zxcvbn finds by pattern instead
// (repeats, sequences, dates), so those patterns are checked here too.
let list;
/** Loaded at the first password set (about 0.1 s, a few MB), never at start-up. */
function commonPasswords() {
    if (!list) {
        const require = createRequire(import.meta.url);
        const pkg = require('@zxcvbn-ts/language-common');
        list = new Set(pkg.dictionary['passwords-common']);
    }
    return list;
}
// Keyboard rows and alphabets, forwards and backwards: a password that is a run of one of
// them ("abcdefgh", "87654321", "0987654321") is a sequence, not a secret.
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const SEQUENCES = RUNS.flatMap((r) => [r.repeat(4), [...r].reverse().join('').repeat(4)]);
/**
 * True when `password` is on the published list, is a listed password or a context word
 * followed by digits or symbols ("summer2026", "tollgate123"), repeats one chunk
 * ("11111111", "adminadmin"), or runs along a sequence. Case is ignored. `contextWords` are
 * the service's name and the username (NIST: "context-specific words").
 */
export function isCommonPassword(password, contextWords) {
    const lower = password.toLowerCase();
    const words = commonPasswords();
    const context = new Set(contextWords.map((w) => w.toLowerCase()).filter((w) => w.length > 0));
    const base = lower.replace(/\P{L}+$/u, '');
    return (words.has(lower) ||
        context.has(lower) ||
        (base.length >= 4 && (words.has(base) || context.has(base))) ||
        /^(.+?)\1+$/su.test(lower) ||
        SEQUENCES.some((s) => s.includes(lower)));
}
//# sourceMappingURL=common-passwords.js.map