import { noSandboxEndpoint } from '../faults.js';
/**
 * Which backend the call goes to: sandbox keys to the API's sandbox endpoint (403 900908 when it
 * has none), production keys and resources with auth "none" to its production endpoint.
 */
export function environment() {
    return {
        name: 'environment',
        apply(call) {
            const api = call.api;
            if (call.subscription?.environment !== 'sandbox') {
                call.backend = api.productionUrl;
                return;
            }
            if (!api.sandboxUrl)
                throw noSandboxEndpoint();
            call.backend = api.sandboxUrl;
        },
    };
}
//# sourceMappingURL=environment.js.map