"""Errors a caller can act on. Everything else is a bug."""


class InputError(ValueError):
    """The input cannot be summarized; the message says why in one line."""


class InputWarning(UserWarning):
    """The input was read, but not as given; the message says how in one line."""
