"""Article cards, the unit of every list: each rendered once and kept as a fragment.

A card looks the same on the home page, its section, its tags and beside
related stories, so a list that is not in the page cache (a page just purged)
renders only the cards it has never shown, and fetches the others in two
round trips however many there are. A card is filed under its article, its
section and its image, and is purged with them.
"""

from functools import partial

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from articles.models import Article, Image, Section
from pagecache import recorder, tags
from pagecache.fragments import cached_fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def article_cards(context, articles, *, lead=False, compact=False, hide_section=False):
    """The cards of ``articles``; ``featured`` in the page's context marks pinned ones."""
    featured = {article.pk for article in context.get("featured") or ()}
    parts = []
    for article in articles:
        options = {
            "lead": lead,
            "compact": compact,
            "hide_section": hide_section,
            "is_featured": article.pk in featured,
        }
        variant = "".join("1" if value else "0" for value in options.values())
        parts.append((f"card:{article.pk}:{variant}", partial(render_card, article, options)))
    return SafeString("".join(cached_fragments(parts)))


@register.simple_tag(takes_context=True)
def article_card(context, article, **options):
    """One card (the home page's lead story)."""
    return article_cards(context, [article], **options)


def render_card(article: Article, options: dict) -> str:
    shown = [tags.object_tag(Article, article.pk)]
    if article.section_id:
        shown.append(tags.object_tag(Section, article.section_id))
    if article.lead_image_id:
        shown.append(tags.object_tag(Image, article.lead_image_id))
    recorder.shows(*shown)
    return render_to_string("components/article_card.html", {"article": article, **options})
