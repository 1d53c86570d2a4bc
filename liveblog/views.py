"""Readers' side of live coverage: a permalink per update and the changes to poll."""

from datetime import UTC, datetime

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from liveblog.models import LiveBlog, LiveUpdate
from liveblog.reading import UPDATES_PER_PAGE, poll_cursor

# Most changes one poll returns; a reader further behind reloads the page.
MAX_CHANGES = 100


@require_GET
def update_permalink(request: HttpRequest, pk: int) -> HttpResponse:
    """The page of the update's live blog that holds it, opened at it."""
    update = get_object_or_404(
        LiveUpdate.objects.shown().select_related("live_blog__article"), pk=pk
    )
    article = update.live_blog.article
    if not article.is_published:
        raise Http404
    newer = (
        update.live_blog.updates.shown()
        .filter(is_pinned=False, posted_at__gt=update.posted_at)
        .count()
    )
    on_first_page = update.is_pinned or newer < UPDATES_PER_PAGE
    query = "" if on_first_page else f"?from={update.pk}"
    return redirect(f"{article.get_absolute_url()}{query}#{update.anchor}")


@require_GET
def changes(request: HttpRequest, pk: int, cursor: int) -> JsonResponse:
    """Updates posted, edited or deleted since ``cursor`` (a polling bucket's start).

    Every reader whose page was rendered in the same bucket asks this same
    address, so the page cache and the CDN answer almost every poll; the page
    cache purges it with the live blog. ``next`` is the bucket of the latest
    change, so readers move on together and see each change at least once.
    """
    live_blog = get_object_or_404(LiveBlog.objects.select_related("article"), pk=pk)
    since = datetime.fromtimestamp(cursor, tz=UTC)
    # Only bucket starts up to now: other addresses would only fill the caches.
    if not live_blog.article.is_published or cursor != poll_cursor(since) or since > timezone.now():
        raise Http404
    found = list(
        live_blog.updates.changed_since(since)
        .select_related("image")
        .prefetch_related("authors")[: MAX_CHANGES + 1]
    )
    latest = max((update.changed_at for update in found), default=None)
    return JsonResponse(
        {
            "live": live_blog.state == LiveBlog.State.LIVE,
            "next": poll_cursor(latest) if latest else cursor,
            "reload": len(found) > MAX_CHANGES,
            "changes": [_change(update) for update in found[:MAX_CHANGES]],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _change(update: LiveUpdate) -> dict:
    deleted = update.deleted_at is not None
    return {
        "id": update.pk,
        "changed": update.version,
        "posted": update.posted_at.timestamp(),
        "deleted": deleted,
        "pinned": update.is_pinned,
        "html": "" if deleted else render_to_string("liveblog/update.html", {"update": update}),
    }
