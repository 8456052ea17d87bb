import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

/**
 * An outlined search field with a search icon that turns into a "Clear search" button once
 * something is typed. The text is a two-way `value` (`[(value)]`), updated on every keystroke.
 */
@Component({
  selector: 'mp-search-field',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline" class="mp-search-field__field" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input matInput type="search" [value]="value()" (input)="value.set($any($event.target).value)" />
      <!-- Suffixes only: an outlined field with a prefix measures it after each render, forcing a layout of the whole page. -->
      @if (value()) {
        <button
          mat-icon-button
          matSuffix
          type="button"
          (click)="value.set('')"
          i18n-aria-label="@@clearSearch"
          aria-label="Clear search"
        >
          <mat-icon svgIcon="close" aria-hidden="true" />
        </button>
      } @else {
        <mat-icon matSuffix class="mp-search-field__icon" svgIcon="search" aria-hidden="true" />
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .mp-search-field__field {
      width: 100%;
    }
    /* Material gives a resting label the whole field; end it (with an ellipsis) before the icon or button. */
    :host ::ng-deep .mdc-notched-outline:not(.mdc-notched-outline--notched) .mdc-notched-outline__notch {
      max-width: calc(100% - 64px);
    }
    .mp-search-field__icon {
      padding: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchField {
  /** The field's label ("Search services"). */
  readonly label = input.required<string>();
  /** The text in the field. */
  readonly value = model('');
}
