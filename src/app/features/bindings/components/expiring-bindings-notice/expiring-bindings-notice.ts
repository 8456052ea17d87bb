import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { catchError, of } from 'rxjs';

import type { ExpiringServiceBindings } from '@osb/api';
import { expiresSoon, expiringBindingsNotice, timeLeftText } from '../../binding-expiry';
import { BindingsApi } from '../../bindings-api';

/**
 * A notice for a project's pages: the project's bindings that expire within their warning
 * period, asked of the API in one request, each linked to its place on its instance's page.
 * Shows nothing while none do, or when the bindings cannot be read.
 */
@Component({
  selector: 'mp-expiring-bindings-notice',
  imports: [MatIconModule, RouterLink],
  template: `
    @if (notice(); as text) {
      <div class="mp-expiring-bindings-notice" role="status">
        <mat-icon svgIcon="schedule" aria-hidden="true" />
        <span>{{ text }}</span>
        <ul class="mp-expiring-bindings-notice__list">
          @for (binding of bindings(); track binding.id) {
            <li>
              <a
                [routerLink]="['/projects', projectId(), 'instances', binding.instanceId]"
                [fragment]="'binding-' + binding.id"
                >{{ binding.name }}</a>&ngsp;<span
                i18n="expiring bindings notice|The instance of a binding and its time left@@expiringBindingOn"
                >on {{ binding.instanceName }} ({{ timeLeft(binding.expiresAt) }})</span
              >
            </li>
          }
        </ul>
        <span class="mp-expiring-bindings-notice__hint" i18n="@@expiringBindingsHint"
          >Create new bindings before they expire and switch your applications over.</span
        >
      </div>
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
    .mp-expiring-bindings-notice__hint,
    .mp-expiring-bindings-notice__list {
      flex-basis: 100%;
      margin: 0 0 0 32px;
    }
    .mp-expiring-bindings-notice__list {
      padding-left: 16px;
    }
    .mp-expiring-bindings-notice a {
      color: inherit;
      font-weight: 500;
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
  /** The bindings that expire soon, soonest first. */
  protected readonly bindings = signal<ExpiringServiceBindings>([]);
  /** The notice's text, if any binding expires soon. */
  protected readonly notice = computed(() => expiringBindingsNotice(this.bindings().length));

  /** How much time a binding has left, in words. */
  protected timeLeft(expiresAt: string | undefined): string {
    return expiresAt ? timeLeftText(expiresAt, new Date()) : '';
  }

  constructor() {
    effect((onCleanup) => {
      const { projectId, instanceIds } = this.query();
      if (instanceIds.length === 0) {
        this.bindings.set([]);
        return;
      }
      const subscription = this.api
        .listExpiring(projectId)
        .pipe(catchError(() => of([])))
        .subscribe((bindings) => this.bindings.set(bindings.filter(expiresSoon)));
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
