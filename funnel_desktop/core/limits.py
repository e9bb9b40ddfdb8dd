"""The bounds of every number, date and text the program accepts, in one place.

The form, a file, the command line and the services all check against these (through
``core.money``, ``core.dates``, ``services.validate`` and ``store.importing``), and the
message of a value out of bounds names the bound.
"""

from __future__ import annotations

from datetime import date

# -- money (integer minor units: 分 / cents) -------------------------------------------------
#: Minor units per major unit.
MINOR = 100
#: The largest amount, target or budget: 100,000,000,000.00 (1,000亿). Sums stay inside a
#: 64-bit integer (what SQLite and PostgreSQL add up in) for more than 900,000 such deals.
MAX_AMOUNT = 100_000_000_000 * MINOR
#: A weighted amount is ``amount × probability``; its bound follows.
MAX_PROBABILITY = 100

# -- dates -----------------------------------------------------------------------------------
#: The first and last day a date may name (arithmetic on them stays inside Python's dates).
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2999, 12, 31)

# -- counts ----------------------------------------------------------------------------------
#: Deals the demo generator makes at most.
MAX_DEMO_DEALS = 200_000
#: The largest random seed (a 63-bit integer, as a database stores it).
MAX_SEED = 2**63 - 1
#: The largest idle limit of a stage, in days (ten years).
MAX_IDLE_DAYS = 3650

# -- text ------------------------------------------------------------------------------------
#: Names, titles, phones, e-mails… (a ``VARCHAR(255)`` column on PostgreSQL).
MAX_NAME_CHARS = 255
#: Notes and other long text: Excel's own limit of one cell.
MAX_TEXT_CHARS = 32_767

# -- importing a file ------------------------------------------------------------------------
#: Characters in one cell (Excel's own limit).
MAX_CELL_CHARS = 32_767
#: Data rows of one file or sheet. With the bytes below, any accepted file imports within
#: 300 MB of memory, measured with the command line (tests/cli/test_import_memory.py: at
#: most 282 MB, for 100,000 rows each with a new customer).
MAX_IMPORT_ROWS = 100_000
#: Columns of one file or sheet.
MAX_IMPORT_COLUMNS = 500
#: Cells (rows × columns) of one file or sheet.
MAX_IMPORT_CELLS = 4_000_000
#: Bytes of a CSV file, and of an XLSX workbook once unpacked.
MAX_IMPORT_BYTES = 24 * 1024 * 1024
#: Seconds of parsing one reading of a file may take before it is given up as too complex.
MAX_READ_SECONDS = 60.0
