"""Start without loading the PostgreSQL driver until a server is opened (see core.postgres)."""

from __future__ import annotations

import sys

# peewee imports psycopg as it is itself imported, which took 80-90 ms of every start on
# a laptop's SQLite file (two fifths of the command line's imports). Marked missing here,
# psycopg is imported when a PostgreSQL database is opened (core.postgres.load_driver).
# Only an entry point imports this module, and only before anything has loaded peewee.
if "peewee" not in sys.modules and "psycopg" not in sys.modules:
    sys.modules["psycopg"] = None  # type: ignore[assignment]
    DEFERRED = True
else:
    DEFERRED = False
