import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { By } from '@angular/platform-browser';
import Ajv from 'ajv-draft-04';
import { FormComponent } from 'ngx-schema-form';
import { isJsonObject, stripUiKeywords } from '@osb/json-schema';
import { ParametersForm, type Parameters } from './parameters-form';
import { MESHCLOUD_EXAMPLE_SCHEMA, SCHEMA_FIXTURES } from '../../../testing/schema-fixtures';
import { ParametersFormHarness } from './testing/parameters-form-harness';

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
  return { fixture, loader: TestbedHarnessEnvironment.loader(fixture), element: fixture.nativeElement, values, validity };
}

function labels(element: HTMLElement): string[] {
  return [...element.querySelectorAll('mat-label, legend')].map((label) => label.textContent!.replace('*', '').trim());
}

async function field(loader: HarnessLoader, label: string): Promise<MatFormFieldHarness> {
  return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: new RegExp(`^${label}`) }));
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
    expect(error).toContain('The value does not have the expected form.');
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

    await json.setValue('{"securityContact": "sec@example.com", "serviceType": "ext", "externalRegistrationNumber": "54321"}');
    expect(validity.at(-1)).toBe(true);
    await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Form' }))).check();
    expect(labels(element)).toEqual(['Security Contact', 'Service Type', 'External Registration Number']);
    expect(await (await (await field(loader, 'External Registration Number')).getControl(MatInputHarness))!.getValue()).toBe('54321');
    expect(values.at(-1)).toEqual({ securityContact: 'sec@example.com', serviceType: 'ext', externalRegistrationNumber: '54321' });
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
      const ajv = new Ajv({ strict: false, allErrors: true });
      const valid = ajv.validate(stripUiKeywords(schema as object), values.at(-1));
      expect(valid, `${file}: ${JSON.stringify(ajv.errors)}`).toBe(true);
      expect(validity.at(-1)).toBe(true);
    });
  }

  it('lists the problems with field titles when asked to reveal them', async () => {
    const postgres = SCHEMA_FIXTURES.find((fixture) => fixture.file.includes('postgresql-10-general-purpose-instance-create'))!;
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

  it('omits an untouched optional object whose field is required', async () => {
    const { values } = await renderForm(SCHEMA_FIXTURES.find((fixture) => fixture.file.includes('optional-object'))!.schema);
    expect(values.at(-1)).toEqual({});
  });

  it('edits a string map as key/value rows', async () => {
    const { element, values, fixture } = await renderForm(SCHEMA_FIXTURES.find((fixture) => fixture.file.includes('storage-blob'))!.schema);
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
    const update = SCHEMA_FIXTURES.find((fixture) => fixture.file.includes('postgresql-10-general-purpose-instance-update'))!;
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
    const { element, loader, values, validity } = await renderForm({ properties: { a: { $ref: 'https://example.com/a.json' } } });
    expect(element.textContent).toContain(
      "This plan's parameter schema cannot be shown as a form: it refers to the external schema https://example.com/a.json, which is not fetched. Enter the parameters as JSON.",
    );
    const json = await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }));
    await json.setValue('{"a": 1}');
    expect(values.at(-1)).toEqual({ a: 1 });
    expect(validity.at(-1)).toBe(true);
    expect(await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Form' }))).isDisabled()).toBe(true);
  });

  it('explains a field name that ngx-schema-form cannot address', async () => {
    const { element } = await renderForm({ type: 'object', properties: { 'app.kubernetes.io/name': { type: 'string' } } });
    expect(element.textContent).toContain('cannot be shown as a form: the field name "app.kubernetes.io/name" contains a slash.');
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
  readonly schema = signal<unknown>(SCHEMA_FIXTURES.find((fixture) => fixture.file.includes('postgresql-10-general-purpose-instance-create'))!.schema);
}

describe('ParametersForm ids', FORM_TESTS, () => {
  it('keeps ids unique when two forms share a page', async () => {
    const fixture = TestBed.createComponent(TwoForms);
    fixture.detectChanges();
    await fixture.whenStable();
    // ngx-schema-form writes id="" on its <form> element; an empty id names nothing.
    const ids = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[id]')].map((element) => element.id).filter(Boolean);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});
