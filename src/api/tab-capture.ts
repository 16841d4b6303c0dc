import { TabCaptureError, mediaStreamId } from '../platform/tab-capture.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { APISignature, type ParamSpec } from './signature.ts';

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };

// tab_capture.json
const GET_MEDIA_STREAM_ID = new APISignature('tabCapture.getMediaStreamId', [
  {
    name: 'options',
    type: 'object',
    optional: true,
    ref: 'tabCapture.GetMediaStreamOptions',
    properties: { consumerTabId: { type: 'integer', optional: true }, targetTabId: { type: 'integer', optional: true } },
  },
  CALLBACK,
]);
const GET_CAPTURED_TABS = new APISignature('tabCapture.getCapturedTabs', [CALLBACK]);

/** chrome.tabCapture: stream ids for tabs the user invoked the extension on; no capture runs here. */
export function createTabCapture(messaging: ContextMessaging): object {
  const extension = messaging.context.extension!;
  return {
    onStatusChanged: messaging.event('tabCapture.onStatusChanged'),
    getCapturedTabs: apiFunction(messaging, GET_CAPTURED_TABS, () => []),
    getMediaStreamId: apiFunction(messaging, GET_MEDIA_STREAM_ID, (options) => {
      try {
        return mediaStreamId(extension, (options as { targetTabId?: number } | undefined)?.targetTabId);
      } catch (error) {
        if (error instanceof TabCaptureError) throw new ApiError(error.message);
        throw error;
      }
    }),
    TabCaptureState: messaging.toRealm({ ACTIVE: 'active', ERROR: 'error', PENDING: 'pending', STOPPED: 'stopped' }),
  };
}
