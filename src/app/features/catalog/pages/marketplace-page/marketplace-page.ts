import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';

import { apiErrorMessage } from '@app/core/api/api-error';
import { missingLocalBrokers } from '@app/core/api/broker-health';
import { CurrentUser } from '@app/core/api/current-user';
import { MarketplaceApi } from '@app/core/api/marketplace-api';
import { EmptyState } from '@app/shared/ui/empty-state/empty-state';
import { LoadStatus } from '@app/shared/ui/load-status/load-status';
import { SearchField } from '@app/shared/ui/search-field/search-field';
import {
  CatalogFilter,
  collectTags,
  filterServices,
  isFilterActive,
  searchable,
  servicesByLocality,
} from '../../catalog-filter';
import { BrokerNotice } from '../../components/broker-notice/broker-notice';
import { ServiceGrid } from '../../components/service-grid/service-grid';

/** How long typing must pause before the filter is written to the URL. */
export const URL_WRITE_DELAY_MS = 400;

/**
 * The marketplace of a project: global services, and the local services of one location.
 * Search, tags and location live in the URL (`?search=…&tags=…&location=…`, written once typing
 * pauses), so a filtered view can be shared and survives a reload. Each section draws a page of
 * cards at a time, so thousands of services cost no more than the cards on screen.
 */
@Component({
  selector: 'mp-marketplace-page',
  imports: [
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    BrokerNotice,
    EmptyState,
    LoadStatus,
    SearchField,
    ServiceGrid,
  ],
  templateUrl: './marketplace-page.html',
  styleUrl: './marketplace-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MarketplacePage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly currentUser = inject(CurrentUser);

  /** Route parameter: the project whose marketplace this is. */
  readonly projectId = input.required<string>();
  /** Query parameter: free-text search. */
  readonly search = input<string>();
  /** Query parameter: selected tags (repeated `tags=`). */
  readonly tags = input<string | string[]>();
  /** Query parameter: id of the location whose local services are shown. */
  readonly location = input<string>();

  /** The catalog: services, locations and brokers' health. */
  protected readonly catalog = inject(MarketplaceApi).catalogResource();

  /** Search text as typed; written back to the URL. */
  protected readonly searchText = linkedSignal(() => this.search() ?? '');
  /** Selected tags; written back to the URL. */
  protected readonly selectedTags = linkedSignal<readonly string[]>(() => asArray(this.tags()));
  /** Location the user picked; written back to the URL. */
  protected readonly pickedLocationId = linkedSignal(() => this.location());

  /** The project, for the page's subtitle. */
  protected readonly project = computed(() => this.currentUser.project(this.projectId()));
  /** The catalog's locations. */
  protected readonly locations = computed(() => (this.catalog.hasValue() ? this.catalog.value().locations : []));
  /** The location shown: the picked one, else the first. */
  protected readonly locationId = computed(() => this.pickedLocationId() ?? this.locations()[0]?.id);
  /** Display name of the location shown. */
  protected readonly locationName = computed(
    () => this.locations().find((location) => location.id === this.locationId())?.displayName ?? this.locationId(),
  );
  /** The current filter. */
  protected readonly filter = computed<CatalogFilter>(() => ({ search: this.searchText(), tags: this.selectedTags() }));
  /** Whether search or tags narrow the list. */
  protected readonly filtering = computed(() => isFilterActive(this.filter()));
  /** The unavailable brokers of the chosen location's local services. */
  protected readonly missingLocalBrokers = computed(() =>
    missingLocalBrokers(this.catalog.hasValue() ? this.catalog.value().brokers : [], this.locationId()),
  );
  /** When the stored catalog was fetched, by broker, for the brokers whose services are listed from it. */
  protected readonly staleSince = computed(
    () =>
      new Map(
        (this.catalog.hasValue() ? this.catalog.value().brokers : [])
          .filter((broker) => broker.stale)
          .map((broker) => [broker.id, broker.lastRefreshedAt ?? ''] as const),
      ),
  );
  /** Services offered here: global ones and the chosen location's, unfiltered. */
  private readonly offered = computed(() =>
    servicesByLocality(this.catalog.hasValue() ? this.catalog.value().services : [], this.locationId()),
  );
  /** The offered services prepared for searching, once per catalog and location. */
  private readonly searchable = computed(() => {
    const { global, local } = this.offered();
    return { global: global.map(searchable), local: local.map(searchable) };
  });
  /** Tags to filter by: those of the offered services, plus any selected ones. */
  protected readonly availableTags = computed(() => {
    const { global, local } = this.offered();
    return collectTags([...global.map((s) => s.tags), ...local.map((s) => s.tags), this.selectedTags()]);
  });
  /** Global services that match the filter. */
  protected readonly globalServices = computed(() => filterServices(this.searchable().global, this.filter()));
  /** Local services of the chosen location that match the filter. */
  protected readonly localServices = computed(() => filterServices(this.searchable().local, this.filter()));
  /** Whether nothing at all matches the filter. */
  protected readonly nothingMatches = computed(
    () => this.filtering() && this.globalServices().length === 0 && this.localServices().length === 0,
  );
  /** Title of the empty state when only tags narrow the list. */
  protected readonly noMatchForTags = $localize`:@@noMatchForTags:No services match the selected tags.`;

  /** The catalog's error as a message for the user. */
  protected readonly errorMessage = computed(() => {
    const error = this.catalog.error();
    return error ? apiErrorMessage(error) : null;
  });

  constructor() {
    effect((onCleanup) => {
      const search = this.searchText().trim();
      const tags = this.selectedTags();
      const location = this.pickedLocationId();
      const timer = setTimeout(
        () => untracked(() => this.writeFilterToUrl(search, tags, location)),
        URL_WRITE_DELAY_MS,
      );
      onCleanup(() => clearTimeout(timer));
    });
  }

  /** Title of the empty state for a search without results. */
  protected noMatchForSearch(search: string): string {
    return $localize`:@@noMatchForSearch:No services match “${search}:search:”.`;
  }

  /** Sets the selected tags. */
  protected selectTags(tags: readonly string[]): void {
    this.selectedTags.set(tags);
  }

  /** Shows the local services of another location. */
  protected pickLocation(locationId: string): void {
    this.pickedLocationId.set(locationId);
  }

  /** Removes search and tags. */
  protected clearFilters(): void {
    this.searchText.set('');
    this.selectedTags.set([]);
  }

  /** Loads the catalog again after an error. */
  protected reload(): void {
    this.catalog.reload();
  }

  private writeFilterToUrl(search: string, tags: readonly string[], location: string | undefined): void {
    const unchanged =
      search === (this.search() ?? '').trim() && sameItems(tags, asArray(this.tags())) && location === this.location();
    if (unchanged) {
      return;
    }
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { search: search || null, tags: tags.length > 0 ? tags : null, location: location ?? null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}

function asArray(value: string | string[] | undefined): readonly string[] {
  if (value === undefined || value === '') {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
