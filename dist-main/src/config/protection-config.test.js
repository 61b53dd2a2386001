import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lockDuration } from '../identity/lockout.js';
import { ConfigError, loadConfig } from './index.js';
const homes = [];
function home(toml) {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-conf-'));
    homes.push(dir);
    mkdirSync(join(dir, 'conf'));
    writeFileSync(join(dir, 'conf', 'deployment.toml'), toml);
    return dir;
}
after(() => homes.forEach((d) => rmSync(d, { recursive: true, force: true })));
describe('protection settings (issue #5)', () => {
    it('defaults like WSO2: 5 failures, 5 minutes, doubling, capped at an hour; no trusted proxy; no Redis', () => {
        const c = loadConfig(home(''));
        assert.deepEqual(c.identity.lockout, {
            enabled: true,
            maxFailedAttempts: 5,
            lockMs: 300_000,
            incrementFactor: 2,
            maxLockMs: 3_600_000,
        });
        assert.deepEqual([0, 1, 2, 3, 4, 10].map((n) => lockDuration(n, c.identity.lockout) / 60_000), [5, 10, 20, 40, 60, 60]);
        assert.deepEqual(c.protection, {
            trustedProxies: [],
            shedPauseMs: 1000,
            ipMaxFailures: 30,
            ipWindowMs: 300_000,
            sprayMaxAccounts: 10,
            sprayWindowMs: 900_000,
        });
        assert.deepEqual(c.redis, { url: '', keyPrefix: 'tollgate:' });
        assert.equal(c.database.queryTimeoutMs, 2000);
    });
    it('accepts IP addresses and CIDRs as trusted proxies and names a bad one', () => {
        const ok = loadConfig(home('[server]\ntrusted_proxies = ["10.0.0.0/8", "192.0.2.1", "fd00::/8"]\n'));
        assert.deepEqual(ok.protection.trustedProxies, ['10.0.0.0/8', '192.0.2.1', 'fd00::/8']);
        const bad = home('[server]\ntrusted_proxies = ["10.0.0.0/33"]\n');
        assert.throws(() => loadConfig(bad), new ConfigError(`${join(bad, 'conf', 'deployment.toml')}: server.trusted_proxies: "10.0.0.0/33" is not an IP address or CIDR`));
        const name = home('[server]\ntrusted_proxies = ["proxy.local"]\n');
        assert.throws(() => loadConfig(name), ConfigError);
    });
});
//# sourceMappingURL=protection-config.test.js.map