import { formatWithOptions } from 'node:util';
import type { ConsoleMessage, ScriptContext } from '../core/context.ts';
import { unwrapProxy } from './membrane.ts';

type Level = ConsoleMessage['level'];

const LEVELS: Readonly<Record<string, Level>> = {
  log: 'log',
  info: 'log',
  debug: 'log',
  trace: 'log',
  dir: 'log',
  table: 'log',
  warn: 'warn',
  error: 'error',
};

/**
 * Node's formatting, without calling the realm's own `[util.inspect.custom]` methods: those would
 * be handed Node's inspect function and options, objects of the host. A membrane's proxy is shown
 * as the object behind it (inspect would show the proxy's empty shadow).
 */
const format = (...args: unknown[]): string => formatWithOptions({ customInspect: false }, ...args.map(unwrapProxy));

/**
 * A realm's `console`: each call becomes one message on the context's console (context.log),
 * formatted as DevTools prints it for strings and numbers (`%s`, `%d`, `%o` substitutions).
 * Grouping and timing methods exist and do nothing.
 */
export function createConsole(context: ScriptContext): Record<string, (...args: unknown[]) => void> {
  const console: Record<string, (...args: unknown[]) => void> = {};
  for (const [method, level] of Object.entries(LEVELS)) {
    console[method] = (...args: unknown[]) => context.log(level, format(...args), args);
  }
  console.assert = (condition?: unknown, ...args: unknown[]) => {
    if (!condition) context.log('error', args.length > 0 ? `Assertion failed: ${format(...args)}` : 'Assertion failed');
  };
  for (const method of ['group', 'groupCollapsed', 'groupEnd', 'time', 'timeEnd', 'timeLog', 'count', 'countReset', 'clear']) {
    console[method] = () => {};
  }
  return console;
}
