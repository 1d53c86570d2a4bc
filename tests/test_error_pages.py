import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error


def test_server_error_page_is_arabic_and_needs_no_database():
    with translation.override("ar"):
        response = server_error(RequestFactory().get("/"))

    text = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in text
    assert "حدث خطأ من جهتنا" in text


@pytest.mark.django_db
def test_missing_page_uses_the_site_layout(client):
    response = client.get("/لا-توجد-صفحة/")

    assert response.status_code == 404
    assert 'class="masthead"' in response.text
    assert "العودة إلى الصفحة الرئيسية" in response.text
