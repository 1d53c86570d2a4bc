"""What the admin writes about the objects it changes, in words the newsroom reads.

Django logs the names of changed fields in English (their labels with translation
off) and translates them back when a history is shown. That works only for a label
that is itself a message id; ours are lower-case verbose names, and translated
fields add their language, so histories read «تم تغيير Headline [ar].». And its
deletion pages list the rows that join two models (bylines, group memberships) by
class name, «Article_authors object (1)», which no catalogue can translate.
"""

from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst


class NewsroomTextsAdmin:
    """Log changed fields under the names editors see (the newsroom's language);
    leave the rows joining two models out of deletion pages, where the objects
    themselves are listed."""

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        names = {
            _label(form, field, None): _label(form, field, settings.LANGUAGE_CODE)
            for field in form.changed_data
        }
        for part in message:
            if "changed" in part:
                fields = part["changed"]["fields"]
                part["changed"]["fields"] = [names.get(name, name) for name in fields]
        return message

    def get_deleted_objects(self, objs, request):
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        joins = [model for model in apps.get_models(include_auto_created=True)
                 if model._meta.auto_created]  # fmt: skip
        prefixes = tuple(f"{capfirst(model._meta.verbose_name)}: " for model in joins)
        plurals = {str(model._meta.verbose_name_plural) for model in joins}
        counts = {name: count for name, count in counts.items() if str(name) not in plurals}
        return _without(to_delete, prefixes), counts, perms_needed, protected


def _label(form, field: str, language: str | None) -> str:
    """The label Django logs for ``field`` (as its change message does), in ``language``."""
    with translation.override(language):
        return str(form.fields[field].label or field) if field in form.fields else field


def _without(items: list, prefixes: tuple[str, ...]) -> list:
    """Django's nested deletion list without the items that start with ``prefixes``."""
    return [
        _without(item, prefixes) if isinstance(item, list) else item
        for item in items
        if isinstance(item, list) or not str(item).startswith(prefixes)
    ]
