import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  OnDestroy,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute } from '@angular/router';

import type {
  BrokerComparison,
  Location,
  ServiceBinding,
  ServiceBindingWithCredentials,
  ServiceInstance,
  ServiceOffering,
  ServicePlan,
} from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import type { InstanceRef } from '@app/core/api/api-types';
import { confirmThenAct } from '@app/core/api/confirm-then-act';
import { reloadAfterChange } from '@app/core/api/reload-after-change';
import { reloadWhileRunning } from '@app/core/api/reload-while-running';
import { BrokerDifferences } from '@app/shared/ui/broker-differences/broker-differences';
import { TimeAgo } from '@app/shared/ui/date-time/time-ago';
import { LoadStatus } from '@app/shared/ui/load-status/load-status';
import { isBindingRunning } from '../../binding-status';
import { BindingsApi } from '../../bindings-api';
import type { Credentials } from '../../credential-export';
import { BindingExpiry } from '../binding-expiry/binding-expiry';
import { BindingStatus } from '../binding-status/binding-status';
import { openCreateBinding } from '../create-binding-dialog/create-binding-dialog';
import { CredentialsPanel } from '../credentials-panel/credentials-panel';
import { showSensitiveCredentials } from '../sensitive-credentials-dialog/sensitive-credentials-dialog';
import { confirmUnbind } from '../unbind-dialog/unbind-dialog';
import { locationName } from '../../location-name';
import { PendingBindings } from '../../pending-bindings';

/**
 * The bindings the current project holds on a service instance: create one (for bindable
 * plans), follow asynchronous ones live, show an ordinary binding's credentials on request
 * (kept in memory only while shown), deliver a sensitive binding's credentials once, warn about
 * expiry and unbind after confirmation.
 */
@Component({
  selector: 'mp-instance-bindings',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    BindingExpiry,
    BindingStatus,
    BrokerDifferences,
    CredentialsPanel,
    LoadStatus,
    TimeAgo,
  ],
  templateUrl: './instance-bindings.html',
  styleUrl: './instance-bindings.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mp-instance-bindings' },
})
export class InstanceBindings implements OnDestroy {
  private readonly api = inject(BindingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly pendingBindings = inject(PendingBindings);

  /** The project looking at the instance (its owner, or a project it is shared with). */
  readonly projectId = input.required<string>();
  /** The instance. */
  readonly instance = input.required<ServiceInstance>();
  /** The instance's service, once the catalog is loaded. */
  readonly service = input<ServiceOffering | undefined>(undefined);
  /** The instance's plan, once the catalog is loaded. */
  readonly plan = input<ServicePlan | undefined>(undefined);
  /** The catalog's locations, to name tenants' locations. */
  readonly locations = input<readonly Location[]>([]);

  /** Which instance the requests are about. */
  private readonly ref = computed<InstanceRef>(
    () => ({ projectId: this.projectId(), instanceId: this.instance().id }),
    {
      equal: (a, b) => a.projectId === b.projectId && a.instanceId === b.instanceId,
    },
  );
  /** The project's bindings on the instance, read again while the broker works on one. */
  protected readonly bindings = this.api.bindingsResource(() => this.ref());
  /**
   * The bindings once loaded, without those the platform deleted when they expired: they are
   * gone for the user (the platform keeps their record).
   */
  protected readonly list = computed(() =>
    this.bindings.hasValue() ? this.bindings.value().filter((binding) => !binding.expiredAt) : undefined,
  );
  /** Why the bindings could not be loaded. */
  protected readonly loadError = computed(() => {
    const error = this.bindings.error();
    return error ? apiErrorMessage(error) : null;
  });
  /** Whether the plan can be bound (unknown while the catalog loads). */
  protected readonly bindable = computed(() => this.plan()?.bindable ?? this.service()?.bindable ?? false);
  /** Why no binding can be created now, if none can. */
  protected readonly createBlockedReason = computed(() => {
    const instance = this.instance();
    if (!instance.usable) {
      return $localize`:@@bindingBlockedUnusable:The broker reports this instance as unusable.`;
    }
    if (instance.lastOperation.state === 'in progress') {
      return $localize`:@@bindingBlockedRunning:Bindings can be created once the running operation has finished.`;
    }
    if (instance.lastOperation.type === 'create' && instance.lastOperation.state === 'failed') {
      return $localize`:@@bindingBlockedFailed:The instance was not provisioned.`;
    }
    return null;
  });
  /** Whether the service's bindings can be rotated (`binding_rotatable`). */
  protected readonly rotatable = computed(() => this.service()?.bindingRotatable ?? false);
  /** Whether the broker reports its bindings (`bindings_retrievable`). */
  protected readonly retrievable = computed(() => this.service()?.bindingsRetrievable ?? false);
  /** Binding names by id, to name a successor's predecessor. */
  protected readonly names = computed(
    () => new Map((this.bindings.hasValue() ? this.bindings.value() : []).map((binding) => [binding.id, binding.name])),
  );
  /** A tenant's location as the catalog names it. */
  protected locationName(locationId: string): string {
    return locationName(this.locations(), locationId);
  }
  /** Bindings whose rotation is on its way. */
  protected readonly rotating = signal<ReadonlySet<string>>(new Set());
  /** The broker's report of bindings, by id: the comparison, or why it failed. */
  protected readonly comparisons = signal<ReadonlyMap<string, BrokerComparison | { error: string }>>(new Map());
  /** Bindings whose broker report is being fetched. */
  protected readonly comparing = signal<ReadonlySet<string>>(new Set());
  /** Credentials shown now, by binding id; only in memory, dropped when hidden or on leaving. */
  protected readonly shownCredentials = signal<ReadonlyMap<string, Credentials>>(new Map());
  /** Bindings whose credentials are being loaded. */
  protected readonly loadingCredentials = signal<ReadonlySet<string>>(new Set());
  /** Bindings being deleted by a request on its way. */
  protected readonly unbinding = signal<ReadonlySet<string>>(new Set());
  /** The last action's failure, with the binding's name. */
  protected readonly actionError = signal<string | null>(null);
  /** What happened last, announced politely ("Binding … created"). */
  protected readonly announcement = signal('');
  /** The time expiry is counted from. */
  protected readonly now = signal(new Date());
  /** Bindings created here asynchronously: their credentials are shown once the broker is done. */
  private readonly awaitingCredentials = new Set<string>();
  /** A binding the address points at (`#binding-<id>`, from the notice about expiring bindings), until shown. */
  private pointedAt = inject(ActivatedRoute, { optional: true })?.snapshot.fragment ?? null;
  private readonly injector = inject(Injector);

  constructor() {
    reloadWhileRunning(
      this.bindings,
      (bindings) => bindings.some(isBindingRunning),
      () => this.projectId(),
    );
    effect(() => {
      this.instance();
      untracked(() => this.createPendingBinding());
    });
    effect(() => {
      const list = this.list();
      if (!list) {
        return;
      }
      untracked(() => {
        this.now.set(new Date());
        this.showPointedAt(list);
        for (const binding of list) {
          if (this.awaitingCredentials.has(binding.id) && !isBindingRunning(binding)) {
            this.awaitingCredentials.delete(binding.id);
            if (binding.lastOperation.state === 'succeeded') {
              this.announcement.set(
                $localize`:@@bindingReadyAnnouncement:The binding “${binding.name}:name:” is ready.`,
              );
              this.showCredentials(binding);
            }
          }
        }
      });
    });
  }

  /**
   * Creates the binding ordered with the instance in the order wizard, once the instance's
   * provisioning succeeded; drops it, saying so, when the provisioning failed.
   */
  private createPendingBinding(): void {
    const instance = this.instance();
    const operation = instance.lastOperation;
    if (operation.state === 'in progress' || !this.pendingBindings.has(instance.id)) {
      return;
    }
    const pending = this.pendingBindings.take(instance.id)!;
    if (operation.state !== 'succeeded' || !instance.usable) {
      this.actionError.set(
        $localize`:@@pendingBindingDropped:The binding “${pending.name}:name:” was not created: the instance was not provisioned.`,
      );
      return;
    }
    this.api.create(this.ref(), { name: pending.name, parameters: pending.parameters }).subscribe({
      next: (created) => this.takeCreated(created),
      error: (error: unknown) =>
        this.actionError.set(
          $localize`:@@pendingBindingFailed:The binding “${pending.name}:name:” was not created: ${apiErrorMessage(error)}:message:`,
        ),
    });
  }

  /** Scrolls to the binding the address points at, once it is listed. */
  private showPointedAt(list: readonly ServiceBinding[]): void {
    const target = this.pointedAt;
    if (!target || !list.some((binding) => `binding-${binding.id}` === target)) {
      return;
    }
    this.pointedAt = null;
    afterNextRender(
      () => {
        const item = document.getElementById(target);
        item?.scrollIntoView({ block: 'center' });
        item?.focus({ preventScroll: true });
      },
      { injector: this.injector },
    );
  }

  /** Opens the create dialog; shows the new binding's credentials or follows its creation. */
  protected createBinding(): void {
    const service = this.service();
    const plan = this.plan();
    const instance = this.instance();
    if (!service || !plan) {
      return;
    }
    openCreateBinding(this.dialog, {
      ref: this.ref(),
      instanceName: instance.name,
      service,
      plan,
      ...(instance.locationId ? { locationId: instance.locationId } : {}),
      locations: this.locations(),
    }).subscribe((created) => {
      if (created) {
        this.takeCreated(created);
      }
    });
  }

  /** Loads and shows a binding's credentials, or hides them (and forgets them) when shown. */
  protected toggleCredentials(binding: ServiceBinding): void {
    if (this.shownCredentials().has(binding.id)) {
      this.forgetCredentials(binding.id);
    } else {
      this.showCredentials(binding);
    }
  }

  /** Asks for confirmation, then deletes the binding. */
  protected unbind(binding: ServiceBinding): void {
    confirmThenAct({
      confirm: confirmUnbind(this.dialog, binding, this.locations()),
      start: () => {
        this.forgetCredentials(binding.id);
        this.actionError.set(null);
        this.unbinding.update((ids) => new Set(ids).add(binding.id));
      },
      act: () => this.api.delete(this.ref(), binding.id),
      settled: () => this.stopUnbinding(binding.id),
      done: (deleting) => {
        this.announcement.set(
          deleting
            ? $localize`:@@bindingUnbindingAnnouncement:The broker is deleting the binding “${binding.name}:name:”.`
            : $localize`:@@bindingUnboundAnnouncement:The binding “${binding.name}:name:” was deleted.`,
        );
        reloadAfterChange(this.bindings, this.injector);
      },
      failed: (message) => {
        this.actionError.set(
          $localize`:@@unbindFailed:The binding “${binding.name}:name:” was not deleted: ${message}:message:`,
        );
        reloadAfterChange(this.bindings, this.injector);
      },
    });
  }

  /** Whether a binding can get a successor: created, not expired, no tenant, of a rotatable service. */
  protected canRotate(binding: ServiceBinding): boolean {
    return (
      this.rotatable() &&
      !binding.tenant &&
      !binding.expiredAt &&
      binding.lastOperation.type === 'create' &&
      binding.lastOperation.state === 'succeeded'
    );
  }

  /**
   * Rotates a binding's credentials: creates its successor and shows the fresh credentials (once,
   * for a sensitive service). The predecessor stays until the user unbinds it or it expires.
   */
  protected rotate(binding: ServiceBinding): void {
    this.actionError.set(null);
    this.rotating.update((ids) => new Set(ids).add(binding.id));
    this.api.rotate(this.ref(), binding.id).subscribe({
      next: (successor) => {
        this.rotating.update((ids) => without(ids, binding.id));
        this.takeCreated(successor);
      },
      error: (error: unknown) => {
        this.rotating.update((ids) => without(ids, binding.id));
        this.actionError.set(
          $localize`:@@rotateFailed:The credentials of “${binding.name}:name:” were not rotated: ${apiErrorMessage(error)}:message:`,
        );
      },
    });
  }

  /** Asks the broker for the binding and shows how it differs from the record (credential values left out). */
  protected compare(binding: ServiceBinding): void {
    this.comparing.update((ids) => new Set(ids).add(binding.id));
    this.api.compareWithBroker(this.ref(), binding.id).subscribe({
      next: (comparison) => this.takeComparison(binding.id, comparison),
      error: (error: unknown) => this.takeComparison(binding.id, { error: apiErrorMessage(error) }),
    });
  }

  /** Loads the bindings again after an error. */
  protected reload(): void {
    this.bindings.reload();
  }

  /** Drops every credential held in memory. */
  ngOnDestroy(): void {
    this.shownCredentials.set(new Map());
  }

  private takeCreated(created: ServiceBindingWithCredentials): void {
    const { credentials, ...binding } = created;
    reloadAfterChange(this.bindings, this.injector);
    if (isBindingRunning(binding)) {
      this.awaitingCredentials.add(binding.id);
      this.announcement.set(
        $localize`:@@bindingCreatingAnnouncement:The broker is creating the binding “${binding.name}:name:”.`,
      );
      return;
    }
    this.announcement.set($localize`:@@bindingCreatedAnnouncement:The binding “${binding.name}:name:” was created.`);
    if (binding.credentialsDelivered === 'once') {
      showSensitiveCredentials(this.dialog, { bindingName: binding.name, credentials: credentials ?? {} }).subscribe();
    } else if (credentials) {
      this.shownCredentials.update((shown) => new Map(shown).set(binding.id, credentials));
    }
  }

  private takeComparison(bindingId: string, comparison: BrokerComparison | { error: string }): void {
    this.comparing.update((ids) => without(ids, bindingId));
    this.comparisons.update((shown) => new Map(shown).set(bindingId, comparison));
  }

  private showCredentials(binding: ServiceBinding): void {
    this.actionError.set(null);
    this.loadingCredentials.update((ids) => new Set(ids).add(binding.id));
    this.api.get(this.ref(), binding.id).subscribe({
      next: (loaded) => {
        this.stopLoadingCredentials(binding.id);
        this.shownCredentials.update((shown) => new Map(shown).set(binding.id, loaded.credentials ?? {}));
      },
      error: (error: unknown) => {
        this.stopLoadingCredentials(binding.id);
        this.actionError.set(
          $localize`:@@credentialsLoadFailed:The credentials of “${binding.name}:name:” could not be loaded: ${apiErrorMessage(error)}:message:`,
        );
      },
    });
  }

  private forgetCredentials(bindingId: string): void {
    this.shownCredentials.update((shown) => {
      const next = new Map(shown);
      next.delete(bindingId);
      return next;
    });
  }

  private stopLoadingCredentials(bindingId: string): void {
    this.loadingCredentials.update((ids) => without(ids, bindingId));
  }

  private stopUnbinding(bindingId: string): void {
    this.unbinding.update((ids) => without(ids, bindingId));
  }
}

function without(ids: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(ids);
  next.delete(id);
  return next;
}
