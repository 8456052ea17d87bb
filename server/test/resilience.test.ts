/**
 * Nothing is lost or done twice when a platform process dies: several replicas (separate
 * processes) on one PostgreSQL, or one platform on the embedded database restarted, with
 * hundreds of asynchronous operations in flight against a broker that records every request.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPostgresDatabase } from '../src/store/postgres-database.ts';
import {
  analyseLog,
  RECORDING_SERVICE,
  startRecordingBroker,
  type RecordingBroker,
} from './support/recording-broker.ts';
import {
  orderInstances,
  REPLICA_PROJECT as PROJECT,
  replicaConfig,
  sharedCredentialsKey,
  startReplica,
  waitForInstances,
  type ReplicaProcess,
} from './support/replica-process.ts';
import { temporaryDirectory } from './support/test-config.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';

const OPERATIONS = 300;

let issuer: TestIssuer;
let token: string;

before(async () => {
  issuer = await startTestIssuer();
  token = await issuer.sign({ sub: 'alice' }, { expiresIn: '30m' });
});

after(async () => {
  await issuer.close();
});

/** Orders the instances through `replicas`; every order must be accepted. */
async function order(replicas: ReplicaProcess[]): Promise<string[]> {
  const { ids, refused } = await orderInstances(replicas, token, RECORDING_SERVICE, OPERATIONS, 25);
  assert.deepEqual(refused, [], 'every order is accepted');
  return ids;
}

/** Listens to a replica's change stream of the project; `stop` ends it and returns the instance ids it named. */
async function listenToChanges(replica: ReplicaProcess): Promise<{ stop(): Promise<Set<string>> }> {
  const controller = new AbortController();
  const response = await fetch(`${replica.url}/api/projects/${PROJECT}/changes`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  let text = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body!) text += decoder.decode(chunk as Uint8Array, { stream: true });
    } catch {
      // Aborted by `stop`.
    }
  })();
  return {
    async stop() {
      controller.abort();
      await reading;
      const ids = [...text.matchAll(/^event: change\ndata: (.*)$/gm)].map(
        (match) => (JSON.parse(match[1]!) as { instanceId: string }).instanceId,
      );
      return new Set(ids);
    },
  };
}

/** The checks both scenarios share: every operation finished once, none lost, none polled at once. */
function assertNothingLostOrDoubled(
  broker: RecordingBroker,
  ids: string[],
  states: Map<string, string>,
  crashed: string,
) {
  assert.equal(states.size, ids.length, 'every ordered instance is known to the platform');
  const unfinished = ids.filter((id) => states.get(id) !== 'succeeded');
  assert.deepEqual(unfinished, [], 'every operation finished successfully');
  const analysis = analyseLog(broker.log, [crashed]);
  assert.deepEqual(analysis.provisionedTwice, [], 'no instance was provisioned twice');
  assert.deepEqual(analysis.polledAtOnce, [], 'no operation was polled twice at once');
  assert.deepEqual(
    analysis.pollerSwitchedBack,
    [],
    'an operation moves from one replica to another at most once, never back',
  );
  assert.deepEqual(analysis.finishedTwice, [], 'every operation was seen finished once and never polled after');
  const provisioned = new Set(
    broker.log.filter((entry) => entry.kind === 'provision').map((entry) => entry.instanceId),
  );
  assert.equal(provisioned.size, ids.length, 'the broker got one provision per instance');
  return analysis;
}

describe('three replicas on PostgreSQL', { skip: process.env.DATABASE_URL ? false : 'DATABASE_URL is not set' }, () => {
  it(`finish all ${OPERATIONS} operations, each polled by one replica at a time, when one replica is killed`, async (t) => {
    const started = Date.now();
    const mark = (what: string) => t.diagnostic(`${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const directory = await temporaryDirectory();
    const schema = `osb_test_replicas_${process.pid}`;
    const database = { url: process.env.DATABASE_URL!, schema };
    const broker = await startRecordingBroker({ operationMs: 4_000, pollDelayMs: 15 });
    const credentialsKeyFile = await sharedCredentialsKey(directory.path);
    const replicas: ReplicaProcess[] = [];
    try {
      const names = ['replica-a', 'replica-b', 'replica-c'];
      const starting = names.map((name) =>
        startReplica(
          name,
          directory.path,
          replicaConfig({
            issuer: issuer.issuer,
            brokerUrl: broker.url,
            caller: name,
            dataDir: join(directory.path, name),
            database,
            credentialsKeyFile,
          }),
        ),
      );
      // Replicas that started are stopped in `finally` even when another one failed to start.
      const results = await Promise.allSettled(starting);
      for (const result of results) if (result.status === 'fulfilled') replicas.push(result.value);
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
      mark('started');
      // Replica c streams the changes all replicas make (PostgreSQL LISTEN/NOTIFY between them).
      const stream = await listenToChanges(replicas[2]!);
      const ids = await order(replicas);
      mark('ordered');
      const victim = replicas[1]!;
      assert.equal(await victim.stop('SIGKILL'), 'SIGKILL');
      const survivors = replicas.filter((replica) => replica !== victim);
      const states = await waitForInstances(survivors[0]!, token, OPERATIONS, 60_000);
      mark('all finished');
      const streamed = await stream.stop();
      assert.deepEqual(
        ids.filter((id) => !streamed.has(id)),
        [],
        'replica c streamed changes of every instance, whichever replica ran it',
      );

      const analysis = assertNothingLostOrDoubled(broker, ids, states, victim.name);
      assert.ok(analysis.handedOver > 0, 'the killed replica had operations the others took over');
      assert.deepEqual(
        Object.keys(analysis.handedOverFrom),
        [victim.name],
        'only the killed replica handed operations over',
      );
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop('SIGTERM')));
      await broker.close();
      const admin = await openPostgresDatabase(database.url);
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.close());
      await directory.remove();
    }
  });
});

describe(
  'one platform on the embedded database',
  { skip: process.env.DATABASE_URL ? 'the embedded suite runs it' : false },
  () => {
    it(`finishes all ${OPERATIONS} operations once after it was killed and restarted`, async (t) => {
      const started = Date.now();
      const mark = (what: string) => t.diagnostic(`${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const directory = await temporaryDirectory();
      const broker = await startRecordingBroker({ operationMs: 4_000, pollDelayMs: 15 });
      const dataDir = join(directory.path, 'data');
      let platform: ReplicaProcess | undefined;
      try {
        // The run before and the run after the crash call the broker by different names.
        platform = await startReplica(
          'first-run',
          directory.path,
          replicaConfig({ issuer: issuer.issuer, brokerUrl: broker.url, caller: 'first-run', dataDir }),
        );
        mark('started');
        const ids = await order([platform]);
        mark('ordered');
        assert.equal(await platform.stop('SIGKILL'), 'SIGKILL');
        platform = await startReplica(
          'second-run',
          directory.path,
          replicaConfig({ issuer: issuer.issuer, brokerUrl: broker.url, caller: 'second-run', dataDir }),
        );
        mark('restarted');
        const states = await waitForInstances(platform, token, OPERATIONS, 60_000);
        mark('all finished');

        const analysis = assertNothingLostOrDoubled(broker, ids, states, 'first-run');
        assert.ok(analysis.handedOver > 0, 'the restarted platform took over operations of the killed one');
      } finally {
        await platform?.stop('SIGTERM');
        await broker.close();
        await directory.remove();
      }
    });
  },
);
