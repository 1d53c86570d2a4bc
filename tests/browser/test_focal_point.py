"""An editor on a phone sets an image's focal point by tapping its preview in the admin."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Image
from articles.services import image_make_renditions
from tests.browser.helpers import ARTIFACTS, EDITOR_PASSWORD, open_page
from tests.factories import ImageFactory, UserFactory

# serialized_rollback restores the rows migrations create (the role groups) after each flush.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_tap_on_the_preview_sets_the_focal_point_and_saving_cuts_the_crops(
    browser, live_server, roles
):
    image = image_make_renditions(image=ImageFactory(file__width=1600, file__height=900))
    UserFactory(username="desk", password=EDITOR_PASSWORD, role="Editor")
    url = live_server.url + reverse("admin:articles_image_change", args=[image.pk])
    page = open_page(browser, url, viewport={"width": 390, "height": 844}, has_touch=True)
    page.fill("#id_username", "desk")
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state("load")

    preview = page.locator(".focal-picker img")
    box = preview.bounding_box()
    assert box["width"] <= 390  # fits the phone's screen
    preview.tap(position={"x": box["width"] * 0.9, "y": box["height"] * 0.3})

    expect(page.locator("#id_focal_x")).to_have_value("0.90")
    expect(page.locator("#id_focal_y")).to_have_value("0.30")
    marker = page.locator(".focal-picker__marker").bounding_box()
    assert abs(marker["x"] + marker["width"] / 2 - (box["x"] + box["width"] * 0.9)) < 3
    page.screenshot(path=ARTIFACTS / "admin-focal-point-mobile.png", full_page=True)
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state("load")

    image = Image.objects.get(pk=image.pk)
    assert (image.focal_x, image.focal_y) == (0.9, 0.3)
    assert image.crops["1x1"]["focal"] == [0.9, 0.3]
    expect(page.locator(".crop-preview")).to_have_count(3)
