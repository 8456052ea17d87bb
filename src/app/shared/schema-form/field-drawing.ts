import { Injectable, Injector, OnDestroy, afterNextRender, inject } from '@angular/core';
import { isJsonObject } from '@osb/json-schema';

/** Forms with at most this many fields are drawn at once; larger ones draw what is seen first. */
export const EAGER_FIELD_LIMIT = 30;

/** How many waiting fields are drawn per frame once the fields in view are drawn. */
const FIELDS_PER_FRAME = 8;

/** How far outside the viewport (as CSS margin) a field counts as seen, so it is drawn before it scrolls in. */
const VIEWPORT_MARGIN = '50% 0px';

/**
 * Decides when each field of one parameters form is drawn. Small forms, and browsers without
 * `IntersectionObserver`, draw every field at once. In a large form the fields in the viewport
 * are drawn before the browser paints the form for the first time, and any other field as soon as
 * it comes near the viewport or is focused; the fields out of view are drawn a few per frame
 * after that, in form order, so the page stays responsive and, once they are all drawn,
 * find-in-page and screen readers see the whole form. Until then a field shows a placeholder of
 * its size with its label.
 */
@Injectable()
export class FieldDrawing implements OnDestroy {
  private eager = true;
  private waiting = new Map<Element, () => void>();
  /** Whether some field was registered before one that stands above it in the page. */
  private outOfOrder = false;
  private lastRegistered: Element | undefined;
  private observer: IntersectionObserver | undefined;
  private fillScheduled = false;
  private viewportCheckScheduled = false;
  private destroyed = false;
  private readonly injector = inject(Injector);

  /** Sets how many fields the form has, before its fields are created; decides whether drawing waits. */
  setFieldCount(count: number): void {
    this.eager = count <= EAGER_FIELD_LIMIT || typeof IntersectionObserver === 'undefined';
    this.lastRegistered = undefined;
  }

  /** Whether every field is drawn at once (a small form, or no way to tell what is in view). */
  get drawsAtOnce(): boolean {
    return this.eager || this.destroyed;
  }

  /**
   * Which of some fields, which will stand one below the other from the top of `start` with at
   * least these heights (undefined where not known), are in the viewport before they are laid out.
   * These are drawn in the form's first pass, so that no placeholder and no second pass are made
   * for them; the check once the form is laid out draws any field this misses. Every field when
   * the form draws them all at once; none when `start` is not rendered (such as in a hidden step).
   */
  fieldsInView(start: Element, heights: readonly (number | undefined)[]): boolean[] {
    if (this.drawsAtOnce) {
      return heights.map(() => true);
    }
    const viewportHeight = window.innerHeight;
    let top = start.getClientRects()[0]?.top ?? Number.POSITIVE_INFINITY;
    return heights.map((height) => {
      if (height === undefined || top >= viewportHeight) {
        top = Number.POSITIVE_INFINITY;
        return false;
      }
      top += height;
      return top > 0;
    });
  }

  /**
   * Registers a field's element; `draw` is called once, when the field is to be drawn (at once
   * for an eager form). Returns whether the field was drawn at once.
   */
  register(element: Element, draw: () => void): boolean {
    if (this.eager || this.destroyed) {
      draw();
      return true;
    }
    this.outOfOrder ||= this.lastRegistered !== undefined && standsBefore(element, this.lastRegistered);
    this.lastRegistered = element;
    this.waiting.set(element, draw);
    this.observer ??= new IntersectionObserver((entries) => this.drawSeen(entries), { rootMargin: VIEWPORT_MARGIN });
    this.observer.observe(element);
    this.scheduleViewportCheck();
    return false;
  }

  /** Draws a waiting field now (it got the focus, or a problem with it is shown); nothing if it is drawn. */
  drawNow(element: Element): void {
    const draw = this.waiting.get(element);
    if (draw) {
      this.waiting.delete(element);
      this.observer?.unobserve(element);
      draw();
    }
  }

  /** Forgets a field that is destroyed before it was drawn. */
  unregister(element: Element): void {
    this.waiting.delete(element);
    this.observer?.unobserve(element);
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.observer?.disconnect();
    this.waiting.clear();
  }

  /**
   * Draws the fields in the viewport once the change detection that created them is done, before
   * the browser paints: the observer reports only after a frame, so waiting for it would paint the
   * form once with placeholders and once more with the fields.
   */
  private scheduleViewportCheck(): void {
    if (this.viewportCheckScheduled) {
      return;
    }
    this.viewportCheckScheduled = true;
    afterNextRender(
      {
        read: () => {
          this.viewportCheckScheduled = false;
          this.drawInViewport();
        },
      },
      { injector: this.injector },
    );
  }

  /**
   * Draws the waiting fields that overlap the viewport. Fields stand one below the other in form
   * order, so the first one below the viewport ends the search (one that is missed, such as a field
   * of a list item added later, is drawn when the observer reports it).
   */
  private drawInViewport(): void {
    if (this.outOfOrder) {
      // Nested objects register their fields before the fields around them: put them in page order.
      this.outOfOrder = false;
      this.waiting = new Map(
        [...this.waiting].sort(([a], [b]) => (standsBefore(a, b) ? -1 : standsBefore(b, a) ? 1 : 0)),
      );
    }
    const viewportHeight = window.innerHeight;
    for (const element of [...this.waiting.keys()]) {
      const { top, bottom } = element.getBoundingClientRect();
      if (top >= viewportHeight) {
        return;
      }
      if (bottom > 0) {
        this.drawNow(element);
      }
    }
  }

  private drawSeen(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        this.drawNow(entry.target);
      }
    }
    this.scheduleFill();
  }

  /** Draws the waiting fields a few per frame, in form order, after the ones in view. */
  private scheduleFill(): void {
    if (this.fillScheduled || this.waiting.size === 0) {
      return;
    }
    this.fillScheduled = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.fillScheduled = false;
        for (const element of [...this.waiting.keys()].slice(0, FIELDS_PER_FRAME)) {
          this.drawNow(element);
        }
        this.scheduleFill();
      }),
    );
  }
}

/** Whether `element` stands before `other` in the same page. */
function standsBefore(element: Element, other: Element): boolean {
  const position = other.compareDocumentPosition(element);
  return !(position & Node.DOCUMENT_POSITION_DISCONNECTED) && !!(position & Node.DOCUMENT_POSITION_PRECEDING);
}

/** How many fields a schema draws: its properties at any depth (list items not counted). */
export function countFields(schema: unknown): number {
  if (!isJsonObject(schema) || !isJsonObject(schema['properties'])) {
    return 0;
  }
  return Object.values(schema['properties']).reduce<number>((count, field) => count + 1 + countFields(field), 0);
}
