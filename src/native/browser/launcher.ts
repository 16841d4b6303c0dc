/**
 * The browser's NativeHostLauncher: looks a host up and checks it as Chrome does (resolve-host.ts),
 * then runs it as a real process (process-host.ts). Lookup happens off the caller's turn, as on
 * Chrome's blocking thread pool, so every failure reaches the extension asynchronously.
 */
import type { NativeHostLauncher } from '../../core/native-host.ts';
import { NativeMessageProcessHost, type HostProcessInfo, type HostStderr } from './process-host.ts';
import { resolveNativeHost } from './resolve-host.ts';
import type { ManifestLookupOptions } from './manifest-lookup.ts';

export interface NativeMessagingOptions extends ManifestLookupOptions {
  /** Where hosts' stderr goes: 'inherit' (default, as Chrome), 'ignore', or a function per chunk. */
  readonly stderr?: HostStderr;
  /** Called for every host process started, with its pid and a promise of its exit. */
  readonly onHostProcess?: (host: { readonly hostName: string; readonly extensionId: string } & HostProcessInfo) => void;
}

export function createNativeHostLauncher(options: NativeMessagingOptions = {}): NativeHostLauncher {
  return {
    start(request, client) {
      const host = new NativeMessageProcessHost(client, options.stderr === undefined ? {} : { stderr: options.stderr });
      setImmediate(() => {
        const resolution = resolveNativeHost(request.hostName, request.extensionId, options);
        if (resolution.error !== undefined || !resolution.command) {
          host.fail(resolution.error ?? '');
          return;
        }
        const started = host.launch(resolution.command);
        if (started) options.onHostProcess?.({ ...request, ...started });
      });
      return host;
    },
  };
}
