import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from './http-error.ts';

/**
 * The one error handler: logs the whole error and answers `{message}` only. Messages of 4xx
 * errors and of `HttpError`s (for example a broker's description in a 502) are meant for users;
 * other 5xx answers never reveal internals.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'Request failed');
    else request.log.info({ err: error }, 'Request rejected');
    let message: string;
    if (error.validation) message = `The request is invalid: ${error.message}`;
    else if (status === 503 || status < 500 || error instanceof HttpError) message = error.message;
    else message = 'Something went wrong on the server. Try again later.';
    return reply.code(status).send({ message });
  });
}
