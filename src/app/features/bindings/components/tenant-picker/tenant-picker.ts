import { ChangeDetectionStrategy, Component, computed, effect, input, model } from '@angular/core';
import { MatRadioModule } from '@angular/material/radio';

import type { BindingTenantChoice, Location } from '@osb/api';
import { locationName } from '../../location-name';

/** A tenant as the picker offers it. */
interface TenantOption {
  readonly id: string;
  readonly platform: string;
  readonly locationName: string;
  /** Why it cannot be picked, if it cannot. */
  readonly disabledReason?: string;
}

/**
 * Picks the tenant of a tenant-aware binding among the project's tenants the platform offers:
 * any for a global service, only those in the instance's location for a local one (given as
 * `locationId`, checked here again). Tenants already bound to the instance are shown disabled,
 * with the reason (the radio button's description for screen readers), and a note says so when every one is.
 */
@Component({
  selector: 'mp-tenant-picker',
  imports: [MatRadioModule],
  template: `
    <p [id]="labelId" class="mp-tenant-picker__label" i18n="@@tenantPickerLabel">Tenant</p>
    @if (options().length === 0) {
      <p class="mp-tenant-picker__empty" role="note" i18n="@@tenantPickerEmpty">
        This project has no tenant this instance can be bound to.
      </p>
    } @else {
      <mat-radio-group
        [attr.aria-labelledby]="labelId"
        class="mp-tenant-picker__options"
        [value]="value()"
        (change)="value.set($event.value)"
      >
        @for (option of options(); track option.id) {
          <mat-radio-button
            [value]="option.id"
            [disabled]="!!option.disabledReason"
            [aria-describedby]="option.disabledReason ? labelId + '-' + $index : null"
          >
            <span class="mp-tenant-picker__id">{{ option.id }}</span>&ngsp;<span class="mp-tenant-picker__meta"
              >{{ option.platform }} · {{ option.locationName }}</span
            >
            @if (option.disabledReason; as reason) {
              <!-- Read out as the radio button's description, not as part of its name. -->
              &ngsp;<span class="mp-tenant-picker__reason" [id]="labelId + '-' + $index" aria-hidden="true">{{
                reason
              }}</span>
            }
          </mat-radio-button>
        }
      </mat-radio-group>
      @if (allBound()) {
        <p class="mp-tenant-picker__empty" role="note" i18n="@@tenantPickerAllBound">
          Every tenant of this project that this instance can be bound to is bound to it already.
        </p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .mp-tenant-picker__label {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .mp-tenant-picker__options {
      display: flex;
      flex-direction: column;
    }
    .mp-tenant-picker__id {
      font-family: ui-monospace, monospace;
    }
    .mp-tenant-picker__meta,
    .mp-tenant-picker__reason {
      color: var(--mat-sys-on-surface-variant);
    }
    .mp-tenant-picker__reason {
      font-style: italic;
    }
    /* A bound tenant's whole row takes Material's colour of a disabled label, not only its id. */
    .mat-mdc-radio-disabled .mp-tenant-picker__meta,
    .mat-mdc-radio-disabled .mp-tenant-picker__reason {
      color: inherit;
    }
    .mp-tenant-picker__empty {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenantPicker {
  private static nextId = 0;

  /** The platform's tenant choices for the instance. */
  readonly choices = input.required<readonly BindingTenantChoice[]>();
  /** The instance's location for a local service; undefined for a global one. */
  readonly locationId = input<string | undefined>(undefined);
  /** The locations, to name them. */
  readonly locations = input<readonly Location[]>([]);
  /** The picked tenant's id. */
  readonly value = model<string | undefined>(undefined);

  /** DOM id of the label. */
  protected readonly labelId = `mp-tenant-picker-${TenantPicker.nextId++}`;
  /** The tenants that may be shown: all of a global service's, only the instance location's for a local one. */
  protected readonly options = computed<TenantOption[]>(() => {
    const locationId = this.locationId();
    return this.choices()
      .filter(({ tenant }) => locationId === undefined || tenant.locationId === locationId)
      .map(({ tenant, bound }) => ({
        id: tenant.id,
        platform: tenant.platform,
        locationName: locationName(this.locations(), tenant.locationId),
        ...(bound ? { disabledReason: $localize`:@@tenantAlreadyBound:Already bound to this instance` } : {}),
      }));
  });

  /** Whether there are tenants, but every one is bound already: none can be picked. */
  protected readonly allBound = computed(() => {
    const options = this.options();
    return options.length > 0 && options.every((option) => option.disabledReason);
  });

  constructor() {
    // A tenant that cannot be picked (any more) is never the value.
    effect(() => {
      const value = this.value();
      if (value !== undefined && !this.options().some((option) => option.id === value && !option.disabledReason)) {
        this.value.set(undefined);
      }
    });
  }
}
