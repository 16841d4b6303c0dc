import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TaskQueue } from '../../src/core/task-queue.ts';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the task queue', () => {
  it('runs tasks in the order posted, never synchronously', async () => {
    const queue = new TaskQueue();
    const ran: string[] = [];
    queue.post(() => ran.push('a'));
    queue.post(() => ran.push('b'));
    ran.push('posted');
    assert.equal(queue.size, 2);
    await turn();
    await turn();
    assert.deepEqual(ran, ['posted', 'a', 'b']);
    assert.equal(queue.size, 0);
  });

  it('runs every microtask of a task, however deeply chained, before the next task', async () => {
    const queue = new TaskQueue();
    const ran: string[] = [];
    queue.post(() => {
      ran.push('task 1');
      void Promise.resolve()
        .then(() => ran.push('1: then'))
        .then(() => ran.push('1: then then'))
        .then(() => queueMicrotask(() => ran.push('1: microtask of the third')));
    });
    queue.post(() => ran.push('task 2'));
    await turn();
    await turn();
    assert.deepEqual(ran, ['task 1', '1: then', '1: then then', '1: microtask of the third', 'task 2']);
  });

  it('runs what a task posts in the same turn of the event loop', async () => {
    const queue = new TaskQueue();
    const ran: string[] = [];
    queue.post(() => {
      ran.push('request');
      queue.post(() => ran.push('reply'));
    });
    setImmediate(() => ran.push('the next turn'));
    await turn();
    await turn();
    assert.deepEqual(ran, ['request', 'reply', 'the next turn']);
  });

  it(`lets the event loop in every ${TaskQueue.BATCH} tasks`, async () => {
    const queue = new TaskQueue();
    let ran = 0;
    let ranWhenTheLoopGotIn: number | undefined;
    const next = (): void => {
      ran++;
      if (ran < 3 * TaskQueue.BATCH) queue.post(next);
    };
    queue.post(next);
    setImmediate(() => setImmediate(() => (ranWhenTheLoopGotIn = ran)));
    while (queue.size > 0) await turn();
    assert.equal(ran, 3 * TaskQueue.BATCH);
    assert.ok(ranWhenTheLoopGotIn !== undefined && ranWhenTheLoopGotIn < 3 * TaskQueue.BATCH, `the loop got in after ${ranWhenTheLoopGotIn} tasks`);
  });
});
