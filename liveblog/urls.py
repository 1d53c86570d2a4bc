from django.urls import path

from liveblog import views
from newsroom.http import public_cache

app_name = "liveblog"

urlpatterns = [
    path("live/updates/<int:pk>/", public_cache(views.update_permalink), name="update"),
    path(
        "live/<int:pk>/changes/<int:cursor>.json",
        public_cache(views.changes),
        name="changes",
    ),
]
