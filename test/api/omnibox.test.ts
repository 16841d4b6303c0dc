import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cancelOmnibox, enterInOmnibox, errors, omniboxSuggestions, typeInOmnibox } from '../../src/index.ts';
import { fixture, mv3, sw } from '../support.ts';

type Listener = { addListener(listener: (...args: never[]) => unknown): void };
type Omnibox = Record<string, (...args: unknown[]) => Promise<unknown>> & Record<'onInputStarted' | 'onInputChanged' | 'onInputEntered' | 'onInputCancelled', Listener>;
const omniboxOf = (chrome: unknown): Omnibox => (chrome as { omnibox: Omnibox }).omnibox;
const manifest = () => mv3({ omnibox: { keyword: 'sb' }, permissions: ['sidePanel'], side_panel: { default_path: 'panel.html' } });

describe('chrome.omnibox', () => {
  it('exists only with an omnibox keyword in the manifest', () => {
    const { browser } = fixture();
    assert.equal('omnibox' in (sw(browser.installExtension({ manifest: mv3() })) as object), false);
    assert.equal(typeof omniboxOf(sw(browser.installExtension({ manifest: manifest() }))), 'object');
  });

  it('typing starts a session once, and each input asks for suggestions through suggest', async () => {
    const { browser } = fixture();
    const events: unknown[] = [];
    const extension = browser.installExtension({
      manifest: manifest(),
      scripts: {
        'sw.js': ({ chrome }) => {
          const omnibox = omniboxOf(chrome);
          omnibox.onInputStarted.addListener(() => events.push('started'));
          omnibox.onInputChanged.addListener(((text: string, suggest: (results: unknown[]) => void) => {
            events.push(['changed', text]);
            suggest([{ content: `${text}!`, description: `Go to <match>${text}</match>` }]);
          }) as never);
        },
      },
    });
    typeInOmnibox(extension, 'a');
    typeInOmnibox(extension, 'ab');
    await browser.idle();
    assert.deepEqual(events, ['started', ['changed', 'a'], ['changed', 'ab']]);
    assert.deepEqual(omniboxSuggestions(extension).suggestions, [{ content: 'ab!', description: 'Go to <match>ab</match>' }]);
  });

  it('suggestions answering an older input are dropped', async () => {
    const { browser } = fixture();
    const suggests: ((results: unknown[]) => void)[] = [];
    const extension = browser.installExtension({
      manifest: manifest(),
      scripts: { 'sw.js': ({ chrome }) => omniboxOf(chrome).onInputChanged.addListener(((_: string, suggest: (results: unknown[]) => void) => suggests.push(suggest)) as never) },
    });
    typeInOmnibox(extension, 'a');
    typeInOmnibox(extension, 'ab');
    await browser.idle();
    suggests[0]!([{ content: 'old', description: 'old' }]);
    assert.deepEqual(omniboxSuggestions(extension).suggestions, []);
  });

  it('Enter raises onInputEntered with the disposition inside a user gesture, and ends the session', async () => {
    const { browser } = fixture();
    const events: unknown[] = [];
    const extension = browser.installExtension({
      manifest: manifest(),
      scripts: {
        'sw.js': ({ chrome }) => {
          const omnibox = omniboxOf(chrome);
          omnibox.onInputStarted.addListener(() => events.push('started'));
          omnibox.onInputCancelled.addListener(() => events.push('cancelled'));
          omnibox.onInputEntered.addListener(((text: string, disposition: string) => {
            events.push(['entered', text, disposition]);
            const windowId = browser.currentWindow().id;
            void (chrome as { sidePanel: { open(o: object): Promise<void> } }).sidePanel.open({ windowId }).then(() => events.push('panel opened'));
          }) as never);
        },
      },
    });
    enterInOmnibox(extension, 'go', 'newForegroundTab');
    cancelOmnibox(extension);
    typeInOmnibox(extension, 'x');
    cancelOmnibox(extension);
    await browser.idle();
    assert.deepEqual(events, ['started', ['entered', 'go', 'newForegroundTab'], 'started', 'cancelled', 'panel opened']);
  });

  it("setDefaultSuggestion refuses a description that is not XML, with libxml2's words", async () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: manifest() });
    const omnibox = omniboxOf(sw(extension));
    await assert.rejects(omnibox.setDefaultSuggestion!({ description: '<url>x</match>' }), {
      message: errors.omniboxInvalidXml('bad content', 'Opening and ending tag mismatch: url line 1 and match', '<fragment><url>x</match></fragment>'),
    });
    await omnibox.setDefaultSuggestion!({ description: 'a &amp; <dim>b</dim>' });
    assert.deepEqual(omniboxSuggestions(extension).defaultSuggestion, { description: 'a &amp; <dim>b</dim>' });
  });

  it('sendSuggestions without suggestions throws the custom bindings\' TypeError', () => {
    const { browser } = fixture();
    const omnibox = omniboxOf(sw(browser.installExtension({ manifest: manifest() })));
    assert.throws(() => omnibox.sendSuggestions!(1), { name: 'TypeError', message: errors.cannotReadPropertiesOf('undefined', 'length') });
  });

  it('an extension without a keyword cannot be typed to', () => {
    const { browser } = fixture();
    assert.throws(() => typeInOmnibox(browser.installExtension({ manifest: mv3() }), 'x'), { name: 'OmniboxError' });
  });
});
