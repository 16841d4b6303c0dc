// Deliberately no runtime.onMessage listener: the content script's requests have no receiving end.
