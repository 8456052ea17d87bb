import {
  type CatalogFilter,
  collectTags,
  filterServices,
  isFilterActive,
  searchable,
  servicesByLocality,
} from './catalog-filter';
import { testCatalog, testService } from '@testing/catalog-fixtures';

describe('catalog filter', () => {
  const service = testService({
    displayName: 'PostgreSQL',
    name: 'postgresql-ha',
    description: 'Managed databases with backups.',
    providerDisplayName: 'Likvid Data Services',
    tags: ['Database', 'sql'],
  });
  const matchesFilter = (filter: CatalogFilter) => filterServices([searchable(service)], filter).length === 1;
  const search = (text: string) => matchesFilter({ search: text, tags: [] });

  it('searches display name, name, description, tags and provider, ignoring case', () => {
    expect(search('postgres')).toBe(true);
    expect(search('HA')).toBe(true);
    expect(search('BACKUPS')).toBe(true);
    expect(search('database')).toBe(true);
    expect(search('likvid')).toBe(true);
    expect(search('mysql')).toBe(false);
  });

  it('needs every search word to match somewhere', () => {
    expect(search('  likvid   backups ')).toBe(true);
    expect(search('likvid mysql')).toBe(false);
    expect(search('')).toBe(true);
  });

  it('needs every selected tag, ignoring case', () => {
    expect(matchesFilter({ search: '', tags: ['database'] })).toBe(true);
    expect(matchesFilter({ search: '', tags: ['database', 'SQL'] })).toBe(true);
    expect(matchesFilter({ search: '', tags: ['database', 'cache'] })).toBe(false);
  });

  it('knows when it is active', () => {
    expect(isFilterActive({ search: ' ', tags: [] })).toBe(false);
    expect(isFilterActive({ search: 'x', tags: [] })).toBe(true);
    expect(isFilterActive({ search: '', tags: ['x'] })).toBe(true);
  });

  it('splits global services from the local services of one location', () => {
    const { global, local } = servicesByLocality(testCatalog().services, 'eu-nl-west');
    expect(global.map((s) => s.id)).toEqual(['dns', 'backup']);
    expect(local.map((s) => s.id)).toEqual(['redis-ams']);
  });

  it('collects tags once each, sorted', () => {
    expect(
      collectTags([
        ['sql', 'Database'],
        ['database', 'cache'],
      ]),
    ).toEqual(['cache', 'Database', 'sql']);
  });
});
