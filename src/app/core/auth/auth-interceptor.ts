import { HttpErrorResponse, HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { Router } from '@angular/router';
import { tap } from 'rxjs';

import { isApiUrl } from '../api/api-url';
import { UI_CONFIG } from '../config/ui-config';
import { Auth } from './auth';

/**
 * Sends the access token to the platform API, and only there. A 401 from the API means the
 * token expired or was revoked: the user is signed in again and comes back to the current page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const config = inject(UI_CONFIG);
  if (!isApiUrl(request.url, config.apiBaseUrl, inject(DOCUMENT).baseURI)) {
    return next(request);
  }
  const auth = inject(Auth);
  const router = inject(Router);
  const token = auth.accessToken();
  const authorized = token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
  return next(authorized).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) {
          auth.confirmTokenAccepted();
        }
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 401) {
          auth.signInAfterRejectedToken(router.currentNavigation()?.extractedUrl.toString() ?? router.url);
        }
      },
    }),
  );
};
