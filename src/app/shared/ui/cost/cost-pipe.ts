import { LOCALE_ID, Pipe, PipeTransform, inject } from '@angular/core';

import type { PlanCost } from '@osb/api';
import { formatCost } from './format-cost';

/** Formats a plan's cost component in the app's locale: `{{ cost | mpCost }}` gives `€12.50 per month`. */
@Pipe({ name: 'mpCost' })
export class CostPipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  /** Formats one cost component. */
  transform(cost: PlanCost): string {
    return formatCost(cost, this.locale);
  }
}
