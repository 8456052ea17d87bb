import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';

import type { ServiceInstance } from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import { confirmThenAct } from '@app/core/api/confirm-then-act';
import { CurrentUser } from '@app/core/api/current-user';
import { MarketplaceApi } from '@app/core/api/marketplace-api';
import { reloadWhileRunning } from '@app/core/api/reload-while-running';
import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { ExpiringBindingsNotice } from '@app/features/bindings';
import { EmptyState } from '@app/shared/ui/empty-state/empty-state';
import { confirmDeprovision } from '../../components/deprovision-dialog/deprovision-dialog';
import { InstanceListItem } from '../../components/instance-list-item/instance-list-item';
import { InstanceUpgrades } from '../../components/instance-upgrades/instance-upgrades';
import { instanceOffering } from '../../instance-offering';
import { isOperationRunning } from '../../instance-operation';

/**
 * A project's service instances with their status. While any operation runs the list is read
 * again when the platform reports a change (or every few seconds without its change stream), so
 * progress and results show without a reload.
 */
/** How many instances the list shows at first, and how many more each "Show more" adds. */
export const INSTANCES_PER_PAGE = 100;
/** The platform's largest page of instances. */
const MOST_INSTANCES_LISTED = 500;

@Component({
  selector: 'mp-instances-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    EmptyState,
    ExpiringBindingsNotice,
    InstanceListItem,
    InstanceUpgrades,
  ],
  templateUrl: './instances-page.html',
  styleUrl: './instances-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstancesPage {
  private readonly api = inject(ServiceInstancesApi);
  private readonly dialog = inject(MatDialog);
  private readonly currentUser = inject(CurrentUser);

  /** Route parameter: the project whose instances are shown. */
  readonly projectId = input.required<string>();

  /** How many instances are listed: a page, more on request. */
  protected readonly limit = signal(INSTANCES_PER_PAGE);
  /** The project's first `limit` instances. */
  protected readonly instances = this.api.instancesResource(() => this.projectId(), this.limit);
  /** The most instances the list shows (the platform's largest page). */
  protected readonly instancePageMax = MOST_INSTANCES_LISTED;
  /** How many instances the project has in all, once known. */
  protected readonly total = computed(() => Number(this.instances.headers()?.get('X-Total-Count') ?? Number.NaN));
  /** The catalog, to name services, plans and locations. */
  private readonly catalog = inject(MarketplaceApi).catalogResource();
  /** The project, for the page's subtitle. */
  protected readonly project = computed(() => this.currentUser.project(this.projectId()));
  /** The instances with what the catalog says about them, once loaded. */
  protected readonly items = computed(() => {
    if (!this.instances.hasValue()) {
      return undefined;
    }
    const catalog = this.catalog.hasValue() ? this.catalog.value() : undefined;
    return this.instances.value().map((instance) => ({ instance, offering: instanceOffering(instance, catalog) }));
  });
  /** Ids of the listed instances whose plan's bindings expire, for the notice about expiring bindings. */
  protected readonly expiringInstanceIds = computed(() =>
    (this.items() ?? []).filter((item) => item.offering.plan?.expiryDays !== undefined).map((item) => item.instance.id),
  );
  /** Why the instances could not be loaded. */
  protected readonly loadError = computed(() => {
    const error = this.instances.error();
    return error ? apiErrorMessage(error) : null;
  });
  /** Why the last deprovisioning was refused, with the instance's name. */
  protected readonly deprovisionError = signal<{ instanceName: string; message: string } | null>(null);

  constructor() {
    reloadWhileRunning(
      this.instances,
      (instances) => instances.some(isOperationRunning),
      () => this.projectId(),
    );
  }

  /** Asks for confirmation, then deprovisions the instance; a refusal keeps it and says why. */
  protected deprovision(instance: ServiceInstance): void {
    confirmThenAct({
      confirm: confirmDeprovision(this.dialog, {
        projectId: instance.projectId,
        instanceId: instance.id,
        instanceName: instance.name,
      }),
      start: () => this.deprovisionError.set(null),
      act: () => this.api.delete(this.projectId(), instance.id),
      done: () => this.instances.reload(),
      failed: (message) => {
        this.deprovisionError.set({ instanceName: instance.name, message });
        this.instances.reload();
      },
    });
  }

  /** Lists another page of instances. */
  protected showMore(): void {
    this.limit.update((limit) => Math.min(limit + INSTANCES_PER_PAGE, MOST_INSTANCES_LISTED));
  }

  /** Loads the instances again after an error. */
  protected reload(): void {
    this.instances.reload();
  }
}
