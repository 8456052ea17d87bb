import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A field's plain-language messages, one a line: the content of a widget's `mat-error` or
 * `.mp-sf-error`, so that every widget words and lays out its problems alike.
 */
@Component({
  selector: 'mp-sf-field-messages',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (message of messages(); track message) {
      <span class="mp-sf-message">{{ message }}</span>
    }
  `,
})
export class FieldMessages {
  /** The messages, in the user's language. */
  readonly messages = input.required<readonly string[]>();
}
