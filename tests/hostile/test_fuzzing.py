"""Generated addresses, query strings and form inputs: never a server error.

Public routes and the admin's change lists answer only 200, 301, 302, 304, 400
or 404 to anything; the admin's date and number inputs answer with a form error
or save something every page can still show.
"""

from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

CALM = {200, 301, 302, 304, 400, 404}
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Any text a browser could send: every plane, controls, bidi marks, surrogates excluded.
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
DIGITS_AND_DATES = st.one_of(
    st.integers(-(10**20), 10**20).map(str),
    st.dates().map(str),
    st.datetimes().map(lambda moment: moment.isoformat(sep=" ")),
    st.sampled_from(["", "0", "-1", "9999-12-31", "0001-01-01", "2026-02-30", "1e309", "NaN",
                     "٢٠٢٦-١١-٣٠", "24:61", "10000-01-01", "2026-11-30T25:00"]),
    TEXT,
)  # fmt: skip
ROUTES = [
    "/", "/en/", "/section/{}/", "/tag/{}/", "/author/{}/", "/news/{}/", "/news/1/{}/",
    "/search/", "/en/search/", "/feeds/rss/", "/feeds/atom/tag/{}/", "/en/feeds/rss/section/{}/",
    "/feeds/rss/author/{}/", "/sitemap-{}.xml", "/sitemap.xml", "/news-sitemap.xml",
    "/ticker.json", "/robots.txt", "/preview/{}/", "/{}/", "/en/{}", "/about/{}/",
    "/masthead/",
]  # fmt: skip
PUBLIC_PARAMETERS = ["q", "page", "section", "since", "until", "lang", "p", "o", "on", "month"]
ADMIN_LISTS = [
    ("articles", "article", ["state", "english", "section__id__exact", "published_at__gte",
                             "published_at__lt", "published_at__year", "published_at__month",
                             "published_at__day", "q", "o", "p", "e", "all"]),
    ("articles", "image", ["created_at__year", "created_at__month", "q", "o", "p"]),
    ("articles", "editoriallogentry", ["to_status__exact", "created_at__year",
                                       "created_at__day", "q", "p"]),
    ("ticker", "tickeritem", ["is_breaking__exact", "starts_at__year", "starts_at__month",
                              "q", "o", "p"]),
    ("newsroom", "staffmember", ["masthead_role__exact", "q", "o"]),
    ("newsroom", "mastheadterm", ["role__exact", "starts_on__year", "starts_on__month",
                                  "starts_on__day", "q", "o", "p"]),
    ("newsroom", "policypage", ["q", "o", "p"]),
    ("articles", "section", ["q", "o", "p"]),
]  # fmt: skip


def query(names: list[str]):
    """A query string of some of ``names`` (and odd ones), each with generated text."""
    pairs = st.tuples(st.one_of(st.sampled_from(names), TEXT), DIGITS_AND_DATES)
    return st.lists(pairs, max_size=4).map(urlencode)


@pytest.fixture
def published(site_chrome):
    return ArticleFactory(with_image=True, tags=["اقتصاد"])


@FUZZ
@given(route=st.sampled_from(ROUTES), segment=TEXT, parameters=query(PUBLIC_PARAMETERS))
def test_public_addresses_never_fail(published, route, segment, parameters):
    path = route.format(quote(segment, safe=""))
    response = Client(raise_request_exception=False).get(f"{path}?{parameters}")
    assert response.status_code in CALM, (path, parameters)


@FUZZ
@given(target=st.sampled_from(ADMIN_LISTS), data=st.data())
def test_admin_change_list_filters_never_fail(published, target, data):
    app, model, names = target
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(role="Editor-in-chief"))
    parameters = data.draw(query(names))
    response = client.get(f"{reverse(f'admin:{app}_{model}_changelist')}?{parameters}")
    assert response.status_code in CALM, (model, parameters)


@FUZZ
@given(day=DIGITS_AND_DATES, clock=DIGITS_AND_DATES, order=DIGITS_AND_DATES)
def test_admin_date_and_number_inputs_are_form_errors_or_safe_to_show(published, day, clock, order):
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(role="Editor"))
    form = {"text_ar": "خبر عاجل", "order": order, "starts_at_0": day, "starts_at_1": clock,
            "ends_at_0": day, "ends_at_1": clock}  # fmt: skip

    response = client.post(reverse("admin:ticker_tickeritem_add"), form)

    assert response.status_code in {200, 302}, form
    # Whatever was saved, every page reading the ticker still shows.
    assert client.get("/").status_code == 200
    assert client.get("/ticker.json").status_code == 200
    assert client.get(reverse("admin:ticker_tickeritem_changelist")).status_code == 200


@FUZZ
@given(day=DIGITS_AND_DATES, clock=DIGITS_AND_DATES, order=DIGITS_AND_DATES)
def test_article_and_section_dates_and_numbers_are_form_errors_or_safe_to_show(
    published, day, clock, order
):
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(role="Editor-in-chief"))
    published.refresh_from_db()
    article_form = form_data(published, lead_until_0=day, lead_until_1=clock,
                             featured_until_0=day, featured_until_1=clock)  # fmt: skip
    section_form = {"name_ar": "قسم مختبر", "name_en": "", "description_ar": "",
                    "description_en": "", "slug": "", "order": order}  # fmt: skip

    assert client.post(change_url(published), article_form).status_code in {200, 302}
    assert client.post(reverse("admin:articles_section_add"), section_form).status_code in {
        200, 302,
    }  # fmt: skip
    for page in ("/", published.get_absolute_url(), reverse("admin:articles_article_changelist")):
        assert client.get(page).status_code == 200, page
