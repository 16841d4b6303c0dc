import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { nativeCheck } from '../../../src/cli/native-check.ts';
import { nativeTalk } from '../../../src/cli/native-talk.ts';
import { HOSTS, ORIGIN, hostDir } from './support.ts';

describe('switchboard native check', () => {
  it('a good host: where Chrome looks, what it found, no problems', () => {
    const dir = hostDir({ 'com.test.echo': { script: 'echo.mjs' } });
    const lines: string[] = [];
    assert.equal(nativeCheck('com.test.echo', { hostDir: [dir], origin: ORIGIN }, (line) => void lines.push(line)), 0);
    const text = lines.join('\n');
    assert.match(text, new RegExp(`${join(dir, 'com.test.echo.json')}\\s+FOUND`));
    assert.match(text, /No problems/);
  });

  it('reports every problem of a manifest with its fix, not only the first one Chrome would hit', () => {
    const dir = hostDir({});
    const file = join(dir, 'com.test.bad.json');
    writeFileSync(file, JSON.stringify({ name: 'com.test.bad', description: '', type: 'tcp', path: 'relative.mjs', allowed_origins: [ORIGIN.slice(0, -1)] }));
    const lines: string[] = [];
    assert.equal(nativeCheck(file, { hostDir: [dir] }, (line) => void lines.push(line)), 4);
    const text = lines.join('\n');
    for (const expected of ['"description"', '"type"', 'add the trailing slash', 'the path is relative']) assert.ok(text.includes(expected), expected);
  });

  it('a host file that is not executable and an origin that is not allowed are problems', () => {
    const dir = hostDir({ 'com.test.noexec': { script: 'frames.mjs', allowedOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/'] } });
    const lines: string[] = [];
    assert.equal(nativeCheck('com.test.noexec', { hostDir: [dir], origin: ORIGIN }, (line) => void lines.push(line)), 2);
    assert.match(lines.join('\n'), /chmod \+x/);
    assert.match(lines.join('\n'), /forbidden/);
  });
});

describe('switchboard native talk', () => {
  it('sends JSON lines framed, prints the replies, then disconnects and prints the exit', async () => {
    const dir = hostDir({ 'com.test.py': { script: join(HOSTS, 'echo_host.py') } });
    const input = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    const done = nativeTalk('com.test.py', { hostDir: [dir], origin: ORIGIN }, { input, quietMs: 1500, write: (l) => void out.push(l), error: (l) => void err.push(l) });
    input.end('{"a":1}\nnot json\n[2]\n');
    assert.equal(await done, 0);
    assert.deepEqual(out, [`< {"echo":{"a":1},"argv":["${ORIGIN}"]}`, `< {"echo":[2],"argv":["${ORIGIN}"]}`]);
    assert.ok(err.some((line) => line.startsWith('not sent: not JSON')));
    assert.equal(err.at(-1), 'host exited with code 0');
  });

  it('a host that ignores the end of its input is reported killed by SIGKILL', async () => {
    const dir = hostDir({ 'com.test.stubborn': { script: 'ignores-eof.mjs' } });
    const input = new PassThrough();
    const err: string[] = [];
    const done = nativeTalk('com.test.stubborn', { hostDir: [dir], origin: ORIGIN }, { input, quietMs: 50, write: () => undefined, error: (l) => void err.push(l) });
    input.end();
    assert.equal(await done, 0);
    assert.equal(err.at(-1), 'host exited: killed by SIGKILL');
  });

  it("refuses, with Chrome's error, a host Chrome could not use", async () => {
    const err: string[] = [];
    const status = await nativeTalk('com.test.absent', { hostDir: [hostDir({})], origin: ORIGIN }, { input: new PassThrough(), write: () => undefined, error: (l) => void err.push(l) });
    assert.equal(status, 1);
    assert.match(err[0]!, /Specified native messaging host not found/);
  });
});
