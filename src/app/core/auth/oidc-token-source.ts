import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';

import { AccessTokenSource } from './access-token-source';
import { Auth } from './auth';

/**
 * The standalone app's tokens: those of its own sign-in (`Auth`). A refused token starts a new
 * sign-in that comes back to the current page; there is no renewal without leaving the page.
 */
@Injectable()
export class OidcTokenSource extends AccessTokenSource {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);

  override token(): Promise<string | null> {
    return Promise.resolve(this.auth.accessToken());
  }

  override renewedToken(): Promise<string | null> {
    return Promise.resolve(null);
  }

  override refused(): void {
    this.auth.signInAfterRejectedToken(this.router.currentNavigation()?.extractedUrl.toString() ?? this.router.url);
  }

  override accepted(): void {
    this.auth.confirmTokenAccepted();
  }
}
