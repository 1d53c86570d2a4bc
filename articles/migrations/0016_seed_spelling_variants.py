"""Seed the spelling variants with names and words the Arabic press spells several ways.

Editors keep the table from here on (admin, "Spelling variants").
"""

from django.db import migrations

VARIANTS = [
    "ترامب، ترمب",
    "بايدن، بايدين",
    "غوتيريش، جوتيريش، غوتيريس، جوتيريس",
    "بوتين، بوتن",
    "زيلينسكي، زيلنسكي",
    "ماكرون، مكرون",
    "نتنياهو، نتانياهو",
    "أردوغان، أردوجان",
    "الكونغرس، الكونجرس",
    "غوغل، جوجل، قوقل",
    "فيسبوك، فيسبووك",
    "إنستغرام، إنستجرام، انستقرام",
    "يوتيوب، يوتوب",
    "واتساب، واتسب",
    "مايكروسوفت، ميكروسوفت",
    "سامسونغ، سامسونج",
    "إنجلترا، إنكلترا",
    "الإنجليزي، الإنكليزي",
    "هولندا، هولاندا",
    "غينيا، جينيا",
    "غانا، جانا",
    "كوريا، كوريه",
    "موريتانيا، موريطانيا",
    "فنزويلا، فينزويلا",
    "بلغاريا، بلجاريا",
    "تكنولوجيا، تكنلوجيا",
    "ديمقراطية، ديموقراطية",
    "بروتوكول، برتوكول",
    "كورونا، كرونا",
    "فيروس، فايروس",
    "أوكرانيا، أوكراينا",
    "ماراثون، ماراتون",
    "إسطنبول، استانبول",
    "جنيف، جنيفا",
    "واشنطن، واشنطون",
    "موسكو، موسكوا",
    "الأوروبي، الأوربي",
]


def seed(apps, schema_editor):
    SpellingVariant = apps.get_model("articles", "SpellingVariant")
    for spellings in VARIANTS:
        SpellingVariant.objects.get_or_create(spellings=spellings)


def unseed(apps, schema_editor):
    apps.get_model("articles", "SpellingVariant").objects.filter(spellings__in=VARIANTS).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_search_stems_and_lexicon")]

    operations = [migrations.RunPython(seed, unseed)]
