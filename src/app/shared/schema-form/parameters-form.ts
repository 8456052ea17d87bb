import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  PendingTasks,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  DefaultLogService,
  ExpressionCompilerFactory,
  FormComponent,
  JEXLExpressionCompilerFactory,
  LOG_LEVEL,
  LogService,
  SchemaValidatorFactory,
  WidgetRegistry,
  type ISchema,
} from 'ngx-schema-form';
import {
  VARIANTS_KEYWORD,
  carryOverToVariant,
  chooseVariant,
  isJsonObject,
  pruneEmptyParameters,
  sameJson,
  type SchemaVariant,
} from '@osb/json-schema';
import { FieldDrawing, countFields } from './field-drawing';
import { FIELD_ID_PREFIX, nextFieldIdPrefix } from './field-id-prefix';
import { MaterialWidgetRegistry } from './material-widget-registry';
import { NoLibraryValidation } from './no-library-validation';
import type { ParameterProblem } from './parameters-validator';
import {
  prepareParameterSchema,
  type ParametersFormMode,
  type PreparedParameterSchema,
} from './prepare-parameter-schema';
import { SafeFormBuild } from './safe-form-build';
import { schemaNoteText, unrenderableText } from './schema-note-texts';
import { SchemaFormState, sameProblems } from './schema-form-state';
import { VariantPicker } from './widgets/variant-picker';

/** Parameters as sent to a broker. */
export type Parameters = Record<string, unknown>;

/** Which editor shows the parameters. */
export type ParametersEditor = 'form' | 'json';

/** One rendering of the form: a fresh copy of the schema (ngx-schema-form changes it) and the starting value. */
interface FormRender {
  id: number;
  schema: ISchema;
  model: Parameters;
}

/**
 * Edits the parameters of a provision, update or binding against the plan's JSON schema: as a
 * form rendered by ngx-schema-form with Material widgets, or as JSON text. A schema that cannot be
 * rendered, and a plan without a schema, get the JSON editor with an explanation.
 */
@Component({
  selector: 'mp-parameters-form',
  imports: [FormComponent, MatButtonToggleModule, MatFormFieldModule, MatInputModule, SafeFormBuild, VariantPicker],
  templateUrl: './parameters-form.html',
  styleUrl: './parameters-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [
    SchemaFormState,
    FieldDrawing,
    { provide: WidgetRegistry, useClass: MaterialWidgetRegistry },
    { provide: SchemaValidatorFactory, useClass: NoLibraryValidation },
    { provide: ExpressionCompilerFactory, useClass: JEXLExpressionCompilerFactory },
    { provide: LOG_LEVEL, useValue: 3 },
    { provide: LogService, useClass: DefaultLogService },
    { provide: FIELD_ID_PREFIX, useFactory: nextFieldIdPrefix },
  ],
})
export class ParametersForm {
  /** The plan's parameter schema as the broker sent it; undefined when the plan has none. */
  readonly schema = input<unknown>();
  /**
   * The parameters to start from (defaults fill the rest in create and bind mode). A later change
   * restarts the editor unless it equals the current parameters, so binding it two-way is safe.
   */
  readonly value = input<Parameters | undefined>(undefined);
  /** What the parameters are for; in update mode defaults are shown, not sent. */
  readonly mode = input<ParametersFormMode>('create');
  /** Whether to list every problem below the form too, e.g. after a refused submit. */
  readonly revealProblems = input(false);
  /** Whether to list what the normaliser changed in the schema (for broker authors). */
  readonly showSchemaNotes = input(false);
  /**
   * In update mode, the JSON pointers of the secret parameters the platform keeps: their fields
   * start empty, say that a value is set, and only a newly typed value is sent.
   */
  readonly storedSecrets = input<readonly string[]>([]);
  /** Emits the parameters to send whenever they change. */
  readonly valueChange = output<Parameters>();
  /** Emits whether the parameters may be sent, whenever that changes. */
  readonly validChange = output<boolean>();

  private readonly formState = inject(SchemaFormState);
  private readonly idPrefix = inject(FIELD_ID_PREFIX);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fieldDrawing = inject(FieldDrawing);
  /** The schema made ready for rendering, before the library built a form of it. */
  private readonly normalized = computed(() => prepareParameterSchema(this.schema(), this.mode()));
  /** What ngx-schema-form threw when it built the form of a normalised schema, if it threw. */
  private readonly buildFailure = signal<{ schema: PreparedParameterSchema; detail: string } | undefined>(undefined);
  /** The schema made ready for rendering: unrenderable once the library failed to build its form. */
  protected readonly prepared = computed<PreparedParameterSchema>(() => {
    const normalized = this.normalized();
    const failure = this.buildFailure();
    return failure?.schema === normalized
      ? { kind: 'unrenderable', reason: { code: 'formLibraryFailed', detail: failure.detail } }
      : normalized;
  });
  private readonly chosenEditor = signal<ParametersEditor>('form');
  /** The editor on screen: JSON whenever there is no form to show. */
  protected readonly editor = computed<ParametersEditor>(() =>
    this.prepared().kind === 'form' ? this.chosenEditor() : 'json',
  );
  /** Why the schema is offered as JSON only, in the user's language (when it is). */
  protected readonly unrenderableReason = computed(() => {
    const prepared = this.prepared();
    return prepared.kind === 'unrenderable' ? unrenderableText(prepared.reason) : '';
  });
  /** What the form changed in the schema, in the user's language, for broker authors. */
  protected readonly schemaNotes = computed(() => {
    const prepared = this.prepared();
    return prepared.kind === 'form' ? prepared.notes.map(schemaNoteText) : [];
  });
  /** The variants of the whole form, when its schema is a choice between shapes. */
  protected readonly rootVariants = computed<SchemaVariant[]>(() => {
    const prepared = this.prepared();
    const variants = prepared.kind === 'form' ? prepared.schema[VARIANTS_KEYWORD] : undefined;
    return Array.isArray(variants) ? (variants as SchemaVariant[]) : [];
  });
  /** The variant of the whole form chosen. */
  protected readonly rootVariant = signal(0);
  /** The label of the root variant picker: the schema's title, else a generic one. */
  protected readonly rootVariantLabel = computed(() => {
    const prepared = this.prepared();
    const title = prepared.kind === 'form' ? prepared.schema['title'] : undefined;
    return typeof title === 'string' && title !== '' ? title : $localize`:@@parametersForm.variant:Kind`;
  });
  /** The current rendering of the form, as a one-element list so that a new one replaces the old. */
  protected readonly renders = signal<FormRender[]>([]);
  /** The text of the JSON editor. */
  protected readonly jsonText = signal('');
  /** Why the JSON text cannot be read, if it cannot. */
  protected readonly jsonError = signal<string | undefined>(undefined);
  /** Where the current parameters break the schema. */
  protected readonly problems = signal<readonly ParameterProblem[]>([], { equal: sameProblems });
  /** Keys the form had no field for when switching from JSON. */
  protected readonly droppedKeys = signal<string[]>([]);
  /** Whether the problems are those of the current parameters (false until a new form's first check). */
  private readonly checked = signal(false);
  /** Whether the parameters may be sent. */
  protected readonly valid = computed(() =>
    this.editor() === 'json'
      ? this.jsonError() === undefined && this.problems().length === 0
      : this.checked() && this.problems().length === 0 && !this.formState.hasUnreadableInput(),
  );
  /** DOM id of the JSON editor. */
  protected readonly jsonEditorId = `${this.idPrefix}json`;
  private current: Parameters = {};
  /** What the current rendering of the form last reported, with the variants chosen then. */
  private lastFormValue: { parameters: Parameters; choices: Readonly<Record<string, number>> } | undefined;
  private renderCount = 0;
  private startedWith: unknown;
  /** Whether a check after the next paint is on its way. */
  private checkScheduled = false;
  private readonly pendingTasks = inject(PendingTasks);
  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    effect(() => {
      const prepared = this.prepared();
      const value = this.value() ?? {};
      untracked(() => {
        if (prepared !== this.startedWith || !sameJson(value, this.current)) {
          if (prepared !== this.startedWith) {
            this.formState.variantChoices.set({});
          }
          this.startedWith = prepared;
          this.start(structuredClone(value), prepared.kind === 'form');
        }
      });
    });
    effect(() => this.validChange.emit(this.valid()));
    effect(() => this.formState.revealAll.set(this.revealProblems()));
    effect(() => this.formState.storedSecrets.set(this.storedSecrets()));
  }

  /** Moves the focus to the field a problem is about (or the nearest enclosing one). */
  protected focusProblem(path: string, event: Event): void {
    event.preventDefault();
    let pointer = path.replace(/^#/, '');
    for (;;) {
      const element = [...this.host.nativeElement.querySelectorAll('[data-mp-pointer]')].find(
        (candidate) => candidate.getAttribute('data-mp-pointer') === pointer,
      );
      const target = element?.querySelector<HTMLElement>(
        'input, textarea, mat-select, [role="combobox"], button, [tabindex]',
      );
      if (target) {
        target.scrollIntoView?.({ block: 'center' });
        target.focus();
        return;
      }
      if (pointer === '') {
        return;
      }
      pointer = pointer.slice(0, pointer.lastIndexOf('/'));
    }
  }

  /** Switches the whole form to another variant, keeping the values of the fields both share. */
  protected chooseRootVariant(index: number): void {
    const variant = this.rootVariants()[index];
    if (!variant || index === this.rootVariant()) {
      return;
    }
    this.rootVariant.set(index);
    this.formState.chooseVariant('', index);
    this.start(carryOverToVariant(variant, this.current), true);
  }

  /** The field a problem is about, named by its title where the schema gives one. */
  protected fieldName(path: string): string {
    const prepared = this.prepared();
    const keys = path.replace(/^#\/?/, '').split('/').filter(Boolean);
    let schema: unknown =
      prepared.kind === 'form' ? prepared.validator.resolve(this.current, this.formState.variantChoices()) : undefined;
    const names = keys.map((key) => {
      const properties = isJsonObject(schema) && isJsonObject(schema['properties']) ? schema['properties'] : undefined;
      const items = isJsonObject(schema) && isJsonObject(schema['items']) ? schema['items'] : undefined;
      const list = isJsonObject(schema) && Array.isArray(schema['items']) ? schema['items'] : undefined;
      schema = properties?.[key] ?? items ?? list?.[Number(key)];
      return isJsonObject(schema) && typeof schema['title'] === 'string' && properties ? schema['title'] : key;
    });
    return names.join(' › ') || '/';
  }

  /** Switches between the form and the JSON editor, carrying the parameters over. */
  protected showEditor(editor: ParametersEditor): void {
    if (
      editor === this.editor() ||
      (editor === 'form' && (this.jsonError() !== undefined || this.prepared().kind !== 'form'))
    ) {
      return;
    }
    this.chosenEditor.set(editor);
    if (editor === 'form') {
      this.renderForm();
    } else {
      this.droppedKeys.set([]);
      this.jsonText.set(toJsonText(this.current));
      this.jsonError.set(undefined);
    }
  }

  /**
   * Reports a schema ngx-schema-form could not build a form of: the JSON editor takes over with
   * the value the form started from.
   */
  protected takeBuildFailure(detail: string): void {
    this.buildFailure.set({ schema: this.normalized(), detail });
  }

  /**
   * Takes a new value from the form. While the library builds a form it reports the same value
   * several times (once more for each field with `visibleIf`); a value equal to the one the form
   * last reported, with the same variants chosen, is not checked and published again.
   */
  protected takeFormValue(value: unknown): void {
    const prepared = this.prepared();
    if (prepared.kind !== 'form') {
      return;
    }
    const choices = this.formState.variantChoices();
    const pruned = pruneEmptyParameters(value, prepared.validator.resolve(value, choices));
    const parameters = isJsonObject(pruned) ? pruned : {};
    if (this.lastFormValue?.choices === choices && sameJson(this.lastFormValue.parameters, parameters)) {
      return;
    }
    const firstOfRender = this.lastFormValue === undefined;
    this.lastFormValue = { parameters, choices };
    this.publish(parameters, firstOfRender);
  }

  /** Takes the text of the JSON editor. */
  protected takeJsonText(text: string): void {
    this.jsonText.set(text);
    const read = readParametersJson(text);
    this.jsonError.set(read.error);
    if (read.error === undefined) {
      this.publish(read.value);
    } else {
      this.problems.set([]);
    }
  }

  private start(value: Parameters, hasForm: boolean): void {
    this.current = value;
    const variants = this.rootVariants();
    if (variants.length > 0 && this.formState.variantChoices()[''] === undefined) {
      this.rootVariant.set(chooseVariant(variants, value));
    }
    this.droppedKeys.set([]);
    this.jsonError.set(undefined);
    if (hasForm && this.chosenEditor() === 'form') {
      this.renderForm();
    } else {
      this.renders.set([]);
      this.jsonText.set(Object.keys(value).length > 0 ? toJsonText(value) : '');
      this.publish(value);
    }
  }

  private renderForm(): void {
    const prepared = this.prepared();
    if (prepared.kind !== 'form') {
      return;
    }
    const schema = this.rootVariants()[this.rootVariant()]?.schema ?? prepared.schema;
    const fields = isJsonObject(schema['properties']) ? Object.keys(schema['properties']) : [];
    this.droppedKeys.set(
      Object.keys(this.current).filter((key) => !fields.includes(key) && !this.storedSecrets().includes(`/${key}`)),
    );
    this.renderCount += 1;
    this.lastFormValue = undefined;
    this.fieldDrawing.setFieldCount(countFields(schema));
    this.renders.set([
      { id: this.renderCount, schema: structuredClone(schema) as ISchema, model: structuredClone(this.current) },
    ]);
  }

  /**
   * Takes new parameters and checks them. A new form's first value (its defaults,
   * `firstOfRender`) is checked once the browser has painted the form, so that the fields appear
   * without waiting for a check of the whole form; until then the parameters are not valid. A
   * value published meanwhile is the one that check reads.
   */
  private publish(value: Parameters, firstOfRender = false): void {
    this.current = value;
    if (firstOfRender) {
      this.checkAfterPaint();
    } else if (!this.checkScheduled) {
      this.check();
    }
    this.valueChange.emit(structuredClone(value));
  }

  /** Sets the problems of the current parameters. */
  private check(): void {
    const prepared = this.prepared();
    const problems =
      prepared.kind === 'form' ? prepared.validator.problems(this.current, this.formState.variantChoices()) : [];
    this.problems.set(problems);
    this.formState.problems.set(problems);
    this.checked.set(true);
  }

  /** Checks the current parameters after the browser's next paint (tests wait for it as for any pending task). */
  private checkAfterPaint(): void {
    this.checked.set(false);
    if (this.checkScheduled) {
      return;
    }
    this.checkScheduled = true;
    this.pendingTasks.run(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              this.checkScheduled = false;
              if (!this.destroyRef.destroyed) {
                this.check();
              }
              resolve();
            }),
          ),
        ),
    );
  }
}

function toJsonText(value: Parameters): string {
  return JSON.stringify(value, null, 2);
}

/** Reads the JSON editor: blank is no parameters, anything else must be a JSON object. */
function readParametersJson(text: string): { value: Parameters; error?: string } {
  if (text.trim() === '') {
    return { value: {} };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      value: {},
      error: $localize`:@@parametersForm.json.syntax:This is not valid JSON: ${error instanceof Error ? error.message : String(error)}:detail:`,
    };
  }
  return isJsonObject(parsed)
    ? { value: parsed }
    : {
        value: {},
        error: $localize`:@@parametersForm.json.notObject:Parameters must be a JSON object, such as {"size": 10}.`,
      };
}
