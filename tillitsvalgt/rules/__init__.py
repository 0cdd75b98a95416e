"""The rules: the legal catalogue, the assessment of a case and deadline arithmetic.

Pure functions over plain data: no database, no Qt, no clock (today's date is always an
argument). They carry most of the tests."""
