/**
 * The fuzz suite's properties, in one place: each states the rule it checks, counts its cases in
 * one unit, and runs any number of cases. test/fuzz/fuzz.test.ts runs the small counts in
 * `npm test`; scripts/fuzz.ts the full ones (`npm run fuzz`). Every property also fails on a host
 * crash (an exception or rejection nothing caught) and on a hang (a case that did not settle).
 */
import { fuzzManifests } from './manifests.ts';
import { fuzzMatchPatterns } from './match-patterns.ts';
import { fuzzDeepMessages, fuzzHugeMessages, fuzzMessages, fuzzWideMessages } from './messages.ts';
import { fuzzNativeStreams } from './native-streams.ts';

export type FuzzUnit = 'messages' | 'manifests' | 'match patterns' | 'native streams';

export interface FuzzProperty {
  /** The rule, as a test name. */
  readonly rule: string;
  readonly unit: FuzzUnit;
  /** Cases in `npm run fuzz`. */
  readonly full: number;
  /** Cases in `npm test`: a few seconds for all of them. */
  readonly quick: number;
  run(runs: number, options: { readonly seed?: number }): Promise<void>;
}

/** The floor: 100,000 messages in `npm run fuzz`, of which these are deep, wide and huge. */
const DEEP = 400;
const WIDE = 400;
const HUGE = 6;

export const FUZZ_PROPERTIES: readonly FuzzProperty[] = [
  {
    rule:
      'a hostile message (cycles, throwing getters, toJSON and Proxy traps, BigInt, symbols, functions, sparse arrays, __proto__ keys, lone surrogates) ' +
      "arrives by every route as JSON.parse(JSON.stringify(message)), or the sender gets Chrome's error",
    unit: 'messages',
    full: 100_000 - DEEP - WIDE - HUGE,
    quick: 300,
    run: fuzzMessages,
  },
  {
    rule: "a message nested near Chrome's limits is sent, answered or refused as the sending thread's stack allows (a page's, or a worker's half as deep)",
    unit: 'messages',
    full: DEEP,
    quick: 4,
    run: fuzzDeepMessages,
  },
  {
    rule: 'a message of thousands of elements or keys arrives whole by every route',
    unit: 'messages',
    full: WIDE,
    quick: 4,
    run: fuzzWideMessages,
  },
  {
    rule: 'a message within a few bytes of 64 MiB of JSON is sent at the limit and refused past it with the size error, by every route',
    unit: 'messages',
    full: HUGE,
    quick: 1,
    run: fuzzHugeMessages,
  },
  {
    rule: 'a valid manifest installs, a manifest with one key broken fails with a ManifestError naming that key, any other installs or fails with a ManifestError',
    unit: 'manifests',
    full: 10_000,
    quick: 300,
    run: fuzzManifests,
  },
  {
    rule: "a match pattern parses or fails with Chrome's parse error, a parsed pattern matches any URL without throwing, and a URL's own pattern, <all_urls> and *://*/* match it as Chrome's do",
    unit: 'match patterns',
    full: 10_000,
    quick: 500,
    run: fuzzMatchPatterns,
  },
  {
    rule: "a native byte stream, however chunked, decodes into the frames it holds, holding no more memory than the frame in progress; through a host process it reaches the extension's port as Chrome delivers it",
    unit: 'native streams',
    full: 10_000,
    quick: 200,
    run: (runs, options) => fuzzNativeStreams(runs, { ...options, throughBrowser: Math.max(3, Math.floor(runs / 50)) }),
  },
];
