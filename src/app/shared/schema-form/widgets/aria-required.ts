import { Directive, input } from '@angular/core';

/**
 * Tells assistive technology whether a field is required, on a Material control (`matInput`,
 * `mat-select`) whose own `aria-required` follows its `required` input. That input stays unset:
 * it would add Angular's required check and the browser's beside the form's own messages, and
 * make Material drop `aria-invalid` from a required field left empty. List this directive after
 * the Material modules in a component's imports, so that its binding is applied after theirs.
 */
@Directive({
  selector: '[mpSfAriaRequired]',
  host: { '[attr.aria-required]': 'required()' },
})
export class AriaRequired {
  /** Whether the field is required. */
  readonly required = input.required<boolean>({ alias: 'mpSfAriaRequired' });
}
