export const AUDIT_TYPES = [
    'client.auth_failed',
    'login.failed',
    'account.locked',
    'account.unlocked',
    'request.throttled',
    'request.shed',
    'refresh.reuse_detected',
    'users.imported',
];
//# sourceMappingURL=audit-event.js.map