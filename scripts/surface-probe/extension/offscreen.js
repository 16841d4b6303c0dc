/* global surface */
chrome.runtime.sendMessage({ offscreen: surface() });
