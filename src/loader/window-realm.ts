import type { ScriptContext } from '../core/context.ts';
import { bindRealm, type ContextRealm } from './context-realm.ts';
import type { DocumentDom } from './dom.ts';
import { installWebGlobals } from './web-globals.ts';

/**
 * A page's main world: the document's jsdom window is the realm's global, with the page's
 * `chrome` (and, for extension pages, `browser`). Timers are the window's own.
 */
export function createWindowRealm(context: ScriptContext, dom: DocumentDom): ContextRealm {
  const realm = bindRealm(context, dom.vmContext);
  installWebGlobals(realm.global, context, { timers: false });
  return realm;
}
