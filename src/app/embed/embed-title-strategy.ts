import { LocationStrategy } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import { RouterStateSnapshot } from '@angular/router';

import { PageTitleStrategy } from '../core/layout/page-title-strategy';
import { EmbedContext } from './embed-context';

/**
 * Leaves the document title to the host: each page's address and title go out as an
 * `osb-navigate` event instead, once when the page is shown and again when a page names itself
 * after loading (a service's name).
 */
@Injectable()
export class EmbedTitleStrategy extends PageTitleStrategy {
  private readonly context = inject(EmbedContext);
  private readonly locationStrategy = inject(LocationStrategy);
  private lastRoute = '/';

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.lastRoute = snapshot.url;
    this.setPageTitle(this.buildTitle(snapshot));
  }

  override setPageTitle(pageTitle: string | undefined): void {
    this.context.emit('osb-navigate', {
      path: this.locationStrategy.prepareExternalUrl(this.lastRoute),
      title: pageTitle ?? '',
    });
  }
}
