import { compileCors, corsAnswerHeaders, headersAllowed } from '../cors.js';
import { corsRefused } from '../faults.js';
import { ANSWERED } from './api-call.js';
/**
 * CORS (Fetch standard §3.2) for browser calls from another origin, with the API's own
 * settings or the Gateway's [apim.cors]. A preflight (OPTIONS with Origin and
 * Access-Control-Request-Method) is answered here, before any token is asked for; a call from
 * an origin, with a method or headers the settings do not allow is refused (403); an allowed
 * call goes on, and every answer to it, refusals included, carries the CORS headers so the page
 * can read it. Requests without Origin, same-origin ones and APIs with CORS off pass untouched.
 */
export function cors(defaults, proto) {
    const gateway = compileCors(defaults);
    // Compiled once per API object of a snapshot; a new snapshot brings new objects.
    const own = new WeakMap();
    const settingsOf = (api) => {
        if (!api.cors)
            return gateway;
        let compiled = own.get(api);
        if (!compiled)
            own.set(api, (compiled = compileCors(api.cors)));
        return compiled;
    };
    return {
        name: 'cors',
        apply(call) {
            const req = call.req;
            const origin = req.headers.origin;
            if (origin === undefined)
                return;
            const settings = settingsOf(call.api);
            if (!settings.enabled)
                return;
            const method = req.headers['access-control-request-method'];
            const preflight = req.method === 'OPTIONS' && typeof method === 'string';
            if (!preflight && origin === `${proto}://${req.headers.host}`)
                return; // same origin
            if (!settings.anyOrigin && !settings.origins.has(origin))
                throw corsRefused('This origin');
            const headers = corsAnswerHeaders(settings, origin);
            if (!preflight) {
                if (!settings.anyMethod && !settings.methods.has(req.method))
                    throw corsRefused('This method');
                call.reply.headers(headers);
                call.answerHeaders = headers;
                return;
            }
            if (!settings.anyMethod && !settings.methods.has(method))
                throw corsRefused('The requested method');
            const requested = req.headers['access-control-request-headers'];
            if (!headersAllowed(settings, requested))
                throw corsRefused('A requested header');
            // "*" does not cover Authorization (Fetch §3.2.3): a wildcard is answered with the request's own list.
            call.reply
                .code(204)
                .headers(headers)
                .headers({
                'access-control-allow-methods': settings.anyMethod ? method : settings.allowMethods,
                'access-control-allow-headers': settings.anyHeader
                    ? (requested ?? '')
                    : settings.allowHeaders,
                'access-control-max-age': settings.maxAge,
            })
                .send();
            return ANSWERED;
        },
    };
}
//# sourceMappingURL=cors.js.map