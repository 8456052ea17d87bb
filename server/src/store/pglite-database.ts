import { mkdir } from 'node:fs/promises';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import { rethrowConnectionFailure, type Database, type Queryable, type QueryOptions } from './database.ts';

/** Opens the embedded PostgreSQL with its data in `directory` (created when missing). */
export async function openPgliteDatabase(directory: string): Promise<Database> {
  await mkdir(directory, { recursive: true });
  const pglite = await PGlite.create(directory);
  const prepared = new PreparedStatements(pglite);
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => ({
      rows: (await target.query<T>(sql, params).catch(rethrowConnectionFailure)).rows,
    }),
    exec: async (sql: string) => {
      await target.exec(sql).catch(rethrowConnectionFailure);
    },
  });
  const { query, exec } = wrap(pglite);
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
      options.prepare
        ? { rows: await prepared.query<T>(sql, params).catch(rethrowConnectionFailure) }
        : query<T>(sql, params),
    exec,
    // Inside a transaction statements run unprepared (PGlite's transaction holds the connection).
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))).catch(rethrowConnectionFailure),
    async listen(channel, handler) {
      const unsubscribe = await pglite.listen(channel, handler);
      return () => unsubscribe();
    },
    close: () => pglite.close(),
  };
}

/** A statement prepared on the embedded database: its name and how its parameters are written. */
interface PreparedStatement {
  name: string;
  parameterTypes: number[];
}

/**
 * Statements prepared on the embedded database by their text, each run with the wire protocol's
 * Bind and Execute. PGlite's `query` parses and plans every statement anew, which for the
 * instances list cost as much as running it; a prepared statement is parsed once and, after a few
 * runs, planned once (PostgreSQL's generic plan). Each run waits, as `query` does, until no
 * transaction is open and no other statement runs.
 */
class PreparedStatements {
  private readonly statements = new Map<string, PreparedStatement>();

  constructor(private readonly pglite: PGlite) {}

  /** Runs `sql` with `params`, preparing it on its first run. */
  query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.pglite._runExclusiveTransaction(() =>
      this.pglite.runExclusive(async () => {
        if (this.pglite.closed) throw new Error('PGlite is closed');
        const statement = this.statements.get(sql) ?? (await this.prepare(sql));
        const values = params.map((value, index) => {
          if (value === null || value === undefined) return null;
          const serializer = this.pglite.serializers[statement.parameterTypes[index]!];
          return serializer ? serializer(value) : String(value);
        });
        // One message batch, ending with Sync: after an error the connection is ready again.
        const messages = await this.pglite.execProtocolStream(
          batch(
            protocol.serialize.bind({ statement: statement.name, values }),
            protocol.serialize.describe({ type: 'P' }),
            protocol.serialize.execute({}),
            protocol.serialize.sync(),
          ),
          { syncToFs: false },
        );
        await this.pglite.syncToFs();
        return (parse.parseResults(messages, this.pglite.parsers)[0]?.rows ?? []) as T[];
      }),
    );
  }

  private async prepare(sql: string): Promise<PreparedStatement> {
    const name = `prepared_${this.statements.size + 1}`;
    const messages = await this.pglite.execProtocolStream(
      batch(
        protocol.serialize.parse({ name, text: sql }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ),
      { syncToFs: false },
    );
    const statement = { name, parameterTypes: parse.parseDescribeStatementResults(messages) };
    this.statements.set(sql, statement);
    return statement;
  }
}

/** Protocol messages as one buffer, which PGlite answers in one call. */
function batch(...messages: Uint8Array[]): Uint8Array {
  const buffer = new Uint8Array(messages.reduce((length, message) => length + message.length, 0));
  let offset = 0;
  for (const message of messages) {
    buffer.set(message, offset);
    offset += message.length;
  }
  return buffer;
}
