// What the control plane tells a Gateway (GET /internal/gateway/v1/snapshot): the wire format
// of config sync. Everything a Gateway needs to decide a request without a database.
export {};
//# sourceMappingURL=snapshot.js.map