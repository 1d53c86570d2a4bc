"""A small published archive in both languages, with the cases crawlers must never see."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, SectionFactory, StaffMemberFactory


@pytest.fixture
def archive(site_chrome):
    """A translated article with an image, an Arabic-only one, and ones readers cannot see."""
    section = SectionFactory(name_ar="اقتصاد", name_en="Economy")
    author = StaffMemberFactory()
    translated = ArticleFactory(
        section=section,
        title_ar="البنك المركزي يثبت أسعار الفائدة",
        title_en="Central bank holds interest rates",
        summary_en="Rates stay where they were.",
        body_en="<p>The bank kept its main rate unchanged.</p>",
        with_image=True,
        authors=[author],
        tags=["البنوك", "الفائدة"],
        published_at=timezone.now() - timedelta(hours=2),
    )
    arabic_only = ArticleFactory(
        section=section,
        title_ar="أسعار الذهب ترتفع في الأسواق المحلية",
        authors=[author],
        tags=["البنوك"],
        published_at=timezone.now() - timedelta(hours=5),
    )
    return SimpleNamespace(
        section=section,
        author=author,
        translated=translated,
        arabic_only=arabic_only,
        scheduled=ArticleFactory(
            section=section, scheduled=True, authors=[author], tags=["البنوك"],
            title_ar="خبر مجدول عن البنوك", title_en="A scheduled story",
        ),
        archived=ArticleFactory(
            section=section, archived=True, authors=[author], tags=["البنوك"],
            title_ar="خبر مؤرشف عن البنوك", title_en="An archived story",
        ),
        draft=ArticleFactory(
            section=section, draft=True, authors=[author], tags=["البنوك"],
            title_ar="مسودة عن البنوك",
        ),
    )  # fmt: skip
