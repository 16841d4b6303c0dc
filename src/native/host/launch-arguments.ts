/**
 * What Chrome puts on a host's command line (chrome/browser/extensions/api/messaging/
 * native_process_launcher.cc): `<origin> [--parent-window=<HWND>]`, where the origin is
 * `chrome-extension://<id>/` and always comes first. `--parent-window` is Windows only (0 when the
 * caller is a service worker). Hosts that support native-initiated connections may also get
 * `--reconnect-command=<base64 JSON argv>` and `--native-messaging-connect-id=<id>`.
 */
export interface LaunchArguments {
  /** `chrome-extension://<id>/`, or undefined when the host was not started by Chrome. */
  readonly origin: string | undefined;
  /** The calling extension's id, from the origin. */
  readonly extensionId: string | undefined;
  /** Windows: the calling window's HWND, 0 for a service worker. */
  readonly parentWindow: number | undefined;
  /** The argv (decoded from base64 JSON) that starts this host again with a native-initiated connection. */
  readonly reconnectCommand: readonly string[] | undefined;
  readonly connectId: string | undefined;
}

const ORIGIN = /^chrome-extension:\/\/([^/]+)\/$/;

/** Reads the arguments after the script name (`process.argv.slice(2)`). Unknown arguments are ignored. */
export function parseLaunchArguments(args: readonly string[]): LaunchArguments {
  const first = args[0];
  const match = first === undefined ? null : ORIGIN.exec(first);
  const option = (name: string): string | undefined => {
    const prefix = `--${name}=`;
    return args.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  };
  const parentWindow = option('parent-window');
  const reconnect = option('reconnect-command');
  return {
    origin: match ? first : undefined,
    extensionId: match?.[1],
    parentWindow: parentWindow !== undefined && /^\d+$/.test(parentWindow) ? Number(parentWindow) : undefined,
    reconnectCommand: reconnect === undefined ? undefined : decodeReconnectCommand(reconnect),
    connectId: option('native-messaging-connect-id'),
  };
}

function decodeReconnectCommand(base64: string): readonly string[] | undefined {
  try {
    const argv: unknown = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
    return Array.isArray(argv) && argv.every((arg) => typeof arg === 'string') ? argv : undefined;
  } catch {
    return undefined;
  }
}
