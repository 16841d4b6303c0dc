/**
 * chrome.webNavigation (web_navigation.json, web_navigation_api.cc): getFrame, getAllFrames, the
 * enums, and the navigation events, which take an events.UrlFilter list as filters
 * (addListener(callback, { url: [...] })) except onTabReplaced. The events are raised by
 * src/platform/web-navigation.ts.
 */
import {
  EVENT_COULD_NOT_ADD_LISTENER,
  EVENT_FILTER_URL_NOT_ARRAY,
  EVENT_INVALID_INVOCATION,
  EVENT_NO_FILTERS,
  WEB_NAVIGATION_FRAME_REQUIRED,
  WEB_NAVIGATION_INVALID_DOCUMENT_ID,
} from '../core/errors.ts';
import { TRANSITION_QUALIFIER, TRANSITION_TYPE, allFrames, findFrame } from '../platform/web-navigation.ts';
import { STRING_CRITERIA, eventUrlFilterMatches, type UrlFilter } from '../platform/url-filter.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ChromeEvent } from './event.ts';
import type { ContextMessaging } from './messaging.ts';
import { bindingError } from './realm.ts';
import { APISignature, type ParamSpec } from './signature.ts';

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const ID = { type: 'integer', optional: true, minimum: 0 } as const;
// web_navigation.json
const GET_FRAME = new APISignature('webNavigation.getFrame', [
  {
    name: 'details',
    type: 'object',
    properties: { tabId: ID, processId: { type: 'integer', optional: true }, frameId: ID, documentId: { type: 'string', optional: true } },
  },
  CALLBACK,
]);
const GET_ALL_FRAMES = new APISignature('webNavigation.getAllFrames', [
  { name: 'details', type: 'object', properties: { tabId: { type: 'integer', minimum: 0 } } },
  CALLBACK,
]);

/** The events in Chrome's key order; onTabReplaced alone takes no filters. */
const EVENTS = [
  'onHistoryStateUpdated',
  'onTabReplaced',
  'onReferenceFragmentUpdated',
  'onCreatedNavigationTarget',
  'onErrorOccurred',
  'onCompleted',
  'onDOMContentLoaded',
  'onCommitted',
  'onBeforeNavigate',
];

/** ExtensionApiFrameIdMap::DocumentIdFromString: 32 hexadecimal digits. */
const DOCUMENT_ID = /^[0-9a-f]{32}$/i;

interface GetFrameDetails {
  tabId?: number;
  processId?: number;
  frameId?: number;
  documentId?: string;
}

/** chrome.webNavigation for one context. */
export function createWebNavigation(messaging: ContextMessaging): object {
  const browser = messaging.context.browser;
  const namespace: Record<string, unknown> = {};
  for (const name of EVENTS) {
    namespace[name] = new FilteredEvent(messaging, messaging.event(`webNavigation.${name}`), name !== 'onTabReplaced');
  }
  namespace.getAllFrames = apiFunction(messaging, GET_ALL_FRAMES, (details) => allFrames(browser, (details as { tabId: number }).tabId));
  namespace.getFrame = apiFunction(messaging, GET_FRAME, (details) => {
    const { tabId, frameId, documentId } = details as GetFrameDetails;
    if (documentId === undefined && (tabId === undefined || frameId === undefined)) throw new ApiError(WEB_NAVIGATION_FRAME_REQUIRED);
    if (documentId !== undefined && !DOCUMENT_ID.test(documentId)) throw new ApiError(WEB_NAVIGATION_INVALID_DOCUMENT_ID);
    return findFrame(browser, { tabId, frameId, documentId });
  });
  namespace.TransitionQualifier = messaging.adopt({ ...TRANSITION_QUALIFIER });
  namespace.TransitionType = messaging.adopt({ ...TRANSITION_TYPE });
  return namespace;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listeners of any shape
type Listener = (...args: any[]) => unknown;

/**
 * A chrome.Event whose listeners may each give a filter (EventEmitter with FilteredEventListeners):
 * a listener hears only the events whose details' url its filter matches. It keeps its listeners
 * in the context's event, so that dispatch and the worker's lazy listeners work as for any event.
 */
export class FilteredEvent {
  readonly #wrappers = new Map<Listener, Listener>();

  readonly #messaging: ContextMessaging;
  readonly #event: ChromeEvent<Listener>;
  readonly #supportsFilters: boolean;

  constructor(messaging: ContextMessaging, event: ChromeEvent<Listener>, supportsFilters: boolean) {
    this.#messaging = messaging;
    this.#event = event;
    this.#supportsFilters = supportsFilters;
  }

  addListener(listener: Listener, ...rest: unknown[]): void {
    if (typeof listener !== 'function') {
      this.#event.addListener(listener);
      return;
    }
    let filters: readonly UrlFilter[] | undefined;
    if (rest.length > 0) {
      if (!this.#supportsFilters) throw this.typeError(EVENT_NO_FILTERS);
      filters = this.parseFilter(rest[0]);
    }
    // The same listener again is ignored, whatever its filter.
    if (this.#wrappers.has(listener) && this.#event.hasListener(this.#wrappers.get(listener)!)) return;
    const wrapper: Listener = (...args: unknown[]) => {
      const url = (args[0] as { url?: unknown } | undefined)?.url;
      if (typeof url === 'string' && !eventUrlFilterMatches(filters, url)) return undefined;
      return listener(...args);
    };
    this.#event.addListener(wrapper);
    this.#wrappers.set(listener, wrapper);
  }

  removeListener(listener: Listener): void {
    const wrapper = this.#wrappers.get(listener);
    this.#event.removeListener(wrapper ?? listener);
    this.#wrappers.delete(listener);
  }

  hasListener(listener: Listener): boolean {
    const wrapper = this.#wrappers.get(listener);
    return this.#event.hasListener(wrapper ?? listener);
  }

  hasListeners(): boolean {
    return this.#event.hasListeners();
  }

  /** ParseEventFilter and EventFilter::AddEventMatcher: an object, whose url is a list of valid UrlFilters. */
  private parseFilter(value: unknown): readonly UrlFilter[] | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw this.typeError(EVENT_INVALID_INVOCATION);
    const url = (value as { url?: unknown }).url;
    if (url === undefined) return undefined;
    if (!Array.isArray(url)) throw this.typeError(EVENT_FILTER_URL_NOT_ARRAY);
    if (!url.every(isValidUrlFilter)) throw this.typeError(EVENT_COULD_NOT_ADD_LISTENER);
    return url.map((filter) => ({ ...(filter as UrlFilter) }));
  }

  private typeError(message: string): Error {
    return bindingError(this.#messaging.realm, 'TypeError', message);
  }
}

const HOST_CRITERIA = new Set(['hostContains', 'hostEquals', 'hostPrefix', 'hostSuffix']);
const REGEX_CRITERIA = new Set(['urlMatches', 'originAndPathMatches']);

/** URLMatcherFactory::CreateFromURLFilterDictionary's checks: known keys of the right types, lower-case hosts, valid expressions. */
function isValidUrlFilter(filter: unknown): boolean {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) return false;
  for (const [key, value] of Object.entries(filter)) {
    if ((STRING_CRITERIA as readonly string[]).includes(key)) {
      if (typeof value !== 'string') return false;
      if (HOST_CRITERIA.has(key) && value !== value.toLowerCase()) return false;
      if (REGEX_CRITERIA.has(key) && !isRegExp(value)) return false;
    } else if (key === 'schemes') {
      if (!Array.isArray(value) || !value.every((scheme) => typeof scheme === 'string')) return false;
    } else if (key === 'ports') {
      if (!Array.isArray(value) || !value.every(isPort)) return false;
    } else {
      return false;
    }
  }
  return true;
}

function isPort(port: unknown): boolean {
  if (Number.isInteger(port)) return true;
  return Array.isArray(port) && port.length === 2 && port.every((end) => Number.isInteger(end));
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
