import type { ServiceSummary } from '@osb/api';

/** What the user filters the marketplace by. */
export interface CatalogFilter {
  /** Free text; every word must occur in the name, description, tags or provider. */
  readonly search: string;
  /** Tags a service must all carry. */
  readonly tags: readonly string[];
}

/** Whether the filter narrows anything down. */
export function isFilterActive(filter: CatalogFilter): boolean {
  return filter.search.trim().length > 0 || filter.tags.length > 0;
}

/** A service with its search text and tags lower-cased once, so filtering does no string work per service. */
export interface SearchableService {
  readonly service: ServiceSummary;
  /** Display name, name, description, provider and tags, lower-cased, one per line. */
  readonly text: string;
  /** The tags, lower-cased. */
  readonly tags: readonly string[];
}

/** Prepares a service for {@link filterServices}. */
export function searchable(service: ServiceSummary): SearchableService {
  const text = [
    service.displayName,
    service.name,
    service.description,
    service.providerDisplayName ?? '',
    ...service.tags,
  ]
    .join('\n')
    .toLocaleLowerCase();
  return { service, text, tags: service.tags.map((tag) => tag.toLocaleLowerCase()) };
}

/**
 * The services that match the filter, in order. Matching ignores case; every search word must
 * occur in the display name, name, description, tags or provider, and every selected tag be carried.
 */
export function filterServices(services: readonly SearchableService[], filter: CatalogFilter): ServiceSummary[] {
  const tags = filter.tags.map((tag) => tag.toLocaleLowerCase());
  const words = filter.search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (tags.length === 0 && words.length === 0) {
    return services.map((entry) => entry.service);
  }
  return services
    .filter(
      (entry) => tags.every((tag) => entry.tags.includes(tag)) && words.every((word) => entry.text.includes(word)),
    )
    .map((entry) => entry.service);
}

/** The global services, and the local services of one location, each in catalog order. */
export function servicesByLocality(
  services: readonly ServiceSummary[],
  locationId: string | undefined,
): { global: ServiceSummary[]; local: ServiceSummary[] } {
  return {
    global: services.filter((service) => service.locality.kind === 'global'),
    local: services.filter(
      (service) => service.locality.kind === 'local' && service.locality.locationId === locationId,
    ),
  };
}

/** Every tag of the given tag lists, once each (ignoring case), sorted alphabetically. */
export function collectTags(tagLists: readonly (readonly string[])[]): string[] {
  const tags = new Map<string, string>();
  for (const tag of tagLists.flat()) {
    if (!tags.has(tag.toLocaleLowerCase())) {
      tags.set(tag.toLocaleLowerCase(), tag);
    }
  }
  return [...tags.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
