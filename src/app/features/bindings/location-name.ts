import type { Location } from '@osb/api';

/** A location's display name among the catalog's locations, else its id (a location the catalog no longer lists). */
export function locationName(locations: readonly Location[], locationId: string): string {
  return locations.find((location) => location.id === locationId)?.displayName ?? locationId;
}
