import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { catchError, from, map, mergeMap, of, toArray } from 'rxjs';

import type { ServiceInstance } from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { isOperationRunning } from '../../instance-operation';

/** How many upgrade requests run at once. */
const PARALLEL_UPGRADES = 4;

/** The outcome of one instance's upgrade request. */
interface UpgradeResult {
  instance: ServiceInstance;
  error?: string;
}

/**
 * The instances of the list that the broker offers an upgrade for, to look at on their own and
 * to upgrade several at once. Only the project's own instances can be chosen: those shared with
 * it are read-only here. Emits `started` once the requests are answered, so the list reloads.
 */
@Component({
  selector: 'mp-instance-upgrades',
  imports: [MatButtonModule, MatCheckboxModule, MatIconModule, RouterLink],
  templateUrl: './instance-upgrades.html',
  styleUrl: './instance-upgrades.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstanceUpgrades {
  private readonly api = inject(ServiceInstancesApi);

  /** The project of the list. */
  readonly projectId = input.required<string>();
  /** The listed instances. */
  readonly instances = input.required<readonly ServiceInstance[]>();
  /** Emitted once upgrade requests were answered. */
  readonly started = output<void>();

  /** The listed instances with an upgrade available. */
  protected readonly upgradable = computed(() => this.instances().filter((instance) => instance.upgradeAvailable));
  /** Whether the list of upgradable instances is open. */
  protected readonly open = signal(false);
  /** Chosen instance ids. */
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  /** The instances that can be chosen now: the project's own, without a running operation. */
  protected readonly choosable = computed(() =>
    this.upgradable().filter((instance) => !instance.sharedFrom && !isOperationRunning(instance)),
  );
  /** The chosen instances that are still choosable. */
  protected readonly selection = computed(() => this.choosable().filter((instance) => this.chosen().has(instance.id)));
  /** Whether the requests are on their way. */
  protected readonly upgrading = signal(false);
  /** The instances the broker or platform refused to upgrade, with why. */
  protected readonly failures = signal<readonly UpgradeResult[]>([]);
  /** What happened last, announced politely. */
  protected readonly announcement = signal('');

  /** Whether an instance can be chosen. */
  protected isChoosable(instance: ServiceInstance): boolean {
    return this.choosable().includes(instance);
  }

  /** Chooses or drops one instance. */
  protected toggle(instance: ServiceInstance, checked: boolean): void {
    this.chosen.update((ids) => {
      const next = new Set(ids);
      if (checked) {
        next.add(instance.id);
      } else {
        next.delete(instance.id);
      }
      return next;
    });
  }

  /** Chooses every choosable instance, or none when all are chosen. */
  protected toggleAll(): void {
    const all = this.choosable();
    this.chosen.set(this.selection().length === all.length ? new Set() : new Set(all.map((instance) => instance.id)));
  }

  /** Starts the upgrade of every chosen instance, a few at a time. */
  protected upgradeChosen(): void {
    const chosen = this.selection();
    if (chosen.length === 0) {
      return;
    }
    this.upgrading.set(true);
    this.failures.set([]);
    from(chosen)
      .pipe(
        mergeMap(
          (instance) =>
            this.api.upgrade(this.projectId(), instance.id).pipe(
              map((): UpgradeResult => ({ instance })),
              catchError((error: unknown) => of<UpgradeResult>({ instance, error: apiErrorMessage(error) })),
            ),
          PARALLEL_UPGRADES,
        ),
        toArray(),
      )
      .subscribe((results) => {
        const failed = results.filter((result) => result.error !== undefined);
        const count = results.length - failed.length;
        this.upgrading.set(false);
        this.failures.set(failed);
        this.chosen.set(new Set());
        this.announcement.set(
          $localize`:@@upgradesStarted:Upgrades started: ${count}:count: of ${results.length}:total:.`,
        );
        this.started.emit();
      });
  }
}
