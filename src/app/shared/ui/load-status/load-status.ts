import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { EmptyState } from '../empty-state/empty-state';

/**
 * What a page or section shows about loading its content: a progress bar while it loads, and
 * when loading failed, what failed and why, with a button to try again. The content itself
 * stays with the page, which shows it only when there is no error.
 */
@Component({
  selector: 'mp-load-status',
  imports: [MatButtonModule, MatProgressBarModule, EmptyState],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
    }
    @if (error(); as message) {
      <mp-empty-state icon="cloud_off" [title]="errorTitle()" [message]="message" [alert]="true">
        <button mat-stroked-button type="button" (click)="retry.emit()" i18n="@@retry">Try again</button>
      </mp-empty-state>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The bar and the message take the place of the page's content, as if the page held them itself.
  host: { class: 'mp-load-status', style: 'display: contents' },
})
export class LoadStatus {
  /** Whether the content is being loaded. */
  readonly loading = input(false);
  /** What is being loaded, for screen readers ("Loading the catalog"). */
  readonly loadingLabel = input.required<string>();
  /** Why the content could not be loaded; nothing while it could. */
  readonly error = input<string | null | undefined>();
  /** What could not be loaded ("The catalog could not be loaded."). */
  readonly errorTitle = input.required<string>();
  /** The user asks to load the content again. */
  readonly retry = output();
}
