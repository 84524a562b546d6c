"""Keep None, True and False alive under PySide6 on Python 3.11, which drops references.

PySide6 (seen with 6.12 on CPython 3.11) gives up one reference too many to None when an
empty QVariant crosses into Python (a header repaint, `model.data()` on a C++ model for a
role without data), and likewise to True or False somewhere in a view's fetch-more path.
Their counts start at a few thousand, so after some minutes of scrolling the interpreter
aborts with "deallocating None". From Python 3.12 on these objects are immortal and nothing
needs doing; on 3.11 we give them reference counts no session can use up, as 3.12 does.
That release also takes references from what signals and timers return (tests/ui/
test_bindings.py), which no guard can mend: pyproject.toml leaves 6.12.0 out.
"""

from __future__ import annotations

import ctypes
import platform
import sys

_PLENTY = 1 << 40


def make_singletons_immortal() -> bool:
    """Raise the reference counts of None, True and False out of reach before 3.12."""
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    if getattr(sys, "gettotalrefcount", None) is not None:
        return False  # a debug build: its object header is laid out differently
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt comes first
        if refcount.value < _PLENTY:
            refcount.value += _PLENTY
    return True


make_singletons_immortal()
