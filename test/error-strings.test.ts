import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import * as errors from '../src/core/errors.ts';

const SRC = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The fixed text of every error: constants whole, templates up to their first placeholder. */
function errorTexts(): string[] {
  return Object.values(errors).map((value) => {
    if (typeof value === 'string') return value;
    const template = value as (...args: unknown[]) => string;
    // Templates take strings, numbers or (schemaEnumError) a list of allowed values.
    let sample: string;
    try {
      sample = template('\u0000', '\u0000', '\u0000');
    } catch {
      sample = template('\u0000', ['\u0000'], '\u0000');
    }
    return sample.split('\u0000').reduce((a, b) => (b.length > a.length ? b : a), '');
  });
}

describe('error strings', () => {
  it('every error string a user can see is spelled only in src/core/errors.ts', () => {
    const texts = errorTexts().filter((text) => text.trim().length >= 12);
    assert.ok(texts.length > 30, 'the errors module lists Chrome\'s strings');
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (file.endsWith(join('core', 'errors.ts'))) continue;
      const source = readFileSync(file, 'utf8');
      for (const text of texts) if (source.includes(text)) offenders.push(`${relative(SRC, file)}: ${text}`);
    }
    assert.deepEqual(offenders, []);
  });
});
