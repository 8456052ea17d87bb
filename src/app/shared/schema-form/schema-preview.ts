import { JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { isJsonObject } from '@osb/json-schema';
import { ParametersForm, type Parameters } from './parameters-form';
import type { ParametersFormMode } from './prepare-parameter-schema';

/** One parameters form of the preview. */
interface PreviewForm {
  /** Unique key of the form within the preview. */
  key: string;
  /** What the form is for, e.g. "Provision". */
  purpose: string;
  mode: ParametersFormMode;
  schema: unknown;
}

/** The forms of one plan. */
interface PreviewPlan {
  key: string;
  heading: string;
  forms: PreviewForm[];
}

/** The outcome of one form. */
interface FormOutcome {
  value: Parameters;
  valid: boolean;
}

/**
 * Shows broker authors how the marketplace renders their schemas: paste one parameters schema or
 * a whole OSB catalog (`GET /v2/catalog`) and see each plan's provision, update and binding forms,
 * their validation and the parameters they would send.
 */
@Component({
  selector: 'mp-schema-preview',
  imports: [JsonPipe, MatFormFieldModule, MatInputModule, ParametersForm],
  templateUrl: './schema-preview.html',
  styleUrl: './schema-preview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SchemaPreview {
  /** The JSON shown when the preview opens. */
  readonly initialJson = input('');
  /** The pasted text. */
  protected readonly text = linkedSignal(() => this.initialJson());
  /** The plans found in the pasted text, or why none were. */
  protected readonly reading = computed(() => readPreviewInput(this.text()));
  /** The latest value and validity of each form. */
  protected readonly outcomes = signal<Record<string, FormOutcome>>({});

  /** Takes the pasted text. */
  protected takeText(text: string): void {
    this.text.set(text);
  }

  /** Records a form's parameters. */
  protected recordValue(key: string, value: Parameters): void {
    this.outcomes.update((outcomes) => ({ ...outcomes, [key]: { valid: outcomes[key]?.valid ?? true, value } }));
  }

  /** Records a form's validity. */
  protected recordValidity(key: string, valid: boolean): void {
    this.outcomes.update((outcomes) => ({ ...outcomes, [key]: { value: outcomes[key]?.value ?? {}, valid } }));
  }
}

/** Reads pasted JSON as a catalog (an object with `services`) or as one parameters schema. */
function readPreviewInput(text: string): { plans: PreviewPlan[]; error?: string } {
  if (text.trim() === '') {
    return { plans: [] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      plans: [],
      error: $localize`:@@schemaPreview.syntax:This is not valid JSON: ${error instanceof Error ? error.message : String(error)}:detail:`,
    };
  }
  if (isJsonObject(parsed) && Array.isArray(parsed['services'])) {
    return { plans: catalogPlans(parsed['services']) };
  }
  return {
    plans: [
      {
        key: 'schema',
        heading: $localize`:@@schemaPreview.singleSchema:Pasted schema`,
        forms: [{ key: 'schema/create', purpose: provisionLabel(), mode: 'create', schema: parsed }],
      },
    ],
  };
}

function catalogPlans(services: unknown[]): PreviewPlan[] {
  return services.filter(isJsonObject).flatMap((service, serviceIndex) => {
    const plans = Array.isArray(service['plans']) ? service['plans'].filter(isJsonObject) : [];
    return plans.map((plan, planIndex) => {
      const key = `${serviceIndex}/${planIndex}`;
      const schemas = isJsonObject(plan['schemas']) ? plan['schemas'] : {};
      const instance = isJsonObject(schemas['service_instance']) ? schemas['service_instance'] : {};
      const binding = isJsonObject(schemas['service_binding']) ? schemas['service_binding'] : {};
      const bindable = (plan['bindable'] ?? service['bindable']) === true;
      const candidates: PreviewForm[] = [
        { key: `${key}/create`, purpose: provisionLabel(), mode: 'create', schema: parametersOf(instance['create']) },
        {
          key: `${key}/update`,
          purpose: $localize`:@@schemaPreview.update:Update`,
          mode: 'update',
          schema: parametersOf(instance['update']),
        },
        ...(bindable
          ? [
              {
                key: `${key}/bind`,
                purpose: $localize`:@@schemaPreview.bind:Binding`,
                mode: 'bind' as const,
                schema: parametersOf(binding['create']),
              },
            ]
          : []),
      ];
      return {
        key,
        heading: `${String(service['name'] ?? '?')} / ${String(plan['name'] ?? '?')}`,
        forms: candidates.filter((form) => form.schema !== undefined),
      };
    });
  });
}

function parametersOf(location: unknown): unknown {
  return isJsonObject(location) ? location['parameters'] : undefined;
}

function provisionLabel(): string {
  return $localize`:@@schemaPreview.create:Provision`;
}
