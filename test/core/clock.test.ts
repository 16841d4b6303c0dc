import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FastForwardClock, ManualClock, RealClock } from '../../src/core/clock.ts';
import { createBrowser } from '../../src/index.ts';
import { loadUnpacked } from '../../src/loader/index.ts';

describe('the browser clock', () => {
  it('a manual clock runs nothing until tick, then every timer due, in time order', () => {
    const clock = new ManualClock({ now: 1_000 });
    const ran: string[] = [];
    clock.setTimer(300, () => ran.push(`b at ${clock.now()}`));
    clock.setTimer(100, () => ran.push(`a at ${clock.now()}`));
    clock.setTimer(500, () => ran.push('c'));
    assert.deepEqual(ran, []);
    assert.equal(clock.tick(300), 1_300);
    assert.deepEqual(ran, ['a at 1100', 'b at 1300']);
  });

  it('timers set by a timer during tick run in the same tick if they fall due', () => {
    const clock = new ManualClock({ now: 0 });
    const ran: number[] = [];
    clock.setTimer(10, () => {
      ran.push(clock.now());
      clock.setTimer(10, () => ran.push(clock.now()));
      clock.setTimer(100, () => ran.push(clock.now()));
    });
    clock.tick(50);
    assert.deepEqual(ran, [10, 20]);
    assert.equal(clock.now(), 50);
  });

  it('timers due at the same time run in the order they were set', () => {
    const clock = new ManualClock({ now: 0 });
    const ran: string[] = [];
    for (const name of ['one', 'two', 'three']) clock.setTimer(5, () => ran.push(name));
    clock.tick(5);
    assert.deepEqual(ran, ['one', 'two', 'three']);
  });

  it('next moves to the next timer and runs only it; runAll runs them all', () => {
    const clock = new ManualClock({ now: 0 });
    const ran: number[] = [];
    clock.setTimer(30, () => ran.push(30));
    clock.setTimer(10, () => ran.push(10));
    assert.equal(clock.next(), 10);
    assert.deepEqual(ran, [10]);
    clock.setTimer(5, () => ran.push(15));
    assert.equal(clock.runAll(), 30);
    assert.deepEqual(ran, [10, 15, 30]);
  });

  it('runAll gives up on a timer that always sets another', () => {
    const clock = new ManualClock({ now: 0 });
    const again = (): void => void clock.setTimer(1, again);
    again();
    assert.throws(() => clock.runAll(), /infinite loop/);
  });

  it('a cleared timer never runs', () => {
    const clock = new ManualClock({ now: 0 });
    let ran = false;
    const handle = clock.setTimer(10, () => (ran = true));
    clock.clearTimer(handle);
    clock.tick(100);
    assert.equal(ran, false);
  });

  it('the real clock is the default and refuses tick', () => {
    const browser = createBrowser();
    assert.ok(browser.clock instanceof RealClock);
    assert.ok(Math.abs(browser.clock.now() - Date.now()) < 1_000);
    assert.throws(() => browser.clock.tick(1), /manual clock/);
  });

  it('a fast-forward clock runs in real time, and tick runs the timers of the span at their own times', async () => {
    const clock = new FastForwardClock();
    const start = clock.now();
    const ran: string[] = [];
    clock.setTimer(20, () => ran.push('real'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepEqual(ran, ['real']);
    const at = (name: string) => () => ran.push(`${name} after ${Math.round((clock.now() - start) / 1000)} s`);
    clock.setTimer(25_000, at('b'));
    clock.setTimer(5_000, () => {
      at('a')();
      clock.setTimer(5_000, at('a again'));
    });
    clock.setTimer(40_000, at('c'));
    clock.setTimer(31_000, () => ran.push('d'), { keepAlive: false });
    assert.ok(clock.tick(30_000) - start >= 30_000);
    assert.deepEqual(ran, ['real', 'a after 5 s', 'a again after 10 s', 'b after 25 s']);
    // What is left is due that much sooner: d, a second away on the clock, fires in real time.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    assert.deepEqual(ran.slice(4), ['d']);
    assert.throws(() => clock.next(), /manual clock/);
    const handle = clock.setTimer(1, () => ran.push('cleared'));
    clock.clearTimer(handle);
    clock.tick(20_000);
    assert.deepEqual(ran.slice(4), ['d', 'c after 40 s']);
  });

  it("a worker's setTimeout and setInterval fire when the manual clock reaches them", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-clock-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'clock', version: '1', background: { service_worker: 'sw.js' } }));
      writeFileSync(
        join(dir, 'sw.js'),
        "setTimeout((what) => console.log(what), 5000, 'timeout');\nconst id = setInterval(() => console.log('interval'), 2000);\nsetTimeout(() => clearInterval(id), 4500);\n",
      );
      const browser = createBrowser({ clock: 'manual' });
      const extension = loadUnpacked(browser, dir);
      await extension.serviceWorkerStarted;
      // The worker's context, kept: after 30 idle seconds the worker stops (extension.serviceWorker is then undefined).
      const worker = extension.serviceWorker!;
      const logged = (): string[] => worker.console.map((message) => message.text);
      browser.clock.tick(4_999);
      assert.deepEqual(logged(), ['interval', 'interval']);
      browser.clock.tick(1);
      assert.deepEqual(logged(), ['interval', 'interval', 'timeout']);
      browser.clock.tick(60_000);
      assert.deepEqual(logged(), ['interval', 'interval', 'timeout'], 'the interval was cleared at 4.5 s');
      browser.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
