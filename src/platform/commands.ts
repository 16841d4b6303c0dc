/**
 * The extension's keyboard shortcuts (CommandService, chrome/browser/extensions/api/commands/
 * command_service.cc, and the manifest's `commands`): each command with its description and the
 * shortcut it got — its suggested key for this platform, unless Chrome or an earlier command has
 * that key — and what pressing one does.
 */
import { platform } from 'node:process';
import type { Extension } from '../core/extension.ts';
import type { Tab } from '../core/tab.ts';
import { clickAction } from './action.ts';
import { scrubTab } from './tab-access.ts';
import { dispatchWithUserGesture } from './user-gesture.ts';

/** commands.Command, keys in Chrome's order (sorted, as base::Value keeps them). */
export interface Command {
  readonly description: string;
  readonly name: string;
  readonly shortcut: string;
}

export class CommandError extends Error {
  override readonly name = 'CommandError';
}

/** The command a click on the action stands for (manifest_constants kExecuteActionCommandEvent). */
export const EXECUTE_ACTION = '_execute_action';

/** Chrome's own accelerators with Ctrl+Shift or Alt+Shift on Linux (accelerator_table.cc), which extensions cannot take. */
const CHROME_ACCELERATORS = new Set([
  'Ctrl+Shift+A', 'Ctrl+Shift+B', 'Ctrl+Shift+C', 'Ctrl+Shift+D', 'Ctrl+Shift+G', 'Ctrl+Shift+I', 'Ctrl+Shift+J',
  // Ctrl+Shift+L and Ctrl+Shift+T: observed unassignable in Chromium 156 on Linux
  'Ctrl+Shift+L', 'Ctrl+Shift+M', 'Ctrl+Shift+N', 'Ctrl+Shift+O', 'Ctrl+Shift+Q', 'Ctrl+Shift+R', 'Ctrl+Shift+T',
  'Ctrl+Shift+V', 'Ctrl+Shift+W', 'Ctrl+Shift+Delete', 'Ctrl+Shift+Tab', 'Ctrl+Shift+PageUp', 'Ctrl+Shift+PageDown',
  'Alt+Shift+I', 'Alt+Shift+T',
]);

/** The manifest's suggested_key key for this platform (commands_handler: chromeos, linux, mac, windows). */
function platformKey(): string {
  return platform === 'darwin' ? 'mac' : platform === 'win32' ? 'windows' : 'linux';
}

/** A shortcut as Chrome writes it (Accelerator::GetShortcutText): modifiers Ctrl, Alt, Shift, then the key. */
function normalizeShortcut(text: string): string {
  const parts = text.split('+').map((part) => part.trim());
  const key = parts.pop() ?? '';
  const order = ['Ctrl', 'Alt', 'Shift', 'Command', 'MacCtrl'];
  const modifiers = order.filter((modifier) => parts.includes(modifier));
  return [...modifiers, key.length === 1 ? key.toUpperCase() : key].join('+');
}

/** CommandService::GetCommands: the manifest's commands by name, `_execute_action` with them when there is an action. */
export function commandsOf(extension: Extension): Command[] {
  const declared = ((extension.manifest as { commands?: unknown }).commands ?? {}) as Record<string, { description?: unknown; suggested_key?: Record<string, unknown> }>;
  const names = new Set(Object.keys(declared));
  if ('action' in extension.manifest) names.add(EXECUTE_ACTION);
  const taken = new Set<string>();
  return [...names].sort().map((name) => {
    const entry = declared[name] ?? {};
    const suggested = entry.suggested_key ?? {};
    const key = suggested[platformKey()] ?? suggested.default;
    let shortcut = typeof key === 'string' ? normalizeShortcut(key) : '';
    if (shortcut !== '' && (CHROME_ACCELERATORS.has(shortcut) || taken.has(shortcut))) shortcut = '';
    if (shortcut !== '') taken.add(shortcut);
    // The action's command has no description of its own (observed in Chromium 156).
    const description = name.startsWith('_execute_') || typeof entry.description !== 'string' ? '' : entry.description;
    return { description, name, shortcut };
  });
}

/**
 * A user presses the shortcut of the extension's command `name` over `tab` (by default the active
 * tab of the focused window): `_execute_action` clicks the action; any other command raises
 * commands.onCommand(name, tab) inside a user gesture, the tab as the extension may see it.
 */
export function pressCommand(extension: Extension, name: string, tab?: Tab): void {
  if (!extension.enabled) throw new CommandError(`Extension ${extension.id} is not enabled`);
  const command = commandsOf(extension).find((c) => c.name === name);
  if (!command) throw new CommandError(`Extension ${extension.id} has no command ${name}`);
  if (command.shortcut === '') throw new CommandError(`Command ${name} of extension ${extension.id} has no shortcut to press`);
  if (name === EXECUTE_ACTION) {
    clickAction(extension, tab);
    return;
  }
  const target = tab ?? extension.browser.currentWindow().activeTab;
  dispatchWithUserGesture(extension, 'commands.onCommand', target ? [name, scrubTab(extension, target.info())] : [name]);
}
