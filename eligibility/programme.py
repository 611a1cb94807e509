"""Read the programme's rules from the database into the engine's plain values."""

from django.db.models import CharField, F, OuterRef, StringAgg, Subquery, Value
from django.db.models.functions import Cast

from opportunities.caching import cached
from opportunities.calls import active_year
from opportunities.models import Agency, Country, Format, GrantTier, OrganisationKind
from opportunities.rules import RULE_FIELDS

from .engine import AgencyFacts, CountryFacts, FormatRules, Programme


def current_programme(token=None) -> Programme:
    """Return the programme's rules, built once per programme version and language."""
    return cached("engine", load_programme, token)


def load_programme() -> Programme:
    """Return every format's rules, every country (by name) and agency (three queries)."""
    year = active_year()
    formats = (
        Format.objects.in_call(year)
        .annotate(
            tiers=joined(GrantTier, "format", "amount_eur"),
            excluded=joined(Format.excluded_countries.through, "format", "country_id"),
            alternative_codes=joined(Format.alternatives.through, "from_format", "to_format__code"),
            mobility=F("action_line__is_mobility"),
        )
        .order_by("action_line__position", "position", "code")
    )
    position = {fmt.code: number for number, fmt in enumerate(formats)}
    return Programme(
        formats=tuple(format_rules(fmt, position) for fmt in formats),
        countries={
            c.code: CountryFacts(
                c.code,
                c.name,
                c.status,
                c.region,
                c.status_confirmed,
                c.has_communities,
                c.member_state_id,
                c.authorities_excluded,
                c.status_source_url,
            )
            for c in sorted(Country.objects.in_call(year), key=lambda country: country.name)
        },
        agencies=tuple(
            AgencyFacts(
                a.name,
                a.url,
                a.kind,
                a.country_id,
                a.community,
                a.confirmed,
                a.email,
                a.phone,
                a.address,
                a.contact_source_url,
            )
            for a in Agency.objects.all()
        ),
        kind_labels={kind.value: str(kind.label) for kind in OrganisationKind},
    )


def joined(model, owner, value):
    """A subquery of one format's linked values joined by commas, so a format is one row.

    The order is not defined (SQLite orders no aggregate): the caller sorts.
    """
    return Subquery(
        model.objects.filter(**{owner: OuterRef("pk")})
        .order_by()
        .values(owner)
        .annotate(joined=StringAgg(Cast(value, CharField()), Value(",")))
        .values("joined")
    )


def split(joined):
    return tuple(joined.split(",")) if joined else ()


def format_rules(fmt: Format, position: dict[str, int]) -> FormatRules:
    """Return a format's rules; ``position`` orders its alternatives the programme's way."""
    return FormatRules(
        code=fmt.code,
        name=fmt.name,
        managed_by=fmt.managed_by,
        non_associated_may_apply=fmt.non_associated_may_apply,
        **{name: rule_value(fmt, name) for name in RULE_FIELDS},
        alternatives=tuple(sorted(split(fmt.alternative_codes), key=position.__getitem__)),
        goals=tuple(fmt.goals),
        newcomer_friendly=fmt.newcomer_friendly,
        unconfirmed_rules=frozenset(fmt.unconfirmed_rules),
        confirmed=fmt.confirmed,
        offered=fmt.offered,
        offer_note=fmt.offer_note,
        source_url=fmt.source_url,
        mobility=fmt.mobility,
        plannable=fmt.plannable,
    )


def rule_value(fmt, name):
    """Return a rule field's value as the engine takes it: lists become tuples or sets."""
    if name == "excluded_countries":
        return frozenset(split(fmt.excluded))
    if name == "lump_sums":
        return tuple(sorted(int(amount) for amount in split(fmt.tiers)))
    value = getattr(fmt, name)
    return tuple(value) if isinstance(value, list) else value
