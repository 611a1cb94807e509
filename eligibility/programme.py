"""Read the programme's rules from the database into the engine's plain values."""

from opportunities.caching import cached
from opportunities.models import Agency, Country, Format, OrganisationKind

from .engine import AgencyFacts, CountryFacts, FormatRules, Programme


def current_programme(token=None) -> Programme:
    """Return the programme's rules, built once per programme version and language."""
    return cached("engine", load_programme, token)


def load_programme() -> Programme:
    """Return every format's rules, every country and agency (four queries)."""
    formats = Format.objects.prefetch_related(
        "grant_tiers", "excluded_countries", "alternatives"
    ).order_by("action_line__position", "position", "code")
    return Programme(
        formats=tuple(format_rules(fmt) for fmt in formats),
        countries={
            c.code: CountryFacts(c.code, c.name, c.status, c.region, c.confirmed)
            for c in Country.objects.all()
        },
        agencies=tuple(
            AgencyFacts(a.name, a.url, a.kind, a.country_id, a.community, a.confirmed)
            for a in Agency.objects.all()
        ),
        kind_labels={kind.value: str(kind.label) for kind in OrganisationKind},
    )


def format_rules(fmt: Format) -> FormatRules:
    return FormatRules(
        code=fmt.code,
        name=fmt.name,
        managed_by=fmt.managed_by,
        min_organisations=fmt.min_organisations,
        max_organisations=fmt.max_organisations,
        min_countries=fmt.min_countries,
        min_eu_member_states=fmt.min_eu_member_states,
        non_associated_may_join=fmt.non_associated_may_join,
        non_associated_may_apply=fmt.non_associated_may_apply,
        non_associated_regions=tuple(fmt.non_associated_regions),
        excluded_countries=frozenset(c.code for c in fmt.excluded_countries.all()),
        min_non_associated_organisations=fmt.min_non_associated_organisations,
        duration_min_months=fmt.duration_min_months,
        duration_max_months=fmt.duration_max_months,
        max_participants=fmt.max_participants,
        lump_sums=tuple(fmt.lump_sums),
        min_grant_eur=fmt.min_grant_eur,
        max_grant_eur=fmt.max_grant_eur,
        applicant_kinds=tuple(fmt.applicant_kinds),
        accredited_excluded=fmt.accredited_excluded,
        max_grants=fmt.max_grants,
        max_grants_period_years=fmt.max_grants_period_years,
        min_ngo_network_countries=fmt.min_ngo_network_countries,
        alternatives=tuple(alt.code for alt in fmt.alternatives.all()),
        goals=tuple(fmt.goals),
        newcomer_friendly=fmt.newcomer_friendly,
        unconfirmed_rules=frozenset(fmt.unconfirmed_rules),
        confirmed=fmt.confirmed,
    )
