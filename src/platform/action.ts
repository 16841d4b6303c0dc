/**
 * The extension's toolbar action (ExtensionAction, extensions/browser/extension_action.h): its
 * title, popup, badge, icon and enabled state, each with a default and per-tab values; and what a
 * click does — open the popup over the tab, or raise action.onClicked with the tab.
 */
import type { Browser } from '../core/browser.ts';
import type { Extension } from '../core/extension.ts';
import type { Tab } from '../core/tab.ts';
import { scrubTab } from './tab-access.ts';
import { dispatchWithUserGesture } from './user-gesture.ts';

/** A colour as Chrome hands it back: [red, green, blue, alpha], each 0–255. */
export type ColorArray = [number, number, number, number];

interface ActionValues {
  title?: string;
  popup?: string;
  badgeText?: string;
  badgeBackgroundColor?: ColorArray;
  badgeTextColor?: ColorArray;
  enabled?: boolean;
  icon?: unknown;
}

type ActionKey = keyof ActionValues;

/** Listeners for what the platform's other parts do on a click (scripting grants activeTab). */
const clickObservers = new WeakMap<Browser, Set<(extension: Extension, tab: Tab) => void>>();

/** One extension's action: defaults from the manifest's `action`, and values per tab. */
export class ExtensionAction {
  readonly #defaults: ActionValues = {};
  readonly #perTab = new Map<number, ActionValues>();
  /** The popup open for this extension, if any (one at a time, as the toolbar shows one). */
  popup: Tab | undefined;

  constructor(readonly extension: Extension) {
    const action = (extension.manifest as { action?: { default_title?: unknown; default_popup?: unknown } }).action ?? {};
    this.#defaults.title = typeof action.default_title === 'string' ? action.default_title : extension.manifest.name;
    this.#defaults.popup = typeof action.default_popup === 'string' && action.default_popup !== '' ? extension.getURL(action.default_popup) : '';
    this.#defaults.badgeText = '';
    this.#defaults.enabled = true;
  }

  /** The value for `tabId` (a per-tab one, else the default), as getTitle/getPopup/... read it. */
  get<K extends ActionKey>(key: K, tabId?: number): ActionValues[K] {
    const own = tabId === undefined ? undefined : this.#perTab.get(tabId)?.[key];
    return own ?? this.#defaults[key];
  }

  /** Sets the default (no tabId) or the tab's own value; `undefined` clears a tab's own value. */
  set<K extends ActionKey>(key: K, value: ActionValues[K], tabId?: number): void {
    if (tabId === undefined) {
      this.#defaults[key] = value;
      return;
    }
    const values = this.#perTab.get(tabId) ?? {};
    if (value === undefined) delete values[key];
    else values[key] = value;
    this.#perTab.set(tabId, values);
  }

  /** A closed tab's own values go with it. */
  forgetTab(tabId: number): void {
    this.#perTab.delete(tabId);
  }
}

const actions = new WeakMap<Extension, ExtensionAction>();

/** The extension's action; undefined when its manifest declares none. */
export function actionOf(extension: Extension): ExtensionAction | undefined {
  if (!('action' in extension.manifest)) return undefined;
  let action = actions.get(extension);
  if (!action) {
    action = new ExtensionAction(extension);
    actions.set(extension, action);
  }
  return action;
}

/** Calls `observer` on every action click, before its popup opens or onClicked is raised. */
export function observeActionClicks(browser: Browser, observer: (extension: Extension, tab: Tab) => void): () => void {
  let observers = clickObservers.get(browser);
  if (!observers) clickObservers.set(browser, (observers = new Set()));
  observers.add(observer);
  return () => observers.delete(observer);
}

/** What takes a click over before the popup or onClicked (the side panel with openPanelOnActionClick); true if handled. */
const clickHandlers = new WeakMap<Browser, Set<(extension: Extension, tab: Tab) => boolean>>();

/** Lets `handler` take action clicks over: when it returns true, no popup opens and onClicked is not raised. */
export function handleActionClicks(browser: Browser, handler: (extension: Extension, tab: Tab) => boolean): () => void {
  let handlers = clickHandlers.get(browser);
  if (!handlers) clickHandlers.set(browser, (handlers = new Set()));
  handlers.add(handler);
  return () => handlers.delete(handler);
}

export class ActionError extends Error {
  override readonly name = 'ActionError';
}

/**
 * What a user's click on the extension's toolbar button does over `tab` (by default the active tab
 * of the focused window): nothing if the action is disabled there; else the popup opens, or, with
 * no popup, action.onClicked is raised in the extension with the tab as it may see it.
 */
export function clickAction(extension: Extension, tab?: Tab): void {
  const browser = extension.browser;
  const action = actionOf(extension);
  if (!action) throw new ActionError(`Extension ${extension.id} has no action in its manifest`);
  if (!extension.enabled) throw new ActionError(`Extension ${extension.id} is not enabled`);
  const target = tab ?? browser.currentWindow().activeTab;
  if (!target || target.closed || target.view) throw new ActionError('There is no tab to click the action over');
  if (action.get('enabled', target.id) === false) return;
  for (const observer of clickObservers.get(browser) ?? []) observer(extension, target);
  for (const handler of clickHandlers.get(browser) ?? []) if (handler(extension, target)) return;
  const popup = action.get('popup', target.id);
  if (popup) {
    openPopup(extension, action, popup, target);
    return;
  }
  // A click is a user gesture: onClicked's listeners may open the side panel (observed in Chromium 156).
  dispatchWithUserGesture(extension, 'action.onClicked', [scrubTab(extension, target.info())]);
}

/** Opens the action's popup over the window of `tab` (closing one already open). */
export function openPopup(extension: Extension, action: ExtensionAction, url: string, tab: Tab): Tab {
  action.popup?.close();
  const popup = extension.browser.openView(url, 'popup', tab.window);
  action.popup = popup;
  return popup;
}
