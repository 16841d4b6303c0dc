import type { Browser } from '../core/browser.ts';
import type { TimerHandle } from '../core/clock.ts';
import {
  ALARM_BOTH_RELATIVE_AND_ABSOLUTE,
  ALARM_NAME_BOTH_WAYS,
  ALARM_NO_SCHEDULED_TIME,
  alarmBelowMinimum,
  alarmNameTooLong,
  tooManyAlarms,
} from '../core/errors.ts';
import type { Extension } from '../core/extension.ts';

/**
 * chrome.alarms' browser side (extensions/browser/api/alarms/alarm_manager.cc and alarms_api.cc):
 * each extension's alarms, polled on the browser's clock as AlarmManager polls them, and
 * alarms.onAlarm. The API surface (src/api/alarms.ts) parses arguments and calls this.
 */

/** alarms.Alarm, keys in Chrome's order (alphabetical, as base::Value keeps them). */
export interface AlarmInfo {
  name: string;
  periodInMinutes?: number;
  persistAcrossSessions: boolean;
  scheduledTime: number;
}

/** alarms.AlarmCreateInfo, as parsed. */
export interface AlarmCreateInfo {
  readonly name?: string;
  readonly when?: number;
  readonly delayInMinutes?: number;
  readonly periodInMinutes?: number;
  readonly persistAcrossSessions?: boolean;
}

/** The failure of an alarms call: its message is what the caller's lastError or rejection carries. */
export class AlarmsError extends Error {
  override readonly name = 'AlarmsError';
}

/** AlarmManager::kMaxAlarmsPerExtension. */
export const MAX_ALARMS_PER_EXTENSION = 500;
/** alarms_api.cc kMaximumNameLength, in UTF-8 bytes. */
export const MAX_ALARM_NAME_BYTES = 1024;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** kDefaultMinPollPeriod. */
const DAY = 24 * 60 * MINUTE;

/**
 * alarms_api_constants.cc GetMinimumDelay: 1 s for an unpacked extension, 30 s for a packed MV3
 * one (Chrome 120+), 1 min for a packed MV2 one.
 */
export function minimumDelay(packed: boolean, manifestVersion: number): number {
  if (!packed) return SECOND;
  return manifestVersion >= 3 ? 30 * SECOND : MINUTE;
}

interface Alarm {
  readonly info: AlarmInfo;
  /** How often the manager may poll for it: its delay, at least the minimum. */
  granularity: number;
  readonly minimumGranularity: number;
}

/** One extension's alarms, in the order they were added, and its poll timer. */
class ExtensionAlarms {
  readonly list: Alarm[] = [];
  lastPoll: number | undefined;
  nextPoll: number | undefined;
  timer: TimerHandle | undefined;
}

export class AlarmsService {
  readonly #extensions = new Map<string, ExtensionAlarms>();
  /** What a disabled extension's persistent alarms are while it is unloaded (the StateStore's copy). */
  readonly #stored = new Map<string, Alarm[]>();
  readonly #packed = new WeakSet<Extension>();

  constructor(private readonly browser: Browser) {
    // OnExtensionUnloaded drops the alarms; loading again reads back the StateStore's persistent
    // ones, which a reinstall (an unpacked extension's reload) or an uninstall has removed.
    browser.observeExtensions((extension, event) => {
      if (event === 'disabled') {
        const alarms = this.#extensions.get(extension.id)?.list.filter((alarm) => alarm.info.persistAcrossSessions) ?? [];
        if (alarms.length > 0) this.#stored.set(extension.id, alarms);
        this.#removeAll(extension.id);
      } else if (event === 'enabled') {
        const stored = this.#stored.get(extension.id) ?? [];
        this.#stored.delete(extension.id);
        for (const alarm of stored) this.#add(extension.id, alarm);
      } else if (event === 'reloaded' || event === 'uninstalled') {
        this.#stored.delete(extension.id);
        this.#removeAll(extension.id);
      }
    });
  }

  /**
   * Treats `extension` as installed from the Web Store (a packed .crx): its alarms' minimum is
   * 30 s (MV3) instead of the 1 s of an unpacked extension, which is what Switchboard loads.
   */
  setPacked(extension: Extension, packed = true): void {
    if (packed) this.#packed.add(extension);
    else this.#packed.delete(extension);
  }

  /** The shortest delay or period `extension`'s alarms get, in milliseconds. */
  minimumDelay(extension: Extension): number {
    return minimumDelay(this.#packed.has(extension), extension.manifest.manifest_version);
  }

  /**
   * AlarmsCreateFunction::Run. `name` is the separate argument. Returns the console warnings
   * (a delay or period under the minimum) for the caller's context to log; throws AlarmsError.
   */
  create(extension: Extension, name: string | undefined, createInfo: AlarmCreateInfo): string[] {
    if (name !== undefined && createInfo.name !== undefined) throw new AlarmsError(ALARM_NAME_BOTH_WAYS);
    if ((this.#extensions.get(extension.id)?.list.length ?? 0) >= MAX_ALARMS_PER_EXTENSION) {
      throw new AlarmsError(tooManyAlarms(MAX_ALARMS_PER_EXTENSION));
    }
    const alarmName = createInfo.name ?? name ?? '';
    const { when, delayInMinutes, periodInMinutes } = createInfo;
    if (delayInMinutes !== undefined && when !== undefined) throw new AlarmsError(ALARM_BOTH_RELATIVE_AND_ABSOLUTE);
    if (delayInMinutes === undefined && when === undefined && periodInMinutes === undefined) throw new AlarmsError(ALARM_NO_SCHEDULED_TIME);
    const bytes = Buffer.byteLength(alarmName, 'utf8');
    if (bytes > MAX_ALARM_NAME_BYTES) throw new AlarmsError(alarmNameTooLong(bytes, MAX_ALARM_NAME_BYTES));

    const minimum = this.minimumDelay(extension);
    const warnings: string[] = [];
    // A `when` in the past is honoured without a warning (it would race); relative times are checked.
    if (delayInMinutes !== undefined && delayInMinutes * MINUTE < minimum) warnings.push(alarmBelowMinimum('delay', minimum / SECOND, alarmName));
    if (periodInMinutes !== undefined && periodInMinutes * MINUTE < minimum) warnings.push(alarmBelowMinimum('period', minimum / SECOND, alarmName));

    const now = this.browser.clock.now();
    let scheduledTime: number;
    let granularity: number;
    if (when !== undefined) {
      scheduledTime = when;
      granularity = when - now;
    } else {
      // TimeDeltaFromDelay: whole microseconds.
      const delay = Math.trunc((delayInMinutes ?? periodInMinutes!) * MINUTE * 1000) / 1000;
      scheduledTime = now + delay;
      granularity = delay;
    }
    const info: AlarmInfo = {
      name: alarmName,
      ...(periodInMinutes === undefined ? {} : { periodInMinutes }),
      persistAcrossSessions: createInfo.persistAcrossSessions ?? true,
      scheduledTime,
    };
    this.#add(extension.id, { info, granularity: Math.max(granularity, minimum), minimumGranularity: minimum });
    return warnings;
  }

  /** alarms.get: a copy of the alarm named `name`, if the extension has one. */
  get(extension: Extension, name: string): AlarmInfo | undefined {
    const alarm = this.#extensions.get(extension.id)?.list.find((candidate) => candidate.info.name === name);
    return alarm && { ...alarm.info };
  }

  /** alarms.getAll: copies of the extension's alarms, in the order they were added. */
  getAll(extension: Extension): AlarmInfo[] {
    return (this.#extensions.get(extension.id)?.list ?? []).map((alarm) => ({ ...alarm.info }));
  }

  /** alarms.clear: whether there was an alarm of that name. */
  clear(extension: Extension, name: string): boolean {
    const alarms = this.#extensions.get(extension.id);
    const index = alarms ? alarms.list.findIndex((alarm) => alarm.info.name === name) : -1;
    if (index === -1) return false;
    this.#removeAt(extension.id, index);
    return true;
  }

  /** alarms.clearAll. */
  clearAll(extension: Extension): void {
    this.#removeAll(extension.id);
  }

  /** AddAlarmImpl: replaces the alarm of the same name; polls by the new alarm's time if it is sooner. */
  #add(extensionId: string, alarm: Alarm): void {
    const alarms = this.#extensions.get(extensionId) ?? new ExtensionAlarms();
    this.#extensions.set(extensionId, alarms);
    const old = alarms.list.findIndex((candidate) => candidate.info.name === alarm.info.name);
    if (old !== -1) this.#removeAt(extensionId, old);
    alarms.list.push(alarm);
    if (alarms.nextPoll === undefined || alarm.info.scheduledTime < alarms.nextPoll) this.#setNextPoll(extensionId, alarms, alarm.info.scheduledTime);
  }

  /** RemoveAlarmIterator: with the last alarm gone, the poll timer stops. */
  #removeAt(extensionId: string, index: number): void {
    const alarms = this.#extensions.get(extensionId);
    if (!alarms) return;
    alarms.list.splice(index, 1);
    if (alarms.list.length === 0) this.#stop(alarms);
  }

  #removeAll(extensionId: string): void {
    const alarms = this.#extensions.get(extensionId);
    if (!alarms) return;
    alarms.list.length = 0;
    this.#stop(alarms);
  }

  #stop(alarms: ExtensionAlarms): void {
    this.browser.clock.clearTimer(alarms.timer);
    alarms.timer = undefined;
    alarms.nextPoll = undefined;
  }

  #setNextPoll(extensionId: string, alarms: ExtensionAlarms, time: number): void {
    const clock = this.browser.clock;
    clock.clearTimer(alarms.timer);
    alarms.nextPoll = time;
    // A pending alarm does not keep the Node process alive (the browser itself does not).
    alarms.timer = clock.setTimer(time - clock.now(), () => this.#poll(extensionId, alarms), { keepAlive: false });
  }

  /** PollAlarms: every alarm due fires (the last added first), then the next poll is scheduled. */
  #poll(extensionId: string, alarms: ExtensionAlarms): void {
    alarms.timer = undefined;
    const now = this.browser.clock.now();
    alarms.lastPoll = now;
    const extension = this.browser.extensions.get(extensionId);
    for (let index = alarms.list.length - 1; index >= 0; index--) {
      const alarm = alarms.list[index]!;
      if (alarm.info.scheduledTime > now) continue;
      if (extension) this.browser.events.dispatchToExtension(extension, 'alarms.onAlarm', [{ ...alarm.info }]);
      const period = alarm.info.periodInMinutes;
      if (period !== undefined) {
        // The next time in line with the first, past the periods missed since.
        const periodMs = period * MINUTE;
        const transpired = Math.trunc((now - alarm.info.scheduledTime) / periodMs);
        alarm.info.scheduledTime += periodMs * (transpired + 1);
      } else {
        alarms.list.splice(index, 1);
      }
    }
    this.#scheduleNextPoll(extensionId, alarms);
  }

  /**
   * ScheduleNextPoll: at the soonest alarm, but no sooner after the last poll than the smallest
   * granularity (an alarm's delay, at least the minimum), and at least once a day.
   */
  #scheduleNextPoll(extensionId: string, alarms: ExtensionAlarms): void {
    if (alarms.list.length === 0) {
      this.#stop(alarms);
      return;
    }
    let soonest = alarms.list[0]!.info.scheduledTime;
    let granularity = DAY;
    const lastPoll = alarms.lastPoll ?? 0;
    for (const alarm of alarms.list) {
      soonest = Math.min(soonest, alarm.info.scheduledTime);
      granularity = Math.min(granularity, alarm.granularity, Math.max(alarm.info.scheduledTime - lastPoll, alarm.minimumGranularity));
    }
    let next = lastPoll + granularity;
    if (alarms.lastPoll === undefined || next < soonest) next = soonest;
    this.#setNextPoll(extensionId, alarms, next);
  }
}

const services = new WeakMap<Browser, AlarmsService>();

/** The browser's alarms service, made on first use. */
export function alarmsOf(browser: Browser): AlarmsService {
  let service = services.get(browser);
  if (!service) {
    service = new AlarmsService(browser);
    services.set(browser, service);
  }
  return service;
}

/** Makes `browser` keep alarms (attached with the platform, so that unloads clear them from the start). */
export function attachAlarms(browser: Browser): void {
  alarmsOf(browser);
}
