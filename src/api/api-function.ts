import { errorHandlingResponse } from '../core/errors.ts';
import type { ContextMessaging } from './messaging.ts';
import { assertContextValid } from './runtime.ts';
import type { APISignature } from './signature.ts';
import { describeThrown } from './thrown.ts';

type Callback = (...args: unknown[]) => void;

/** What an API function's browser side answers: a value of plain data, or an error message. */
export type ApiResult = { readonly value?: unknown } | { readonly error: string };

/** An error of an API function: its message is what lastError and the rejection carry. */
export interface ApiFunctionOptions {
  /**
   * The answer is already a value of the context's realm (an object with methods, made through its
   * membrane: a DirectoryEntry), handed over as it is rather than copied as JSON data.
   */
  readonly answersInRealm?: boolean;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
}

/**
 * An extension API function in Chrome's shape (extensions/renderer/bindings/api_binding.cc and
 * api_request_handler.cc): the arguments are parsed against the signature (a bad call throws the
 * invocation TypeError at once), the browser answers in a later task, and the caller hears it
 * through the callback (with runtime.lastError set on failure, and no arguments) or, without one,
 * through a promise of its own realm that rejects with an Error.
 *
 * `signature`'s last parameter is the optional callback. `run` gets the other parsed arguments
 * and returns the answer (or a promise of it); a thrown ApiError is the failure.
 */
export function apiFunction(
  messaging: ContextMessaging,
  signature: APISignature,
  run: (...args: unknown[]) => unknown,
  options: ApiFunctionOptions = {},
): (...args: unknown[]) => Promise<unknown> | undefined {
  const fn = (...args: unknown[]) => {
    assertContextValid(messaging);
    const { context } = messaging;
    const parsed = signature.parse(args, messaging.realm);
    const callback = parsed.pop() as Callback | undefined;
    // A worker's API call is a request of the worker until the browser answers it: it keeps the
    // worker running, and the idle timeout counts from the answer (ExtensionFunctionDispatcher's
    // external request, ServiceWorkerVersion::StartExternalRequest; AddKeepAlive/ClearKeepAlive).
    const finish = context.type === 'service_worker' ? context.extension?.serviceWorkerLifetime.startRequest() : undefined;
    let answer: Promise<ApiResult>;
    try {
      answer = Promise.resolve(run(...parsed)).then(
        (value): ApiResult => ({ value }),
        (error: unknown): ApiResult => failure(error),
      );
    } catch (error) {
      answer = Promise.resolve(failure(error));
    }
    if (finish) {
      const answered = () => context.browser.post(finish);
      void answer.then(answered, answered);
    }
    return respond(messaging, answer, callback, options.answersInRealm === true);
  };
  // Chrome's functions carry their own names (chrome.runtime.getContexts.name === 'getContexts').
  Object.defineProperty(fn, 'name', { value: signature.apiMethod.slice(signature.apiMethod.lastIndexOf('.') + 1) });
  return fn;
}

function failure(error: unknown): ApiResult {
  if (error instanceof ApiError) return { error: error.message };
  throw error;
}

/** Hands the browser's answer to the caller in a task of the browser's, as the IPC reply would arrive. */
function respond(messaging: ContextMessaging, answer: Promise<ApiResult>, callback: Callback | undefined, inRealm: boolean): Promise<unknown> | undefined {
  const { context, realm } = messaging;
  const adopt = (value: unknown): unknown => (inRealm ? value : messaging.toRealm(value));
  const deliver = (complete: (result: ApiResult) => void): void => {
    void answer.then((result) => context.browser.post(() => {
      if (context.valid) complete(result);
    }));
  };
  if (callback) {
    // A callback's own exception is the context's to report (api_request_handler.cc), never the browser's.
    const call = (...args: unknown[]): void => {
      try {
        callback(...args);
      } catch (thrown) {
        context.log('error', errorHandlingResponse(describeThrown(thrown, true)));
      }
    };
    deliver((result) => {
      if ('error' in result) messaging.lastError.runWith(result.error, () => call());
      else call(...(result.value === undefined ? [] : [adopt(result.value)]));
    });
    return undefined;
  }
  return new realm.Promise((resolve, reject) => {
    deliver((result) => {
      if ('error' in result) reject(new realm.Error(result.error));
      else resolve(result.value === undefined ? undefined : adopt(result.value));
    });
  });
}
