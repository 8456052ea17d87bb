import { Injectable, type Signal, computed, signal } from '@angular/core';
import type { ParameterProblem } from './parameters-validator';

/**
 * State one parameters form shares with its widgets:
 * - widgets whose text cannot become a value yet (JSON that does not parse, a map row without a
 *   key) report it here, so that the form is not valid while the value it would send differs from
 *   what the person sees;
 * - the form publishes the problems of the current value here, and each widget shows those at its
 *   own place, so that the fields and the summary always agree;
 * - variant pickers record which variant the person chose, which decides how the value is checked.
 */
@Injectable()
export class SchemaFormState {
  private readonly blocked = signal<ReadonlySet<string>>(new Set());
  /** Whether some widget holds input that cannot become a value. */
  readonly hasUnreadableInput = computed(() => this.blocked().size > 0);
  /**
   * The problems of the current value. An equal list does not count as a change: while a keystroke
   * leaves the problems as they were, no field's messages are looked at again.
   */
  readonly problems = signal<readonly ParameterProblem[]>([], { equal: sameProblems });
  /** Whether every problem is shown, also at fields nobody touched (after Next or a refused submit). */
  readonly revealAll = signal(false);
  /** The variant chosen for each object with variants, by JSON pointer ('' for the root). */
  readonly variantChoices = signal<Readonly<Record<string, number>>>({});
  /** In update mode, the JSON pointers of the secrets the platform keeps (shown as set, never as values). */
  readonly storedSecrets = signal<readonly string[]>([]);

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

  /** The messages of the problems, by the problem's path (`#` and a JSON pointer), each message once. */
  private readonly messagesByPath = computed(() => {
    const byPath = new Map<string, string[]>();
    for (const { path, message } of this.problems()) {
      const messages = byPath.get(path);
      if (!messages) {
        byPath.set(path, [message]);
      } else if (!messages.includes(message)) {
        messages.push(message);
      }
    }
    return byPath;
  });

  /** The messages about the value at a JSON pointer ('' for the whole value). */
  messagesAt(pointer: string): readonly string[] {
    return this.messagesByPath().get(`#${pointer}`) ?? NO_MESSAGES;
  }

  /**
   * The messages about the value at a JSON pointer as a signal that changes only when they do, so
   * that a keystroke redraws the fields whose messages changed rather than every field.
   */
  messagesOf(pointer: () => string): Signal<readonly string[]> {
    return computed(() => this.messagesAt(pointer()), { equal: sameMessages });
  }

  /** Records the variant chosen for the object at a JSON pointer. */
  chooseVariant(pointer: string, index: number): void {
    this.variantChoices.update((choices) => ({ ...choices, [pointer]: index }));
  }
}

const NO_MESSAGES: readonly string[] = [];

/** Whether two lists of problems say the same in the same order. */
export function sameProblems(a: readonly ParameterProblem[], b: readonly ParameterProblem[]): boolean {
  return (
    a.length === b.length &&
    a.every((problem, index) => problem.path === b[index]!.path && problem.message === b[index]!.message)
  );
}

function sameMessages(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((message, index) => message === b[index]);
}
