import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import {
  RUNTIME_CONNECT,
  RUNTIME_CONNECT_NATIVE,
  RUNTIME_SEND_MESSAGE,
  RUNTIME_SEND_NATIVE_MESSAGE,
  TABS_CONNECT,
  TABS_SEND_MESSAGE,
  massageSendMessageArguments,
  resolveTargetExtensionId,
} from '../../src/api/messaging-arguments.ts';
import type { APISignature } from '../../src/api/signature.ts';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OTHER_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';
const fn = (): void => {};

const WEB_PAGE = null; // a caller without an extension

/** runtime_hooks_delegate.cc HandleSendMessage up to the target: massage, parse, resolve the id. */
function sendMessage(args: unknown[], caller: string | null = OWN_ID): { target: string; parsed: unknown[] } {
  const parsed = RUNTIME_SEND_MESSAGE.parse(massageSendMessageArguments(args, true));
  const target = resolveTargetExtensionId(parsed[0] as string | undefined, caller ?? undefined, 'runtime.sendMessage');
  return { target, parsed };
}

function connect(args: unknown[], caller: string | null = OWN_ID): { target: string; parsed: unknown[] } {
  const parsed = RUNTIME_CONNECT.parse(args);
  const target = resolveTargetExtensionId(parsed[0] as string | undefined, caller ?? undefined, 'runtime.connect');
  return { target, parsed };
}

function thrownMessage(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof TypeError, 'argument errors are TypeErrors');
    return error.message;
  }
  assert.fail('expected the call to throw');
}

const SEND = 'Error in invocation of runtime.sendMessage(optional string extensionId, any message, optional object options, optional function callback): ';
const CONNECT = 'Error in invocation of runtime.connect(optional string extensionId, optional object connectInfo): ';
const TABS_SEND = 'Error in invocation of tabs.sendMessage(integer tabId, any message, optional object options, optional function callback): ';
const TABS_CONN = 'Error in invocation of tabs.connect(integer tabId, optional object connectInfo): ';
const NATIVE_SEND = 'Error in invocation of runtime.sendNativeMessage(string application, object message, optional function callback): ';
const NATIVE_CONN = 'Error in invocation of runtime.connectNative(string application): ';

const plain = (value: unknown): unknown => (value && typeof value === 'object' ? { ...value } : value);

describe('messaging signatures', () => {
  it('each signature prints as Chromium prints it', () => {
    const cases: [APISignature, string][] = [
      [RUNTIME_SEND_MESSAGE, SEND],
      [RUNTIME_CONNECT, CONNECT],
      [TABS_SEND_MESSAGE, TABS_SEND],
      [TABS_CONNECT, TABS_CONN],
      [RUNTIME_SEND_NATIVE_MESSAGE, NATIVE_SEND],
      [RUNTIME_CONNECT_NATIVE, NATIVE_CONN],
    ];
    for (const [signature, prefix] of cases) {
      assert.equal(`Error in invocation of ${signature.apiMethod}(${signature.expectedSignature}): `, prefix);
    }
  });
});

describe('runtime.sendMessage arguments', () => {
  it('no arguments: No matching signature', () => {
    assert.equal(thrownMessage(() => sendMessage([])), `${SEND}No matching signature.`);
  });

  it('a string followed by a message is read as the extension id', () => {
    assert.equal(thrownMessage(() => sendMessage(['hello', { a: 1 }])), `${SEND}Invalid extension id: 'hello'`);
  });

  it('two arguments whose first is not a string/null/undefined are (message, options)', () => {
    assert.equal(thrownMessage(() => sendMessage([{}, { foo: 1 }])), `${SEND}Error at parameter 'options': Unexpected property: 'foo'.`);
    const { parsed } = sendMessage([{ a: 1 }, { includeTlsChannelId: true }]);
    assert.deepEqual(parsed[1], { a: 1 });
    assert.deepEqual(plain(parsed[2]), { includeTlsChannelId: true });
  });

  it('a lone argument is the message, even a string', () => {
    const { target, parsed } = sendMessage(['hello']);
    assert.equal(target, OWN_ID);
    assert.deepEqual(parsed, [undefined, 'hello', undefined, undefined]);
  });

  it('a trailing function is the callback and does not count for the (id, message) decision', () => {
    const { target, parsed } = sendMessage(['hello', fn]);
    assert.equal(target, OWN_ID);
    assert.deepEqual(parsed, [undefined, 'hello', undefined, fn]);
    assert.equal(sendMessage([OTHER_ID, 'hi', fn]).target, OTHER_ID);
  });

  it('a valid extension id, in either case, is the target', () => {
    assert.equal(sendMessage([OTHER_ID, 'hi']).target, OTHER_ID);
    assert.equal(sendMessage([OTHER_ID.toUpperCase(), 'hi']).target, OTHER_ID.toUpperCase());
  });

  it('null, undefined and "" as the id mean the caller\'s own extension', () => {
    for (const id of [null, undefined, '']) {
      assert.equal(sendMessage([id, 'hi']).target, OWN_ID);
    }
    assert.equal(sendMessage([undefined, 'msg', null, undefined]).target, OWN_ID);
  });

  it('undefined as the message is accepted', () => {
    assert.deepEqual(sendMessage([undefined]).parsed, [undefined, undefined, undefined, undefined]);
  });

  it('from a web page the id is required, "" included', () => {
    const required = `${SEND}chrome.runtime.sendMessage() called from a webpage must specify an Extension ID (string) for its first argument.`;
    assert.equal(thrownMessage(() => sendMessage(['hi'], WEB_PAGE)), required);
    assert.equal(thrownMessage(() => sendMessage(['', 'hi'], WEB_PAGE)), required);
    assert.equal(thrownMessage(() => sendMessage([null, 'hi', fn], WEB_PAGE)), required);
    assert.equal(sendMessage([OTHER_ID, 'hi'], WEB_PAGE).target, OTHER_ID);
  });

  it('schema errors come before the extension id check', () => {
    assert.equal(
      thrownMessage(() => sendMessage(['hello', 'hi', { foo: 1 }])),
      `${SEND}Error at parameter 'options': Unexpected property: 'foo'.`,
    );
    assert.equal(thrownMessage(() => sendMessage(['hello', 'hi', {}])), `${SEND}Invalid extension id: 'hello'`);
  });

  it('an options property of the wrong type names the property', () => {
    assert.equal(
      thrownMessage(() => sendMessage([OTHER_ID, 'hi', { includeTlsChannelId: 'yes' }])),
      `${SEND}Error at parameter 'options': Error at property 'includeTlsChannelId': Invalid type: expected boolean, found string.`,
    );
  });

  it('a last argument that is not a function is no callback: four of them match nothing', () => {
    assert.equal(thrownMessage(() => sendMessage([OTHER_ID, 'hi', {}, 'not a function'])), `${SEND}No matching signature.`);
    assert.equal(thrownMessage(() => sendMessage([OTHER_ID, 'hi', {}, {}])), `${SEND}No matching signature.`);
  });

  it('too many arguments: No matching signature', () => {
    assert.equal(thrownMessage(() => sendMessage([OTHER_ID, 'hi', {}, fn, 1])), `${SEND}No matching signature.`);
    assert.equal(thrownMessage(() => sendMessage([OTHER_ID, 'hi', {}, fn, fn])), `${SEND}No matching signature.`);
  });

  it('a lone function is the message, not the callback', () => {
    assert.deepEqual(sendMessage([fn]).parsed, [undefined, fn, undefined, undefined]);
  });

  it('an id with a NUL is printed up to the NUL, as "%s" prints it', () => {
    assert.equal(thrownMessage(() => sendMessage(['ab\0cd', 'hi'])), `${SEND}Invalid extension id: 'ab'`);
  });
});

describe('massageSendMessageArguments', () => {
  it('pads to (id, message, options, callback) with null', () => {
    assert.deepEqual(massageSendMessageArguments(['m'], true), [null, 'm', null, null]);
    assert.deepEqual(massageSendMessageArguments(['id', 'm'], true), ['id', 'm', null, null]);
    assert.deepEqual(massageSendMessageArguments([1, 'o'], true), [null, 1, 'o', null]);
    assert.deepEqual(massageSendMessageArguments(['id', 'm', 'o'], true), ['id', 'm', 'o', null]);
    assert.deepEqual(massageSendMessageArguments(['id', 'm', 'o', fn], true), ['id', 'm', 'o', fn]);
  });

  it('leaves what it cannot sort out to signature parsing', () => {
    assert.deepEqual(massageSendMessageArguments([], true), []);
    assert.deepEqual(massageSendMessageArguments([fn], true), [fn]);
    assert.deepEqual(massageSendMessageArguments([1, 2, 3, 4], true), [1, 2, 3, 4]);
    assert.deepEqual(massageSendMessageArguments([1, 2, 3, 4, fn], true), [1, 2, 3, 4, fn]);
  });

  it('without options, two arguments are always (application, message)', () => {
    assert.deepEqual(massageSendMessageArguments([{}, {}], false), [{}, {}, null]);
    assert.deepEqual(massageSendMessageArguments([{}], false), [null, {}, null]);
    assert.deepEqual(massageSendMessageArguments(['a', {}, {}], false), ['a', {}, {}]);
  });
});

describe('runtime.connect arguments', () => {
  it('a connectInfo name of the wrong type names the property', () => {
    assert.equal(
      thrownMessage(() => connect([{ name: 1 }])),
      `${CONNECT}Error at parameter 'connectInfo': Error at property 'name': Invalid type: expected string, found integer.`,
    );
  });

  it('a lone string is the extension id', () => {
    assert.equal(thrownMessage(() => connect(['x'])), `${CONNECT}Invalid extension id: 'x'`);
  });

  it('no arguments connect to the own extension; a web page must name one', () => {
    assert.equal(connect([]).target, OWN_ID);
    assert.equal(
      thrownMessage(() => connect([], WEB_PAGE)),
      `${CONNECT}chrome.runtime.connect() called from a webpage must specify an Extension ID (string) for its first argument.`,
    );
  });

  it('connectInfo keeps name and includeTlsChannelId, rejects anything else', () => {
    const { parsed } = connect([{ name: 'n', includeTlsChannelId: false }]);
    assert.deepEqual(plain(parsed[1]), { name: 'n', includeTlsChannelId: false });
    assert.equal(thrownMessage(() => connect([{ frameId: 0 }])), `${CONNECT}Error at parameter 'connectInfo': Unexpected property: 'frameId'.`);
  });

  it('a function is not a connectInfo', () => {
    assert.equal(thrownMessage(() => connect([fn])), `${CONNECT}No matching signature.`);
  });

  it('resolve errors are thrown in the caller\'s realm', () => {
    const realm = { TypeError: runInNewContext('TypeError') as TypeErrorConstructor };
    try {
      resolveTargetExtensionId('x', OWN_ID, 'runtime.connect', RUNTIME_CONNECT, realm);
      assert.fail('expected a throw');
    } catch (error) {
      assert.ok(error instanceof realm.TypeError);
      assert.equal((error as Error).message, `${CONNECT}Invalid extension id: 'x'`);
    }
  });
});

describe('tabs.sendMessage and tabs.connect arguments', () => {
  it('a negative tab id is below the minimum', () => {
    assert.equal(thrownMessage(() => TABS_SEND_MESSAGE.parse([-1, {}])), `${TABS_SEND}Error at parameter 'tabId': Value must be at least 0.`);
    assert.equal(thrownMessage(() => TABS_CONNECT.parse([-1])), `${TABS_CONN}Error at parameter 'tabId': Value must be at least 0.`);
  });

  it('a tab id that is not an integer matches no signature', () => {
    for (const tabId of ['1', 1.5, NaN, Infinity, null, undefined, 2 ** 31]) {
      assert.equal(thrownMessage(() => TABS_SEND_MESSAGE.parse([tabId, {}])), `${TABS_SEND}No matching signature.`);
    }
  });

  it('-0 is tab 0', () => {
    const [tabId] = TABS_SEND_MESSAGE.parse([-0, {}]);
    assert.ok(Object.is(tabId, 0));
  });

  it('the message is required', () => {
    assert.equal(thrownMessage(() => TABS_SEND_MESSAGE.parse([1])), `${TABS_SEND}No matching signature.`);
    assert.deepEqual(TABS_SEND_MESSAGE.parse([1, undefined]), [1, undefined, undefined, undefined]);
  });

  it('options take frameId (integer >= 0) and documentId (string) only', () => {
    const [, , options] = TABS_SEND_MESSAGE.parse([1, 'm', { frameId: 0, documentId: 'D' }, fn]);
    assert.deepEqual(plain(options), { frameId: 0, documentId: 'D' });
    assert.equal(
      thrownMessage(() => TABS_SEND_MESSAGE.parse([1, 'm', { frameId: -1 }])),
      `${TABS_SEND}Error at parameter 'options': Error at property 'frameId': Value must be at least 0.`,
    );
    assert.equal(
      thrownMessage(() => TABS_SEND_MESSAGE.parse([1, 'm', { frameId: 1.5 }])),
      `${TABS_SEND}Error at parameter 'options': Error at property 'frameId': Invalid type: expected integer, found number.`,
    );
    assert.equal(
      thrownMessage(() => TABS_SEND_MESSAGE.parse([1, 'm', { includeTlsChannelId: true }])),
      `${TABS_SEND}Error at parameter 'options': Unexpected property: 'includeTlsChannelId'.`,
    );
  });

  it('null options and a null frameId count as absent', () => {
    assert.deepEqual(TABS_SEND_MESSAGE.parse([1, 'm', null, fn]), [1, 'm', undefined, fn]);
    const [, , options] = TABS_SEND_MESSAGE.parse([1, 'm', { frameId: null }]);
    assert.deepEqual(plain(options), {});
  });

  it('a callback that is not a function matches no signature', () => {
    assert.equal(thrownMessage(() => TABS_SEND_MESSAGE.parse([1, 'm', {}, 'x'])), `${TABS_SEND}No matching signature.`);
    assert.equal(thrownMessage(() => TABS_SEND_MESSAGE.parse([1, 'm', 'x'])), `${TABS_SEND}No matching signature.`);
  });

  it('too many arguments match no signature', () => {
    assert.equal(thrownMessage(() => TABS_SEND_MESSAGE.parse([1, 'm', {}, fn, 1])), `${TABS_SEND}No matching signature.`);
    assert.equal(thrownMessage(() => TABS_CONNECT.parse([1, {}, 1])), `${TABS_CONN}No matching signature.`);
  });

  it('tabs.connect connectInfo takes name, frameId and documentId', () => {
    const [, info] = TABS_CONNECT.parse([3, { name: 'n', frameId: 2, documentId: 'D' }]);
    assert.deepEqual(plain(info), { name: 'n', frameId: 2, documentId: 'D' });
    assert.equal(
      thrownMessage(() => TABS_CONNECT.parse([3, { name: 1 }])),
      `${TABS_CONN}Error at parameter 'connectInfo': Error at property 'name': Invalid type: expected string, found integer.`,
    );
  });
});

describe('native messaging arguments', () => {
  const sendNative = (args: unknown[]): unknown[] => RUNTIME_SEND_NATIVE_MESSAGE.parse(massageSendMessageArguments(args, false));

  it('the message must be an object: arrays, strings and numbers match nothing', () => {
    for (const message of [[1], 'text', 1, null]) {
      assert.equal(thrownMessage(() => sendNative(['com.example.host', message])), `${NATIVE_SEND}No matching signature.`);
    }
  });

  it('the message object is passed on as it is, whatever its properties', () => {
    const message = { a: 1, f: fn, n: null };
    const parsed = sendNative(['com.example.host', message, fn]);
    assert.equal(parsed[1], message);
    assert.equal(parsed[2], fn);
  });

  it('a lone message has no application', () => {
    assert.equal(thrownMessage(() => sendNative([{}])), `${NATIVE_SEND}No matching signature.`);
  });

  it('connectNative requires the application name', () => {
    assert.deepEqual(RUNTIME_CONNECT_NATIVE.parse(['com.example.host']), ['com.example.host']);
    assert.equal(thrownMessage(() => RUNTIME_CONNECT_NATIVE.parse([])), `${NATIVE_CONN}No matching signature.`);
    assert.equal(thrownMessage(() => RUNTIME_CONNECT_NATIVE.parse([1])), `${NATIVE_CONN}No matching signature.`);
  });
});
