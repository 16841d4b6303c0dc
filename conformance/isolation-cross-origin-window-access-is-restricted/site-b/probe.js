/* exported probeWindow */
// What this world can do with a window of another origin: each attempt's outcome.
function probeWindow(other) {
  const attempt = (fn) => {
    try {
      const value = fn();
      return value === other ? 'the window' : typeof value === 'function' ? 'function' : value;
    } catch (error) {
      return [error.name, error.message, error instanceof DOMException];
    }
  };
  return {
    document: attempt(() => other.document),
    secret: attempt(() => other.pageSecret),
    name: attempt(() => other.name),
    toString: attempt(() => String(other)),
    write: attempt(() => { other.written = 1; return 'written'; }),
    define: attempt(() => { Object.defineProperty(other, 'defined', { value: 1 }); return 'defined'; }),
    deleting: attempt(() => delete other.postMessage),
    prototype: attempt(() => Object.getPrototypeOf(other)),
    keys: attempt(() => Object.getOwnPropertyNames(other)),
    symbols: attempt(() => Object.getOwnPropertySymbols(other).map(String)),
    hasDocument: attempt(() => 'document' in other),
    hasPostMessage: attempt(() => 'postMessage' in other),
    postMessage: attempt(() => typeof other.postMessage),
    postMessageTwice: attempt(() => other.postMessage === other.postMessage),
    self: attempt(() => other.self),
    window: attempt(() => other.window),
    frames: attempt(() => other.frames),
    length: attempt(() => other.length),
    topIsParent: attempt(() => other.top === other),
    closed: attempt(() => other.closed),
    opener: attempt(() => other.opener),
    then: attempt(() => other.then),
    focus: attempt(() => typeof other.focus),
    location: attempt(() => typeof other.location),
    locationHref: attempt(() => other.location.href),
    locationKeys: attempt(() => Object.getOwnPropertyNames(other.location)),
    locationReplace: attempt(() => typeof other.location.replace),
    locationSame: attempt(() => other.location === other.location),
    descriptor: attempt(() => JSON.stringify(Object.getOwnPropertyDescriptor(other, 'postMessage'), (k, v) => (typeof v === 'function' ? 'function' : v))),
    windowDescriptor: attempt(() => JSON.stringify(Object.getOwnPropertyDescriptor(other, 'window'), (k, v) => (typeof v === 'function' ? 'function' : v))),
    documentDescriptor: attempt(() => Object.getOwnPropertyDescriptor(other, 'document')),
  };
}
