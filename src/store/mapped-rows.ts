/**
 * Maps each row object once. The SQLite hot path keeps the client and user rows it read until
 * another connection commits (sqlite-hot-path.ts), handing out the same object meanwhile: the
 * mapped value is kept exactly as long as its row, so a token request does not rebuild the
 * Client (two JSON.parse) every time. Rows read afresh (PostgreSQL) are simply mapped.
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
