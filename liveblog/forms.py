"""The forms of live updates: the compact one on the article's admin page, and the full one."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from articles.forms import body_editor
from liveblog.models import LiveUpdate
from newsroom.sanitize import plain_text


class QuickUpdateForm(forms.Form):
    """Headline, text and whether it is a key event: enough to post in seconds."""

    headline = forms.CharField(label=_("Headline (optional)"), max_length=160, required=False)
    text = forms.CharField(
        label=_("Update"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain text; a blank line starts a new paragraph."),
        max_length=20000,
    )
    is_key_event = forms.BooleanField(label=_("Key event"), required=False)


class LiveUpdateForm(forms.ModelForm):
    """An update's full page; it must keep some text or an image."""

    class Meta:
        model = LiveUpdate
        fields = ["headline", "body", "image", "authors", "is_key_event"]
        widgets = {"body_ar": body_editor(), "body_en": body_editor()}

    def clean(self):
        data = super().clean()
        bodies = [data.get(build_localized_fieldname("body", code)) for code in AVAILABLE_LANGUAGES]
        if not any(plain_text(body or "") for body in bodies) and not data.get("image"):
            raise ValidationError(_("Write the update, or choose an image."), code="empty")
        return data
