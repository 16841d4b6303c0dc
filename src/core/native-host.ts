/**
 * The receiver end of a channel to a native messaging host, as the message service sees it
 * (Chromium's NativeMessagePort over a NativeMessageHost). The host's process, its manifest and
 * its wire protocol live outside the core (src/native/browser); the service only routes.
 */
export interface NativeHostEndpoint {
  /** A message from the extension: the JSON text its renderer produced. Queued until the host runs. */
  postMessage(text: string): void;
  /** The channel closed on the extension's side, or with an error: end the host as Chrome does. Idempotent. */
  close(): void;
}

/** How a native host reports back to the message service (NativeMessageHost::Client). */
export interface NativeHostClient {
  /** A message from the host, as text. It may not be JSON: the receiving context decides. */
  postMessageFromNativeHost(message: string): void;
  /** The host is gone or unusable; `error` is one of Chrome's native messaging errors. */
  closeChannel(error: string): void;
}

/** What the extension asks for: a host by name, on behalf of one extension. */
export interface NativeHostRequest {
  readonly hostName: string;
  readonly extensionId: string;
}

/**
 * Starts native hosts for the browser (NativeMessageHost::Create and the process launcher). It
 * returns at once; lookup, checks and launch failures arrive later through `client.closeChannel`.
 */
export interface NativeHostLauncher {
  start(request: NativeHostRequest, client: NativeHostClient): NativeHostEndpoint;
}
