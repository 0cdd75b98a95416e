"""PyInstaller runtime hook: programs the app starts get the user's environment back.

The bootloader puts the bundle's own library folder first in LD_LIBRARY_PATH (LIBPATH on
AIX) and keeps the user's value in ``*_ORIG``. Children inherit it: LibreOffice (for PDF) and
xdg-open (opening a letter) would then load the bundle's Qt, ICU and libstdc++ instead of
their own, and fail or crash. The dynamic linker read the variable when this process
started, so putting it back now changes nothing for the app itself, only for its children.
"""

import os
import sys

_bundle = getattr(sys, "_MEIPASS", None)
for _name in ("LD_LIBRARY_PATH", "LIBPATH"):
    _value = os.environ.get(_name)
    _orig = os.environ.pop(_name + "_ORIG", None)
    if _value is None or _bundle is None or _bundle not in _value.split(os.pathsep):
        continue
    if _orig is None:
        del os.environ[_name]
    else:
        os.environ[_name] = _orig
