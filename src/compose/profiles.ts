/** Which parts one `tollgate start` runs: the Gateway, the control plane, or both. */
export type Profile = 'all' | 'control-plane' | 'gateway';
export const PROFILES: readonly Profile[] = ['all', 'control-plane', 'gateway'];
