/**
 * Where the API's bearer token comes from. The standalone app signs in itself (`OidcTokenSource`);
 * the embedded marketplace asks its host page. `authInterceptor` asks the source for every API
 * request and tells it how the API answered.
 */
export abstract class AccessTokenSource {
  /** The current access token, or `null` when there is none. */
  abstract token(): Promise<string | null>;

  /**
   * The API answered 401 to a request with the current token: a fresh token to repeat the
   * request with once, or `null` when the source has none.
   */
  abstract renewedToken(): Promise<string | null>;

  /** The API refused the token for good (after any renewal): sign in again or tell the host. */
  abstract refused(): void;

  /** The API accepted the token. */
  abstract accepted(): void;
}
