import { CUSTOM_ELEMENTS_SCHEMA, ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';

import { PortalSession } from '../portal-session';

/** What the marketplace element tells about the page it shows (`osb-navigate`). */
interface MarketplaceNavigation {
  path: string;
  title: string;
}

/**
 * The portal's marketplace section: the `<osb-marketplace>` element for the chosen project, with
 * the portal's token; its pages live below /portal/marketplace.
 */
@Component({
  selector: 'portal-marketplace-page',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <nav class="breadcrumbs" aria-label="Breadcrumbs">
      <span>{{ section }}</span>
      @if (pageTitle() && pageTitle() !== section) {
        <span aria-hidden="true"> › </span><span data-testid="breadcrumb">{{ pageTitle() }}</span>
      }
    </nav>
    <osb-marketplace
      base-path="/portal/marketplace"
      lang="en"
      theme="light"
      [projectId]="session.projectId()"
      [accessTokenProvider]="session.accessToken"
      (osb-navigate)="navigated($event)"
      (osb-auth-required)="session.signOut()"
    />
  `,
  styles: `
    .breadcrumbs {
      margin: 0 0 8px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    osb-marketplace {
      border-radius: 12px;
      overflow: hidden;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MarketplacePage {
  protected readonly session = inject(PortalSession);
  private readonly title = inject(Title);
  /** The portal's section the element fills; the element's start page of that name adds no crumb. */
  protected readonly section = 'Marketplace';
  protected readonly pageTitle = signal('');

  protected navigated(event: Event): void {
    const { title } = (event as CustomEvent<MarketplaceNavigation>).detail;
    this.pageTitle.set(title);
    this.title.setTitle(title ? `${title} · Marketplace · meshPanel Demo` : 'Marketplace · meshPanel Demo');
  }
}
