// Nothing to do: the page side is under test.
