"""The window's colours for meaning, in one place: the error colour (what must be fixed,
and what is overdue), the colour of what is fine, and of a warning. Chosen to read on a
white background with 4.5:1 contrast or more; a meaning is never carried by colour alone
(the lists add «!» or a word)."""

from __future__ import annotations

ERROR = "#b00020"
OK = "#1b7f3b"
WARNING = "#8a5300"

ERROR_STYLE = f"color: {ERROR};"  # a label's style sheet
OK_STYLE = f"color: {OK};"
WARNING_STYLE = f"color: {WARNING};"
