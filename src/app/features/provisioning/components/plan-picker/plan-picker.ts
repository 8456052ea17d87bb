import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatRadioModule } from '@angular/material/radio';

import type { ServicePlan } from '@osb/api';
import { CostPipe } from '@app/shared/ui/cost/cost-pipe';
import { PriceBadge } from '@app/shared/ui/price-badge/price-badge';

let nextPickerId = 0;

/**
 * The plans of a service side by side, to compare and pick one: name, price, costs, description
 * and bullets. A radio group underneath, so it works with the keyboard and screen readers.
 */
@Component({
  selector: 'mp-plan-picker',
  imports: [MatIconModule, MatRadioModule, CostPipe, PriceBadge],
  templateUrl: './plan-picker.html',
  styleUrl: './plan-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mp-plan-picker' },
})
export class PlanPicker {
  /** The plans to compare, in the broker's order. */
  readonly plans = input.required<readonly ServicePlan[]>();
  /** The id of the chosen plan, if any. */
  readonly selectedPlanId = input<string | undefined>();
  /** The accessible name of the radio group. */
  readonly label = input.required<string>();
  /** Emits the id of the plan the user picks. */
  readonly planSelected = output<string>();

  /** Prefix of the DOM ids of the plans' details. */
  protected readonly idPrefix = `mp-plan-picker-${nextPickerId++}`;

  /** Picks a plan. */
  protected selectPlan(planId: string): void {
    if (planId !== this.selectedPlanId()) {
      this.planSelected.emit(planId);
    }
  }
}
