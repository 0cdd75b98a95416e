"""What several test files share: data makers, the GUI window builder, attack inputs, storage
faults, an unprivileged child. Test modules import from here (and fixtures come through
``conftest.py``), never from one another: ``tests/test_test_imports.py`` fails if one does."""
