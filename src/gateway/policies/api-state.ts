import { apiBlocked } from '../faults.js';
import type { Policy } from './api-call.js';

/** A BLOCKED API answers nobody: 503 700700. (CREATED and RETIRED APIs are not in the snapshot: 404.) */
export function apiState(): Policy {
  return {
    name: 'api state',
    apply(call) {
      if (call.api!.status === 'BLOCKED') throw apiBlocked();
    },
  };
}
