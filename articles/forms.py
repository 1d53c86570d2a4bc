"""Forms of the editorial workflow in the admin."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django_prose_editor.widgets import AdminProseEditorWidget
from modeltranslation.settings import DEFAULT_LANGUAGE
from taggit.forms import TagField

from articles.imaging import clean_upload
from articles.models import Article, Correction, Image, Section, Tag
from articles.revisions import FieldChange, article_contents, changes, form_contents
from newsroom import dates


class SearchForm(forms.Form):
    """The reader's search: words, and optionally a section and a date range."""

    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=Section.objects.all(),
        required=False,
        empty_label=_("All sections"),
    )
    since = forms.DateField(
        label=_("From"),
        required=False,
        validators=[dates.validate_in_range],
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        label=_("Until"),
        required=False,
        validators=[dates.validate_in_range],
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    # Set by the "search for what I typed" link under a corrected query.
    as_typed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class WorkflowForm(forms.Form):
    """The note and publication time that go with a workflow button."""

    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        validators=[dates.validate_in_range],
        help_text=_("Leave empty to publish now. A future time schedules the article."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class TagNamesField(TagField):
    """taggit's tags field («غزة، القدس»; see articles.tag_parsing), refusing a name
    longer than the tags table holds, and comparing tags by their Arabic names: in the
    admin in English, the English names would make every form look changed."""

    def clean(self, value) -> list[str]:
        names = super().clean(value)
        if self.required and not names:  # «، ،» is text, but no tag
            raise ValidationError(self.error_messages["required"], code="required")
        longest = Tag._meta.get_field("name").max_length
        if too_long := [name for name in names if len(name) > longest]:
            raise ValidationError(
                _("A tag may have at most %(count)d characters; shorten “%(tag)s…”."),
                code="tag_too_long",
                params={"count": longest, "tag": too_long[0][:30]},
            )
        return names

    def has_changed(self, initial, data) -> bool:
        with override(DEFAULT_LANGUAGE):
            return super().has_changed(initial, data)


class AddTagsActionForm(forms.Form):
    """The tags a bulk "add tags" gives every selected article."""

    tags = TagNamesField(
        label=_("Tags to add"),
        help_text=_("Separated by «،» or «,». The articles keep the tags they have."),
    )


class ReturnToDraftActionForm(forms.Form):
    """The note a bulk "return to draft" asks for, once for all selected articles."""

    note = forms.CharField(label=_("Why are these articles going back to draft?"),
                           widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip


FOCAL_POINT_FIELDS = ("focal_x", "focal_y")


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
        fields = ["file", "focal_x", "focal_y", "alt_text_ar", "alt_text_en", "caption_ar",
                  "caption_en", "credit_ar", "credit_en"]  # fmt: skip
        # Phones offer a decimal keypad for these; focal_point.js fills them from a tap.
        widgets = {
            name: forms.NumberInput(
                attrs={"min": "0", "max": "1", "step": "0.01", "inputmode": "decimal"}
            )
            for name in FOCAL_POINT_FIELDS
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in FOCAL_POINT_FIELDS:
            self.fields[name].required = False

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):
            return clean_upload(upload)
        return upload

    def clean(self):
        cleaned_data = super().clean()
        for name in FOCAL_POINT_FIELDS:
            if cleaned_data.get(name) is None and name not in self.errors:
                # Left empty, the focal point is the middle, as for uploads that never
                # had one (imports, scripts).
                cleaned_data[name] = Image._meta.get_field(name).default
        return cleaned_data


# What the body editor offers; newsroom.sanitize enforces the same allow-list on save.
BODY_EDITOR = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Heading": {"levels": [2, 3, 4]},
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Blockquote": True,
        "Link": {"protocols": ["http", "https", "mailto"]},
        "HardBreak": True,
        "HorizontalRule": True,
        "Figure": True,
        "Caption": True,
        "Image": True,
        "History": True,
    }
}


def body_editor() -> AdminProseEditorWidget:
    return AdminProseEditorWidget(config=BODY_EDITOR, preset="configurable")


class ArticleAdminForm(forms.ModelForm):
    """The article form, with optimistic locking against a colleague's newer save.

    The form remembers the version number it was opened at. Saving over a newer
    version is refused, the differences are shown, and the editor's own text stays
    in the form; ticking "save my version anyway" overwrites on purpose.
    """

    edited_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    overwrite = forms.BooleanField(
        label=_("Save my version anyway"),
        required=False,
        help_text=_("Replaces what was saved meanwhile with the text in this form."),
    )

    class Meta:
        model = Article
        # The admin's fieldsets choose the language tabs' fields; these are the defaults.
        fields = ["kicker", "title", "summary", "body", "section", "authors", "tags",
                  "lead_image", "slug"]  # fmt: skip
        widgets = {"body_ar": body_editor(), "body_en": body_editor()}
        field_classes = {"tags": TagNamesField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict: list[FieldChange] = []
        self.fields["edited_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        # The admin runs the whole request in one transaction: locking the row here
        # makes the check and the save one step, even for two editors at once.
        current = Article.objects.select_for_update().get(pk=self.instance.pk)
        if cleaned_data.get("edited_version") != current.version and not cleaned_data.get(
            "overwrite"
        ):
            self.conflict = changes(article_contents(current), form_contents(cleaned_data))
            raise ValidationError(
                _(
                    "This article was saved by someone else while you were editing it. "
                    "Your text is still in the form: compare it with the saved version "
                    "below, then save again with “Save my version anyway”, or reload "
                    "the page to start from the saved version."
                ),
                code="conflict",
            )
        return cleaned_data


class CorrectionForm(forms.Form):
    """A note to publish on an article, from its admin page."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Correction.Kind.choices)
    text_ar = forms.CharField(label=_("Text (Arabic)"), widget=forms.Textarea(attrs={"rows": 3}))
    text_en = forms.CharField(
        label=_("Text (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class WithdrawCorrectionForm(forms.Form):
    note = forms.CharField(label=_("Why it is withdrawn (shown to readers)"))
