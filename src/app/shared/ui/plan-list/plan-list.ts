import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import type { ServicePlan } from '@osb/api';
import { CostPipe } from '../cost/cost-pipe';
import { PriceBadge } from '../price-badge/price-badge';

/**
 * The plans of a service: name, description, bullets, price and costs, binding expiry and
 * whether instances of the plan can be bound and moved to another plan.
 */
@Component({
  selector: 'mp-plan-list',
  imports: [MatIconModule, RouterLink, CostPipe, PriceBadge],
  templateUrl: './plan-list.html',
  styleUrl: './plan-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mp-plan-list' },
})
export class PlanList {
  /** The plans to show, in the broker's order. */
  readonly plans = input.required<readonly ServicePlan[]>();
  /**
   * The route of the schema preview; when given, each plan with parameter schemas links there
   * (with the plan's id as the `plan` query parameter), for broker authors.
   */
  readonly schemaPreviewLink = input<readonly string[]>();

  /** Whether a plan describes any parameters. */
  protected hasSchemas(plan: ServicePlan): boolean {
    return Object.values(plan.schemas).some((schema) => schema !== undefined);
  }
}
