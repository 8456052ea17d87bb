import { Directive, ElementRef, afterNextRender, inject } from '@angular/core';

/**
 * Moves the keyboard focus to its element as soon as it is shown, for a message the user has to
 * read before going on, such as why an order was refused; shown again (after another refusal), it
 * takes the focus again. The element can then be focused by script only (`tabindex="-1"`). Pair it
 * with `role="alert"`, so that screen readers announce the message too.
 */
@Directive({ selector: '[mpFocusOnShow]', host: { tabindex: '-1' } })
export class FocusOnShow {
  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => element.focus());
  }
}
