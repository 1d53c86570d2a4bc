"""What every change list of the newsroom's admin shares."""

from django.contrib.admin.options import IncorrectLookupParameters


class OutOfRangeFiltersAdmin:
    """A change list filtered by a date Python or the database cannot hold answers
    like any other wrong filter: Django's "invalid parameters" redirect.

    Django's date hierarchy computes the day, month or year after the one asked
    for (``?published_at__year=9999`` has none), and a ``?…__gte=0001-01-01``
    moved to UTC falls before year 1; both raised a server error.
    """

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error
