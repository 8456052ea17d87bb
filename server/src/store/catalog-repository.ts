import type { Queryable } from './database.ts';

/** A broker's last good catalog as stored. */
export interface StoredCatalog {
  brokerId: string;
  /** The catalog exactly as the broker sent it (validated again when read). */
  catalog: unknown;
  fetchedAt: Date;
}

/** Keeps each broker's last good catalog. */
export class CatalogRepository {
  /** @param database where the catalogs live */
  constructor(private readonly database: Queryable) {}

  /** Every stored catalog. */
  async findAll(): Promise<StoredCatalog[]> {
    const { rows } = await this.database.query<{ broker_id: string; catalog: unknown; fetched_at: Date | string }>(
      'SELECT broker_id, catalog, fetched_at FROM broker_catalogs ORDER BY broker_id',
    );
    return rows.map((row) => ({ brokerId: row.broker_id, catalog: row.catalog, fetchedAt: new Date(row.fetched_at) }));
  }

  /** Stores (or replaces) a broker's last good catalog. */
  async save(entry: StoredCatalog): Promise<void> {
    await this.database.query(
      `INSERT INTO broker_catalogs (broker_id, catalog, fetched_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (broker_id) DO UPDATE SET catalog = EXCLUDED.catalog, fetched_at = EXCLUDED.fetched_at`,
      [entry.brokerId, JSON.stringify(entry.catalog), entry.fetchedAt.toISOString()],
    );
  }
}
