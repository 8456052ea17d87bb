import { ChangeDetectionStrategy, Component } from '@angular/core';

/**
 * The star after the legend of a required group of fields (a list, a map, a choice of shapes).
 * A control says that it is required through `aria-required`; a group cannot, so the marker also
 * says it in words to screen readers.
 */
@Component({
  selector: 'mp-sf-required-marker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="mp-sf-required" aria-hidden="true"> *</span
    ><span class="mp-visually-hidden" i18n="@@schemaForm.requiredGroup">(required)</span>`,
})
export class RequiredMarker {}
