"""Judge an organisation's situation against every format's rules.

Encodes the eligibility criteria of the Erasmus+ Programme Guide, Part B (who may apply, the
composition of the partnership, duration, participants and grant) and Part A's eligible
countries, as far as the programme data holds them. Every number comes from the data: an
editor's change to a format changes the verdict. The engine never guesses: a rule it cannot
judge from the answers, or whose fact is unconfirmed, is ``unknown``.

Plain values in (``Situation``, ``Programme``), plain values out (``Verdict``); no HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from opportunities.rules import RULES
from opportunities.sources import source_label

from .verdicts import (
    FAIL,
    NEEDS_ANSWER,
    NOT_ELIGIBLE,
    PASS,
    UNKNOWN,
    Check,
    combine,
    euros,
    join,
    one_language,
    range_text,
    translate_plural,
)
from .verdicts import translate as _

EU_MEMBER, ASSOCIATED, NON_ASSOCIATED = "eu_member", "associated", "non_associated"
NATIONAL_AGENCY, EACEA = "national_agency", "eacea"
# The format judge's methods that judge the declared rules, in order (rules may share one).
CHECKS = tuple(dict.fromkeys(rule.judge for rule in RULES))
INDIVIDUAL = "individual"
PUBLIC_AUTHORITY = "public_authority"


@dataclass(frozen=True)
class Situation:
    """What a coordinator tells about their organisation and plan. ``None`` means not answered."""

    country: str
    community: str = ""
    organisation_type: str | None = None
    accredited: bool | None = None
    short_term_grants_last_5_years: int | None = None
    ngo_network_countries: int | None = None
    partners: tuple[str, ...] | None = None
    duration_months: int | None = None
    participants: int | None = None
    grant_eur: int | None = None


@dataclass(frozen=True)
class CountryFacts:
    code: str
    name: str
    status: str
    region: int | None
    confirmed: bool = True
    has_communities: bool = False
    # The EU member state an outermost region, overseas territory or Åland takes part as.
    member_state: str | None = None
    # Its authorities may not take part in any action (Georgia: Programme Guide 2026, p. 34).
    authorities_excluded: bool = False
    source_url: str = ""


@dataclass(frozen=True)
class AgencyFacts:
    name: str
    url: str
    kind: str
    country: str | None
    community: str = ""
    confirmed: bool = True
    email: str = ""
    phone: str = ""
    address: str = ""
    contact_source_url: str = ""


@dataclass(frozen=True)
class FormatRules:
    """A format's rules: one attribute per field of ``opportunities.rules.RULES``, and the rest."""

    code: str
    name: str
    managed_by: str
    min_organisations: int = 1
    max_organisations: int | None = None
    min_countries: int = 1
    min_eu_member_states: int = 0
    non_associated_may_join: bool = False
    non_associated_may_apply: bool = False
    non_associated_regions: tuple[int, ...] = ()
    excluded_countries: frozenset[str] = frozenset()
    min_non_associated_organisations: int = 0
    non_associated_one_region: bool = False
    non_associated_majority: bool = False
    duration_min_months: int | None = None
    duration_max_months: int | None = None
    max_participants: int | None = None
    lump_sums: tuple[int, ...] = ()
    min_grant_eur: int | None = None
    max_grant_eur: int | None = None
    applicant_kinds: tuple[str, ...] = ()
    accredited_excluded: bool = False
    accredited_required: bool = False
    max_grants: int | None = None
    max_grants_period_years: int | None = None
    min_ngo_network_countries: int | None = None
    alternatives: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    newcomer_friendly: bool = False
    unconfirmed_rules: frozenset[str] = frozenset()
    confirmed: bool = True
    offered: bool = True
    offer_note: str = ""
    source_url: str = ""
    # A mobility format (Key Action 1): the planner estimates its budget.
    mobility: bool = False
    # The planner checks its project rules (else only its activities and budget).
    plannable: bool = False


@dataclass(frozen=True)
class Programme:
    formats: tuple[FormatRules, ...]
    countries: dict[str, CountryFacts]
    agencies: tuple[AgencyFacts, ...]
    kind_labels: dict[str, str] = field(default_factory=dict)

    def agency(
        self, country: str, community: str = "", managed_by: str = NATIONAL_AGENCY
    ) -> AgencyFacts | None:
        """Return the body that takes an application from an organisation in ``country``.

        EACEA for the formats it manages; else the country's National Agency, chosen by the
        community where each community has its own (Belgium). None when that cannot be told:
        a country outside the programme, no agency in the data, or the community not given.
        """
        if managed_by == EACEA:
            return next((a for a in self.agencies if a.kind == EACEA), None)
        country = self.taking_part_as(country)
        facts = self.countries.get(country)
        if facts is None or facts.status == NON_ASSOCIATED:
            return None
        per_community = self.per_community(country)
        if per_community and not community:
            return None
        wanted = community if per_community else ""
        return next(
            (
                a
                for a in self.agencies
                if a.kind == NATIONAL_AGENCY and a.country == country and a.community == wanted
            ),
            None,
        )

    def per_community(self, country: str) -> bool:
        """Return whether the National Agency for ``country`` depends on the community."""
        facts = self.countries.get(self.taking_part_as(country))
        return bool(facts and facts.has_communities)

    def taking_part_as(self, country: str) -> str:
        """Return the country whose organisations ``country``'s take part as: its member state
        for an outermost region, an overseas country or territory or Åland, else itself."""
        facts = self.countries.get(country)
        if facts is not None and facts.member_state and facts.member_state in self.countries:
            return facts.member_state
        return country


@dataclass(frozen=True)
class Verdict:
    code: str
    name: str
    verdict: str
    checks: tuple[Check, ...]
    apply_to: AgencyFacts | None
    suggestions: tuple[str, ...] = ()
    source_url: str = ""

    @property
    def failed(self):
        return [check for check in self.checks if check.status == FAIL]

    @property
    def questions(self):
        """The checks that an answer of the user's would settle."""
        return [check for check in self.checks if check.asks]

    @property
    def outcome(self):
        """The verdict as the checker groups it: "needs your answer" apart from "unknown"."""
        if self.verdict == UNKNOWN and self.questions:
            return NEEDS_ANSWER
        return self.verdict


def judge(situation: Situation, programme: Programme) -> list[Verdict]:
    """Return a verdict for every format, with its checks, agency and suggestions."""
    # The body that takes the application depends on who manages the format, not on the format.
    # An outermost region's or overseas territory's organisation applies to its member state's
    # National Agency (``Programme.agency`` follows ``member_state``).
    agencies = {
        managed_by: programme.agency(situation.country, situation.community, managed_by)
        for managed_by in {rules.managed_by for rules in programme.formats}
    }
    with one_language():
        verdicts = {
            rules.code: _judge_format(situation, rules, programme, agencies[rules.managed_by])
            for rules in programme.formats
        }
        return [
            _with_suggestions(verdict, rules, verdicts)
            for rules, verdict in _pairs(programme, verdicts)
        ]


def recommend(
    situation: Situation,
    programme: Programme,
    goal: str,
    first_time: bool,
    partner_count: int | None,
) -> list[Verdict]:
    """Return the formats that serve the goal and may fit, the best first.

    For newcomers who know what they want but not the formats: a format is left out when a
    rule already fails or when it needs more organisations than the applicant and its partners.
    Newcomer-friendly formats come first for a first application, then smaller partnerships.
    """
    rules = {r.code: r for r in programme.formats}
    fitting = []
    for position, verdict in enumerate(judge(situation, programme)):
        format_rules = rules[verdict.code]
        if goal not in format_rules.goals or verdict.verdict == NOT_ELIGIBLE:
            continue
        if partner_count is not None and 1 + partner_count < format_rules.min_organisations:
            continue
        rank = (
            first_time and not format_rules.newcomer_friendly,
            format_rules.min_organisations,
            position,
        )
        fitting.append((rank, verdict))
    return [verdict for _rank, verdict in sorted(fitting, key=lambda pair: pair[0])]


def region_list(regions):
    """Say region numbers with runs joined: (1, 2, 3, 9, 10, 11) -> "1–3, 9–11"."""
    runs = []
    for number in sorted(regions):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return join(
        str(low) if low == high else (f"{low}, {high}" if high == low + 1 else f"{low}–{high}")
        for low, high in runs
    )


def _pairs(programme, verdicts):
    return [(rules, verdicts[rules.code]) for rules in programme.formats]


def _with_suggestions(verdict, rules, verdicts):
    if verdict.verdict != NOT_ELIGIBLE:
        return verdict
    fitting = tuple(
        code
        for code in rules.alternatives
        if code in verdicts and verdicts[code].verdict != NOT_ELIGIBLE
    )
    return Verdict(**{**verdict.__dict__, "suggestions": fitting})


def _judge_format(situation, rules, programme, apply_to):
    judge = _FormatJudge(situation, rules, programme)
    checks = tuple(judge.checks())
    verdict = combine([check.status for check in checks] + ([] if rules.confirmed else [UNKNOWN]))
    return Verdict(
        code=rules.code,
        name=rules.name,
        verdict=verdict,
        checks=checks,
        apply_to=apply_to,
        source_url=rules.source_url,
    )


class _FormatJudge:
    """The checks of one format for one situation, in the order a coordinator reads them."""

    def __init__(self, situation, rules, programme):
        self.situation = situation
        self.rules = rules
        self.programme = programme
        self.applicant = programme.countries.get(situation.country)

    def checks(self):
        if self.situation.organisation_type == INDIVIDUAL:
            yield Check(
                "applicant",
                FAIL,
                _(
                    "Individuals cannot apply: an organisation (a school, company or other "
                    "legal entity) applies, and you take part through its project."
                ),
            )
            return
        if not self.rules.offered:
            yield Check("offered", FAIL, self.not_offered())
            return
        country = self.country()
        yield country
        yield from self.authorities(applying=country.status != FAIL)
        for check in CHECKS:
            yield from getattr(self, check)()
        yield from self.agency_check()

    def not_offered(self):
        message = _("This format is not offered in the current call.")
        return f"{message} {self.rules.offer_note}" if self.rules.offer_note else message

    # Who applies

    def country(self):
        applicant = self.applicant
        name = applicant.name
        if applicant.member_state:
            member = self.programme.countries.get(applicant.member_state)
            check = self.country_of(member) if member else None
            if check is not None and check.status != FAIL:
                taking_part = _(
                    "%(country)s takes part as %(member_state)s, the member state it belongs to: "
                    "its organisations apply to the National Agency of %(member_state)s."
                ) % {"country": name, "member_state": member.name}
                return Check("applicant_country", check.status, f"{taking_part} {check.message}")
            if check is not None:
                return check
        return self.country_of(applicant)

    def authorities(self, applying):
        """The authorities of some countries may take part in no action (Georgia's: Programme
        Guide 2026, p. 34, footnote 46). Partners: ``partner_authorities``."""
        if applying and self.applicant.authorities_excluded:
            yield self.applicant_authority(self.applicant)

    def partner_authorities(self, partners):
        """Where partners from such a country may join, say that its authorities may not."""
        excluded = sorted({c for c in partners if c.authorities_excluded}, key=lambda c: c.name)
        if excluded and self.rules.non_associated_may_join:
            yield Check(
                "authorities_excluded",
                PASS,
                _(
                    "Partners from %(countries)s take part only if they are not its authorities: "
                    "central government, local authorities, agencies and state-owned enterprises "
                    "(%(source)s)."
                )
                % {
                    "countries": join(country.name for country in excluded),
                    "source": source_label(excluded[0].source_url),
                },
            )

    def applicant_authority(self, applicant):
        values = {"country": applicant.name, "source": source_label(applicant.source_url)}
        rule = (
            _(
                "Authorities of %(country)s (central government, local authorities, agencies and "
                "state-owned enterprises) may not take part in any Erasmus+ action (%(source)s)."
            )
            % values
        )
        kind = self.situation.organisation_type
        if kind is None:
            question = _("Is your organisation one of them?")
            return Check("authorities_excluded", UNKNOWN, f"{rule} {question}", "organisation_type")
        if kind == PUBLIC_AUTHORITY:
            return Check("authorities_excluded", FAIL, rule)
        return Check(
            "authorities_excluded",
            PASS,
            _(
                "Your organisation is not a public authority of %(country)s, so it may take part "
                "unless it is a state-owned enterprise (%(source)s)."
            )
            % values,
        )

    def country_of(self, applicant):
        rules = self.rules
        name = applicant.name
        if applicant.code in rules.excluded_countries:
            return Check(
                "applicant_country",
                FAIL,
                _("Organisations from %(country)s may not take part in this format.")
                % {"country": name},
            )
        if applicant.status == EU_MEMBER:
            status = PASS
            message = _("%(country)s is an EU member state: its organisations may apply.")
        elif applicant.status == ASSOCIATED:
            status = PASS
            message = _("%(country)s is associated to the programme: its organisations may apply.")
        elif rules.non_associated_may_apply:
            status = PASS
            message = _("Organisations from %(country)s may apply for this format.")
        else:
            status = FAIL
            message = _(
                "%(country)s is not associated to the programme: its organisations cannot "
                "apply, but may join some projects as partners."
            )
        if status == PASS and not applicant.confirmed:
            status = UNKNOWN
            message += " " + _(
                "Whether %(country)s takes part under this status is not confirmed: check "
                "with your National Agency."
            )
        return Check("applicant_country", status, message % {"country": name})

    def applicant_kind(self):
        allowed = self.rules.applicant_kinds
        if not allowed:
            return
        labels = self.programme.kind_labels
        allowed_text = join(labels.get(kind, kind) for kind in allowed)
        kind = self.situation.organisation_type
        if kind is None:
            yield self._rule(
                "applicant_kinds",
                UNKNOWN,
                _("Only these organisations may apply: %(kinds)s. What kind is yours?")
                % {"kinds": allowed_text},
                field="organisation_type",
            )
        elif kind in allowed:
            yield self._rule(
                "applicant_kinds",
                PASS,
                _("This kind of organisation may apply: %(kind)s.")
                % {"kind": labels.get(kind, kind)},
            )
        else:
            yield self._rule(
                "applicant_kinds",
                FAIL,
                _("Only these organisations may apply: %(kinds)s.") % {"kinds": allowed_text},
            )

    def european_ngo(self):
        minimum = self.rules.min_ngo_network_countries
        if minimum is None:
            return
        countries = self.situation.ngo_network_countries
        if countries is None:
            yield self._rule(
                "min_ngo_network_countries",
                FAIL,
                _(
                    "Only European NGOs apply here: a European body with member organisations "
                    "or branches in at least %(minimum)d EU member states and associated "
                    "countries. Other organisations apply for a cooperation partnership at their "
                    "National Agency."
                )
                % {"minimum": minimum},
            )
        elif countries < minimum:
            yield self._rule(
                "min_ngo_network_countries",
                FAIL,
                _(
                    "Your network spans %(countries)d countries; a European NGO needs at least "
                    "%(minimum)d. Apply for a cooperation partnership at your National Agency."
                )
                % {"countries": countries, "minimum": minimum},
            )
        else:
            yield self._rule(
                "min_ngo_network_countries",
                PASS,
                _("Your network spans %(countries)d countries (at least %(minimum)d needed).")
                % {"countries": countries, "minimum": minimum},
            )

    def accreditation(self):
        accredited = self.situation.accredited
        if self.rules.accredited_excluded:
            if accredited is None:
                yield self._rule(
                    "accredited_excluded",
                    UNKNOWN,
                    _(
                        "Organisations with an Erasmus accreditation in VET cannot apply. "
                        "Do you hold one?"
                    ),
                    field="accredited",
                )
            elif accredited:
                yield self._rule(
                    "accredited_excluded",
                    FAIL,
                    _(
                        "Your organisation holds an Erasmus accreditation in VET: it requests "
                        "its mobility funding through that accreditation instead."
                    ),
                )
            else:
                yield self._rule(
                    "accredited_excluded",
                    PASS,
                    _("Your organisation holds no Erasmus accreditation in VET."),
                )
        if self.rules.accredited_required:
            if accredited is None:
                yield self._rule(
                    "accredited_required",
                    UNKNOWN,
                    _(
                        "Only organisations with an Erasmus accreditation in VET can apply. "
                        "Do you hold one?"
                    ),
                    field="accredited",
                )
            elif accredited:
                yield self._rule(
                    "accredited_required",
                    PASS,
                    _("Your organisation holds an Erasmus accreditation in VET."),
                )
            else:
                yield self._rule(
                    "accredited_required",
                    FAIL,
                    _(
                        "Only organisations with an Erasmus accreditation in VET can apply, "
                        "and yours holds none."
                    ),
                )

    def grant_limit(self):
        limit, years = self.rules.max_grants, self.rules.max_grants_period_years
        if limit is None:
            return
        received = self.situation.short_term_grants_last_5_years
        values = {"limit": limit, "years": years, "received": received}
        if received is None:
            yield self._rule(
                "grant_limit",
                UNKNOWN,
                _(
                    "An organisation receives at most %(limit)d of these grants in %(years)d "
                    "call years. How many has yours received?"
                )
                % values,
                field="short_term_grants_last_5_years",
            )
        elif received >= limit:
            yield self._rule(
                "grant_limit",
                FAIL,
                _(
                    "Your organisation has received %(received)d of these grants; at most "
                    "%(limit)d are allowed in %(years)d call years."
                )
                % values,
            )
        else:
            yield self._rule(
                "grant_limit",
                PASS,
                _(
                    "%(received)d earlier grants: under the limit of %(limit)d in %(years)d "
                    "call years."
                )
                % values,
            )

    # The partnership

    def partnership(self):
        rules = self.rules
        partners = self.situation.partners
        if rules.max_organisations == 1:
            yield self._rule(
                "max_organisations",
                PASS,
                _("One organisation applies; partners abroad are not part of the application."),
            )
            return
        if partners is None:
            if rules.min_organisations > 1:
                yield self._rule(
                    "min_organisations",
                    UNKNOWN,
                    _("Add your partner organisations to check the partnership rules."),
                    field="partners",
                )
            return
        countries = self.programme.countries
        as_member = self.programme.taking_part_as
        known = [countries[as_member(code)] for code in partners if code in countries]
        organisations = [countries[as_member(self.applicant.code)], *known]
        yield from self.excluded(known)
        yield from self.non_associated(known)
        yield from self.partner_authorities(known)
        programme_orgs = [c for c in organisations if c.status in (EU_MEMBER, ASSOCIATED)]
        yield from self.third_country_balance(known, programme_orgs)
        needed = rules.min_organisations - rules.min_non_associated_organisations
        values = {"count": len(programme_orgs), "minimum": needed}
        if rules.min_organisations > 1:
            yield self._rule(
                "min_organisations",
                PASS if len(programme_orgs) >= needed else FAIL,
                translate_plural(
                    "%(count)d organisation from EU member states and associated countries, "
                    "applicant included; at least %(minimum)d needed.",
                    "%(count)d organisations from EU member states and associated countries, "
                    "applicant included; at least %(minimum)d needed.",
                    len(programme_orgs),
                )
                % values,
            )
        if rules.max_organisations is not None and len(organisations) > rules.max_organisations:
            yield self._rule(
                "max_organisations",
                FAIL,
                _("At most %(maximum)d organisations take part; you name %(count)d.")
                % {"maximum": rules.max_organisations, "count": len(organisations)},
            )
        distinct = {c.code for c in programme_orgs}
        if rules.min_countries > 1:
            yield self._rule(
                "min_countries",
                PASS if len(distinct) >= rules.min_countries else FAIL,
                translate_plural(
                    "%(count)d different EU member state or associated country; at least "
                    "%(minimum)d needed.",
                    "%(count)d different EU member states and associated countries; at least "
                    "%(minimum)d needed.",
                    len(distinct),
                )
                % {"count": len(distinct), "minimum": rules.min_countries},
            )
        if rules.min_eu_member_states:
            members = {c.code for c in programme_orgs if c.status == EU_MEMBER}
            yield self._rule(
                "min_eu_member_states",
                PASS if len(members) >= rules.min_eu_member_states else FAIL,
                translate_plural(
                    "%(count)d EU member state among them; at least %(minimum)d needed.",
                    "%(count)d EU member states among them; at least %(minimum)d needed.",
                    len(members),
                )
                % {"count": len(members), "minimum": rules.min_eu_member_states},
            )

    def excluded(self, partners):
        excluded = sorted({c.name for c in partners if c.code in self.rules.excluded_countries})
        if excluded:
            yield self._rule(
                "excluded_countries",
                FAIL,
                _("Organisations from %(countries)s may not take part in this format.")
                % {"countries": join(excluded)},
            )

    def non_associated(self, partners):
        rules = self.rules
        outside = [
            c
            for c in partners
            if c.status == NON_ASSOCIATED and c.code not in rules.excluded_countries
        ]
        minimum = rules.min_non_associated_organisations
        if not outside and not minimum:
            return
        names = join(sorted({c.name for c in outside}))
        if outside and not rules.non_associated_may_join:
            yield self._rule(
                "non_associated_may_join",
                FAIL,
                _(
                    "Organisations from countries not associated to the programme (%(countries)s) "
                    "cannot take part in this format."
                )
                % {"countries": names},
            )
            return
        eligible, unknown_region, wrong_region = [], [], []
        for country in outside:
            if not rules.non_associated_regions:
                eligible.append(country)
            elif country.region is None:
                unknown_region.append(country)
            elif country.region in rules.non_associated_regions:
                eligible.append(country)
            else:
                wrong_region.append(country)
        regions = region_list(rules.non_associated_regions)
        if wrong_region:
            yield self._rule(
                "non_associated_regions",
                FAIL,
                _("Partners from %(countries)s are outside the eligible regions (%(regions)s).")
                % {"countries": join(sorted({c.name for c in wrong_region})), "regions": regions},
            )
        if unknown_region:
            yield self._rule(
                "non_associated_regions",
                UNKNOWN,
                _(
                    "Partners must come from regions %(regions)s; the region of %(countries)s is "
                    "not in our data. Check the Programme Guide's list of regions."
                )
                % {"countries": join(sorted({c.name for c in unknown_region})), "regions": regions},
            )
        if outside and not wrong_region and not unknown_region:
            yield self._rule(
                "non_associated_may_join",
                PASS,
                _("Partners from %(countries)s may join as partners, not as coordinator.")
                % {"countries": names},
            )
        if minimum:
            count = len(eligible)
            status = PASS if count >= minimum else (UNKNOWN if unknown_region else FAIL)
            yield self._rule(
                "min_non_associated_organisations",
                status,
                translate_plural(
                    "%(count)d organisation from an eligible country not associated to the "
                    "programme; at least %(minimum)d needed.",
                    "%(count)d organisations from eligible countries not associated to the "
                    "programme; at least %(minimum)d needed.",
                    count,
                )
                % {"count": count, "minimum": minimum},
            )

    def eligible_outside(self, partners):
        """The partners from non-associated countries that the format's regions admit."""
        rules = self.rules
        return [
            c
            for c in partners
            if c.status == NON_ASSOCIATED
            and c.code not in rules.excluded_countries
            and (not rules.non_associated_regions or c.region in rules.non_associated_regions)
        ]

    def third_country_balance(self, partners, programme_orgs):
        """Capacity building (p. 338): one region only, and not outnumbered by Europe."""
        rules = self.rules
        eligible = self.eligible_outside(partners)
        if rules.non_associated_one_region and eligible:
            regions = sorted({c.region for c in eligible if c.region is not None})
            if len(regions) > 1:
                yield self._rule(
                    "one_region",
                    FAIL,
                    _(
                        "Partners from %(countries)s come from different regions (%(regions)s): "
                        "projects across regions are not eligible."
                    )
                    % {
                        "countries": join(sorted({c.name for c in eligible})),
                        "regions": region_list(regions),
                    },
                )
            else:
                yield self._rule(
                    "one_region",
                    PASS,
                    _("The partners from outside the programme come from one region."),
                )
        if rules.non_associated_majority:
            values = {"programme": len(programme_orgs), "outside": len(eligible)}
            yield self._rule(
                "non_associated_majority",
                PASS if len(programme_orgs) <= len(eligible) else FAIL,
                _(
                    "%(programme)d organisations from EU member states and associated countries, "
                    "%(outside)d from eligible countries outside the programme: the first may "
                    "not outnumber the second."
                )
                % values,
            )

    # Size and money

    def duration(self):
        low, high = self.rules.duration_min_months, self.rules.duration_max_months
        if low is None and high is None:
            return
        months = self.situation.duration_months
        allowed = range_text(low, high, _("months"))
        if months is None:
            yield self._rule(
                "duration",
                UNKNOWN,
                _("Projects last %(range)s. How long is yours?") % {"range": allowed},
                field="duration_months",
            )
            return
        fits = (low is None or months >= low) and (high is None or months <= high)
        yield self._rule(
            "duration",
            PASS if fits else FAIL,
            _("%(months)d months; projects last %(range)s.") % {"months": months, "range": allowed},
        )

    def participants(self):
        cap = self.rules.max_participants
        if cap is None:
            return
        count = self.situation.participants
        if count is None:
            yield self._rule(
                "max_participants",
                UNKNOWN,
                _("At most %(cap)d participants. How many do you plan?") % {"cap": cap},
                field="participants",
            )
            return
        yield self._rule(
            "max_participants",
            PASS if count <= cap else FAIL,
            _(
                "%(count)d participants; at most %(cap)d (accompanying persons and preparatory "
                "visits not counted)."
            )
            % {"count": count, "cap": cap},
        )

    def grant(self):
        rules, amount = self.rules, self.situation.grant_eur
        if rules.lump_sums:
            if amount is None:
                return
            sums = join(euros(s) for s in rules.lump_sums)
            if amount in rules.lump_sums:
                yield self._rule(
                    "grant",
                    PASS,
                    _("%(amount)s is one of the lump sums (%(sums)s).")
                    % {"amount": euros(amount), "sums": sums},
                )
            else:
                nearest = sorted(rules.lump_sums, key=lambda s: (abs(s - amount), s))[0]
                yield self._rule(
                    "grant",
                    FAIL,
                    _(
                        "The grant is a fixed lump sum of %(sums)s; %(amount)s is not one of "
                        "them. The nearest is %(nearest)s."
                    )
                    % {"sums": sums, "amount": euros(amount), "nearest": euros(nearest)},
                )
            return
        low, high = rules.min_grant_eur, rules.max_grant_eur
        if amount is None or (low is None and high is None):
            return
        fits = (low is None or amount >= low) and (high is None or amount <= high)
        yield self._rule(
            "grant",
            PASS if fits else FAIL,
            _("%(amount)s requested; the grant is %(range)s.")
            % {"amount": euros(amount), "range": range_text(low, high, None, money=True)},
        )

    # Where to apply

    def agency_check(self):
        managed_by, country = self.rules.managed_by, self.applicant.code
        if managed_by != NATIONAL_AGENCY or not self.programme.per_community(country):
            return
        if not self.situation.community:
            yield Check(
                "community",
                UNKNOWN,
                _(
                    "Belgium has a National Agency per community: tell us whether your "
                    "organisation belongs to the Flemish, French or German-speaking Community."
                ),
                "community",
            )

    def _rule(self, rule, status, message, field=""):
        """Make a check; a rule whose fact is unconfirmed can only be ``unknown``.

        ``field`` names the question whose answer decides an ``unknown`` check.
        """
        if rule in self.rules.unconfirmed_rules and status != UNKNOWN:
            if self.rules.managed_by == EACEA:
                advice = _(
                    "This rule is not confirmed: check the call on the Funding & Tenders Portal."
                )
            else:
                advice = _("This rule is not confirmed: check with your National Agency.")
            return Check(rule, UNKNOWN, f"{message} {advice}")
        return Check(rule, status, message, field if status == UNKNOWN else "")
