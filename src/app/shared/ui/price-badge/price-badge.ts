import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A small "Free" or "Paid" label for a service or plan. */
@Component({
  selector: 'mp-price-badge',
  template: `
    @if (paid()) {
      <ng-container i18n="price badge|The service or plan costs money@@priceBadgePaid">Paid</ng-container>
    } @else {
      <ng-container i18n="price badge|The service or plan costs nothing@@priceBadgeFree">Free</ng-container>
    }
  `,
  styleUrl: './price-badge.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'mp-price-badge',
    '[class.mp-price-badge--paid]': 'paid()',
  },
})
export class PriceBadge {
  /** Whether to show "Paid" instead of "Free". */
  readonly paid = input.required<boolean>();
}
