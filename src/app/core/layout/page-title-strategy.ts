import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

import { UI_CONFIG } from '../config/ui-config';

/** Sets the document title to "<page> · <product name>" from the routes' `title`. */
@Injectable({ providedIn: 'root' })
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly productName = inject(UI_CONFIG).theme.productName;

  /** Sets the title of the page the router just showed. */
  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.setPageTitle(this.buildTitle(snapshot));
  }

  /** Sets the title for a page whose name is known only after loading (a service's name). */
  setPageTitle(pageTitle: string | undefined): void {
    this.title.setTitle(pageTitle ? `${pageTitle} · ${this.productName}` : this.productName);
  }
}
