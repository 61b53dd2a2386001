export {
  AUDIT_TYPES,
  type AuditEvent,
  type AuditQuery,
  type AuditStore,
  type StoredAuditEvent,
} from './audit-event.js';
export { createAuditRecorder, type AuditRecorder } from './audit-recorder.js';
export { auditEventOf, adminAuditEvent, usersImportedEvent } from './from-key-manager.js';
