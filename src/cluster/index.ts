export { runPrimary, type PrimaryOptions, type RunningPrimary } from './primary.js';
export { PrimaryChannel } from './primary-channel.js';
export { RemoteHitCounter } from './remote-counter.js';
export { RemoteHashRunner } from './remote-hash-runner.js';
