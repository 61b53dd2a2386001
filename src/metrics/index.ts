export { createMetrics, type Metrics, type HashPoolLoad } from './metrics.js';
