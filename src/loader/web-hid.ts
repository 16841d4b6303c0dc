/**
 * `navigator.hid` (WebHID) of a machine with no HID device, as headless Chromium 156 on this machine
 * has it: getDevices() finds none, and requestDevice() needs the user's gesture, which no script
 * has. Extension service workers and secure pages have it.
 */
interface HidRealm {
  readonly Promise: PromiseConstructor;
  readonly EventTarget: typeof EventTarget;
  readonly DOMException: typeof DOMException;
  readonly Array: ArrayConstructor;
}

// third_party/blink/renderer/modules/hid/hid.cc: observed in Chromium 156 from an extension page and a service worker
const REQUEST_DEVICE_WITHOUT_GESTURE = "Failed to execute 'requestDevice' on 'HID': Must be handling a user gesture to show a permission request.";

export function createHid(realm: HidRealm): object {
  const hid = new realm.EventTarget() as EventTarget & Record<string, unknown>;
  Object.defineProperties(hid, {
    onconnect: { value: null, writable: true, enumerable: true, configurable: true },
    ondisconnect: { value: null, writable: true, enumerable: true, configurable: true },
    getDevices: { value: function getDevices() { return realm.Promise.resolve(new realm.Array()); }, writable: true, configurable: true },
    requestDevice: {
      value: function requestDevice() {
        return realm.Promise.reject(new realm.DOMException(REQUEST_DEVICE_WITHOUT_GESTURE, 'SecurityError'));
      },
      writable: true,
      configurable: true,
    },
    [Symbol.toStringTag]: { value: 'HID', configurable: true },
  });
  return hid;
}
