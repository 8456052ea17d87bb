import { HttpErrorResponse } from '@angular/common/http';
import { ErrorHandler, Injectable, Injector, inject } from '@angular/core';

import { apiErrorMessage } from '../api/api-error';

/**
 * Reports errors that nothing else handled in a snack bar (the platform's message for failed
 * requests, a general one for program errors) and logs them for developers. The snack bar is
 * loaded on the first error, so it stays out of the initial bundle.
 */
@Injectable()
export class GlobalErrorHandler implements ErrorHandler {
  private readonly injector = inject(Injector);

  /** Logs the error and tells the user about it. */
  handleError(error: unknown): void {
    console.error(error);
    const original = unwrap(error);
    const message =
      original instanceof HttpErrorResponse
        ? apiErrorMessage(original)
        : $localize`:@@unexpectedErrorReload:Something went wrong. Reloading the page may help.`;
    void import('@angular/material/snack-bar').then(({ MatSnackBar }) =>
      this.injector.get(MatSnackBar).open(message, $localize`:@@dismissError:Dismiss`, { politeness: 'assertive' }),
    );
  }
}

/** Promise rejections arrive wrapped; report the original error. */
function unwrap(error: unknown): unknown {
  const rejection = (error as { rejection?: unknown } | null)?.rejection;
  return rejection ?? error;
}
