"""The page checkers themselves: they must be able to fail."""

import pytest


def test_the_html_checker_rejects_invalid_html(assert_valid_html):
    assert_valid_html("<!DOCTYPE html><html lang=en><head><title>x</title></head><body></body>")
    with pytest.raises(AssertionError, match="hx-get"):
        assert_valid_html(
            '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
            '<body><p hx-get="/">x</p></body></html>'
        )
