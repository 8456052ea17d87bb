import type { InstanceSharingFilter, InstanceSortKey, ServiceInstanceListQuery } from '@osb/api';

/**
 * The instances list's search, filters and sort as the URL carries them (`?search=…&status=…`; not
 * `state`, which the sign-in redirect uses for itself and removes).
 */
export interface InstanceListFilter {
  /** Part of an instance's or its service's name. */
  readonly search: string;
  readonly state?: ServiceInstanceListQuery['state'];
  readonly serviceId?: string;
  readonly sharing?: InstanceSharingFilter;
  readonly sort: InstanceSortKey;
  readonly order: 'asc' | 'desc';
}

/** The query parameters the list reads, with the values they may take (others are ignored). */
export interface InstanceListParams {
  readonly search?: string;
  readonly status?: string;
  readonly service?: string;
  readonly sharing?: string;
  readonly sort?: string;
  readonly order?: string;
}

const STATES = ['in progress', 'succeeded', 'failed'] as const;
const SHARING = ['with-us', 'by-us'] as const;
const SORTS = ['name', 'service', 'created', 'status'] as const;

/** The list's default: every instance, oldest first. */
const DEFAULT_INSTANCE_LIST_FILTER: InstanceListFilter = { search: '', sort: 'created', order: 'asc' };

/** Reads the filter from the URL's query parameters, ignoring values the list does not know. */
export function filterFromParams(params: InstanceListParams): InstanceListFilter {
  const state = oneOf(STATES, params.status);
  const sharing = oneOf(SHARING, params.sharing);
  return {
    search: (params.search ?? '').trim(),
    ...(state ? { state } : {}),
    ...(params.service ? { serviceId: params.service } : {}),
    ...(sharing ? { sharing } : {}),
    sort: oneOf(SORTS, params.sort) ?? DEFAULT_INSTANCE_LIST_FILTER.sort,
    order: params.order === 'desc' ? 'desc' : 'asc',
  };
}

/** The query parameters for a filter; defaults are left out (null removes them from the URL). */
export function paramsOfFilter(filter: InstanceListFilter): Record<keyof InstanceListParams, string | null> {
  return {
    search: filter.search || null,
    status: filter.state ?? null,
    service: filter.serviceId ?? null,
    sharing: filter.sharing ?? null,
    sort: filter.sort === DEFAULT_INSTANCE_LIST_FILTER.sort ? null : filter.sort,
    order: filter.order === 'desc' ? 'desc' : null,
  };
}

/** The platform's list query for a filter and a page size. */
export function listQueryOf(filter: InstanceListFilter, limit: number): ServiceInstanceListQuery {
  return {
    limit,
    ...(filter.search ? { search: filter.search } : {}),
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.serviceId ? { serviceId: filter.serviceId } : {}),
    ...(filter.sharing ? { sharing: filter.sharing } : {}),
    ...(filter.sort !== DEFAULT_INSTANCE_LIST_FILTER.sort ? { sort: filter.sort } : {}),
    ...(filter.order === 'desc' ? { order: filter.order } : {}),
  };
}

/** Whether the filter narrows the list (a sort alone does not). */
export function narrowsList(filter: InstanceListFilter): boolean {
  return filter.search !== '' || !!filter.state || !!filter.serviceId || !!filter.sharing;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((candidate) => candidate === value);
}
