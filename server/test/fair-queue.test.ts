/**
 * The fair queue: at most its concurrency at once, the waiting jobs in order of arrival, a job
 * whose caller went away dropped unrun, a failing job giving its place on.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AbandonedWorkError, FairQueue } from '../src/store/fair-queue.ts';

/** A job that runs until the test lets it end. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('FairQueue', () => {
  it('runs at most its concurrency at once and the others in order of arrival', async () => {
    const queue = new FairQueue(2);
    const started: number[] = [];
    const gates = Array.from({ length: 6 }, gate);
    const jobs = gates.map((g, index) =>
      queue.run(async () => {
        started.push(index);
        await g.promise;
        return index;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [0, 1]);
    assert.equal(queue.waitingCount, 4);
    gates[1]!.open();
    await jobs[1];
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [0, 1, 2]);
    for (const g of gates) g.open();
    assert.deepEqual(await Promise.all(jobs), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5]);
    assert.equal(queue.waitingCount, 0);
  });

  it('drops a waiting job whose caller went away, and keeps the others in order', async () => {
    const queue = new FairQueue(1);
    const first = gate();
    const ran: string[] = [];
    const running = queue.run(() => first.promise.then(() => ran.push('first')));
    const leaving = new AbortController();
    const abandoned = queue.run(async () => ran.push('abandoned'), leaving.signal);
    const last = queue.run(async () => ran.push('last'));
    leaving.abort();
    await assert.rejects(abandoned, AbandonedWorkError);
    assert.equal(queue.waitingCount, 1);
    first.open();
    await Promise.all([running, last]);
    assert.deepEqual(ran, ['first', 'last']);
    await assert.rejects(
      queue.run(async () => ran.push('too late'), AbortSignal.abort()),
      AbandonedWorkError,
    );
    assert.deepEqual(ran, ['first', 'last']);
  });

  it('passes the place on when a job fails', async () => {
    const queue = new FairQueue(1);
    const failing = queue.run(() => Promise.reject(new Error('broken')));
    const next = queue.run(async () => 'next');
    await assert.rejects(failing, /broken/);
    assert.equal(await next, 'next');
  });
  it('starts every job in a turn of the event loop of its own', async () => {
    // The embedded database answers through promises alone: without a turn between jobs, a
    // backlog held up timers, sockets and new connections until all of it had run.
    const queue = new FairQueue(1);
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    await Promise.all(Array.from({ length: 20 }, () => queue.run(async () => undefined)));
    counting = false;
    assert.ok(turns >= 20, `the event loop turned ${turns} times during 20 jobs`);
  });
});
