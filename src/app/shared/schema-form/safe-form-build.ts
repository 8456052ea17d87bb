import { Directive, inject, output, type SimpleChanges } from '@angular/core';
import { FormComponent } from 'ngx-schema-form';

/**
 * Catches what ngx-schema-form throws while it builds a form from its schema (one the normaliser
 * lets through but the library cannot draw), so that the page can report it instead of breaking:
 * the form then draws nothing and {@link buildFailed} emits the error's message. This spares a
 * second build of every form off-screen just to find out whether the library throws.
 */
@Directive({ selector: 'sf-form[mpSafeBuild]' })
export class SafeFormBuild {
  /** Emits the message of the error the library threw while building the form. */
  readonly buildFailed = output<string>();

  constructor() {
    const form = inject(FormComponent);
    const build = form.ngOnChanges.bind(form);
    // Angular calls the hook through the instance, so the build it starts runs in this guard.
    form.ngOnChanges = (changes: SimpleChanges) => {
      try {
        build(changes);
      } catch (error) {
        form.rootProperty = null as unknown as FormComponent['rootProperty'];
        this.buildFailed.emit(error instanceof Error ? error.message : String(error));
      }
    };
  }
}
