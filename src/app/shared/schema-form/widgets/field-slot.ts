import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnDestroy,
  OnInit,
  afterNextRender,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormElementComponent, type FormProperty } from 'ngx-schema-form';
import { Subscription } from 'rxjs';
import { FieldDrawing } from '../field-drawing';
import { FIELD_POINTER_BASE, propertyPointer } from '../field-id-prefix';
import { fieldLabel } from './material-control-widget';

/** What can take the focus inside a drawn field. */
const FOCUSABLE = 'input, textarea, mat-select, [role="combobox"], button, [tabindex]:not(.mp-sf-placeholder)';

/**
 * One field of an object. Its change detection is OnPush, so a keystroke, which marks the views
 * from its field up to the form for checking, does not check every other field of the form.
 *
 * In a large form the field is drawn when {@link FieldDrawing} says so; until then it shows a
 * placeholder of its size (a text field or a check box, with a line for the hint when the field
 * has a description) with its label, which can take the focus (Tab, or a link from the list
 * of problems) and then draws the field and hands the focus on to it. Objects and hidden fields
 * are drawn at once.
 */
@Component({
  selector: 'mp-sf-field-slot',
  imports: [FormElementComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'mp-sf-slot',
    '[class.mp-sf-slot--choice]': "formProperty().schema.type === 'boolean'",
    '[class.mp-sf-slot--hint]': '!!formProperty().schema.description',
    '[attr.data-mp-pointer]': 'pointer',
  },
  template: `
    @let shown = visible();
    @if (drawn()) {
      <sf-form-element class="mp-sf-element" [formProperty]="formProperty()" />
    } @else if (shown) {
      <div class="mp-sf-element mp-sf-placeholder" tabindex="0" (focus)="drawAndFocus()">
        {{ label }}
        @if (formProperty().schema['isRequired']) {
          <span class="mp-sf-required" aria-hidden="true"> *</span>
        }
      </div>
    }
  `,
})
export class FieldSlot implements OnInit, OnDestroy {
  /** The form property of the field. */
  readonly formProperty = input.required<FormProperty>();
  private readonly drawing = inject(FieldDrawing, { optional: true });
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly pointerBase = inject(FIELD_POINTER_BASE);
  private readonly subscription = new Subscription();
  /** Whether the field is drawn rather than its placeholder. */
  protected readonly drawn = signal(false);
  /**
   * Whether the field is shown (`visibleIf`). The library's element decides this on every check
   * of its own; reading it here gets the field checked when another field's value changes it.
   */
  protected readonly visible = signal(true);

  /** JSON pointer of the value, so that a problem's link finds the field while it is a placeholder. */
  get pointer(): string {
    return propertyPointer(this.pointerBase, this.formProperty());
  }

  /** The placeholder's text: the field's label. */
  protected get label(): string {
    return fieldLabel(this.formProperty().schema, this.formProperty().path);
  }

  ngOnInit(): void {
    const property = this.formProperty();
    const schema = property.schema;
    // Another field's value decides whether this one is shown; the root's value changes after it.
    this.subscription.add(property.root.valueChanges.subscribe(() => this.visible.set(property.visible)));
    const drawAtOnce = !this.drawing || schema.type === 'object' || schema.widget?.id === 'hidden';
    if (drawAtOnce || this.drawing.register(this.host.nativeElement, () => this.drawn.set(true))) {
      this.drawn.set(true);
    }
  }

  ngOnDestroy(): void {
    this.subscription.unsubscribe();
    this.drawing?.unregister(this.host.nativeElement);
  }

  /** Draws the field now and moves the focus into it. */
  protected drawAndFocus(): void {
    this.drawing?.drawNow(this.host.nativeElement);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(FOCUSABLE)?.focus(), {
      injector: this.injector,
    });
  }
}
