"""The publication's own pages: its masthead with its history, and its policies."""

import re
from datetime import date
from functools import partial

from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from articles import page_content
from articles.page_content import PageContent, kept_content, render_page
from discovery import page_meta
from discovery.links import feed_links
from newsroom import chrome, dates
from newsroom import masthead as masthead_reading
from newsroom.models import PolicyPage
from newsroom.sanitize import plain_text
from pagecache import recorder, tags

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def masthead(request: HttpRequest) -> HttpResponse:
    """The masthead today and every term of every role; with ``?on=YYYY-MM-DD``, who
    held each role that day. Any other ``on`` is a 400."""
    day = _day(request.GET.get("on"))
    return render_page(request, kept_content(request, partial(_masthead_content, request, day)))


def policy(request: HttpRequest, slug: str) -> HttpResponse:
    """One policy page."""
    return render_page(request, kept_content(request, partial(_policy_content, request, slug)))


def _masthead_content(request: HttpRequest, day: date | None) -> PageContent:
    publication = chrome.publication()
    terms = chrome.masthead_terms()
    today = timezone.localdate()
    recorder.changes_at(masthead_reading.next_change(terms, today))
    heading = pgettext("public page", "Masthead")
    description = _("Who leads the newsroom today, and who led it before.")
    body = render_to_string(
        "newsroom/masthead.html",
        {
            "heading": heading,
            "description": description,
            "day": day,
            "today": today,
            "on_day": masthead_reading.holders_on(terms, day) if day else None,
            "current": masthead_reading.holders_on(terms, today),
            "history": masthead_reading.history(terms),
        },
    )
    return page_content.content(
        title=f"{heading} | {publication.name}",
        description=description,
        meta=page_meta.for_listing(request, publication, heading, description),
        body=body,
        feeds=feed_links(),
    )


def _policy_content(request: HttpRequest, slug: str) -> PageContent:
    publication = chrome.publication()
    page = PolicyPage.objects.filter(slug=slug).first()
    if page is None:
        recorder.shows(tags.POLICIES)  # a page of that address may be added
        raise Http404
    recorder.shows_object(tags.object_tag(PolicyPage, page.pk))
    return page_content.content(
        title=f"{page.title} | {publication.name}",
        description=Truncator(plain_text(page.body)).chars(300),
        meta=page_meta.for_policy(request, publication, page),
        body=render_to_string("newsroom/policy.html", {"page": page}),
        feeds=feed_links(),
    )


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        if not DAY.fullmatch(value):
            raise ValueError
        day = date.fromisoformat(value)
        dates.validate_in_range(day)
    except (ValueError, ValidationError) as error:
        raise BadRequest("on= takes a date, YYYY-MM-DD") from error
    return day
