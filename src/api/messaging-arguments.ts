import { extensionIdRequired, invalidExtensionId } from '../core/errors.ts';
import { isValidExtensionId } from '../core/ids.ts';
import { HOST_REALM, type Realm } from './realm.ts';
import { APISignature, asCString, type ParamSpec } from './signature.ts';

/**
 * The messaging surface's signatures (extensions/common/api/runtime.json,
 * chrome/common/extensions/api/tabs.json) and the argument handling of
 * extensions/renderer/api/messaging/messaging_util.cc.
 */

// returns_async {name: "callback", optional: true} becomes a trailing optional function
// parameter named "callback" (APISignature's constructor).
const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };

export const RUNTIME_SEND_MESSAGE = new APISignature('runtime.sendMessage', [
  { name: 'extensionId', type: 'string', optional: true },
  { name: 'message', type: 'any' },
  { name: 'options', type: 'object', optional: true, properties: { includeTlsChannelId: { type: 'boolean', optional: true } } },
  CALLBACK,
]);

export const RUNTIME_CONNECT = new APISignature('runtime.connect', [
  { name: 'extensionId', type: 'string', optional: true },
  {
    name: 'connectInfo',
    type: 'object',
    optional: true,
    properties: { name: { type: 'string', optional: true }, includeTlsChannelId: { type: 'boolean', optional: true } },
  },
]);

export const TABS_SEND_MESSAGE = new APISignature('tabs.sendMessage', [
  { name: 'tabId', type: 'integer', minimum: 0 },
  { name: 'message', type: 'any' },
  {
    name: 'options',
    type: 'object',
    optional: true,
    properties: { frameId: { type: 'integer', optional: true, minimum: 0 }, documentId: { type: 'string', optional: true } },
  },
  CALLBACK,
]);

export const TABS_CONNECT = new APISignature('tabs.connect', [
  { name: 'tabId', type: 'integer', minimum: 0 },
  {
    name: 'connectInfo',
    type: 'object',
    optional: true,
    properties: {
      name: { type: 'string', optional: true },
      frameId: { type: 'integer', optional: true, minimum: 0 },
      documentId: { type: 'string', optional: true },
    },
  },
]);

export const RUNTIME_SEND_NATIVE_MESSAGE = new APISignature('runtime.sendNativeMessage', [
  { name: 'application', type: 'string' },
  // additionalProperties any: every property is allowed and the object is passed through as is.
  { name: 'message', type: 'object', additionalProperties: { type: 'any' } },
  CALLBACK,
]);

export const RUNTIME_CONNECT_NATIVE = new APISignature('runtime.connectNative', [{ name: 'application', type: 'string' }]);

export const RUNTIME_GET_URL = new APISignature('runtime.getURL', [{ name: 'path', type: 'string' }]);

/**
 * MassageSendMessageArguments: runs before signature parsing for runtime.sendMessage
 * (allowOptions) and runtime.sendNativeMessage. It resolves the (extensionId?, message, options?)
 * ambiguity by position and returns a full-length list padded with null, or the arguments
 * unchanged when it cannot tell, so that normal parsing reports the error.
 */
export function massageSendMessageArguments(args: readonly unknown[], allowOptions: boolean): unknown[] {
  const maxSize = allowOptions ? 4 : 3;
  if (args.length === 0 || args.length > maxSize) return [...args];

  let rest = args;
  let callback: unknown = null;
  if (typeof args[args.length - 1] === 'function') {
    callback = args[args.length - 1];
    rest = args.slice(0, -1);
  }
  // Still too many once the callback is gone: leave it to signature parsing.
  if (rest.length >= maxSize) return [...args];

  let targetId: unknown = null;
  let message: unknown;
  let options: unknown = null;
  switch (rest.length) {
    case 0:
      return [...args]; // the message is missing
    case 1:
      message = rest[0]; // a lone argument is the message, even a string
      break;
    case 2: {
      const couldBeId = typeof rest[0] === 'string' || rest[0] === null || rest[0] === undefined;
      if (!allowOptions || couldBeId) [targetId, message] = rest;
      else [message, options] = rest;
      break;
    }
    default:
      [targetId, message, options] = rest;
  }
  return allowOptions ? [targetId, message, options, callback] : [targetId, message, callback];
}

/**
 * GetTargetExtensionId, run after parsing: null, undefined or "" mean the caller's own extension
 * (crbug.com/41377567), which a web page does not have; any other id must be valid. Failures are
 * invocation errors of `method`.
 */
export function resolveTargetExtensionId(
  given: string | null | undefined,
  callerExtensionId: string | undefined,
  method: 'runtime.sendMessage' | 'runtime.connect',
  signature: APISignature = method === 'runtime.sendMessage' ? RUNTIME_SEND_MESSAGE : RUNTIME_CONNECT,
  realm: Pick<Realm, 'TypeError'> = HOST_REALM,
): string {
  if (given === null || given === undefined || given === '') {
    if (callerExtensionId === undefined) throw signature.invocationError(extensionIdRequired(method), realm);
    return callerExtensionId;
  }
  if (!isValidExtensionId(given)) throw signature.invocationError(invalidExtensionId(asCString(given)), realm);
  return given;
}

