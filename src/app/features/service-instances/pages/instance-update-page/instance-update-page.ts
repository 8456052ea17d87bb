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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';

import type { UpdateServiceInstanceRequest } from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import { MarketplaceApi } from '@app/core/api/marketplace-api';
import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { describeParameters, entryText, MASKED_SECRET } from '@app/shared/schema-form/describe-parameters';
import { ParametersForm } from '@app/shared/schema-form/parameters-form';
import { CostPipe } from '@app/shared/ui/cost/cost-pipe';
import { EmptyState } from '@app/shared/ui/empty-state/empty-state';
import { LoadStatus } from '@app/shared/ui/load-status/load-status';
import { InstanceNameField, instanceNameControl } from '@app/shared/ui/instance-name-field/instance-name-field';
import { isOperationRunning } from '../../instance-operation';
import {
  changedParameters,
  parameterChanges,
  updatableParameters,
  type InstanceParameters,
} from '../../parameter-changes';

/**
 * Changes a service instance: its name, its plan (only where the plan may be changed) and the
 * parameters of the update schema, prefilled from the stored ones. Before submitting, the user
 * sees every difference; only the changed parameters are sent.
 */
@Component({
  selector: 'mp-instance-update-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    RouterLink,
    CostPipe,
    EmptyState,
    LoadStatus,
    InstanceNameField,
    ParametersForm,
  ],
  templateUrl: './instance-update-page.html',
  styleUrl: './instance-update-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstanceUpdatePage {
  private readonly api = inject(ServiceInstancesApi);
  private readonly router = inject(Router);

  /** Route parameter: the project the instance belongs to. */
  readonly projectId = input.required<string>();
  /** Route parameter: the instance to change. */
  readonly instanceId = input.required<string>();

  /** The instance as stored. */
  protected readonly instance = this.api.instanceResource(
    () => this.projectId(),
    () => this.instanceId(),
  );
  /** The instance once loaded. */
  protected readonly current = computed(() => (this.instance.hasValue() ? this.instance.value() : undefined));
  /** The instance's service, for its plans and their update schemas. */
  protected readonly service = inject(MarketplaceApi).serviceResource(() => this.current()?.serviceId);
  /** The service once loaded. */
  private readonly offering = computed(() => (this.service.hasValue() ? this.service.value() : undefined));
  /** The instance's current plan. */
  protected readonly currentPlan = computed(() =>
    this.offering()?.plans.find((plan) => plan.id === this.current()?.planId),
  );
  /** The plans the instance may move to: all of the service's when the current plan allows it, else only its own. */
  protected readonly plans = computed(() => {
    const currentPlan = this.currentPlan();
    if (!currentPlan) {
      return [];
    }
    return currentPlan.planUpdateable ? (this.offering()?.plans ?? []) : [currentPlan];
  });

  /** The new name. */
  protected readonly name = instanceNameControl();
  /** The name as typed, as a signal. */
  private readonly nameValue = toSignal(this.name.valueChanges, { initialValue: '' });
  /** The chosen plan's id. */
  protected readonly planId = linkedSignal(() => this.current()?.planId);
  /** The chosen plan. */
  protected readonly plan = computed(() => this.plans().find((plan) => plan.id === this.planId()));
  /** The update schema of the chosen plan. */
  protected readonly updateSchema = computed(() => this.plan()?.schemas.instanceUpdate);
  /** The stored parameters the update form has fields for. */
  protected readonly storedParameters = computed(() =>
    updatableParameters(this.current()?.parameters ?? {}, this.updateSchema()),
  );
  /** The parameters as edited: the stored ones, plus the user's changes, which survive picking another plan. */
  protected readonly parameters = linkedSignal<InstanceParameters, InstanceParameters>({
    source: this.storedParameters,
    computation: (stored, previous) =>
      previous ? { ...stored, ...changedParameters(parameterChanges(previous.source, previous.value)) } : stored,
  });
  /** Whether the parameters may be sent. */
  protected readonly parametersValid = signal(true);
  /** The parameters the update changes. */
  protected readonly changes = computed(() => parameterChanges(this.storedParameters(), this.parameters()));
  /** Whether the name differs from the stored one. */
  protected readonly renamed = computed(() => {
    const stored = this.current()?.name;
    return stored !== undefined && this.nameValue().trim() !== stored;
  });
  /** The new plan, if the user picked another one. */
  protected readonly newPlan = computed(() => {
    const plan = this.plan();
    return plan && plan.id !== this.current()?.planId ? plan : undefined;
  });
  /** Whether anything is to be changed. */
  protected readonly hasChanges = computed(
    () => this.renamed() || this.newPlan() !== undefined || this.changes().length > 0,
  );
  /** Whether an operation runs on the instance, so that no update may start. */
  protected readonly running = computed(() => {
    const instance = this.current();
    return instance !== undefined && isOperationRunning(instance);
  });
  /** Whether the form was submitted once, to reveal all problems. */
  protected readonly attempted = signal(false);
  /** Whether the update request is on its way. */
  protected readonly submitting = signal(false);
  /** Why the platform or broker refused the update. */
  protected readonly submitError = signal<string | null>(null);
  /** Why the instance or its service could not be loaded. */
  protected readonly loadError = computed(() => {
    const error = this.instance.error() ?? this.service.error();
    return error ? apiErrorMessage(error) : null;
  });
  /** What could not be loaded: the instance, or its service. */
  protected readonly loadErrorTitle = computed(() =>
    this.instance.error()
      ? $localize`:@@instanceLoadFailed:The instance could not be loaded.`
      : $localize`:@@serviceLoadFailed:The service could not be loaded.`,
  );
  /** The secrets the platform keeps for the instance (set, never shown). */
  protected readonly storedSecrets = computed(() => this.current()?.secretParameters ?? []);
  /**
   * The changes in words, as the form names them: the field's title, choice labels, and secrets
   * only as "set" (a kept secret counts as set before the change).
   */
  protected readonly describedChanges = computed(() => {
    const schema = this.updateSchema();
    const stored = this.storedSecrets();
    return this.changes().map((change) => {
      const after = describeParameters(schema, { [change.key]: change.after })[0];
      const before =
        change.before === undefined ? undefined : describeParameters(schema, { [change.key]: change.before })[0];
      const wasSet = stored.includes(`/${change.key}`);
      return {
        key: change.key,
        label: after.label,
        before: before ? entryText(before) : wasSet ? MASKED_SECRET : undefined,
        after: entryText(after),
      };
    });
  });

  constructor() {
    effect(() => {
      const name = this.current()?.name;
      if (name !== undefined) {
        untracked(() => this.name.setValue(name));
      }
    });
  }

  /** Loads again what could not be loaded: the instance, its service or both. */
  protected reload(): void {
    if (this.instance.error()) this.instance.reload();
    if (this.service.error()) this.service.reload();
  }

  /** Picks the plan to move to. */
  protected selectPlan(planId: string): void {
    this.planId.set(planId);
  }

  /** Takes the edited parameters. */
  protected takeParameters(parameters: InstanceParameters): void {
    this.parameters.set(parameters);
  }

  /** Sends the changes (name, plan, changed parameters only) and opens the instance to follow the update. */
  protected submit(): void {
    this.attempted.set(true);
    this.name.markAsTouched();
    const instance = this.current();
    if (!instance || this.name.invalid || !this.parametersValid() || !this.hasChanges() || this.running()) {
      return;
    }
    const newPlan = this.newPlan();
    const changes = this.changes();
    const request: UpdateServiceInstanceRequest = {
      ...(this.renamed() ? { name: this.nameValue().trim() } : {}),
      ...(newPlan ? { planId: newPlan.id } : {}),
      ...(changes.length > 0 ? { parameters: changedParameters(changes) } : {}),
    };
    this.submitting.set(true);
    this.submitError.set(null);
    this.api.update(this.projectId(), instance.id, request).subscribe({
      next: () => {
        this.submitting.set(false);
        void this.router.navigate(['/projects', this.projectId(), 'instances', instance.id]);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.submitError.set(apiErrorMessage(error));
      },
    });
  }
}
