"""Validate KA1 mobility questions: one activity (API), the planner and the distance calculator."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from erasmus_portal.http import yes_no

from .budget import OWN_RATE_KINDS, OwnRates
from .distance import find_place
from .engine import Mobility


class ActivityCheckForm(forms.Form):
    """One planned activity, for ``GET /api/v1/mobility/check``."""

    activity = forms.ChoiceField(
        label=_("Activity"),
        error_messages={"invalid_choice": _("Unknown activity %(value)s.")},
    )
    days = forms.IntegerField(label=_("Days, travel days not counted"), min_value=1, max_value=1000)
    participants = forms.IntegerField(
        label=_("Participants"), required=False, min_value=1, max_value=1000
    )
    fewer_opportunities = yes_no(_("Participants with fewer opportunities"))
    graduated_months_ago = forms.IntegerField(
        label=_("Graduated how many months ago"), required=False, min_value=0, max_value=600
    )
    shadows_per_mentor = forms.IntegerField(
        label=_("Participants shadowing the same mentor"),
        required=False,
        min_value=1,
        max_value=100,
    )
    host_led = yes_no(_("The host organisation's staff lead the activity"))

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].choices = [(a.code, a.name) for a in activities.values()]

    def mobility(self):
        """Return the cleaned answers as the checker's ``Mobility``."""
        return Mobility(**self.cleaned_data)


class PlaceInput(forms.TextInput):
    """A town box that fills its own datalist with suggestions while someone types (HTMX).

    The page puts ``<datalist id="{id}-places">`` after the box.
    """

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        box = context["widget"]["attrs"]
        box.update(
            {
                "autocomplete": "off",
                "list": f"{box['id']}-places",
                "data-hx-get": f"{reverse('mobility:places')}?field={name}",
                "data-hx-trigger": "input changed delay:300ms",
                "data-hx-target": f"#{box['id']}-places",
                "data-hx-swap": "innerHTML",
                "data-hx-sync": "this:replace",
                "data-hx-push-url": "false",  # the form's own requests push the URL
            }
        )
        return context


class PlaceField(forms.CharField):
    """A town from the gazetteer, or "latitude, longitude"; cleans to a ``Place``."""

    widget = PlaceInput

    default_error_messages = {
        "unknown": _(
            "We cannot find “%(value)s”. Try the English or local name, add the country code "
            "(“Valencia, ES”), or give latitude and longitude (“52.09, 5.12”)."
        ),
    }

    def __init__(self, **kwargs):
        super().__init__(max_length=100, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        place = find_place(value)
        if place is None:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": value[:60]}
            )
        return place


class DistanceForm(forms.Form):
    origin = PlaceField(label=_("From"), help_text=_("Your town, e.g. Utrecht."))
    destination = PlaceField(label=_("To"), help_text=_("Where the activity takes place."))


class PlaceSuggestForm(forms.Form):
    """What has been typed so far into a town box of the distance calculator or the planner."""

    field = forms.ChoiceField(choices=[(name, name) for name in ("origin", "destination", "city")])
    origin = forms.CharField(required=False, max_length=100)
    destination = forms.CharField(required=False, max_length=100)
    city = forms.CharField(required=False, max_length=100)

    def typed(self):
        return self.cleaned_data[self.cleaned_data["field"]]


MAX_PLAN_ROWS = 40
TRAVEL = [("standard", _("Standard travel")), ("green", _("Green travel"))]


# Plain text boxes for numbers (GOV.UK practice): a wrong entry is shown back as typed, which
# an <input type="number"> may not hold.
def number_box():
    return forms.TextInput(attrs={"inputmode": "numeric"})


RATE = {"required": False, "min_value": 1, "max_value": 10_000}
DAILY_RATE_LABELS = {
    "learners": _("Learners, country group %(number)d"),
    "staff": _("Staff, country group %(number)d"),
}


class PlanForm(forms.Form):
    """The project as a whole and the rates the coordinator's National Agency publishes."""

    origin = PlaceField(
        label=_("Your town"),
        required=False,
        help_text=_("Where participants leave from; needed for the travel amounts."),
    )
    months = forms.IntegerField(
        label=_("Project duration (months)"), required=False, min_value=1, max_value=120
    )
    fewer_opportunities = forms.IntegerField(
        label=_("Number of participants with fewer opportunities"),
        required=False,
        min_value=0,
        max_value=1000,
        help_text=_(
            "For inclusion support for your organisation. Left empty, it counts the "
            "participants of the activities marked as having fewer opportunities."
        ),
    )
    host_led = yes_no(
        _("Do the host organisations' staff lead every activity?"),
        help_text=_("From the 2026 call, the host abroad leads each activity, not your own staff."),
    )
    rate_organisational = forms.IntegerField(
        label=_("Organisational support per participant"), **RATE
    )
    rate_inclusion = forms.IntegerField(
        label=_("Inclusion support per participant with fewer opportunities"), **RATE
    )
    # The Key Action 1 format planned, when the checker links here for another format than the
    # one whose project rules the planner checks.
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _("The planner plans the mobility formats of Key Action 1 only.")
        },
    )

    def __init__(self, *args, groups=(), formats=(), **kwargs):
        """``groups``: the country groups' numbers; a daily rate per participant kind each.
        ``formats``: the codes of the call's mobility formats."""
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [("", ""), *((code, code) for code in formats)]
        self.daily_rates = {}
        for kind in OWN_RATE_KINDS:
            for number in groups:
                name = f"rate_{kind}_{number}"
                label = DAILY_RATE_LABELS[kind] % {"number": number}
                self.fields[name] = forms.IntegerField(label=label, **RATE)
                self.daily_rates[name] = (kind, number)
        self.rate_names = [*self.daily_rates, "rate_organisational", "rate_inclusion"]
        for field in self.fields.values():
            if isinstance(field, forms.IntegerField):
                field.widget = number_box()

    def own_rates(self):
        """Return the rates entered, as the estimate's ``OwnRates``."""
        data = self.cleaned_data
        daily = {
            kind_group: data[name]
            for name, kind_group in self.daily_rates.items()
            if data[name] is not None
        }
        return OwnRates(daily, data["rate_organisational"], data["rate_inclusion"])


class PlanRowForm(forms.Form):
    """One activity row of the plan; its fields share names with the other rows."""

    activity = forms.ChoiceField(label=_("Activity"))
    participants = forms.IntegerField(label=_("Participants"), min_value=1, max_value=1000)
    days = forms.IntegerField(label=_("Days"), min_value=1, max_value=1000)
    city = PlaceField(label=_("Destination"), required=False)
    travel = forms.ChoiceField(label=_("Travel"), choices=TRAVEL, required=False)
    fewer = yes_no(_("Fewer opportunities"))

    def __init__(self, *args, activities, number, **kwargs):
        super().__init__(*args, auto_id=f"row-{number}-%s", **kwargs)
        self.number = number
        self.fields["activity"].choices = [("", _("Choose an activity"))] + [
            (a.code, a.name) for a in activities.values()
        ]
        labels = {
            "activity": _("Activity %(number)d"),
            "participants": _("Participants %(number)d"),
            "days": _("Days %(number)d"),
            "city": _("Destination %(number)d"),
            "travel": _("Travel %(number)d"),
            "fewer": _("Fewer opportunities %(number)d"),
        }
        for name, label in labels.items():
            self.fields[name].label = label % {"number": number}
        self.fields["participants"].widget = number_box()
        self.fields["days"].widget = number_box()

    def is_blank(self):
        return not self.is_bound


def plan_rows(query, activities):
    """Return one form per activity row of the plan in the query (rows are parallel lists)."""
    names = ("activity", "participants", "days", "city", "travel", "fewer")
    lists = {name: query.getlist(name)[:MAX_PLAN_ROWS] for name in names}
    count = max((len(values) for values in lists.values()), default=0) or 1
    rows = []
    for i in range(count):
        data = {name: (values[i] if i < len(values) else "") for name, values in lists.items()}
        blank = not any(data[name] for name in ("activity", "participants", "days", "city"))
        # A blank row is shown, not judged: it is unbound, so it shows no errors.
        bound = {"initial": data} if blank else {"data": data}
        rows.append(PlanRowForm(activities=activities, number=i + 1, **bound))
    return rows
