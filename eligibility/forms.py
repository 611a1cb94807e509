"""Validate a coordinator's answers, from the page, the API or the command line alike."""

from django import forms
from django.forms.utils import flatatt
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from opportunities.models import Agency, Goal, OrganisationKind

from .budget import OwnRates
from .distance import find_place
from .engine import INDIVIDUAL, Situation
from .mobility import Mobility
from .programme import current_programme
from .templatetags.countries import options

MAX_PARTNERS = 100


YES_NO = [("", _("Not answered")), ("1", _("Yes")), ("0", _("No"))]


def yes_no(label, **kwargs):
    """An optional yes-or-no question: True, False, or None when not answered."""
    return forms.TypedChoiceField(
        label=label,
        required=False,
        choices=YES_NO,
        coerce=lambda value: value == "1",
        empty_value=None,
        **kwargs,
    )


class PartnersField(forms.MultipleChoiceField):
    """Partner organisations' countries, one code per organisation; empty rows are ignored."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        return [code.strip().upper() for code in super().to_python(value) if code.strip()]

    def validate(self, value):
        if len(value) > MAX_PARTNERS:
            raise forms.ValidationError(
                _("At most %(maximum)d partner organisations can be checked at once."),
                params={"maximum": MAX_PARTNERS},
            )
        unknown = sorted({code for code in value if not self.valid_value(code)})
        if unknown:
            raise forms.ValidationError(
                _("Unknown country code: %(codes)s. Use ISO codes such as DE or FR."),
                params={"codes": ", ".join(code[:10] for code in unknown[:5])},
            )


class LongSelect(forms.Select):
    """A select with hundreds of options, rendered in Python.

    Django renders each option through a template: for 250 countries that took 13 ms a page.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        choices = (
            (option["value"], option["label"], option["selected"])
            for _group, group_options, _index in widget["optgroups"]
            for option in group_options
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            options(choices),
        )


def country_field():
    return forms.ChoiceField(
        widget=LongSelect,
        label=_("Country of your organisation"),
        error_messages={
            "required": _("Choose the country where your organisation is established."),
            "invalid_choice": _("Choose a country from the list (ISO code such as NL)."),
        },
    )


class CheckForm(forms.Form):
    country = country_field()
    community = forms.ChoiceField(
        label=_("Community (Belgium only)"),
        required=False,
        choices=[("", _("Not answered")), *Agency.Community.choices],
        help_text=_("In Belgium, each community has its own National Agency."),
    )
    organisation_type = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[
            ("", _("Not answered")),
            *OrganisationKind.choices,
            (INDIVIDUAL, _("I am applying as an individual")),
        ],
    )
    accredited = yes_no(_("We hold an Erasmus accreditation in VET"))
    short_term_grants_last_5_years = forms.IntegerField(
        label=_("Short-term mobility grants received in the last 5 call years"),
        required=False,
        min_value=0,
        max_value=50,
    )
    ngo_network_countries = forms.IntegerField(
        label=_("European NGO: countries with member organisations or branches"),
        help_text=_(
            "Only for a European NGO: in how many EU member states and associated countries."
        ),
        required=False,
        min_value=0,
        max_value=100,
    )
    partners = PartnersField(label=_("Partner organisations"), required=False)
    duration_months = forms.IntegerField(
        label=_("Project duration (months)"), required=False, min_value=1, max_value=120
    )
    participants = forms.IntegerField(
        label=_("Participants in mobility activities"),
        help_text=_("Accompanying persons and preparatory visits not included."),
        required=False,
        min_value=0,
        max_value=100_000,
    )
    grant_eur = forms.IntegerField(
        label=_("Grant you plan to request (EUR)"),
        required=False,
        min_value=1,
        max_value=100_000_000,
    )
    goal = forms.ChoiceField(
        label=_("What do you want to do?"),
        required=False,
        choices=[("", _("Not answered")), *Goal.choices],
    )
    format = forms.ChoiceField(label=_("Format"), required=False)

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme = programme or current_programme()
        countries = sorted(programme.countries.values(), key=lambda country: country.name)
        choices = [(c.code, c.name) for c in countries]
        self.fields["country"].choices = [("", _("Choose a country")), *choices]
        self.fields["partners"].choices = choices
        self.fields["format"].choices = [("", "")] + [(f.code, f.code) for f in programme.formats]
        self.countries = countries

    def clean_country(self):
        return self.cleaned_data["country"].upper()

    def clean(self):
        data = super().clean()
        if data.get("country") != "BE":
            data["community"] = ""
        return data

    def situation(self, partners_given=True):
        """Return the cleaned answers as the engine's ``Situation``."""
        data = self.cleaned_data
        return Situation(
            country=data["country"],
            community=data["community"],
            organisation_type=data["organisation_type"] or None,
            accredited=data["accredited"],
            short_term_grants_last_5_years=data["short_term_grants_last_5_years"],
            ngo_network_countries=data["ngo_network_countries"],
            partners=tuple(data["partners"]) if partners_given else None,
            duration_months=data["duration_months"],
            participants=data["participants"],
            grant_eur=data["grant_eur"],
        )


class StartForm(forms.Form):
    """A few plain questions for organisations that do not know the formats yet."""

    country = country_field()
    goal = forms.ChoiceField(
        label=_("What do you want to do?"),
        choices=Goal.choices,
        error_messages={"required": _("Choose what you want to do.")},
    )
    first_time = yes_no(_("Is this your organisation's first Erasmus+ application?"))
    participants = forms.IntegerField(
        label=_("How many learners or staff would go abroad?"),
        required=False,
        min_value=0,
        max_value=100_000,
    )
    partner_count = forms.IntegerField(
        label=_("With how many partner organisations abroad?"),
        help_text=_("0 if you would work alone."),
        required=False,
        min_value=0,
        max_value=MAX_PARTNERS,
    )

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme = programme or current_programme()
        countries = sorted(programme.countries.values(), key=lambda c: c.name)
        self.fields["country"].choices = [
            ("", _("Choose a country")),
            *[(c.code, c.name) for c in countries],
        ]


def form_from_params(params, programme=None):
    """Build the form from flat parameters (API, command line): ``partners`` is "DE,FR".

    Returns the form and whether partners were given at all (absent means not answered).
    """
    data = QueryDict(mutable=True)
    for key, value in params.items():
        if value is not None and key != "partners":
            data[key] = str(value)
    data["country"] = data.get("country", "").upper()
    partners = params.get("partners")
    if partners is not None:
        data.setlist("partners", [code for code in str(partners).split(",") if code.strip()])
    return CheckForm(data, programme=programme), partners is not None


# ── KA1 mobility planner (issue 5) ──────────────────────────────────────────────────────────


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
                "data-hx-get": f"{reverse('eligibility:places')}?field={name}",
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
    rate_learners_1 = forms.IntegerField(label=_("Learners, country group 1"), **RATE)
    rate_learners_2 = forms.IntegerField(label=_("Learners, country group 2"), **RATE)
    rate_learners_3 = forms.IntegerField(label=_("Learners, country group 3"), **RATE)
    rate_staff_1 = forms.IntegerField(label=_("Staff, country group 1"), **RATE)
    rate_staff_2 = forms.IntegerField(label=_("Staff, country group 2"), **RATE)
    rate_staff_3 = forms.IntegerField(label=_("Staff, country group 3"), **RATE)
    rate_organisational = forms.IntegerField(
        label=_("Organisational support per participant"), **RATE
    )
    rate_inclusion = forms.IntegerField(
        label=_("Inclusion support per participant with fewer opportunities"), **RATE
    )

    RATE_FIELDS = (
        "rate_learners_1",
        "rate_learners_2",
        "rate_learners_3",
        "rate_staff_1",
        "rate_staff_2",
        "rate_staff_3",
        "rate_organisational",
        "rate_inclusion",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.IntegerField):
                field.widget = number_box()

    def own_rates(self):
        """Return the rates entered, as the estimate's ``OwnRates``."""
        data = self.cleaned_data
        daily = {}
        for kind in ("learners", "staff"):
            for group in (1, 2, 3):
                if data[f"rate_{kind}_{group}"] is not None:
                    daily[(kind, group)] = data[f"rate_{kind}_{group}"]
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
