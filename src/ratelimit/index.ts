export type { HitCounter, WindowCount } from './counter.js';
export { MemoryHitCounter } from './memory-counter.js';
