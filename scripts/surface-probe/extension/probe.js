/* exported surface */
/** Every chrome.* namespace of this context, and each one's members with their types. */
function surface() {
  const out = {};
  for (const ns of Object.getOwnPropertyNames(chrome)) {
    let v;
    try {
      v = chrome[ns];
    } catch (e) {
      out[ns] = 'throws ' + e.message;
      continue;
    }
    if (v && typeof v === 'object') {
      out[ns] = Object.getOwnPropertyNames(v).map((k) => {
        let t;
        try {
          t = typeof v[k];
        } catch {
          t = 'throws';
        }
        return k + ':' + t;
      });
    } else out[ns] = typeof v;
  }
  return out;
}
