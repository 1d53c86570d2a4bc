"""Forms of the editorial workflow in the admin."""

from django import forms
from django.utils.translation import gettext_lazy as _


class WorkflowForm(forms.Form):
    """The note and publication time that go with a workflow button."""

    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        help_text=_("Leave empty to publish now. A future time schedules the article."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class ReturnToDraftActionForm(forms.Form):
    """The note a bulk "return to draft" asks for, once for all selected articles."""

    note = forms.CharField(label=_("Why are these articles going back to draft?"),
                           widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
