/**
 * Lets this process read what arrived while its event loop was blocked. The tests drive the
 * CLI with spawnSync, which blocks the loop: a keep-alive socket the server closed meanwhile
 * (idle for its keepAliveTimeout on a loaded machine) still has its FIN unread, and undici would
 * write the next request to it ("other side closed", ECONNRESET). One turn of the loop reads it.
 */
export const settleSockets = () => new Promise((r) => setImmediate(r));
//# sourceMappingURL=settle.js.map