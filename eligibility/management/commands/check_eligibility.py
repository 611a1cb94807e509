import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from eligibility.forms import form_from_params
from eligibility.views import error_messages, verdicts_data

OPTIONS = {
    "country": "ISO code of the applicant's country, e.g. NL (required)",
    "community": "Belgian community: nl, fr or de",
    "organisation_type": "vet_provider, company, public_authority, ngo, higher_education, "
    "teacher_training, school, individual or other",
    "accredited": "1 if the organisation holds an Erasmus accreditation in VET, else 0",
    "short_term_grants_last_5_years": "short-term grants received in the last 5 call years",
    "ngo_network_countries": "European NGO: countries with members or branches",
    "partners": "partner organisations' countries, one code each, e.g. DE,FR,FR",
    "duration_months": "project duration in months",
    "participants": "participants in mobility activities",
    "grant_eur": "grant to request in euro",
    "format": "judge only this format, e.g. KA220-VET",
}
MARKS = {"pass": "ok", "fail": "FAIL", "unknown": "?"}


class Command(BaseCommand):
    help = "Check eligibility for every format (or one) and print the verdicts, or JSON."

    def add_arguments(self, parser):
        for name, help_text in OPTIONS.items():
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name, help=help_text)
        parser.add_argument("--json", action="store_true", help="Print the API's JSON.")
        parser.add_argument("--lang", choices=["nl", "en"], default="en")

    def handle(self, *args, **options):
        with translation.override(options["lang"]):
            form, partners_given = form_from_params({name: options[name] for name in OPTIONS})
            if not form.is_valid():
                errors = error_messages(form)
                raise CommandError(
                    "; ".join(
                        f"{field}: {' '.join(messages)}" for field, messages in errors.items()
                    )
                )
            data = verdicts_data(form, partners_given)
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        for verdict in data["formats"]:
            apply_to = verdict["apply_to"]["name"] if verdict["apply_to"] else "-"
            self.stdout.write(f"{verdict['code']:<36} {verdict['verdict']:<13} {apply_to}")
            for check in verdict["checks"]:
                self.stdout.write(f"    {MARKS[check['status']]:<5} {check['message']}")
            if verdict["suggestions"]:
                self.stdout.write(f"    consider instead: {', '.join(verdict['suggestions'])}")
