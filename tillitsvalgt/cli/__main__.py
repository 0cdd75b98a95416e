"""``python -m tillitsvalgt.cli``: the same entry point as the ``tillitsvalgt`` command."""

from tillitsvalgt.cli import main

main()
