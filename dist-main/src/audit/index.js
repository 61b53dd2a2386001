export { AUDIT_TYPES, } from './audit-event.js';
export { createAuditRecorder } from './audit-recorder.js';
export { auditEventOf, adminAuditEvent, usersImportedEvent } from './from-key-manager.js';
//# sourceMappingURL=index.js.map