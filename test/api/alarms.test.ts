import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alarms } from '../../src/api/alarms.ts';
import { errors } from '../../src/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { alarmsOf } from '../../src/platform/alarms.ts';
import { CONTENT_SCRIPTS_EVERYWHERE, cs, fixture, mv3, rejection, sw, thrown, withCallback } from '../support.ts';

type AlarmChrome = { alarms: Alarms; runtime: { lastError?: { message: string } } };
const START = 1_800_000_000_000;

async function alarmsFixture(extra: Record<string, unknown> = { permissions: ['alarms'] }) {
  const { browser, console } = fixture({ clock: new ManualClock({ now: START }) });
  const fired: { name: string; at: number; alarm: unknown }[] = [];
  const extension = browser.installExtension({
    manifest: mv3(extra),
    scripts: {
      'sw.js': ({ chrome }) => {
        (chrome as unknown as AlarmChrome).alarms?.onAlarm.addListener((alarm) => fired.push({ name: alarm.name, at: browser.clock.now() - START, alarm }));
      },
    },
  });
  await browser.idle();
  const alarms = (): Alarms => (sw(extension) as unknown as AlarmChrome).alarms;
  const warnings = (): string[] => console.filter((entry) => entry.message.level === 'warn' && entry.context.extension === extension).map((entry) => entry.message.text);
  const tick = async (ms: number): Promise<void> => {
    browser.clock.tick(ms);
    await browser.idle();
  };
  return { browser, extension, alarms, fired, warnings, tick };
}

describe('chrome.alarms', () => {
  it('an alarm of 1 minute fires after tick(60_000) and not before', async () => {
    const { alarms, fired, tick } = await alarmsFixture();
    await alarms().create('one', { delayInMinutes: 1 });
    await tick(59_999);
    assert.equal(fired.length, 0);
    await tick(1);
    assert.deepEqual(fired.map((f) => [f.name, f.at]), [['one', 60_000]]);
    assert.deepEqual(fired[0]!.alarm, { name: 'one', persistAcrossSessions: true, scheduledTime: START + 60_000 });
    assert.deepEqual(await alarms().getAll(), [], 'a one-time alarm is gone once it fired');
  });

  it('a periodic alarm fires each period, its scheduledTime moving by one period', async () => {
    const { alarms, fired, tick } = await alarmsFixture();
    await alarms().create('every', { periodInMinutes: 2 });
    await tick(6 * 60_000);
    assert.deepEqual(fired.map((f) => (f.alarm as { scheduledTime: number }).scheduledTime - START), [120_000, 240_000, 360_000]);
    assert.deepEqual(await alarms().get('every'), { name: 'every', periodInMinutes: 2, persistAcrossSessions: true, scheduledTime: START + 480_000 });
  });

  it('delayInMinutes with periodInMinutes fires first after the delay, then each period', async () => {
    const { alarms, fired, tick } = await alarmsFixture();
    await alarms().create('x', { delayInMinutes: 1, periodInMinutes: 5 });
    await tick(11 * 60_000);
    assert.deepEqual(fired.map((f) => ((f.alarm as { scheduledTime: number }).scheduledTime - START) / 60_000), [1, 6, 11]);
  });

  it('when schedules at an absolute time', async () => {
    const { alarms, fired, tick } = await alarmsFixture();
    await alarms().create('at', { when: START + 90_000 });
    assert.deepEqual(await alarms().get('at'), { name: 'at', persistAcrossSessions: true, scheduledTime: START + 90_000 });
    await tick(90_000);
    assert.deepEqual(fired.map((f) => f.at), [90_000]);
  });

  it('an unpacked extension gets 1 second at least, with Chrome\'s console warning; a packed MV3 one 30 seconds', async () => {
    const { alarms, fired, warnings, tick } = await alarmsFixture();
    await alarms().create('short', { delayInMinutes: 0.001 });
    assert.deepEqual(warnings(), ['Alarm delay is less than the minimum duration of 1 second. Alarm "short" will fire after the minimum duration.']);
    await tick(1_000);
    assert.deepEqual(fired.map((f) => f.name), ['short'], 'the first poll fires it at its own time, 60 ms');

    const packed = await alarmsFixture();
    alarmsOf(packed.browser).setPacked(packed.extension);
    await packed.alarms().create('p', { periodInMinutes: 0.1 });
    assert.deepEqual(packed.warnings(), ['Alarm period is less than the minimum duration of 30 seconds. Alarm "p" will fire after the minimum duration.']);
    await packed.tick(6_000);
    assert.equal(packed.fired.length, 1, 'the first one at its time');
    await packed.tick(29_999);
    assert.equal(packed.fired.length, 1, 'the next no sooner than 30 s after that poll');
    await packed.tick(1);
    assert.equal(packed.fired.length, 2);
  });

  it('alarms due in the same poll fire the last created first', async () => {
    const { alarms, fired, tick } = await alarmsFixture();
    await alarms().create('first', { delayInMinutes: 1 });
    await alarms().create('second', { delayInMinutes: 0.5 });
    await tick(30_000);
    await alarms().create('third', { delayInMinutes: 0.5 });
    await tick(30_000);
    assert.deepEqual(fired.map((f) => f.name), ['second', 'third', 'first']);
  });

  it('create resolves undefined; an alarm of the same name replaces the old one, and goes last in getAll', async () => {
    const { alarms, fired, tick } = await alarmsFixture();
    assert.equal(await alarms().create('a', { delayInMinutes: 5 }), undefined);
    await alarms().create('b', { delayInMinutes: 5 });
    await alarms().create('a', { delayInMinutes: 7, periodInMinutes: 9 });
    assert.deepEqual((await alarms().getAll())!.map((alarm) => alarm.name), ['b', 'a']);
    await tick(5 * 60_000);
    assert.deepEqual(fired.map((f) => f.name), ['b']);
  });

  it('the unnamed alarm is named the empty string; get and clear without a name mean it', async () => {
    const { alarms } = await alarmsFixture();
    await alarms().create({ delayInMinutes: 1 });
    assert.equal((await alarms().get())!.name, '');
    assert.equal(await alarms().clear(), true);
    assert.equal(await alarms().get(), undefined);
  });

  it('a name in alarmInfo names the alarm; with the separate name too it fails', async () => {
    const { alarms } = await alarmsFixture();
    await alarms().create({ name: 'inside', delayInMinutes: 1 });
    assert.equal((await alarms().get('inside'))!.name, 'inside');
    assert.equal((await rejection(alarms().create('x', { name: 'y', delayInMinutes: 1 }))).message, errors.ALARM_NAME_BOTH_WAYS);
  });

  it('clear answers whether there was such an alarm; clearAll answers true', async () => {
    const { alarms } = await alarmsFixture();
    await alarms().create('a', { delayInMinutes: 1 });
    assert.equal(await alarms().clear('nope'), false);
    assert.equal(await alarms().clear('a'), true);
    assert.equal(await alarms().clearAll(), true);
    assert.deepEqual(await alarms().getAll(), []);
  });

  it('callbacks get the answer; a failed create sets lastError for its callback', async () => {
    const { extension, alarms } = await alarmsFixture();
    const chrome = sw(extension) as unknown as AlarmChrome;
    assert.deepEqual((await withCallback((callback) => alarms().create('a', { delayInMinutes: 1 }, callback), chrome)).args, []);
    assert.deepEqual((await withCallback((callback) => alarms().clear('a', callback), chrome)).args, [true]);
    assert.deepEqual(await withCallback((callback) => alarms().create('a', {}, callback), chrome), { args: [], lastError: errors.ALARM_NO_SCHEDULED_TIME });
  });

  it("create's browser-side errors, in Chrome's order", async () => {
    const { alarms } = await alarmsFixture();
    assert.equal((await rejection(alarms().create('a', { when: START, delayInMinutes: 1 }))).message, errors.ALARM_BOTH_RELATIVE_AND_ABSOLUTE);
    assert.equal((await rejection(alarms().create('a', {}))).message, errors.ALARM_NO_SCHEDULED_TIME);
    assert.equal((await rejection(alarms().create('L'.repeat(1025), { delayInMinutes: 1 }))).message, errors.alarmNameTooLong(1025, 1024));
    assert.equal((await rejection(alarms().create('é'.repeat(513), { delayInMinutes: 1 }))).message, errors.alarmNameTooLong(1026, 1024), 'bytes of UTF-8');
  });

  it('an extension has at most 500 alarms', async () => {
    const { alarms } = await alarmsFixture();
    for (let i = 0; i < 500; i++) await alarms().create(`m${i}`, { delayInMinutes: 10 });
    assert.equal((await rejection(alarms().create('one more', { delayInMinutes: 10 }))).message, errors.tooManyAlarms(500));
  });

  it('argument errors throw the invocation TypeError at once', async () => {
    const { alarms } = await alarmsFixture();
    const create = 'Error in invocation of alarms.create(optional string name, alarms.AlarmCreateInfo alarmInfo, optional function callback): ';
    assert.equal(thrown(() => alarms().create('d')).message, `${create}No matching signature.`);
    assert.equal(thrown(() => alarms().create(1, { delayInMinutes: 1 })).message, `${create}No matching signature.`);
    assert.equal(thrown(() => alarms().create('d', { delayInMinutes: 'x' })).message, `${create}Error at parameter 'alarmInfo': Error at property 'delayInMinutes': Invalid type: expected number, found string.`);
    assert.equal(thrown(() => alarms().create('d', { when: Infinity })).message, `${create}Error at parameter 'alarmInfo': Error at property 'when': Value must not be NaN or Infinity.`);
    assert.equal(thrown(() => alarms().create('d', { delayInMinutes: NaN })).message, `${create}Error at parameter 'alarmInfo': Error at property 'delayInMinutes': Value must not be NaN or Infinity.`);
    assert.equal(thrown(() => alarms().create('d', { foo: 1 })).message, `${create}Error at parameter 'alarmInfo': Unexpected property: 'foo'.`);
    assert.equal(thrown(() => alarms().get(1)).message, 'Error in invocation of alarms.get(optional string name, optional function callback): No matching signature.');
  });

  it('alarms need the "alarms" permission and a privileged context', async () => {
    const { browser, extension } = await alarmsFixture({ permissions: [], ...CONTENT_SCRIPTS_EVERYWHERE });
    assert.equal('alarms' in sw(extension), false);
    const withPermission = browser.installExtension({ manifest: mv3({ permissions: ['alarms'], ...CONTENT_SCRIPTS_EVERYWHERE }) });
    const tab = browser.openTab('https://a.test/');
    assert.equal('alarms' in sw(withPermission), true);
    assert.equal('alarms' in cs(tab.mainFrame, withPermission), false);
    assert.deepEqual(Object.keys((sw(withPermission) as unknown as AlarmChrome).alarms), ['onAlarm', 'clear', 'clearAll', 'create', 'get', 'getAll']);
  });

  it('alarms are per extension: a reload or an uninstall clears them; a disable keeps the persistent ones for the enable', async () => {
    const { alarms, extension, browser, fired, tick } = await alarmsFixture();
    await alarms().create('kept', { delayInMinutes: 1 });
    await alarms().create('session only', { delayInMinutes: 1, persistAcrossSessions: false });
    extension.disable();
    await tick(60_000);
    assert.equal(fired.length, 0, 'no alarm fires while the extension is disabled');
    extension.enable();
    await browser.idle();
    assert.deepEqual((await alarms().getAll())!.map((alarm) => alarm.name), ['kept']);
    await tick(0);
    assert.deepEqual(fired.map((f) => f.name), ['kept'], 'due while disabled, it fires once enabled');
    await alarms().create('gone', { delayInMinutes: 1 });
    extension.reload();
    await browser.idle();
    assert.deepEqual(await alarms().getAll(), []);
    await tick(120_000);
    assert.deepEqual(fired.map((f) => f.name), ['kept']);
  });
});
