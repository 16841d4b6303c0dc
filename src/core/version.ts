/**
 * The Chrome behaviour era. Chromium changed observable messaging behaviour across releases;
 * a browser emulates one version, by default the Chromium that installs on these machines.
 */
export const DEFAULT_CHROME_VERSION = 156;

export interface BehaviourFeatures {
  /** M144 RuntimeOnMessageWebExtensionPolyfillSupport: Promise returns and listener errors reach the sender. */
  readonly onMessagePromiseReturns: boolean;
  /** About M149: MESSAGE_TOO_LARGE replaced the older size error text. */
  readonly sizeErrorNamesLimit: boolean;
  /** M123 DisconnectExtensionMessagePortWhenPageEntersBFCache: a page entering the back/forward cache closes its ports. */
  readonly bfcacheClosesPorts: boolean;
  /** M144: the `browser` namespace is an alias of `chrome`. */
  readonly browserNamespace: boolean;
}

export function featuresOf(chromeVersion: number): BehaviourFeatures {
  if (!Number.isInteger(chromeVersion) || chromeVersion < 100) {
    throw new RangeError(`chromeVersion must be an integer Chrome milestone of at least 100, got ${String(chromeVersion)}`);
  }
  return {
    onMessagePromiseReturns: chromeVersion >= 144,
    sizeErrorNamesLimit: chromeVersion >= 149,
    bfcacheClosesPorts: chromeVersion >= 123,
    browserNamespace: chromeVersion >= 144,
  };
}
