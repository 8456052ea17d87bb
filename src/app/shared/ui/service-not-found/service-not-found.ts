import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { EmptyState } from '../empty-state/empty-state';

/** What a page about a service shows when the marketplace does not offer it (any more): a way back to the marketplace. */
@Component({
  selector: 'mp-service-not-found',
  imports: [MatButtonModule, RouterLink, EmptyState],
  template: `
    <h1 class="mp-page-title" i18n="@@serviceNotFoundTitle">Service not found</h1>
    <mp-empty-state
      icon="search"
      i18n-title="@@serviceNotFoundMessage"
      title="This service is not offered in the marketplace (any more)."
    >
      <a mat-flat-button [routerLink]="['/projects', projectId(), 'marketplace']" i18n="@@browseMarketplace"
        >Browse the marketplace</a
      >
    </mp-empty-state>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The heading and the message stand in the page as if it held them itself.
  host: { style: 'display: contents' },
})
export class ServiceNotFound {
  /** The project whose marketplace the way back opens. */
  readonly projectId = input.required<string>();
}
