import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { CurrentUser } from '@app/core/api/current-user';
import { ActivityTimeline } from '../../components/activity-timeline/activity-timeline';

/** The activity of a project: every change to its instances, bindings and shares. */
@Component({
  selector: 'mp-activity-page',
  imports: [ActivityTimeline],
  template: `
    <header class="mp-activity-page__header">
      <h1 class="mp-page-title" i18n="@@activityTitle">Activity</h1>
      @if (project(); as current) {
        <p class="mp-activity-page__subtitle">{{ current.displayName }} · {{ current.workspaceDisplayName }}</p>
      }
    </header>
    <mp-activity-timeline [projectId]="projectId()" />
  `,
  styles: `
    .mp-activity-page__header {
      margin-bottom: 16px;
    }
    .mp-activity-page__subtitle {
      margin: 0;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityPage {
  private readonly currentUser = inject(CurrentUser);

  /** Route parameter: the project whose activity is shown. */
  readonly projectId = input.required<string>();

  /** The project, for the page's subtitle. */
  protected readonly project = computed(() => this.currentUser.project(this.projectId()));
}
