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
      <trans-unit id="days" datatype="html">
        <source>{VAR_PLURAL, plural, =1 {1 day} other {<x id="INTERPOLATION"/> days}}</source>
        <target>{VAR_PLURAL, plural, =1 {1 Tag} other {<x id="INTERPOLATION"/> Tage}}</target>
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
      days: '{VAR_PLURAL, plural, =1 {1 Tag} other {{$INTERPOLATION} Tage}}',
    });
  });

  it('rejects text that is not XML', () => {
    expect(() => parseXliffTranslations('<!doctype html><html><meta charset="utf-8"></html>')).toThrow();
  });
});
