import { Injectable, type OnDestroy, signal } from '@angular/core';

/** How often relative times ("5 minutes ago") are brought up to date. */
const TICK_MS = 30_000;

/** The current time as a signal that moves on every 30 seconds, for texts such as "5 minutes ago". */
@Injectable({ providedIn: 'root' })
export class Clock implements OnDestroy {
  private readonly time = signal(new Date());
  private readonly timer = setInterval(() => this.time.set(new Date()), TICK_MS);

  /** The time, at most 30 seconds old. */
  readonly now = this.time.asReadonly();

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }
}
