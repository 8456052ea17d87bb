import { clearTranslations, loadTranslations } from '@angular/localize';

import { parseXliffTranslations } from './xliff';

describe('parseXliffTranslations', () => {
  const xliff = `<?xml version="1.0" encoding="UTF-8" ?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="ng2.template">
    <body>
      <trans-unit id="greeting" datatype="html">
        <source>Hello <x id="name" equiv-text="name"/> &amp; welcome</source>
        <target>Hallo <x id="name" equiv-text="name"/> &amp; willkommen</target>
      </trans-unit>
      <trans-unit id="3927918797092127748" datatype="html">
        <source>{VAR_PLURAL, plural, =1 {1 day} other {<x id="INTERPOLATION"/> days}}</source>
        <target>{VAR_PLURAL, plural, =1 {1 Tag} other {<x id="INTERPOLATION"/> Tage}}</target>
      </trans-unit>
      <trans-unit id="expiry" datatype="html">
        <source>Bindings expire after <x id="ICU" equiv-text="{days, plural, =1 {1 day} other {{{ days }} days}}" xid="1"/></source>
        <target>Bindungen laufen nach <x id="ICU" equiv-text="{days, plural, =1 {1 day} other {{{ days }} days}}" xid="1"/> ab</target>
      </trans-unit>
      <trans-unit id="untranslated" datatype="html">
        <source>Not yet</source>
      </trans-unit>
    </body>
  </file>
</xliff>`;

  it('reads targets with their placeholders in $localize form, and leaves out units without one', () => {
    expect(parseXliffTranslations(xliff)).toEqual({
      greeting: 'Hallo {$name} & willkommen',
      // Inside an ICU expression a placeholder is text: Angular compiles the cases into one message.
      '3927918797092127748': '{VAR_PLURAL, plural, =1 {1 Tag} other {{INTERPOLATION} Tage}}',
      expiry: 'Bindungen laufen nach {$ICU} ab',
    });
  });

  // 3927918797092127748 is the id Angular computes for the plural's cases, which carry no custom id.
  it('gives a plural with an interpolation in its cases a translation that $localize takes', () => {
    loadTranslations(parseXliffTranslations(xliff));
    try {
      expect($localize`{VAR_PLURAL, plural, =1 {1 day} other {{INTERPOLATION} days}}`).toBe(
        '{VAR_PLURAL, plural, =1 {1 Tag} other {{INTERPOLATION} Tage}}',
      );
    } finally {
      clearTranslations();
    }
  });

  it('rejects text that is not XML', () => {
    expect(() => parseXliffTranslations('<!doctype html><html><meta charset="utf-8"></html>')).toThrow();
  });
});
