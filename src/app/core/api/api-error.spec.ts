import { HttpErrorResponse } from '@angular/common/http';

import { clearTranslations, loadTranslations } from '@angular/localize';

import { apiErrorBody } from '@osb/api';
import { apiErrorMessage, isNotFound } from './api-error';
import { operationMessage } from './api-error-messages';

describe('apiErrorMessage', () => {
  it("shows the platform's message", () => {
    const error = new HttpErrorResponse({ status: 502, error: { message: 'Broker demo-global is down' } });
    expect(apiErrorMessage(error)).toBe('Broker demo-global is down');
  });

  it('translates the error from its code and parameters, not from the English message', () => {
    loadTranslations({
      'apiError.instanceNameTaken': 'Das Projekt hat schon eine Instanz namens „{$name}“.',
    });
    try {
      const error = new HttpErrorResponse({
        status: 409,
        error: apiErrorBody('instanceNameTaken', { name: 'orders-db' }),
      });
      expect(apiErrorMessage(error)).toBe('Das Projekt hat schon eine Instanz namens „orders-db“.');
    } finally {
      clearTranslations();
    }
  });

  it("shows a broker's words as the broker's, unchanged", () => {
    const body = apiErrorBody('brokerFailed', {
      reason: 'rejected',
      status: 422,
      brokerMessage: 'Quota <b>exceeded</b>',
    });
    expect(apiErrorMessage(new HttpErrorResponse({ status: 502, error: body }))).toBe(
      'The service broker says: “Quota <b>exceeded</b>”',
    );
    const silent = apiErrorBody('brokerFailed', { reason: 'timeout' });
    expect(apiErrorMessage(new HttpErrorResponse({ status: 502, error: silent }))).toBe(
      'The service broker did not answer in time.',
    );
  });

  it('says how many bindings are still being deleted, in the right plural', () => {
    const one = apiErrorBody('bindingsStillDeleting', { count: 1, then: 'endShare' });
    expect(apiErrorMessage(new HttpErrorResponse({ status: 409, error: one }))).toBe(
      '1 binding of this instance is still being deleted by the service broker. End the share again once they are gone.',
    );
  });

  it('says how many bindings are still being created, and how many others are still being deleted', () => {
    const creating = apiErrorBody('bindingsStillCreating', { count: 2, deleting: 0, then: 'deleteInstance' });
    expect(apiErrorMessage(new HttpErrorResponse({ status: 409, error: creating }))).toBe(
      '2 bindings of this instance are still being created by the service broker. Deprovision the instance again once the service broker has finished them.',
    );
    const both = apiErrorBody('bindingsStillCreating', { count: 1, deleting: 1, then: 'endShare' });
    expect(apiErrorMessage(new HttpErrorResponse({ status: 409, error: both }))).toBe(
      '1 binding of this instance is still being created by the service broker. 1 other binding is still being deleted. End the share again once the service broker has finished them.',
    );
  });

  it('falls back to the English message for a code it does not know', () => {
    const error = new HttpErrorResponse({
      status: 418,
      error: { code: 'teapot', params: {}, message: 'I am a teapot' },
    });
    expect(apiErrorMessage(error)).toBe('I am a teapot');
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

describe('operationMessage', () => {
  it('translates a failure the platform described from its code, not from the stored English text', () => {
    loadTranslations({ 'brokerFailure.pollingDeadline': 'Der Vorgang wurde nicht in der erlaubten Zeit fertig.' });
    try {
      expect(
        operationMessage({
          description: 'The operation did not finish in the time allowed.',
          failure: { reason: 'polling-deadline' },
        }),
      ).toBe('Der Vorgang wurde nicht in der erlaubten Zeit fertig.');
    } finally {
      clearTranslations();
    }
  });

  it("marks the broker's words as the broker's, after a failure and while running", () => {
    expect(
      operationMessage({
        description: 'Out of capacity',
        failure: { reason: 'operation-failed', brokerMessage: 'Out of capacity' },
      }),
    ).toBe('The service broker says: “Out of capacity”');
    expect(operationMessage({ description: 'Copying data (3/5)' })).toBe(
      'The service broker says: “Copying data (3/5)”',
    );
    expect(operationMessage({})).toBeUndefined();
  });
});
