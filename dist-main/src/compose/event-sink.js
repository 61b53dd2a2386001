import { auditEventOf } from '../audit/index.js';
/**
 * Every key manager event goes to metrics; refusals also to the audit log (R-audit, issue #5)
 * and to the log at info level. Events carry no password, secret or token (R51).
 */
export function createEventSink(deps) {
    const audit = deps.log.child({ audit: true });
    return (event) => {
        if (event.type === 'token.issued') {
            deps.metrics?.issued(event.grantType);
            audit.debug(event, event.type);
            return;
        }
        if (event.type === 'token.revoked')
            deps.metrics?.revoked();
        const row = auditEventOf(event, deps.now());
        if (row) {
            deps.recorder.record(row);
            deps.metrics?.refusal(row.type, row.reason);
        }
        audit.info(event, event.type);
    };
}
//# sourceMappingURL=event-sink.js.map