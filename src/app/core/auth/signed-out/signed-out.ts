import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

import { EmptyState } from '@app/shared/ui/empty-state/empty-state';
import { Auth } from '../auth';

/** Public page after signing out (or after a failed sign-in), with a way back in. */
@Component({
  selector: 'mp-signed-out',
  imports: [MatButtonModule, EmptyState],
  template: `
    <h1 class="mp-page-title" i18n="@@signedOutTitle">Signed out</h1>
    @if (auth.signInError(); as error) {
      <mp-empty-state icon="warning" [title]="error" [alert]="true">
        <button mat-flat-button type="button" (click)="signInAgain()" i18n="@@signInAgain">Sign in again</button>
      </mp-empty-state>
    } @else {
      <mp-empty-state icon="logout" i18n-title="@@signedOutMessage" title="You have signed out of the marketplace.">
        <button mat-flat-button type="button" (click)="signInAgain()" i18n="@@signInAgain">Sign in again</button>
      </mp-empty-state>
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
