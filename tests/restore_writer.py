"""Another app instance writing while a restore runs, for ``benchmarks/restore_race.py``.

``python tests/restore_writer.py DATA_DIR OUT_FILE STOP_FILE``: opens the database as the
app does, says ``ready``, then creates one case per unit of work until STOP_FILE exists.
One line per unit of work, written only after it returned: ``created <uuid>`` (committed)
or ``refused <message>`` (the writer was told it was not saved).
"""

from __future__ import annotations

import sys
import uuid
from datetime import date
from pathlib import Path

from tillitsvalgt.db import Database
from tillitsvalgt.errors import UserError
from tillitsvalgt.services import cases
from tillitsvalgt.shapes import CaseCreate

TODAY = date(2026, 11, 22)


def main(data_dir: str, out_file: str, stop_file: str) -> None:
    stop = Path(stop_file)
    with open(out_file, "a", encoding="utf-8", buffering=1) as out:
        db = Database.open(data_dir=data_dir)
        out.write("ready\n")
        i = 0
        while not stop.exists():
            key = uuid.uuid4()
            try:
                with db.session() as s:
                    cases.create_case(
                        CaseCreate(
                            uuid=key, title=f"skriver-{i}", employer_id=1, case_type="other"
                        ),
                        session=s,
                        today=TODAY,
                    )
            except UserError as exc:
                out.write("refused " + exc.message.replace("\n", " ") + "\n")
            else:
                out.write(f"created {key}\n")
            i += 1
        db.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:4])
