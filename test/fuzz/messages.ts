/**
 * Random messages through the public API, by every route a message takes: a content script's
 * runtime.sendMessage to the service worker (answered by sendResponse with what arrived), the
 * worker's tabs.sendMessage to the content script (answered the same way), a port from each side
 * (the other side posts back what arrived), and a native host's port (the host gets the text, and
 * sends it back). Each outcome is Chrome's (json-oracle.ts), for the sending thread's stack.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createBrowser, MAX_MESSAGE_BYTES, type Browser, type ContentScriptChrome, type ExtensionChrome, type Port } from '../../src/index.ts';
import { invocationError } from '../../src/core/errors.ts';
import { NESTING_BUDGET } from '../../src/core/serialization.ts';
import { RUNTIME_SEND_MESSAGE, TABS_SEND_MESSAGE } from '../../src/api/messaging-arguments.ts';
import type { APISignature } from '../../src/api/signature.ts';
import { assertArrivedAs, outcome, planText, type Outcome } from './json-oracle.ts';
import { build, deepPlan, hostilePlan, hugePlan, widePlan, type Plan } from './values.ts';
import { countCase, watchingHost, withDeadline } from './watch.ts';

/** What each end received, in order; emptied before and after every case. */
interface Inbox {
  workerOneTime: unknown[];
  workerResponseErrors: unknown[];
  contentOneTime: unknown[];
  contentResponseErrors: unknown[];
  /** Port A: the content script opened it; the worker posts back. */
  workerPortA: unknown[];
  workerEchoErrors: unknown[];
  contentPortA: unknown[];
  /** Port B: the content script opened it; the worker posts on it and the content script posts back. */
  contentPortB: unknown[];
  contentEchoErrors: unknown[];
  workerPortB: unknown[];
  /** The native host's port: the text the host read, and what the worker got back. */
  hostTexts: string[];
  workerNative: unknown[];
  consoleErrors: string[];
}

const emptyInbox = (): Inbox => ({
  workerOneTime: [],
  workerResponseErrors: [],
  contentOneTime: [],
  contentResponseErrors: [],
  workerPortA: [],
  workerEchoErrors: [],
  contentPortA: [],
  contentPortB: [],
  contentEchoErrors: [],
  workerPortB: [],
  hostTexts: [],
  workerNative: [],
  consoleErrors: [],
});

/** One browser with one extension whose worker and content script answer everything. */
class MessageRig {
  inbox = emptyInbox();
  readonly browser: Browser;
  readonly tabId: number;
  #worker: ExtensionChrome | undefined;
  #content: ContentScriptChrome | undefined;
  #contentPortA: Port | undefined;
  #workerPortB: Port | undefined;
  #nativePort: Port | undefined;

  constructor() {
    // A manual clock: the worker never stops for idleness, however long a huge case takes.
    this.browser = createBrowser({
      clock: 'manual',
      onConsole: (_context, message) => {
        if (message.level === 'error') this.inbox.consoleErrors.push(message.text);
      },
      // An in-process host: it reads the text the worker's realm wrote, and sends it back.
      nativeHosts: {
        start: (_request, client) => ({
          postMessage: (text: string) => {
            this.inbox.hostTexts.push(text);
            client.postMessageFromNativeHost(text);
          },
          close: () => undefined,
        }),
      },
    });
    this.browser.installExtension({
      manifest: {
        manifest_version: 3,
        name: 'Fuzz',
        version: '1.0',
        background: { service_worker: 'sw.js' },
        content_scripts: [{ matches: ['https://fuzz.test/*'], js: ['cs.js'] }],
        permissions: ['nativeMessaging'],
      },
      scripts: { 'sw.js': ({ chrome }) => this.#workerScript(chrome as ExtensionChrome), 'cs.js': ({ chrome }) => this.#contentScript(chrome as ContentScriptChrome) },
    });
    this.tabId = this.browser.openTab('https://fuzz.test/').id;
  }

  #workerScript(chrome: ExtensionChrome): void {
    this.#worker = chrome;
    chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      this.inbox.workerOneTime.push(message);
      try {
        sendResponse(message);
      } catch (error) {
        this.inbox.workerResponseErrors.push(error);
      }
    });
    chrome.runtime.onConnect.addListener((port) => {
      if (port.name === 'B') {
        this.#workerPortB = port;
        port.onMessage.addListener((message) => void this.inbox.workerPortB.push(message));
        return;
      }
      port.onMessage.addListener((message) => {
        this.inbox.workerPortA.push(message);
        try {
          port.postMessage(message);
        } catch (error) {
          this.inbox.workerEchoErrors.push(error);
        }
      });
    });
    this.#nativePort = chrome.runtime.connectNative!('com.switchboard.fuzz');
    this.#nativePort.onMessage.addListener((message) => void this.inbox.workerNative.push(message));
  }

  #contentScript(chrome: ContentScriptChrome): void {
    this.#content = chrome;
    chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      this.inbox.contentOneTime.push(message);
      try {
        sendResponse(message);
      } catch (error) {
        this.inbox.contentResponseErrors.push(error);
      }
    });
    this.#contentPortA = chrome.runtime.connect({ name: 'A' });
    this.#contentPortA.onMessage.addListener((message) => void this.inbox.contentPortA.push(message));
    const portB = chrome.runtime.connect({ name: 'B' });
    portB.onMessage.addListener((message, port) => {
      this.inbox.contentPortB.push(message);
      try {
        port.postMessage(message);
      } catch (error) {
        this.inbox.contentEchoErrors.push(error);
      }
    });
  }

  /** Resolves once both ports and the host's port are open. */
  async ready(): Promise<this> {
    await this.browser.idle();
    assert.ok(this.#worker && this.#content && this.#contentPortA && this.#workerPortB && this.#nativePort, 'the rig is connected');
    return this;
  }

  get worker(): ExtensionChrome {
    return this.#worker!;
  }

  get content(): ContentScriptChrome {
    return this.#content!;
  }

  get contentPortA(): Port {
    return this.#contentPortA!;
  }

  get workerPortB(): Port {
    return this.#workerPortB!;
  }

  get nativePort(): Port {
    return this.#nativePort!;
  }
}

/** A rig reused for `casesPerRig` cases, then replaced, so that no browser grows without end. */
class RigPool {
  #rig: MessageRig | undefined;
  #used = 0;

  constructor(private readonly casesPerRig: number) {}

  async get(): Promise<MessageRig> {
    if (!this.#rig || this.#used >= this.casesPerRig) {
      this.discard();
      this.#rig = await new MessageRig().ready();
    }
    this.#used++;
    return this.#rig;
  }

  /** After a failed case, start again from a fresh browser. */
  discard(): void {
    this.#rig?.browser.close();
    this.#rig = undefined;
    this.#used = 0;
  }
}

/** What a send did at the call: threw, or returned (a promise, for the one-time routes). */
type Call = { readonly threw: true; readonly error: unknown } | { readonly threw: false; readonly settled: Settled };

interface Settled {
  state: 'pending' | 'resolved' | 'rejected';
  value?: unknown;
}

function call(send: () => unknown): Call {
  let returned: unknown;
  try {
    returned = send();
  } catch (error) {
    return { threw: true, error };
  }
  const settled: Settled = { state: 'pending' };
  if (returned instanceof Promise) {
    returned.then(
      (value: unknown) => Object.assign(settled, { state: 'resolved', value }),
      (error: unknown) => Object.assign(settled, { state: 'rejected', value: error }),
    );
  } else {
    settled.state = 'resolved';
  }
  return { threw: false, settled };
}

function assertError(error: unknown, type: ErrorConstructor | TypeErrorConstructor, message: string, where: string): void {
  assert.ok(error instanceof Error, `${where}: threw ${String(error)}, not an Error`);
  assert.equal(error.constructor, type, `${where}: ${error.constructor.name}, expected ${type.name}`);
  assert.equal(error.message, message, where);
}

/** A one-time API refuses an unsendable message with a TypeError naming its signature. */
function assertRefusedCall(made: Call, expected: Outcome & { sent: false }, signature: APISignature, where: string): void {
  assert.ok(made.threw, `${where}: sent, expected "${expected.error}"`);
  assertError(made.error, TypeError, invocationError(signature.apiMethod, signature.expectedSignature, expected.error), where);
}

/** A port refuses it with a plain Error with Chrome's text alone. */
function assertRefusedPost(made: Call, expected: Outcome & { sent: false }, where: string): void {
  assert.ok(made.threw, `${where}: sent, expected "${expected.error}"`);
  assertError(made.error, Error, expected.error, where);
}

function assertSent(made: Call, where: string): Settled {
  if (made.threw) assert.fail(`${where}: threw ${made.error instanceof Error ? made.error.message : String(made.error)}`);
  return made.settled;
}

/** Exactly one message arrived, as the text parses (`expected`). */
function assertOne(list: readonly unknown[], expected: unknown, where: string): void {
  assert.equal(list.length, 1, `${where}: ${list.length} messages arrived`);
  assertArrivedAs(list[0], expected, where);
}

/**
 * A message that the API would take as a callback (a function) or miss (undefined) at the end of
 * the arguments goes with the options argument after it, so that the route tests serialization.
 */
const trailing = (value: unknown): unknown[] => (typeof value === 'function' || value === undefined ? [undefined] : []);

/** Sends the value of `plan` by every route, waits until the browser is quiet, and checks every outcome. */
async function sendEverywhere(rig: MessageRig, plan: Plan, hangMs: number): Promise<void> {
  // The oracle reads a value of its own: nothing it runs can change what the sends see.
  const json = planText(plan);
  const value = build(plan);
  const fromPage = outcome(json, NESTING_BUDGET.mainThread);
  const fromWorker = outcome(json, NESTING_BUDGET.serviceWorker);
  // What JSON.parse makes of the text, for every receiver to be compared with. (The worker's stack
  // is the shallower: what it can send, a page can.)
  const expected: unknown = fromPage.sent ? JSON.parse(fromPage.text) : undefined;
  rig.inbox = emptyInbox();
  const inbox = rig.inbox;

  const oneTimeFromPage = call(() =>
    typeof value === 'function' ? rig.content.runtime.sendMessage(undefined, value, undefined) : rig.content.runtime.sendMessage(value),
  );
  const oneTimeFromWorker = call(() => rig.worker.tabs.sendMessage(rig.tabId, value, ...trailing(value)));
  const portFromPage = call(() => rig.contentPortA.postMessage(value));
  const portFromWorker = call(() => rig.workerPortB.postMessage(value));
  const toHost = call(() => rig.nativePort.postMessage(value));

  await withDeadline(rig.browser.idle(), hangMs, 'the browser going quiet after a message');

  if (!fromPage.sent) {
    assertRefusedCall(oneTimeFromPage, fromPage, RUNTIME_SEND_MESSAGE, 'runtime.sendMessage');
    assertRefusedPost(portFromPage, fromPage, "content script's port.postMessage");
    assert.equal(inbox.workerOneTime.length + inbox.workerPortA.length, 0, 'a refused message never arrives');
  } else {
    const settled = assertSent(oneTimeFromPage, 'runtime.sendMessage');
    assertOne(inbox.workerOneTime, expected, 'runtime.onMessage in the worker');
    assertSent(portFromPage, "content script's port.postMessage");
    assertOne(inbox.workerPortA, expected, "the worker's port A");
    // The worker answers with what arrived: its own, shallower, stack may refuse it.
    if (fromWorker.sent) {
      assert.equal(settled.state, 'resolved', 'runtime.sendMessage resolves with the answer');
      assertArrivedAs(settled.value, expected, "sendResponse's answer");
      assertOne(inbox.contentPortA, expected, "the worker's answer on port A");
    } else {
      assert.equal(settled.state, 'rejected', 'runtime.sendMessage rejects when the answer cannot be sent (M144+)');
      assertError(settled.value, Error, fromWorker.error, 'the rejection');
      assert.equal(inbox.workerResponseErrors.length, 1, 'sendResponse threw in the worker');
      assertError(inbox.workerResponseErrors[0], TypeError, fromWorker.error, 'sendResponse');
      assert.equal(inbox.workerEchoErrors.length, 1, "the worker's port.postMessage threw");
      assertError(inbox.workerEchoErrors[0], Error, fromWorker.error, "the worker's port.postMessage");
      assert.equal(inbox.contentPortA.length, 0, 'nothing comes back on port A');
    }
  }

  if (!fromWorker.sent) {
    assertRefusedCall(oneTimeFromWorker, fromWorker, TABS_SEND_MESSAGE, 'tabs.sendMessage');
    assertRefusedPost(portFromWorker, fromWorker, "worker's port.postMessage");
    assertRefusedPost(toHost, fromWorker, "the native port's postMessage");
    assert.equal(inbox.contentOneTime.length + inbox.contentPortB.length + inbox.hostTexts.length, 0, 'a refused message never arrives');
  } else {
    // The content script's stack is deeper than the worker's: its answers always go.
    const settled = assertSent(oneTimeFromWorker, 'tabs.sendMessage');
    assertOne(inbox.contentOneTime, expected, 'runtime.onMessage in the content script');
    assert.equal(settled.state, 'resolved', 'tabs.sendMessage resolves with the answer');
    assertArrivedAs(settled.value, expected, "the content script's answer");
    assertSent(portFromWorker, "worker's port.postMessage");
    assertOne(inbox.contentPortB, expected, "the content script's port B");
    assertOne(inbox.workerPortB, expected, "the content script's answer on port B");
    assertSent(toHost, "the native port's postMessage");
    // A host reads exactly the text JSON.stringify writes.
    assert.deepEqual(inbox.hostTexts, [fromWorker.text], 'the text the native host read');
    assertOne(inbox.workerNative, expected, "the host's answer");
  }
  assert.deepEqual(inbox.consoleErrors, [], 'no context logged an error');
  // Let what arrived go before the next case is built (a huge case holds hundreds of MiB).
  rig.inbox = emptyInbox();
}

export interface MessageFuzzOptions {
  readonly seed?: number;
}

/** `runs` hostile messages of ordinary size (a tenth with cycles), each by every route. */
export function fuzzMessages(runs: number, options: MessageFuzzOptions = {}): Promise<void> {
  return fuzzPlans(hostilePlan, runs, { hangMs: 20_000, casesPerRig: 1000, ...options });
}

/** `runs` messages nested near Chrome's limits (or anywhere up to past them), by every route. */
export function fuzzDeepMessages(runs: number, options: MessageFuzzOptions = {}): Promise<void> {
  return fuzzPlans(deepPlan, runs, { hangMs: 20_000, casesPerRig: 100, ...options });
}

/** `runs` messages of thousands of elements or keys, by every route. */
export function fuzzWideMessages(runs: number, options: MessageFuzzOptions = {}): Promise<void> {
  return fuzzPlans(widePlan, runs, { hangMs: 20_000, casesPerRig: 100, ...options });
}

/** `runs` messages of about 64 MiB of JSON, just under or over the limit, by every route. */
export function fuzzHugeMessages(runs: number, options: MessageFuzzOptions = {}): Promise<void> {
  return fuzzPlans(hugePlan(MAX_MESSAGE_BYTES), runs, { hangMs: 120_000, casesPerRig: 4, ...options });
}

async function fuzzPlans(
  plans: fc.Arbitrary<Plan>,
  runs: number,
  { hangMs, casesPerRig, seed }: MessageFuzzOptions & { readonly hangMs: number; readonly casesPerRig: number },
): Promise<void> {
  const rigs = new RigPool(casesPerRig);
  try {
    await watchingHost(async (checkHost) => {
      await fc.assert(
        fc.asyncProperty(plans, async (plan) => {
          try {
            await sendEverywhere(await rigs.get(), plan, hangMs);
            checkHost();
          } catch (error) {
            rigs.discard();
            throw error;
          }
          countCase('messages');
        }),
        { numRuns: runs, ...(seed !== undefined && { seed }) },
      );
    });
  } finally {
    rigs.discard();
  }
}
