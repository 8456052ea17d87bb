import { Location } from '@angular/common';
import { Injectable, LOCALE_ID, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { OAuthService } from 'angular-oauth2-oidc';

import { UI_CONFIG } from '../config/ui-config';
import { readPreference, removePreference, writePreference } from '../preferences/local-preferences';
import { OPENID_CLIENT_LOADER } from './openid-client-loader';
import { SIGNED_IN_HINT_KEY, isProviderAnswer, isSignedOutPage, signInRedirectUri } from './sign-in-start';

/** Session storage key marking a sign-in that was started because the API rejected a token. */
const REJECTED_TOKEN_MARKER = 'mp.sign-in-after-rejected-token';
/** The page the provider answers a silent sign-in to, in a hidden frame (see public/silent-refresh.html). */
export const SILENT_SIGN_IN_PAGE = 'silent-refresh.html';
/** How long a silent sign-in may take before the app falls back to the provider's sign-in page. */
const SILENT_SIGN_IN_TIMEOUT_MS = 4000;

/**
 * The signed-in user's session: OpenID Connect authorization code flow with PKCE against the
 * configured issuer. Tokens live in memory only (see `TransientAuthStorage`). After a reload the
 * app first asks the provider in a hidden frame (`prompt=none`) whether its session still holds,
 * which keeps the user on the page; only when it does not (or the provider cannot be framed)
 * does the app leave for the provider's sign-in page. A browser that was not signed in (first
 * visit, signed out, the provider's session had ended) goes to the provider's page at once,
 * usually before the app starts (`sign-in-start.ts`; the app then completes that sign-in here).
 * The OpenID client is loaded when the session first needs it: the signed-out page starts without it.
 */
@Injectable({ providedIn: 'root' })
export class Auth {
  private readonly loadClient = inject(OPENID_CLIENT_LOADER);
  private readonly config = inject(UI_CONFIG);
  private readonly location = inject(Location);
  private readonly router = inject(Router);
  private readonly locale = inject(LOCALE_ID);

  private readonly authenticated = signal(false);
  private readonly claims = signal<Record<string, unknown> | null>(null);
  private readonly redirectingState = signal(false);
  private readonly signInErrorState = signal<string | null>(null);
  /** The OpenID client once it is loaded and configured. */
  private oauth: OAuthService | null = null;
  private connecting: Promise<OAuthService> | undefined;

  /** Whether the user holds a valid access token. */
  readonly isAuthenticated = this.authenticated.asReadonly();
  /** The user's name from the ID token, if signed in. */
  readonly userName = computed(() => {
    const claims = this.claims();
    const name = claims?.['name'] ?? claims?.['preferred_username'] ?? claims?.['sub'];
    return typeof name === 'string' ? name : null;
  });
  /** Whether the page is about to leave for the sign-in provider. */
  readonly redirecting = this.redirectingState.asReadonly();
  /** Why the last sign-in failed, if it did; shown on the signed-out page. */
  readonly signInError = this.signInErrorState.asReadonly();

  /**
   * Completes a sign-in that is coming back from the provider, or else asks the provider's
   * session silently if this browser was signed in before (otherwise the client is loaded while
   * the app starts, for the guard's sign-in). Runs once before the first navigation; when a
   * sign-in completes, the address is set to the page the user wanted, so the router starts there. The signed-out page
   * signs nobody in, so there it does nothing (the client is loaded when the user signs in again).
   */
  async initialize(): Promise<void> {
    const returningFromProvider = isProviderAnswer(window.location.search);
    if (!returningFromProvider && isSignedOutPage(window.location.pathname)) {
      return;
    }
    if (!returningFromProvider && !readPreference(SIGNED_IN_HINT_KEY)) {
      // Nothing to complete or ask: start loading for the sign-in the guard is about to start.
      this.connect().catch(() => undefined);
      return;
    }
    const oauth = await this.connect();
    // Only an answer from the provider is read: the library would otherwise take (and remove)
    // an ordinary `state=` or `code=` query parameter of the page as its own.
    if (returningFromProvider) {
      try {
        await oauth.tryLoginCodeFlow();
      } catch (error) {
        this.signInErrorState.set(signInFailureMessage(error));
      }
    }
    this.refreshState();
    if (!this.authenticated() && !returningFromProvider) {
      await this.signInSilently(oauth);
    }
    const targetUrl = decodeTargetUrl(oauth.state);
    if (this.authenticated() && targetUrl) {
      this.location.replaceState(targetUrl);
    }
  }

  /** Leaves for the sign-in provider; after signing in the user comes back to `targetUrl`. */
  signIn(targetUrl: string): void {
    this.redirectingState.set(true);
    this.signInErrorState.set(null);
    this.connect().then(
      // The library URL-encodes the target into `state`; `decodeTargetUrl` reverses that.
      // `ui_locales` asks the provider to show its pages in the app's language.
      (oauth) => oauth.initCodeFlow(targetUrl, { ui_locales: this.locale }),
      (error: unknown) => {
        this.redirectingState.set(false);
        this.signInErrorState.set(error instanceof Error ? error.message : String(error));
        void this.router.navigateByUrl('/signed-out');
      },
    );
  }

  /**
   * Signs in again because the API rejected the access token (expired or revoked). If a token
   * fresh from such a sign-in is rejected too, it stops at the signed-out page instead of looping.
   */
  signInAfterRejectedToken(targetUrl: string): void {
    if (this.redirectingState()) {
      return;
    }
    if (sessionStorage.getItem(REJECTED_TOKEN_MARKER)) {
      sessionStorage.removeItem(REJECTED_TOKEN_MARKER);
      this.oauth?.logOut(true);
      this.refreshState();
      this.signInErrorState.set(
        $localize`:@@tokenRejected:The platform did not accept your sign-in. Please contact your platform operator if this happens again.`,
      );
      void this.router.navigateByUrl('/signed-out');
      return;
    }
    sessionStorage.setItem(REJECTED_TOKEN_MARKER, 'true');
    this.signIn(targetUrl);
  }

  /** Records that the API accepted the current token, ending the guard against sign-in loops. */
  confirmTokenAccepted(): void {
    sessionStorage.removeItem(REJECTED_TOKEN_MARKER);
  }

  /** The current access token, if any. */
  accessToken(): string | null {
    const oauth = this.oauth;
    return oauth?.hasValidAccessToken() ? oauth.getAccessToken() : null;
  }

  /** Ends the session here and at the provider, which then returns to the signed-out page. */
  signOut(): void {
    const oauth = this.oauth;
    const providerLogsOut = !!oauth?.logoutUrl;
    if (providerLogsOut) {
      this.redirectingState.set(true);
    }
    oauth?.logOut();
    removePreference(SIGNED_IN_HINT_KEY);
    this.refreshState();
    if (!providerLogsOut) {
      void this.router.navigateByUrl('/signed-out');
    }
  }

  /** Asks the provider in a hidden frame for tokens of its current session; no answer leaves the user signed out. */
  private async signInSilently(oauth: OAuthService): Promise<void> {
    try {
      await oauth.silentRefresh();
    } catch {
      // No session at the provider, or it cannot be asked from a frame: the guard sends the user there.
      removePreference(SIGNED_IN_HINT_KEY);
    }
    this.refreshState();
  }

  private refreshState(): void {
    const oauth = this.oauth;
    const valid = oauth?.hasValidAccessToken() ?? false;
    this.authenticated.set(valid);
    this.claims.set(valid ? oauth!.getIdentityClaims() : null);
    if (valid) {
      writePreference(SIGNED_IN_HINT_KEY, 'true');
    }
  }

  /** The OpenID client, loaded and configured, with the provider's discovery document; once. */
  private connect(): Promise<OAuthService> {
    this.connecting ??= this.loadAndConfigure().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  private async loadAndConfigure(): Promise<OAuthService> {
    const oauth = await this.loadClient();
    const origin = window.location.origin;
    oauth.configure({
      issuer: this.config.oidc.issuer,
      clientId: this.config.oidc.clientId,
      scope: this.config.oidc.scope,
      responseType: 'code',
      redirectUri: signInRedirectUri(origin),
      postLogoutRedirectUri: `${origin}/signed-out`,
      requireHttps: 'remoteOnly',
      showDebugInformation: false,
      sessionChecksEnabled: false,
      silentRefreshRedirectUri: `${origin}/${SILENT_SIGN_IN_PAGE}`,
      silentRefreshTimeout: SILENT_SIGN_IN_TIMEOUT_MS,
    });
    try {
      await oauth.loadDiscoveryDocument();
    } catch {
      throw new Error(
        $localize`:@@signInServiceUnreachable:The sign-in service at ${this.config.oidc.issuer}:issuer: could not be reached.`,
      );
    }
    this.oauth = oauth;
    return oauth;
  }
}

/**
 * The in-app URL carried through the provider in the OAuth `state` (which the library hands
 * back still URL-encoded), if it is a local path; anything else is ignored.
 */
export function decodeTargetUrl(state: string | undefined): string | null {
  if (!state) {
    return null;
  }
  let url: string;
  try {
    url = decodeURIComponent(state);
  } catch {
    return null;
  }
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : null;
}

function signInFailureMessage(error: unknown): string {
  const params = (error as { params?: Record<string, unknown> } | null)?.params;
  const description = params?.['error_description'] ?? params?.['error'];
  return typeof description === 'string'
    ? $localize`:@@signInFailedWithReason:Signing in failed: ${description}:reason:`
    : $localize`:@@signInFailed:Signing in failed.`;
}
