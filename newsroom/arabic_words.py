"""The curated word lists behind ``newsroom.arabic``, in unified spelling.

Every entry is written the way ``newsroom.arabic.words`` spells it: ة as ه,
ى as ي, hamza seats as ء, no article. Add a word here when search cuts it
wrongly; ``tests/newsroom/test_arabic.py`` checks that each list is spelled
in that form.
"""


def _entries(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words the archive may not have met alone yet, so that a lone prefix before them
# is still removed («لغزة», «بلندن», «للبنان»): places and names news meets glued.
KNOWN_WORDS = _entries(
    """
    لبنان غزه لندن بغداد دمشق بيروت القدس قدس مصر قاهره سوريا سوريه عراق اردن
    فلسطين ليبيا تونس جزاءر مغرب سودان يمن سعوديه رياض كويت قطر دوحه بحرين عمان
    امارات دبي ابوظبي ايران تركيا انقره اسطنبول روسيا موسكو صين بكين اوكرانيا
    كييف امريكا واشنطن فرنسا باريس المانيا برلين بريطانيا اسبانيا مدريد ايطاليا
    روما اوروبا افريقيا اسيا هند باكستان افغانستان يابان طوكيو اسراءيل حلب حمص
    موصل بصره اربيل رقه جده مكه مدينه نابلس جنين رفح خانيونس صنعاء عدن طرابلس
    بنغازي خرطوم نيويورك جنيف بروكسل فيينا ضفه
    حكومه رءيس وزير وزاره برلمان شعب دوله جيش امن شرطه مدينه قريه مدرسه جامعه
    مستشفي سوق اسعار اقتصاد حرب سلام انتخابات مجلس امم اتحاد منتخب فريق نادي
    """
)

# Places and peoples whose nisba adjective is about them («المصرية» is about Egypt):
# the only bases a nisba ending is removed down to. Other nisbas make a new word
# («الذهبية» is golden, not gold; «الأهلية» civil, not the club «الأهلي»).
NISBA_BASES = _entries(
    """
    مصر مغرب لبنان سوريا سور عراق اردن فلسطين ليبيا تونس جزاءر سودان يمن سعود
    كويت قطر بحرين عمان امارات ايران ترك روس صين اوكران امريك امريكان فرنس المان
    بريطان اسبان ايطال اوروب افريق اسيا هند باكستان افغان يابان اسراءيل عرب كرد
    امازيغ خليج شام غزه قدس مقدس بغداد دمشق بيروت قاهر سكندر حلب موصل بصر رقه
    جده مك حجاز نجد خرطوم طرابلس صنعان عدن اسطنبول اربيل كويت
    """
)

# Words that are whole as they stand although a lone prefix seems to open them
# and the rest is a word too: «والي» is not و+«إلى», «ورقة» is not و+«الرقة».
WHOLE_WORDS = _entries(
    """
    والي وادي واديا ورقه اوراق وعود وعد وعده ورد وزير وزراء وزاره وطن وطني وطنيه
    وكيل وكاله وفد وفاه وقت وقود ولايه ولايات واحد واحده واسع واقع واقعه واضح
    وصول وسيله وجهه وحده وحدات وثيقه وراء وزن وضع وضعت وجود ولاده
    فكره فتره فرصه فرق فرقه فريق فصل فلسطين فنان فيلم فوز فوق فضل فقر فقراء
    بلد بلاد بلديه بنك بنوك بيت بيوت بحر بحث بحيره بطل بطوله برنامج بريد بنيه
    بناء بيان بيانات بعثه بورصه بدايه بطاقه بغداد بلغ
    كتاب كتب كتابه كبير كبيره كثير كلمه كميه كرسي كليه كمال كلب كرم كامل
    لبنان لجنه لجان لحظه لعب لاعب لاعبين لقاء لقاح لقاحات لغه لهجه ليبيا ليل ليله
    لواء لوحه
    """
)

# Names whose ending only looks like a suffix: «لبنان» is not the dual of «لبن».
UNSTEMMED = _entries(
    """
    لبنان سودان عمان ايران يونان انسان ميدان بيان سلطان رمضان عنوان برلمان
    اعلان طيران لسان حيوان بستان عثمان سلمان عدنان لقمان عمران فلسطين بحرين
    """
)

# Particles, pronouns and question words a reader may type in a sentence: dropped
# from a query only when every word together finds nothing.
FUNCTION_WORDS = _entries(
    """
    في من علي عن الي ان انه انها او ثم مع منذ حتي عند لدي بين قبل بعد خلال ضد
    تي ذي ذين لتي لذي هذا هذه ذلك تلك هو هي هم هن نحن انا انت
    ما ماذا متي كيف كم هل لماذا اين اي كل بعض غير قد لقد لم لن لا ليس كان كانت
    يوم
    """
)
