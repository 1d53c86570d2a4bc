"""Message ids the admin shows that no catalogue of ours would otherwise hold.

Never imported: ``makemessages`` reads these calls and keeps the ids in
``locale/ar/LC_MESSAGES/django.po`` (it drops any id it finds in no source file of
ours). ``LOCALE_PATHS`` puts that catalogue before Django's and the apps' own, so an
id translated there fills a gap in theirs, or replaces a translation that leaves
English in an Arabic sentence. The admin's scripts have their own list:
``admin_catalog.js``. ``tests/newsroom/test_admin_arabic.py`` finds what is missing.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_ADMIN = (
    # Django 6.1's admin: what its Arabic catalogue lacks.
    gettext_noop('The app "%s" could not be found.'),
    gettext_noop(", "),
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects.", "count"),
    gettext_noop("Run"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting related "
        "objects, but your account doesn't have permission to delete the following types "
        "of objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the "
        "following protected related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? All of "
        "the following related items will be deleted:"
    ),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Logout"),
    # Django's forms and views.
    gettext_noop("- Select an option -"),
    gettext_noop("“%(value)s” is not a valid binary value."),
    gettext_noop("No %s matches the given query."),
    # Translated by Django with English words left in: the password's summary, and
    # the note on password logins.
    gettext_noop("salt"),
    gettext_noop("hash"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If "
        "disabled, they may still be able to authenticate using other backends, such as "
        "Single Sign-On or LDAP."
    ),
)

DJANGO_REVERSION = (
    # Its app and models, listed with the permissions.
    gettext_noop("Reversion"),
    gettext_noop("revision"),
    gettext_noop("revisions"),
    gettext_noop("version"),
    gettext_noop("versions"),
)

DJANGO_AXES = (
    # The failed-login records' pages, which its Arabic catalogue leaves in English.
    gettext_noop("Locked Out"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Not set"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Access Attempt"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Session key hash (sha256)"),
)
