import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { EmptyState } from '@app/shared/ui/empty-state/empty-state';

/** The page for addresses that match nothing, including projects the user is not a member of. */
@Component({
  selector: 'mp-not-found',
  imports: [MatButtonModule, RouterLink, EmptyState],
  template: `
    <h1 class="mp-page-title" i18n="@@notFoundTitle">Page not found</h1>
    <mp-empty-state
      icon="search"
      i18n-title="@@notFoundMessage"
      title="This page does not exist, or it belongs to a project you are not a member of."
    >
      <a mat-flat-button routerLink="/" i18n="@@notFoundGoToStart">Go to your projects</a>
    </mp-empty-state>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {}
