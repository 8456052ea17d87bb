import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import type { ServiceOffering, ServicePlan } from '@osb/api';
import { MarketplaceApi } from '@app/core/api/marketplace-api';
import { SchemaPreview } from '@app/shared/schema-form/schema-preview';

/**
 * Lets broker authors (anyone signed in) see how the marketplace renders parameter schemas: it
 * opens with one plan's schemas, in the OSB catalog form, and takes any pasted schema or catalog.
 */
@Component({
  selector: 'mp-schema-preview-page',
  imports: [MatButtonModule, MatIconModule, RouterLink, SchemaPreview],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button [routerLink]="['/projects', projectId(), 'marketplace', 'services', serviceId()]">
      <mat-icon svgIcon="arrow_back" aria-hidden="true" />
      <ng-container i18n="@@backToService">Back to the service</ng-container>
    </a>
    <h1 class="mp-page-title" i18n="@@schemaPreviewTitle">Preview parameter forms</h1>
    <p i18n="@@schemaPreviewIntro">
      See how the marketplace renders a plan's parameter schemas: the forms, their messages and the parameters a broker
      would receive. Edit the JSON or paste another schema or a whole catalog; nothing is saved or sent.
    </p>
    <mp-schema-preview [initialJson]="initialJson()" />
  `,
})
export class SchemaPreviewPage {
  /** Route parameter: the project whose marketplace links here. */
  readonly projectId = input.required<string>();
  /** Route parameter: the service whose plan is previewed. */
  readonly serviceId = input.required<string>();
  /** Query parameter: the plan to start with (all the service's plans without it). */
  readonly plan = input<string>();

  private readonly service = inject(MarketplaceApi).serviceResource(() => this.serviceId());
  /** The plan's schemas as an OSB catalog, the text the preview starts from. */
  protected readonly initialJson = computed(() => {
    const service = this.service.hasValue() ? this.service.value() : undefined;
    return service ? JSON.stringify(catalogOf(service, this.plan()), null, 2) : '';
  });
}

/** The service (one plan of it, if given) in the shape of an OSB `GET /v2/catalog` response. */
function catalogOf(service: ServiceOffering, planId: string | undefined): unknown {
  const plans = service.plans.filter((plan) => planId === undefined || plan.id === planId);
  return {
    services: [{ name: service.name, bindable: plans.some((plan) => plan.bindable), plans: plans.map(osbPlan) }],
  };
}

function osbPlan(plan: ServicePlan): unknown {
  const { instanceCreate, instanceUpdate, bindingCreate } = plan.schemas;
  const withParameters = (schema: unknown) => (schema === undefined ? undefined : { parameters: schema });
  return {
    name: plan.name,
    bindable: plan.bindable,
    schemas: {
      service_instance: { create: withParameters(instanceCreate), update: withParameters(instanceUpdate) },
      service_binding: { create: withParameters(bindingCreate) },
    },
  };
}
