import { TestBed } from '@angular/core/testing';

import { provideAppIcons } from '../../ui/icons/app-icons';
import { renderParametersForm } from '../testing/render-parameters-form';

/** Forms draw slowly on a busy machine. */
const FORM_TESTS = { timeout: 30_000 };

describe('Required fields', FORM_TESTS, () => {
  const schema = {
    type: 'object',
    required: ['name', 'size', 'notes', 'tier', 'region', 'startsOn', 'window', 'extra', 'tags', 'hosts'],
    properties: {
      name: { type: 'string', title: 'Name' },
      alias: { type: 'string', title: 'Alias' },
      size: { type: 'integer', title: 'Size' },
      notes: { type: 'string', title: 'Notes', widget: 'textarea' },
      tier: { type: 'string', title: 'Tier', enum: ['small', 'large'] },
      flavour: { type: 'string', title: 'Flavour', enum: ['plain', 'fancy'] },
      region: { type: 'string', title: 'Region', enum: ['eu', 'us'], widget: 'radio' },
      startsOn: { type: 'string', format: 'date', title: 'Starts on' },
      endsOn: { type: 'string', format: 'date', title: 'Ends on' },
      window: { type: 'string', format: 'date-time', title: 'Maintenance window' },
      extra: { type: 'object', title: 'Extra' },
      tags: { type: 'object', title: 'Tags', additionalProperties: { type: 'string' } },
      hosts: { type: 'array', title: 'Hosts', items: { type: 'string' } },
      labels: { type: 'object', title: 'Labels', additionalProperties: { type: 'string' } },
    },
  };

  beforeEach(() => TestBed.configureTestingModule({ providers: [provideAppIcons()] }));

  /** Draws the form, with every problem revealed when asked, as after an attempt to go on. */
  const render = (revealProblems = false) => renderParametersForm(schema, revealProblems);

  /** The widget drawn for a parameter. */
  function widget(element: HTMLElement, pointer: string): HTMLElement {
    return element.querySelector<HTMLElement>(`[data-mp-pointer="${pointer}"]`)!;
  }

  /** What assistive technology hears of a field's `aria-required`, per input of the field. */
  function ariaRequired(element: HTMLElement, pointer: string): (string | null)[] {
    return [...widget(element, pointer).querySelectorAll('input, textarea, mat-select')].map((control) =>
      control.getAttribute('aria-required'),
    );
  }

  it('announces required text, number, multi-line, drop-down, JSON and date fields as required', async () => {
    const element = await render();
    for (const pointer of ['/name', '/size', '/notes', '/tier', '/startsOn', '/extra']) {
      expect({ pointer, ariaRequired: ariaRequired(element, pointer) }).toEqual({ pointer, ariaRequired: ['true'] });
    }
    expect(ariaRequired(element, '/window')).toEqual(['true', 'true']);
    expect(widget(element, '/region').querySelector('[role="radiogroup"]')?.getAttribute('aria-required')).toBe('true');
  });

  it('does not announce optional fields as required', async () => {
    const element = await render();
    for (const pointer of ['/alias', '/flavour', '/endsOn']) {
      expect(ariaRequired(element, pointer)).not.toContain('true');
    }
  });

  it('says in words to screen readers that a required group of fields is required', async () => {
    const element = await render();
    const legend = (pointer: string) =>
      widget(element, pointer).querySelector('legend')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(legend('/tags')).toBe('Tags *(required)');
    expect(legend('/hosts')).toBe('Hosts *(required)');
    expect(legend('/labels')).toBe('Labels');
    expect(widget(element, '/tags').querySelector('legend .mp-sf-required')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('marks a required label once, with the form’s own marker', async () => {
    const element = await render();
    for (const pointer of ['/name', '/tier', '/startsOn', '/extra']) {
      const field = widget(element, pointer);
      expect(field.querySelectorAll('.mp-sf-required')).toHaveLength(1);
      expect(field.querySelector('.mat-mdc-form-field-required-marker')).toBeNull();
    }
    expect(widget(element, '/alias').querySelector('.mp-sf-required')).toBeNull();
  });

  it('says once that a required field left empty needs a value, in the form’s own words', async () => {
    const element = await render(true);
    for (const pointer of ['/name', '/tier', '/startsOn']) {
      const messages = [...widget(element, pointer).querySelectorAll('mat-error .mp-sf-message')].map((message) =>
        message.textContent?.trim(),
      );
      expect(messages).toHaveLength(1);
      expect(widget(element, pointer).querySelectorAll('mat-error')).toHaveLength(1);
      expect(messages[0]).toMatch(/required|fill/i);
    }
    const name = widget(element, '/name').querySelector('input')!;
    expect([name.getAttribute('aria-required'), name.getAttribute('aria-invalid')]).toEqual(['true', 'true']);
  });
});
