/**
 * Run before the tests: makes sure the Chromium that the conformance suite compares against is
 * installed, installing Debian's chromium when this process can (root, apt-get). Without it the
 * conformance tests are skipped with a note, except under CI, where a missing Chromium fails.
 */
import { chromiumVersion, ensureChromium } from '../src/chromium/executable.ts';

const result = ensureChromium();
if (result.path) {
  console.log(`${result.message}: ${result.path} (${chromiumVersion()})`);
} else {
  console.error(result.message);
  if (process.env.CI) {
    console.error('CI needs Chromium for the conformance suite: failing.');
    process.exit(1);
  }
}
