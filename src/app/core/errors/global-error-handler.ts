import { HttpErrorResponse } from '@angular/common/http';
import { ErrorHandler, Injectable, Injector, inject } from '@angular/core';

/**
 * Reports errors that nothing else handled in a snack bar (the platform's message for failed
 * requests, a general one for program errors) and logs them for developers. The snack bar and
 * the platform's error messages are loaded on the first error, so they stay out of the initial bundle.
 */
@Injectable()
export class GlobalErrorHandler implements ErrorHandler {
  private readonly injector = inject(Injector);

  /** Logs the error and tells the user about it. */
  handleError(error: unknown): void {
    console.error(error);
    const original = unwrap(error);
    void Promise.all([import('../api/api-error'), import('@angular/material/snack-bar')]).then(
      ([{ apiErrorMessage }, { MatSnackBar }]) => {
        const message =
          original instanceof HttpErrorResponse
            ? apiErrorMessage(original)
            : $localize`:@@unexpectedErrorReload:Something went wrong. Reloading the page may help.`;
        this.injector.get(MatSnackBar).open(message, $localize`:@@dismissError:Dismiss`, { politeness: 'assertive' });
      },
    );
  }
}

/** Promise rejections arrive wrapped; report the original error. */
function unwrap(error: unknown): unknown {
  const rejection = (error as { rejection?: unknown } | null)?.rejection;
  return rejection ?? error;
}
