"""What changed between two saved versions of an article, word by word."""

import difflib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from articles.models import Article, Image, Section, Tag, TaggedArticle
from newsroom.models import StaffMember
from newsroom.sanitize import plain_text

TEXT_FIELDS = ("kicker", "title", "summary", "body")
# Set apart by spaces, so the word diff sees each tag or name on its own.
LIST_SEPARATOR = " · "


@dataclass(frozen=True)
class FieldChange:
    """One field that differs: its label and the words removed and added."""

    label: str
    diff: SafeString


def changes(before: dict[str, str], after: dict[str, str]) -> list[FieldChange]:
    """The fields that differ between two readable forms of an article, in form order."""
    return [
        FieldChange(label=label, diff=word_diff(before[label], after[label]))
        for label in before
        if before[label] != after[label]
    ]


def version_contents(version: Version) -> dict[str, str]:
    """A saved version of an article, as the labelled texts editors compare."""
    fields = version.field_dict
    tag_type = ContentType.objects.get_for_model(TaggedArticle)
    tag_ids = [
        t.field_dict["tag_id"] for t in version.revision.version_set.filter(content_type=tag_type)
    ]
    return _readable(
        fields,
        section_id=fields.get("section_id"),
        lead_image_id=fields.get("lead_image_id"),
        author_ids=fields.get("authors", []),
        # Arabic names, as article_contents and form_contents give them.
        tag_names=list(Tag.objects.filter(pk__in=tag_ids).values_list("name_ar", flat=True)),
    )


def article_contents(article: Article) -> dict[str, str]:
    """An article as it is stored now, as the labelled texts editors compare."""
    return _readable(
        {name: getattr(article, name) for name in _text_field_names()},
        section_id=article.section_id,
        lead_image_id=article.lead_image_id,
        author_ids=list(article.authors.values_list("pk", flat=True)),
        tag_names=list(article.tags.names()),
    )


def form_contents(data: dict) -> dict[str, str]:
    """An article form's cleaned data, as the labelled texts editors compare."""
    section, lead_image = data.get("section"), data.get("lead_image")
    return _readable(
        {name: data.get(name) for name in _text_field_names()},
        section_id=section.pk if section else None,
        lead_image_id=lead_image.pk if lead_image else None,
        author_ids=[author.pk for author in data.get("authors", [])],
        tag_names=list(data.get("tags", [])),
    )


def word_diff(before: str, after: str) -> SafeString:
    """``after`` with the words taken out of ``before`` in <del> and those put in, in <ins>."""
    old, new = before.split(), after.split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            parts.append(format_html("<del>{}</del>", " ".join(old[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(format_html("<ins>{}</ins>", " ".join(new[j1:j2])))
        if op == "equal":
            parts.append(escape(" ".join(old[i1:i2])))
    return mark_safe(" ".join(parts))  # every piece above is escaped


def _text_field_names() -> list[str]:
    return [
        build_localized_fieldname(field, language)
        for field in TEXT_FIELDS
        for language in AVAILABLE_LANGUAGES
    ]


def _readable(
    texts: dict, *, section_id, lead_image_id, author_ids, tag_names: list[str]
) -> dict[str, str]:
    readable = {}
    for field in TEXT_FIELDS:
        for language in AVAILABLE_LANGUAGES:
            name = build_localized_fieldname(field, language)
            value = texts.get(name) or ""
            label = str(Article._meta.get_field(name).verbose_name)  # «العنوان [العربية]»
            readable[label] = plain_text(value) if field == "body" else value
    readable[str(_("section"))] = _names(Section, [section_id])
    readable[str(_("authors"))] = _names(StaffMember, author_ids)
    readable[str(_("tags"))] = LIST_SEPARATOR.join(sorted(tag_names))
    readable[str(_("lead image"))] = _names(Image, [lead_image_id])
    return readable


def _names(model, ids) -> str:
    objects = model.objects.filter(pk__in=[i for i in ids if i])
    return LIST_SEPARATOR.join(str(obj) for obj in objects)
