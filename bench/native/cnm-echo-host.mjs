#!/usr/bin/env node
/** The same echo host written with the peer library, chrome-native-messaging (its Input/Output transforms). */
import nativeMessaging from 'chrome-native-messaging';

const echo = new nativeMessaging.Transform((message, push, done) => {
  push(message);
  done();
});
process.stdin.pipe(new nativeMessaging.Input()).pipe(echo).pipe(new nativeMessaging.Output()).pipe(process.stdout);
