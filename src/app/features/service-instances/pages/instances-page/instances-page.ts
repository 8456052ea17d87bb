import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';

import type { ServiceInstance } from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import { confirmThenAct } from '@app/core/api/confirm-then-act';
import { CurrentUser } from '@app/core/api/current-user';
import { MarketplaceApi } from '@app/core/api/marketplace-api';
import { reloadWhileRunning } from '@app/core/api/reload-while-running';
import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { ExpiringBindingsNotice } from '@app/features/bindings';
import { EmptyState } from '@app/shared/ui/empty-state/empty-state';
import { LoadStatus } from '@app/shared/ui/load-status/load-status';
import { SearchField } from '@app/shared/ui/search-field/search-field';
import { confirmDeprovision } from '../../components/deprovision-dialog/deprovision-dialog';
import { InstanceListItem } from '../../components/instance-list-item/instance-list-item';
import { InstanceUpgrades } from '../../components/instance-upgrades/instance-upgrades';
import { instanceOffering } from '../../instance-offering';
import {
  type InstanceListFilter,
  filterFromParams,
  listQueryOf,
  narrowsList,
  paramsOfFilter,
} from '../../instance-list-query';
import { isOperationRunning } from '../../instance-operation';
import { reloadAfterChange } from '@app/core/api/reload-after-change';

/** How many instances the list shows at first, and how many more each "Show more" adds. */
export const INSTANCES_PER_PAGE = 100;
/** The platform's largest page of instances. */
const MOST_INSTANCES_LISTED = 500;
/** How long typing in the search field must pause before the search goes to the URL (and the platform). */
export const INSTANCE_SEARCH_DELAY_MS = 300;

/**
 * A project's service instances with their status, searched, filtered and sorted by the
 * platform. Search, filters and sort live in the URL (`?search=…&status=…&service=…&sharing=…&sort=…&order=…`;
 * the search is written once typing pauses), so a view can be shared and survives a reload.
 * While any operation runs the list is read again when the platform reports a change (or every
 * few seconds without its change stream), so progress and results show without a reload.
 */
@Component({
  selector: 'mp-instances-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatFormFieldModule,
    MatSelectModule,
    RouterLink,
    EmptyState,
    LoadStatus,
    ExpiringBindingsNotice,
    SearchField,
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
  private readonly injector = inject(Injector);
  private readonly currentUser = inject(CurrentUser);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Route parameter: the project whose instances are shown. */
  readonly projectId = input.required<string>();
  /** Query parameter: part of an instance's or its service's name. */
  readonly search = input<string>();
  /** Query parameter: the state of the last operation (`in progress`, `succeeded`, `failed`). */
  readonly status = input<string>();
  /** Query parameter: a service id. */
  readonly service = input<string>();
  /** Query parameter: `with-us` or `by-us`. */
  readonly sharing = input<string>();
  /** Query parameter: `name`, `service`, `created` (the default) or `status`. */
  readonly sort = input<string>();
  /** Query parameter: `desc` to reverse the sort. */
  readonly order = input<string>();

  /** The list's search, filters and sort, as the URL says. */
  protected readonly filter = computed(() =>
    filterFromParams({
      search: this.search(),
      status: this.status(),
      service: this.service(),
      sharing: this.sharing(),
      sort: this.sort(),
      order: this.order(),
    }),
  );
  /** The search as the URL says. */
  private readonly urlSearch = computed(() => this.filter().search);
  /** The text in the search field (goes to the URL once typing pauses). */
  protected readonly searchText = linkedSignal(() => this.urlSearch());
  /** Whether the list is narrowed, so that an empty list says "no match" rather than "no instances". */
  protected readonly narrowed = computed(() => narrowsList(this.filter()));
  /** How many instances are listed: a page, more on request; one page again when the filter changes. */
  protected readonly limit = linkedSignal({ source: this.filter, computation: () => INSTANCES_PER_PAGE });
  /** The first `limit` instances that match the filter, in its order. */
  protected readonly instances = this.api.instancesResource(
    () => this.projectId(),
    () => listQueryOf(this.filter(), this.limit()),
  );
  /** The services of the project's instances, for the service filter. */
  private readonly serviceCounts = this.api.instanceServicesResource(() => this.projectId());
  /** The most instances the list shows (the platform's largest page). */
  protected readonly instancePageMax = MOST_INSTANCES_LISTED;
  /** How many instances the project has in all, once known. */
  protected readonly total = computed(() => Number(this.instances.headers()?.get('X-Total-Count') ?? Number.NaN));
  /** The catalog, to name services, plans and locations. */
  private readonly catalog = inject(MarketplaceApi).catalogResource();
  /** The service filter's choices: the services of the project's instances by name, with how many each. */
  protected readonly serviceChoices = computed(() => {
    const counts = this.serviceCounts.hasValue() ? this.serviceCounts.value() : [];
    const catalog = this.catalog.hasValue() ? this.catalog.value() : undefined;
    return counts
      .map(({ serviceId, count }) => ({
        serviceId,
        count,
        name: instanceOffering({ serviceId, planId: '' }, catalog).serviceName,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
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
    effect((onCleanup) => {
      const text = this.searchText().trim();
      const timer = setTimeout(
        () => untracked(() => text !== this.urlSearch() && this.changeFilter({ search: text })),
        INSTANCE_SEARCH_DELAY_MS,
      );
      onCleanup(() => clearTimeout(timer));
    });
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
      done: () => reloadAfterChange(this.instances, this.injector),
      failed: (message) => {
        this.deprovisionError.set({ instanceName: instance.name, message });
        reloadAfterChange(this.instances, this.injector);
      },
    });
  }

  /** Changes part of the filter: written to the URL, which the list follows. */
  protected changeFilter(change: Partial<InstanceListFilter>): void {
    const next = { ...this.filter(), ...change };
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsOfFilter(next),
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  /** Reverses the sort. */
  protected reverseOrder(): void {
    this.changeFilter({ order: this.filter().order === 'asc' ? 'desc' : 'asc' });
  }

  /** Removes search and filters (keeps the sort). */
  protected clearFilters(): void {
    this.searchText.set('');
    const { sort, order } = this.filter();
    this.changeFilter({ search: '', state: undefined, serviceId: undefined, sharing: undefined, sort, order });
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
