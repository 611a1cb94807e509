"""Preparing the next call: copy the current one as a draft, compare two calls, publish.

A draft is a complete copy: formats with their rules, grant tiers, excluded countries,
alternatives and example projects, and every country's status. Deadlines are not copied: they
are the dates of their own call. Rates (travel bands, country groups, unit costs) apply from
their call year until a later year's, so a new call uses the last ones until an editor enters
its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from .calls import override
from .models import Call, CountryStatus, Format, GrantTier
from .rules import RULES


@transaction.atomic
def copy_call(source: Call, year: int) -> Call:
    """Create the draft call ``year`` as a copy of ``source``."""
    target = Call.objects.create(year=year, state=Call.State.DRAFT)
    formats = source.formats.prefetch_related(
        "grant_tiers", "excluded_countries", "alternatives", "example_projects"
    )
    copies = {}
    for fmt in formats:
        copy = Format.objects.get(pk=fmt.pk)
        copy.pk, copy.call = None, target
        copy._change_reason = _("Copied from the %(year)d call") % {"year": source.year}
        copy.save(force_insert=True)
        for tier in fmt.grant_tiers.all():
            GrantTier.objects.create(format=copy, amount_eur=tier.amount_eur)
        copy.excluded_countries.set(fmt.excluded_countries.all())
        copy.example_projects.set(fmt.example_projects.all())
        copies[fmt.code] = copy
    for fmt in formats:
        copies[fmt.code].alternatives.set(copies[alt.code] for alt in fmt.alternatives.all())
    statuses = [
        CountryStatus(
            call=target,
            country_id=status.country_id,
            status=status.status,
            region=status.region,
            authorities_excluded=status.authorities_excluded,
            confirmed=status.confirmed,
            source_url=status.source_url,
            source_note=status.source_note,
        )
        for status in source.country_statuses.all()
    ]
    bulk_create_with_history(statuses, CountryStatus)
    return target


def publish(call: Call) -> None:
    call.state = Call.State.PUBLISHED
    call.published_at = timezone.now()
    call._change_reason = _("Published")
    call.save()


@dataclass(frozen=True)
class Change:
    """One difference between two calls: what, which of its facts, before and after."""

    subject: str
    fact: str
    before: str
    after: str


def compare(old: Call, new: Call) -> list[tuple[str, list[Change]]]:
    """List every difference between two calls, titled: per format and rule, per country, per
    rate."""
    return [
        (_("Formats and their rules"), format_changes(old, new)),
        (_("Countries"), country_changes(old, new)),
        (_("Rates"), rate_changes(old, new)),
    ]


def shown(value) -> str:
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(shown(item) for item in sorted(value))
    return str(value)


def format_facts(fmt: Format) -> dict[str, object]:
    """Return what a call may change of a format, by the label an editor knows it by."""
    facts = {
        str(Format._meta.get_field("offered").verbose_name): fmt.offered,
        str(Format._meta.get_field("managed_by").verbose_name): fmt.get_managed_by_display(),
    }
    for rule in RULES:
        for name in rule.fields:
            if name == "lump_sums":
                value = [tier.amount_eur for tier in fmt.grant_tiers.all()]
                label = _("lump sums (EUR)")
            elif name == "excluded_countries":
                value = [country.code for country in fmt.excluded_countries.all()]
                label = Format._meta.get_field(name).verbose_name
            else:
                value = getattr(fmt, name)
                label = Format._meta.get_field(name).verbose_name
            facts[str(label)] = value
    facts[str(Format._meta.get_field("unconfirmed_rules").verbose_name)] = fmt.unconfirmed_rules
    return facts


def format_changes(old: Call, new: Call) -> list[Change]:
    def formats(call):
        rows = call.formats.prefetch_related("grant_tiers", "excluded_countries")
        return {fmt.code: fmt for fmt in rows}

    before, after = formats(old), formats(new)
    changes = []
    for code in sorted(before.keys() | after.keys()):
        if code not in after:
            changes.append(Change(code, _("format"), _("in the call"), _("not in the call")))
        elif code not in before:
            changes.append(Change(code, _("format"), _("not in the call"), _("in the call")))
        else:
            old_facts, new_facts = format_facts(before[code]), format_facts(after[code])
            changes += [
                Change(code, fact, shown(old_facts[fact]), shown(new_facts[fact]))
                for fact in old_facts
                if shown(old_facts[fact]) != shown(new_facts[fact])
            ]
    return changes


def country_changes(old: Call, new: Call) -> list[Change]:
    def statuses(call):
        rows = call.country_statuses.select_related("country")
        return {
            row.country_id: (
                str(row.country),
                row.get_status_display(),
                shown(row.region),
                _("yes") if row.authorities_excluded else _("no"),
            )
            for row in rows
        }

    before, after = statuses(old), statuses(new)
    missing = ("", "—", "—", "—")
    changes = []
    for code in sorted(before.keys() | after.keys()):
        was, now = before.get(code, missing), after.get(code, missing)
        name = was[0] or now[0]
        facts = ((_("status"), 1), (_("region"), 2), (_("authorities excluded"), 3))
        for fact, index in facts:
            if was[index] != now[index]:
                changes.append(Change(name, fact, was[index] or "—", now[index] or "—"))
    return changes


def rate_changes(old: Call, new: Call) -> list[Change]:
    """Compare the rates each call applies (each rate the latest up to the call's year)."""
    from mobility.budget import load_rates

    def rates(call):
        with override(call.year):
            loaded = load_rates()
        values = {
            _("travel %(from)d–%(to)s km") % {"from": band.min_km, "to": band.max_km or "…"}: (
                f"€ {band.standard_eur} / € {band.green_eur}"
            )
            for band in loaded.bands
        }
        for key in sorted({(c.cost, c.participant, c.country_group) for c in loaded.costs}):
            label = " ".join(str(part) for part in key if part)
            values[label] = loaded.cost(*key).amount_eur
        return values

    before, after = rates(old), rates(new)
    return [
        Change(_("rate"), label, shown(before.get(label)), shown(after.get(label)))
        for label in sorted(before.keys() | after.keys())
        if shown(before.get(label)) != shown(after.get(label))
    ]
