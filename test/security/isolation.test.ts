/**
 * Isolation between contexts, each rule as Chrome guarantees it: a page's main world and a content
 * script's isolated world share the DOM but nothing of each other's JavaScript (not even the DOM
 * wrappers); one extension reaches nothing of another; a web page reaches nothing of an extension
 * it talks to; a message arrives as an object of the receiver's realm.
 *
 * Reaching the host reaches everything (every realm, every extension's files and state): that is
 * escape-probe.test.ts. These tests name the direct crossings between contexts, which sealing each
 * realm against the host does not remove by itself (objects shared through the DOM, say).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ScriptContext } from '../../src/index.ts';
import {
  escapeMessage,
  evaluateIn,
  listenIn,
  openSecurityWorld,
  probe,
  settle,
  toExtension,
  toFrame,
  toPage,
  type ProbeEscape,
  type ProbeReport,
  type SecurityWorld,
} from './support.ts';

/** The expressions, among `expressions`, whose value in the context is not undefined. */
function visible(context: ScriptContext, expressions: readonly string[]): string[] {
  return expressions.filter((expression) => evaluateIn(context, `(() => { try { return typeof (${expression}) !== 'undefined'; } catch { return false; } })()`));
}

/**
 * The members of the window `expression` names, in the context, that can be read although
 * HTML's cross-origin rules (CrossOriginProperties) would throw a SecurityError for them; nothing
 * when that window is the context's own or absent. Which members: the window's own keys, and a
 * few everyone tries.
 */
function readableAcrossOrigins(context: ScriptContext, expression: string): string[] {
  return evaluateIn(
    context,
    `(() => {
      let other;
      try { other = ${expression}; } catch { return []; }
      if (other === undefined || other === null || other === globalThis) return [];
      const allowed = new Set(['window', 'self', 'location', 'close', 'closed', 'focus', 'blur', 'frames', 'length', 'top', 'opener', 'parent', 'postMessage', 'then',
        Symbol.toStringTag, Symbol.hasInstance, Symbol.isConcatSpreadable]);
      let keys = [];
      try { keys = Reflect.ownKeys(other); } catch { keys = []; }
      const tried = [...new Set(['document', 'name', 'localStorage', 'history', 'Function', 'eval', 'chrome', 'frameSecret', 'pageSecret', '_frameElement', '_document', ...keys])];
      const readable = [];
      for (const key of tried) {
        if (allowed.has(key) || (typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key))) continue;
        try {
          other[key];
          readable.push(String(key));
        } catch {
          // SecurityError, as in Chrome.
        }
      }
      return readable.length > 20 ? [...readable.slice(0, 20), '… and ' + (readable.length - 20) + ' more'] : readable;
    })()`,
  ) as string[];
}

interface Crossings {
  readonly who: string;
  readonly report: ProbeReport;
  readonly escapes: readonly ProbeEscape[];
}

/** Probes of a world entering other contexts' realms, one per context (the tests only read them). */
function crossingProbes(world: SecurityWorld) {
  const reports = new Map<ScriptContext, Promise<ProbeReport>>();
  /** The routes from `context` into the realms `into` accepts. */
  return async (context: ScriptContext, into: (realm: string) => boolean): Promise<Crossings> => {
    let report = reports.get(context);
    if (!report) reports.set(context, (report = probe(context, { descendForeign: true })));
    const escapes = (await report).escapes.filter((escape) => into(escape.realm));
    return { who: world.names.get(context)!, report: await report, escapes };
  };
}

function assertNoCrossings(results: readonly Crossings[]) {
  const failed = results.filter((result) => result.escapes.length > 0);
  assert.equal(failed.length, 0, failed.map((result) => escapeMessage(result.who, result.report, result.escapes)).join('\n'));
}

describe('security: contexts are isolated from each other as Chrome isolates them', () => {
  // One world for the tests that only look at it; the messaging test makes its own.
  let world: SecurityWorld;
  let crossings: ReturnType<typeof crossingProbes>;
  before(async () => {
    world = await openSecurityWorld();
    crossings = crossingProbes(world);
  });
  after(() => world.browser.close());
  // The tests that walk whole realms come last: if the host dies under a walk, the others have reported.

  it("a page's main world cannot see a content script's globals, nor a content script the page's", () => {
    const { contexts } = world;
    const pageSees = visible(contexts.webPage, ['contentSecret', 'window.contentSecret', 'self.contentSecret', 'document.defaultView.contentSecret']);
    const contentScriptSees = visible(contexts.contentScriptMainFrame, [
      'pageSecret',
      'window.pageSecret',
      'self.pageSecret',
      'document.defaultView.pageSecret',
      'frames.pageSecret',
      'top.pageSecret',
      'parent.pageSecret',
    ]);
    assert.deepEqual({ pageSees, contentScriptSees }, { pageSees: [], contentScriptSees: [] });
  });

  it('an expando property set on a DOM node in the main world is not visible in the isolated world, nor one set in the isolated world in the main world (each world has its own wrappers)', () => {
    const { contexts } = world;
    // The page set document.body.pageState; extension A's content script set document.documentElement.extensionAState.
    assert.deepEqual(
      {
        contentScriptSees: visible(contexts.contentScriptMainFrame, ['document.body.pageState']),
        pageSees: visible(contexts.webPage, ['document.documentElement.extensionAState']),
      },
      { contentScriptSees: [], pageSees: [] },
    );
  });

  it("a page replacing a DOM method or a window value (a prototype's method, document.querySelector, XMLHttpRequest) replaces it in its own world only, where its elements see the replacement; the content script keeps the originals, and the DOM's state stays shared", () => {
    const { contexts } = world;
    const replaced = evaluateIn(
      contexts.webPage,
      `(() => {
        const page = (name) => function () { return 'the page\\'s ' + name; };
        HTMLElement.prototype.click = page('click');
        EventTarget.prototype.addEventListener = page('addEventListener');
        Object.defineProperty(Node.prototype, 'pageGetter', { get() { return this.nodeName; }, configurable: true });
        document.querySelector = page('querySelector');
        window.XMLHttpRequest = page('XMLHttpRequest');
        document.body.id = 'set-by-the-page';
        return JSON.stringify([document.body.click(), document.createElement('p').addEventListener('x', () => {}), document.body.pageGetter, document.querySelector('body'), XMLHttpRequest()]);
      })()`,
    ) as string;
    const seen = evaluateIn(
      contexts.contentScriptMainFrame,
      `JSON.stringify([typeof document.body.click === 'function' && document.body.click.toString().includes('[native code]') ? 'native' : String(document.body.click),
        String(document.createElement('p').addEventListener('x', () => {})), typeof document.body.pageGetter,
        document.querySelector('body') === document.body, typeof XMLHttpRequest === 'function' && !String(XMLHttpRequest).includes('the page'), document.body.id])`,
    ) as string;
    assert.deepEqual(JSON.parse(replaced), ["the page's click", "the page's addEventListener", 'BODY', "the page's querySelector", "the page's XMLHttpRequest"]);
    assert.deepEqual(JSON.parse(seen), ['native', 'undefined', 'undefined', true, true, 'set-by-the-page']);
  });

  it('a window of another origin gives only what cross-origin access allows (postMessage, location, frames, …): its document, its globals and anything else throw SecurityError', () => {
    const { contexts } = world;
    const readable = {
      "frames[0] from the page's main world": [...readableAcrossOrigins(contexts.webPage, 'frames[0]')],
      'top from a content script in the cross-origin subframe': [...readableAcrossOrigins(contexts.contentScriptSubframe, 'top')],
      'parent from a content script in the cross-origin subframe': [...readableAcrossOrigins(contexts.contentScriptSubframe, 'parent')],
    };
    // Each is a window of another origin, reached: the rules are checked on something.
    const reached = [
      evaluateIn(contexts.webPage, "typeof frames[0] === 'object' && frames[0] !== window && 'postMessage' in frames[0]"),
      evaluateIn(contexts.contentScriptSubframe, "typeof top === 'object' && top !== window && 'postMessage' in top"),
    ];
    assert.deepEqual(reached, [true, true]);
    assert.deepEqual(readable, Object.fromEntries(Object.keys(readable).map((where) => [where, []])));
  });

  it('a web page that an extension lets connect reaches nothing of the extension through chrome.runtime: neither the host that holds it nor its contexts\' realms', async () => {
    const report = await probe(world.contexts.connectableWebPage, { scope: 'chrome', extensionId: world.classic.id });
    assert.equal(report.escapes.length, 0, escapeMessage(`${world.names.get(world.contexts.connectableWebPage)!}, from chrome.*`, report));
  });

  it("objects received in messages (message, sender, reply, port message) are of the receiver's realm", async () => {
    // Its own world: listeners and messages change what the probes walk.
    const talking = await openSecurityWorld();
    const { contexts } = talking;
    const receivers = [contexts.classicWorker, contexts.extensionPage, contexts.contentScriptMainFrame, contexts.connectableWebPage];
    for (const receiver of receivers) listenIn(receiver);
    evaluateIn(contexts.contentScriptMainFrame, toExtension());
    evaluateIn(contexts.connectableWebPage, toExtension(talking.classic.id));
    evaluateIn(contexts.classicWorker, toExtension());
    evaluateIn(contexts.classicWorker, toFrame(talking, 'main'));
    evaluateIn(contexts.contentScriptMainFrame, toPage);
    await settle(talking.browser);
    const results: Crossings[] = [];
    for (const receiver of receivers) {
      const report = await probe(receiver, { scope: 'messages', ...(receiver === contexts.connectableWebPage ? { extensionId: talking.classic.id } : {}) });
      results.push({ who: talking.names.get(receiver)!, report, escapes: report.escapes });
    }
    talking.browser.close();
    // Not vacuous: every receiver got message data to walk.
    assert.deepEqual(results.filter((result) => result.report.objects === 0).map((result) => result.who), [], 'receivers that got no message data');
    assertNoCrossings(results);
  });

  it("a page's main world and a content script's isolated world reach no object of each other's realm", async () => {
    const { contexts, names } = world;
    const contentScripts = [...names].filter(([context]) => context.type === 'content_script' && context.document === contexts.webPage.document).map(([, name]) => name);
    assertNoCrossings([
      await crossings(contexts.webPage, (realm) => contentScripts.includes(realm)),
      await crossings(contexts.contentScriptMainFrame, (realm) => realm === names.get(contexts.webPage)),
    ]);
  });

  it("extension A's contexts reach nothing of extension B's, nor B's of A's", async () => {
    const { contexts } = world;
    const ofB = (realm: string) => realm.startsWith("extension B's");
    const ofA = (realm: string) => realm.startsWith("extension A's");
    assertNoCrossings([
      await crossings(contexts.classicWorker, ofB),
      await crossings(contexts.extensionPage, ofB),
      await crossings(contexts.contentScriptMainFrame, ofB),
      await crossings(contexts.moduleWorker, ofA),
      await crossings(contexts.moduleContentScriptMainFrame, ofA),
    ]);
    // Each extension's content script sees its own `contentSecret`, never the other's.
    assert.deepEqual(
      [evaluateIn(contexts.contentScriptMainFrame, 'contentSecret.kept'), evaluateIn(contexts.moduleContentScriptMainFrame, 'contentSecret.kept')],
      ["in extension A's isolated world", "in extension B's isolated world"],
    );
  });
});
