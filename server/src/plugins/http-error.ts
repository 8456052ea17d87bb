import { type ApiErrorCode, type ApiErrorParams, apiErrorBody, type ErrorBody } from '@osb/api';

/**
 * An error with an HTTP status that users see: a code of the API contract with its parameters
 * (which the UI translates) and the English message derived from them.
 */
export class HttpError<C extends ApiErrorCode = ApiErrorCode> extends Error {
  override readonly name = 'HttpError';
  /** The answer's body: code, parameters and English message. */
  readonly body: ErrorBody;

  /**
   * @param statusCode the HTTP status to answer with
   * @param errorCode the error's code in the API contract (`common/api/errors.ts`)
   * @param params the values its message names
   */
  constructor(
    readonly statusCode: number,
    readonly errorCode: C,
    readonly params: ApiErrorParams[C],
  ) {
    const body = apiErrorBody(errorCode, params);
    super(body.message);
    this.body = body;
  }
}
