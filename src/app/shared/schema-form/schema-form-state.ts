import { Injectable, computed, signal } from '@angular/core';

/**
 * State one parameters form shares with its widgets: widgets whose text cannot become a value
 * yet (JSON that does not parse, a map row without a key) report it here, so that the form is
 * not valid while the value it would send differs from what the person sees.
 */
@Injectable()
export class SchemaFormState {
  private readonly blocked = signal<ReadonlySet<string>>(new Set());
  /** Whether some widget holds input that cannot become a value. */
  readonly hasUnreadableInput = computed(() => this.blocked().size > 0);

  /** Records whether the widget with this id holds unreadable input. */
  setUnreadable(widgetId: string, unreadable: boolean): void {
    const next = new Set(this.blocked());
    if (unreadable) {
      next.add(widgetId);
    } else {
      next.delete(widgetId);
    }
    this.blocked.set(next);
  }
}
