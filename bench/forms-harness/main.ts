/**
 * The forms benchmark's page: renders a parameters form of a generated schema either with the
 * marketplace's form (Material widgets) or with ngx-schema-form's own default widgets, and lets
 * the benchmark time rendering and keystrokes through `window.benchForms`.
 */
import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import {
  DefaultLogService,
  DefaultWidgetRegistry,
  ExpressionCompilerFactory,
  FormComponent,
  JEXLExpressionCompilerFactory,
  LOG_LEVEL,
  LogService,
  SchemaValidatorFactory,
  WidgetRegistry,
  ZSchemaValidatorFactory,
  type ISchema,
} from 'ngx-schema-form';
import { ParametersForm } from '../../src/app/shared/schema-form/parameters-form';
import { provideAppIcons } from '../../src/app/shared/ui/icons/app-icons';

/** Which widgets render the form. */
type Widgets = 'app' | 'default';

/** A flat schema of `count` fields: text (some with patterns and lengths), integers, booleans and choices. */
function generatedSchema(count: number): ISchema {
  const properties: Record<string, unknown> = {};
  for (let index = 0; index < count; index++) {
    const title = `Field ${index + 1}`;
    const description = `What field ${index + 1} sets`;
    switch (index % 4) {
      case 0:
        properties[`text${index}`] = { type: 'string', title, description, maxLength: 64, pattern: '^[a-z0-9-]*$' };
        break;
      case 1:
        properties[`number${index}`] = { type: 'integer', title, description, minimum: 1, maximum: 100, default: 10 };
        break;
      case 2:
        properties[`flag${index}`] = { type: 'boolean', title, description, default: false };
        break;
      default:
        properties[`choice${index}`] = {
          type: 'string',
          title,
          description,
          enum: ['small', 'medium', 'large'],
          default: 'small',
        };
    }
  }
  return { type: 'object', properties } as ISchema;
}

/** ngx-schema-form's own form with its default widgets. */
@Component({
  selector: 'bench-default-form',
  imports: [FormComponent],
  template: `<sf-form [schema]="schema" [model]="{}" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [
    { provide: WidgetRegistry, useClass: DefaultWidgetRegistry },
    { provide: SchemaValidatorFactory, useClass: ZSchemaValidatorFactory },
    { provide: ExpressionCompilerFactory, useClass: JEXLExpressionCompilerFactory },
    { provide: LOG_LEVEL, useValue: 3 },
    { provide: LogService, useClass: DefaultLogService },
  ],
  inputs: ['schema'],
})
class DefaultForm {
  schema!: ISchema;
}

/**
 * Whether a field not drawn yet is in the viewport. Fields stand one below the other, so the first
 * one not drawn tells (measuring only it: measuring every one would lay out the fields the browser
 * skips).
 */
function placeholderInView(): boolean {
  const first = document.querySelector('.mp-sf-placeholder');
  return first !== null && first.getBoundingClientRect().top < window.innerHeight;
}

/** The browser's console with its profiler (Chromium's; not in TypeScript's DOM types). */
const profilingConsole = console as Console & { profile(title: string): void; profileEnd(title: string): void };

/** Shows one form at a time. */
@Component({
  selector: 'bench-forms',
  imports: [ParametersForm, DefaultForm],
  template: `
    @if (shown(); as form) {
      @if (form.widgets === 'app') {
        <mp-parameters-form [schema]="form.schema" />
      } @else {
        <bench-default-form [schema]="form.schema" />
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class BenchForms {
  readonly shown = signal<{ widgets: Widgets; schema: ISchema } | undefined>(undefined);

  constructor() {
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    Object.assign(window, {
      benchForms: {
        /**
         * Renders `count` fields with `widgets`; resolves with the milliseconds until the form is usable
         * (every field on the page, the ones in view drawn; a large marketplace form draws the others
         * when they come into view or get the focus) and until every field is drawn. With a `profile`
         * title, the browser's CPU profile of the time until usable is recorded under it.
         */
        render: async (
          count: number,
          widgets: Widgets,
          profile?: string,
        ): Promise<{ usable: number; allDrawn: number }> => {
          this.shown.set(undefined);
          await nextFrame();
          const schema = generatedSchema(count);
          if (profile) profilingConsole.profile(profile);
          const started = performance.now();
          this.shown.set({ widgets, schema });
          while (!document.body.textContent?.includes(`Field ${count}`) || placeholderInView()) await nextFrame();
          const usable = performance.now() - started;
          if (profile) profilingConsole.profileEnd(profile);
          while (document.querySelector('.mp-sf-placeholder')) await nextFrame();
          return { usable, allDrawn: performance.now() - started };
        },
        /** Appends a character to the `index`-th text field; resolves with the milliseconds until the next painted frame. */
        keystroke: async (character: string, index = 0): Promise<number> => {
          const input = document.querySelectorAll<HTMLInputElement>('input[type=text], input:not([type])')[index]!;
          const started = performance.now();
          input.value += character;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await nextFrame();
          return performance.now() - started;
        },
      },
    });
  }
}

bootstrapApplication(BenchForms, { providers: [provideZonelessChangeDetection(), provideAppIcons()] }).catch(
  (error: unknown) => console.error(error),
);
