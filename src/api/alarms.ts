import { NUMBER_NAN_OR_INFINITY, argumentError, propertyError } from '../core/errors.ts';
import { AlarmsError, alarmsOf, type AlarmCreateInfo, type AlarmInfo } from '../platform/alarms.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ChromeEvent } from './event.ts';
import type { ContextMessaging } from './messaging.ts';
import type { Realm } from './realm.ts';
import { APISignature, type ParamSpec } from './signature.ts';

/**
 * chrome.alarms (alarms.idl): the arguments are parsed here, in the caller's renderer; the alarms
 * live in the browser (src/platform/alarms.ts), on the browser's clock.
 */

export type AlarmListener = (alarm: AlarmInfo) => void;

export interface Alarms {
  readonly onAlarm: ChromeEvent<AlarmListener>;
  clear(...args: unknown[]): Promise<boolean> | undefined;
  clearAll(...args: unknown[]): Promise<boolean> | undefined;
  create(...args: unknown[]): Promise<void> | undefined;
  get(...args: unknown[]): Promise<AlarmInfo | undefined> | undefined;
  getAll(...args: unknown[]): Promise<AlarmInfo[]> | undefined;
}

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const NAME: ParamSpec = { name: 'name', type: 'string', optional: true };
const NUMBER_PROPERTIES = ['when', 'delayInMinutes', 'periodInMinutes'];

/**
 * alarms.create's signature. V8's bindings refuse NaN and ±Infinity for a number
 * (kNumberIsNaNOrInfinity), which the shared parser does not check yet: checked here, after it.
 */
class CreateSignature extends APISignature {
  constructor() {
    super('alarms.create', [
      NAME,
      {
        name: 'alarmInfo',
        type: 'object',
        ref: 'alarms.AlarmCreateInfo',
        properties: {
          name: { type: 'string', optional: true },
          when: { type: 'number', optional: true },
          delayInMinutes: { type: 'number', optional: true },
          periodInMinutes: { type: 'number', optional: true },
          persistAcrossSessions: { type: 'boolean', optional: true },
        },
      },
      CALLBACK,
    ]);
  }

  override parse(args: readonly unknown[], realm?: Pick<Realm, 'TypeError'>): unknown[] {
    const parsed = super.parse(args, realm);
    const info = parsed[1] as Record<string, unknown>;
    for (const key of Object.keys(info)) {
      if (NUMBER_PROPERTIES.includes(key) && !Number.isFinite(info[key])) {
        throw this.invocationError(argumentError('alarmInfo', propertyError(key, NUMBER_NAN_OR_INFINITY)), realm);
      }
    }
    return parsed;
  }
}

const CREATE = new CreateSignature();
const GET = new APISignature('alarms.get', [NAME, CALLBACK]);
const GET_ALL = new APISignature('alarms.getAll', [CALLBACK]);
const CLEAR = new APISignature('alarms.clear', [NAME, CALLBACK]);
const CLEAR_ALL = new APISignature('alarms.clearAll', [CALLBACK]);

/** The context's chrome.alarms, in a privileged context of an extension with the "alarms" permission. */
export function createAlarms(messaging: ContextMessaging): Alarms {
  const { context } = messaging;
  const extension = context.extension!;
  const service = alarmsOf(context.browser);
  const failing = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw error instanceof AlarmsError ? new ApiError(error.message) : error;
    }
  };
  return {
    onAlarm: messaging.event('alarms.onAlarm') as ChromeEvent<AlarmListener>,
    clear: apiFunction(messaging, CLEAR, (name) => service.clear(extension, (name as string | undefined) ?? '')) as Alarms['clear'],
    // ClearAll answers true, with alarms or without (kApiAlarmsClearAllReturnUndefined is off in Chromium 156).
    clearAll: apiFunction(messaging, CLEAR_ALL, () => {
      service.clearAll(extension);
      return true;
    }) as Alarms['clearAll'],
    create: apiFunction(messaging, CREATE, (name, alarmInfo) =>
      failing(() => {
        const warnings = service.create(extension, name as string | undefined, alarmInfo as AlarmCreateInfo);
        for (const warning of warnings) context.log('warn', warning);
        return undefined;
      }),
    ) as Alarms['create'],
    get: apiFunction(messaging, GET, (name) => service.get(extension, (name as string | undefined) ?? '')) as Alarms['get'],
    getAll: apiFunction(messaging, GET_ALL, () => service.getAll(extension)) as Alarms['getAll'],
  };
}
