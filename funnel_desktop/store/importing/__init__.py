"""Importing spreadsheets: reading CSV/XLSX, mapping columns and values, checking every row
(the dry run) and planning what to create or update. The writing is done by
``services.importing`` in one transaction."""

from .mapping import (
    FIELDS,
    Lookup,
    Mapping,
    guess_columns,
    guess_mapping,
    guess_stage_map,
    stage_ref,
)
from .parsing import AMOUNT_FORMATS, DATE_FORMATS, parse_moment, parse_money
from .plan import Note, ParsedRow, ParsedTable, Problem, parse_table
from .presets import BUILTIN, load_preset, maven_crm
from .reading import (
    DELIMITERS,
    ENCODINGS,
    MAX_BYTES,
    Table,
    detect_encoding,
    read_csv,
    read_table,
    read_xlsx,
    sniff_delimiter,
)
from .resolve import ImportPlan, ImportReport, plan_import

__all__ = [
    "AMOUNT_FORMATS", "BUILTIN", "DATE_FORMATS", "DELIMITERS", "ENCODINGS", "FIELDS",
    "MAX_BYTES", "ImportPlan", "ImportReport", "Lookup", "Mapping", "Note", "ParsedRow",
    "ParsedTable", "Problem", "Table", "detect_encoding", "guess_columns", "guess_mapping",
    "guess_stage_map",
    "load_preset", "maven_crm", "parse_moment", "parse_money", "parse_table", "plan_import",
    "read_csv", "read_table", "read_xlsx", "sniff_delimiter", "stage_ref",
]
