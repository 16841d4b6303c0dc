import {
  SCRIPTING_ARGS_WITH_FILES,
  SCRIPTING_EXACTLY_ONE_OF_CSS_AND_FILES,
  SCRIPTING_EXACTLY_ONE_OF_FUNC_AND_FILES,
  SCRIPTING_FUNC_AND_FUNCTION,
  SCRIPTING_UNSERIALIZABLE_ARGUMENT,
  UNSERIALIZABLE_VALUE,
  argumentError,
  indexError,
  propertyError,
} from '../core/errors.ts';
import type { RunAt } from '../core/manifest/content-scripts.ts';
import { toStoredValue, StoredBinary } from '../platform/storage-value.ts';
import {
  ScriptingError,
  executeScript,
  getRegisteredContentScripts,
  insertCSS,
  registerContentScripts,
  removeCSS,
  unregisterContentScripts,
  updateContentScripts,
  type CSSInjection,
  type ExecutionWorldName,
  type InjectionTarget,
  type RegisteredContentScriptInit,
} from '../platform/scripting.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { APISignature, type ParamSpec, type TypeSpec } from './signature.ts';

/**
 * chrome.scripting (scripting.idl; the browser side is src/platform/scripting.ts): executeScript,
 * insertCSS and removeCSS into a tab's frames, and the registered content scripts. A func is
 * serialized to its source here, in the caller's renderer, and its args to JSON, as Chrome's
 * bindings do; it runs in the target world without the caller's closures.
 */

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const STRINGS: TypeSpec = { type: 'array', optional: true, items: { type: 'string' } };
const WORLDS: readonly ExecutionWorldName[] = ['ISOLATED', 'MAIN'];
/** extension_types.RunAt as the bindings list it in their enum error. */
const RUN_AT: readonly RunAt[] = ['document_end', 'document_idle', 'document_start'];
const STYLE_ORIGINS = ['AUTHOR', 'USER'] as const;

const INJECTION_TARGET: TypeSpec = {
  type: 'object',
  ref: 'scripting.InjectionTarget',
  properties: {
    tabId: { type: 'integer' },
    frameIds: { type: 'array', optional: true, items: { type: 'integer' } },
    documentIds: STRINGS,
    allFrames: { type: 'boolean', optional: true },
  },
};

const EXECUTE_SCRIPT = new APISignature('scripting.executeScript', [
  {
    name: 'injection',
    type: 'object',
    ref: 'scripting.ScriptInjection',
    properties: {
      func: { type: 'function', optional: true },
      args: { type: 'array', optional: true, items: { type: 'any' } },
      function: { type: 'function', optional: true },
      files: STRINGS,
      target: INJECTION_TARGET,
      world: { type: 'string', optional: true, enum: WORLDS },
      injectImmediately: { type: 'boolean', optional: true },
    },
  },
  CALLBACK,
]);

const CSS_INJECTION: ParamSpec = {
  name: 'injection',
  type: 'object',
  ref: 'scripting.CSSInjection',
  properties: {
    target: INJECTION_TARGET,
    css: { type: 'string', optional: true },
    files: STRINGS,
    origin: { type: 'string', optional: true, enum: STYLE_ORIGINS },
  },
};
const INSERT_CSS = new APISignature('scripting.insertCSS', [CSS_INJECTION, CALLBACK]);
const REMOVE_CSS = new APISignature('scripting.removeCSS', [CSS_INJECTION, CALLBACK]);

const REGISTERED_CONTENT_SCRIPT: TypeSpec = {
  type: 'object',
  ref: 'scripting.RegisteredContentScript',
  properties: {
    id: { type: 'string' },
    matches: STRINGS,
    excludeMatches: STRINGS,
    css: STRINGS,
    js: STRINGS,
    allFrames: { type: 'boolean', optional: true },
    matchOriginAsFallback: { type: 'boolean', optional: true },
    runAt: { type: 'string', optional: true, enum: RUN_AT },
    persistAcrossSessions: { type: 'boolean', optional: true },
    world: { type: 'string', optional: true, enum: WORLDS },
  },
};
const SCRIPTS: ParamSpec = { name: 'scripts', type: 'array', items: REGISTERED_CONTENT_SCRIPT };
const FILTER: ParamSpec = { name: 'filter', type: 'object', optional: true, ref: 'scripting.ContentScriptFilter', properties: { ids: STRINGS } };
const REGISTER = new APISignature('scripting.registerContentScripts', [SCRIPTS, CALLBACK]);
const GET_REGISTERED = new APISignature('scripting.getRegisteredContentScripts', [FILTER, CALLBACK]);
const UNREGISTER = new APISignature('scripting.unregisterContentScripts', [FILTER, CALLBACK]);
const UPDATE = new APISignature('scripting.updateContentScripts', [SCRIPTS, CALLBACK]);

/** Chrome's ScriptingError as the API function's failure. */
function browserSide<T>(run: () => T | Promise<T>): Promise<T> {
  return Promise.resolve()
    .then(run)
    .catch((error: unknown) => {
      throw error instanceof ScriptingError ? new ApiError(error.message) : error;
    });
}

interface ParsedScriptInjection {
  readonly target: InjectionTarget;
  readonly func?: (...args: unknown[]) => unknown;
  readonly function?: (...args: unknown[]) => unknown;
  readonly args?: readonly unknown[];
  readonly files?: readonly string[];
  readonly world?: ExecutionWorldName;
  readonly injectImmediately?: boolean;
}

export interface Scripting {
  executeScript(...args: unknown[]): Promise<unknown> | undefined;
  insertCSS(...args: unknown[]): Promise<unknown> | undefined;
  removeCSS(...args: unknown[]): Promise<unknown> | undefined;
  registerContentScripts(...args: unknown[]): Promise<unknown> | undefined;
  getRegisteredContentScripts(...args: unknown[]): Promise<unknown> | undefined;
  unregisterContentScripts(...args: unknown[]): Promise<unknown> | undefined;
  updateContentScripts(...args: unknown[]): Promise<unknown> | undefined;
  readonly ExecutionWorld: Readonly<Record<ExecutionWorldName, ExecutionWorldName>>;
  readonly StyleOrigin: Readonly<Record<(typeof STYLE_ORIGINS)[number], string>>;
}

export function createScripting(messaging: ContextMessaging): Scripting {
  const extension = messaging.context.extension!;
  return {
    executeScript: apiFunction(messaging, EXECUTE_SCRIPT, (parsed) => {
      const injection = parsed as ParsedScriptInjection;
      // args: each an `any` the bindings convert with V8ValueConverter, which fails on what it cannot convert.
      const args = (injection.args ?? []).map((arg, index) => {
        const value = toStoredValue(arg);
        if (value === undefined) {
          throw EXECUTE_SCRIPT.invocationError(argumentError('injection', propertyError('args', indexError(index, UNSERIALIZABLE_VALUE))), messaging.realm);
        }
        return value;
      });
      return browserSide(() => {
        const { func, files } = checkScriptInjection(injection);
        const code = func === undefined ? undefined : `(${Function.prototype.toString.call(func)})(${args.map(argumentJson).join(',')})`;
        return executeScript(extension, { target: injection.target, world: injection.world ?? 'ISOLATED', files, code });
      });
    }),
    insertCSS: apiFunction(messaging, INSERT_CSS, (parsed) => browserSide(() => insertCSS(extension, cssInjection(parsed)))),
    removeCSS: apiFunction(messaging, REMOVE_CSS, (parsed) => browserSide(() => removeCSS(extension, cssInjection(parsed)))),
    registerContentScripts: apiFunction(messaging, REGISTER, (scripts) =>
      browserSide(() => registerContentScripts(extension, scripts as RegisteredContentScriptInit[])),
    ),
    getRegisteredContentScripts: apiFunction(messaging, GET_REGISTERED, (filter) =>
      browserSide(() => getRegisteredContentScripts(extension, (filter as { ids?: string[] } | undefined)?.ids)),
    ),
    unregisterContentScripts: apiFunction(messaging, UNREGISTER, (filter) =>
      browserSide(() => unregisterContentScripts(extension, (filter as { ids?: string[] } | undefined)?.ids)),
    ),
    updateContentScripts: apiFunction(messaging, UPDATE, (scripts) => browserSide(() => updateContentScripts(extension, scripts as RegisteredContentScriptInit[]))),
    ExecutionWorld: { ISOLATED: 'ISOLATED', MAIN: 'MAIN' },
    StyleOrigin: { AUTHOR: 'AUTHOR', USER: 'USER' },
  };
}

/** ScriptingExecuteScriptFunction::Run's checks, in its order. */
function checkScriptInjection(injection: ParsedScriptInjection): { func?: (...args: unknown[]) => unknown; files?: readonly string[] } {
  // `function` is the old name of `func`, still accepted.
  if (injection.function && injection.func) throw new ScriptingError(SCRIPTING_FUNC_AND_FUNCTION);
  const func = injection.func ?? injection.function;
  if ((injection.files && func) || (!injection.files && !func)) throw new ScriptingError(SCRIPTING_EXACTLY_ONE_OF_FUNC_AND_FILES);
  if (injection.files && injection.args) throw new ScriptingError(SCRIPTING_ARGS_WITH_FILES);
  return func ? { func } : { files: injection.files };
}

/** base::JSONWriter::Write of a converted argument. */
function argumentJson(value: unknown): string {
  if (value instanceof StoredBinary) throw new ScriptingError(SCRIPTING_UNSERIALIZABLE_ARGUMENT);
  return JSON.stringify(value);
}

function cssInjection(parsed: unknown): CSSInjection {
  const injection = parsed as { target: InjectionTarget; css?: string; files?: string[]; origin?: 'AUTHOR' | 'USER' };
  if ((injection.files !== undefined) === (injection.css !== undefined)) throw new ScriptingError(SCRIPTING_EXACTLY_ONE_OF_CSS_AND_FILES);
  return { target: injection.target, css: injection.css, files: injection.files, origin: injection.origin ?? 'AUTHOR' };
}
