"""CSV that a spreadsheet opens as data: no cell runs as a formula.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel, LibreOffice and Google Sheets, so an editor's ``=HYPERLINK(...)`` would run on the
reader's computer. As OWASP's "CSV Injection" page advises, such a cell gets a single quote in
front, which spreadsheets show as text, and every cell is quoted.
"""

import csv

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """Return ``value`` as a CSV cell's text that no spreadsheet reads as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class CsvWriter:
    """A ``csv.writer`` that quotes every cell and passes each through ``cell``."""

    def __init__(self, file):
        self.writer = csv.writer(file, quoting=csv.QUOTE_ALL)

    def writerow(self, row):
        self.writer.writerow([cell(value) for value in row])
