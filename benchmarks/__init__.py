"""Speed measurements of the core against the raw-SQL floor (not tests).

``python -m benchmarks`` runs them all; see ``benchmarks/README.md``.
"""

from __future__ import annotations

from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "out"  # gitignored: generated databases
