import vm from 'node:vm';

/**
 * V8's stack trace API hands `Error.prepareStackTrace` a CallSite for every frame on the stack,
 * the host's too, and `getFunction()`/`getThis()` of a sloppy-mode frame give its function and
 * receiver: an object of the host. In a sealed realm, the hook the realm sets is called with
 * CallSites that give those only for the realm's own functions and objects (undefined otherwise,
 * as V8 gives for strict-mode frames).
 */
const SOURCE = `(() => {
  const OwnFunction = Function;
  const OwnObject = Object;
  const own = (value) => (typeof value === 'function' ? value instanceof OwnFunction : typeof value === 'object' && value !== null ? value instanceof OwnObject : true);
  const sealed = (site) => {
    const view = {};
    for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(site))) {
      if (name === 'constructor' || typeof site[name] !== 'function') continue;
      view[name] = (...args) => site[name](...args);
    }
    view.getFunction = () => { const fn = site.getFunction(); return own(fn) ? fn : undefined; };
    view.getThis = () => { const self = site.getThis(); return own(self) ? self : undefined; };
    return view;
  };
  let hook;
  const prepare = (error, sites) => hook(error, sites.map(sealed));
  Object.defineProperty(Error, 'prepareStackTrace', {
    configurable: false,
    enumerable: false,
    get: () => (typeof hook === 'function' ? prepare : hook),
    set: (value) => { hook = value; },
  });
})()`;

const script = new vm.Script(SOURCE, { filename: 'switchboard:stack-traces' });

/** Makes the realm's Error.prepareStackTrace see only CallSites that reach nothing of the host. */
export function sealStackTraces(vmContext: vm.Context): void {
  script.runInContext(vmContext);
}
