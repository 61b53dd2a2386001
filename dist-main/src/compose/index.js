export { createServices } from './services.js';
export { startTollgate, PROFILES } from './start.js';
export { bootstrapAdmin } from './bootstrap-admin.js';
//# sourceMappingURL=index.js.map