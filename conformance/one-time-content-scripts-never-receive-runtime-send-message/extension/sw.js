// Deliberately no runtime.onMessage listener: only content scripts listen.
