"""Bulk-loading articles for the benchmarks: their words, and the fast insert.

Import after ``django.setup()``. ``add_articles`` inserts published articles
in batches (with a progress bar), spread over whatever sections, authors, tags
and lead images the database already holds, together with the search entries
that ``Article.save()`` would have written. The words come from one of two
generators: ``sample_texts`` (the same short news story, numbered) or
``vocabulary_texts`` (made-up words with a realistic, Zipf-like spread).
"""

import itertools
import random
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from typing import NamedTuple

from django.db import connection, transaction

from articles.models import Article, ArticleSearch, Section, TaggedArticle
from articles.search_index import searchable_texts
from articles.search_lexicon import remember
from newsroom.arabic import analyze, light_stems, normalize
from newsroom.models import StaffMember

SAMPLE_SUMMARY = "ملخص قصير للخبر يظهر على البطاقات."
SAMPLE_BODY = (
    "<p>فقرة افتتاحية من الخبر تشرح ما حدث وأين ومتى.</p><h2>السياق</h2>"
    "<p>فقرة ثانية تنقل عن «وكالة الأنباء» تفاصيل إضافية.</p>" * 3
)
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
BATCH = 2000


class Text(NamedTuple):
    """One article's Arabic words: as stored, and as search indexes them."""

    title: str
    summary: str
    body: str  # HTML
    indexed: dict[str, str]  # ``searchable_texts``: exact forms and stems of each text


def sample_texts() -> Iterator[Text]:
    """The same short news story again and again, each with its own numbered headline."""
    story = Article(title_ar="-", summary_ar=SAMPLE_SUMMARY, body_ar=SAMPLE_BODY)
    indexed = searchable_texts(story, "ar")  # normalizing the same body once is enough
    for n in itertools.count():
        title = f"خبر للقياس رقم {n} عن الأسواق والطقس"
        tokens = analyze(title)  # no lexicon needed: the headline has no glued prefixes
        yield Text(
            title,
            SAMPLE_SUMMARY,
            SAMPLE_BODY,
            {
                **indexed,
                "title": " ".join(token.exact for token in tokens),
                "title_stems": " ".join(stem for token in tokens for stem in token.stems),
            },
        )


def vocabulary(rng: random.Random, planted: Iterable[str], size: int = 6000) -> list[str]:
    """Made-up words in frequency order, with the ``planted`` words (normalized) spread
    through the middle ranks, where news words sit."""
    wanted = sorted({word for text in planted for word in normalize(text).split()})
    invented = sorted({"".join(rng.choices(LETTERS, k=rng.randint(3, 7))) for _ in range(size)})
    words = [word for word in invented if word not in wanted]
    for i, word in enumerate(wanted):
        words.insert(60 + i * 120, word)
    return words


def vocabulary_texts(rng: random.Random, planted: Iterable[str]) -> Iterator[Text]:
    """Headlines of 8 words, summaries of 25 and bodies of 300 drawn from ``vocabulary``.

    They are indexed as drawn, not analyzed again: the planted words are normalized
    already and the made-up ones only need to be found as they are (analyzing 300
    words an article would double the time a large load takes); each word's stems
    are looked up once, and the lexicon learns the whole vocabulary.
    """
    words = vocabulary(rng, planted)
    stems = {word: " ".join(light_stems(word)) for word in words}
    remember(words)  # as indexing each article would, for the prefix rules and «هل تقصد»
    weights = [1 / (rank + 8) for rank in range(len(words))]  # a Zipf-like spread
    while True:
        title, summary, body = (" ".join(rng.choices(words, weights, k=k)) for k in (8, 25, 300))
        texts = {"title": title, "summary": summary, "body": body}
        indexed = {
            **texts,
            **{
                f"{name}_stems": " ".join(stems[word] for word in text.split())
                for name, text in texts.items()
            },
        }
        yield Text(title, summary, f"<p>{body}</p>", indexed)


def add_articles(
    count: int, texts: Iterator[Text], *, published_at: Callable[[int], datetime]
) -> None:
    """Bulk-insert ``count`` published articles, the ``n``-th published at
    ``published_at(n)``, then gather the planner's statistics."""
    sections = list(Section.objects.all())
    authors = list(StaffMember.objects.all())
    tags = list(Article.tags.model.objects.all())
    images = list(Article.objects.exclude(lead_image=None).values_list("lead_image", flat=True))
    for start in range(0, count, BATCH):
        numbers = range(start, min(start + BATCH, count))
        batch = list(zip(numbers, texts, strict=False))
        articles = [
            Article(
                title_ar=text.title,
                slug=f"خبر-للقياس-{n}",
                summary_ar=text.summary,
                body_ar=text.body,
                section=sections[n % len(sections)] if sections else None,
                lead_image_id=images[n % len(images)] if images else None,
                status=Article.Status.PUBLISHED,
                published_at=published_at(n),
                # As in a real archive, one in 500 led the home page for a while and
                # one in 500 was pinned to it (long over): the planner sees those
                # indexes in use.
                lead_until=published_at(n) + timedelta(hours=6) if n % 500 == 0 else None,
                featured_until=published_at(n) + timedelta(days=1) if n % 500 == 250 else None,
            )
            for n, text in batch
        ]
        with transaction.atomic():
            Article.objects.bulk_create(articles)
            ArticleSearch.objects.bulk_create(
                ArticleSearch(
                    article=article,
                    language="ar",
                    published_at=article.published_at,
                    **text.indexed,
                )
                for article, (_, text) in zip(articles, batch, strict=True)
            )
            Article.authors.through.objects.bulk_create(
                Article.authors.through(
                    article_id=article.pk, staffmember_id=authors[n % len(authors)].pk
                )
                for article, (n, _) in zip(articles, batch, strict=True)
                if authors
            )
            TaggedArticle.objects.bulk_create(
                TaggedArticle(content_object_id=article.pk, tag_id=tags[(n + k) % len(tags)].pk)
                for article, (n, _) in zip(articles, batch, strict=True)
                for k in range(3)
                if tags
            )
        done = numbers.stop
        bar = "#" * (30 * done // count)
        print(f"\r  seeding [{bar:<30}] {done:>7}/{count}", end="", file=sys.stderr, flush=True)
    if count:
        print(file=sys.stderr)
    # A bulk load leaves the planner without statistics, and PostgreSQL without the
    # visibility map its index-only scans need; production's autovacuum would have
    # made both, so make them here too.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
