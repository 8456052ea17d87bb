import { HttpErrorResponse } from '@angular/common/http';

import type { ErrorBody } from '@osb/api';
import { translateApiError } from './api-error-messages';

/**
 * A message fit to show to the user for a failed request: the platform's error translated from
 * its `code` (its English `message` for a code this UI does not know), otherwise a description
 * of what went wrong.
 */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ErrorBody> | null;
    const translated = body ? translateApiError(body) : undefined;
    if (translated) {
      return translated;
    }
    if (body && typeof body.message === 'string' && body.message.length > 0) {
      return body.message;
    }
    if (error.status === 0) {
      return $localize`:@@apiUnreachable:The platform could not be reached. Check your connection and try again.`;
    }
    return $localize`:@@apiHttpError:The platform answered with an error (HTTP ${error.status}:status:).`;
  }
  if (error instanceof Error && error.message) {
    return error.message;
  }
  return $localize`:@@unexpectedError:Something went wrong.`;
}

/** Whether a failed request was answered with 404 Not Found. */
export function isNotFound(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 404;
}
