import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from './index.js';

const homes: string[] = [];
function home(toml?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-conf-'));
  homes.push(dir);
  if (toml !== undefined) {
    mkdirSync(join(dir, 'conf'));
    writeFileSync(join(dir, 'conf', 'deployment.toml'), toml);
  }
  return dir;
}
after(() => homes.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('deployment.toml', () => {
  it('has the WSO2 defaults without a file', () => {
    const c = loadConfig(home());
    assert.deepEqual(c.ports, { gatewayHttps: 8243, gatewayHttp: 8280, management: 9443 });
    assert.equal(c.token.accessTokenLifetime, 3600);
    assert.equal(c.token.refreshTokenLifetime, 86400);
    assert.equal(c.token.issuer, 'https://localhost:9443');
    assert.deepEqual(c.token.enabledGrants, [
      'password',
      'client_credentials',
      'refresh_token',
      'authorization_code',
    ]);
    assert.equal(c.database.type, 'sqlite');
    assert.ok(Object.isFrozen(c.token));
  });

  it('adds the offset to every port and reads the WSO2-style keys', () => {
    const dir = home(
      '[server]\noffset = 2\n[oauth.grant_type.password]\nenable = false\n[apim.key_manager]\nconfiguration.ServerURL = "https://km-host:9443/"\n',
    );
    const c = loadConfig(dir);
    assert.deepEqual(c.ports, { gatewayHttps: 8245, gatewayHttp: 8282, management: 9445 });
    assert.deepEqual(c.token.enabledGrants, [
      'client_credentials',
      'refresh_token',
      'authorization_code',
    ]);
    assert.equal(c.keyManager.serverUrl, 'https://km-host:9443');
  });

  it('stops on an unknown key or a wrong type, naming the file and the key', () => {
    const a = home('[server]\nofset = 1\n');
    assert.throws(
      () => loadConfig(a),
      new ConfigError(`${join(a, 'conf', 'deployment.toml')}: unknown key "server.ofset"`),
    );
    const b = home('[server]\noffset = "one"\n');
    assert.throws(
      () => loadConfig(b),
      new ConfigError(`${join(b, 'conf', 'deployment.toml')}: server.offset must be an integer`),
    );
    const c = home('[database]\ntype = "mysql"\n');
    assert.throws(
      () => loadConfig(c),
      new ConfigError(
        `${join(c, 'conf', 'deployment.toml')}: database.type must be one of "sqlite", "postgres"`,
      ),
    );
    const d = home('[server\n');
    assert.throws(
      () => loadConfig(d),
      (e: unknown) =>
        e instanceof ConfigError && e.message.startsWith(join(d, 'conf', 'deployment.toml')),
    );
  });

  it("reads the application throttling policies, WSO2's by default", () => {
    assert.deepEqual(loadConfig(home()).applicationPolicies, [
      { name: 'Unlimited', requestsPerMinute: null },
      { name: '50PerMin', requestsPerMinute: 50 },
      { name: '20PerMin', requestsPerMinute: 20 },
      { name: '10PerMin', requestsPerMinute: 10 },
    ]);
    const custom = loadConfig(
      home('[apim.throttling]\napplication_policies = ["Unlimited:0", "5PerMin:5"]\n'),
    );
    assert.deepEqual(custom.applicationPolicies, [
      { name: 'Unlimited', requestsPerMinute: null },
      { name: '5PerMin', requestsPerMinute: 5 },
    ]);
    assert.throws(
      () => loadConfig(home('[apim.throttling]\napplication_policies = ["10PerMin:10"]\n')),
      new ConfigError(
        'apim.throttling.application_policies: a policy named "Unlimited" is required (the policy of new applications)',
      ),
    );
    assert.throws(
      () => loadConfig(home('[apim.throttling]\napplication_policies = ["Unlimited:0", "Fast"]\n')),
      new ConfigError(
        'apim.throttling.application_policies: "Fast" must look like "Gold:5000" (name:requests-per-minute, 0 = unlimited)',
      ),
    );
  });
});
