import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

import type { AppIconName } from '../icons/app-icons';

/**
 * A centred message for a page or section without content (nothing found, failed to load).
 * Actions go in its content.
 */
@Component({
  selector: 'mp-empty-state',
  imports: [MatIconModule],
  template: `
    <mat-icon class="mp-empty-state__icon" [svgIcon]="icon()" aria-hidden="true" />
    <p class="mp-empty-state__title" [attr.role]="alert() ? 'alert' : null">{{ title() }}</p>
    @if (message(); as message) {
      <p class="mp-empty-state__message">{{ message }}</p>
    }
    <div class="mp-empty-state__actions"><ng-content /></div>
  `,
  styleUrl: './empty-state.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mp-empty-state' },
})
export class EmptyState {
  /** Icon shown above the title. */
  readonly icon = input<AppIconName>('search');
  /** The main line. */
  readonly title = input.required<string>();
  /** Optional detail below the title. */
  readonly message = input<string | null | undefined>();
  /** Whether screen readers should announce the title at once (for errors). */
  readonly alert = input(false);
}
