/**
 * Work shared by replicas on one database, at the store level: leases on operations, writes that
 * require the lease or an up-to-date copy, jobs that run once per interval. Runs on the embedded
 * database, and on PostgreSQL in the `server-postgres` suite.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InstanceRepository, type InstanceRecord } from '../src/provisioning/instance-repository.ts';
import type { Database } from '../src/store/database.ts';
import { LeaseLostError, ReplicaLeases, StaleRecordError, leaseSettings, sweepBackoff } from '../src/store/leases.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { ScheduledJobs } from '../src/store/scheduled-jobs.ts';
import { temporaryDirectory, testDatabase } from './support/test-config.ts';

const quiet = { warn: () => undefined };
let database: Database;
let removeDirectory: () => Promise<void>;

before(async () => {
  const directory = await temporaryDirectory();
  removeDirectory = directory.remove;
  database = await openDatabase(testDatabase(directory.path));
});

after(async () => {
  await database.close();
  await removeDirectory();
});

/** A replica's view of the store: its leases (lasting `ttlMs`, never renewed here) and its repository. */
function replica(name: string, ttlMs = 60_000) {
  const leases = new ReplicaLeases(database, leaseSettings(ttlMs, 1000), quiet, name);
  return { leases, instances: new InstanceRepository(database, { leases: leases.instances }) };
}

let counter = 0;
function creating(): InstanceRecord {
  const now = new Date();
  counter++;
  return {
    id: `instance-${counter}-${Date.now()}`,
    projectId: 'p',
    workspaceId: 'w',
    brokerId: 'b',
    serviceId: 's',
    planId: 'plan',
    locationId: null,
    name: `db-${counter}`,
    parameters: {},
    maintenanceInfoVersion: null,
    dashboardUrl: null,
    metadata: null,
    usable: true,
    createdBy: 'alice',
    createdAt: now,
    operation: {
      type: 'create',
      state: 'in progress',
      description: null,
      failure: null,
      updateRepeatable: null,
      requestedBy: 'alice',
      startedAt: now,
      brokerOperation: null,
      pollPlanId: 'plan',
      updateTarget: null,
      deadline: null,
      nextPollAt: null,
      polls: 0,
    },
    version: 0,
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long a short lease or job interval lasts: long enough that the store calls a test makes
 * within it finish in time on a busy machine.
 */
const SHORT_MS = 1500;

describe('leases on operations', () => {
  it('keep an operation with the replica that started it until its lease expires, then pass it on once', async () => {
    const a = replica('replica-a', SHORT_MS);
    const b = replica('replica-b');
    const c = replica('replica-c');
    const record = creating();
    await a.instances.insert(record);
    const due = new Date(Date.now() + 1000);
    assert.deepEqual(await b.leases.instances.claimDue(10, due), [], 'a held lease is not claimed');
    assert.equal(await b.leases.instances.confirm(record.id), false);

    await wait(SHORT_MS + 100);
    const [first, second] = await Promise.all([
      b.leases.instances.claimDue(10, due),
      c.leases.instances.claimDue(10, due),
    ]);
    const claims = [...first, ...second].filter((work) => work.key === record.id);
    assert.equal(claims.length, 1, 'two sweeps at once claim an expired lease once');
    const winner = first.some((work) => work.key === record.id) ? b : c;

    assert.equal(await a.leases.instances.confirm(record.id), false, 'the old owner learns it lost the lease');
    await assert.rejects(a.instances.save({ ...record, operation: { ...record.operation, polls: 1 } }), LeaseLostError);
    assert.equal(await winner.leases.instances.confirm(record.id), true);
    await winner.instances.save({ ...record, operation: { ...record.operation, state: 'succeeded' } });
    const stored = await database.query<{ lease_owner: string | null; version: number }>(
      'SELECT lease_owner, version FROM service_instances WHERE id = $1',
      [record.id],
    );
    assert.deepEqual(stored.rows, [{ lease_owner: null, version: 1 }], 'the end of the operation hands the lease back');
  });

  it('are not claimed again by their own replica, which may still be working, when a renewal comes late', async () => {
    const a = replica('replica-g', 100);
    const b = replica('replica-h');
    const record = creating();
    await a.instances.insert(record);
    await wait(200);
    const due = new Date(Date.now() + 1000);
    assert.equal(
      (await a.leases.instances.claimDue(10, due)).some((work) => work.key === record.id),
      false,
    );
    assert.equal(
      (await b.leases.instances.claimDue(10, due)).some((work) => work.key === record.id),
      true,
      'another replica takes it over',
    );
  });

  it('are handed back at once by a replica that stops', async () => {
    const a = replica('replica-d');
    const b = replica('replica-e');
    const record = creating();
    await a.instances.insert(record);
    a.leases.start();
    await a.leases.stop();
    const claimed = await b.leases.instances.claimDue(10, new Date(Date.now() + 1000));
    assert.ok(claimed.some((work) => work.key === record.id));
  });

  it('refuse to start an operation from a stale copy of an idle instance', async () => {
    const a = replica('replica-f');
    const record = creating();
    await a.instances.insert(record);
    const done: InstanceRecord = { ...record, operation: { ...record.operation, state: 'succeeded' } };
    await a.instances.save(done);
    const fresh = (await a.instances.find(record.id))!;
    assert.equal(await a.instances.saveIfIdle({ ...fresh, name: 'renamed' }), true);
    // `fresh` no longer matches the stored version: a second write based on it would undo the rename.
    await assert.rejects(
      a.instances.saveIfIdle({ ...fresh, operation: { ...fresh.operation, type: 'delete', state: 'in progress' } }),
      StaleRecordError,
    );
    assert.equal((await a.instances.find(record.id))!.name, 'renamed');
  });
});

describe('scheduled jobs', () => {
  it('run once per interval across replicas', async () => {
    const replicas = ['one', 'two', 'three'].map((name) => new ScheduledJobs(database, name));
    const name = `job-${Date.now()}`;
    const first = await Promise.all(replicas.map((jobs) => jobs.claim(name, SHORT_MS)));
    assert.equal(first.filter(Boolean).length, 1, 'one replica takes the due run');
    assert.deepEqual(
      await Promise.all(replicas.map((jobs) => jobs.claim(name, SHORT_MS))),
      [false, false, false],
      'none within the interval',
    );
    await wait(SHORT_MS + 100);
    const next = await Promise.all(replicas.map((jobs) => jobs.claim(name, SHORT_MS)));
    assert.equal(next.filter(Boolean).length, 1, 'one replica takes the next run');
  });
});

describe('sweeps while the database does not answer', () => {
  it('back off, doubling up to eight sweep intervals, instead of hammering it', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 50].map((failures) => sweepBackoff(1000, failures)),
      [1000, 2000, 4000, 8000, 8000, 8000],
    );
  });
});
