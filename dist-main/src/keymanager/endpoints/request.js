import { parseFormBody } from './form.js';
import { authenticateClient, presentedCredentials } from '../client-auth.js';
import { InvalidClientError } from '../errors.js';
import { refuseThrottledAddress } from '../login-throttle.js';
/**
 * The first steps of every client-authenticated endpoint: strict form parsing, then one client
 * authentication. A failed one from an address over the per-address limit is answered 429
 * (R16, R22); a client with its right secret passes whatever the address did: it is not a
 * guess, and the client lookup and SHA-256 it costs are cheap (no password hash).
 */
export async function authenticate(deps, req) {
    const form = parseFormBody(req.contentType, req.body);
    let clientId;
    try {
        const creds = presentedCredentials(req.authorization, form);
        clientId = creds.clientId;
        return { form, client: await authenticateClient(deps.applications, creds) };
    }
    catch (err) {
        if (err instanceof InvalidClientError) {
            await refuseThrottledAddress(deps.throttle, deps.events, req.ip);
            // The presented id is recorded only when it names a real client (R51).
            const consumerKey = err.reason === 'wrong_secret' && clientId !== undefined ? clientId : null;
            deps.events({ type: 'client.auth_failed', reason: err.reason, consumerKey, ip: req.ip });
            await deps.throttle?.clientFailed(req.ip);
        }
        throw err;
    }
}
//# sourceMappingURL=request.js.map