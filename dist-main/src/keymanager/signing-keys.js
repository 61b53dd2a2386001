import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, } from 'jose';
/**
 * The key that signs JWT access tokens and the public set published at /oauth2/jwks.
 * A new key is stored (durably) before it signs anything (R41), so a restart or another
 * node never meets a token signed by a key it cannot publish.
 */
export class SigningKeys {
    active;
    jwks;
    getKey;
    constructor(active, jwks, getKey) {
        this.active = active;
        this.jwks = jwks;
        this.getKey = getKey;
    }
    static async load(store, alg, now) {
        let keys = await store.list();
        if (!keys.some((k) => k.alg === alg && k.retiredAt === null)) {
            const pair = await generateKeyPair(alg, {
                extractable: true,
                ...(alg === 'RS256' ? { modulusLength: 2048 } : {}),
            });
            const publicJwk = await exportJWK(pair.publicKey);
            const kid = await calculateJwkThumbprint(publicJwk);
            const privateJwk = await exportJWK(pair.privateKey);
            await store.insert({
                kid,
                alg,
                privateJwk: JSON.stringify({ ...privateJwk, kid, alg }),
                publicJwk: JSON.stringify({ ...publicJwk, kid, alg, use: 'sig' }),
                createdAt: now,
                retiredAt: null,
            });
            keys = await store.list();
        }
        const current = keys
            .filter((k) => k.alg === alg && k.retiredAt === null)
            .sort((a, b) => a.createdAt - b.createdAt || a.kid.localeCompare(b.kid))[0];
        const key = (await importJWK(JSON.parse(current.privateJwk), alg));
        const jwks = { keys: keys.map((k) => JSON.parse(k.publicJwk)) };
        return new SigningKeys({ kid: current.kid, alg, key }, jwks, createLocalJWKSet(jwks));
    }
}
//# sourceMappingURL=signing-keys.js.map