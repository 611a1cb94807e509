"""Small builders for records the tests need beyond the loaded programme."""

from opportunities.models import ActionLine, Format


def make_format(code="TEST-FORMAT", **fields):
    defaults = {
        "call_id": 2026,
        "action_line": ActionLine.objects.get(code="KA2"),
        "managed_by": Format.ManagedBy.NATIONAL_AGENCY,
        "name_nl": "Testformaat",
        "name_en": "Test format",
    }
    return Format.objects.create(code=code, **{**defaults, **fields})
