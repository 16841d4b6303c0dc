import { OFFSCREEN_REASONS, OffscreenError, closeOffscreenDocument, createOffscreenDocument, offscreenDocumentOf } from '../platform/offscreen.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { APISignature, type ParamSpec } from './signature.ts';

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };

// offscreen.json
const CREATE_DOCUMENT = new APISignature('offscreen.createDocument', [
  {
    name: 'parameters',
    type: 'object',
    ref: 'offscreen.CreateParameters',
    properties: {
      justification: { type: 'string' },
      reasons: { type: 'array', items: { type: 'string', enum: OFFSCREEN_REASONS } },
      url: { type: 'string' },
    },
  },
  CALLBACK,
]);
const CLOSE_DOCUMENT = new APISignature('offscreen.closeDocument', [CALLBACK]);
const HAS_DOCUMENT = new APISignature('offscreen.hasDocument', [CALLBACK]);

/** chrome.offscreen: one offscreen document per extension. */
export function createOffscreen(messaging: ContextMessaging): object {
  const extension = messaging.context.extension!;
  const failing = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof OffscreenError) throw new ApiError(error.message);
      throw error;
    }
  };
  return {
    closeDocument: apiFunction(messaging, CLOSE_DOCUMENT, () => failing(() => closeOffscreenDocument(extension))),
    createDocument: apiFunction(messaging, CREATE_DOCUMENT, (parameters) => {
      const { url, reasons } = parameters as { url: string; reasons: string[] };
      failing(() => createOffscreenDocument(extension, url, reasons));
    }),
    hasDocument: apiFunction(messaging, HAS_DOCUMENT, () => offscreenDocumentOf(extension) !== undefined),
    Reason: messaging.toRealm(Object.fromEntries(OFFSCREEN_REASONS.map((reason) => [reason, reason]))),
  };
}
