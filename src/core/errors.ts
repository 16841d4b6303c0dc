/**
 * Every error string a Switchboard user can see, verbatim as Chromium writes it.
 * Each constant names the Chromium file it comes from; nothing else in the
 * project spells an error message.
 */

// extensions/browser/api/messaging/message_service.cc (kReceivingEndDoesntExistError)
export const RECEIVING_END_DOES_NOT_EXIST = 'Could not establish connection. Receiving end does not exist.';

// extensions/renderer/api/messaging/one_time_message_handler.cc (DisconnectOpener)
export const PORT_CLOSED_BEFORE_RESPONSE = 'The message port closed before a response was received.';

// extensions/browser/api/messaging/extension_message_port.cc (kClosedWhileResponsePendingError); no trailing period
export const CLOSED_WHILE_RESPONSE_PENDING =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

// extensions/browser/api/messaging/extension_message_port.cc (kClosedWhenPageEntersBFCache)
export const CLOSED_WHEN_PAGE_ENTERS_BFCACHE =
  'The page keeping the extension port is moved into back/forward cache, so the message channel is closed.';

// gin/arguments.cc: a bound method called with fewer arguments than it takes (port.postMessage())
export const INSUFFICIENT_ARGUMENTS = 'Insufficient number of arguments.';

// extensions/renderer/api/messaging/gin_port.cc
export const DISCONNECTED_PORT = 'Attempting to use a disconnected port object';
// gin's receiver check: a Port's method called on something that is not a Port (observed in Chromium 156)
export const ILLEGAL_INVOCATION_PORT = 'Illegal invocation: Function must be called on an object of type Port';

// extensions/renderer/api/messaging/gin_port.cc (kContextInvalidatedError); bindings/api_binding.cc
export const CONTEXT_INVALIDATED = 'Extension context invalidated.';

// extensions/renderer/api/messaging/messaging_util.cc (kErrorCouldNotSerialize)
export const COULD_NOT_SERIALIZE = 'Could not serialize message.';

// extensions/renderer/api/messaging/messaging_util.cc: the text since about M149, and the one before it
export const MESSAGE_TOO_LARGE = 'Message exceeded maximum allowed size of 64MiB.';
export const MESSAGE_TOO_LARGE_LEGACY = 'Message length exceeded maximum allowed length.';

// extensions/renderer/api/messaging/messaging_util.cc (kErrorMalformedJSONMessage)
export const MALFORMED_JSON_MESSAGE = 'The sender sent an invalid JSON message; message ignored.';

// extensions/renderer/api/messaging/messaging_util.cc (kExtensionIdRequiredErrorTemplate)
export const extensionIdRequired = (method: 'runtime.sendMessage' | 'runtime.connect'): string =>
  `chrome.${method}() called from a webpage must specify an Extension ID (string) for its first argument.`;

// extensions/renderer/api/messaging/messaging_util.cc (GetTargetExtensionId)
export const invalidExtensionId = (id: string): string => `Invalid extension id: '${id}'`;

// extensions/renderer/api/messaging/one_time_message_handler.cc (M144+: listener errors reach the sender;
// a native Error sends its own message, observed in Chromium 156)
export const PROMISE_REJECTED_WITHOUT_ERROR = "A runtime.onMessage listener's promise rejected without an Error";
export const LISTENER_ERROR_UNPARSEABLE = "Error message from listener couldn't be parsed or was empty.";

// extensions/renderer/bindings/api_last_error.cc (kUncheckedErrorPrefix)
export const uncheckedLastError = (message: string): string => `Unchecked runtime.lastError: ${message}`;

// extensions/renderer/bindings/event_emitter.cc
export const errorInEventHandler = (error: string): string => `Error in event handler: ${error}`;
export const EVENT_DOES_NOT_SUPPORT_FILTERS = 'This event does not support filters';

// extensions/renderer/bindings/api_invocation_errors.cc
export const invocationError = (apiMethod: string, signature: string, error: string): string =>
  `Error in invocation of ${apiMethod}(${signature}): ${error}`;
export const NO_MATCHING_SIGNATURE = 'No matching signature.';
export const argumentError = (parameter: string, error: string): string => `Error at parameter '${parameter}': ${error}`;
export const propertyError = (property: string, error: string): string => `Error at property '${property}': ${error}`;
export const unexpectedProperty = (property: string): string => `Unexpected property: '${property}'.`;
export const invalidType = (expected: string, found: string): string => `Invalid type: expected ${expected}, found ${found}.`;
// extensions/renderer/bindings/api_invocation_errors.cc (kInvalidEnumValue, kIndexError)
export const invalidEnumValue = (allowed: readonly string[] | string): string =>
  `Value must be one of ${typeof allowed === 'string' ? allowed : allowed.join(', ')}.`;
export const indexError = (index: number, error: string): string => `Error at index ${index}: ${error}`;
export const tooLow = (minimum: number): string => `Value must be at least ${minimum}.`;
export const missingRequiredProperty = (property: string): string => `Missing required property '${property}'.`;

// extensions/browser/api/messaging/native_message_host.cc and message_service.cc
export const NATIVE_HOST_INVALID_NAME = 'Invalid native messaging host name specified.';
export const NATIVE_HOST_NOT_FOUND = 'Specified native messaging host not found.';
export const NATIVE_HOST_FORBIDDEN = 'Access to the specified native messaging host is forbidden.';
export const NATIVE_HOST_FAILED_TO_START = 'Failed to start native messaging host.';
export const NATIVE_HOST_EXITED = 'Native host has exited.';
export const NATIVE_HOST_COMMUNICATION_ERROR = 'Error when communicating with the native messaging host.';
export const NATIVE_MESSAGING_PERMISSION_REQUIRED = 'Access to native messaging requires nativeMessaging permission.';
export const NATIVE_MESSAGING_NOT_SUPPORTED = 'Native Messaging is not supported on this platform.';
// chrome/browser/extensions/api/messaging/native_messaging_host_manifest.cc: why a host manifest is
// refused. Chrome only logs these; the extension sees NATIVE_HOST_NOT_FOUND. `switchboard native check` shows them.
export const HOST_MANIFEST_NOT_A_DICTIONARY = 'Invalid manifest file.';
export const HOST_MANIFEST_INVALID_NAME = 'Invalid value for name.';
export const HOST_MANIFEST_INVALID_DESCRIPTION = 'Invalid value for description.';
export const HOST_MANIFEST_INVALID_TYPE = 'Invalid value for type.';
export const HOST_MANIFEST_INVALID_PATH = 'Invalid value for path.';
export const HOST_MANIFEST_ORIGINS_NOT_A_LIST = 'Invalid value for allowed_origins. Expected a list of strings.';
export const HOST_MANIFEST_ORIGIN_NOT_A_STRING = 'allowed_origins must be list of strings.';
export const hostManifestPatternUnparsable = (pattern: string, parseError: string): string =>
  `Failed to parse pattern "${pattern}": ${parseError}`;
export const hostManifestPatternNotAllowed = (pattern: string): string => `Pattern "${pattern}" is not allowed.`;
export const HOST_MANIFEST_NATIVE_INITIATED_NOT_BOOLEAN = 'supports_native_initiated_connections must be a boolean.';
// chrome/browser/extensions/api/messaging/native_process_launcher.cc (logged)
export const HOST_MANIFEST_NAME_MISMATCH = 'Invalid name specified in the manifest.';
// chrome/browser/extensions/api/messaging/native_process_launcher_win.cc (logged)
export const HOST_MANIFEST_PATH_NOT_ABSOLUTE = 'Path to native messaging host manifest must be absolute.';
export const nativeHostNotRegistered = (name: string): string => `Native messaging host ${name} is not registered.`;
// chrome/browser/extensions/api/messaging/chrome_messaging_delegate.cc
export const NATIVE_HOST_BLOCKED_BY_POLICY =
  'Access to the native messaging host was disabled by the system administrator.';

// extensions/common/manifest_handlers/externally_connectable.cc (install errors and warnings)
export const externallyConnectableInvalidMatch = (pattern: string): string => `Invalid match pattern '${pattern}'`;
export const externallyConnectableInvalidId = (id: string): string => `Invalid ID '${id}'`;
export const EXTERNALLY_CONNECTABLE_NOTHING_CAN_CONNECT =
  "'externally_connectable' specifies neither 'matches' nor 'ids'; nothing will be able to connect";
export const EXTERNALLY_CONNECTABLE_TLS_WITHOUT_MATCHES =
  "'externally_connectable' specifies 'accepts_tls_channel_id' but not 'matches'; 'accepts_tls_channel_id' has no efect";

// extensions/renderer/bindings/api_request_handler.cc: an exception thrown by an API callback
export const errorHandlingResponse = (error: string): string => `Error handling response: ${error}`;

// extensions/common/manifest_constants.cc (manifest_errors): loading refuses the extension
export const MANIFEST_INVALID_NAME = "Required value 'name' is missing or invalid.";
export const MANIFEST_INVALID_VERSION =
  "Required value 'version' is missing or invalid. It must be between 1-4 dot-separated integers each between 0 and 65536.";
export const MANIFEST_INVALID_BACKGROUND_SERVICE_WORKER = "Invalid value for 'background.service_worker'.";
export const MANIFEST_INVALID_BACKGROUND_TYPE = "Invalid value for 'background.type'.";
export const MANIFEST_INVALID_PERMISSIONS = "Invalid value for 'permissions'.";
// Switchboard emulates Manifest V3 only: Chrome 156 no longer runs Manifest V2 extensions.
export const manifestVersionUnsupported = (found: unknown): string =>
  `'manifest_version' must be 3: Switchboard loads Manifest V3 extensions only (found ${JSON.stringify(found) ?? 'nothing'}).`;

// extensions/common/manifest_constants.cc (manifest_errors): content_scripts
export const contentScriptInvalidMatchCount = (index: number): string =>
  `Invalid value for 'content_scripts[${index}].matches'. There must be at least one match specified.`;
export const contentScriptInvalidMatch = (index: number, matchIndex: number, parseError: string): string =>
  `Invalid value for 'content_scripts[${index}].matches[${matchIndex}]': ${parseError}`;
export const contentScriptInvalidExcludeMatch = (index: number, matchIndex: number, parseError: string): string =>
  `Invalid value for 'content_scripts[${index}].exclude_matches[${matchIndex}]': ${parseError}`;
export const contentScriptMissingFile = (index: number): string =>
  `At least one js or css file is required for 'content_scripts[${index}]'.`;
export const MATCH_ORIGIN_AS_FALLBACK_CANT_HAVE_PATHS =
  "The path component for scripts with 'match_origin_as_fallback' must be '*'.";
export const MATCH_ORIGIN_AS_FALLBACK_RESTRICTED_TO_MV3 =
  "The 'match_origin_as_fallback' property is restricted to extensions with 'manifest_version' set to 3 or higher.";
export const EXECUTION_WORLD_RESTRICTED_TO_MV3 =
  "The 'world' property is restricted to extensions with 'manifest_version' set to 3 or higher.";

// tools/json_schema_compiler (cc_generator.py, util.cc) error texts of the
// generated manifest parsers, as chrome/common/extensions/manifest_tests/*_unittest.cc expect them.
export const schemaTypeError = (expected: string, found: unknown): string =>
  `expected ${expected}, got ${valueTypeName(found)}`;
export const schemaPropertyTypeError = (key: string, expected: string, found: unknown): string =>
  `'${key}': ${schemaTypeError(expected, found)}`;
export const schemaRequiredError = (key: string): string => `'${key}' is required`;
export const schemaArrayItemError = (key: string, index: number, error: string): string =>
  `Error at key '${key}': Parsing array failed at index ${index}: ${error}`;
export const schemaEnumError = (key: string, values: readonly string[], found: string): string =>
  `'${key}': expected ${values.map((v) => `"${v}"`).join(' or ')}, got "${found}"`;
export const manifestKeyArrayItemError = (key: string, index: number, error: string): string =>
  `Error at key '${key}'. Parsing array failed at index ${index}: ${error}`;
export const manifestKeyTypeError = (key: string, expected: string, found: unknown): string =>
  `Error at key '${key}'. Type is invalid. Expected ${expected}, found ${valueTypeName(found)}.`;

// extensions/common/url_pattern.cc (kParseResultMessages)
export const PARSE_ERROR_MISSING_SCHEME_SEPARATOR = 'Missing scheme separator.';
export const PARSE_ERROR_INVALID_SCHEME = 'Invalid scheme.';
export const PARSE_ERROR_WRONG_SCHEME_TYPE = 'Wrong scheme type.';
export const PARSE_ERROR_EMPTY_HOST = 'Host can not be empty.';
export const PARSE_ERROR_INVALID_HOST_WILDCARD = 'Invalid host wildcard.';
export const PARSE_ERROR_EMPTY_PATH = 'Empty path.';
export const PARSE_ERROR_INVALID_PORT = 'Invalid port.';
export const PARSE_ERROR_INVALID_HOST = 'Invalid host.';

/**
 * base::Value::GetTypeName for a value parsed from JSON. base::JSONReader makes a whole number that
 * fits in 32 bits an "integer" and any other number a "double"; JavaScript cannot tell 1.0 from 1,
 * so 1.0 is reported as "integer" here.
 */
export function valueTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 ? 'integer' : 'double';
  }
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Uint8Array) return 'binary';
  return 'dictionary';
}

// Loading an unpacked extension from disk and running its files (the loader).
// extensions/common/file_util.cc LoadManifest (IDS_EXTENSION_MANIFEST_UNREADABLE).
export const MANIFEST_UNREADABLE = 'Manifest file is missing or unreadable';

// file_util.cc LoadManifest, then base::JSONReader's own error text (which differs from V8's).
export const manifestNotValidJson = (detail: string): string => `Manifest is not valid JSON.  ${detail}`;

// background_manifest_handler.cc Validate (IDS_EXTENSION_LOAD_BACKGROUND_SCRIPT_FAILED).
export const backgroundScriptMissing = (path: string): string => `Could not load background script '${path}'.`;

// content_scripts_handler.cc Validate (IDS_EXTENSION_LOAD_JAVASCRIPT_FAILED).
export const contentScriptJsMissing = (path: string): string => `Could not load javascript '${path}' for script.`;

// The DevTools console line for a resource that is not in the extension (net::ERR_FILE_NOT_FOUND).
export const RESOURCE_NOT_FOUND = 'Failed to load resource: net::ERR_FILE_NOT_FOUND';

// worker_global_scope.cc ImportScriptsInternal, for a module worker.
export const IMPORT_SCRIPTS_IN_MODULE =
  "Failed to execute 'importScripts' on 'WorkerGlobalScope': Module scripts don't support importScripts().";

// worker_global_scope.cc ImportScriptsInternal: a script that cannot be fetched.
export const importScriptsFailed = (url: string): string =>
  `Failed to execute 'importScripts' on 'WorkerGlobalScope': The script at '${url}' failed to load.`;

// modulator_impl_base.cc ResolveModuleSpecifier: a bare specifier without an import map.
export const bareModuleSpecifier = (specifier: string): string =>
  `Failed to resolve module specifier "${specifier}". Relative references must start with either "/", "./", or "../".`;

// third_party/blink/renderer/core/script/dynamic_module_resolver.cc ResolveDynamically: import()
// of a specifier that is neither a URL nor a path starting "/", "./" or "../" ("fs").
export const dynamicImportUnresolved = (specifier: string): string => `Failed to resolve module specifier '${specifier}'`;

// dynamic_module_resolver.cc DynamicImportTreeClient: import() of a URL whose module graph could
// not be fetched (a missing file, a scheme nothing serves such as "node:fs", another extension's file).
export const dynamicImportFetchFailed = (url: string): string => `Failed to fetch dynamically imported module: ${url}`;

// service_worker_global_scope.cc: dynamic import() is not allowed in service workers.
export const DYNAMIC_IMPORT_IN_SERVICE_WORKER = 'import() is disallowed on ServiceWorkerGlobalScope by the HTML specification. See https://github.com/w3c/ServiceWorker/issues/1356.';

// content_security_policy.cc: MV3 extension pages may not run inline scripts (script-src 'self').
export const INLINE_SCRIPT_REFUSED =
  "Refused to execute inline script because it violates the following Content Security Policy directive: \"script-src 'self'\". Either the 'unsafe-inline' keyword, a hash ('sha256-...'), or a nonce ('nonce-...') is required to enable inline execution.";

// Switchboard's own: a real extension touched a chrome.* member Chrome 156 has here and Switchboard lacks.
export const notImplemented = (path: string): string =>
  `Switchboard does not implement ${path} yet (Chrome has it in this context): it reads undefined here.`;

// service_worker_global_scope.cc: a module service worker may not use top-level await.
export const TOP_LEVEL_AWAIT_IN_SERVICE_WORKER = 'Top-level await is disallowed in service workers.';

// chrome/browser/extensions/api/runtime/chrome_runtime_api_delegate.cc via runtime_api.cc (kFailedToCreateOptionsPage)
export const OPTIONS_PAGE_MISSING = 'Could not create an options page.';

// third_party/blink/renderer/core/fetch/fetch_manager.cc: a network error, as fetch() rejects with it.
export const FETCH_FAILED = 'Failed to fetch';
// A module of a worker's graph that could not be fetched (the text module-graph.ts always reported)
export const moduleFetchFailed = (url: string): string => `${FETCH_FAILED} module script: ${url}`;

// fetch_manager.cc via request.cc: fetch() of a string that is no URL, from a worker.
export const fetchUrlInvalid = (url: string): string => `Failed to execute 'fetch' on 'WorkerGlobalScope': Failed to parse URL from ${url}`;

// third_party/blink/renderer/modules/cache_storage/cache.cc: what Cache.put and Cache.add refuse.
export const cacheSchemeUnsupported = (method: 'put' | 'add' | 'addAll', scheme: string): string =>
  `Failed to execute '${method}' on 'Cache': Request scheme '${scheme}' is unsupported`;
export const cacheMethodUnsupported = (method: 'put' | 'add' | 'addAll', requestMethod: string): string =>
  `Failed to execute '${method}' on 'Cache': Request method '${requestMethod}' is unsupported`;
export const cacheRequestFailed = (method: 'add' | 'addAll'): string => `Failed to execute '${method}' on 'Cache': Request failed`;

// chrome/browser/extensions/api/tabs/tabs_constants.cc (kTabNotFoundError, kWindowNotFoundError)
export const tabNotFound = (tabId: number): string => `No tab with id: ${tabId}.`;
export const windowNotFound = (windowId: number): string => `No window with id: ${windowId}.`;
// tabs_constants.cc (kInvalidUrlPatternError, used by TabsQueryFunction)
export const invalidUrlPattern = (pattern: string): string => `Invalid url pattern '${pattern}'`;
// chrome/browser/extensions/extension_tab_util.cc PrepareURLForNavigation (tabs_constants.cc kInvalidUrlError)
export const invalidTabUrl = (url: string): string => `Invalid url: "${url}".`;
// tabs_constants.cc (kNotFoundNextPageError): tabs.goBack and tabs.goForward both say "next page"
export const NO_NEXT_PAGE_IN_HISTORY = 'Cannot find a next page in history.';
// tabs_constants.cc (kNoCurrentWindowError, kNoLastFocusedWindowError, kNoSelectedTabError)
export const NO_CURRENT_WINDOW = 'No current window';
export const NO_LAST_FOCUSED_WINDOW = 'No last-focused window';
export const NO_SELECTED_TAB = 'No selected tab';

// extensions/browser/api/storage/storage_api.cc: a content script reaching storage.session while its
// access level is TRUSTED_CONTEXTS (observed in Chromium 156)
export const STORAGE_ACCESS_NOT_ALLOWED = 'Access to storage is not allowed from this context.';
// extensions/browser/api/storage/storage_api.cc (StorageStorageAreaSetAccessLevelFunction): from a content script
export const STORAGE_CANNOT_SET_ACCESS_LEVEL = 'Context cannot set the storage access level';
// components/value_store/... policy_value_store.cc (kReadOnlyStoreError): storage.managed's set, remove, clear
export const STORAGE_READ_ONLY = 'This is a read-only store.';
// extensions/browser/api/storage/settings_storage_quota_enforcer.cc (QuotaExceededError): Chromium 156
// names the resource by its enumerator, as observed
export const STORAGE_QUOTA_BYTES = 'Resource::kQuotaBytes quota exceeded';
export const STORAGE_QUOTA_BYTES_PER_ITEM = 'Resource::kQuotaBytesPerItem quota exceeded';
export const STORAGE_MAX_ITEMS = 'Resource::kMaxItems quota exceeded';
// extensions/browser/api/storage/session_storage_manager.cc (ExtensionStorage::Set)
export const SESSION_STORAGE_QUOTA_EXCEEDED = 'Session storage quota bytes exceeded. Values were not stored.';
// components/value_store/leveldb_value_store.cc: binary (an ArrayBuffer, a typed array) in storage.local or .sync
export const STORAGE_CANNOT_SERIALIZE = 'Cannot serialize value to JSON';
// extensions/renderer/bindings/argument_spec.cc (api_errors::InvalidChoice)
export const INVALID_CHOICE = 'Value did not match any choice.';

// extensions/browser/api/alarms/alarms_api.cc: alarms.create's failures (observed in Chromium 156).
export const ALARM_NAME_BOTH_WAYS = 'Cannot set alarm name in both separate argument and object form.';
export const ALARM_BOTH_RELATIVE_AND_ABSOLUTE = 'Cannot set both when and delayInMinutes.';
export const ALARM_NO_SCHEDULED_TIME = 'Must set at least one of when, delayInMinutes, or periodInMinutes.';
export const tooManyAlarms = (max: number): string => `An extension cannot have more than ${max} active alarms.`;
export const alarmNameTooLong = (bytes: number, limit: number): string => `Alarm name size is ${bytes} bytes which exceeds the limit of ${limit} bytes.`;
// extensions/browser/api/alarms/alarms_api.cc: the console warning of a delay or period under the
// minimum ("1 second" for an unpacked extension, observed in Chromium 156).
export const alarmBelowMinimum = (what: 'delay' | 'period', seconds: number, name: string): string =>
  `Alarm ${what} is less than the minimum duration of ${seconds} ${seconds === 1 ? 'second' : 'seconds'}. Alarm "${name}" will fire after the minimum duration.`;
// extensions/renderer/bindings/api_invocation_errors.cc kNumberIsNaNOrInfinity (observed in Chromium 156).
export const NUMBER_NAN_OR_INFINITY = 'Value must not be NaN or Infinity.';

// chrome/browser/extensions/api/extension_action/extension_action_api.cc
export const ACTION_INVALID_COLOR = 'The color specification could not be parsed.';
export const ACTION_INVALID_POPUP = 'The specified popup path is invalid. Ensure it is a path to a file in this extension.';
export const ACTION_NO_POPUP = 'Extension does not have a popup on the active tab.';
export const ACTION_ICON_MISSING_PROPERTY = 'Either the path or imageData property must be specified.';
// extension_action_api.cc ExtensionActionSetIconFunction: the icon file could not be loaded (observed in Chromium 156)
export const actionIconFailed = (path: string): string => `Failed to set icon '${path}': Failed to fetch`;

// extensions/common/manifest_constants.cc (manifest_errors::kCannotAccessPage): scripting.* into a
// frame whose URL the extension has no host permission for
export const CANNOT_ACCESS_PAGE = 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';
// extensions/browser/scripting_utils.cc (kInvalidTabIdError): no trailing period, unlike tabs'
export const scriptingTabNotFound = (tabId: number): string => `No tab with id: ${tabId}`;
// scripting_utils.cc (kInvalidAllFramesTargetError, kInvalidTargetIdsError)
export const SCRIPTING_ALL_FRAMES_WITH_IDS = "Cannot specify 'allFrames' if either 'frameIds' or 'documentIds' is specified.";
export const SCRIPTING_FRAME_AND_DOCUMENT_IDS = "Cannot specify both 'frameIds' and 'documentIds'.";
// scripting_utils.cc (kInvalidDocumentIdError, kInvalidDocumentIdForTabError, kInvalidFrameIdError)
export const scriptingInvalidDocumentId = (id: string): string => `Invalid document id ${id}`;
export const scriptingNoDocumentInTab = (id: string, tabId: number): string => `No document with id ${id} in tab with id ${tabId}`;
export const scriptingNoFrameInTab = (frameId: number, tabId: number): string => `No frame with id ${frameId} in tab with id ${tabId}`;
// scripting_utils.cc GetFileResources (kAtLeastOneFileError, kCouldNotLoadFileError, kDuplicateFileSpecifiedError)
export const SCRIPTING_AT_LEAST_ONE_FILE = 'At least one file must be specified.';
export const scriptingCouldNotLoadFile = (file: string): string => `Could not load file: '${file}'.`;
export const scriptingDuplicateFile = (file: string): string => `Duplicate file specified: '${file}'.`;
// scripting_utils.cc IsScriptIdValid (kEmptyScriptIdError, kReservedScriptIdPrefixError), RemoveScripts (kNonExistentScriptIdError)
export const SCRIPTING_EMPTY_SCRIPT_ID = "Script's ID must not be empty";
export const scriptingReservedScriptId = (id: string): string => `Script's ID '${id}' must not start with '_'`;
export const scriptingNonexistentScriptId = (id: string): string => `Nonexistent script ID '${id}'`;
// extensions/browser/scripting_utils.h CreateDynamicScriptIds, UpdateScripts
export const scriptingDuplicateScriptId = (id: string): string => `Duplicate script ID '${id}'`;
export const scriptingScriptNotRegistered = (id: string): string => `Script with ID '${id}' does not exist or is not fully registered`;
// extensions/browser/api/scripting/scripting_api.cc (ScriptingExecuteScriptFunction::Run)
export const SCRIPTING_FUNC_AND_FUNCTION = "Both 'func' and 'function' were specified. Only 'func' should be used.";
export const SCRIPTING_EXACTLY_ONE_OF_FUNC_AND_FILES = "Exactly one of 'func' and 'files' must be specified";
export const SCRIPTING_ARGS_WITH_FILES = "'args' may not be used with file injections.";
// scripting_api.cc (kExactlyOneOfCssAndFilesError, kEmptyMatchesError)
export const SCRIPTING_EXACTLY_ONE_OF_CSS_AND_FILES = "Exactly one of 'css' and 'files' must be specified.";
export const scriptingMatchesRequired = (id: string): string => `Script with ID '${id}' must specify 'matches'.`;
// extensions/common/utils/content_script_utils.cc (errors::kInvalidMatchCount, kInvalidMatch, kInvalidExcludeMatch,
// kNoJsOrCssFiles as ParseSerializedUserScript words them for a dynamic script; observed in Chromium 156)
export const scriptingNoMatch = (id: string): string => `Script with ID '${id}' must specify at least one match.`;
export const scriptingInvalidMatch = (id: string, index: number, error: string): string =>
  `Script with ID '${id}' has invalid value for matches[${index}]: ${error}`;
export const scriptingInvalidExcludeMatch = (id: string, index: number, error: string): string =>
  `Script with ID '${id}' has invalid value for exclude_matches[${index}]: ${error}`;
export const scriptingNoFiles = (id: string): string => `Script with ID '${id}' must specify at least one js or css file.`;
// content_script_utils.cc ValidateFileSources (errors::kInvalidCssFile), beside contentScriptJsMissing
export const contentScriptCssMissing = (path: string): string => `Could not load css '${path}' for script.`;
// extensions/renderer/bindings/argument_spec.cc (api_errors::kUnserializableValue)
export const UNSERIALIZABLE_VALUE = 'Value is unserializable.';
// scripting_api.cc (ScriptingExecuteScriptFunction::Run): an argument base::JSONWriter cannot write (binary)
export const SCRIPTING_UNSERIALIZABLE_ARGUMENT = 'Unserializable argument passed.';

// extensions/browser/api/offscreen/offscreen_api.cc
export const OFFSCREEN_NO_REASON = 'A `reason` must be provided.';
export const OFFSCREEN_INVALID_URL = 'Invalid URL.';
export const OFFSCREEN_PAGE_FAILED = 'Page failed to load.';
export const OFFSCREEN_ALREADY_EXISTS = 'Only a single offscreen document may be created.';
export const OFFSCREEN_NONE = 'No current offscreen document.';

// extensions/common/extension_l10n_util.cc and manifest_constants.cc (errors::kLocalesTreeMissing,
// kLocalesNoDefaultLocaleSpecified, kLocalesNoDefaultMessages, kLocalesInvalidLocale); observed in Chromium 156
export const LOCALES_TREE_MISSING = 'Default locale was specified, but _locales subtree is missing.';
export const LOCALES_NO_DEFAULT_LOCALE = "Localization used, but default_locale wasn't specified in the manifest.";
export const localeCatalogMissing = (locale: string): string => `Catalog file is missing for locale ${locale}.`;
export const invalidLocaleFile = (path: string, error: string): string => `Invalid locale file '${path}': ${error}`;
// extensions/common/message_bundle.cc (ReplaceVariables, GetMessageValue, GetPlaceholders)
export const variableUsedButNotDefined = (variable: string): string => `Variable ${variable} used but not defined.`;
export const noMessageElement = (key: string): string => `There is no "message" element for key ${key}.`;
export const invalidContentElement = (key: string): string => `Invalid "content" element for key ${key}.`;

// extensions/common/permissions/permissions_info / api/permissions/permissions_api_helpers.cc (kUnknownPermissionError,
// kInvalidOrigin) and permissions_api.cc (kCantRemoveRequiredPermissionsError, kNotInManifestPermissionsError,
// kUserGestureRequiredError); observed in Chromium 156
export const unknownPermission = (permission: string): string => `'${permission}' is not a recognized permission.`;
export const invalidOriginPattern = (origin: string, error: string): string => `Invalid value for origin pattern ${origin}: ${error}`;
export const PERMISSIONS_CANT_REMOVE_REQUIRED = 'You cannot remove required permissions.';
export const PERMISSIONS_NOT_IN_MANIFEST = 'Only permissions specified in the manifest may be requested.';
export const PERMISSIONS_USER_GESTURE_REQUIRED = 'This function must be called during a user gesture';
// permissions_api.cc (PermissionsAddHostAccessRequestFunction, kTabIdOrDocumentIdRequired, kNoDocumentError)
export const PERMISSIONS_TAB_OR_DOCUMENT_REQUIRED = "Must specify either 'documentId' or 'tabId'.";
export const permissionsNoDocument = (documentId: string): string => `No document with ID '${documentId}'.`;

// extensions/browser/api/management/management_api.cc (keys::kNoExtensionError, kExtensionCreateError)
export const managementNoExtension = (id: string): string => `Failed to find extension with id ${id}.`;
export const MANAGEMENT_CREATE_ERROR = 'Failed to create extension from manifest.';

// extensions/renderer/bindings/argument_spec.cc (api_errors::TooManyStringCharacters... kStringTooLong)
export const stringTooLong = (maximum: number, found: number): string => `String must have at most ${maximum} characters; found ${found}.`;

// chrome/browser/extensions/api/side_panel/side_panel_api.cc and side_panel_service.cc (observed in Chromium 156)
export const SIDE_PANEL_USER_GESTURE = '`sidePanel.open()` may only be called in response to a user gesture.';
export const SIDE_PANEL_TAB_OR_WINDOW = 'At least one of `tabId` and `windowId` must be provided';
export const SIDE_PANEL_TAB_NOT_IN_WINDOW = 'The specified tab does not belong to the specified window.';
export const sidePanelNoActivePanel = (kind: 'tabId' | 'windowId', id: number): string => `No active side panel for ${kind}: ${id}`;

// chrome/browser/extensions/api/context_menus/context_menus_api_helpers.cc and context_menus_api.cc (kIdRequiredError)
export const CONTEXT_MENUS_ID_REQUIRED = 'Extensions using event pages or Service Workers must pass an id parameter to chrome.contextMenus.create';
export const CONTEXT_MENUS_ONCLICK_DISALLOWED =
  'Extensions using event pages or Service Workers cannot pass an onclick parameter to chrome.contextMenus.create. Instead, use the chrome.contextMenus.onClicked event.';
export const CONTEXT_MENUS_CHECKED = 'Only items with type "radio" or "checkbox" can be checked';
export const CONTEXT_MENUS_PARENTS_MUST_BE_NORMAL = 'Parent items must have type "normal"';
export const CONTEXT_MENUS_TITLE_NEEDED = 'All menu items except for separators must have a title';
export const CONTEXT_MENUS_LAUNCHER_NOT_ALLOWED = "Only packaged apps are allowed to use 'launcher' context";
export const contextMenusDuplicateId = (id: string): string => `Cannot create item with duplicate id ${id}`;
export const contextMenusCannotFindItem = (id: string | number): string => `Cannot find menu item with id ${id}`;
// chrome/browser/extensions/menu_manager.cc (PopulateURLPatterns: extension_manifest_errors kInvalidURLPatternError)
export const contextMenusInvalidUrlPattern = (pattern: string): string => `Invalid url pattern '${pattern}'`;
// extensions/browser/extension_function.cc (kUnknownErrorDoNotUse): a failure without a message (a parent cycle in update)
export const UNKNOWN_ERROR = 'Unknown error.';

// chrome/browser/extensions/api/omnibox/omnibox_api.cc: the description's XML, parsed by libxml2 in the data decoder
// (observed in Chromium 156: the kind of failure, libxml2's message, and the fragment parsed)
export const omniboxInvalidXml = (kind: string, message: string, fragment: string): string =>
  `Invalid XML: ${kind}: Entity: line 1: parser error : ${message}\n${fragment}`;
// V8's TypeError for reading a property of undefined, as omnibox's custom bindings hit it (observed in Chromium 156)
export const cannotReadPropertiesOf = (value: string, property: string): string => `Cannot read properties of ${value} (reading '${property}')`;

// chrome/browser/extensions/api/tab_capture/tab_capture_api.cc (kGrantError, kInvalidTabIdError)
export const TAB_CAPTURE_NOT_INVOKED =
  'Extension has not been invoked for the current page (see activeTab permission). Chrome pages cannot be captured.';
export const TAB_CAPTURE_INVALID_TAB = 'Invalid tab specified.';

// chrome/browser/extensions/api/web_navigation/web_navigation_api.cc (GetFrameFunction::Run)
export const WEB_NAVIGATION_FRAME_REQUIRED = 'Either documentId or both tabId and frameId must be specified.';
export const WEB_NAVIGATION_INVALID_DOCUMENT_ID = 'Invalid documentId.';
// extensions/renderer/bindings/event_emitter.cc and api_event_listeners.cc (filtered events)
export const EVENT_NO_FILTERS = 'This event does not support filters';
export const EVENT_INVALID_INVOCATION = 'Invalid invocation';
export const EVENT_FILTER_URL_NOT_ARRAY = 'filters.url should be an array.';
export const EVENT_COULD_NOT_ADD_LISTENER = 'Could not add listener';

// extensions/browser/api/runtime/runtime_api.cc (kErrorOnlyKioskModeAllowed; observed in Chromium 156)
export const RUNTIME_KIOSK_ONLY = 'API available only for ChromeOS kiosk mode.';
// extensions/renderer/api/runtime_hooks_delegate.cc (kNoBackgroundPage... observed in Chromium 156 from an MV3 page)
export const RUNTIME_NO_BACKGROUND_PAGE = 'You do not have a background page.';
