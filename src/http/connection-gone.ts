import type { Socket } from 'node:net';

/**
 * True once no answer can be written on the connection any more: it was reset or closed, or
 * its writing side has ended (node:http ends it when the client closes its side while a
 * request is still waiting for its answer).
 */
export const connectionGone = (socket: Socket | null | undefined): boolean =>
  !socket || socket.destroyed || socket.writableEnded;
