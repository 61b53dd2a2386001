import type { Readable } from 'node:stream';
import { ClientGoneError } from '../../http/connection-gone.js';
import { backendFault, type Proxy } from '../proxy.js';
import type { Policy } from './api-call.js';

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

/**
 * The backend call, last: the request streamed to the chosen backend and its answer streamed
 * back. Failures before the answer began are the Gateway's honest 502/503/504; after it, or
 * when the client left, the connection is closed.
 */
export function proxyCall(proxy: Proxy, proto: 'http' | 'https', assertionHeader: string): Policy {
  return {
    name: 'proxy',
    async apply(call) {
      const { req, reply } = call;
      const api = call.api!;
      const hasBody =
        (!BODYLESS.has(req.method) && (req.headers['content-length'] ?? '0') !== '0') ||
        req.headers['transfer-encoding'] !== undefined;
      // The API's path itself (or its context, for the default version) maps to the backend URL
      // as configured, without a trailing "/".
      const below = call.rest === '/' && call.path === call.compiled!.path ? '' : call.rest;
      let started = false;
      try {
        await proxy.forward(
          {
            method: req.method,
            backend: call.backend,
            path: `${below}${call.query}`,
            headers: req.headers,
            body: hasBody ? (req.body as Readable) : null,
            clientIp: req.ip,
            proto,
            stripAuthorization: call.resource!.authType === 'oauth',
            answerHeaders: call.answerHeaders,
            assertionHeader,
            assertion: call.assertion,
          },
          reply.raw,
          () => {
            // From here the backend's answer is written straight to the client.
            started = true;
            reply.hijack();
          },
        );
      } catch (err) {
        if (err instanceof ClientGoneError) {
          // The client left and the backend call was cancelled: neither a backend fault nor ours.
          req.log.debug({ api: api.name }, 'client closed the connection, backend call cancelled');
          if (!started) reply.hijack();
          reply.raw.destroy();
          return;
        }
        if (started) {
          // The answer had begun: closing the client's connection is all that is left to say.
          req.log.warn({ err: (err as Error).message, api: api.name }, 'backend answer broke off');
          reply.raw.destroy();
          return;
        }
        req.log.warn({ err: (err as Error).message, api: api.name }, 'backend call failed');
        throw backendFault(err);
      }
    },
  };
}
