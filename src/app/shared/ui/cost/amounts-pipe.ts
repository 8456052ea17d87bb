import { LOCALE_ID, Pipe, PipeTransform, inject } from '@angular/core';

import { formatAmounts } from './format-cost';

/** Formats amounts by currency in the app's locale, euro first: `{{ {eur: 12.5} | mpAmounts }}` gives `12,50 €` in German. */
@Pipe({ name: 'mpAmounts' })
export class AmountsPipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  /** Formats the amounts; empty for none. */
  transform(amounts: Readonly<Record<string, number>>): string {
    return formatAmounts(amounts, this.locale);
  }
}
