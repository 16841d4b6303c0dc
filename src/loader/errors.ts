/**
 * Chrome's texts for what goes wrong when it loads an unpacked extension from disk and runs its
 * files. Each names the Chromium source it comes from.
 */

/** extensions/common/file_util.cc LoadManifest (IDS_EXTENSION_MANIFEST_UNREADABLE). */
export const MANIFEST_UNREADABLE = 'Manifest file is missing or unreadable';

/** file_util.cc LoadManifest, then base::JSONReader's own error text (which differs from V8's). */
export const manifestNotValidJson = (detail: string): string => `Manifest is not valid JSON.  ${detail}`;

/** background_manifest_handler.cc Validate (IDS_EXTENSION_LOAD_BACKGROUND_SCRIPT_FAILED). */
export const backgroundScriptMissing = (path: string): string => `Could not load background script '${path}'.`;

/** content_scripts_handler.cc Validate (IDS_EXTENSION_LOAD_JAVASCRIPT_FAILED). */
export const contentScriptJsMissing = (path: string): string => `Could not load javascript '${path}' for script.`;

/** The DevTools console line for a resource that is not in the extension (net::ERR_FILE_NOT_FOUND). */
export const RESOURCE_NOT_FOUND = 'Failed to load resource: net::ERR_FILE_NOT_FOUND';

/** worker_global_scope.cc ImportScriptsInternal, for a module worker. */
export const IMPORT_SCRIPTS_IN_MODULE =
  "Failed to execute 'importScripts' on 'WorkerGlobalScope': Module scripts don't support importScripts().";

/** worker_global_scope.cc ImportScriptsInternal: a script that cannot be fetched. */
export const importScriptsFailed = (url: string): string =>
  `Failed to execute 'importScripts' on 'WorkerGlobalScope': The script at '${url}' failed to load.`;

/** modulator_impl_base.cc ResolveModuleSpecifier: a bare specifier without an import map. */
export const bareModuleSpecifier = (specifier: string): string =>
  `Failed to resolve module specifier "${specifier}". Relative references must start with either "/", "./", or "../".`;

/** service_worker_global_scope.cc: dynamic import() is not allowed in service workers. */
export const DYNAMIC_IMPORT_IN_SERVICE_WORKER = 'import() is disallowed on ServiceWorkerGlobalScope by the HTML specification. See https://github.com/w3c/ServiceWorker/issues/1356.';

/** content_security_policy.cc: MV3 extension pages may not run inline scripts (script-src 'self'). */
export const INLINE_SCRIPT_REFUSED =
  "Refused to execute inline script because it violates the following Content Security Policy directive: \"script-src 'self'\". Either the 'unsafe-inline' keyword, a hash ('sha256-...'), or a nonce ('nonce-...') is required to enable inline execution.";
