import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatStepperModule, type MatStep, type MatStepper } from '@angular/material/stepper';
import { Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';

import { monthlyEstimate, monthlyTotal, type Location, type ServiceOffering, type ServiceSummary } from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import { BindingFields, PendingBindings } from '@app/features/bindings';
import { unreachableBroker } from '@app/core/api/broker-health';
import { CurrentUser } from '@app/core/api/current-user';
import { MarketplaceApi } from '@app/core/api/marketplace-api';
import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { PageTitleStrategy } from '@app/core/layout/page-title-strategy';
import { ParametersForm, type Parameters } from '@app/shared/schema-form/parameters-form';
import { ParametersView } from '@app/shared/schema-form/parameters-view';
import { AmountsPipe } from '@app/shared/ui/cost/amounts-pipe';
import { CostPipe } from '@app/shared/ui/cost/cost-pipe';
import { DateTimePipe } from '@app/shared/ui/date-time/date-time-pipe';
import { FocusOnShow } from '@app/shared/ui/focus-on-show/focus-on-show';
import { LoadStatus } from '@app/shared/ui/load-status/load-status';
import {
  comparableInstanceName,
  InstanceNameField,
  instanceNameControl,
} from '@app/shared/ui/instance-name-field/instance-name-field';
import { PriceBadge } from '@app/shared/ui/price-badge/price-badge';
import { ServiceIcon } from '@app/shared/ui/service-icon/service-icon';
import { ServiceNotFound } from '@app/shared/ui/service-not-found/service-not-found';
import { PlanPicker } from '../../components/plan-picker/plan-picker';

/** A location where a local service is offered, with that location's offering. */
interface LocationOption {
  readonly location: Location;
  readonly service: ServiceSummary;
}

/**
 * Orders a service instance step by step: location (local services), plan, name, parameters
 * (the plan's create schema as a form), for a bindable plan an optional binding (its name and
 * the plan's binding schema), review. A refused order shows the broker's message and keeps every
 * input; an accepted one opens the instance, whose operation shows live there and whose page
 * creates the binding ordered with it once the instance is ready.
 */
@Component({
  selector: 'mp-order-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatRadioModule,
    MatStepperModule,
    RouterLink,
    AmountsPipe,
    BindingFields,
    CostPipe,
    DateTimePipe,
    FocusOnShow,
    LoadStatus,
    InstanceNameField,
    ParametersForm,
    ParametersView,
    PlanPicker,
    PriceBadge,
    ServiceIcon,
    ServiceNotFound,
  ],
  templateUrl: './order-page.html',
  styleUrl: './order-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderPage {
  private readonly instancesApi = inject(ServiceInstancesApi);
  private readonly router = inject(Router);
  private readonly pageTitle = inject(PageTitleStrategy);
  private readonly currentUser = inject(CurrentUser);
  private readonly pendingBindings = inject(PendingBindings);

  /** Route parameter: the project to order for. */
  readonly projectId = input.required<string>();
  /** Route parameter: the service to order (for a local service, that of the preselected location). */
  readonly serviceId = input.required<string>();
  /** Query parameter: the plan to preselect. */
  readonly plan = input<string>();

  private readonly marketplaceApi = inject(MarketplaceApi);
  /** The catalog listing: the service, its offerings in other locations and the locations' names. */
  protected readonly catalog = this.marketplaceApi.catalogResource();
  private readonly services = computed(() => (this.catalog.hasValue() ? this.catalog.value().services : []));
  /** The service the order started from. */
  protected readonly requestedService = computed(() =>
    this.services().find((service) => service.id === this.serviceId()),
  );
  /** Whether the service is local, so that a location must be chosen. */
  protected readonly isLocal = computed(() => this.requestedService()?.locality.kind === 'local');
  /** The locations offering the same service (by name), with their offering. */
  protected readonly locationOptions = computed<LocationOption[]>(() => {
    const requested = this.requestedService();
    if (!requested || requested.locality.kind !== 'local' || !this.catalog.hasValue()) {
      return [];
    }
    const locations = this.catalog.value().locations;
    return this.services()
      .filter((service) => service.locality.kind === 'local' && service.name === requested.name)
      .map((service) => {
        const locationId = service.locality.kind === 'local' ? service.locality.locationId : '';
        return {
          location: locations.find((l) => l.id === locationId) ?? { id: locationId, displayName: locationId },
          service,
        };
      });
  });
  /** The id of the offering chosen: the requested one until the user picks another location. */
  protected readonly offeringId = linkedSignal(() => this.serviceId());
  /** The broker of the chosen offering when it cannot be reached: ordering stops at the first step, saying so. */
  protected readonly brokerDown = computed(() => {
    const brokerId = this.services().find((service) => service.id === this.offeringId())?.brokerId;
    return brokerId && this.catalog.hasValue() ? unreachableBroker(this.catalog.value().brokers, brokerId) : undefined;
  });
  /** The offering ordered, in full (plans with their costs and schemas). */
  private readonly offeringDetail = this.marketplaceApi.serviceResource(() => this.offeringId());
  /** The offering ordered, once loaded. */
  protected readonly offering = computed(() => {
    const detail = this.offeringDetail.hasValue() ? this.offeringDetail.value() : undefined;
    return detail?.id === this.offeringId() ? detail : undefined;
  });
  /** The chosen location, for a local service. */
  protected readonly location = computed(
    () => this.locationOptions().find((option) => option.service.id === this.offeringId())?.location,
  );
  /** The chosen plan's id: preselected from the URL, kept by name when the location changes. */
  protected readonly planId = linkedSignal<ServiceOffering | undefined, string | undefined>({
    source: this.offering,
    computation: (offering, previous) => {
      const plans = offering?.plans ?? [];
      const previousPlan = previous?.source?.plans.find((plan) => plan.id === previous.value);
      const preselected =
        plans.find((plan) => plan.id === this.plan()) ??
        plans.find((plan) => previousPlan !== undefined && plan.name === previousPlan.name) ??
        (plans.length === 1 ? plans[0] : undefined);
      return preselected?.id;
    },
  });
  /** The chosen plan. */
  protected readonly chosenPlan = computed(() => this.offering()?.plans.find((plan) => plan.id === this.planId()));
  /**
   * What the new instance adds to the project's monthly costs (the same estimate as the costs
   * page), and whether the plan also bills by use; undefined for a plan without costs.
   */
  protected readonly monthlyAddition = computed(() => {
    const costs = this.chosenPlan()?.costs ?? [];
    if (costs.length === 0) return undefined;
    const monthly = monthlyTotal(costs);
    return {
      monthly,
      estimated: Object.keys(monthly).length > 0,
      usageBased: costs.some((cost) => monthlyEstimate(cost) === undefined),
    };
  });
  /** The chosen plan's create schema. */
  protected readonly createSchema = computed(() => this.chosenPlan()?.schemas.instanceCreate);

  /**
   * Whether the order may include a binding: the plan is bindable and the service is not
   * tenant-aware (a tenant is picked among the instance's, so only on the instance page).
   */
  protected readonly offersBinding = computed(
    () => this.chosenPlan()?.bindable === true && this.offering()?.tenantAware !== true,
  );
  /** The name of the binding to create with the instance; empty for none. */
  protected readonly bindingName = signal('');
  /** The parameters of the binding to create with the instance. */
  protected readonly bindingParameters = signal<Parameters>({});
  /** Whether the binding's parameters may be sent. */
  protected readonly bindingParametersValid = signal(true);
  /** Whether the user tried to leave the binding step, to reveal every problem. */
  protected readonly bindingAttempted = signal(false);
  /** Whether a binding is ordered with the instance (a name was given). */
  protected readonly withBinding = computed(() => this.offersBinding() && this.bindingName().trim().length > 0);
  /** Whether the binding step may be left: no binding, or a binding that may be sent. */
  protected readonly bindingStepDone = computed(() => !this.withBinding() || this.bindingParametersValid());

  /** The project ordered for, to name it in the review. */
  protected readonly project = computed(() => this.currentUser.project(this.projectId()));
  /** The project's instances (the first 500), so that a name already taken is refused at the name step. */
  private readonly instances = this.instancesApi.instancesResource(
    () => this.projectId(),
    () => ({ limit: 500 }),
  );
  /** The names in use in the project, compared without case and outer spaces (kept up to date by an effect). */
  private readonly takenNames = signal<ReadonlySet<string>>(new Set());
  /** The instance's name. */
  protected readonly name = instanceNameControl(() => this.takenNames());
  private readonly nameValue = toSignal(this.name.valueChanges, { initialValue: '' });
  /** The parameters as entered. */
  protected readonly parameters = signal<Parameters>({});
  /** Whether the parameters may be sent; unknown until the parameters step was opened. */
  protected readonly parametersValid = signal<boolean | undefined>(undefined);
  /** Whether the user tried to leave the parameters step, to reveal every problem. */
  protected readonly parametersAttempted = signal(false);
  /** Whether the order is on its way. */
  protected readonly submitting = signal(false);
  /** Why the platform or broker refused the order (the broker's description). */
  protected readonly submitError = signal<string | null>(null);
  /** The accessible name of the plan comparison. */
  protected readonly planPickerLabel = $localize`:@@orderPlanPickerLabel:Plans`;
  /** Whether the name is valid (its rules and the names taken), as a signal for the order's guard. */
  protected readonly nameValid = toSignal(this.name.statusChanges.pipe(map((status) => status === 'VALID')), {
    initialValue: this.name.valid,
  });
  /** Whether the catalog or the ordered offering is being loaded. */
  protected readonly loading = computed(() => this.catalog.isLoading() || this.offeringDetail.isLoading());
  /** Why the catalog or the service could not be loaded. */
  protected readonly loadError = computed(() => {
    const error = this.catalog.error() ?? this.offeringDetail.error();
    return error ? apiErrorMessage(error) : null;
  });

  constructor() {
    effect(() => {
      const instances = this.instances.hasValue() ? (this.instances.value() ?? []) : [];
      this.takenNames.set(new Set(instances.map((instance) => comparableInstanceName(instance.name))));
      untracked(() => this.name.updateValueAndValidity());
    });
    effect(() => {
      const service = this.requestedService();
      if (service) {
        this.pageTitle.setPageTitle($localize`:page title@@titleOrderService:Order ${service.displayName}:service:`);
      }
    });
  }

  /**
   * Whether the user has opened the step (it is open, or was left). A step whose choice is made
   * in advance (a preselected plan, no binding) shows as done only then, never ahead of the user.
   */
  protected opened(step: MatStep, stepper: MatStepper): boolean {
    return step.interacted || stepper.selected === step;
  }

  /** Loads again what could not be loaded: the catalog, the offering or both. */
  protected reload(): void {
    if (this.catalog.error()) this.catalog.reload();
    if (this.offeringDetail.error()) this.offeringDetail.reload();
  }

  /** Orders the service in another location. */
  protected selectLocation(serviceId: string): void {
    this.offeringId.set(serviceId);
  }

  /** Picks a plan. */
  protected selectPlan(planId: string): void {
    this.planId.set(planId);
  }

  /** Takes the parameters as entered. */
  protected takeParameters(parameters: Parameters): void {
    this.parameters.set(parameters);
  }

  /** Orders the instance without a binding: forgets what the binding step holds and goes on. */
  protected skipBinding(stepper: MatStepper): void {
    this.bindingName.set('');
    this.bindingParameters.set({});
    this.bindingParametersValid.set(true);
    this.bindingAttempted.set(false);
    stepper.next();
  }

  /** Goes on from the binding step when what it holds may be sent; reveals the problems otherwise. */
  protected leaveBindingStep(stepper: MatStepper): void {
    this.bindingAttempted.set(true);
    if (this.bindingStepDone()) {
      stepper.next();
    }
  }

  /** Sends the order; opens the instance on success; on failure keeps every input and shows the reason, with the focus on it. */
  protected submit(): void {
    const offering = this.offering();
    const plan = this.chosenPlan();
    if (
      !offering ||
      !plan ||
      !this.nameValid() ||
      !this.parametersValid() ||
      !this.bindingStepDone() ||
      this.submitting()
    ) {
      return;
    }
    this.submitting.set(true);
    this.submitError.set(null);
    const parameters = this.parameters();
    this.instancesApi
      .create(this.projectId(), {
        name: this.nameValue().trim(),
        serviceId: offering.id,
        planId: plan.id,
        ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
      })
      .subscribe({
        next: (instance) => {
          this.submitting.set(false);
          if (this.withBinding()) {
            this.pendingBindings.hold(instance.id, {
              name: this.bindingName().trim(),
              parameters: this.bindingParameters(),
            });
          }
          void this.router.navigate(['/projects', this.projectId(), 'instances', instance.id]);
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.submitError.set(apiErrorMessage(error));
        },
      });
  }
}
