import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of, throwError } from 'rxjs';

import { confirmThenAct } from './confirm-then-act';

describe('confirmThenAct', () => {
  /** The steps an action took, in order. */
  function recorder(confirmed: boolean, outcome: () => Observable<string>): string[] {
    const steps: string[] = [];
    confirmThenAct({
      confirm: of(confirmed),
      start: () => steps.push('start'),
      act: () => {
        steps.push('act');
        return outcome();
      },
      settled: () => steps.push('settled'),
      done: (result) => steps.push(`done: ${result}`),
      failed: (message) => steps.push(`failed: ${message}`),
    });
    return steps;
  }

  it('does nothing when the user declines', () => {
    expect(recorder(false, () => of('deleted'))).toEqual([]);
  });

  it('acts once confirmed and reports the answer', () => {
    expect(recorder(true, () => of('deleted'))).toEqual(['start', 'act', 'settled', 'done: deleted']);
  });

  it("reports a failure with the platform's message", () => {
    const refused = new HttpErrorResponse({ status: 422, error: { message: 'The instance has bindings' } });
    expect(recorder(true, () => throwError(() => refused))).toEqual([
      'start',
      'act',
      'settled',
      'failed: The instance has bindings',
    ]);
  });
});
