"""Reading a request and answering it plainly: its language, yes/no parameters, choices, errors."""

from django import forms
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

# The API answers yes/no with true/false, so it accepts them back, as well as what forms send.
YES = {"1", "true", "yes", "on"}
NO = {"0", "false", "no", "off"}


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        choices=[("json", "JSON"), ("csv", "CSV")],
        error_messages={
            "invalid_choice": _("Unknown format “%(value)s”: use json or csv."),
            "required": _("Choose json or csv."),
        },
    )


class RowActionForm(forms.Form):
    """The buttons of a form with repeated rows: "add_<noun>", or "remove_<noun>" with an index."""

    def __init__(self, data, noun, rows):
        super().__init__(data)
        self.noun = noun
        self.fields[f"add_{noun}"] = forms.BooleanField(required=False)
        self.fields[f"remove_{noun}"] = forms.IntegerField(
            required=False, min_value=0, max_value=max(rows - 1, 0)
        )

    def asked(self):
        return f"add_{self.noun}" in self.data or f"remove_{self.noun}" in self.data

    def adds(self):
        return self.is_valid() and self.cleaned_data[f"add_{self.noun}"]

    def removed(self):
        """Return the index of the row to remove, or None."""
        return self.cleaned_data[f"remove_{self.noun}"] if self.is_valid() else None

    def without_actions(self):
        query = self.data.copy()
        for name in self.fields:
            query.pop(name, None)
        return query


def error_messages(form):
    """A form's errors as ``{field: [message, …]}``, for JSON."""
    return {
        field: [error["message"] for error in errors]
        for field, errors in form.errors.get_json_data().items()
    }


def json_errors(form, status=400):
    """The API's answer to invalid input: ``{"errors": {field: [message, …]}}``."""
    return JsonResponse(
        {"errors": error_messages(form)}, status=status, json_dumps_params={"ensure_ascii": False}
    )


def plain_errors(form):
    """A 400 listing a form's errors as plain text, one line per field."""
    lines = (f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
    return HttpResponse("\n".join(lines), status=400, content_type="text/plain; charset=utf-8")


def yes_no_value(value):
    """Return "1", "0" or "" for a yes/no parameter as people and programs write it."""
    text = str(value).strip().lower()
    if text in YES:
        return "1"
    if text in NO:
        return "0"
    return text


class Choices(BaseChoiceIterator):
    """(value, label) pairs a field takes as they are, and shares with its copies.

    Django checks every choice again when a field gets them, and a form copies its fields,
    choices included, for every request: for 250 countries that took longer than judging a
    situation. The pairs are never changed, so every copy can share them.
    """

    def __init__(self, choices):
        self.choices = list(choices)
        self.values = {str(value) for value, _label in self.choices}

    def __iter__(self):
        return iter(self.choices)

    def __deepcopy__(self, memo):
        return self


class KnownValues:
    """For a field with ``Choices``: look a value up instead of walking the list."""

    def valid_value(self, value):
        return str(value) in self.choices.values


class Shared:
    """A field its forms share instead of copying it for each request.

    Django copies a form's fields for every form it builds; for the checker's twelve that was
    more than half the time of validating the answers. Only for a field that no form or view
    changes after it is declared.
    """

    def __deepcopy__(self, memo):
        return self


class SharedChoiceField(Shared, forms.ChoiceField):
    pass


class SharedIntegerField(Shared, forms.IntegerField):
    pass


class LanguageForm(forms.Form):
    lang = SharedChoiceField(choices=settings.LANGUAGES, required=False)


def requested_language(request, default=None):
    """The ``lang`` parameter when it is nl or en, else ``default`` (the active language)."""
    form = LanguageForm(request.GET)
    language = form.cleaned_data["lang"] if form.is_valid() else ""
    return language or default or translation.get_language()


class YesNoField(forms.TypedChoiceField):
    """An optional yes-or-no question: True, False, or None when not answered."""

    def __init__(self, **kwargs):
        choices = Choices([("", _("Not answered")), ("1", _("Yes")), ("0", _("No"))])
        super().__init__(
            required=False,
            choices=choices,
            coerce=lambda value: value == "1",
            empty_value=None,
            **kwargs,
        )

    def to_python(self, value):
        return yes_no_value(super().to_python(value))

    def bound_data(self, data, initial):
        return yes_no_value(data) if data is not None else data


class SharedYesNoField(Shared, YesNoField):
    pass


def yes_no(label, **kwargs):
    return YesNoField(label=label, **kwargs)
