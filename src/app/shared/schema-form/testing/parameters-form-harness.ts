import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';

/** Drives an `mp-parameters-form` in tests of the pages that use it. */
export class ParametersFormHarness extends ComponentHarness {
  /** The component's selector. */
  static hostSelector = 'mp-parameters-form';

  private readonly notice = this.locatorForOptional('.mp-pf__notice');
  private readonly labels = this.locatorForAll(
    'sf-form mat-label, sf-form legend, sf-form .mp-sf-group-label, sf-form mat-checkbox label',
  );

  /** Labels of the fields shown, in order, without required markers. */
  async getFieldLabels(): Promise<string[]> {
    return Promise.all((await this.labels()).map(async (label) => (await label.text()).replace('*', '').trim()));
  }

  /** The Material form field whose label starts with the given text. */
  async getField(label: string): Promise<MatFormFieldHarness> {
    return this.locatorFor(MatFormFieldHarness.with({ floatingLabelText: new RegExp(`^${escapeRegExp(label)}`) }))();
  }

  /** The explanation shown above the editor (unrenderable schema, dropped keys), if any. */
  async getNotice(): Promise<string | null> {
    return (await (await this.notice())?.text()) ?? null;
  }

  /** Whether the JSON editor is on screen. */
  async isJsonEditorShown(): Promise<boolean> {
    return (await this.locatorForOptional(MatInputHarness.with({ selector: '.mp-pf__code' }))()) !== null;
  }

  /** Shows the form or the JSON editor. */
  async showEditor(editor: 'Form' | 'JSON'): Promise<void> {
    await (await this.locatorFor(MatButtonToggleHarness.with({ text: editor }))()).check();
  }

  /** Replaces the text of the JSON editor. */
  async setJson(text: string): Promise<void> {
    await (await this.locatorFor(MatInputHarness.with({ selector: '.mp-pf__code' }))()).setValue(text);
  }

  /** The text of the JSON editor. */
  async getJson(): Promise<string> {
    return (await this.locatorFor(MatInputHarness.with({ selector: '.mp-pf__code' }))()).getValue();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
