"""The live-coverage panel on an article's admin page."""

from django import template

from liveblog.forms import QuickUpdateForm
from liveblog.models import LiveBlog
from liveblog.permissions import can_change_update, can_post, can_run_coverage, can_send_to_ticker

register = template.Library()

# Updates listed in the panel; older ones are in the live updates' own list.
PANEL_UPDATES = 30


@register.inclusion_tag("admin/liveblog/panel.html", takes_context=True)
def live_coverage_panel(context, article):
    """Start, run and feed the live coverage of ``article``, as the user may."""
    user = context["request"].user
    live_blog = LiveBlog.objects.filter(article=article).first()
    updates = []
    if live_blog is not None:
        shown = live_blog.updates.filter(deleted_at__isnull=True).order_by(
            "-is_pinned", "-posted_at", "-pk"
        )
        updates = [
            (update, can_change_update(user, update))
            for update in shown.select_related("created_by").prefetch_related("authors")[
                :PANEL_UPDATES
            ]
        ]
    return {
        "article": article,
        "live_blog": live_blog,
        "updates": updates,
        "form": QuickUpdateForm(),
        "can_post": can_post(user),
        "can_run": can_run_coverage(user),
        "can_ticker": can_send_to_ticker(user),
        "csrf_token": context.get("csrf_token"),
    }
