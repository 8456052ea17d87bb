import { Observable, filter, switchMap, tap } from 'rxjs';

import { apiErrorMessage } from './api-error';

/** A write action that asks the user first (unbind, deprovision, end a share). */
export interface ConfirmedAction<T> {
  /** Asks the user; emits once whether to go ahead. */
  readonly confirm: Observable<boolean>;
  /** Runs once confirmed, before the request: marks the action busy, clears the last error. */
  readonly start?: () => void;
  /** The request that carries the action out. */
  readonly act: () => Observable<T>;
  /** Runs when the request has finished, either way, before `done` or `failed`. */
  readonly settled?: () => void;
  /** Reports success with the request's answer. */
  readonly done: (result: T) => void;
  /** Reports failure with the platform's (or a general) message. */
  readonly failed: (message: string) => void;
}

/**
 * Confirm, then act, then report: asks the user, sends the request once confirmed and reports
 * its outcome. Nothing happens when the user declines.
 */
export function confirmThenAct<T>(action: ConfirmedAction<T>): void {
  action.confirm
    .pipe(
      filter((confirmed) => confirmed),
      tap(() => action.start?.()),
      switchMap(() => action.act()),
    )
    .subscribe({
      next: (result) => {
        action.settled?.();
        action.done(result);
      },
      error: (error: unknown) => {
        action.settled?.();
        action.failed(apiErrorMessage(error));
      },
    });
}
