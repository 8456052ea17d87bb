import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import type { ServiceInstance } from '@osb/api';
import { TimeAgo } from '@app/shared/ui/date-time/time-ago';
import { safeLinkUrl } from '@app/shared/ui/safe-url/safe-url';
import { ServiceIcon } from '@app/shared/ui/service-icon/service-icon';
import type { InstanceOffering } from '../../instance-offering';
import { isOperationRunning } from '../../instance-operation';
import { InstanceStatus } from '../instance-status/instance-status';

/**
 * One service instance in a project's list: name, service, plan, location, status, dashboard
 * link, who ordered it and when, and the actions that are possible while no operation runs.
 */
@Component({
  selector: 'mp-instance-list-item',
  imports: [MatButtonModule, MatIconModule, RouterLink, InstanceStatus, ServiceIcon, TimeAgo],
  templateUrl: './instance-list-item.html',
  styleUrl: './instance-list-item.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mp-instance-list-item' },
})
export class InstanceListItem {
  /** The instance. */
  readonly instance = input.required<ServiceInstance>();
  /** Its service, plan and location as the catalog names them. */
  readonly offering = input.required<InstanceOffering>();
  /** Emits when the user asks to deprovision the instance. */
  readonly deprovisionRequested = output<ServiceInstance>();

  /** Whether an operation runs, so that no other may start. */
  protected readonly running = computed(() => isOperationRunning(this.instance()));
  /** The projects the instance is shared with, as a list of names, if any. */
  protected readonly sharedWithNames = computed(() => {
    const projects = this.instance().sharedWith ?? [];
    return projects.length > 0 ? projects.map((project) => project.displayName).join(', ') : undefined;
  });
  /** The broker's dashboard, if it gave a safe link. */
  protected readonly dashboardUrl = computed(() => safeLinkUrl(this.instance().dashboardUrl));

  /** Asks the page to deprovision the instance (after confirmation). */
  protected requestDeprovision(): void {
    this.deprovisionRequested.emit(this.instance());
  }
}
