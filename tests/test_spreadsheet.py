"""CSV cells that a spreadsheet would run as formulas are written as text (OWASP CSV Injection)."""

import csv
import io

import pytest

from erasmus_portal.spreadsheet import CsvWriter, cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+31 20 123 4567", "'+31 20 123 4567"),
        ("-5", "'-5"),
        (-5, "'-5"),  # OWASP makes no exception for numbers
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+2", "'\t=1+2"),
        ("\r=1+2", "'\r=1+2"),
        ("KA220-VET", "KA220-VET"),
        ("a = b", "a = b"),
        (60000, "60000"),
        (None, ""),
        ("", ""),
    ],
)
def test_a_cell_never_starts_like_a_formula(value, expected):
    assert cell(value) == expected


def test_every_cell_is_quoted_and_reads_back_as_written():
    out = io.StringIO()
    CsvWriter(out).writerow(["code", '=1+2";=1+2', 24])

    assert out.getvalue() == '"code","\'=1+2"";=1+2","24"\r\n'
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["code", "'=1+2\";=1+2", "24"]
