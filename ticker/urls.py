from django.urls import path

from ticker import views

app_name = "ticker"

urlpatterns = [
    path("ticker.json", views.live_items, name="live"),
]
