import SQLite from 'better-sqlite3';

/** How often a server process hands the free pages of its C heap back to the system. */
export const TRIM_EVERY_MS = 10_000;

/** SQLite's loader as better-sqlite3 has it (its types omit the entry point argument). */
interface ExtensionLoader {
  loadExtension(file: string, entryPoint: string): void;
}

let available = process.platform === 'linux';

/**
 * Hands the free pages inside the C heap (glibc malloc's arenas) back to the system, as glibc's
 * `malloc_trim` does; true when it ran. free() gives memory back only from the top of an arena,
 * and only past a threshold that glibc raises up to 64 MB as the process frees large blocks:
 * after a token load (hundreds of TLS connections, their OpenSSL buffers, SQLite's caches) one
 * worker's main arena held 39 MB of which 8 MB were in use, and the Gateway load after it did
 * not fill those holes.
 *
 * Node has no binding for malloc_trim; SQLite's extension loader is one. It opens a shared
 * library (glibc is already loaded: no file is read) and calls the named symbol as an
 * extension's entry point, (db, errorMessage, api): malloc_trim reads the first as its `pad`,
 * a pointer, larger than any heap, so it leaves the top of the main arena to free() and
 * releases the free pages in every arena's bins (madvise MADV_DONTNEED). It returns 1 when it
 * released memory, which SQLite reports as 'error during initialization', and 0 (SQLite's OK)
 * otherwise; its own connection is closed at once, so the library handle SQLite keeps after an
 * OK is closed too. Without glibc (musl, macOS, Windows) the library is not found: false, and
 * it is not tried again.
 */
export function trimNativeHeap(): boolean {
  if (!available) return false;
  const db = new SQLite(':memory:');
  try {
    (db as unknown as ExtensionLoader).loadExtension('libc.so.6', 'malloc_trim');
    return true;
  } catch (err) {
    if (String((err as Error).message).startsWith('error during initialization')) return true;
    available = false;
    return false;
  } finally {
    db.close();
  }
}

/**
 * trimNativeHeap every TRIM_EVERY_MS, from the start of a server process; the returned
 * function stops it. A trim with little to release takes well under a millisecond.
 */
export function trimNativeHeapEvery(everyMs = TRIM_EVERY_MS): () => void {
  const timer = setInterval(() => {
    if (!trimNativeHeap()) clearInterval(timer);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
