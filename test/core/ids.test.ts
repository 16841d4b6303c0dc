import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDocumentId, generateExtensionId, isValidExtensionId } from '../../src/core/ids.ts';

describe('ids', () => {
  it('document ids are 32 uppercase hex digits, all different, across many draws of the random pool', () => {
    const ids = Array.from({ length: 1000 }, () => generateDocumentId());
    for (const id of ids) assert.match(id, /^[0-9A-F]{32}$/);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('generated extension ids are valid ones: 32 characters a to p', () => {
    const id = generateExtensionId();
    assert.ok(isValidExtensionId(id), id);
    assert.ok(!isValidExtensionId(id.slice(1)));
    assert.ok(!isValidExtensionId(`${id.slice(1)}q`));
  });
});
