import { SIDE_PANEL_TAB_OR_WINDOW, SIDE_PANEL_USER_GESTURE } from '../core/errors.ts';
import { SidePanelError, sidePanelOf, type PanelOptions } from '../platform/side-panel.ts';
import { hasUserGesture } from '../platform/user-gesture.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { APISignature, type ParamSpec, type TypeSpec } from './signature.ts';

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const INTEGER: TypeSpec = { type: 'integer', optional: true };
const TARGET = { tabId: INTEGER, windowId: INTEGER };

// side_panel.idl
const GET_OPTIONS = new APISignature('sidePanel.getOptions', [{ name: 'options', type: 'object', ref: 'sidePanel.GetPanelOptions', properties: { tabId: INTEGER } }, CALLBACK]);
const SET_OPTIONS = new APISignature('sidePanel.setOptions', [
  { name: 'options', type: 'object', ref: 'sidePanel.PanelOptions', properties: { enabled: { type: 'boolean', optional: true }, path: { type: 'string', optional: true }, tabId: INTEGER } },
  CALLBACK,
]);
const SET_PANEL_BEHAVIOR = new APISignature('sidePanel.setPanelBehavior', [
  { name: 'behavior', type: 'object', ref: 'sidePanel.PanelBehavior', properties: { openPanelOnActionClick: { type: 'boolean', optional: true } } },
  CALLBACK,
]);
const GET_PANEL_BEHAVIOR = new APISignature('sidePanel.getPanelBehavior', [CALLBACK]);
const OPEN = new APISignature('sidePanel.open', [{ name: 'options', type: 'object', ref: 'sidePanel.OpenOptions', properties: TARGET }, CALLBACK]);
const CLOSE = new APISignature('sidePanel.close', [{ name: 'options', type: 'object', ref: 'sidePanel.CloseOptions', properties: TARGET }, CALLBACK]);
const GET_LAYOUT = new APISignature('sidePanel.getLayout', [CALLBACK]);

interface Target {
  tabId?: number;
  windowId?: number;
}

/** chrome.sidePanel (side_panel_api.cc): the panel's options per tab, the action's behaviour, open and close. */
export function createSidePanel(messaging: ContextMessaging): object {
  const context = messaging.context;
  const panel = sidePanelOf(context.extension!);
  /** The service's failures are the function's errors. */
  const run = (act: () => void): void => {
    try {
      act();
    } catch (error) {
      if (error instanceof SidePanelError) throw new ApiError(error.message);
      throw error;
    }
  };
  return {
    onClosed: messaging.event('sidePanel.onClosed'),
    onOpened: messaging.event('sidePanel.onOpened'),
    close: apiFunction(messaging, CLOSE, (options) => {
      const target = options as Target;
      if (target.tabId === undefined && target.windowId === undefined) throw new ApiError(SIDE_PANEL_TAB_OR_WINDOW);
      run(() => panel.close(target));
    }),
    // The side panel sits on the right unless the user moved it (headless Chromium 156 answers the same).
    getLayout: apiFunction(messaging, GET_LAYOUT, () => ({ side: 'right' })),
    // No tab check: an unknown tab has the default options (side_panel_api.cc).
    getOptions: apiFunction(messaging, GET_OPTIONS, (options) => panel.getOptions((options as Target).tabId)),
    getPanelBehavior: apiFunction(messaging, GET_PANEL_BEHAVIOR, () => ({ openPanelOnActionClick: panel.openPanelOnActionClick })),
    open: apiFunction(messaging, OPEN, (options) => {
      // The gesture is checked before the arguments (SidePanelOpenFunction::RunFunction).
      if (!hasUserGesture(context)) throw new ApiError(SIDE_PANEL_USER_GESTURE);
      const target = options as Target;
      if (target.tabId === undefined && target.windowId === undefined) throw new ApiError(SIDE_PANEL_TAB_OR_WINDOW);
      run(() => (target.tabId !== undefined ? panel.openForTab(target.tabId, target.windowId) : panel.openForWindow(target.windowId!)));
    }),
    setOptions: apiFunction(messaging, SET_OPTIONS, (options) => panel.setOptions({ ...(options as PanelOptions) })),
    setPanelBehavior: apiFunction(messaging, SET_PANEL_BEHAVIOR, (behavior) => {
      const value = (behavior as { openPanelOnActionClick?: boolean }).openPanelOnActionClick;
      if (value !== undefined) panel.openPanelOnActionClick = value;
    }),
    Side: { LEFT: 'left', RIGHT: 'right' },
  };
}
