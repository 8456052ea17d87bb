import { JsonPipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MASKED_SECRET, describeParameters, type ParameterEntry } from './describe-parameters';
import { withValuesAt } from '@osb/json-schema';

let viewCount = 0;

/**
 * Parameters in words, read-only, as the form shows them (titles, choice labels, grouped objects,
 * numbered list items, the chosen variant), with the raw JSON behind a toggle. Secrets read
 * "set" and are masked in the JSON too.
 */
@Component({
  selector: 'mp-parameters-view',
  imports: [JsonPipe, MatButtonModule, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './parameters-view.scss',
  template: `
    @if (entries().length > 0) {
      <ng-container *ngTemplateOutlet="list; context: { $implicit: entries() }" />
    } @else {
      <p class="mp-pv__empty" i18n="@@parametersView.none">No parameters.</p>
    }
    @if (entries().length > 0) {
      <button
        mat-button
        type="button"
        class="mp-pv__toggle"
        (click)="showJson.set(!showJson())"
        [attr.aria-expanded]="showJson()"
        [attr.aria-controls]="jsonId"
      >
        @if (showJson()) {
          <ng-container i18n="@@parametersView.hideJson">Hide JSON</ng-container>
        } @else {
          <ng-container i18n="@@parametersView.showJson">Show JSON</ng-container>
        }
      </button>
      @if (showJson()) {
        <pre class="mp-pv__json" [id]="jsonId">{{ maskedJson() | json }}</pre>
      }
    }
    <ng-template #list let-entries>
      <dl class="mp-pv__list">
        @for (entry of entries; track entry.pointer + entry.label) {
          <div class="mp-pv__entry">
            <dt>{{ entry.label }}</dt>
            <dd>
              @if (entry.children) {
                <ng-container *ngTemplateOutlet="list; context: { $implicit: entry.children }" />
              } @else if (entry.secret) {
                <span class="mp-pv__secret"
                  ><span aria-hidden="true">{{ entry.text }}</span>
                  <span i18n="@@parametersView.secretSet">(set, hidden)</span></span
                >
              } @else {
                {{ entry.text }}
              }
            </dd>
          </div>
        }
      </dl>
    </ng-template>
  `,
})
export class ParametersView {
  /** The plan's parameter schema as the broker sent it, if any. */
  readonly schema = input<unknown>();
  /** The parameters. */
  readonly value = input<Record<string, unknown>>({});
  /** JSON pointers of secrets the platform keeps but does not reveal. */
  readonly storedSecrets = input<readonly string[]>([]);
  /** Whether the raw JSON is shown. */
  protected readonly showJson = signal(false);
  /** DOM id of the JSON. */
  protected readonly jsonId = `mp-pv-${++viewCount}-json`;
  /** The parameters in words. */
  protected readonly entries = computed<ParameterEntry[]>(() =>
    describeParameters(this.schema(), this.value(), this.storedSecrets()),
  );
  /** The raw parameters with every secret masked. */
  protected readonly maskedJson = computed(() => maskSecrets(this.value(), this.entries()));
}

/** A copy of the parameters with the values the described entries mark as secret masked. */
function maskSecrets(value: Record<string, unknown>, entries: ParameterEntry[]): Record<string, unknown> {
  const pointers: string[] = [];
  const walk = (list: ParameterEntry[]) =>
    list.forEach((entry) => (entry.secret ? pointers.push(entry.pointer) : entry.children && walk(entry.children)));
  walk(entries);
  return withValuesAt(value, Object.fromEntries(pointers.map((pointer) => [pointer, MASKED_SECRET])));
}
