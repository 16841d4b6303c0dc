/** Types for the peer chrome-native-messaging 0.2 (it ships none): its CommonJS transform streams. */
declare module 'chrome-native-messaging' {
  import { Transform as StreamTransform } from 'node:stream';

  /** Native messaging frames (bytes) in, parsed messages (objects) out. */
  export class Input extends StreamTransform {}
  /** Messages (objects) in, frames out: a little-endian length, then the JSON. */
  export class Output extends StreamTransform {}
  /** Messages in, replies out: `handler(message, push, done)`. */
  export class Transform extends StreamTransform {
    constructor(handler: (message: unknown, push: (reply: unknown) => void, done: () => void) => void);
  }
  export class Debug extends StreamTransform {}

  const nativeMessaging: { Input: typeof Input; Output: typeof Output; Transform: typeof Transform; Debug: typeof Debug };
  export default nativeMessaging;
}
