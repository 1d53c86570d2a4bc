"""Forms of the editorial workflow in the admin."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from articles.imaging import clean_upload
from articles.models import Image


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


class ImageForm(forms.ModelForm):
    """The image library's upload form: every new file is verified and cleaned first.

    Cleaning happens during validation, before anything is stored, so a rejected
    upload leaves no file behind.
    """

    # A plain file field: clean_upload is the one verifier, with precise reasons for a
    # refusal (Django's ImageField would answer "damaged" for a bomb, before we see it).
    file = forms.FileField(
        label=_("file"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG, PNG or WebP. Location and camera data are removed on upload."),
    )

    class Meta:
        model = Image
        fields = ["file", "alt_text_ar", "alt_text_en", "caption_ar", "caption_en",
                  "credit_ar", "credit_en"]  # fmt: skip

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):
            return clean_upload(upload)
        return upload
