"""Excel (.xlsx) exports of the intranet's tables, built with openpyxl."""
