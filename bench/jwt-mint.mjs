#!/usr/bin/env node
// node bench/jwt-mint.mjs [CHECKOUT...] — CPU microseconds per JWT access token minted (claims,
// encoding and signature; no HTTP, no store), per algorithm, next to node:crypto's bare
// signature call (the floor any signer in Node pays). Each checkout (default: this one) must be
// built; with several, their rounds are interleaved so they share the machine's noise.
// Env: N=3000 (tokens per round), ROUNDS=7 (the median is printed), ALGS=ES256,EdDSA,RS256
// CPU time (process.cpuUsage), not wall time: meaningful on a loaded machine too.
import { generateKeyPairSync, sign } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const N = Number(process.env.N ?? 3000);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const ALGS = (process.env.ALGS ?? 'ES256,EdDSA,RS256').split(',');
const CHECKOUTS =
  process.argv.length > 2 ? process.argv.slice(2) : [join(import.meta.dirname, '..')];

const client = {
  key: { consumerKey: 'aMxSdQxbzCyKBTTTkpcUVF1nB5o' },
  application: { id: '01a237e5-ef53-72fd-be90-9fe750418165', tokenType: 'jwt' },
};
const config = {
  issuer: 'https://localhost:9443',
  audience: 'https://localhost:8243',
  accessTokenLifetime: 3600,
  refreshTokenLifetime: 86400,
  refreshTokenMaxLifetime: 86400 * 30,
};
const req = {
  client,
  grantType: 'client_credentials',
  scope: ['default'],
  withRefreshToken: false,
};
const input = Buffer.from('x'.repeat(380));

async function minter(checkout, alg) {
  const dist = (p) => import(pathToFileURL(join(resolve(checkout), 'dist', 'src', p)).href);
  const { SigningKeys } = await dist('keymanager/signing-keys.js');
  const { createTokenIssuer } = await dist('keymanager/token-issuer.js');
  const rows = [];
  const store = { list: async () => rows, insert: async (k) => void rows.push(k) };
  const keys = await SigningKeys.load(store, alg, Date.now());
  const mint = createTokenIssuer({ config, keys: () => keys });
  return () => mint(req, Date.now());
}

function bareSigner(alg) {
  const kind = { ES256: ['ec', { namedCurve: 'P-256' }], EdDSA: ['ed25519', {}] }[alg] ?? [
    'rsa',
    { modulusLength: 2048 },
  ];
  const key = generateKeyPairSync(...kind).privateKey;
  const opts = alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key;
  return async () => sign(alg === 'EdDSA' ? null : 'sha256', input, opts);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const alg of ALGS) {
  const subjects = [['bare node:crypto sign', bareSigner(alg)]];
  for (const c of CHECKOUTS) subjects.push([c, await minter(c, alg)]);
  const n = alg === 'RS256' ? Math.ceil(N / 8) : N;
  const runs = subjects.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, [, fn]] of subjects.entries()) {
      const start = process.cpuUsage();
      for (let k = 0; k < n; k++) await fn();
      const d = process.cpuUsage(start);
      runs[i].push((d.user + d.system) / n);
    }
  }
  for (const [i, [name]] of subjects.entries())
    console.log(`jwt-mint alg=${alg} cpu_us_per_token=${median(runs[i]).toFixed(1)} ${name}`);
}
