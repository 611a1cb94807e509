"""Validate a coordinator's answers, from the page, the API or the command line alike."""

from django import forms
from django.forms.utils import flatatt
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from erasmus_portal.http import (
    Choices,
    KnownValues,
    SharedChoiceField,
    SharedIntegerField,
    SharedYesNoField,
)
from opportunities.models import Agency, Goal, OrganisationKind

from .engine import INDIVIDUAL, Situation
from .programme import current_programme
from .templatetags.countries import options

# Every format's rules are judged with far fewer (the largest minimum is 8 organisations), and
# a row is a select of 250 countries: 30 rows keep the page small.
MAX_PARTNERS = 30


class PartnersField(KnownValues, forms.MultipleChoiceField):
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


class CountryChoices(Choices):
    """The programme's countries, by name, as choices: listed only when a page shows them."""

    def __init__(self, countries, blank=None):
        self.values = countries  # by code
        self.blank = blank

    def __iter__(self):
        if self.blank:
            yield "", self.blank
        for country in self.values.values():
            yield country.code, country.name


class CountryField(KnownValues, forms.ChoiceField):
    widget = LongSelect


class FormatField(KnownValues, forms.ChoiceField):
    pass


def country_field():
    return CountryField(
        label=_("Country of your organisation"),
        error_messages={
            "required": _("Choose the country where your organisation is established."),
            "invalid_choice": _("Choose a country from the list (ISO code such as NL)."),
        },
    )


class CheckForm(forms.Form):
    country = country_field()
    community = SharedChoiceField(
        label=_("Community (Belgium only)"),
        required=False,
        choices=Choices([("", _("Not answered")), *Agency.Community.choices]),
        help_text=_("In Belgium, each community has its own National Agency."),
    )
    organisation_type = SharedChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=Choices(
            [
                ("", _("Not answered")),
                *OrganisationKind.choices,
                (INDIVIDUAL, _("I am applying as an individual")),
            ]
        ),
    )
    accredited = SharedYesNoField(label=_("We hold an Erasmus accreditation in VET"))
    short_term_grants_last_5_years = SharedIntegerField(
        label=_("Short-term mobility grants received in the last 5 call years"),
        required=False,
        min_value=0,
        max_value=50,
    )
    ngo_network_countries = SharedIntegerField(
        label=_("European NGO: countries with member organisations or branches"),
        help_text=_(
            "Only for a European NGO: in how many EU member states and associated countries."
        ),
        required=False,
        min_value=0,
        max_value=100,
    )
    partners = PartnersField(label=_("Partner organisations"), required=False)
    duration_months = SharedIntegerField(
        label=_("Project duration (months)"), required=False, min_value=1, max_value=120
    )
    participants = SharedIntegerField(
        label=_("Participants in mobility activities"),
        help_text=_("Accompanying persons and preparatory visits not included."),
        required=False,
        min_value=0,
        max_value=100_000,
    )
    grant_eur = SharedIntegerField(
        label=_("Grant you plan to request (EUR)"),
        required=False,
        min_value=1,
        max_value=100_000_000,
    )
    goal = SharedChoiceField(
        label=_("What do you want to do?"),
        required=False,
        choices=Choices([("", _("Not answered")), *Goal.choices]),
    )
    format = FormatField(label=_("Format"), required=False)

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme = programme or current_programme()
        self.fields["country"].choices = CountryChoices(programme.countries, _("Choose a country"))
        self.fields["partners"].choices = CountryChoices(programme.countries)
        self.fields["format"].choices = Choices(
            [("", ""), *((f.code, f.code) for f in programme.formats)]
        )

    @property
    def countries(self):
        return self.programme.countries.values()  # by name

    def clean_country(self):
        return self.cleaned_data["country"].upper()

    def clean(self):
        data = super().clean()
        if not self.programme.per_community(data.get("country")):
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
    goal = SharedChoiceField(
        label=_("What do you want to do?"),
        choices=Choices(Goal.choices),
        error_messages={"required": _("Choose what you want to do.")},
    )
    first_time = SharedYesNoField(
        label=_("Is this your organisation's first Erasmus+ application?")
    )
    participants = SharedIntegerField(
        label=_("How many learners or staff would go abroad?"),
        required=False,
        min_value=0,
        max_value=100_000,
    )
    partner_count = SharedIntegerField(
        label=_("With how many partner organisations abroad?"),
        help_text=_("0 if you would work alone."),
        required=False,
        min_value=0,
        max_value=MAX_PARTNERS,
    )

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme = programme or current_programme()
        self.fields["country"].choices = CountryChoices(programme.countries, _("Choose a country"))


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
