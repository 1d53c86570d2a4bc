"""A URLconf whose one view fails, as a bug would, for the tests of what is logged."""

from django.urls import path


def failing_view(request):
    request.user.get_username()  # loaded, as most views do before failing
    raise RuntimeError("a bug in a view")


urlpatterns = [path("fails/", failing_view)]
