import { TestBed } from '@angular/core/testing';

import { provideAppIcons } from '../../ui/icons/app-icons';
import { renderParametersForm } from '../testing/render-parameters-form';

describe('DateTimeWidget', () => {
  const schema = {
    type: 'object',
    required: ['backupAt', 'window'],
    properties: {
      backupAt: {
        type: 'string',
        format: 'time',
        title: 'Backup at',
        description: 'Local time of the daily backup.',
        examples: ['02:00:00'],
      },
      window: {
        type: 'string',
        format: 'date-time',
        title: 'Maintenance window',
        description: 'When the broker may restart the instance.',
        examples: ['2026-12-01T02:00:00Z'],
      },
    },
  };

  beforeEach(() => TestBed.configureTestingModule({ providers: [provideAppIcons()] }));

  /** Draws the form with every problem revealed, as after an attempt to go on. */
  const render = () => renderParametersForm(schema, true);

  /** The texts of the elements an input names in `aria-describedby`. */
  function description(element: HTMLElement, input: HTMLInputElement): string[] {
    return (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => element.querySelector(`[id="${id}"]`)?.textContent?.trim() ?? '');
  }

  it('gives a time of its own the label, placeholder, description and messages a date gets', async () => {
    const element = await render();
    const widget = element.querySelector<HTMLElement>('mp-sf-date-time-widget[data-mp-pointer="/backupAt"]')!;
    const input = widget.querySelector<HTMLInputElement>('input')!;
    expect(widget.querySelector('mat-label')?.textContent).toContain('Backup at');
    expect(widget.querySelector('.mp-sf-required')).not.toBeNull();
    expect(input.placeholder).toBe('02:00:00');
    expect(widget.querySelector('.mat-mdc-form-field-icon-suffix mat-timepicker-toggle')).not.toBeNull();
    expect(widget.querySelectorAll('mat-hint, mat-error')).toHaveLength(1);
    expect(description(element, input).join(' ')).toMatch(/required|fill/i);
  });

  it('says the description and messages of a date and time once, at the date', async () => {
    const element = await render();
    const widget = element.querySelector<HTMLElement>('mp-sf-date-time-widget[data-mp-pointer="/window"]')!;
    const [date, time] = [...widget.querySelectorAll<HTMLInputElement>('input')];
    expect(
      [...widget.querySelectorAll('mat-label')].map((label) => label.textContent?.replace(/\s+/g, ' ').trim()),
    ).toEqual(['Maintenance window *', 'Time']);
    expect(date.placeholder).toBe('2026-12-01T02:00:00Z');
    expect(widget.querySelectorAll('.mat-mdc-form-field-icon-suffix mat-datepicker-toggle')).toHaveLength(1);
    expect(widget.querySelectorAll('.mat-mdc-form-field-icon-suffix mat-timepicker-toggle')).toHaveLength(1);
    expect(widget.querySelectorAll('mat-error')).toHaveLength(1);
    expect(description(element, date)).toHaveLength(1);
    expect(time.getAttribute('aria-describedby') ?? '').toBe('');
  });
});
