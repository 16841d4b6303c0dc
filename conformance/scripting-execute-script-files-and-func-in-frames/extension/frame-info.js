/* eslint-disable @typescript-eslint/no-unused-expressions -- an injected file's last expression is its result */
// The value of a file is its last expression's.
const info = { url: location.href, top: window === window.top };
({ ...info, contentScriptVariable: typeof contentScriptVariable, pageVariable: typeof pageVariable });
