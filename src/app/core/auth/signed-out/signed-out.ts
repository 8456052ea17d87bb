import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { EmptyState } from '@app/shared/ui/empty-state/empty-state';
import { Auth } from '../auth';

/**
 * Public page after signing out (or after a failed sign-in), with a way back in. Its button is a
 * plain one in the filled button's colours, so the page needs no Material button module.
 */
@Component({
  selector: 'mp-signed-out',
  imports: [EmptyState],
  template: `
    <h1 class="mp-page-title" i18n="@@signedOutTitle">Signed out</h1>
    @if (auth.signInError(); as error) {
      <mp-empty-state icon="warning" [title]="error" [alert]="true">
        <button class="mp-signed-out__button" type="button" (click)="signInAgain()" i18n="@@signInAgain">
          Sign in again
        </button>
      </mp-empty-state>
    } @else {
      <mp-empty-state icon="logout" i18n-title="@@signedOutMessage" title="You have signed out of the marketplace.">
        <button class="mp-signed-out__button" type="button" (click)="signInAgain()" i18n="@@signInAgain">
          Sign in again
        </button>
      </mp-empty-state>
    }
  `,
  styles: `
    .mp-signed-out__button {
      height: 40px;
      padding: 0 24px;
      border: none;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font: var(--mat-sys-label-large);
      cursor: pointer;

      &:hover {
        box-shadow: var(--mat-sys-level1);
      }

      &:focus-visible {
        outline: 3px solid var(--mat-sys-secondary);
        outline-offset: 2px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignedOut {
  /** The session, for the last sign-in error. */
  protected readonly auth = inject(Auth);

  /** Starts a new sign-in that lands on the user's first project. */
  protected signInAgain(): void {
    this.auth.signIn('/');
  }
}
