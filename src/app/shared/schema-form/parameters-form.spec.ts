import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelect } from '@angular/material/select';
import { MatSelectHarness } from '@angular/material/select/testing';
import { By } from '@angular/platform-browser';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { FormComponent } from 'ngx-schema-form';
import { isJsonObject, stripUiKeywords } from '@osb/json-schema';
import { provideAppIcons } from '../ui/icons/app-icons';
import { ParametersForm, type Parameters } from './parameters-form';
import { MESHCLOUD_EXAMPLE_SCHEMA, SCHEMA_FIXTURES } from '@testing/schema-fixtures';
import { FakeIntersectionObserver } from './testing/fake-intersection-observer';
import { ParametersFormHarness } from './testing/parameters-form-harness';

beforeEach(() => TestBed.configureTestingModule({ providers: [provideAppIcons()] }));

/** Rendering Material forms in jsdom is slow on a busy machine; the first test also warms up. */
const FORM_TESTS = { timeout: 30_000 };

interface Rendered {
  fixture: ComponentFixture<ParametersForm>;
  loader: HarnessLoader;
  element: HTMLElement;
  values: Parameters[];
  validity: boolean[];
}

async function renderForm(schema: unknown, mode: 'create' | 'update' | 'bind' = 'create'): Promise<Rendered> {
  const fixture = TestBed.createComponent(ParametersForm);
  const values: Parameters[] = [];
  const validity: boolean[] = [];
  fixture.componentInstance.valueChange.subscribe((value) => values.push(value));
  fixture.componentInstance.validChange.subscribe((valid) => validity.push(valid));
  fixture.componentRef.setInput('schema', schema);
  fixture.componentRef.setInput('mode', mode);
  fixture.detectChanges();
  await fixture.whenStable();
  return {
    fixture,
    loader: TestbedHarnessEnvironment.loader(fixture),
    element: fixture.nativeElement,
    values,
    validity,
  };
}

function labels(element: HTMLElement): string[] {
  return [...element.querySelectorAll('mat-label, legend')].map((label) => label.textContent!.replace('*', '').trim());
}

async function field(loader: HarnessLoader, label: string): Promise<MatFormFieldHarness> {
  return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: new RegExp(`^${label}`) }));
}

/** Validates parameters against a fixture with Ajv for the fixture's own draft (04, else 07). */
function validateWithAjv(schema: unknown, value: unknown): { valid: boolean; errors: unknown } {
  const draft04 = isJsonObject(schema) && String(schema['$schema'] ?? '').includes('draft-04');
  const ajv = draft04
    ? new AjvDraft04({ strict: false, allErrors: true })
    : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv as Ajv);
  const valid = ajv.validate(stripUiKeywords(schema as object), value) as boolean;
  return { valid, errors: ajv.errors };
}

async function setText(loader: HarnessLoader, label: string, text: string): Promise<void> {
  await (await (await field(loader, label)).getControl(MatInputHarness))!.setValue(text);
}

async function choose(loader: HarnessLoader, label: string, option: string): Promise<void> {
  const select = (await (await field(loader, label)).getControl(MatSelectHarness))!;
  await select.open();
  await select.clickOptions({ text: option });
}

/** The defaults of the top-level fields, as the form should prefill them. */
function topLevelDefaults(schema: unknown): Parameters {
  const properties = isJsonObject(schema) && isJsonObject(schema['properties']) ? schema['properties'] : {};
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([, child]) => isJsonObject(child) && 'default' in child)
      .map(([name, child]) => [name, (child as Parameters)['default']]),
  );
}

describe('ParametersForm with the meshMarketplace example schema', FORM_TESTS, () => {
  it('renders the fields in schema order and shows the registration number only for External', async () => {
    const { loader, element } = await renderForm(MESHCLOUD_EXAMPLE_SCHEMA);
    expect(labels(element)).toEqual(['Security Contact', 'Service Type']);

    const serviceType = await loader.getHarness(MatSelectHarness);
    await serviceType.open();
    expect((await serviceType.getOptions()).length).toBe(3);
    await serviceType.clickOptions({ text: 'External' });

    expect(labels(element)).toEqual(['Security Contact', 'Service Type', 'External Registration Number']);
    await serviceType.open();
    await serviceType.clickOptions({ text: 'Internal' });
    expect(labels(element)).toEqual(['Security Contact', 'Service Type']);
  });

  it('explains a pattern mismatch and accepts five digits, producing the parameters', async () => {
    const { loader, element, values, validity } = await renderForm(MESHCLOUD_EXAMPLE_SCHEMA);
    const serviceType = await loader.getHarness(MatSelectHarness);
    await serviceType.open();
    await serviceType.clickOptions({ text: 'External' });

    const number = await field(loader, 'External Registration Number');
    const input = (await number.getControl(MatInputHarness))!;
    await input.setValue('12a');
    await input.blur();
    const [error] = await number.getTextErrors();
    expect(error).toContain('The value does not have the expected form: ');
    expect(error).not.toContain('^[0-9]{5}$');
    expect(error).toContain('The number should be exactly 5 digits.');
    expect(validity.at(-1)).toBe(false);
    const inputElement = element.querySelector<HTMLInputElement>('input[id$="externalRegistrationNumber"]')!;
    expect(inputElement.getAttribute('aria-invalid')).toBe('true');
    const describedBy = inputElement.getAttribute('aria-describedby')!.split(' ');
    const errorElement = element.querySelector('mat-error')!;
    expect(describedBy).toContain(errorElement.id);

    await input.setValue('12345');
    expect(await number.hasErrors()).toBe(false);
    expect(validity.at(-1)).toBe(true);
    expect(values.at(-1)).toEqual({
      securityContact: 'person@example-company.com',
      serviceType: 'ext',
      externalRegistrationNumber: '12345',
    });
  });

  it("checks a broker's catastrophic pattern as the person types, in milliseconds, and says so at the field", async () => {
    // A backtracking engine needs about 2^30 steps for this pattern and text: the tab would freeze.
    const { loader, validity } = await renderForm({
      type: 'object',
      properties: { name: { type: 'string', title: 'Name', pattern: '^(a+)+$' } },
    });
    const name = await field(loader, 'Name');
    const input = (await name.getControl(MatInputHarness))!;
    const started = performance.now();
    await input.setValue(`${'a'.repeat(30)}!`);
    await input.blur();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await name.getTextErrors())[0]).toContain('The value does not have the expected form');
    expect(validity.at(-1)).toBe(false);
  });

  it('creates only the chosen choice of a drop-down list until the list is used, by pointer or keyboard', async () => {
    const { fixture, loader, values } = await renderForm({
      type: 'object',
      properties: {
        size: { type: 'string', title: 'Size', enum: ['small', 'medium', 'large'], default: 'medium' },
        tier: { type: 'string', title: 'Tier', enum: ['bronze', 'silver'] },
      },
    });
    const created = () =>
      fixture.debugElement
        .queryAll(By.directive(MatSelect))
        .map((select) => select.injector.get(MatSelect).options.map((option) => option.viewValue));
    expect(created()).toEqual([['medium'], ['(none)']]);

    const size = (await (await field(loader, 'Size')).getControl(MatSelectHarness))!;
    expect(await size.getValueText()).toBe('medium');
    await size.open();
    expect(await Promise.all((await size.getOptions()).map((option) => option.getText()))).toEqual([
      '(none)',
      'small',
      'medium',
      'large',
    ]);
    await size.clickOptions({ text: 'large' });

    const tier = fixture.debugElement.queryAll(By.directive(MatSelect))[1]!.nativeElement as HTMLElement;
    tier.focus();
    tier.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', keyCode: 40, bubbles: true }));
    await fixture.whenStable();
    expect(created()[1]).toEqual(['(none)', 'bronze', 'silver']);
    expect(values.at(-1)).toEqual({ size: 'large', tier: 'bronze' });
  });

  it('checks a new form once it is drawn: not valid before, and a value typed meanwhile is the one checked', async () => {
    const fixture = TestBed.createComponent(ParametersForm);
    const validity: boolean[] = [];
    fixture.componentInstance.validChange.subscribe((valid) => validity.push(valid));
    fixture.componentRef.setInput('schema', {
      type: 'object',
      properties: { name: { type: 'string', title: 'Name', minLength: 3, default: 'abc' } },
    });
    fixture.detectChanges();
    expect(validity).toEqual([false]);

    const input = fixture.nativeElement.querySelector('input') as HTMLInputElement;
    input.value = 'ab';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(validity.at(-1)).toBe(false);
    input.value = 'abcd';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(validity.at(-1)).toBe(true);
  });

  it('leaves a hidden field out of the parameters', async () => {
    const { loader, values } = await renderForm(MESHCLOUD_EXAMPLE_SCHEMA);
    const serviceType = await loader.getHarness(MatSelectHarness);
    await serviceType.open();
    await serviceType.clickOptions({ text: 'External' });
    await (await (await field(loader, 'External Registration Number')).getControl(MatInputHarness))!.setValue('12345');
    await serviceType.open();
    await serviceType.clickOptions({ text: 'Internal' });
    expect(values.at(-1)).toEqual({ securityContact: 'person@example-company.com', serviceType: 'int' });
  });

  it('releases its subscriptions when visibleIf hides a field', async () => {
    const { loader, fixture } = await renderForm(MESHCLOUD_EXAMPLE_SCHEMA);
    const form: FormComponent = fixture.debugElement.query(By.directive(FormComponent)).componentInstance;
    const registration = form.rootProperty.searchProperty('/externalRegistrationNumber')!;
    const serviceType = await loader.getHarness(MatSelectHarness);
    const subscribersWhenShown: number[] = [];
    for (let round = 0; round < 3; round++) {
      await serviceType.open();
      await serviceType.clickOptions({ text: 'External' });
      subscribersWhenShown.push(registration.valueChanges.observers.length);
      await serviceType.open();
      await serviceType.clickOptions({ text: 'Internal' });
    }
    expect(new Set(subscribersWhenShown).size).toBe(1);
  });

  it('switches to JSON and back, carrying the parameters both ways', async () => {
    const { loader, element, values, validity } = await renderForm(MESHCLOUD_EXAMPLE_SCHEMA);
    const toggle = await loader.getHarness(MatButtonToggleHarness.with({ text: 'JSON' }));
    await toggle.check();
    const json = await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }));
    expect(JSON.parse(await json.getValue())).toEqual({ securityContact: 'person@example-company.com' });

    await json.setValue('{"securityContact": ');
    expect(element.textContent).toContain('This is not valid JSON');
    expect(validity.at(-1)).toBe(false);
    expect(await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Form' }))).isDisabled()).toBe(true);

    await json.setValue(
      '{"securityContact": "sec@example.com", "serviceType": "ext", "externalRegistrationNumber": "54321"}',
    );
    expect(validity.at(-1)).toBe(true);
    await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Form' }))).check();
    expect(labels(element)).toEqual(['Security Contact', 'Service Type', 'External Registration Number']);
    expect(
      await (await (await field(loader, 'External Registration Number')).getControl(MatInputHarness))!.getValue(),
    ).toBe('54321');
    expect(values.at(-1)).toEqual({
      securityContact: 'sec@example.com',
      serviceType: 'ext',
      externalRegistrationNumber: '54321',
    });
  });
});

describe('ParametersForm with the real-world schemas in fixtures/schemas', FORM_TESTS, () => {
  /** What each fixture needs filled in before its parameters are valid (its required fields without defaults). */
  const REQUIRED_INPUT: Record<string, (loader: HarnessLoader) => Promise<void>> = {
    'gcp-cloud-storage-binding-create.json': async (loader) => {
      const role = (await (await field(loader, 'Role')).getControl(MatSelectHarness))!;
      await role.open();
      await role.clickOptions({ text: 'storage.objectViewer' });
    },
    'osba-postgresql-10-general-purpose-instance-create.json': fillAzureLocation,
    'marketplace-backup-target-root-oneof-instance-create.json': async (loader) => {
      await setText(loader, 'Bucket', 'team-backups');
      await choose(loader, 'Region', 'eu-central-1');
    },
    'marketplace-dns-records-array-anyof-instance-create.json': (loader) => setText(loader, 'Zone', 'example.org'),
    'marketplace-database-user-secret-instance-create.json': (loader) =>
      setText(loader, 'Administrator password', 'correct-horse-battery'),
    'marketplace-maintenance-window-date-time-instance-create.json': (loader) =>
      setText(loader, 'First maintenance', '2026-12-01'),
    'osba-storage-blob-all-in-one-instance-create.json': fillAzureLocation,
  };

  async function fillAzureLocation(loader: HarnessLoader): Promise<void> {
    const location = (await (await field(loader, 'Location')).getControl(MatSelectHarness))!;
    await location.open();
    await location.clickOptions({ text: 'West Europe' });
    await (await (await field(loader, 'Resource group')).getControl(MatInputHarness))!.setValue('demo-resources');
  }

  for (const { file, schema } of SCHEMA_FIXTURES) {
    it(`renders ${file}, prefills its defaults and produces parameters that validate`, async () => {
      const { loader, element, values, validity } = await renderForm(schema);
      expect(element.textContent).not.toContain('cannot be shown as a form');
      expect(element.querySelector('sf-form')).not.toBeNull();
      expect(values.at(-1)).toEqual(expect.objectContaining(topLevelDefaults(schema)));

      await REQUIRED_INPUT[file]?.(loader);
      const { valid, errors } = validateWithAjv(schema, values.at(-1));
      expect(valid, `${file}: ${JSON.stringify(errors)}`).toBe(true);
      expect(validity.at(-1)).toBe(true);
    });
  }

  it('lists the problems with field titles when asked to reveal them', async () => {
    const postgres = SCHEMA_FIXTURES.find((fixture) =>
      fixture.file.includes('postgresql-10-general-purpose-instance-create'),
    )!;
    const { element, fixture } = await renderForm(postgres.schema);
    expect(element.textContent).not.toContain('Please check these fields');
    fixture.componentRef.setInput('revealProblems', true);
    fixture.detectChanges();
    const list = [...element.querySelectorAll('.mp-pf__problems li')].map((item) => item.textContent!.trim());
    expect(list).toEqual(['Location: This field is required.', 'Resource group: This field is required.']);
  });

  it('restarts from a new value given later, but not from its own output', async () => {
    const { fixture, loader, values } = await renderForm(MESHCLOUD_EXAMPLE_SCHEMA);
    fixture.componentRef.setInput('value', values.at(-1));
    fixture.detectChanges();
    await fixture.whenStable();
    const emitted = values.length;
    fixture.componentRef.setInput('value', { securityContact: 'ops@example.com' });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(values.length).toBeGreaterThan(emitted);
    const contact = (await (await field(loader, 'Security Contact')).getControl(MatInputHarness))!;
    expect(await contact.getValue()).toBe('ops@example.com');
  });

  it('reports the value of a new form once, without an empty value before it', async () => {
    const { values, validity } = await renderForm({
      type: 'object',
      properties: { size: { type: 'integer', default: 10 }, name: { type: 'string' } },
      required: ['name'],
    });
    expect(values).toEqual([{ size: 10 }]);
    expect(validity.at(-1)).toBe(false);
  });

  it('omits an untouched optional object whose field is required', async () => {
    const { values } = await renderForm(
      SCHEMA_FIXTURES.find((fixture) => fixture.file.includes('optional-object'))!.schema,
    );
    expect(values.at(-1)).toEqual({});
  });

  it('edits a string map as key/value rows', async () => {
    const { element, values, fixture } = await renderForm(
      SCHEMA_FIXTURES.find((fixture) => fixture.file.includes('storage-blob'))!.schema,
    );
    const add = [...element.querySelectorAll('button')].find((button) => button.textContent!.includes('Add entry'))!;
    add.click();
    fixture.detectChanges();
    const [key, value] = [...element.querySelectorAll<HTMLInputElement>('input[id*="tags-"]')];
    key.value = 'team';
    key.dispatchEvent(new Event('input'));
    value.value = 'payments';
    value.dispatchEvent(new Event('input'));
    expect(values.at(-1)).toMatchObject({ tags: { team: 'payments' } });
  });

  it('shows defaults only as placeholders in update mode', async () => {
    const update = SCHEMA_FIXTURES.find((fixture) =>
      fixture.file.includes('postgresql-10-general-purpose-instance-update'),
    )!;
    const { values, loader } = await renderForm(update.schema, 'update');
    expect(values.at(-1)).toEqual({});
    const storage = (await (await field(loader, 'Storage')).getControl(MatInputHarness))!;
    expect(await storage.getPlaceholder()).toBe('10');
  });
});

describe('ParametersFormHarness', FORM_TESTS, () => {
  it('reads labels, switches editors and edits JSON', async () => {
    const { fixture, values } = await renderForm(MESHCLOUD_EXAMPLE_SCHEMA);
    const harness = await TestbedHarnessEnvironment.harnessForFixture(fixture, ParametersFormHarness);
    expect(await harness.getFieldLabels()).toEqual(['Security Contact', 'Service Type']);
    expect(await harness.isJsonEditorShown()).toBe(false);
    await harness.showEditor('JSON');
    expect(JSON.parse(await harness.getJson())).toEqual({ securityContact: 'person@example-company.com' });
    await harness.setJson('{"extra": 1}');
    await harness.showEditor('Form');
    expect(await harness.getNotice()).toContain('The form has no fields for extra');
    expect(values.at(-1)).toEqual({ securityContact: 'person@example-company.com' });
  });
});

describe('ParametersForm fallbacks', FORM_TESTS, () => {
  it('explains a schema it cannot render and offers the JSON editor', async () => {
    const { element, loader, values, validity } = await renderForm({
      properties: { a: { $ref: 'https://example.com/a.json' } },
    });
    expect(element.textContent).toContain(
      "This plan's parameter schema cannot be shown as a form: it refers to the external schema https://example.com/a.json, which is not fetched. Enter the parameters as JSON.",
    );
    const json = await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }));
    await json.setValue('{"a": 1}');
    expect(values.at(-1)).toEqual({ a: 1 });
    expect(validity.at(-1)).toBe(true);
    expect(await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Form' }))).isDisabled()).toBe(true);
  });

  it('explains a schema that ngx-schema-form throws on and offers the JSON editor instead of a broken form', async () => {
    const { element, loader, values, validity } = await renderForm({
      type: 'object',
      properties: {
        size: { type: 'integer', default: 3 },
        name: { type: 'string', visibleIf: { oneOf: [null] } },
      },
    });
    expect(element.textContent).toContain(
      "This plan's parameter schema cannot be shown as a form: the form library cannot draw it. Enter the parameters as JSON.",
    );
    expect(element.querySelector('sf-form')).toBeNull();
    expect(values.at(-1)).toEqual({});
    const json = await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }));
    await json.setValue('{"name": "a"}');
    expect(values.at(-1)).toEqual({ name: 'a' });
    expect(validity.at(-1)).toBe(true);
    expect(await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Form' }))).isDisabled()).toBe(true);
  });

  it('explains a field name that ngx-schema-form cannot address', async () => {
    const { element } = await renderForm({
      type: 'object',
      properties: { 'app.kubernetes.io/name': { type: 'string' } },
    });
    expect(element.textContent).toContain(
      'cannot be shown as a form: the field name “app.kubernetes.io/name” contains a slash.',
    );
    expect(element.querySelector('textarea')).not.toBeNull();
  });

  it('offers an optional JSON editor when the plan has no schema; empty means no parameters', async () => {
    const { element, loader, values, validity } = await renderForm(undefined);
    expect(element.textContent).toContain('This plan does not describe its parameters');
    expect(values.at(-1)).toEqual({});
    expect(validity.at(-1)).toBe(true);
    const json = await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }));
    await json.setValue('[1]');
    expect(element.textContent).toContain('Parameters must be a JSON object');
    expect(validity.at(-1)).toBe(false);
  });
});

@Component({
  imports: [ParametersForm],
  template: `<mp-parameters-form [schema]="schema()" /><mp-parameters-form [schema]="schema()" />`,
})
class TwoForms {
  readonly schema = signal<unknown>(
    SCHEMA_FIXTURES.find((fixture) => fixture.file.includes('postgresql-10-general-purpose-instance-create'))!.schema,
  );
}

describe('ParametersForm ids', FORM_TESTS, () => {
  it('keeps ids unique when two forms share a page', async () => {
    const fixture = TestBed.createComponent(TwoForms);
    fixture.detectChanges();
    await fixture.whenStable();
    // ngx-schema-form writes id="" on its <form> element; an empty id names nothing.
    const ids = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[id]')]
      .map((element) => element.id)
      .filter(Boolean);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});

describe('ParametersForm with choices between shapes, conditions, dates and secrets', FORM_TESTS, () => {
  function fixtureSchema(name: string): unknown {
    return SCHEMA_FIXTURES.find((fixture) => fixture.file === name)!.schema;
  }

  it('offers the root oneOf as a variant picker, keeps the common field and submits the chosen shape', async () => {
    const schema = fixtureSchema('marketplace-backup-target-root-oneof-instance-create.json');
    const { loader, element, values, validity } = await renderForm(schema);
    const picker = (await (await field(loader, 'Backup target')).getControl(MatSelectHarness))!;
    await picker.open();
    expect(await Promise.all((await picker.getOptions()).map((option) => option.getText()))).toEqual([
      'Amazon S3 bucket',
      'Target: azure-blob',
    ]);
    await picker.close();
    expect(labels(element)).toEqual(['Backup target', 'Retention (days)', 'Bucket', 'Region']);
    // The chosen shape's discriminator is sent, not shown, and takes no room.
    const discriminator = element.querySelector('mp-sf-hidden-widget')!.closest<HTMLElement>('.mp-sf-element')!;
    expect(getComputedStyle(discriminator).display).toBe('none');

    await setText(loader, 'Retention', '14');
    await choose(loader, 'Backup target', 'Target: azure-blob');
    expect(labels(element)).toEqual(['Backup target', 'Retention (days)', 'Storage account', 'Container']);
    expect(values.at(-1)).toEqual({ retentionDays: 14, target: 'azure-blob' });
    expect(validity.at(-1)).toBe(false);

    await setText(loader, 'Storage account', 'teambackups');
    await setText(loader, 'Container', 'nightly');
    expect(values.at(-1)).toEqual({
      retentionDays: 14,
      target: 'azure-blob',
      storageAccount: 'teambackups',
      container: 'nightly',
    });
    expect(validateWithAjv(schema, values.at(-1)).valid).toBe(true);
    expect(validity.at(-1)).toBe(true);
  });

  it('prefills the shape of an existing value (an update)', async () => {
    const fixture = TestBed.createComponent(ParametersForm);
    fixture.componentRef.setInput('schema', fixtureSchema('marketplace-backup-target-root-oneof-instance-create.json'));
    fixture.componentRef.setInput('value', {
      retentionDays: 7,
      target: 'azure-blob',
      storageAccount: 'acct',
      container: 'c',
    });
    fixture.detectChanges();
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    expect(await (await (await field(loader, 'Backup target')).getControl(MatSelectHarness))!.getValueText()).toBe(
      'Target: azure-blob',
    );
    expect(await (await (await field(loader, 'Storage account')).getControl(MatInputHarness))!.getValue()).toBe('acct');
  });

  it('edits anyOf list items as shapes and never drops a half-filled item', async () => {
    const schema = fixtureSchema('marketplace-dns-records-array-anyof-instance-create.json');
    const { loader, element, fixture, values, validity } = await renderForm(schema);
    await setText(loader, 'Zone', 'example.org');
    [...element.querySelectorAll('button')].find((button) => button.textContent!.includes('Add item'))!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    await choose(loader, 'Kind', 'CNAME record');
    await setText(loader, 'Name', 'www');
    expect(values.at(-1)).toEqual({ zone: 'example.org', records: [{ type: 'CNAME', name: 'www' }] });
    expect(validity.at(-1)).toBe(false);
    fixture.componentRef.setInput('revealProblems', true);
    fixture.detectChanges();
    expect(element.querySelector('.mp-pf__problems')!.textContent).toContain('Points to: This field is required.');

    await setText(loader, 'Points to', 'example.net');
    expect(values.at(-1)).toEqual({
      zone: 'example.org',
      records: [{ type: 'CNAME', name: 'www', target: 'example.net' }],
    });
    expect(validateWithAjv(schema, values.at(-1)).valid).toBe(true);
    expect(validity.at(-1)).toBe(true);
  });

  it('follows if/then/else: shows and requires the fields of the branch that applies', async () => {
    const schema = fixtureSchema('marketplace-database-if-then-instance-create.json');
    const { loader, element, values, validity } = await renderForm(schema);
    expect(labels(element)).not.toContain('Replicas');
    await (await loader.getHarness(MatCheckboxHarness.with({ label: /High availability/ }))).check();
    expect(labels(element)).toContain('Replicas');
    expect(validity.at(-1)).toBe(false);
    await setText(loader, 'Replicas', '2');
    expect(validity.at(-1)).toBe(true);

    await choose(loader, 'Engine', 'mysql');
    expect(labels(element)).toContain('SQL mode');
    expect(values.at(-1)).toEqual({
      engine: 'mysql',
      highAvailability: true,
      replicas: 2,
      sqlMode: 'STRICT_TRANS_TABLES',
    });
    expect(validateWithAjv(schema, values.at(-1)).valid).toBe(true);
    expect(validity.at(-1)).toBe(true);
  });

  it('picks dates and times, shows readOnly fields without letting them change, examples as placeholders', async () => {
    const schema = fixtureSchema('marketplace-maintenance-window-date-time-instance-create.json');
    const { loader, element, values } = await renderForm(schema);
    expect(element.querySelector('mat-datepicker-toggle')).not.toBeNull();
    expect(element.querySelector('mat-timepicker-toggle')).not.toBeNull();
    const tier = (await (await field(loader, 'Support tier')).getControl(MatInputHarness))!;
    expect(await tier.isReadonly()).toBe(true);
    expect(await (await (await field(loader, 'Contact')).getControl(MatInputHarness))!.getPlaceholder()).toBe(
      'ops@example.com',
    );
    const link = element.querySelector<HTMLAnchorElement>('.mp-sf-markdown a')!;
    expect(link.target).toBe('_blank');

    await setText(loader, 'First maintenance', '2026-12-01');
    await setText(loader, 'Go-live date', '2027-01-15');
    await setText(loader, 'Daily backup at', '02:30');
    const value = values.at(-1)!;
    expect(value['goLive']).toBe('2027-01-15');
    expect(value['dailyBackupAt']).toMatch(/^02:30:00(Z|[+-]\d\d:\d\d)$/);
    expect(value['firstMaintenance']).toMatch(/^2026-1[12]-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(validateWithAjv(schema, value).valid).toBe(true);
  });

  it('masks a secret with a button to reveal it while typing', async () => {
    const schema = fixtureSchema('marketplace-database-user-secret-instance-create.json');
    const { loader, element, fixture, values } = await renderForm(schema);
    await setText(loader, 'Administrator password', 'correct-horse-battery');
    await setText(loader, 'Replication token', 'tok-123');
    const password = element.querySelector<HTMLInputElement>('input[id$="adminPassword"]')!;
    const token = element.querySelector<HTMLInputElement>('input[id$="replicationToken"]')!;
    expect(password.type).toBe('password');
    expect(token.type).toBe('password');
    const reveal = password.closest('mat-form-field')!.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
    reveal.click();
    fixture.detectChanges();
    expect(password.type).toBe('text');
    expect(values.at(-1)).toEqual({
      adminUser: 'admin',
      adminPassword: 'correct-horse-battery',
      replicationToken: 'tok-123',
    });
    expect(validateWithAjv(schema, values.at(-1)).valid).toBe(true);
  });

  it('leaves a kept secret out of an update unless a new one is typed', async () => {
    const fixture = TestBed.createComponent(ParametersForm);
    const values: Parameters[] = [];
    const validity: boolean[] = [];
    fixture.componentInstance.valueChange.subscribe((value) => values.push(value));
    fixture.componentInstance.validChange.subscribe((valid) => validity.push(valid));
    fixture.componentRef.setInput('schema', fixtureSchema('marketplace-database-user-secret-instance-create.json'));
    fixture.componentRef.setInput('mode', 'update');
    fixture.componentRef.setInput('value', { adminUser: 'admin' });
    fixture.componentRef.setInput('storedSecrets', ['/adminPassword']);
    fixture.detectChanges();
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const password = (await (await field(loader, 'Administrator password')).getControl(MatInputHarness))!;
    expect(await password.getValue()).toBe('');
    expect(await password.getPlaceholder()).toContain('Set (hidden)');
    expect(values.at(-1)).toEqual({ adminUser: 'admin' });
    expect(validity.at(-1)).toBe(true);
    await password.setValue('a-brand-new-password');
    expect(values.at(-1)).toEqual({ adminUser: 'admin', adminPassword: 'a-brand-new-password' });
  });

  it('says so and offers JSON for a schema without any field to draw', async () => {
    const { element } = await renderForm({ type: 'object', additionalProperties: { type: 'integer' } });
    expect(element.textContent).toContain('cannot be shown as a form: it names no fields that could be drawn');
    expect(element.querySelector('.mp-pf__code')).not.toBeNull();
  });

  it('links each listed problem to its field and moves the focus there', async () => {
    const { element, fixture } = await renderForm(
      fixtureSchema('marketplace-database-user-secret-instance-create.json'),
    );
    fixture.componentRef.setInput('revealProblems', true);
    fixture.detectChanges();
    const link = element.querySelector<HTMLAnchorElement>('.mp-pf__problems a')!;
    expect(link.textContent).toBe('Administrator password');
    link.click();
    expect(document.activeElement).toBe(element.querySelector('input[id$="adminPassword"]'));
    expect(element.querySelector('input[id$="adminPassword"]')!.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('ParametersForm with many fields', FORM_TESTS, () => {
  beforeEach(() => {
    // Nothing is in view (the fake reports nothing unless told), so only focus draws a field.
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });
  afterEach(() => vi.unstubAllGlobals());

  const manyFields = {
    type: 'object',
    properties: {
      mode: { type: 'string', title: 'Mode', enum: ['simple', 'expert'], default: 'simple' },
      ...Object.fromEntries(
        Array.from({ length: 40 }, (_, index) => [`field${index}`, { type: 'string', title: `Field ${index}` }]),
      ),
      expertOnly: {
        type: 'string',
        title: 'Expert setting',
        visibleIf: { mode: ['expert'] },
      },
    },
    required: ['field39'],
  };

  it('shows fields out of view as placeholders with their labels, in order, and draws one when it gets the focus', async () => {
    const { fixture, element } = await renderForm(manyFields);
    const placeholders = [...element.querySelectorAll<HTMLElement>('.mp-sf-placeholder')];
    expect(placeholders.map((placeholder) => placeholder.textContent!.replace('*', '').trim())).toEqual([
      'Mode',
      ...Array.from({ length: 40 }, (_, index) => `Field ${index}`),
    ]);
    expect(element.querySelectorAll('input')).toHaveLength(0);

    placeholders[40]!.focus();
    fixture.detectChanges();
    await fixture.whenStable();
    const input = element.querySelector<HTMLInputElement>('[data-mp-pointer="/field39"] input');
    expect(input).not.toBeNull();
    expect(document.activeElement).toBe(input);
    expect(element.querySelectorAll('.mp-sf-placeholder')).toHaveLength(40);
  });

  it('keeps defaults and required fields of the fields not drawn, and follows visibleIf', async () => {
    const { fixture, element, validity, values } = await renderForm(manyFields);
    expect(values.at(-1)).toEqual({ mode: 'simple' });
    expect(validity.at(-1)).toBe(false);
    expect(element.textContent).not.toContain('Expert setting');

    const mode = element.querySelector<HTMLElement>('[data-mp-pointer="/mode"] .mp-sf-placeholder')!;
    mode.focus();
    fixture.detectChanges();
    await fixture.whenStable();
    const harness = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-mp-pointer="/mode"] mat-select' }),
    );
    await harness.open();
    await harness.clickOptions({ text: 'expert' });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(element.textContent).toContain('Expert setting');
  });
});
