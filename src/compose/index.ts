export { createServices, type Services } from './services.js';
export { startTollgate, PROFILES, type Profile, type RunningTollgate } from './start.js';
export { bootstrapAdmin } from './bootstrap-admin.js';
