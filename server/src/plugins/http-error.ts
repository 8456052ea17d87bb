/** An error with an HTTP status whose message is fit to show to the user. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  /**
   * @param statusCode the HTTP status to answer with
   * @param message the `{message}` of the answer
   */
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}
