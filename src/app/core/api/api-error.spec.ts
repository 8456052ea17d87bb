import { HttpErrorResponse } from '@angular/common/http';

import { apiErrorMessage, isNotFound } from './api-error';

describe('apiErrorMessage', () => {
  it("shows the platform's message", () => {
    const error = new HttpErrorResponse({ status: 502, error: { message: 'Broker demo-global is down' } });
    expect(apiErrorMessage(error)).toBe('Broker demo-global is down');
  });

  it('describes errors without a message', () => {
    expect(apiErrorMessage(new HttpErrorResponse({ status: 0 }))).toContain('could not be reached');
    expect(apiErrorMessage(new HttpErrorResponse({ status: 500, error: 'boom' }))).toContain('HTTP 500');
    expect(apiErrorMessage(new Error('plain'))).toBe('plain');
  });

  it('recognises 404', () => {
    expect(isNotFound(new HttpErrorResponse({ status: 404 }))).toBe(true);
    expect(isNotFound(new HttpErrorResponse({ status: 403 }))).toBe(false);
  });
});
