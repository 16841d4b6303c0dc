/**
 * The security suite's world: two unpacked extensions (A with a classic worker, B with a module
 * worker), web pages with and without externally_connectable, a cross-origin iframe, and every
 * kind of context they make; and the escape probe (test/fixtures/security/probe.js), run inside a
 * context's realm.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { clickAction, type Browser, type Extension, type ScriptContext, type Tab } from '../../src/index.ts';
import { loadUnpacked, realmOfContext } from '../../src/loader/index.ts';
import { loaderFixture, settle } from '../loader/support.ts';

const FIXTURES = new URL('../fixtures/security/', import.meta.url);
const PROBE_SOURCE = readFileSync(new URL('probe.js', FIXTURES), 'utf8');

/** The global property, in every realm of the world, that names the realm to the probe. */
const REALM_NAME_KEY = '__switchboardProbeRealm';

/** A file outside every extension: reading it from a context is an escape. */
export const OUTSIDE_FILE_URL = pathToFileURL(fileURLToPath(new URL('outside/secret.js', FIXTURES))).href;

export const PLAIN_PAGE = 'https://plain.test/';
export const FRAME_PAGE = 'https://frame.test/inner.html';
export const CONNECTABLE_PAGE = 'https://connectable.test/';

const PAGES: Record<string, string> = {
  [PLAIN_PAGE]: `<!doctype html><title>plain</title><p>A page no extension lets connect.</p>
    <iframe src="${FRAME_PAGE}"></iframe>
    <script>var pageSecret = { kept: 'in the page main world' }; document.body.pageState = { kept: 'on a DOM node by the page' };</script>`,
  [FRAME_PAGE]: `<!doctype html><title>frame</title><p>A cross-origin frame.</p>
    <script>var frameSecret = { kept: 'in the frame main world' };</script>`,
  [CONNECTABLE_PAGE]: `<!doctype html><title>connectable</title><p>A page extension A lets connect.</p>
    <script>var pageSecret = { kept: 'in the connectable page main world' };</script>`,
};

/** Every kind of context the suite probes, by name. */
export interface SecurityContexts {
  readonly classicWorker: ScriptContext;
  readonly moduleWorker: ScriptContext;
  readonly extensionPage: ScriptContext;
  readonly popup: ScriptContext;
  readonly offscreenDocument: ScriptContext;
  /** Extension A's content scripts, and extension B's in the main frame. */
  readonly contentScriptMainFrame: ScriptContext;
  readonly contentScriptSubframe: ScriptContext;
  readonly moduleContentScriptMainFrame: ScriptContext;
  readonly connectableContentScript: ScriptContext;
  readonly webPage: ScriptContext;
  readonly connectableWebPage: ScriptContext;
  readonly crossOriginFrame: ScriptContext;
}

export interface SecurityWorld {
  readonly browser: Browser;
  readonly classic: Extension;
  readonly module: Extension;
  readonly plainTab: Tab;
  readonly contexts: SecurityContexts;
  /** Each context's realm name, as the probe reports it. */
  readonly names: ReadonlyMap<ScriptContext, string>;
}

/** Opens the world: both extensions, the pages and their frames, an extension page, the popup, the offscreen document. */
export async function openSecurityWorld(): Promise<SecurityWorld> {
  const { browser } = loaderFixture(PAGES);
  const classic = loadUnpacked(browser, fileURLToPath(new URL('classic', FIXTURES)));
  const module = loadUnpacked(browser, fileURLToPath(new URL('module', FIXTURES)));
  const plainTab = browser.openTab(PLAIN_PAGE);
  const connectableTab = browser.openTab(CONNECTABLE_PAGE);
  const pageTab = classic.openPage('page.html');
  await settle(browser);
  clickAction(classic, plainTab);
  const classicWorker = required(classic.serviceWorker, 'the classic worker');
  await evaluateIn(classicWorker, "chrome.offscreen.createDocument({ url: 'offscreen.html', reasons: ['TESTING'], justification: 'the security probe' })");
  await settle(browser);

  const view = (type: string) => required([...browser.views].find((tab) => tab.view === type), `the ${type}`).mainFrame.document.mainWorld;
  const [mainFrame, subframe] = plainTab.frames();
  assert.ok(mainFrame && subframe, `${PLAIN_PAGE} has its cross-origin frame`);
  const contexts: SecurityContexts = {
    classicWorker,
    moduleWorker: required(module.serviceWorker, 'the module worker'),
    extensionPage: pageTab.mainFrame.document.mainWorld,
    popup: view('popup'),
    offscreenDocument: view('offscreen_document'),
    contentScriptMainFrame: required(mainFrame.contentScript(classic), "extension A's content script in the main frame"),
    contentScriptSubframe: required(subframe.contentScript(classic), "extension A's content script in the subframe"),
    moduleContentScriptMainFrame: required(mainFrame.contentScript(module), "extension B's content script in the main frame"),
    connectableContentScript: required(connectableTab.mainFrame.contentScript(classic), "extension A's content script in the connectable page"),
    webPage: mainFrame.document.mainWorld,
    connectableWebPage: connectableTab.mainFrame.document.mainWorld,
    crossOriginFrame: subframe.document.mainWorld,
  };
  const names = new Map<ScriptContext, string>([
    [contexts.classicWorker, "extension A's service worker"],
    [contexts.moduleWorker, "extension B's service worker"],
    [contexts.extensionPage, "extension A's page"],
    [contexts.popup, "extension A's popup"],
    [contexts.offscreenDocument, "extension A's offscreen document"],
    [contexts.contentScriptMainFrame, `extension A's content script in ${PLAIN_PAGE}`],
    [contexts.contentScriptSubframe, `extension A's content script in ${FRAME_PAGE}`],
    [contexts.moduleContentScriptMainFrame, `extension B's content script in ${PLAIN_PAGE}`],
    [required(subframe.contentScript(module), "extension B's content script in the subframe"), `extension B's content script in ${FRAME_PAGE}`],
    [contexts.connectableContentScript, `extension A's content script in ${CONNECTABLE_PAGE}`],
    [required(connectableTab.mainFrame.contentScript(module), "extension B's content script in the connectable page"), `extension B's content script in ${CONNECTABLE_PAGE}`],
    [contexts.webPage, `the main world of ${PLAIN_PAGE}`],
    [contexts.connectableWebPage, `the main world of ${CONNECTABLE_PAGE}`],
    [contexts.crossOriginFrame, `the main world of ${FRAME_PAGE}`],
  ]);
  for (const [context, name] of names) {
    evaluateIn(context, `Object.defineProperty(globalThis, ${JSON.stringify(REALM_NAME_KEY)}, { value: ${JSON.stringify(name)} })`);
  }
  return { browser, classic, module, plainTab, contexts, names };
}

function required<T>(value: T | undefined, what: string): T {
  assert.ok(value !== undefined, `the security world has no ${what}`);
  return value;
}

/** Evaluates a classic script in the context's realm, as the context's own code. */
export function evaluateIn(context: ScriptContext, source: string): unknown {
  const realm = realmOfContext(context);
  assert.ok(realm, `no realm for ${context.toString()}`);
  return realm.evaluate(source, 'switchboard-probe:evaluate');
}

export interface ProbeOptions {
  /** For a web page: the extension its chrome.runtime talks to. */
  readonly extensionId?: string;
  /** 'chrome': only what chrome.* gives; 'messages': only data received through messaging. */
  readonly scope?: 'everything' | 'chrome' | 'messages';
  /** Walk into foreign objects too, and report every crossing into a different realm. */
  readonly descendForeign?: boolean;
  /** Bounds of the walk (defaults: depth 6, 20,000 objects). */
  readonly maxDepth?: number;
  readonly maxObjects?: number;
}

export interface ProbeEscape {
  /** How the context's code reaches the object: `chrome.runtime.sendMessage`, `(await fetch('…')).headers`. */
  readonly route: string;
  /** Whose object it is: 'the host', or a context's realm name. */
  readonly realm: string;
  /** The route, whose it is, and the shortest code from it that compiles outside the realm. */
  readonly line: string;
  /** A route checked by name (typeof process, import('node:fs'), a file outside the extension), not found by the walk. */
  readonly explicit?: boolean;
}

export interface ProbeReport {
  readonly escapes: readonly ProbeEscape[];
  readonly objects: number;
  readonly truncated: boolean;
  readonly notes: readonly string[];
}

function callProbe(context: ScriptContext, config: Record<string, unknown>): unknown {
  const call = `(() => {\n${PROBE_SOURCE}\nreturn switchboardProbe;\n})()(${JSON.stringify({ realmNameKey: REALM_NAME_KEY, ...config })})`;
  const realm = realmOfContext(context);
  assert.ok(realm, `no realm for ${context.toString()}`);
  return realm.evaluate(call, 'switchboard-probe:probe.js');
}

/** Registers the probe's listeners in the context: what they receive, the next probe walks. */
export function listenIn(context: ScriptContext): void {
  callProbe(context, { mode: 'listen' });
}

/** Runs the probe in the context's realm; resolves with what it found, as plain data. */
export async function probe(context: ScriptContext, options: ProbeOptions = {}): Promise<ProbeReport> {
  const json = await (callProbe(context, { mode: 'run', outsideFileUrl: OUTSIDE_FILE_URL, ...options }) as Promise<unknown>);
  assert.equal(typeof json, 'string', 'the probe answers JSON text');
  return JSON.parse(json as string) as ProbeReport;
}

/** How many escape lines an assertion message shows (SECURITY_PROBE_FULL=1 shows them all). */
const SHOWN = 30;

/**
 * The assertion message: who escaped, how many routes into whose realm, the routes (summarized:
 * see summarized), and the probe's notes (calls that never answered, whose values it could not walk).
 */
export function escapeMessage(who: string, report: ProbeReport, escapes: readonly ProbeEscape[] = report.escapes): string {
  const full = process.env.SECURITY_PROBE_FULL === '1';
  const lines = full ? escapes.map((escape) => escape.line) : summarized(escapes);
  const shown = full ? lines : lines.slice(0, SHOWN);
  const walked = `${report.objects} objects walked${report.truncated ? ', the walk truncated at its bound' : ''}`;
  const byRealm = new Map<string, number>();
  for (const escape of escapes) byRealm.set(escape.realm, (byRealm.get(escape.realm) ?? 0) + 1);
  return [
    `${who}: ${escapes.length} route(s) out of its realm (${walked})`,
    `  into: ${[...byRealm].map(([realm, count]) => `${realm} ${count}`).join(', ')}`,
    ...shown.map((line) => `  ${line}`),
    ...(shown.length < lines.length ? [`  … and ${lines.length - shown.length} more lines (SECURITY_PROBE_FULL=1 lists every route)`] : []),
    ...report.notes.map((note) => `  note: ${note}`),
  ].join('\n');
}

const HOST = 'the host';

/**
 * The lines of a message: routes checked by name, then crossings into other contexts' realms,
 * then the rest, where members of one object that lead to the same place share a line
 * (`globalThis: 253 members (URL, Node, …): host object, .constructor → process`).
 */
function summarized(escapes: readonly ProbeEscape[]): string[] {
  const explicit = escapes.filter((escape) => escape.explicit).map((escape) => escape.line);
  const crossings = escapes.filter((escape) => escape.realm !== HOST).map((escape) => escape.line);
  const groups = new Map<string, { parent: string; what: string; members: string[]; lines: string[] }>();
  for (const escape of escapes) {
    if (escape.realm !== HOST || escape.explicit) continue;
    const what = escape.line.slice(escape.route.length + 2);
    const member = /^(.+?)(?:\.(\[\[(?:get|set) [^\]]+\]\]|[A-Za-z_$][\w$]*)|(\[[^\]]*\]))$/.exec(escape.route);
    const [parent, name] = member ? [member[1]!, member[2] ?? member[3]!] : /^[A-Za-z_$][\w$]*$/.test(escape.route) ? ['globalThis', escape.route] : [escape.route, ''];
    const key = `${parent}\n${what}`;
    const group = groups.get(key) ?? { parent, what, members: [], lines: [] };
    group.members.push(name);
    group.lines.push(escape.line);
    groups.set(key, group);
  }
  const rest = [...groups.values()].flatMap(({ parent, what, members, lines }) =>
    members.length < 3 ? lines : [`${parent}: ${members.length} members (${members.slice(0, 10).join(', ')}${members.length > 10 ? ', …' : ''}): ${what}`],
  );
  return [...explicit, ...crossings, ...rest];
}

// Peers' code that makes a context's listeners run.

const quiet = (code: string) => `(() => { const swallow = () => undefined; ${code} })()`;

/** An extension context's messages to its own extension: a one-time message, a port, a storage change. */
export const toExtension = (id = '') =>
  quiet(`
    const to = ${JSON.stringify(id ? [id] : [])};
    chrome.runtime.sendMessage(...to, { drive: 'one-time', list: [1, { nested: true }] })?.catch(swallow);
    chrome.runtime.connect(...to, { name: 'drive' }).postMessage({ drive: 'port', list: [1, { nested: true }] });
    chrome.storage?.local.set({ drive: { list: [1, { nested: true }] } }).catch(swallow);`);

/** The worker's messages to one frame's content scripts. */
export const toFrame = (world: SecurityWorld, frame: 'main' | 'sub') => {
  const frameId = world.plainTab.frames()[frame === 'main' ? 0 : 1]!.frameId;
  return quiet(`
    const target = { frameId: ${frameId} };
    chrome.tabs.sendMessage(${world.plainTab.id}, { drive: 'one-time', list: [1, { nested: true }] }, target).catch(swallow);
    chrome.tabs.connect(${world.plainTab.id}, { name: 'drive', ...target }).postMessage({ drive: 'port', list: [1, { nested: true }] });`);
};

/** A content script's messages to its page's main world: window.postMessage and a CustomEvent. */
export const toPage = quiet(`
  window.postMessage({ drive: 'window message', list: [1, { nested: true }] }, '*');
  document.dispatchEvent(new CustomEvent('probe-from-peer', { detail: { drive: 'custom event', list: [1, { nested: true }] } }));`);

export { settle };
