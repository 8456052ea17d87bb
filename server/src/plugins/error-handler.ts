import type { FastifyError, FastifyInstance } from 'fastify';
import { apiErrorBody, type ErrorBody } from '@osb/api';
import { HttpError } from './http-error.ts';

/**
 * The one error handler: logs the whole error and answers with a code of the API contract, its
 * parameters and the English message. `HttpError`s are meant for users (for example a broker's
 * failure in a 502); a request the API's schemas reject, or another 4xx, is an invalid request;
 * other 5xx answers never reveal internals.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'Request failed');
    else request.log.info({ err: error }, 'Request rejected');
    let body: ErrorBody;
    if (error instanceof HttpError) body = error.body;
    else if (status < 500) body = apiErrorBody('invalidRequest', { detail: error.message });
    else body = apiErrorBody('serverError', {});
    return reply.code(status).send(body);
  });
}
