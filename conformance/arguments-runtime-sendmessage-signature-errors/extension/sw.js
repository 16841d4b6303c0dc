// Nothing listens: every call below fails before a message is sent.
