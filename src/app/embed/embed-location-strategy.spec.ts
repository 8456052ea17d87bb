import { addressOf, routeOf } from './embed-location-strategy';

describe('embedded addresses', () => {
  const base = '/portal/marketplace';

  it('maps addresses below the base path to routes of the chosen project', () => {
    expect(routeOf('/portal/marketplace', base, 'p1')).toBe('/projects/p1/marketplace');
    expect(routeOf('/portal/marketplace/', base, 'p1')).toBe('/projects/p1/marketplace');
    expect(routeOf('/portal/marketplace/services/s1', base, 'p1')).toBe('/projects/p1/marketplace/services/s1');
    expect(routeOf('/portal/marketplace/services/s1/order', base, 'p1')).toBe(
      '/projects/p1/marketplace/services/s1/order',
    );
    expect(routeOf('/portal/marketplace/instances', base, 'p1')).toBe('/projects/p1/instances');
    expect(routeOf('/portal/marketplace/instances/i1', base, 'p 1')).toBe('/projects/p%201/instances/i1');
  });

  it("leaves the host's addresses alone", () => {
    expect(routeOf('/portal/overview', base, 'p1')).toBeNull();
    expect(routeOf('/portal/marketplaces', base, 'p1')).toBeNull();
    expect(routeOf('/portal/marketplace/services/s1', base, null)).toBeNull();
  });

  it('shows routes without the project, the reverse of routeOf', () => {
    for (const address of [
      '/portal/marketplace/',
      '/portal/marketplace/services/s1',
      '/portal/marketplace/instances/i1',
    ]) {
      expect(addressOf(routeOf(address, base, 'p1')!, base, 'p1')).toBe(address);
    }
    expect(addressOf('/projects/p1/marketplace?search=sql#top', base, 'p1')).toBe(
      '/portal/marketplace/?search=sql#top',
    );
    expect(addressOf('/projects/p1', base, 'p1')).toBe('/portal/marketplace/');
    expect(addressOf('/projects/p1/instances', '', 'p1')).toBe('/instances');
  });
});
