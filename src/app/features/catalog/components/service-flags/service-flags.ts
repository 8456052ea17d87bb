import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

import type { ServiceSummary } from '@osb/api';
import type { AppIconName } from '@app/shared/ui/icons/app-icons';

/** One capability of a service, shown as a chip. */
interface ServiceFlag {
  readonly id: string;
  readonly icon: AppIconName;
  readonly label: string;
  readonly explanation: string;
}

/**
 * What a service supports (bindings, plan changes, sharing, …) as small chips; each chip's
 * tooltip explains what it means.
 */
@Component({
  selector: 'mp-service-flags',
  imports: [MatChipsModule, MatIconModule, MatTooltipModule],
  template: `
    @if (flags().length > 0) {
      <mat-chip-set i18n-aria-label="@@serviceFlagsLabel" aria-label="Capabilities">
        @for (flag of flags(); track flag.id) {
          <mat-chip [matTooltip]="flag.explanation" tabindex="0">
            <mat-icon matChipAvatar [svgIcon]="flag.icon" aria-hidden="true" />
            {{ flag.label }}
          </mat-chip>
        }
      </mat-chip-set>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceFlags {
  /** The service whose capabilities to show. */
  readonly service = input.required<ServiceSummary>();

  /** The flags that apply to the service. */
  protected readonly flags = computed<ServiceFlag[]>(() => {
    const service = this.service();
    const flags: ServiceFlag[] = [];
    if (service.bindable || service.plans.some((plan) => plan.bindable)) {
      flags.push({
        id: 'bindable',
        icon: 'link',
        label: $localize`:service flag@@flagBindable:Bindable`,
        explanation: $localize`:@@flagBindableHelp:You can create bindings (credentials) to connect applications to an instance.`,
      });
    }
    if (service.plans.some((plan) => plan.planUpdateable)) {
      flags.push({
        id: 'plan-updateable',
        icon: 'sync',
        label: $localize`:service flag@@flagPlanUpdateable:Plan updatable`,
        explanation: $localize`:@@flagPlanUpdateableHelp:An instance can be moved to another plan after it was created.`,
      });
    }
    if (service.shareable) {
      flags.push({
        id: 'shareable',
        icon: 'share',
        label: $localize`:service flag@@flagShareable:Shareable`,
        explanation: $localize`:@@flagShareableHelp:An instance can be shared with other projects.`,
      });
    }
    if (service.sensitive) {
      flags.push({
        id: 'sensitive',
        icon: 'lock',
        label: $localize`:service flag@@flagSensitive:Sensitive`,
        explanation: $localize`:@@flagSensitiveHelp:Binding credentials are shown only once, when the binding is created, and are never stored by the marketplace.`,
      });
    }
    if (service.tenantAware) {
      flags.push({
        id: 'tenant-aware',
        icon: 'business',
        label: $localize`:service flag@@flagTenantAware:Tenant-aware`,
        explanation: $localize`:@@flagTenantAwareHelp:Bindings can be made for one of the project's tenants on a platform.`,
      });
    }
    if (service.plans.some((plan) => plan.expiryDays !== undefined)) {
      flags.push({
        id: 'expiring-bindings',
        icon: 'schedule',
        label: $localize`:service flag@@flagExpiringBindings:Expiring bindings`,
        explanation: $localize`:@@flagExpiringBindingsHelp:Bindings of some plans are deleted after a number of days, so credentials are rotated.`,
      });
    }
    return flags;
  });
}
