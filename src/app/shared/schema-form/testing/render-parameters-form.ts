import { TestBed } from '@angular/core/testing';

import { ParametersForm } from '../parameters-form';

/**
 * Draws a parameters form for `schema` and waits until it is stable; with `revealProblems`, every
 * problem is shown, as after an attempt to go on. Returns the form's element.
 */
export async function renderParametersForm(schema: unknown, revealProblems = false): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(ParametersForm);
  fixture.componentRef.setInput('schema', schema);
  fixture.componentRef.setInput('revealProblems', revealProblems);
  fixture.detectChanges();
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}
