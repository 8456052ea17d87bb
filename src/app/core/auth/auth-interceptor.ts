import { HttpErrorResponse, HttpEvent, HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { Observable, catchError, from, switchMap, tap, throwError } from 'rxjs';

import { isApiUrl } from '../api/api-url';
import { UI_CONFIG } from '../config/ui-config';
import { AccessTokenSource } from './access-token-source';

/**
 * Sends the access token of the `AccessTokenSource` to the platform API, and only there. A 401
 * from the API means the token expired or was revoked: the request is repeated once with a
 * renewed token if the source has one; otherwise, or if that fails too, the source is told.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const config = inject(UI_CONFIG);
  if (!isApiUrl(request.url, config.apiBaseUrl, inject(DOCUMENT).baseURI)) {
    return next(request);
  }
  const source = inject(AccessTokenSource);
  const send = (token: string | null): Observable<HttpEvent<unknown>> =>
    next(token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request).pipe(
      tap((event) => {
        if (event instanceof HttpResponse) {
          source.accepted();
        }
      }),
    );
  const refusal = (error: unknown): Observable<never> => {
    if (isUnauthorized(error)) {
      source.refused();
    }
    return throwError(() => error);
  };
  return from(source.token()).pipe(
    switchMap((token) => send(token)),
    catchError((error: unknown) => {
      if (!isUnauthorized(error)) {
        return throwError(() => error);
      }
      return from(source.renewedToken()).pipe(
        switchMap((renewed) => (renewed ? send(renewed).pipe(catchError(refusal)) : refusal(error))),
      );
    }),
  );
};

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}
