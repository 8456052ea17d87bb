import { Injectable, inject } from '@angular/core';

import { AccessTokenSource } from '../core/auth/access-token-source';
import { EmbedContext } from './embed-context';

/**
 * The host page's tokens: its `accessTokenProvider` is asked for every API request, and once
 * more after a 401; if the API refuses that token too, the element emits `osb-auth-required`.
 */
@Injectable()
export class HostTokenSource extends AccessTokenSource {
  private readonly context = inject(EmbedContext);

  override async token(): Promise<string | null> {
    const provider = this.context.tokenProvider();
    if (!provider) {
      return null;
    }
    try {
      return (await provider()) || null;
    } catch (error) {
      console.error('The host page could not provide an access token', error);
      return null;
    }
  }

  override renewedToken(): Promise<string | null> {
    return this.token();
  }

  override refused(): void {
    this.context.emit('osb-auth-required', { status: 401 });
  }

  override accepted(): void {
    // The host keeps its own session; nothing to record.
  }
}
