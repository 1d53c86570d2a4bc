import pytest
from django.db import IntegrityError
from django.utils import translation

from newsroom.models import Publication, StaffMember
from tests.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db


def test_load_creates_the_publication_once():
    first = Publication.load()
    second = Publication.load()

    assert first.pk == second.pk == Publication.SINGLETON_ID
    assert Publication.objects.count() == 1


def test_publication_created_while_english_is_active_still_has_an_arabic_name():
    with translation.override("en"):
        Publication.load()

    assert Publication.load().name_ar == "Newsroom"


def test_saving_another_publication_replaces_the_one_row():
    Publication.load()
    Publication(name_ar="اسم جديد").save()

    assert Publication.objects.count() == 1
    assert Publication.load().name_ar == "اسم جديد"


def test_database_allows_only_one_publication_row():
    Publication.load()
    with pytest.raises(IntegrityError):
        Publication.objects.bulk_create([Publication(id=2, name_ar="ثانية")])


def test_masthead_lists_only_staff_with_a_role_in_masthead_order():
    editor = StaffMemberFactory(masthead_role=StaffMember.MastheadRole.EDITOR_IN_CHIEF,
                                masthead_order=2)  # fmt: skip
    chairman = StaffMemberFactory(masthead_role=StaffMember.MastheadRole.CHAIRMAN,
                                  masthead_order=1)  # fmt: skip
    StaffMemberFactory()

    assert list(StaffMember.objects.on_masthead()) == [chairman, editor]


def test_masthead_roles_read_in_arabic():
    chairman = StaffMemberFactory(masthead_role=StaffMember.MastheadRole.CHAIRMAN)
    editor = StaffMemberFactory(masthead_role=StaffMember.MastheadRole.EDITOR_IN_CHIEF)

    assert chairman.get_masthead_role_display() == "رئيس مجلس الإدارة"
    assert editor.get_masthead_role_display() == "رئيس التحرير"
