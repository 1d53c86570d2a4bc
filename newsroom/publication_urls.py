"""The publication's own pages: /masthead/ and /about/<slug>/."""

from django.urls import path

from newsroom import views
from newsroom.http import public_cache

app_name = "newsroom"

urlpatterns = [
    path("masthead/", public_cache(views.masthead), name="masthead"),
    path("about/<uslug:slug>/", public_cache(views.policy), name="policy"),
]
