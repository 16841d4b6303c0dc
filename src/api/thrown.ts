import { types } from 'node:util';

/**
 * How V8 prints a thrown value in "Uncaught …" messages (v8::Message::Get, which uses
 * NoSideEffectsToString): errors as "Name: message", primitives as themselves, other objects
 * as "#<Constructor>". Realm-independent: values may come from a vm context.
 */
export function describeThrown(value: unknown, withStack = false): string {
  if (types.isNativeError(value)) {
    const error = value as Error;
    if (withStack && typeof error.stack === 'string') return error.stack;
    const name = safeString(error.name, 'Error');
    const message = safeString(error.message, '');
    return message === '' ? name : `${name}: ${message}`;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return Function.prototype.toString.call(value);
  if (value === null || typeof value !== 'object') return String(value);
  const constructorName = safeConstructorName(value);
  return `#<${constructorName}>`;
}

function safeString(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function safeConstructorName(value: object): string {
  try {
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    if (typeof ctor?.name === 'string' && ctor.name !== '') return ctor.name;
  } catch {
    // A throwing getter: V8 does not run user code here either.
  }
  return 'Object';
}
