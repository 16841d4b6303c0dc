import { commandsOf } from '../platform/commands.ts';
import { apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { APISignature } from './signature.ts';

// commands.json
const GET_ALL = new APISignature('commands.getAll', [{ name: 'callback', type: 'function', optional: true }]);

/** chrome.commands (commands.cc): the extension's shortcuts; presses come from outside (pressCommand). */
export function createCommands(messaging: ContextMessaging): object {
  const extension = messaging.context.extension!;
  return {
    onCommand: messaging.event('commands.onCommand'),
    getAll: apiFunction(messaging, GET_ALL, () => commandsOf(extension)),
  };
}
