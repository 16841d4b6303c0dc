import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareTraces, normalizeTrace, type Observation } from '../src/conformance/trace.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const observe = (source: string, label: string, value: unknown): Observation => ({ source, label, json: JSON.stringify(value) });

describe('traces: what two engines observed, in a form they can be compared on', () => {
  it('extension ids become the scenario names; document, tab, window and subframe ids become names by first appearance', () => {
    const trace = normalizeTrace(
      [
        observe(`service worker ${ID}`, 'sender', {
          id: ID,
          url: `chrome-extension://${ID}/sw.js`,
          frameId: 7,
          documentId: '0123456789ABCDEF0123456789ABCDEF',
          tab: { id: 42, index: 0, windowId: 9, status: 'loading', lastAccessed: 1234.5, width: 800, height: 600 },
        }),
        observe(`service worker ${ID}`, 'main frame', { frameId: 0 }),
      ],
      { extensionIds: new Map([['main', ID]]) },
    );
    assert.deepEqual(trace.sources['service worker <main>'], [
      {
        label: 'sender',
        value: JSON.stringify({
          id: '<main>',
          url: 'chrome-extension://<main>/sw.js',
          frameId: '<frame 1>',
          documentId: '<document 1>',
          tab: { id: '<tab 1>', index: 0, windowId: '<window 1>', status: '<status>', lastAccessed: '<time>', width: '<size>', height: '<size>' },
        }),
      },
      { label: 'main frame', value: '{"frameId":0}' },
    ]);
  });

  it('an own "__proto__" key stays a key, as JSON.parse made it', () => {
    const trace = normalizeTrace([{ source: 'tab 1', label: 'own', json: '{"__proto__":{"x":1},"y":2}' }], { extensionIds: new Map() });
    assert.equal(trace.sources['tab 1']![0]!.value, '{"__proto__":{"x":1},"y":2}');
  });

  it('an unordered source is compared as a sorted list; any other keeps its order, and the first difference is named', () => {
    const options = { extensionIds: new Map<string, string>(), unordered: ['tab 1'] };
    const a = normalizeTrace([observe('tab 1', 'frame', 'b'), observe('tab 1', 'frame', 'a'), observe('tab 2', 'n', 1), observe('tab 2', 'n', 2)], options);
    const b = normalizeTrace([observe('tab 1', 'frame', 'a'), observe('tab 1', 'frame', 'b'), observe('tab 2', 'n', 2), observe('tab 2', 'n', 1)], options);
    assert.deepEqual(compareTraces(a, b), ['tab 2 #1:\n    chromium    n 1\n    switchboard n 2']);
    assert.deepEqual(compareTraces(a, a), []);
  });
});
