import { ChangeDetectionStrategy, Component, Injector, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';

import type { ServiceInstance } from '@osb/api';
import { apiErrorMessage, isNotFound } from '@app/core/api/api-error';
import { confirmThenAct } from '@app/core/api/confirm-then-act';
import { MarketplaceApi } from '@app/core/api/marketplace-api';
import { reloadWhileRunning } from '@app/core/api/reload-while-running';
import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { PageTitleStrategy } from '@app/core/layout/page-title-strategy';
import { InstanceBindings } from '@app/features/bindings';
import { InstanceSharing } from '@app/features/sharing';
import { ActivityTimeline } from '@app/features/activity';
import { ParametersView } from '@app/shared/schema-form/parameters-view';
import { DateTimePipe } from '@app/shared/ui/date-time/date-time-pipe';
import { TimeAgo } from '@app/shared/ui/date-time/time-ago';
import { EmptyState } from '@app/shared/ui/empty-state/empty-state';
import { LoadStatus } from '@app/shared/ui/load-status/load-status';
import { safeLinkUrl } from '@app/shared/ui/safe-url/safe-url';
import { ServiceIcon } from '@app/shared/ui/service-icon/service-icon';
import { confirmDeprovision } from '../../components/deprovision-dialog/deprovision-dialog';
import { InstanceBrokerView } from '../../components/instance-broker-view/instance-broker-view';
import { InstanceUpgrade } from '../../components/instance-upgrade/instance-upgrade';
import { InstanceStatus } from '../../components/instance-status/instance-status';
import { instanceOffering } from '../../instance-offering';
import { isOperationRunning } from '../../instance-operation';
import { reloadAfterChange } from '@app/core/api/reload-after-change';

/**
 * One service instance: its status (followed live while an operation runs), service, plan,
 * location, parameters and dashboard, with the actions to change and deprovision it.
 */
@Component({
  selector: 'mp-instance-page',
  imports: [
    ActivityTimeline,
    DateTimePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    EmptyState,
    LoadStatus,
    InstanceBindings,
    InstanceBrokerView,
    InstanceSharing,
    InstanceStatus,
    InstanceUpgrade,
    ParametersView,
    ServiceIcon,
    TimeAgo,
  ],
  templateUrl: './instance-page.html',
  styleUrl: './instance-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstancePage {
  private readonly api = inject(ServiceInstancesApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly pageTitle = inject(PageTitleStrategy);

  /** Route parameter: the project the instance belongs to. */
  readonly projectId = input.required<string>();
  /** Route parameter: the instance to show. */
  readonly instanceId = input.required<string>();

  /** The instance, read again while an operation runs. */
  protected readonly instance = this.api.instanceResource(
    () => this.projectId(),
    () => this.instanceId(),
  );
  private readonly marketplaceApi = inject(MarketplaceApi);
  /** The catalog listing, to name the service, plan and location. */
  private readonly catalog = this.marketplaceApi.catalogResource();
  /** The instance's service in full (binding schemas, flags), for the bindings and sharing sections. */
  private readonly serviceDetail = this.marketplaceApi.serviceResource(() => this.current()?.serviceId);
  /** The service in full, once loaded. */
  protected readonly service = computed(() => (this.serviceDetail.hasValue() ? this.serviceDetail.value() : undefined));
  /** The instance's plan in full, once loaded. */
  protected readonly plan = computed(() => this.service()?.plans.find((plan) => plan.id === this.current()?.planId));
  /** The instance once loaded (reading `value()` of a failed resource throws). */
  protected readonly current = computed(() => (this.instance.hasValue() ? this.instance.value() : undefined));
  /** The catalog's locations, to name tenants' locations in bindings. */
  protected readonly locations = computed(() => (this.catalog.hasValue() ? this.catalog.value().locations : []));
  /** The instance's service, plan and location as the catalog names them. */
  protected readonly offering = computed(() => {
    const instance = this.current();
    return instance && instanceOffering(instance, this.catalog.hasValue() ? this.catalog.value() : undefined);
  });
  /** The plan an update moves the instance to, by name. */
  protected readonly targetPlanName = computed(() => {
    const targetPlanId = this.current()?.lastOperation.targetPlanId;
    const plans = this.offering()?.service?.plans ?? [];
    return targetPlanId && (plans.find((plan) => plan.id === targetPlanId)?.displayName ?? targetPlanId);
  });
  /** Whether an operation runs, so that no other may start. */
  protected readonly running = computed(() => {
    const instance = this.current();
    return !instance || isOperationRunning(instance);
  });
  /** The broker's dashboard, if it gave a safe link. */
  protected readonly dashboardUrl = computed(() => safeLinkUrl(this.current()?.dashboardUrl));
  /** Whether the instance does not exist (any more). */
  protected readonly notFound = computed(() => isNotFound(this.instance.error()));
  /** Why the instance could not be loaded, other than not existing. */
  protected readonly loadError = computed(() => {
    const error = this.instance.error();
    return error && !isNotFound(error) ? apiErrorMessage(error) : null;
  });
  /** Whether the instance has parameters to show. */
  protected readonly hasParameters = computed(
    () =>
      Object.keys(this.current()?.parameters ?? {}).length > 0 || (this.current()?.secretParameters ?? []).length > 0,
  );
  /** The service's plan names by id (for the broker's report). */
  protected readonly planNames = computed(() =>
    Object.fromEntries((this.service()?.plans ?? []).map((plan) => [plan.id, plan.displayName])),
  );
  /** What the location of a global service reads. */
  protected readonly globalLabel = $localize`:service locality@@localityGlobal:Global`;
  /** Whether the deprovision request is on its way. */
  protected readonly deprovisioning = signal(false);
  /** Why the platform or broker refused to deprovision. */
  protected readonly deprovisionError = signal<string | null>(null);

  constructor() {
    reloadWhileRunning(this.instance, isOperationRunning, () => this.projectId());
    effect(() => {
      const instance = this.current();
      if (instance) {
        this.pageTitle.setPageTitle(instance.name);
      }
    });
  }

  /** Asks for confirmation, then deprovisions; a refusal keeps the instance and says why. */
  protected deprovision(): void {
    const instance = this.current();
    if (!instance) {
      return;
    }
    confirmThenAct({
      confirm: confirmDeprovision(this.dialog, {
        projectId: this.projectId(),
        instanceId: instance.id,
        instanceName: instance.name,
      }),
      start: () => {
        this.deprovisioning.set(true);
        this.deprovisionError.set(null);
      },
      act: () => this.api.delete(this.projectId(), instance.id),
      settled: () => this.deprovisioning.set(false),
      done: (deleting) => {
        if (deleting) {
          this.instance.set(deleting);
        } else {
          void this.router.navigate(['/projects', this.projectId(), 'instances']);
        }
      },
      failed: (message) => {
        this.deprovisionError.set(message);
        reloadAfterChange(this.instance, this.injector);
      },
    });
  }

  /** Follows the upgrade the platform started. */
  protected upgraded(instance: ServiceInstance): void {
    this.instance.set(instance);
  }

  /** Loads the instance again after an error. */
  protected reload(): void {
    this.instance.reload();
  }
}
