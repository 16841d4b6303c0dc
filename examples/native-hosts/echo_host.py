#!/usr/bin/env python3
"""A native messaging host in plain Python 3 that echoes every message back with some metadata.

Chrome starts it as `echo_host.py chrome-extension://<id>/ [--parent-window=<n>]`, with stdin and
stdout as pipes. Each message, both ways, is a 32-bit unsigned length in the machine's native byte
order ('=I': native order, standard 4-byte size) followed by that many bytes of UTF-8 JSON.
Chrome accepts at most 1 MiB per message from a host. Log to stderr: stdout carries frames only.
"""
import json
import os
import struct
import sys

HEADER = struct.Struct('=I')
MAX_TO_CHROME = 1024 * 1024  # kMaximumNativeMessageSize in native_message_process_host.cc


def log(text):
    sys.stderr.write('echo_host.py: %s\n' % text)
    sys.stderr.flush()


def read_exactly(stream, count):
    """Reads `count` bytes; fewer only at end of input."""
    chunks = []
    while count > 0:
        chunk = stream.read(count)
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b''.join(chunks)


def read_message(stream):
    """The next message, or None when Chrome closed stdin between messages."""
    header = read_exactly(stream, HEADER.size)
    if not header:
        return None
    if len(header) < HEADER.size:
        raise EOFError('input ended inside a frame header')
    (length,) = HEADER.unpack(header)
    body = read_exactly(stream, length)
    if len(body) < length:
        raise EOFError('input ended inside a message: %d of %d bytes' % (len(body), length))
    return json.loads(body.decode('utf-8'))


def send_message(stream, message):
    # ensure_ascii (the default) escapes non-ASCII, so a lone surrogate from Chrome's JSON.stringify
    # ("\ud800") goes back as valid JSON instead of failing to encode as UTF-8.
    body = json.dumps(message, separators=(',', ':')).encode('utf-8')
    if len(body) > MAX_TO_CHROME:
        raise ValueError('message of %d bytes is over the 1 MiB Chrome accepts' % len(body))
    stream.write(HEADER.pack(len(body)))
    stream.write(body)
    stream.flush()


def main():
    origin = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1].startswith('chrome-extension://') else None
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    log('started for %s' % (origin or 'no origin'))
    count = 0
    while True:
        try:
            message = read_message(stdin)
        except EOFError as error:
            log(str(error))
            return 1
        except (UnicodeDecodeError, ValueError) as error:
            log('skipped a message: %s' % error)  # framing is intact: go on with the next one
            continue
        if message is None:
            log('input closed after %d message(s), exiting' % count)
            return 0
        count += 1
        send_message(stdout, {'echo': message, 'count': count, 'origin': origin, 'host': 'python', 'pid': os.getpid()})
        if isinstance(message, dict) and message.get('command') == 'exit':
            return 0


if __name__ == '__main__':
    sys.exit(main())
