from django import forms
from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import update_change_reason

from .call_years import compare, copy_call, publish
from .calls import current_year
from .models import (
    ActionLine,
    ActivityRule,
    Agency,
    AgencyRate,
    Award,
    Call,
    CostCategory,
    Country,
    CountryGroup,
    CountryStatus,
    Deadline,
    ExampleProject,
    Format,
    Goal,
    GrantTier,
    MobilityActivity,
    OrganisationKind,
    Pathway,
    Platform,
    Priority,
    Term,
    TravelBand,
    UnitCost,
)
from .rules import FACTS, RULES, WHO

TEXTS = (
    ("name_nl", "name_en"),
    ("summary_nl", "summary_en"),
    ("description_nl", "description_en"),
)
SOURCE = (_("Source"), {"fields": ("confirmed", "source_url", "source_note")})


def checkboxes(choices, label, help_text, coerce=str):
    return forms.TypedMultipleChoiceField(
        choices=choices,
        coerce=coerce,
        required=False,
        label=label,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple,
    )


class WideNumbers:
    """Number boxes wide enough for 7 digits (grants up to EUR 4 000 000)."""

    class Media:
        css = {"all": ["css/admin.css"]}


class ProgrammeAdmin(WideNumbers, SimpleHistoryAdmin):
    """Codes are fixed once a record exists: pages, fixtures and the API refer to them."""

    search_fields = ["code", "name_nl", "name_en"]

    def get_readonly_fields(self, request, obj=None):
        return ("code",) if obj else ()


class DescribedAdmin(ProgrammeAdmin):
    list_display = ["code", "name_nl", "name_en", "position", "confirmed"]
    list_editable = ["position"]
    list_filter = ["confirmed"]
    fieldsets = [(None, {"fields": ("code", *TEXTS, "position")}), SOURCE]


class GrantTierInline(admin.TabularInline):
    model = GrantTier
    extra = 0


class DeadlineInline(admin.StackedInline):
    model = Deadline
    extra = 0
    fields = [
        ("call_year", "round"),
        ("date", "time", "time_zone"),
        ("note_nl", "note_en"),
        ("confirmed", "source_url"),
        "source_note",
    ]


class FormatForm(forms.ModelForm):
    applicant_kinds = checkboxes(
        OrganisationKind.choices,
        _("who may apply"),
        _("Organisation kinds that may apply. None ticked: any organisation."),
    )
    goals = checkboxes(Goal.choices, _("goals"), _("What an organisation can do with it."))
    non_associated_regions = checkboxes(
        [(number, _("Region %(number)d") % {"number": number}) for number in range(1, 15)],
        _("eligible regions"),
        _("Regions non-associated partners must come from. None ticked: any region."),
        coerce=int,
    )
    unconfirmed_rules = checkboxes(
        [(rule.name, rule.label) for rule in RULES],
        _("unconfirmed rules"),
        _("Rules no official source confirms; the checker answers “unknown” for them."),
    )

    class Meta:
        model = Format
        fields = "__all__"  # noqa: DJ007 - the admin fieldsets choose the fields

    def _get_validation_exclusions(self):
        # A format's call is fixed once it exists (read-only, so not in the form), but the
        # constraints that name it (one planned format per call) still apply to a change.
        return super()._get_validation_exclusions() - {"call"}


# Fields beside the rules in a fact's fieldset: the applicant-country check reads this one.
FACT_EXTRAS = {WHO.name: ("non_associated_may_apply",)}


def rule_fieldsets():
    """Return a fieldset per fact of the format page, a line per rule with its fields.

    The lump sums are grant tiers, edited in their own table below.
    """
    columns = {field.name for field in Format._meta.get_fields()}
    fieldsets = []
    for fact in FACTS:
        lines = [
            tuple(name for name in rule.fields if name in columns)
            for rule in RULES
            if rule.fact is fact
        ]
        fieldsets.append((fact.title, {"fields": [*lines, *FACT_EXTRAS.get(fact.name, ())]}))
    return fieldsets


@admin.register(Format)
class FormatAdmin(ProgrammeAdmin):
    form = FormatForm
    list_display = [
        "code",
        "call",
        "name_nl",
        "action_line",
        "managed_by",
        "offered",
        "confirmed",
    ]
    list_filter = ["call", "action_line", "managed_by", "offered", "newcomer_friendly", "confirmed"]
    list_select_related = ["action_line"]
    search_fields = ["code", "name_nl", "name_en", "summary_nl", "summary_en"]
    autocomplete_fields = ["excluded_countries"]
    filter_horizontal = ["alternatives"]

    def get_readonly_fields(self, request, obj=None):
        return ("code", "call") if obj else ()

    inlines = [GrantTierInline, DeadlineInline]
    fieldsets = [
        (
            None,
            {
                "fields": (
                    ("code", "call"),
                    "action_line",
                    "managed_by",
                    *TEXTS,
                    "position",
                    "plannable",
                    "offered",
                    ("offer_note_nl", "offer_note_en"),
                )
            },
        ),
        *rule_fieldsets(),
        (_("Finder and suggestions"), {"fields": ("goals", "newcomer_friendly", "alternatives")}),
        (_("Source"), {"fields": ("confirmed", "unconfirmed_rules", "source_url", "source_note")}),
    ]

    def save_related(self, request, form, formsets, change):
        """Record changes to the grant tiers and deadlines in the format's own history too."""
        super().save_related(request, form, formsets, change)
        changed = [
            str(formset.model._meta.verbose_name_plural)
            for formset in formsets
            if formset.has_changed()
        ]
        if change and changed:
            # The format's own record of this save names them (its fields may be unchanged).
            reason = _("Changed in this format's tables: %(tables)s") % {
                "tables": ", ".join(changed)
            }
            update_change_reason(form.instance, reason)


@admin.register(ActionLine)
class ActionLineAdmin(DescribedAdmin):
    list_display = [*DescribedAdmin.list_display, "is_mobility"]
    fieldsets = [(None, {"fields": ("code", *TEXTS, "position", "is_mobility")}), SOURCE]


class CountryStatusInline(admin.TabularInline):
    model = CountryStatus
    extra = 0
    fields = ["call", "status", "region", "authorities_excluded", "confirmed", "source_url"]


@admin.register(Country)
class CountryAdmin(ProgrammeAdmin):
    list_display = ["code", "name_nl", "name_en", "member_state", "has_communities"]
    list_filter = ["has_communities", "statuses__call", "statuses__status", "statuses__region"]
    list_select_related = ["member_state"]
    search_fields = ["code", "name_nl", "name_en"]
    raw_id_fields = ["member_state"]
    fieldsets = [
        (
            None,
            {"fields": ("code", ("name_nl", "name_en"), "member_state", "has_communities")},
        ),
        SOURCE,
    ]
    inlines = [CountryStatusInline]


@admin.register(CountryStatus)
class CountryStatusAdmin(SimpleHistoryAdmin):
    list_display = ["country", "call", "status", "region", "confirmed"]
    list_filter = ["call", "status", "region", "confirmed"]
    list_select_related = ["country"]
    search_fields = ["country__code", "country__name_nl", "country__name_en"]
    fieldsets = [
        (None, {"fields": ("call", "country", "status", "region", "authorities_excluded")}),
        SOURCE,
    ]


@admin.register(Agency)
class AgencyAdmin(ProgrammeAdmin):
    list_display = ["name", "code", "kind", "country", "community", "confirmed"]
    list_filter = ["kind", "confirmed", "community"]
    list_select_related = ["country"]
    search_fields = ["code", "name", "country__name_nl", "country__name_en"]
    autocomplete_fields = ["country"]
    fieldsets = [
        (None, {"fields": ("code", "name", "kind", ("country", "community"), "url")}),
        (_("Contact"), {"fields": ("email", "phone", "address", "contact_source_url")}),
        SOURCE,
    ]


@admin.register(MobilityActivity)
class MobilityActivityAdmin(DescribedAdmin):
    list_display = ["code", "name_nl", "participant", "min_days", "max_days", "confirmed"]
    list_editable = []
    list_filter = ["participant", "confirmed"]
    fieldsets = [
        (None, {"fields": ("code", "participant", *TEXTS, ("conditions_nl", "conditions_en"))}),
        (
            _("Limits"),
            {
                "fields": (
                    ("min_days", "max_days"),
                    "min_days_fewer_opportunities",
                    "min_participants",
                    "fee_days_max",
                    "counts_towards_cap",
                    "unit_cost",
                    "position",
                )
            },
        ),
        SOURCE,
    ]


@admin.register(CostCategory)
class CostCategoryAdmin(DescribedAdmin):
    list_display = [*DescribedAdmin.list_display, "basis"]
    fieldsets = [(None, {"fields": ("code", "basis", *TEXTS, "position")}), SOURCE]


@admin.register(ExampleProject)
class ExampleProjectAdmin(DescribedAdmin):
    filter_horizontal = ["formats"]
    fieldsets = [(None, {"fields": ("code", *TEXTS, "url", "formats", "position")}), SOURCE]


@admin.register(Award)
class AwardAdmin(DescribedAdmin):
    fieldsets = [(None, {"fields": ("code", *TEXTS, "url", "position")}), SOURCE]


@admin.register(Platform)
class PlatformAdmin(DescribedAdmin):
    fieldsets = [
        (None, {"fields": ("code", *TEXTS, "url", "succeeded_by", "position")}),
        SOURCE,
    ]


@admin.register(Pathway)
class PathwayAdmin(DescribedAdmin):
    list_filter = ["kind", "confirmed"]
    fieldsets = [(None, {"fields": ("code", "kind", *TEXTS, "position")}), SOURCE]


admin.site.register(Priority, DescribedAdmin)
admin.site.site_header = _("Erasmus+ VET portal: programme editors")
admin.site.site_title = _("Erasmus+ VET portal")


@admin.register(Deadline)
class DeadlineAdmin(WideNumbers, SimpleHistoryAdmin):
    list_display = ["format", "call_year", "round", "date", "time", "confirmed"]
    list_filter = ["call_year", "round", "confirmed", "format__action_line"]
    list_select_related = ["format"]
    search_fields = ["format__code", "format__name_nl", "format__name_en"]
    date_hierarchy = "date"


@admin.register(GrantTier)
class GrantTierAdmin(WideNumbers, SimpleHistoryAdmin):
    list_display = ["format", "amount_eur"]
    list_select_related = ["format"]
    search_fields = ["format__code"]


@admin.register(Term)
class TermAdmin(WideNumbers, SimpleHistoryAdmin):
    list_display = ["name_nl", "name_en", "format", "action_line", "confirmed"]
    list_filter = ["confirmed", "action_line"]
    list_select_related = ["format", "action_line"]
    search_fields = ["name_nl", "name_en", "format__code"]
    autocomplete_fields = ["format"]
    fieldsets = [
        (None, {"fields": ("name_nl", "name_en", "format", "action_line")}),
        (_("Search"), {"fields": ("synonyms_nl", "synonyms_en")}),
        SOURCE,
    ]


# ── KA1 mobility planner (issue 5) ──────────────────────────────────────────────────────────


@admin.register(ActivityRule)
class ActivityRuleAdmin(WideNumbers, SimpleHistoryAdmin):
    list_display = ["activity", "kind", "value", "from_call_year", "confirmed"]
    list_filter = ["kind", "confirmed"]
    list_select_related = ["activity"]
    search_fields = ["activity__code", "activity__name_nl", "activity__name_en"]
    fieldsets = [(None, {"fields": ("activity", "kind", "value", "from_call_year")}), SOURCE]


@admin.register(TravelBand)
class TravelBandAdmin(WideNumbers, SimpleHistoryAdmin):
    list_display = ["call_year", "min_km", "max_km", "standard_eur", "green_eur", "confirmed"]
    list_filter = ["call_year", "confirmed"]
    fieldsets = [
        (None, {"fields": ("call_year", ("min_km", "max_km"), ("standard_eur", "green_eur"))}),
        SOURCE,
    ]


@admin.register(CountryGroup)
class CountryGroupAdmin(WideNumbers, SimpleHistoryAdmin):
    list_display = ["number", "call_year", "confirmed"]
    list_filter = ["call_year", "confirmed"]
    filter_horizontal = ["countries"]
    fieldsets = [(None, {"fields": ("call_year", "number", "countries")}), SOURCE]


@admin.register(UnitCost)
class UnitCostAdmin(WideNumbers, SimpleHistoryAdmin):
    list_display = [
        "cost",
        "call_year",
        "participant",
        "country_group",
        "activity",
        "amount_eur",
        "min_amount_eur",
        "max_amount_eur",
        "unit",
        "confirmed",
    ]
    list_filter = ["cost", "call_year", "participant", "confirmed"]
    fieldsets = [
        (
            None,
            {
                "fields": (
                    ("cost", "call_year"),
                    ("participant", "country_group", "activity"),
                    ("amount_eur", "unit"),
                    ("min_amount_eur", "max_amount_eur"),
                    "max_days",
                    ("reduced_from_day", "reduced_percent"),
                    ("reduced_after_participants", "reduced_amount_eur"),
                )
            },
        ),
        SOURCE,
    ]


@admin.register(AgencyRate)
class AgencyRateAdmin(WideNumbers, SimpleHistoryAdmin):
    list_display = [
        "agency",
        "call_year",
        "participant",
        "country_group",
        "amount_eur",
        "confirmed",
    ]
    list_filter = ["call_year", "participant", "agency"]
    list_select_related = ["agency"]
    autocomplete_fields = ["agency"]
    fieldsets = [
        (
            None,
            {
                "fields": (
                    "agency",
                    "call_year",
                    ("participant", "country_group"),
                    "amount_eur",
                )
            },
        ),
        SOURCE,
    ]


@admin.register(Call)
class CallAdmin(SimpleHistoryAdmin):
    """Calls: copy the current one to prepare the next, compare two, publish a draft."""

    list_display = ["year", "state", "is_current", "published_at", "changes_link"]
    fields = ["year", "state", "published_at"]
    readonly_fields = ["published_at"]
    actions = ["copy_to_next_year", "publish_drafts"]

    def get_readonly_fields(self, request, obj=None):
        # Publishing is the action below, so that it is one recorded step.
        return ("year", "state", "published_at") if obj else ("state", "published_at")

    @admin.display(boolean=True, description=_("current"))
    def is_current(self, call):
        return call.year == current_year()

    @admin.display(description=_("changes"))
    def changes_link(self, call):
        previous = Call.objects.filter(year__lt=call.year).first()
        if previous is None:
            return "—"
        url = reverse("admin:opportunities_call_changes", args=[call.year])
        return format_html(
            '<a href="{}">{}</a>',
            url,
            _("Compare with %(year)d") % {"year": previous.year},
        )

    def get_urls(self):
        changes = self.admin_site.admin_view(self.changes_view)
        return [
            path("<int:year>/changes/", changes, name="opportunities_call_changes"),
            *super().get_urls(),
        ]

    def changes_view(self, request, year):
        new = get_object_or_404(Call, year=year)
        old = Call.objects.filter(year__lt=year).first()
        if old is None:
            raise Http404
        context = {
            **self.admin_site.each_context(request),
            "title": _("Changes from the %(old)d call to the %(new)d call")
            % {"old": old.year, "new": new.year},
            "opts": self.model._meta,
            "old": old,
            "new": new,
            "changes": compare(old, new),
        }
        return TemplateResponse(request, "admin/opportunities/call/changes.html", context)

    @admin.action(description=_("Copy the selected call to the next year, as a draft"))
    def copy_to_next_year(self, request, queryset):
        for call in queryset:
            year = call.year + 1
            if Call.objects.filter(year=year).exists():
                message = _("The %(year)d call exists already.") % {"year": year}
                self.message_user(request, message, messages.ERROR)
                continue
            copy_call(call, year)
            message = _("The %(year)d call is a draft copy of the %(source)d call.") % {
                "year": year,
                "source": call.year,
            }
            self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Publish the selected draft calls"))
    def publish_drafts(self, request, queryset):
        for call in queryset.filter(state=Call.State.DRAFT):
            publish(call)
            message = _("The %(year)d call is published.") % {"year": call.year}
            self.message_user(request, message, messages.SUCCESS)
