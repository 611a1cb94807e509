"""The Erasmus+ VET programme as data: every number and rule the portal shows or applies.

Editors change these records in the admin; nothing here knows about a user's situation.
Fixtures in ``fixtures/`` seed them (``manage.py load_programme``), with a source per record.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, FilteredRelation, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .calls import active_year, call_query
from .rules import RULE_NAMES

LANGUAGES = ("nl", "en")


class Translated:
    """Read ``<name>_nl`` or ``<name>_en`` for the active language, falling back to the other."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        active = (get_language() or "nl")[:2]
        order = (active, *(lang for lang in LANGUAGES if lang != active))
        for lang in order:
            value = getattr(instance, f"{self.name}_{lang}", "")
            if value:
                return value
        return ""


class CodeManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class FormatChildManager(models.Manager):
    def get_by_natural_key(self, format_code, year, *rest):
        lookup = dict(zip(self.model.NATURAL_FIELDS, rest, strict=True))
        return self.get(format__code=format_code, format__call_id=year, **lookup)


def unique_sources(records):
    """Return the records that cite a source, one per source URL, in their order."""
    seen, unique = set(), []
    for record in records:
        if record.source_url and record.source_url not in seen:
            seen.add(record.source_url)
            unique.append(record)
    return unique


class Sourced(models.Model):
    """A record whose facts come from a cited source, and may still be unconfirmed."""

    source_url = models.URLField(
        _("source URL"), max_length=500, blank=True, help_text=_("Where the facts come from.")
    )
    source_note = models.TextField(
        _("source note"),
        blank=True,
        help_text=_("Which part of the source, the call year, and any conflict between sources."),
    )
    confirmed = models.BooleanField(
        _("confirmed"),
        default=True,
        help_text=_(
            "Untick when an official source does not state these facts. Pages and the checker "
            "then say “check with your National Agency”."
        ),
    )

    class Meta:
        abstract = True


class Described(Sourced):
    """A programme record with a code and a Dutch and English name, summary and description."""

    code = models.SlugField(
        _("code"), max_length=60, unique=True, help_text=_("Stable identifier; used in URLs.")
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    summary_nl = models.TextField(_("summary (Dutch)"), blank=True, help_text=_("One sentence."))
    summary_en = models.TextField(_("summary (English)"), blank=True, help_text=_("One sentence."))
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers are listed first.")
    )

    name = Translated()
    summary = Translated()
    description = Translated()

    objects = CodeManager()

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)


class OrganisationKind(models.TextChoices):
    VET_PROVIDER = "vet_provider", _("VET provider")
    COMPANY = "company", _("Company training VET learners")
    PUBLIC_AUTHORITY = "public_authority", _("Public authority")
    NGO = "ngo", _("Non-governmental organisation")
    HIGHER_EDUCATION = "higher_education", _("Higher-education institution")
    TEACHER_TRAINING = "teacher_training", _("Teacher-training institution")
    SCHOOL = "school", _("School")
    OTHER = "other", _("Other organisation")


class Goal(models.TextChoices):
    SEND_LEARNERS = "send_learners", _("Send learners abroad")
    SEND_STAFF = "send_staff", _("Send staff abroad")
    HOST = "host", _("Host participants from abroad")
    COOPERATE = "cooperate", _("Work with partners abroad")
    BUILD_CAPACITY = "build_capacity", _("Build capacity outside Europe")
    TEACH_EU = "teach_eu", _("Teach about the European Union")


class ActionLine(Described):
    """Key Action 1 (mobility), Key Action 2 (cooperation) or the Jean Monnet actions."""

    is_mobility = models.BooleanField(
        _("mobility action line"),
        default=False,
        help_text=_(
            "Tick for Key Action 1: its page lists the ways to take part without applying, its "
            "formats' pages list the mobility activities, and a format without a fixed grant "
            "says it pays unit amounts."
        ),
    )

    history = HistoricalRecords()

    class Meta(Described.Meta):
        verbose_name = _("action line")
        verbose_name_plural = _("action lines")

    def get_absolute_url(self):
        return reverse("opportunities:action-line-detail", args=[self.code])


class CallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Call.State.PUBLISHED)


class Call(models.Model):
    """A yearly call for proposals: the formats, rules, grants and country statuses it applies.

    Editors prepare the next call as a draft (a copy of the current one), then publish it. The
    newest published call is the current one: pages, the checker and the API describe it
    unless a request asks for another published year (``?call=2026``).
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft: editors only")
        PUBLISHED = "published", _("Published")

    year = models.PositiveSmallIntegerField(
        _("year"), primary_key=True, help_text=_("The year of the call, e.g. 2026.")
    )
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)

    objects = CallQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=2021, year__lte=2100), name="call_year_in_range"
            ),
        ]

    def __str__(self):
        return _("Call %(year)d") % {"year": self.year}

    @property
    def published(self):
        return self.state == self.State.PUBLISHED


class CountryQuerySet(models.QuerySet):
    def in_call(self, year=None):
        """Return the countries the call lists (by default the call the request describes),
        with their ``status``, ``region``, ``status_confirmed``, ``status_source_url`` and
        ``authorities_excluded``."""
        year = year or active_year()
        return (
            self.annotate(
                call_status=FilteredRelation("statuses", condition=Q(statuses__call_id=year))
            )
            .filter(call_status__isnull=False)
            .annotate(
                status=F("call_status__status"),
                region=F("call_status__region"),
                status_confirmed=F("call_status__confirmed"),
                status_source_url=F("call_status__source_url"),
                authorities_excluded=F("call_status__authorities_excluded"),
            )
        )

    def programme_countries(self, year=None):
        """EU member states and associated countries in the call, without the territories
        taking part as one of them."""
        return (
            self.in_call(year)
            .exclude(status=Country.Status.NON_ASSOCIATED)
            .filter(member_state__isnull=True)
        )


class Country(Sourced):
    """A country of the world; its place in the programme is given per call (``CountryStatus``)."""

    class Status(models.TextChoices):
        EU_MEMBER = "eu_member", _("EU member state")
        ASSOCIATED = "associated", _("Third country associated to the programme")
        NON_ASSOCIATED = "non_associated", _("Third country not associated to the programme")

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        primary_key=True,
        help_text=_("ISO 3166-1 alpha-2, e.g. NL; XK for Kosovo."),
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    member_state = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="territories",
        verbose_name=_("takes part as"),
        help_text=_(
            "For an outermost region, an overseas country or territory, or Åland: the EU member "
            "state it takes part as. The checker treats its organisations as that state's and "
            "sends them to its National Agency."
        ),
    )
    has_communities = models.BooleanField(
        _("National Agency per community"),
        default=False,
        help_text=_(
            "Tick when each language community has its own National Agency (Belgium): the "
            "checker then asks for the community and sends the application to its agency."
        ),
    )

    name = Translated()
    objects = CodeManager.from_queryset(CountryQuerySet)()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_is_two_capitals"
            ),
            models.CheckConstraint(
                condition=Q(member_state__isnull=True) | ~Q(member_state=F("code")),
                name="country_member_state_not_itself",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def natural_key(self):
        return (self.code,)

    @property
    def in_programme(self):
        return self.status != self.Status.NON_ASSOCIATED


class CountryStatusManager(models.Manager):
    def get_by_natural_key(self, year, country):
        return self.get(call_id=year, country_id=country)


class CountryStatus(Sourced):
    """A country's place in one call: member state, associated, or not, and its region."""

    Status = Country.Status

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="country_statuses", verbose_name=_("call")
    )
    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="statuses", verbose_name=_("country")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status,
        default=Status.NON_ASSOCIATED,
        help_text=_("Only organisations from EU member states and associated countries apply."),
    )
    region = models.PositiveSmallIntegerField(
        _("region"),
        null=True,
        blank=True,
        help_text=_(
            "Region of a non-associated third country in the Programme Guide (1 Western Balkans, "
            "2 Neighbourhood East, 3 South-Mediterranean, 4 Russia, …). Empty when unknown."
        ),
    )
    authorities_excluded = models.BooleanField(
        _("authorities excluded"),
        default=False,
        help_text=_(
            "The country's authorities (central government, local authorities, agencies and "
            "state-owned enterprises) may not take part in any action, as the Programme Guide "
            "2026 says of Georgia (p. 34, footnote 46). Other organisations from it may."
        ),
    )

    objects = CountryStatusManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("country status")
        verbose_name_plural = _("country statuses")
        ordering = ["-call", "country"]
        constraints = [
            models.UniqueConstraint(fields=["call", "country"], name="country_status_unique"),
            models.CheckConstraint(
                condition=Q(region__isnull=True) | Q(status="non_associated", region__gte=1),
                name="country_region_only_for_non_associated",
            ),
        ]

    def __str__(self):
        return f"{self.country_id} {self.call_id}: {self.get_status_display()}"

    def natural_key(self):
        return (self.call_id, self.country_id)

    natural_key.dependencies = ["opportunities.call", "opportunities.country"]


class AgencyQuerySet(models.QuerySet):
    def national(self):
        return self.filter(kind=Agency.Kind.NATIONAL_AGENCY)


class Agency(Sourced):
    """A National Agency for VET (per country; in Belgium per community) or EACEA."""

    class Kind(models.TextChoices):
        NATIONAL_AGENCY = "national_agency", _("National Agency")
        EACEA = "eacea", _("European Education and Culture Executive Agency (EACEA)")

    class Community(models.TextChoices):
        FLEMISH = "nl", _("Flemish Community")
        FRENCH = "fr", _("French Community")
        GERMAN = "de", _("German-speaking Community")

    code = models.SlugField(_("code"), max_length=20, unique=True, help_text=_("e.g. nl, be-fr."))
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The agency's own name, as it uses it.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
        verbose_name=_("country"),
        help_text=_("The country it serves; empty for EACEA."),
    )
    community = models.CharField(
        _("Belgian community"),
        max_length=2,
        choices=Community,
        blank=True,
        help_text=_("Only for Belgium: the community whose organisations apply here."),
    )
    url = models.URLField(_("website"), max_length=300)
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("The address for questions about applying.")
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("In international form, as the agency writes it: +31 30 230 3030."),
    )
    address = models.TextField(
        _("postal address"), blank=True, help_text=_("As the agency publishes it, line by line.")
    )
    contact_source_url = models.URLField(
        _("source of the contact details"),
        max_length=500,
        blank=True,
        help_text=_("The official page that gives this e-mail address, phone and address."),
    )

    objects = CodeManager.from_queryset(AgencyQuerySet)()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["kind", "country", "community"]
        # These two name Belgium: a check constraint cannot read Country.has_communities (another
        # table). tests/opportunities/test_programme_data.py checks that the two agree.
        constraints = [
            models.CheckConstraint(
                condition=~Q(country="BE", kind="national_agency") | ~Q(community=""),
                name="agency_belgian_names_community",
            ),
            models.CheckConstraint(
                condition=Q(community="") | Q(country="BE"),
                name="agency_community_only_in_belgium",
            ),
            models.CheckConstraint(
                condition=Q(kind="eacea", country__isnull=True)
                | Q(kind="national_agency", country__isnull=False),
                name="agency_national_has_country",
            ),
            models.UniqueConstraint(
                fields=["country", "community"],
                condition=Q(kind="national_agency"),
                name="agency_one_per_country_community",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)


class FormatManager(models.Manager):
    def get_by_natural_key(self, code, year):
        return self.get(code=code, call_id=year)


class FormatQuerySet(models.QuerySet):
    def in_call(self, year=None):
        """Return the formats of the call ``year``; by default the call the request describes."""
        return self.filter(call_id=year or active_year())

    def catalogue(self):
        """Formats with what a listing shows: action line, lump sums and deadlines."""
        return self.select_related("action_line").prefetch_related("grant_tiers", "deadlines")

    def with_eacea_url(self):
        """Annotate ``eacea_url``, EACEA's website, so a format page needs no extra query."""
        eacea = Agency.objects.filter(kind=Agency.Kind.EACEA).values("url")[:1]
        return self.annotate(eacea_url=Subquery(eacea))


class Format(Described):
    """One kind of project an organisation applies for, with every rule the checker applies.

    The rules and the fields that hold them are declared in ``rules.py``.
    """

    class ManagedBy(models.TextChoices):
        NATIONAL_AGENCY = "national_agency", _("National Agency of the applicant's country")
        EACEA = "eacea", _("EACEA in Brussels")

    call = models.ForeignKey(
        Call,
        on_delete=models.PROTECT,
        related_name="formats",
        verbose_name=_("call"),
        help_text=_("The call whose rules and grants these are."),
    )
    code = models.CharField(
        _("code"),
        max_length=60,
        help_text=_("The official action code, e.g. KA220-VET: the same in every call."),
    )
    action_line = models.ForeignKey(
        ActionLine,
        on_delete=models.PROTECT,
        related_name="formats",
        verbose_name=_("action line"),
    )
    managed_by = models.CharField(
        _("managed by"),
        max_length=20,
        choices=ManagedBy,
        help_text=_("Who takes the application."),
    )
    offered = models.BooleanField(
        _("offered in this call"),
        default=True,
        help_text=_(
            "Untick when the call does not offer this format: its page and the checker then say "
            "so and point to the alternatives."
        ),
    )
    offer_note_nl = models.TextField(
        _("offer note (Dutch)"),
        blank=True,
        help_text=_("Why the format is not offered and what replaced it, for the public pages."),
    )
    offer_note_en = models.TextField(_("offer note (English)"), blank=True)
    plannable = models.BooleanField(
        _("planned by the mobility planner"),
        default=False,
        help_text=_(
            "The format of the short-term mobility projects the planner checks (participant "
            "cap, duration). At most one format."
        ),
    )
    min_organisations = models.PositiveSmallIntegerField(
        _("minimum organisations"),
        default=1,
        help_text=_("Applicant included. 1 means an organisation may apply alone."),
    )
    max_organisations = models.PositiveSmallIntegerField(
        _("maximum organisations"),
        null=True,
        blank=True,
        help_text=_("Empty means no maximum. 1 means a single applicant only."),
    )
    min_countries = models.PositiveSmallIntegerField(
        _("minimum countries"),
        default=1,
        help_text=_(
            "Minimum distinct EU member states and associated countries among the organisations."
        ),
    )
    min_eu_member_states = models.PositiveSmallIntegerField(
        _("minimum EU member states"),
        default=0,
        help_text=_("Minimum distinct EU member states among the organisations."),
    )
    non_associated_may_join = models.BooleanField(
        _("non-associated countries may join"),
        default=False,
        help_text=_("Whether organisations from non-associated third countries may be partners."),
    )
    non_associated_may_apply = models.BooleanField(
        _("non-associated countries may apply"),
        default=False,
        help_text=_("Whether an organisation from a non-associated third country may apply."),
    )
    non_associated_regions = models.JSONField(
        _("eligible regions"),
        default=list,
        blank=True,
        help_text=_(
            "Region numbers non-associated partners must come from, e.g. [1, 2, 3]. "
            "Empty: any region."
        ),
    )
    excluded_countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="excluded_from",
        verbose_name=_("excluded countries"),
        help_text=_("Countries whose organisations may not take part at all, e.g. Belarus."),
    )
    min_non_associated_organisations = models.PositiveSmallIntegerField(
        _("minimum non-associated organisations"),
        default=0,
        help_text=_(
            "Capacity building: organisations needed from eligible non-associated countries."
        ),
    )
    non_associated_one_region = models.BooleanField(
        _("non-associated partners from one region only"),
        default=False,
        help_text=_(
            "Capacity building: organisations from different eligible regions cannot take part "
            "in the same project (no cross-regional projects)."
        ),
    )
    non_associated_majority = models.BooleanField(
        _("no more organisations from programme countries than from third countries"),
        default=False,
        help_text=_(
            "Capacity building: the organisations from EU member states and associated countries "
            "may not outnumber those from eligible non-associated countries."
        ),
    )
    duration_min_months = models.PositiveSmallIntegerField(
        _("minimum duration (months)"), null=True, blank=True
    )
    duration_max_months = models.PositiveSmallIntegerField(
        _("maximum duration (months)"), null=True, blank=True
    )
    max_participants = models.PositiveSmallIntegerField(
        _("participant cap"),
        null=True,
        blank=True,
        help_text=_("Participants in mobility activities per application; empty: no cap."),
    )
    min_grant_eur = models.PositiveIntegerField(
        _("minimum grant (EUR)"), null=True, blank=True, help_text=_("Empty: no minimum.")
    )
    max_grant_eur = models.PositiveIntegerField(
        _("maximum grant (EUR)"),
        null=True,
        blank=True,
        help_text=_("For formats without fixed lump sums. Empty: see the lump sums."),
    )
    applicant_kinds = models.JSONField(
        _("who may apply"),
        default=list,
        blank=True,
        help_text=_("Organisation kinds that may apply. Empty: any organisation."),
    )
    accredited_excluded = models.BooleanField(
        _("closed to accredited organisations"),
        default=False,
        help_text=_("Organisations holding an Erasmus accreditation in VET may not apply."),
    )
    accredited_required = models.BooleanField(
        _("only for accredited organisations"),
        default=False,
        help_text=_("Only organisations holding an Erasmus accreditation in VET may apply."),
    )
    max_grants = models.PositiveSmallIntegerField(
        _("grants per period"),
        null=True,
        blank=True,
        help_text=_("At most this many grants per organisation within the period below."),
    )
    max_grants_period_years = models.PositiveSmallIntegerField(
        _("period (call years)"), null=True, blank=True
    )
    min_ngo_network_countries = models.PositiveSmallIntegerField(
        _("European NGO: minimum countries"),
        null=True,
        blank=True,
        help_text=_(
            "Only European NGOs apply: branches or members needed in at least this many EU "
            "member states and associated countries. Empty: not limited to European NGOs."
        ),
    )
    newcomer_friendly = models.BooleanField(
        _("newcomer-friendly"),
        default=False,
        help_text=_("Suited to organisations new to Erasmus+."),
    )
    goals = models.JSONField(
        _("goals"), default=list, blank=True, help_text=_("What an organisation can do with it.")
    )
    alternatives = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        verbose_name=_("alternatives"),
        help_text=_(
            "Formats to suggest when an applicant does not fit this one (e.g. small-scale "
            "partnerships for a cooperation partnership with two organisations)."
        ),
    )
    unconfirmed_rules = models.JSONField(
        _("unconfirmed rules"),
        default=list,
        blank=True,
        help_text=_("Rules no official source confirms; the checker answers “unknown” for them."),
    )

    offer_note = Translated()
    objects = FormatManager.from_queryset(FormatQuerySet)()
    history = HistoricalRecords(m2m_fields=[excluded_countries, alternatives])

    class Meta(Described.Meta):
        verbose_name = _("format")
        verbose_name_plural = _("formats")
        ordering = ["action_line__position", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["call", "code"], name="format_unique_in_call"),
            models.CheckConstraint(
                condition=Q(duration_min_months__isnull=True)
                | Q(duration_max_months__isnull=True)
                | Q(duration_min_months__lte=F("duration_max_months")),
                name="format_duration_min_le_max",
            ),
            models.CheckConstraint(
                condition=Q(max_organisations__isnull=True)
                | Q(min_organisations__lte=F("max_organisations")),
                name="format_organisations_min_le_max",
            ),
            models.CheckConstraint(
                condition=Q(min_grant_eur__isnull=True)
                | Q(max_grant_eur__isnull=True)
                | Q(min_grant_eur__lte=F("max_grant_eur")),
                name="format_grant_min_le_max",
            ),
            models.CheckConstraint(
                condition=Q(min_organisations__gte=1) & Q(min_countries__gte=1),
                name="format_minimums_at_least_one",
            ),
            models.CheckConstraint(
                condition=Q(min_eu_member_states__lte=F("min_countries")),
                name="format_eu_states_le_countries",
            ),
            models.CheckConstraint(
                condition=Q(max_grant_eur__isnull=True) | Q(max_grant_eur__gt=0),
                name="format_max_grant_positive",
            ),
            models.CheckConstraint(
                condition=Q(max_participants__isnull=True) | Q(max_participants__gt=0),
                name="format_participant_cap_positive",
            ),
            models.CheckConstraint(
                condition=Q(max_grants__isnull=True, max_grants_period_years__isnull=True)
                | Q(
                    max_grants__isnull=False,
                    max_grants__gt=0,
                    max_grants_period_years__isnull=False,
                    max_grants_period_years__gt=0,
                ),
                name="format_grant_limit_complete",
            ),
            models.UniqueConstraint(
                fields=["call", "plannable"],
                condition=Q(plannable=True),
                name="format_one_plannable",
                violation_error_message=_(
                    "Another format of this call is already planned by the mobility planner: "
                    "untick it there first."
                ),
            ),
        ]

    def save(self, *args, **kwargs):
        self.normalise_lists()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("opportunities:format-detail", args=[self.code]) + call_query(self.call_id)

    def natural_key(self):
        return (self.code, self.call_id)

    natural_key.dependencies = ["opportunities.call"]

    def get_full_url(self):
        """Return this format's page as a full URL on the site address (for feeds)."""
        return settings.SITE_URL + self.get_absolute_url()

    def clean(self):
        errors = {}
        kinds = set(OrganisationKind.values)
        if not isinstance(self.applicant_kinds, list) or not set(self.applicant_kinds) <= kinds:
            errors["applicant_kinds"] = _("Choose from the listed organisation kinds.")
        if not isinstance(self.goals, list) or not set(self.goals) <= set(Goal.values):
            errors["goals"] = _("Choose from the listed goals.")
        rules = self.unconfirmed_rules
        if not isinstance(rules, list) or not set(rules) <= set(RULE_NAMES):
            errors["unconfirmed_rules"] = _("Choose from the listed rules.")
        regions = self.non_associated_regions
        if not isinstance(regions, list) or not all(isinstance(r, int) and r >= 1 for r in regions):
            errors["non_associated_regions"] = _("Give a list of region numbers, e.g. [1, 2, 3].")
        if errors:
            raise ValidationError(errors)

    def normalise_lists(self):
        """Put the multi-choice lists in one fixed order (the choices' order), without repeats.

        Saving a record whose lists were only ticked in another order then records no change,
        and ``load_programme`` compares like with like.
        """
        orders = {
            "applicant_kinds": list(OrganisationKind.values),
            "goals": list(Goal.values),
            "unconfirmed_rules": list(RULE_NAMES),
        }
        for name, order in orders.items():
            value = getattr(self, name)
            if isinstance(value, list):
                rank = {item: index for index, item in enumerate(order)}
                unique = list(dict.fromkeys(value))
                setattr(
                    self, name, sorted(unique, key=lambda item: (rank.get(item, len(rank)), item))
                )
        regions = self.non_associated_regions
        if isinstance(regions, list) and all(isinstance(r, int) for r in regions):
            self.non_associated_regions = sorted(set(regions))

    def is_unconfirmed(self, rule):
        return not self.confirmed or rule in self.unconfirmed_rules

    @property
    def unconfirmed(self):
        """Return the rules no official source confirms (all of them for an unconfirmed format)."""
        return set(RULE_NAMES) if not self.confirmed else set(self.unconfirmed_rules)

    @property
    def applicant_kind_labels(self):
        return [OrganisationKind(kind).label for kind in self.applicant_kinds]

    def page_lookups(self):
        """Return the relations a format page shows; only those its rules make relevant."""
        lookups = ["grant_tiers", "deadlines", "example_projects", "terms"]
        if self.non_associated_may_join:
            lookups.append("excluded_countries")
        return lookups

    @property
    def sources(self):
        """Return the format and its deadlines, one record per source URL, the format first."""
        return unique_sources([self, *self.deadlines.all()])

    @property
    def lump_sums(self):
        return [tier.amount_eur for tier in self.grant_tiers.all()]

    @property
    def grant_ceiling(self):
        """Return the largest amount the format grants (lump sum or maximum), or None."""
        return max(self.lump_sums, default=None) or self.max_grant_eur

    @property
    def upcoming_deadline(self):
        """Return the first deadline still to come, or None (uses prefetched deadlines)."""
        now = timezone.now()
        return next((d for d in self.deadlines.all() if d.moment > now), None)

    @property
    def latest_deadline(self):
        """Return the last known deadline, or None."""
        return max(self.deadlines.all(), key=lambda d: d.moment, default=None)

    @property
    def expected_deadlines(self):
        """Return the deadlines expected in the next call while none is to come (or [])."""
        if not self.offered or self.upcoming_deadline is not None:
            return []
        return expected_deadlines(self.deadlines.all())


class GrantTier(models.Model):
    """A fixed lump sum a format offers; the applicant picks one."""

    format = models.ForeignKey(
        Format, on_delete=models.CASCADE, related_name="grant_tiers", verbose_name=_("format")
    )
    amount_eur = models.PositiveIntegerField(_("amount (EUR)"))

    NATURAL_FIELDS = ("amount_eur",)
    objects = FormatChildManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("grant tier")
        verbose_name_plural = _("grant tiers")
        ordering = ["format", "amount_eur"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_eur__gt=0), name="grant_tier_positive"),
            models.UniqueConstraint(fields=["format", "amount_eur"], name="grant_tier_unique"),
        ]

    def __str__(self):
        return f"{self.format.code}: € {self.amount_eur:,}"

    def natural_key(self):
        return (*self.format.natural_key(), self.amount_eur)

    natural_key.dependencies = ["opportunities.format"]


class Deadline(Sourced):
    """When applications for a format close, in one call year and round."""

    format = models.ForeignKey(
        Format, on_delete=models.CASCADE, related_name="deadlines", verbose_name=_("format")
    )
    call_year = models.PositiveSmallIntegerField(_("call year"))
    round = models.PositiveSmallIntegerField(
        _("round"), default=1, help_text=_("1 for the main round; 2 for an optional autumn round.")
    )
    date = models.DateField(_("date"))
    time = models.TimeField(_("time"), null=True, blank=True, help_text=_("Empty when unknown."))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        default="Europe/Brussels",
        help_text=_("IANA time zone name of the time."),
    )
    note_nl = models.CharField(_("note (Dutch)"), max_length=300, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=300, blank=True)

    note = Translated()
    NATURAL_FIELDS = ("call_year", "round")
    objects = FormatChildManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["date", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["format", "call_year", "round"], name="deadline_unique_round"
            ),
            models.CheckConstraint(
                condition=Q(call_year__gte=2021, call_year__lte=2100, round__gte=1),
                name="deadline_call_year_and_round",
            ),
        ]

    def __str__(self):
        return f"{self.format.code} {self.call_year}/{self.round}: {self.date}"

    def natural_key(self):
        return (*self.format.natural_key(), self.call_year, self.round)

    natural_key.dependencies = ["opportunities.format"]

    def clean(self):
        try:
            zoneinfo.ZoneInfo(self.time_zone)
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            raise ValidationError({"time_zone": _("Unknown time zone.")}) from None

    @property
    def moment(self):
        """Return the deadline as an aware datetime (end of day when the time is unknown)."""
        time = self.time or datetime.time(23, 59)
        return datetime.datetime.combine(self.date, time, zoneinfo.ZoneInfo(self.time_zone))


@dataclass(frozen=True)
class ExpectedDeadline:
    """A deadline of the next call, not yet published, expected in ``months`` of ``call_year``.

    ``day`` is the day of the month in the latest call, to say "early", "mid" or "late".
    """

    call_year: int
    round: int
    months: tuple[int, ...]
    day: int

    @property
    def first(self):
        return datetime.date(self.call_year, self.months[0], 1)

    @property
    def last(self):
        return datetime.date(self.call_year, self.months[-1], 1)

    @property
    def part(self):
        return "early" if self.day <= 10 else "mid" if self.day <= 20 else "late"


def expected_deadlines(deadlines, calls=3):
    """Return the next call's expected deadlines, from the same round of the last ``calls``.

    A round held in the latest call year is expected again the year after, in the months its
    deadline fell in over the last calls. Nothing is expected once a deadline of that next
    year is known, or for a round the latest call did not hold.
    """
    by_round = {}
    for deadline in deadlines:
        by_round.setdefault(deadline.round, {})[deadline.call_year] = deadline.date
    latest = max((year for dates in by_round.values() for year in dates), default=None)
    expected = []
    for number, dates in sorted(by_round.items()):
        if latest not in dates:
            continue
        recent = [dates[year] for year in sorted(dates)[-calls:]]
        months = tuple(sorted({date.month for date in recent}))
        expected.append(ExpectedDeadline(latest + 1, number, months, dates[latest].day))
    return expected


class CostKind(models.TextChoices):
    """The KA1 unit costs (``UnitCost.cost``)."""

    INDIVIDUAL_SUPPORT = "individual_support", _("Individual support")
    ORGANISATIONAL_SUPPORT = "organisational_support", _("Organisational support")
    INCLUSION_SUPPORT = "inclusion_support", _("Inclusion support for organisations")
    COURSE_FEES = "course_fees", _("Course fees")
    PREPARATORY_VISIT = "preparatory_visit", _("Preparatory visits")
    LINGUISTIC_SUPPORT = "linguistic_support", _("Linguistic support")


class MobilityActivity(Described):
    """A KA1 activity for learners or staff, with its duration limits (travel days excluded)."""

    class Participant(models.TextChoices):
        LEARNERS = "learners", _("Learners")
        STAFF = "staff", _("Staff")
        INVITED = "invited", _("Invited to your organisation")
        SUPPORT = "support", _("Supporting the mobility")

    participant = models.CharField(_("who takes part"), max_length=20, choices=Participant)
    min_days = models.PositiveSmallIntegerField(_("minimum days"), null=True, blank=True)
    max_days = models.PositiveSmallIntegerField(_("maximum days"), null=True, blank=True)
    min_days_fewer_opportunities = models.PositiveSmallIntegerField(
        _("minimum days, fewer opportunities"),
        null=True,
        blank=True,
        help_text=_("Shorter minimum for participants with fewer opportunities, where justified."),
    )
    min_participants = models.PositiveSmallIntegerField(
        _("minimum participants"),
        null=True,
        blank=True,
        help_text=_("e.g. a group mobility needs at least 2 learners."),
    )
    fee_days_max = models.PositiveSmallIntegerField(
        _("course fee days"),
        null=True,
        blank=True,
        help_text=_("Course fees are paid for at most this many days."),
    )
    counts_towards_cap = models.BooleanField(
        _("counts towards the participant cap"),
        default=True,
        help_text=_("Accompanying persons and preparatory visits do not count."),
    )
    unit_cost = models.CharField(
        _("own unit cost"),
        max_length=30,
        choices=CostKind,
        blank=True,
        help_text=_(
            "A unit cost that pays for this activity per participant, on top of travel and "
            "individual support, e.g. preparatory visits. Empty: none."
        ),
    )
    conditions_nl = models.TextField(_("conditions (Dutch)"), blank=True)
    conditions_en = models.TextField(_("conditions (English)"), blank=True)

    conditions = Translated()
    history = HistoricalRecords()

    class Meta(Described.Meta):
        verbose_name = _("mobility activity")
        verbose_name_plural = _("mobility activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_days__isnull=True)
                | Q(max_days__isnull=True)
                | Q(min_days__lte=F("max_days")),
                name="activity_days_min_le_max",
            ),
            models.CheckConstraint(
                condition=Q(min_days__isnull=True) | Q(min_days__gte=1),
                name="activity_min_days_positive",
            ),
        ]


class CostCategory(Described):
    """A KA1 cost the grant covers."""

    class Basis(models.TextChoices):
        UNIT_COST = "unit_cost", _("Unit cost")
        REAL_COSTS = "real_costs", _("Real costs")

    basis = models.CharField(_("funding basis"), max_length=20, choices=Basis)

    history = HistoricalRecords()

    class Meta(Described.Meta):
        verbose_name = _("cost category")
        verbose_name_plural = _("cost categories")


class Priority(Described):
    """One of the programme's horizontal priorities."""

    history = HistoricalRecords()

    class Meta(Described.Meta):
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")


class ExampleProject(Described):
    """A funded project that shows what a format can do."""

    url = models.URLField(_("website"), max_length=300, blank=True)
    formats = models.ManyToManyField(
        Format, blank=True, related_name="example_projects", verbose_name=_("formats")
    )

    history = HistoricalRecords(m2m_fields=[formats])

    class Meta(Described.Meta):
        verbose_name = _("example project")
        verbose_name_plural = _("example projects")


class Award(Described):
    """A European prize for excellent or innovative projects."""

    url = models.URLField(_("website"), max_length=300)

    history = HistoricalRecords()

    class Meta(Described.Meta):
        verbose_name = _("award")
        verbose_name_plural = _("awards")


class Platform(Described):
    """An online platform for finding partners, courses and peers."""

    url = models.URLField(_("website"), max_length=300)
    succeeded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("succeeded by"),
        help_text=_("The platform that replaced this one, if any."),
    )

    history = HistoricalRecords()

    class Meta(Described.Meta):
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")


class Pathway(Described):
    """A way to take part without a grant of one's own, or to make mobility two-way."""

    class Kind(models.TextChoices):
        WITHOUT_APPLYING = "without_applying", _("Take part without applying")
        EXCHANGE = "exchange", _("Two-way exchange")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)

    history = HistoricalRecords()

    class Meta(Described.Meta):
        verbose_name = _("pathway")
        verbose_name_plural = _("pathways")


class TermManager(models.Manager):
    def get_by_natural_key(self, name_nl):
        return self.get(name_nl=name_nl)


class Term(Sourced):
    """A Dutch term from the brochure, bridged to its official English name and action code."""

    name_nl = models.CharField(
        _("Dutch term"),
        max_length=200,
        unique=True,
        help_text=_("As the Dutch brochure writes it, e.g. kleinschalige partnerschappen."),
    )
    name_en = models.CharField(
        _("official English name"),
        max_length=200,
        help_text=_("As the Programme Guide writes it, e.g. Small-scale partnerships."),
    )
    format = models.ForeignKey(
        Format,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="terms",
        verbose_name=_("format"),
        help_text=_("The format the term names, if it names one."),
    )
    action_line = models.ForeignKey(
        ActionLine,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="terms",
        verbose_name=_("action line"),
        help_text=_("The action line the term names, if it names one and no format."),
    )
    synonyms_nl = models.TextField(
        _("everyday words (Dutch)"),
        blank=True,
        help_text=_(
            "Words a teacher may search for instead, separated by commas, e.g. stage, "
            "leerlingen naar het buitenland. The search then finds the term's format too."
        ),
    )
    synonyms_en = models.TextField(
        _("everyday words (English)"),
        blank=True,
        help_text=_(
            "Words a teacher may search for instead, separated by commas, e.g. internship, "
            "students abroad. The search then finds the term's format too."
        ),
    )

    objects = TermManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["name_nl"]

    def __str__(self):
        return f"{self.name_nl} = {self.name_en}"

    def natural_key(self):
        return (self.name_nl,)

    natural_key.dependencies = ["opportunities.format", "opportunities.actionline"]

    @property
    def code(self):
        """Return the action code the term stands for ('' when it names none)."""
        target = self.format or self.action_line
        return target.code if target else ""


# ── KA1 mobility planner (issue 5): activity rules, travel bands, country groups, unit costs ──


class ActivityRuleManager(models.Manager):
    def get_by_natural_key(self, activity_code, kind):
        return self.get(activity__code=activity_code, kind=kind)


class ActivityRule(Sourced):
    """A rule of a KA1 activity beyond its duration, e.g. two shadows per mentor from 2026."""

    class Kind(models.TextChoices):
        GRADUATED_WITHIN_MONTHS = (
            "graduated_within_months",
            _("Recent graduates: at most this many months after graduating"),
        )
        SHADOWS_PER_MENTOR = (
            "shadows_per_mentor",
            _("At most this many participants shadow the same mentor at the same time"),
        )
        MAX_PARTICIPANTS = "max_participants", _("At most this many participants per activity")
        HOST_LED = (
            "host_led",
            _("The host organisation's staff lead the activity (a requirement: no limit)"),
        )

    activity = models.ForeignKey(
        MobilityActivity,
        on_delete=models.CASCADE,
        related_name="rules",
        verbose_name=_("activity"),
        help_text=_("The activity the rule belongs to."),
    )
    kind = models.CharField(
        _("rule"), max_length=40, choices=Kind, help_text=_("What the rule limits.")
    )
    value = models.PositiveSmallIntegerField(
        _("limit"),
        null=True,
        blank=True,
        help_text=_("Empty when the rule exists but its number is not known: checks say unknown."),
    )
    from_call_year = models.PositiveSmallIntegerField(
        _("from call year"),
        null=True,
        blank=True,
        help_text=_("The first call year the rule applies to; empty when it always applied."),
    )

    objects = ActivityRuleManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity rule")
        verbose_name_plural = _("activity rules")
        ordering = ["activity", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "kind"], name="activity_rule_unique"),
        ]

    def __str__(self):
        return f"{self.activity.code}: {self.kind} {self.value}"

    def natural_key(self):
        return (*self.activity.natural_key(), self.kind)

    natural_key.dependencies = ["opportunities.mobilityactivity"]


class TravelBandManager(models.Manager):
    def get_by_natural_key(self, call_year, min_km):
        return self.get(call_year=call_year, min_km=min_km)


class TravelBand(Sourced):
    """A KA1 travel unit cost per participant for a return trip, by one-way distance."""

    call_year = models.PositiveSmallIntegerField(
        _("call year"),
        help_text=_("The first call year these amounts apply to; they apply until a later year's."),
    )
    min_km = models.PositiveIntegerField(
        _("from (km)"), help_text=_("Shortest one-way distance in this band, in whole km.")
    )
    max_km = models.PositiveIntegerField(
        _("to (km)"),
        null=True,
        blank=True,
        help_text=_("Longest one-way distance in this band, in whole km; empty: no upper limit."),
    )
    standard_eur = models.PositiveIntegerField(
        _("standard travel (EUR)"), help_text=_("Per participant, return trip.")
    )
    green_eur = models.PositiveIntegerField(
        _("green travel (EUR)"),
        help_text=_("Per participant, return trip by train, bus or car-sharing."),
    )

    objects = TravelBandManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("travel distance band")
        verbose_name_plural = _("travel distance bands")
        ordering = ["-call_year", "min_km"]
        constraints = [
            models.UniqueConstraint(fields=["call_year", "min_km"], name="travel_band_unique"),
            models.CheckConstraint(
                condition=Q(max_km__isnull=True) | Q(min_km__lte=F("max_km")),
                name="travel_band_min_le_max",
            ),
            models.CheckConstraint(
                condition=Q(standard_eur__gt=0, green_eur__gt=0),
                name="travel_band_amounts_positive",
            ),
        ]

    def __str__(self):
        upper = self.max_km if self.max_km is not None else "…"
        return f"{self.call_year}: {self.min_km}-{upper} km"

    def natural_key(self):
        return (self.call_year, self.min_km)


class CountryGroupManager(models.Manager):
    def get_by_natural_key(self, call_year, number):
        return self.get(call_year=call_year, number=number)


class CountryGroup(Sourced):
    """A group of destination countries sharing the same individual-support rates."""

    call_year = models.PositiveSmallIntegerField(
        _("call year"),
        help_text=_("The first call year the grouping applies to; it applies until a later one."),
    )
    number = models.PositiveSmallIntegerField(
        _("group"), help_text=_("The group number in the Programme Guide, e.g. 1.")
    )
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="support_groups",
        verbose_name=_("countries"),
        help_text=_("Destination countries in this group."),
    )

    objects = CountryGroupManager()
    history = HistoricalRecords(m2m_fields=[countries])

    class Meta:
        verbose_name = _("country group")
        verbose_name_plural = _("country groups")
        ordering = ["-call_year", "number"]
        constraints = [
            models.UniqueConstraint(fields=["call_year", "number"], name="country_group_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="country_group_positive"),
        ]

    def __str__(self):
        return _("Group %(number)d (%(year)d)") % {"number": self.number, "year": self.call_year}

    def natural_key(self):
        return (self.call_year, self.number)


class UnitCostManager(models.Manager):
    def get_by_natural_key(self, call_year, cost, participant, country_group, activity=None):
        return self.get(
            call_year=call_year,
            cost=cost,
            participant=participant,
            country_group=country_group,
            activity__code=activity,
        )


class UnitCost(Sourced):
    """A KA1 unit cost for VET, per call year; an empty amount means no source states it."""

    Cost = CostKind

    class Unit(models.TextChoices):
        PER_DAY = "per_day", _("per participant per day")
        PER_PARTICIPANT = "per_participant", _("per participant")

    call_year = models.PositiveSmallIntegerField(
        _("call year"),
        help_text=_("The first call year the amount applies to; it applies until a later one."),
    )
    cost = models.CharField(_("cost"), max_length=30, choices=Cost, help_text=_("Which cost."))
    participant = models.CharField(
        _("participants"),
        max_length=20,
        choices=MobilityActivity.Participant,
        blank=True,
        help_text=_("Whose rate this is; empty: every participant."),
    )
    country_group = models.PositiveSmallIntegerField(
        _("country group"),
        default=0,
        help_text=_("Destination country group the rate is for; 0: every destination."),
    )
    activity = models.ForeignKey(
        MobilityActivity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="unit_costs",
        verbose_name=_("activity"),
        help_text=_(
            "The activity this amount is for, e.g. organisational support for ErasmusPro; "
            "empty: every activity without its own amount."
        ),
    )
    amount_eur = models.PositiveIntegerField(
        _("amount (EUR)"),
        null=True,
        blank=True,
        help_text=_(
            "The exact amount. Empty when the Programme Guide gives a range that each National "
            "Agency narrows (enter the range below), or when no source states it. Never enter "
            "another sector's rate here."
        ),
    )
    min_amount_eur = models.PositiveIntegerField(
        _("lowest amount (EUR)"),
        null=True,
        blank=True,
        help_text=_("Lowest amount of the Programme Guide's range, e.g. 48 for a daily rate."),
    )
    max_amount_eur = models.PositiveIntegerField(
        _("highest amount (EUR)"),
        null=True,
        blank=True,
        help_text=_("Highest amount of the Programme Guide's range, e.g. 127 for a daily rate."),
    )
    reduced_after_participants = models.PositiveSmallIntegerField(
        _("lower amount after (participants)"),
        null=True,
        blank=True,
        help_text=_(
            "After this many participants in the same type of activity the lower amount below "
            "applies, e.g. 100; empty: never lower."
        ),
    )
    reduced_amount_eur = models.PositiveIntegerField(
        _("lower amount (EUR)"),
        null=True,
        blank=True,
        help_text=_("The amount per participant after that number, e.g. 200."),
    )
    unit = models.CharField(_("unit"), max_length=20, choices=Unit, help_text=_("What it pays."))
    max_days = models.PositiveSmallIntegerField(
        _("paid for at most (days)"),
        null=True,
        blank=True,
        help_text=_("e.g. course fees are paid for at most 10 days; empty: no limit."),
    )
    reduced_from_day = models.PositiveSmallIntegerField(
        _("reduced from day"),
        null=True,
        blank=True,
        help_text=_("From this day on the reduced rate applies, e.g. 15; empty: never reduced."),
    )
    reduced_percent = models.PositiveSmallIntegerField(
        _("reduced rate (%)"),
        null=True,
        blank=True,
        help_text=_("The reduced rate as a percentage of the full rate, e.g. 70."),
    )

    objects = UnitCostManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit cost")
        verbose_name_plural = _("unit costs")
        ordering = ["-call_year", "cost", "participant", "country_group", "activity"]
        constraints = [
            models.UniqueConstraint(
                fields=["call_year", "cost", "participant", "country_group"],
                condition=Q(activity__isnull=True),
                name="unit_cost_unique",
            ),
            models.UniqueConstraint(
                fields=["call_year", "cost", "participant", "country_group", "activity"],
                condition=Q(activity__isnull=False),
                name="unit_cost_unique_per_activity",
            ),
            models.CheckConstraint(
                condition=Q(min_amount_eur__isnull=True)
                | Q(max_amount_eur__isnull=True)
                | Q(min_amount_eur__lte=F("max_amount_eur")),
                name="unit_cost_range_min_le_max",
            ),
            models.CheckConstraint(
                condition=Q(reduced_after_participants__isnull=True)
                | Q(reduced_amount_eur__isnull=False),
                name="unit_cost_reduction_has_amount",
            ),
            models.CheckConstraint(
                condition=Q(amount_eur__isnull=True) | Q(amount_eur__gt=0),
                name="unit_cost_amount_positive",
            ),
            models.CheckConstraint(
                condition=Q(reduced_percent__isnull=True) | Q(reduced_percent__lte=100),
                name="unit_cost_reduced_percent_le_100",
            ),
        ]

    def __str__(self):
        label = f"{self.call_year} {self.get_cost_display()} {self.participant}"
        label = f"{label} {self.country_group}"
        return f"{label} {self.activity.code}" if self.activity_id else label

    def natural_key(self):
        activity = self.activity.code if self.activity_id else None
        return (self.call_year, self.cost, self.participant, self.country_group, activity)

    natural_key.dependencies = ["opportunities.mobilityactivity"]


class AgencyRateManager(models.Manager):
    def get_by_natural_key(self, agency, call_year, participant, country_group):
        return self.get(
            agency__code=agency,
            call_year=call_year,
            participant=participant,
            country_group=country_group,
        )


class AgencyRate(Sourced):
    """A National Agency's published daily rate of individual support, within the guide's range.

    The Programme Guide gives a range per country group; each National Agency fixes its exact
    rate and publishes it (Programme Guide 2026, p. 99). With a rate here, the planner's estimate
    for an organisation in that agency's country uses it and says so.
    """

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="daily_rates",
        limit_choices_to={"kind": "national_agency"},
        verbose_name=_("National Agency"),
    )
    call_year = models.PositiveSmallIntegerField(
        _("call year"), help_text=_("The call year the agency published the rate for.")
    )
    participant = models.CharField(
        _("participants"),
        max_length=20,
        choices=[
            (
                MobilityActivity.Participant.LEARNERS.value,
                MobilityActivity.Participant.LEARNERS.label,
            ),
            (MobilityActivity.Participant.STAFF.value, MobilityActivity.Participant.STAFF.label),
        ],
        help_text=_("Learners or staff; accompanying persons get the staff rate."),
    )
    country_group = models.PositiveSmallIntegerField(
        _("country group"), help_text=_("Destination country group of the rate, e.g. 2.")
    )
    amount_eur = models.PositiveIntegerField(
        _("daily rate (EUR)"), help_text=_("Per participant per day, as the agency publishes it.")
    )

    objects = AgencyRateManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("National Agency daily rate")
        verbose_name_plural = _("National Agency daily rates")
        ordering = ["agency", "-call_year", "participant", "country_group"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "call_year", "participant", "country_group"],
                name="agency_rate_unique",
            ),
            models.CheckConstraint(
                condition=Q(amount_eur__gt=0, country_group__gte=1),
                name="agency_rate_positive",
            ),
        ]

    def __str__(self):
        return f"{self.agency.code} {self.call_year} {self.participant} {self.country_group}"

    def natural_key(self):
        return (self.agency.code, self.call_year, self.participant, self.country_group)

    natural_key.dependencies = ["opportunities.agency"]


class ProgrammeVersion(models.Model):
    """One row that counts the changes to the programme; cached pages and data are keyed by it.

    Every change to a programme record adds one in the same transaction (opportunities/apps.py),
    so a reader sees the new number exactly when the change is committed, whatever the order in
    which concurrent transactions commit.
    """

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("programme version")
        verbose_name_plural = _("programme versions")

    def __str__(self):
        return str(self.number)


def programme_models():
    """Return the models editors keep: all of this app's but the history and the version."""
    from django.apps import apps

    return [
        model
        for model in apps.get_app_config("opportunities").get_models()
        if not model.__name__.startswith("Historical") and model is not ProgrammeVersion
    ]
