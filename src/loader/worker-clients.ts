/**
 * A service worker's `clients` (Clients, ServiceWorker spec §4.3), `registration` and `skipWaiting`:
 * the extension's own pages (tabs, popups, side panels, offscreen documents) are its window clients,
 * as in Chrome, where an extension's worker controls every page of its origin.
 */
import { randomUUID } from 'node:crypto';
import type { ScriptContext } from '../core/context.ts';
import { defineGlobal, type ContextRealm } from './context-realm.ts';
import type { RealmValues } from './worker-fetch.ts';

interface ClientQueryOptions {
  includeUncontrolled?: boolean;
  type?: 'window' | 'worker' | 'sharedworker' | 'all';
}

const clientIds = new WeakMap<ScriptContext, string>();

/** A page's Client id: a UUID for as long as the page lives. */
function clientId(context: ScriptContext): string {
  let id = clientIds.get(context);
  if (!id) clientIds.set(context, (id = randomUUID()));
  return id;
}

export function installWorkerClients(realm: ContextRealm, worker: ScriptContext, values: RealmValues): void {
  const extension = worker.extension!;
  const toRealm = <T>(value: T): T => values.JSON.parse(JSON.stringify(value)) as T;
  const describe = (page: ScriptContext) => {
    const document = page.document!;
    const tab = document.frame.tab;
    const focused = tab.view === undefined ? tab.active && tab.window.focused : false;
    return toRealm({
      focused,
      frameType: document.frame.isMainFrame ? 'top-level' : 'nested',
      id: clientId(page),
      type: 'window',
      url: document.url,
      visibilityState: tab.view === 'offscreen_document' || (tab.view === undefined && !tab.active) ? 'hidden' : 'visible',
    });
  };
  const pages = (): ScriptContext[] => [...extension.pageContexts].filter((page) => page.valid && page.document);
  const clients = {
    matchAll(options: ClientQueryOptions = {}): Promise<unknown[]> {
      const type = options.type ?? 'window';
      const matched = type === 'window' || type === 'all' ? pages().map(describe) : [];
      return values.adopt(Promise.resolve(toRealm(matched)));
    },
    get(id: unknown): Promise<unknown> {
      const page = pages().find((candidate) => clientId(candidate) === String(id));
      return values.adopt(Promise.resolve(page ? describe(page) : undefined));
    },
    claim(): Promise<void> {
      return values.adopt(Promise.resolve());
    },
    openWindow(): Promise<never> {
      // Without a notification click the worker has no user activation: the spec's InvalidAccessError.
      return values.adopt(Promise.reject(new (realm.global.DOMException as typeof DOMException)('Not allowed to open a window.', 'InvalidAccessError')));
    },
  };
  defineGlobal(realm.global, 'clients', clients);
  defineGlobal(realm.global, 'skipWaiting', () => values.adopt(Promise.resolve()));
  defineGlobal(realm.global, 'registration', toRealm({ scope: extension.getURL(''), updateViaCache: 'imports' }));
}
