/**
 * The consoles of the extension pages Playwright hands out as no page: popups, side panels and
 * offscreen documents. The browser's CDP session discovers their targets; the extension's own worker
 * says which kind of context each is (runtime.getContexts); each is attached to (non-flattened, as
 * Playwright's sessions have no child sessions) and its console read, values as JSON text.
 */
import type { CDPSession, Worker } from 'playwright-core';

export type ViewKind = 'POPUP' | 'SIDE_PANEL' | 'OFFSCREEN_DOCUMENT';

/** One console.* call of a view: its arguments as JSON text (undefined where a value has none). */
export interface ViewConsoleCall {
  readonly extensionId: string;
  readonly kind: ViewKind;
  readonly type: string;
  readonly args: readonly (string | undefined)[];
}

interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
}

interface RemoteObject {
  readonly type: string;
  readonly value?: unknown;
  readonly objectId?: string;
  readonly unserializableValue?: string;
}

const VIEW_KINDS: readonly string[] = ['POPUP', 'SIDE_PANEL', 'OFFSCREEN_DOCUMENT'];

export class ExtensionViewConsoles {
  readonly #seen = new Set<string>();
  readonly #sessions = new Map<string, ViewSession>();
  /** The attached views, by extension and kind: the last one of each. */
  readonly #views = new Map<string, ViewSession>();

  constructor(
    private readonly browserSession: CDPSession,
    private readonly workerOf: (extensionId: string) => Worker | undefined,
    private readonly onCall: (call: ViewConsoleCall) => void,
  ) {
    browserSession.on('Target.targetCreated', ({ targetInfo }) => void this.consider(targetInfo as TargetInfo));
    browserSession.on('Target.targetInfoChanged', ({ targetInfo }) => void this.consider(targetInfo as TargetInfo));
    browserSession.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => this.#sessions.get(sessionId)?.receive(message));
    browserSession.on('Target.detachedFromTarget', ({ sessionId }) => this.#sessions.delete(sessionId ?? ''));
  }

  start(): Promise<unknown> {
    return this.browserSession.send('Target.setDiscoverTargets', { discover: true });
  }

  /** What kind of context the extension's page at `url` is, as its worker lists it; undefined for a tab. */
  private async kindOf(extensionId: string, url: string): Promise<ViewKind | undefined> {
    const query = `chrome.runtime.getContexts({ documentUrls: [${JSON.stringify(url)}] }).then((all) => all.map((c) => c.contextType))`;
    for (let attempt = 0; attempt < LISTING_ATTEMPTS; attempt++) {
      const kinds = ((await this.workerOf(extensionId)?.evaluate(query).catch(() => [])) ?? []) as string[];
      if (kinds.length > 0) return kinds.find((k) => VIEW_KINDS.includes(k)) as ViewKind | undefined;
      await new Promise((resolve) => setTimeout(resolve, LISTING_INTERVAL_MS));
    }
    return undefined;
  }

  /** Evaluates `expression` (a promise of JSON text) in the extension's view of that kind. */
  async evaluate(extensionId: string, kind: ViewKind, expression: string): Promise<string | undefined> {
    const session = this.#views.get(`${extensionId} ${kind}`);
    if (!session) throw new Error(`no ${kind} of ${extensionId} is open`);
    // As Playwright's page.evaluate: a user gesture.
    const answer = (await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, userGesture: true })) as { result?: { value?: string } } | undefined;
    return answer?.result?.value;
  }

  private async consider(target: TargetInfo): Promise<void> {
    const extensionId = /^chrome-extension:\/\/([a-p]{32})\//.exec(target.url)?.[1];
    if (target.type !== 'page' || extensionId === undefined || this.#seen.has(target.targetId)) return;
    this.#seen.add(target.targetId);
    const kind = await this.kindOf(extensionId, target.url);
    if (!kind) return; // a tab: Playwright reads its console
    const { sessionId } = (await this.browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    const session = new ViewSession(this.browserSession, sessionId, (type, args) => this.onCall({ extensionId, kind, type, args }));
    this.#sessions.set(sessionId, session);
    this.#views.set(`${extensionId} ${kind}`, session);
    await session.send('Runtime.enable');
  }
}

/** How long a new view's context may take to be listed by runtime.getContexts. */
const LISTING_ATTEMPTS = 40;
const LISTING_INTERVAL_MS = 25;

/** One attached view: CDP requests over the browser session, and its console calls in order. */
class ViewSession {
  #nextId = 1;
  readonly #pending = new Map<number, (result: unknown) => void>();
  #chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly browserSession: CDPSession,
    private readonly sessionId: string,
    private readonly onCall: (type: string, args: (string | undefined)[]) => void,
  ) {}

  send(method: string, params: object = {}): Promise<unknown> {
    const id = this.#nextId++;
    const answer = new Promise<unknown>((resolve) => this.#pending.set(id, resolve));
    void this.browserSession.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => this.#pending.get(id)?.(undefined));
    return answer;
  }

  receive(text: string): void {
    const message = JSON.parse(text) as { id?: number; method?: string; result?: unknown; error?: unknown; params?: { type: string; args: RemoteObject[] } };
    if (message.id !== undefined) {
      this.#pending.get(message.id)?.(message.error ? undefined : message.result);
      this.#pending.delete(message.id);
      return;
    }
    if (message.method !== 'Runtime.consoleAPICalled' || !message.params) return;
    const { type, args } = message.params;
    // Values are read in order, one call after the other, so that the source's order holds.
    this.#chain = this.#chain.then(async () => this.onCall(type, await Promise.all(args.map((arg) => this.json(arg)))));
  }

  /** The value's JSON text, as JSON.stringify gives it in the page. */
  private async json(arg: RemoteObject): Promise<string | undefined> {
    if (arg.objectId === undefined) {
      if (arg.type === 'undefined') return undefined;
      return arg.unserializableValue !== undefined ? JSON.stringify(Number(arg.unserializableValue)) : JSON.stringify(arg.value);
    }
    const result = (await this.send('Runtime.callFunctionOn', {
      objectId: arg.objectId,
      functionDeclaration: 'function () { return JSON.stringify(this); }',
      returnByValue: true,
    })) as { result?: { value?: string } } | undefined;
    return result?.result?.value;
  }
}
