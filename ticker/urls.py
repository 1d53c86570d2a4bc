from django.urls import path

from newsroom.http import public_cache
from ticker import views

app_name = "ticker"

urlpatterns = [
    path("ticker.json", public_cache(views.live_items), name="live"),
]
