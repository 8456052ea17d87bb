import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import type { InstanceCosts } from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import { CurrentUser } from '@app/core/api/current-user';
import { AmountsPipe } from '@app/shared/ui/cost/amounts-pipe';
import { CostPipe } from '@app/shared/ui/cost/cost-pipe';
import { downloadTextFile } from '@app/shared/ui/download/download-text-file';
import { EmptyState } from '@app/shared/ui/empty-state/empty-state';
import { LoadStatus } from '@app/shared/ui/load-status/load-status';
import { CostsApi } from '../../costs-api';
import { costsCsv } from '../../costs-csv';

/**
 * What a project's instances cost: each instance with its plan's cost components and monthly
 * estimate, the totals per service and for the project by currency, and a CSV download.
 * Instances shared with the project are listed but counted in their owner's project.
 */
@Component({
  selector: 'mp-costs-page',
  imports: [MatButtonModule, MatIconModule, RouterLink, AmountsPipe, CostPipe, EmptyState, LoadStatus],
  templateUrl: './costs-page.html',
  styleUrl: './costs-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CostsPage {
  private readonly document = inject(DOCUMENT);
  private readonly currentUser = inject(CurrentUser);

  /** Route parameter: the project whose costs are shown. */
  readonly projectId = input.required<string>();

  /** The project's costs. */
  protected readonly costs = inject(CostsApi).costsResource(() => this.projectId());
  /** The project, for the page's subtitle. */
  protected readonly project = computed(() => this.currentUser.project(this.projectId()));
  /** Why the costs could not be loaded. */
  protected readonly loadError = computed(() => {
    const error = this.costs.error();
    return error ? apiErrorMessage(error) : undefined;
  });
  /** The project's own instances (counted). */
  protected readonly own = computed(() => this.lines().filter((line) => !line.sharedFrom));
  /** The own instances, then those shared with the project (not counted). */
  protected readonly rows = computed(() => [...this.own(), ...this.lines().filter((line) => line.sharedFrom)]);
  /** Whether the project has no instances, own or shared (so nothing to list or download). */
  protected readonly empty = computed(() => this.costs.hasValue() && this.costs.value().instances.length === 0);
  /** Whether the project has any monthly estimate. */
  protected readonly hasEstimate = computed(() => Object.keys(this.costs.value()?.monthly ?? {}).length > 0);

  private readonly lines = computed<InstanceCosts[]>(() => (this.costs.hasValue() ? this.costs.value().instances : []));

  /** Offers the costs as a CSV file. */
  protected downloadCsv(): void {
    const costs = this.costs.value();
    if (!costs) return;
    const date = new Date().toISOString().slice(0, 10);
    downloadTextFile(this.document, `costs-${this.projectId()}-${date}.csv`, costsCsv(costs), 'text/csv');
  }

  /** Reads the costs again. */
  protected reload(): void {
    this.costs.reload();
  }

  /** Whether an instance (or a service's instances) has nothing to estimate monthly. */
  protected noEstimate(line: Pick<InstanceCosts, 'monthly'>): boolean {
    return Object.keys(line.monthly).length === 0;
  }
}
