import type { ServiceOffering } from '@osb/api';

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

/**
 * Whether a service matches the filter. Matching ignores case; the search looks at the display
 * name, name, description, tags and provider.
 */
export function matchesFilter(service: ServiceOffering, filter: CatalogFilter): boolean {
  const serviceTags = service.tags.map((tag) => tag.toLocaleLowerCase());
  if (!filter.tags.every((tag) => serviceTags.includes(tag.toLocaleLowerCase()))) {
    return false;
  }
  const words = filter.search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return true;
  }
  const text = [
    service.displayName,
    service.name,
    service.description,
    service.providerDisplayName ?? '',
    ...service.tags,
  ]
    .join('\n')
    .toLocaleLowerCase();
  return words.every((word) => text.includes(word));
}

/** The global services, and the local services of one location, each in catalog order. */
export function servicesByLocality(
  services: readonly ServiceOffering[],
  locationId: string | undefined,
): { global: ServiceOffering[]; local: ServiceOffering[] } {
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
