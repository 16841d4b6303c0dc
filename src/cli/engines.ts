import type { Engine } from '../conformance/engine.ts';

export const ENGINE_NAMES = ['switchboard', 'chromium'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** Loaded on demand: the Chromium engine pulls in playwright-core, Switchboard's the loader and a DOM. */
export async function engineNamed(name: EngineName): Promise<Engine> {
  if (name === 'chromium') return (await import('../chromium/chromium-engine.ts')).chromiumEngine;
  return (await import('../conformance/switchboard-engine.ts')).switchboardEngine;
}
