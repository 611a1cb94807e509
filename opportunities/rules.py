"""The rules of a format, each declared once.

A rule is what the checker judges and an editor may mark unconfirmed. Its declaration gives
its name (in ``Format.unconfirmed_rules`` and in the checks the engine makes), the ``Format``
attributes that hold it (also the engine's ``FormatRules`` attributes and the API's keys), its
label for editors, the fact of the format page that says it in words, and the method of the
engine's format judge that judges it.

The model, the admin, the snapshot loader (``eligibility/programme.py``), the engine, the API
and the pages read ``RULES`` and ``FACTS``. A new rule is one line here plus its model field,
its words in its fact's template, its judge method and their tests
(``tests/opportunities/test_rules.py`` checks that every reader knows every rule).
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Fact:
    """A line of a format's facts on its page and in the comparison, and a fieldset in the admin.

    ``template`` says the fact's rules in words.
    """

    name: str
    title: Promise
    template: str


@dataclass(frozen=True)
class Rule:
    """One rule of a format, as the module's docstring describes."""

    name: str
    fields: tuple[str, ...]
    label: Promise
    fact: Fact
    judge: str
    # API keys that differ from the attribute's name.
    api_names: dict[str, str] = field(default_factory=dict)

    def api_key(self, name):
        return self.api_names.get(name, name)


WHO = Fact("who", _("Who may apply"), "includes/facts/who.html")
PARTNERS = Fact("partners", _("With whom"), "includes/facts/partners.html")
DURATION = Fact("duration", _("Duration"), "includes/facts/duration.html")
GRANT = Fact("grant", _("Grant"), "includes/facts/grant.html")
PARTICIPANTS = Fact("participants", _("Participants"), "includes/facts/participants.html")

# In the order pages show them.
FACTS = (WHO, PARTNERS, DURATION, GRANT, PARTICIPANTS)

# In the order the checker judges them: who applies, the partnership, then size and money.
RULES = (
    Rule("applicant_kinds", ("applicant_kinds",), _("who may apply"), WHO, "applicant_kind"),
    Rule(
        "min_ngo_network_countries",
        ("min_ngo_network_countries",),
        _("European NGO: minimum countries"),
        WHO,
        "european_ngo",
    ),
    Rule(
        "accredited_excluded",
        ("accredited_excluded",),
        _("closed to accredited organisations"),
        WHO,
        "accreditation",
    ),
    Rule(
        "accredited_required",
        ("accredited_required",),
        _("only for accredited organisations"),
        WHO,
        "accreditation",
    ),
    Rule(
        "grant_limit",
        ("max_grants", "max_grants_period_years"),
        _("grants per period"),
        WHO,
        "grant_limit",
    ),
    Rule(
        "min_organisations",
        ("min_organisations",),
        _("minimum organisations"),
        PARTNERS,
        "partnership",
    ),
    Rule(
        "max_organisations",
        ("max_organisations",),
        _("maximum organisations"),
        PARTNERS,
        "partnership",
    ),
    Rule("min_countries", ("min_countries",), _("minimum countries"), PARTNERS, "partnership"),
    Rule(
        "min_eu_member_states",
        ("min_eu_member_states",),
        _("minimum EU member states"),
        PARTNERS,
        "partnership",
    ),
    Rule(
        "non_associated_may_join",
        ("non_associated_may_join",),
        _("non-associated countries may join"),
        PARTNERS,
        "partnership",
    ),
    Rule(
        "non_associated_regions",
        ("non_associated_regions",),
        _("eligible regions"),
        PARTNERS,
        "partnership",
    ),
    Rule(
        "excluded_countries",
        ("excluded_countries",),
        _("excluded countries"),
        PARTNERS,
        "partnership",
    ),
    Rule(
        "min_non_associated_organisations",
        ("min_non_associated_organisations",),
        _("minimum non-associated organisations"),
        PARTNERS,
        "partnership",
    ),
    Rule(
        "one_region",
        ("non_associated_one_region",),
        _("non-associated partners from one region only"),
        PARTNERS,
        "partnership",
    ),
    Rule(
        "non_associated_majority",
        ("non_associated_majority",),
        _("no more organisations from programme countries than from third countries"),
        PARTNERS,
        "partnership",
    ),
    Rule(
        "duration",
        ("duration_min_months", "duration_max_months"),
        _("duration"),
        DURATION,
        "duration",
    ),
    Rule(
        "max_participants",
        ("max_participants",),
        _("participant cap"),
        PARTICIPANTS,
        "participants",
    ),
    Rule(
        "grant",
        ("lump_sums", "min_grant_eur", "max_grant_eur"),
        _("grant (lump sums, minimum, maximum)"),
        GRANT,
        "grant",
        api_names={"lump_sums": "lump_sums_eur"},
    ),
)

RULE_NAMES = tuple(rule.name for rule in RULES)
RULE_FIELDS = tuple(name for rule in RULES for name in rule.fields)
