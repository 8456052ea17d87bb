/**
 * `npm run bench:replicas`: 1,000 asynchronous provisions at concurrency 50, to completion, with
 * one and with three platform replicas (separate processes) on the PostgreSQL database at
 * `TEST_DATABASE_URL`, against a broker that records every request (each provision succeeds
 * 5 s after it was requested). Prints per run: the time until every operation finished, how many
 * were lost (not finished successfully) or duplicated (provisioned twice, polled twice at once,
 * finished twice), broker requests per operation, and the replicas' peak memory.
 *
 * The replicas run with the production defaults of `operations` (30 s leases, 5 s sweeps, polls
 * from 2 s backing off to 30 s). Options: `--operations=N`, `--concurrency=N`, `--replicas=1,3`.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openPostgresDatabase } from '../server/src/store/postgres-database.ts';
import { analyseLog, RECORDING_SERVICE, startRecordingBroker } from '../server/test/support/recording-broker.ts';
import {
  orderInstances,
  replicaConfig,
  sharedCredentialsKey,
  startReplica,
  waitForInstances,
  type ReplicaProcess,
} from '../server/test/support/replica-process.ts';
import { temporaryDirectory } from '../server/test/support/test-config.ts';
import { startTestIssuer } from '../server/test/support/test-issuer.ts';

const { values } = parseArgs({
  options: {
    operations: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
    replicas: { type: 'string', default: '1,3' },
  },
});
const operations = Number(values.operations);
const concurrency = Number(values.concurrency);
const databaseUrl = process.env.TEST_DATABASE_URL;
if (!databaseUrl) {
  console.error(
    'Set TEST_DATABASE_URL to a PostgreSQL database the benchmark may use (it creates and drops schemas osb_bench_…).',
  );
  process.exit(2);
}

const issuer = await startTestIssuer();
const token = await issuer.sign({ sub: 'alice' }, { expiresIn: '2h' });
const rows: Record<string, string | number>[] = [];
try {
  for (const count of values.replicas.split(',').map(Number)) rows.push(await run(count));
} finally {
  await issuer.close();
}
console.log(`\n${operations} asynchronous provisions at concurrency ${concurrency} on PostgreSQL`);
console.log(
  `(${cpus().length} cores, load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}; replicas, database and broker share them)\n`,
);
console.table(rows);

/** One run with `count` replicas on a fresh schema. */
async function run(count: number): Promise<Record<string, string | number>> {
  const directory = await temporaryDirectory();
  const schema = `osb_bench_${count}_${process.pid}`;
  const broker = await startRecordingBroker({ operationMs: 5_000, pollDelayMs: 5 });
  const replicas: ReplicaProcess[] = [];
  const credentialsKeyFile = await sharedCredentialsKey(directory.path);
  try {
    const names = Array.from({ length: count }, (_, index) => `replica-${index + 1}`);
    const operationsConfig = {
      leaseSeconds: 30,
      sweepIntervalSeconds: 5,
      pollIntervalSeconds: 2,
      maxPollIntervalSeconds: 30,
    };
    for (const name of names) {
      const config = replicaConfig({
        issuer: issuer.issuer,
        brokerUrl: broker.url,
        caller: name,
        dataDir: join(directory.path, name),
        database: { url: databaseUrl!, schema },
        operations: operationsConfig,
        credentialsKeyFile,
      });
      replicas.push(await startReplica(name, directory.path, config));
    }
    process.stderr.write(`${count} replica(s) started; ordering ${operations} instances…\n`);

    const started = performance.now();
    const { ids, refused } = await orderInstances(replicas, token, RECORDING_SERVICE, operations, concurrency);
    const ordered = performance.now();
    const states = await waitForInstances(replicas[0]!, token, ids.length, 15 * 60_000);
    const finished = performance.now();

    const analysis = analyseLog(broker.log);
    const lost = refused.length + ids.filter((id) => states.get(id) !== 'succeeded').length;
    const duplicated = new Set([...analysis.provisionedTwice, ...analysis.polledAtOnce, ...analysis.finishedTwice])
      .size;
    const peak = Math.max(...replicas.map((replica) => replica.peakMemory()));
    return {
      replicas: count,
      'ordered (s)': round((ordered - started) / 1000),
      'all finished (s)': round((finished - started) / 1000),
      lost,
      duplicated,
      'broker requests / operation': round(analysis.requestsPerOperation),
      'peak memory / replica (MB)': Math.round(peak / 2 ** 20),
    };
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop('SIGTERM')));
    await broker.close();
    const admin = await openPostgresDatabase(databaseUrl!);
    await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.close());
    await directory.remove();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
