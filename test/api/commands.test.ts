import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pressCommand } from '../../src/index.ts';
import { fixture, mv3, sw } from '../support.ts';

type Listener = { addListener(listener: (...args: never[]) => unknown): void };
type Commands = { getAll(): Promise<unknown>; onCommand: Listener };
const commandsOf = (chrome: unknown): Commands => (chrome as { commands: Commands }).commands;
const COMMANDS = {
  zeta: { description: 'Zeta', suggested_key: { default: 'Ctrl+Shift+Y' } },
  alpha: { description: 'Alpha', suggested_key: { default: 'Ctrl+Shift+Y' } },
  restore: { description: 'Restore', suggested_key: { default: 'Ctrl+Shift+T' } },
  plain: { description: 'Plain' },
};

describe('chrome.commands', () => {
  it('exists only with commands in the manifest', () => {
    const { browser } = fixture();
    assert.equal('commands' in (sw(browser.installExtension({ manifest: mv3() })) as object), false);
  });

  it("getAll lists commands by name with _execute_action, each with its suggested key unless Chrome's or taken", async () => {
    const { browser } = fixture();
    const commands = commandsOf(sw(browser.installExtension({ manifest: mv3({ action: {}, commands: COMMANDS }) })));
    assert.deepEqual(await commands.getAll(), [
      { description: '', name: '_execute_action', shortcut: '' },
      { description: 'Alpha', name: 'alpha', shortcut: 'Ctrl+Shift+Y' },
      { description: 'Plain', name: 'plain', shortcut: '' },
      { description: 'Restore', name: 'restore', shortcut: '' },
      { description: 'Zeta', name: 'zeta', shortcut: '' },
    ]);
  });

  it('the platform key wins over the default one', async () => {
    const { browser } = fixture();
    const manifest = mv3({ commands: { go: { description: 'Go', suggested_key: { default: 'Ctrl+Shift+U', linux: 'Alt+Shift+K', mac: 'Alt+Shift+K', windows: 'Alt+Shift+K' } } } });
    const [command] = (await commandsOf(sw(browser.installExtension({ manifest }))).getAll()) as { shortcut: string }[];
    assert.equal(command?.shortcut, 'Alt+Shift+K');
  });

  it('pressing a shortcut raises onCommand with the name and the scrubbed active tab', async () => {
    const { browser } = fixture();
    const heard: unknown[] = [];
    const extension = browser.installExtension({
      manifest: mv3({ commands: COMMANDS }),
      scripts: { 'sw.js': ({ chrome }) => commandsOf(chrome).onCommand.addListener(((name: string, tab: { id: number; url?: string }) => heard.push([name, tab.id, tab.url])) as never) },
    });
    const tab = browser.openTab('https://a.test/');
    await browser.idle();
    pressCommand(extension, 'alpha');
    await browser.idle();
    assert.deepEqual(heard, [['alpha', tab.id, undefined]]);
  });

  it('a command without a shortcut cannot be pressed', () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3({ commands: COMMANDS }) });
    assert.throws(() => pressCommand(extension, 'zeta'), { name: 'CommandError' });
    assert.throws(() => pressCommand(extension, 'nope'), { name: 'CommandError' });
  });

  it("_execute_action's shortcut clicks the action", async () => {
    const { browser } = fixture();
    let clicks = 0;
    const extension = browser.installExtension({
      manifest: mv3({ action: {}, commands: { _execute_action: { suggested_key: { default: 'Ctrl+Shift+U' } } } }),
      scripts: { 'sw.js': ({ chrome }) => (chrome as { action: { onClicked: Listener } }).action.onClicked.addListener(() => clicks++) },
    });
    browser.openTab('https://a.test/');
    await browser.idle();
    pressCommand(extension, '_execute_action');
    await browser.idle();
    assert.equal(clicks, 1);
  });
});
