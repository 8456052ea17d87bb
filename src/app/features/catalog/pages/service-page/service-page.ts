import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { apiErrorMessage, isNotFound } from '@app/core/api/api-error';
import { MarketplaceApi } from '@app/core/api/marketplace-api';
import { PageTitleStrategy } from '@app/core/layout/page-title-strategy';
import { LoadStatus } from '@app/shared/ui/load-status/load-status';
import { Markdown } from '@app/shared/ui/markdown/markdown';
import { PlanList } from '@app/shared/ui/plan-list/plan-list';
import { safeLinkUrl } from '@app/shared/ui/safe-url/safe-url';
import { ServiceIcon } from '@app/shared/ui/service-icon/service-icon';
import { ServiceNotFound } from '@app/shared/ui/service-not-found/service-not-found';
import { ServiceFlags } from '../../components/service-flags/service-flags';

/** One service of the marketplace: what it is, who offers it, where, its capabilities and plans. */
@Component({
  selector: 'mp-service-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    RouterLink,
    LoadStatus,
    Markdown,
    PlanList,
    ServiceFlags,
    ServiceIcon,
    ServiceNotFound,
  ],
  templateUrl: './service-page.html',
  styleUrl: './service-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServicePage {
  private readonly api = inject(MarketplaceApi);
  private readonly pageTitle = inject(PageTitleStrategy);

  /** Route parameter: the project the marketplace belongs to. */
  readonly projectId = input.required<string>();
  /** Route parameter: the service to show. */
  readonly serviceId = input.required<string>();

  /** The service. */
  protected readonly service = this.api.serviceResource(() => this.serviceId());
  /** The catalog, loaded only for a local service, to name its location. */
  private readonly catalog = this.api.catalogResource(
    () => this.service.hasValue() && this.service.value().locality.kind === 'local',
  );
  /** The service once loaded (reading `value()` of a failed resource throws). */
  private readonly offering = computed(() => (this.service.hasValue() ? this.service.value() : undefined));

  /** Where the service is offered: "Global" or the location's name. */
  protected readonly localityLabel = computed(() => {
    const locality = this.offering()?.locality;
    if (!locality || locality.kind === 'global') {
      return $localize`:service locality@@localityGlobal:Global`;
    }
    const locations = this.catalog.hasValue() ? this.catalog.value().locations : [];
    const location = locations.find((l) => l.id === locality.locationId);
    return location?.displayName ?? locality.locationId;
  });
  /** Link to the documentation, if it is a safe URL. */
  protected readonly documentationUrl = computed(() => safeLinkUrl(this.offering()?.documentationUrl));
  /** Link to support, if it is a safe URL. */
  protected readonly supportUrl = computed(() => safeLinkUrl(this.offering()?.supportUrl));
  /** Whether the service does not exist. */
  protected readonly notFound = computed(() => isNotFound(this.service.error()));
  /** Why the service could not be loaded, other than not existing. */
  protected readonly errorMessage = computed(() => {
    const error = this.service.error();
    return error && !isNotFound(error) ? apiErrorMessage(error) : null;
  });

  constructor() {
    effect(() => {
      const service = this.offering();
      if (service) {
        this.pageTitle.setPageTitle(service.displayName);
      }
    });
  }

  /** Loads the service again after an error. */
  protected reload(): void {
    this.service.reload();
  }
}
