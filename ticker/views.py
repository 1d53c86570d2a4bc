"""The ticker as JSON, for pages that refresh the strip without reloading."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from newsroom.languages import direction, shown_language
from ticker import live


@require_GET
def live_items(request: HttpRequest) -> JsonResponse:
    """The live ticker items in strip order: text (with its language and direction),
    link, breaking flag and whether its story is being covered live."""
    items = []
    for item in live.live_items():
        language = shown_language(item, "text")
        items.append(
            {
                "text": item.text,
                "url": item.link,
                "is_breaking": item.is_breaking,
                "lang": language,
                "dir": direction(language),
                # Its story's live coverage is going on: the strip shows «مباشر».
                "live": item.article is not None and item.article.live_now,
            }
        )
    return JsonResponse({"items": items}, json_dumps_params={"ensure_ascii": False})
