"""A URLconf with one slow public page, for the stampede test."""

import time

from django.http import HttpResponse
from django.urls import path

from newsroom.http import public_cache

renders: list[int] = []


@public_cache
def slow_page(request):
    renders.append(1)
    time.sleep(0.3)  # a heavy page: every other reader arrives while it renders
    return HttpResponse(f"render {len(renders)}")


urlpatterns = [path("breaking/", slow_page)]
