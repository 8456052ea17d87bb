import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  computed,
  inject,
  input,
  signal,
  type WritableSignal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { debounceTime, filter, switchMap } from 'rxjs';

import {
  ACTIVITY_KINDS,
  ACTIVITY_OUTCOMES,
  type ActivityKind,
  type ActivityOutcome,
  type ActivityQuery,
} from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import { LiveChanges } from '@app/core/api/live-changes';
import { MarketplaceApi } from '@app/core/api/marketplace-api';
import type { AppIconName } from '@app/shared/ui/icons/app-icons';
import { TimeAgo } from '@app/shared/ui/date-time/time-ago';
import { LoadStatus } from '@app/shared/ui/load-status/load-status';
import { ActivityApi } from '../../activity-api';
import { activityFailure, activityKindLabel, activityOutcomeLabel, activitySentence } from '../../activity-text';
import { reloadAfterChange } from '@app/core/api/reload-after-change';

/** Entries per page of the timeline. */
const ACTIVITY_PER_PAGE = 50;

const KIND_ICONS: Readonly<Record<ActivityKind, AppIconName>> = {
  ordered: 'add',
  changed: 'edit',
  upgraded: 'sync',
  deprovisioned: 'delete',
  bound: 'key',
  unbound: 'key',
  rotated: 'sync',
  expired: 'schedule',
  shared: 'share',
  'share-ended': 'share',
};

/** A filter of the timeline: a select of its options, with "All" (undefined) first. */
interface TimelineFilter<T extends string> {
  /** The select's label. */
  readonly label: string;
  /** The test id of the select. */
  readonly testId: string;
  /** The option picked; undefined: all. */
  readonly value: WritableSignal<T | undefined>;
  readonly options: readonly T[];
  /** An option in words. */
  optionLabel(option: T): string;
}

/**
 * The activity of a project (or of one of its instances) as a timeline, newest first: who did
 * what and when, how it went, and why it failed; filterable by kind and outcome, a page at a
 * time, and read again when the project's instances or bindings change.
 */
@Component({
  selector: 'mp-activity-timeline',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, LoadStatus, TimeAgo],
  templateUrl: './activity-timeline.html',
  styleUrl: './activity-timeline.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityTimeline {
  private readonly catalog = inject(MarketplaceApi).catalogResource();
  private readonly injector = inject(Injector);

  /** The project whose activity is shown. */
  readonly projectId = input.required<string>();
  /** Only this instance's activity, when set. */
  readonly instanceId = input<string>();

  /** The kind and outcome to show; undefined: all. */
  private readonly kind = signal<ActivityKind | undefined>(undefined);
  private readonly outcome = signal<ActivityOutcome | undefined>(undefined);
  /** The first entry of the page shown. */
  protected readonly offset = signal(0);
  /** The filters by kind and by outcome. */
  protected readonly filters: readonly TimelineFilter<string>[] = [
    {
      label: $localize`:@@activityFilterKind:What`,
      testId: 'activity-kind-filter',
      value: this.kind,
      options: ACTIVITY_KINDS,
      optionLabel: activityKindLabel,
    } satisfies TimelineFilter<ActivityKind>,
    {
      label: $localize`:@@activityFilterOutcome:Outcome`,
      testId: 'activity-outcome-filter',
      value: this.outcome,
      options: ACTIVITY_OUTCOMES,
      optionLabel: activityOutcomeLabel,
    } satisfies TimelineFilter<ActivityOutcome>,
  ];
  protected readonly outcomeLabel = activityOutcomeLabel;
  protected readonly perPage = ACTIVITY_PER_PAGE;

  private readonly query = computed<ActivityQuery>(() => ({
    limit: ACTIVITY_PER_PAGE,
    offset: this.offset(),
    instanceId: this.instanceId(),
    kind: this.kind(),
    outcome: this.outcome(),
  }));
  /** The page of entries. */
  protected readonly activity = inject(ActivityApi).activityResource(() => this.projectId(), this.query);
  /** The entries in words. */
  protected readonly entries = computed(() => {
    if (!this.activity.hasValue()) return undefined;
    const catalog = this.catalog.hasValue() ? this.catalog.value() : undefined;
    return this.activity.value().entries.map((entry) => ({
      entry,
      sentence: activitySentence(entry, catalog),
      failure: activityFailure(entry),
      icon: KIND_ICONS[entry.kind],
    }));
  });
  protected readonly total = computed(() => this.activity.value()?.total ?? 0);
  protected readonly filtered = computed(() => this.kind() !== undefined || this.outcome() !== undefined);
  /** Why the activity could not be loaded. */
  protected readonly loadError = computed(() => {
    const error = this.activity.error();
    return error ? apiErrorMessage(error) : undefined;
  });

  constructor() {
    const live = inject(LiveChanges);
    toObservable(this.projectId)
      .pipe(
        switchMap((projectId) => live.changes(projectId)),
        filter((event) => event.type === 'change'),
        debounceTime(300),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => reloadAfterChange(this.activity, this.injector));
  }

  /** Shows only the entries with this option of a filter (undefined: all), from the newest on. */
  protected pickFilter(filter: TimelineFilter<string>, option: string | undefined): void {
    filter.value.set(option);
    this.offset.set(0);
  }

  /** Moves a page towards older (1) or newer (-1) entries. */
  protected page(direction: 1 | -1): void {
    this.offset.update((offset) => Math.max(0, offset + direction * ACTIVITY_PER_PAGE));
  }

  /** Reads the activity again. */
  protected reload(): void {
    this.activity.reload();
  }
}
