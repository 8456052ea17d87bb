import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { PortalSession } from '../portal-session';

/** The portal's start page. */
@Component({
  selector: 'portal-overview-page',
  template: `
    <h1>Overview</h1>
    <p>Welcome, {{ session.userName() }}. This demo portal stands for a platform's own self-service portal.</p>
    <p>
      Its <em>Marketplace</em> section embeds the OSB Marketplace as the <code>&lt;osb-marketplace&gt;</code> element.
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  protected readonly session = inject(PortalSession);
}
