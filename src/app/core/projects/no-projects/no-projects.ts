import { ChangeDetectionStrategy, Component } from '@angular/core';

import { EmptyState } from '@app/shared/ui/empty-state/empty-state';

/** The start page for users who are not a member of any project yet. */
@Component({
  selector: 'mp-no-projects',
  imports: [EmptyState],
  template: `
    <h1 class="mp-page-title" i18n="@@noProjectsTitle">Welcome</h1>
    <mp-empty-state
      icon="business"
      i18n-title="@@noProjectsMessage"
      title="You are not a member of any project yet."
      i18n-message="@@noProjectsHint"
      message="Ask a workspace owner to add you to a project; its services will then appear here."
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoProjects {}
