/* eslint-disable @typescript-eslint/no-unused-vars -- a global the injected scripts look for */
// The isolated world's own variable: scripts injected later into this world see it.
var contentScriptVariable = 'from content.js';
const ready = () => chrome.runtime.sendMessage('ready');
if (document.readyState === 'complete') ready();
else window.addEventListener('load', ready);
