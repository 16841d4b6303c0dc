/**
 * The fuzz suite at small counts (`npm run fuzz` runs the full ones): Chrome's outcome for every
 * random input, no host crash, no hang.
 */
import { describe, it } from 'node:test';
import { FUZZ_PROPERTIES } from './properties.ts';

describe('fuzz: random inputs get Chrome\'s outcome, with no host crash and no hang', () => {
  for (const property of FUZZ_PROPERTIES) {
    it(`${property.rule} (${property.quick} ${property.unit})`, async () => {
      await property.run(property.quick, {});
    });
  }
});
