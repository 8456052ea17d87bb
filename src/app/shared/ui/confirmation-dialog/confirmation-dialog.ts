import { ChangeDetectionStrategy, Component, ViewEncapsulation, input } from '@angular/core';
import type { ComponentType } from '@angular/cdk/portal';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogConfig, MatDialogModule } from '@angular/material/dialog';
import { Observable, map } from 'rxjs';

/**
 * The frame of a confirmation before something destructive: the question as the dialog's title,
 * what goes with it as content, then "Cancel" and the confirming button in the error colour.
 * The dialog closes with `true` when confirmed, `false` when cancelled.
 *
 * Its content may use the classes `mp-confirmation-dialog__list` (a list of what is affected, an
 * icon before each item), `__name` and `__meta` (an item's name and the quieter details beside
 * it), `__subtitle` (a heading above a list) and `__error` (why something could not be loaded).
 */
@Component({
  selector: 'mp-confirmation-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>{{ title() }}</h2>
    <mat-dialog-content><ng-content /></mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" i18n="@@cancel">Cancel</button>
      <button
        mat-flat-button
        type="button"
        class="mp-confirmation-dialog__confirm"
        [disabled]="confirmDisabled()"
        [mat-dialog-close]="true"
      >
        {{ confirmLabel() }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    mp-confirmation-dialog {
      display: contents;
    }
    .mp-confirmation-dialog__confirm:not(:disabled) {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
    .mp-confirmation-dialog__subtitle {
      font: var(--mat-sys-title-small);
      margin: 1rem 0 0.5rem;
    }
    .mp-confirmation-dialog__list {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 12rem;
      overflow: auto;
      li {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.25rem 0;
      }
      mat-icon {
        flex: none;
        color: var(--mat-sys-on-surface-variant);
      }
    }
    .mp-confirmation-dialog__name {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .mp-confirmation-dialog__meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .mp-confirmation-dialog__error {
      color: var(--mat-sys-error);
    }
  `,
  // The classes above style the content the dialogs put in it.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmationDialog {
  /** The question ("Delete the binding “orders-app”?"). */
  readonly title = input.required<string>();
  /** The confirming button's text ("Delete binding"). */
  readonly confirmLabel = input.required<string>();
  /** Whether the confirming button is disabled (what is affected is still loading, a name must be typed). */
  readonly confirmDisabled = input(false);
}

/**
 * Opens a confirmation dialog as an alert dialog and emits once whether the user confirmed
 * (closing it any other way counts as no).
 */
export function openConfirmation<Dialog, Data>(
  dialog: MatDialog,
  component: ComponentType<Dialog>,
  config: MatDialogConfig<Data>,
): Observable<boolean> {
  return dialog
    .open<Dialog, Data, boolean>(component, { ...config, role: 'alertdialog' })
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
