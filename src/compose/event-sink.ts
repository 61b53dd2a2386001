import type { Logger } from 'pino';
import { auditEventOf, type AuditRecorder } from '../audit/index.js';
import type { KeyManagerEvent } from '../keymanager/index.js';
import type { Metrics } from '../metrics/index.js';

/**
 * Every key manager event goes to metrics; refusals also to the audit log (R-audit, issue #5)
 * and to the log at info level (a shed request at debug). Events carry no password, secret or token (R51).
 */
export function createEventSink(deps: {
  log: Logger;
  recorder: AuditRecorder;
  metrics?: Metrics;
  now: () => number;
}) {
  const audit = deps.log.child({ audit: true });
  return (event: KeyManagerEvent): void => {
    if (event.type === 'token.issued') {
      deps.metrics?.issued(event.grantType);
      audit.debug(event, event.type);
      return;
    }
    if (event.type === 'token.revoked') deps.metrics?.revoked();
    const row = auditEventOf(event, deps.now());
    if (row) {
      deps.recorder.record(row);
      deps.metrics?.refusal(row.type, row.reason);
    }
    // A login flood sheds hundreds of requests a second: each is in the audit log and the
    // metrics, and a log line apiece would make the flood the log's (and the CPU's) burden.
    if (event.type === 'request.shed') audit.debug(event, event.type);
    else audit.info(event, event.type);
  };
}
