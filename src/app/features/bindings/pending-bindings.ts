import { Injectable } from '@angular/core';

import type { Parameters } from '@app/shared/schema-form/parameters-form';

/** A binding ordered together with its instance, to be created once the instance is ready. */
export interface PendingBinding {
  /** The binding's name. */
  readonly name: string;
  /** The parameters of the plan's binding schema. */
  readonly parameters: Parameters;
}

/**
 * The bindings ordered with an instance in the order wizard, by instance id, until the instance
 * page creates them once the instance's provisioning succeeded. Held in memory only (never in
 * the address or the browser's storage): leaving the app drops them.
 */
@Injectable({ providedIn: 'root' })
export class PendingBindings {
  private readonly pending = new Map<string, PendingBinding>();

  /** Remembers the binding to create once the instance is ready. */
  hold(instanceId: string, binding: PendingBinding): void {
    this.pending.set(instanceId, binding);
  }

  /** Whether a binding waits for the instance. */
  has(instanceId: string): boolean {
    return this.pending.has(instanceId);
  }

  /** Hands out the binding waiting for the instance, once: it is forgotten here. */
  take(instanceId: string): PendingBinding | undefined {
    const binding = this.pending.get(instanceId);
    this.pending.delete(instanceId);
    return binding;
  }
}
