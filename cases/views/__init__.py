"""Staff screens of the legal core; thin: forms validate, services write, selectors read."""
