import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../../shared/index.js';
import { HttpError, sendError } from './errors.js';

/**
 * Refusals made before any route runs, in the API's own `{ error: { code, message } }` shape
 * (Fastify's defaults are `{ error: "Bad Request", message: "Client Error" }`): the router's,
 * for an address with broken percent-encoding or a path part too long to be an id, and
 * Node's, for a request it cannot read at all (headers past its size limit, broken framing).
 */
export function handleFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // The security headers' hooks have not run this early: a JSON refusal needs only these.
  reply.headers({ 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" });
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendError(reply, 414, 'invalid_request', 'The address is too long.');
  return sendError(reply, 400, 'invalid_request', 'The address is not valid. Check it is the whole address, unchanged.');
}

const HEADERS_TOO_LARGE = 431;
const TIMED_OUT = 408;
const UNREADABLE = 400;

export function handleClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has no one left to answer (https://nodejs.org/api/http.html#event-clienterror).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? HEADERS_TOO_LARGE : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? TIMED_OUT : UNREADABLE;
  const body: ApiErrorBody = {
    error:
      status === HEADERS_TOO_LARGE
        ? { code: 'too_large', message: 'The request headers are too large.' }
        : status === TIMED_OUT
          ? { code: 'invalid_request', message: 'The request took too long to arrive.' }
          : { code: 'invalid_request', message: 'The request could not be read.' },
  };
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${text}`);
  }
  socket.destroy(error);
}

/**
 * A DELETE acts on its address alone. One that carries a body is refused rather than done,
 * so content nobody asked for never rides along with, say, a sign-out.
 */
export async function refuseBodyOnDelete(request: FastifyRequest): Promise<void> {
  if (request.method === 'DELETE' && request.body !== undefined) {
    throw new HttpError(400, 'invalid_request', 'This request takes no body. Send it without one.');
  }
}
