import type { Socket } from 'node:net';

/**
 * True once no answer can be written on the connection any more: it was reset or closed, or
 * its writing side has ended (node:http ends it when the client closes its side while a
 * request is still waiting for its answer).
 */
export const connectionGone = (socket: Socket | null | undefined): boolean =>
  !socket || socket.destroyed || socket.writableEnded;

/**
 * The work for a request was dropped because its client closed the connection first (a
 * password check still waiting for a hashing slot, a Gateway's backend call): nobody can
 * receive an answer, so none is written and the connection is closed (the error renderer does
 * so). 499 is nginx's "client closed request"; it never reaches a client.
 */
export class ClientGoneError extends Error {
  override readonly name = 'ClientGoneError';
  readonly status = 499;
  readonly expose = true;
  constructor(message = 'The client closed its connection before its answer.') {
    super(message);
  }
}
