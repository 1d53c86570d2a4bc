"""Public addresses, reversed once per process rather than once per link.

A listing page links each card to its article and its section, and reversing a
URL pattern costs tens of microseconds: a home page spent milliseconds building
the same addresses on every render. The URL patterns never change while the
process runs, so an address depends only on its pattern name, its arguments,
the language (its prefix) and the script prefix.
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language


def address(name: str, *args) -> str:
    """``reverse(name, args=args)`` in the active language, remembered."""
    return _reversed(name, args, get_language(), get_script_prefix())


@lru_cache(maxsize=20_000)
def _reversed(name: str, args: tuple, language: str, script_prefix: str) -> str:
    # The language and prefix are part of the key; reverse() reads them itself.
    return reverse(name, args=args)
