"""Plan importer: text and .docx in, the parsed-plan dict of docs/plan-format.md out.

Pure Python: no Flask and no database here, so the parser runs anywhere and is tested alone.
"""
from .deadlines import find_deadlines
from .docx_reader import ImportFileError, read_docx, read_plan_bytes, read_plan_file
from .matching import Match, Suggestion, UnitRecord, match_unit
from .parser import parse_plan, parse_plan_json, to_json
from .text import fold, normalize, strip_diacritics

__all__ = [
    "ImportFileError", "Match", "Suggestion", "UnitRecord", "find_deadlines", "fold", "match_unit",
    "normalize",
    "parse_plan", "parse_plan_json", "read_docx", "read_plan_bytes", "read_plan_file",
    "strip_diacritics", "to_json",
]
