import type { Browser } from '../core/browser.ts';
import type { ScriptContext } from '../core/context.ts';
import { ApiError } from './api-function.ts';

/**
 * runtime.getPackageDirectoryEntry's answer is made by whoever holds the extension's folder and
 * the page's DOM (the loader, src/loader/package-directory.ts): a DirectoryEntry of the context's
 * realm, from the provider of its browser.
 */
export type PackageDirectoryProvider = (context: ScriptContext) => unknown;

const providers = new WeakMap<Browser, PackageDirectoryProvider>();

export function providePackageDirectory(browser: Browser, provider: PackageDirectoryProvider): void {
  providers.set(browser, provider);
}

/** The context's DirectoryEntry of its extension's package; an ApiError where none can be made. */
export function packageDirectoryOf(context: ScriptContext): unknown {
  const entry = providers.get(context.browser)?.(context);
  if (entry === undefined) throw new ApiError('This extension has no package folder to give: it was installed in code, not loaded from disk.');
  return entry;
}
