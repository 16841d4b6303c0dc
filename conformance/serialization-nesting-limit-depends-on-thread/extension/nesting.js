// Shared by the content script and the service worker (importScripts).
/* exported DEPTHS, nested, depthOf */
const DEPTHS = [1000, 2000, 3000, 4000, 6000, 10000];
const nested = (kind, depth) => {
  let value = kind === 'array' ? [] : {};
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
};
const depthOf = (value) => {
  let depth = 0;
  for (let v = value; typeof v === 'object' && v !== null; v = Array.isArray(v) ? v[0] : v.a) depth++;
  return depth - 1;
};
