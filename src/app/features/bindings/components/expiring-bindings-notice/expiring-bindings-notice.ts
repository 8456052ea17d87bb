import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { catchError, of } from 'rxjs';

import { expiresSoon, expiringBindingsNotice } from '../../binding-expiry';
import { BindingsApi } from '../../bindings-api';

/**
 * A notice for a project's pages: how many of the project's bindings expire within the warning
 * period, asked of the API in one request. Shows nothing while none do, or when the bindings
 * cannot be read.
 */
@Component({
  selector: 'mp-expiring-bindings-notice',
  imports: [MatIconModule],
  template: `
    @if (notice(); as text) {
      <p class="mp-expiring-bindings-notice" role="status">
        <mat-icon svgIcon="schedule" aria-hidden="true" />
        <span>{{ text }}</span>
        <span class="mp-expiring-bindings-notice__hint" i18n="@@expiringBindingsHint"
          >Create new bindings before they expire and switch your applications over.</span
        >
      </p>
    }
  `,
  styles: `
    .mp-expiring-bindings-notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    .mp-expiring-bindings-notice__hint {
      flex-basis: 100%;
      margin-left: 32px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExpiringBindingsNotice {
  private readonly api = inject(BindingsApi);

  /** The project whose bindings count. */
  readonly projectId = input.required<string>();
  /**
   * Ids of the project's instances whose plan has expiring bindings: the notice asks while
   * there are any, and asks again when they change.
   */
  readonly instanceIds = input.required<readonly string[]>();

  /** When to ask, as one key so that an equal list read again asks nothing new. */
  private readonly query = computed(
    () => ({ projectId: this.projectId(), instanceIds: [...this.instanceIds()].sort() }),
    {
      equal: (a, b) => a.projectId === b.projectId && a.instanceIds.join('\n') === b.instanceIds.join('\n'),
    },
  );
  /** How many bindings expire soon. */
  private readonly count = signal(0);
  /** The notice's text, if any binding expires soon. */
  protected readonly notice = computed(() => expiringBindingsNotice(this.count()));

  constructor() {
    effect((onCleanup) => {
      const { projectId, instanceIds } = this.query();
      if (instanceIds.length === 0) {
        this.count.set(0);
        return;
      }
      const subscription = this.api
        .listExpiring(projectId)
        .pipe(catchError(() => of([])))
        .subscribe((bindings) => this.count.set(bindings.filter(expiresSoon).length));
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
