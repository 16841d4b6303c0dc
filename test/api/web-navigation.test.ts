import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { urlFilterMatches } from '../../src/platform/url-filter.ts';
import { fixture, mv3, sw } from '../support.ts';

type Details = Record<string, unknown>;
type WebNavigation = Record<string, { addListener(listener: (details: Details) => void, filter?: unknown): void }> & {
  getFrame(details: object): Promise<Details | null>;
  getAllFrames(details: object): Promise<Details[] | null>;
};

const webNavigationOf = (chrome: unknown): WebNavigation => (chrome as { webNavigation: WebNavigation }).webNavigation;
const EVENTS = ['onBeforeNavigate', 'onCommitted', 'onDOMContentLoaded', 'onCompleted', 'onReferenceFragmentUpdated'];

/** An extension with webNavigation recording every event it hears (as "event url frameId"). */
function recorder(filter?: unknown) {
  const { browser } = fixture();
  const heard: string[] = [];
  const details: Details[] = [];
  const extension = browser.installExtension({
    manifest: mv3({ permissions: ['webNavigation'] }),
    scripts: {
      'sw.js': ({ chrome }) => {
        for (const name of EVENTS) {
          webNavigationOf(chrome)[name]!.addListener((d) => {
            heard.push(`${name} ${String(d.url)} ${String(d.frameId === 0 ? 'main' : 'sub')}`);
            details.push({ event: name, ...d });
          }, ...(filter === undefined ? [] : [filter]));
        }
      },
    },
  });
  return { browser, extension, heard, details };
}

describe('chrome.webNavigation', () => {
  it('exists only with the webNavigation permission, with Chrome\'s members in Chrome\'s order', () => {
    const { browser } = fixture();
    assert.equal('webNavigation' in (sw(browser.installExtension({ manifest: mv3() })) as object), false);
    const chrome = sw(browser.installExtension({ manifest: mv3({ permissions: ['webNavigation'] }) }));
    assert.deepEqual(Object.keys(webNavigationOf(chrome)), [
      'onHistoryStateUpdated', 'onTabReplaced', 'onReferenceFragmentUpdated', 'onCreatedNavigationTarget', 'onErrorOccurred',
      'onCompleted', 'onDOMContentLoaded', 'onCommitted', 'onBeforeNavigate', 'getAllFrames', 'getFrame', 'TransitionQualifier', 'TransitionType',
    ]);
  });

  it('a page with a subframe loads as in Chrome: before-navigate, commit, the subframe starting, DOMContentLoaded, the subframe loading, completed', async () => {
    const { browser, heard } = recorder();
    browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/'] });
    await browser.idle();
    assert.deepEqual(heard, [
      'onBeforeNavigate https://a.test/ main',
      'onCommitted https://a.test/ main',
      'onBeforeNavigate https://b.test/ sub',
      'onDOMContentLoaded https://a.test/ main',
      'onCommitted https://b.test/ sub',
      'onDOMContentLoaded https://b.test/ sub',
      'onCompleted https://b.test/ sub',
      'onCompleted https://a.test/ main',
    ]);
  });

  it('details carry Chrome\'s keys in alphabetical order, with the parent document for a subframe', async () => {
    const { browser, details } = recorder();
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/'] });
    await browser.idle();
    const [main, sub] = [tab.mainFrame.document, tab.mainFrame.document.childFrames[0]!.document];
    const committed = details.filter((d) => d.event === 'onCommitted');
    assert.deepEqual(Object.keys(committed[0]!).slice(1), [
      'documentId', 'documentLifecycle', 'frameId', 'frameType', 'parentFrameId', 'processId', 'tabId', 'timeStamp', 'transitionQualifiers', 'transitionType', 'url',
    ]);
    assert.equal(committed[0]!.transitionType, 'typed');
    assert.equal(committed[1]!.transitionType, 'auto_subframe');
    assert.equal(committed[1]!.parentDocumentId, main.documentId);
    assert.equal(committed[1]!.documentId, sub.documentId);
    assert.equal(committed[1]!.frameType, 'sub_frame');
    const before = details.find((d) => d.event === 'onBeforeNavigate')!;
    assert.equal('documentId' in before, false);
    assert.equal(before.processId, -1);
  });

  it('a reload commits as reload, and a page restored from the back/forward cache commits with forward_back and has no DOMContentLoaded', async () => {
    const { browser, details } = recorder();
    const tab = browser.openTab('https://a.test/');
    await browser.idle();
    tab.reload();
    await browser.idle();
    tab.navigate('https://a.test/next');
    await browser.idle();
    details.length = 0;
    tab.goBack();
    await browser.idle();
    assert.deepEqual(details.map((d) => [d.event, d.transitionType, d.transitionQualifiers]), [
      ['onBeforeNavigate', undefined, undefined],
      ['onCommitted', 'reload', ['forward_back']],
      ['onCompleted', undefined, undefined],
    ]);
  });

  it('a fragment navigation raises onReferenceFragmentUpdated on the same document', async () => {
    const { browser, details } = recorder();
    const tab = browser.openTab('https://a.test/');
    await browser.idle();
    details.length = 0;
    tab.navigate('https://a.test/#part');
    await browser.idle();
    assert.deepEqual(details.map((d) => [d.event, d.url, d.documentId]), [['onReferenceFragmentUpdated', 'https://a.test/#part', tab.mainFrame.document.documentId]]);
  });

  it('a listener\'s url filter admits only the URLs one of its UrlFilters matches', async () => {
    const { browser, heard } = recorder({ url: [{ hostEquals: 'b.test' }] });
    browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/'] });
    await browser.idle();
    assert.deepEqual(heard, ['onBeforeNavigate https://b.test/ sub', 'onCommitted https://b.test/ sub', 'onDOMContentLoaded https://b.test/ sub', 'onCompleted https://b.test/ sub']);
  });

  it('UrlFilter criteria match as Chromium\'s URLMatcher does: no fragment, no default port, a query without its ?', () => {
    assert.equal(urlFilterMatches({ urlContains: 'part' }, 'http://a.test/#part'), false);
    assert.equal(urlFilterMatches({ urlPrefix: 'http://a.test:80/' }, 'http://a.test/'), false);
    assert.equal(urlFilterMatches({ queryPrefix: '?q' }, 'http://a.test/?q=1'), true);
    assert.equal(urlFilterMatches({ hostContains: '.a' }, 'http://a.test/'), false);
    assert.equal(urlFilterMatches({ ports: [[1, 79]] }, 'http://a.test/'), false);
    assert.equal(urlFilterMatches({ ports: [80], schemes: ['http'] }, 'http://a.test/'), true);
    assert.equal(urlFilterMatches({ originAndPathMatches: '^http://a\\.test/p$' }, 'http://a.test/p?x#y'), true);
  });

  it('a bad filter throws Chrome\'s TypeError, and onTabReplaced takes no filter', () => {
    const { browser } = fixture();
    const webNavigation = webNavigationOf(sw(browser.installExtension({ manifest: mv3({ permissions: ['webNavigation'] }) })));
    const thrown = (event: string, filter: unknown): string => {
      try {
        webNavigation[event]!.addListener(() => {}, filter);
        return 'added';
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    };
    assert.equal(thrown('onCommitted', 5), 'TypeError: Invalid invocation');
    assert.equal(thrown('onCommitted', { url: 'x' }), 'TypeError: filters.url should be an array.');
    assert.equal(thrown('onCommitted', { url: [{ hostEquals: 'A.TEST' }] }), 'TypeError: Could not add listener');
    assert.equal(thrown('onCommitted', { url: [{ urlMatches: '(' }] }), 'TypeError: Could not add listener');
    assert.equal(thrown('onCommitted', { tabId: 1 }), 'added');
    assert.equal(thrown('onTabReplaced', { url: [] }), 'TypeError: This event does not support filters');
  });

  it('getFrame answers by tab and frame or by document id, null for what does not exist, and refuses what Chrome refuses', async () => {
    const { browser } = fixture();
    const webNavigation = webNavigationOf(sw(browser.installExtension({ manifest: mv3({ permissions: ['webNavigation'] }) })));
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/'] });
    const main = tab.mainFrame.document;
    assert.deepEqual(await webNavigation.getFrame({ tabId: tab.id, frameId: 0 }), {
      documentId: main.documentId, documentLifecycle: 'active', errorOccurred: false, frameType: 'outermost_frame', parentFrameId: -1, url: 'https://a.test/',
    });
    assert.equal((await webNavigation.getFrame({ documentId: main.documentId.toLowerCase() }))?.url, 'https://a.test/');
    assert.equal(await webNavigation.getFrame({ tabId: 99999, frameId: 0 }), null);
    assert.equal(await webNavigation.getFrame({ documentId: '0123456789ABCDEF0123456789ABCDEF' }), null);
    await assert.rejects(webNavigation.getFrame({ tabId: tab.id }), { message: 'Either documentId or both tabId and frameId must be specified.' });
    await assert.rejects(webNavigation.getFrame({ documentId: 'ABC' }), { message: 'Invalid documentId.' });
  });

  it('getAllFrames lists every frame of the tab, main frame first, with its frame id and process; null for no such tab', async () => {
    const { browser } = fixture();
    const webNavigation = webNavigationOf(sw(browser.installExtension({ manifest: mv3({ permissions: ['webNavigation'] }) })));
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/'] });
    const frames = (await webNavigation.getAllFrames({ tabId: tab.id }))!;
    assert.deepEqual(frames.map((frame) => [frame.url, frame.frameType, typeof frame.processId]), [
      ['https://a.test/', 'outermost_frame', 'number'],
      ['https://b.test/', 'sub_frame', 'number'],
    ]);
    assert.deepEqual(Object.keys(frames[1]!), ['documentId', 'documentLifecycle', 'errorOccurred', 'frameId', 'frameType', 'parentDocumentId', 'parentFrameId', 'processId', 'url']);
    assert.equal(await webNavigation.getAllFrames({ tabId: 99999 }), null);
  });
});
