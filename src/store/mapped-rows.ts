/**
 * Maps each row object once. The hot paths keep the client and user rows they read until a
 * change (sqlite-hot-path.ts: another connection commits; postgres-row-cache.ts: PostgreSQL
 * notifies a change), handing out the same object meanwhile: the mapped value is kept exactly
 * as long as its row, so a token request does not rebuild the Client (two JSON.parse) every
 * time. Rows read afresh are simply mapped.
 */
export function mappedOnce<R extends object, T>(map: (row: R) => T): (row: R) => T {
  const mapped = new WeakMap<R, T>();
  return (row) => {
    let value = mapped.get(row);
    if (value === undefined) {
      value = map(row);
      mapped.set(row, value);
    }
    return value;
  };
}
