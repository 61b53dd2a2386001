export { createMetrics } from './metrics.js';
//# sourceMappingURL=index.js.map