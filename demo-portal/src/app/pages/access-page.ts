import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { PortalSession } from '../portal-session';

/** A section of the portal's own: who may use the chosen project. */
@Component({
  selector: 'portal-access-page',
  template: `
    <h1>Access control</h1>
    <p>Project {{ session.projectId() }}: members and roles are managed here, in the portal.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessPage {
  protected readonly session = inject(PortalSession);
}
