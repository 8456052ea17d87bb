import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { ServiceSummary } from '@osb/api';
import { isPaidService } from '../cost/pricing';
import { DateTimePipe } from '../date-time/date-time-pipe';
import { PriceBadge } from '../price-badge/price-badge';
import { ServiceIcon } from '../service-icon/service-icon';

/** How many tags a card shows before it summarises the rest. */
const VISIBLE_TAGS = 4;

/** A service in the marketplace: icon, name, provider, short description, tags and price badge. */
@Component({
  selector: 'mp-service-card',
  imports: [RouterLink, PriceBadge, ServiceIcon, DateTimePipe],
  templateUrl: './service-card.html',
  styleUrl: './service-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mp-service-card' },
})
export class ServiceCard {
  /** The service to show. */
  readonly service = input.required<ServiceSummary>();
  /** Router link to the service's page; the whole card opens it. */
  readonly link = input.required<string | readonly unknown[]>();
  /** Set when the service comes from a stored catalog because its broker cannot be reached: when that catalog was fetched (ISO). */
  readonly staleSince = input<string>();

  /** Whether any plan of the service costs money. */
  protected readonly paid = computed(() => isPaidService(this.service()));
  /** The first few tags. */
  protected readonly visibleTags = computed(() => this.service().tags.slice(0, VISIBLE_TAGS));
  /** How many tags are not shown. */
  protected readonly hiddenTagCount = computed(() => Math.max(0, this.service().tags.length - VISIBLE_TAGS));
}
