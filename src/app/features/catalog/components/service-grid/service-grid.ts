import { ChangeDetectionStrategy, Component, computed, input, linkedSignal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

import type { ServiceSummary } from '@osb/api';
import { ServiceCard } from '@app/shared/ui/service-card/service-card';

/** How many cards a grid shows at first, and how many more each "Show more" adds. */
export const CARDS_PER_PAGE = 48;

/**
 * A grid of service cards that draws a page of them, and another page on each click of its
 * "Show more" button, whose label the content gives (it may read `shown()`); back to one page
 * when the services change (another filter or location).
 */
@Component({
  selector: 'mp-service-grid',
  imports: [MatButtonModule, ServiceCard],
  template: `
    <ul class="mp-service-grid__grid">
      @for (service of shown(); track service.id) {
        <li>
          <mp-service-card
            [service]="service"
            [link]="['services', service.id]"
            [staleSince]="staleSince().get(service.brokerId)"
          />
        </li>
      }
    </ul>
    @if (services().length > shown().length) {
      <button mat-stroked-button type="button" class="mp-service-grid__more" (click)="showMore()">
        <ng-content />
      </button>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .mp-service-grid__grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
      gap: 16px;
      margin: 0;
      padding: 0;
      list-style: none;

      li,
      mp-service-card {
        height: 100%;
      }

      mp-service-card {
        box-sizing: border-box;
      }
    }
    .mp-service-grid__more {
      margin-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceGrid {
  /** The services to list, in order. */
  readonly services = input.required<readonly ServiceSummary[]>();
  /** When the stored catalog was fetched, by broker, for the brokers whose services are listed from it. */
  readonly staleSince = input<ReadonlyMap<string, string>>(new Map());

  /** How many cards are drawn: a page, more on request; one page again when the services change. */
  private readonly limit = linkedSignal({ source: this.services, computation: () => CARDS_PER_PAGE });
  /** The services whose cards are drawn. */
  readonly shown = computed(() => this.services().slice(0, this.limit()));

  /** Draws another page of cards. */
  protected showMore(): void {
    this.limit.update((limit) => limit + CARDS_PER_PAGE);
  }
}
