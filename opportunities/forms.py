"""Forms that validate the catalogue's query strings (a view never reads request.GET itself)."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from erasmus_portal.http import Choices

from .models import Format, Goal

GRANT_SIZES = [
    ("unit", _("Unit amounts per participant, no fixed total")),
    ("small", _("Up to € 60,000")),
    ("medium", _("€ 60,001 to € 500,000")),
    ("large", _("More than € 500,000")),
]
# Inclusive month ranges; a format matches when its duration range overlaps one.
DURATIONS = [
    ("short", _("Up to 12 months"), (1, 12)),
    ("medium", _("13 to 24 months"), (13, 24)),
    ("long", _("More than 24 months"), (25, None)),
]


def grant_size(fmt):
    if not fmt.offered:  # no grant in the current call
        return None
    ceiling = fmt.grant_ceiling
    if ceiling is None:
        return "unit"
    if ceiling <= 60_000:
        return "small"
    return "medium" if ceiling <= 500_000 else "large"


def lasts(fmt, value):
    """Whether the format's duration range overlaps the chosen range (False when unknown)."""
    if fmt.duration_min_months is None and fmt.duration_max_months is None:
        return False
    low, high = next(months for key, _label, months in DURATIONS if key == value)
    shortest = fmt.duration_min_months or 1
    longest = fmt.duration_max_months
    return (high is None or shortest <= high) and (longest is None or longest >= low)


# What each filter keeps: (format, chosen value) -> bool.
MATCHES = {
    "goal": lambda fmt, value: value in fmt.goals,
    "line": lambda fmt, value: fmt.action_line.code == value,
    "grant": lambda fmt, value: grant_size(fmt) == value,
    "duration": lasts,
    "managed_by": lambda fmt, value: fmt.managed_by == value,
    "newcomer": lambda fmt, value: fmt.newcomer_friendly,
    "open": lambda fmt, value: fmt.upcoming_deadline is not None,
    "expected": lambda fmt, value: bool(fmt.expected_deadlines),
}


class FinderForm(forms.Form):
    """Filters of the format finder. Counts and results are computed over a loaded catalogue.

    The catalogue is small (a dozen formats), so filtering the prefetched formats in Python
    keeps every page at three queries whatever the filters, counts per option included, and
    works the same on SQLite (which has no JSON containment lookup) and PostgreSQL.
    """

    goal = forms.ChoiceField(
        label=_("What do you want to do?"),
        choices=Choices([("", _("Anything")), *Goal.choices]),
        required=False,
    )
    line = forms.ChoiceField(label=_("Action line"), required=False)
    grant = forms.ChoiceField(
        label=_("Grant size"),
        choices=Choices([("", _("Any amount")), *GRANT_SIZES]),
        required=False,
    )
    duration = forms.ChoiceField(
        label=_("Project duration"),
        choices=Choices([("", _("Any duration")), *[(key, label) for key, label, _m in DURATIONS]]),
        required=False,
    )
    managed_by = forms.ChoiceField(
        label=_("Where you apply"),
        choices=Choices(
            [
                ("", _("Either")),
                (Format.ManagedBy.NATIONAL_AGENCY, _("Your National Agency")),
                (Format.ManagedBy.EACEA, _("EACEA in Brussels")),
            ]
        ),
        required=False,
    )
    newcomer = forms.BooleanField(label=_("Formats suited to newcomers"), required=False)
    open = forms.BooleanField(label=_("Formats with a deadline still to come"), required=False)
    expected = forms.BooleanField(
        label=_("Formats whose next deadline is expected (not yet announced)"), required=False
    )

    def __init__(self, data, formats):
        super().__init__(data)
        self.formats = formats
        lines = {fmt.action_line.code: fmt.action_line for fmt in formats}
        self.fields["line"].choices = [("", _("All action lines"))] + [
            (code, line.name) for code, line in lines.items()
        ]

    def chosen(self):
        """Return the valid, non-empty filters; invalid ones are ignored (and reported)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def results(self, chosen=None, skip=None):
        """Return the formats that pass every chosen filter except ``skip``."""
        chosen = self.chosen() if chosen is None else chosen
        return [
            fmt
            for fmt in self.formats
            if all(MATCHES[name](fmt, value) for name, value in chosen.items() if name != skip)
        ]

    def query(self):
        """Return the valid filters as a query string, e.g. for the download links."""
        return urlencode({k: "on" if v is True else v for k, v in self.chosen().items()})

    def groups(self):
        """Return the filters as fieldsets of options, each with how many formats it leaves.

        A choice filter is one group of radio buttons; the yes/no filters share one group of
        checkboxes ("Only show").
        """
        chosen = self.chosen()
        groups, switches = [], []
        for name, field in self.fields.items():
            others = self.results(chosen, skip=name)
            if isinstance(field, forms.BooleanField):
                count = len([f for f in others if MATCHES[name](f, True)])
                switches.append(option(name, "on", field.label, name in chosen, count))
                continue
            options = [
                option(
                    name,
                    value,
                    label,
                    chosen.get(name, "") == value,
                    len([f for f in others if not value or MATCHES[name](f, value)]),
                )
                for value, label in field.choices
            ]
            groups.append({"label": field.label, "kind": "radio", "options": options})
        groups.append({"label": _("Only show"), "kind": "checkbox", "options": switches})
        return groups


def option(name, value, label, checked, count):
    return {
        "name": name,
        "value": value,
        "label": label,
        "checked": checked,
        "count": count,
        "id": f"filter-{name}-{value}".rstrip("-"),
    }


class CompareForm(forms.Form):
    """Two to four formats to set side by side, by code, in the order given."""

    formats = forms.MultipleChoiceField(label=_("Formats to compare"), required=False)

    MAX = 4

    def __init__(self, data, formats):
        super().__init__(data)
        self.catalogue = {fmt.code: fmt for fmt in formats}
        self.fields["formats"].choices = [(fmt.code, fmt.name) for fmt in formats]

    def clean_formats(self):
        codes = list(dict.fromkeys(self.cleaned_data["formats"]))
        if len(codes) > self.MAX:
            raise forms.ValidationError(
                _("Pick at most %(max)d formats.") % {"max": self.MAX}, code="too_many"
            )
        return codes

    @property
    def tampered(self):
        """Whether the request names a format that does not exist (never sent by the form)."""
        return self.has_error("formats", "invalid_choice")

    def chosen(self):
        """Return the chosen formats, or none while the choice is invalid."""
        if not self.is_valid():
            return []
        return [self.catalogue[code] for code in self.cleaned_data["formats"]]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
