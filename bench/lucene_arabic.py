"""Rank articles with Apache Lucene's ArabicAnalyzer, as a yardstick for our own search.

    from bench import lucene_arabic
    if reason := lucene_arabic.unavailable():
        print("skipping Lucene:", reason)
    else:
        results = lucene_arabic.rank(articles, queries, operator="AND")
        total_hits, top_ids = results["q1"]

Lucene runs as a small Java program, ``bench/search_eval/lucene/ArabicSearch.java``:
it indexes the articles in memory (title, summary and body, boosted 2.0, 1.5
and 1.0, analysed by ArabicAnalyzer with its default stop words), parses each
query with Lucene's classic syntax ("phrases", -excluded, OR) and prints the
total number of hits and the ten best ids by BM25. It needs Debian's
``liblucene8-java`` (the jars in /usr/share/java) and ``default-jdk-headless``.
Standard library only, so an evaluation script can use it without the venv.
"""

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

JAVA_SOURCE = Path(__file__).resolve().parent / "search_eval" / "lucene" / "ArabicSearch.java"
JAVA_CLASS = "ArabicSearch"
JAR_DIR = Path("/usr/share/java")
# Each jar by the names it may have: Lucene 9 renamed analyzers-common to analysis-common.
JARS = {
    "lucene-core": ("lucene-core",),
    "lucene-analyzers-common": ("lucene-analyzers-common", "lucene-analysis-common"),
    "lucene-queryparser": ("lucene-queryparser",),
}
INSTALL_HINT = "install Debian's liblucene8-java and default-jdk-headless"

# Quotation marks readers type, which Lucene's syntax does not know as quotes.
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"'})
# The Arabic "or" standing alone between two words (not a word starting with those letters).
_ARABIC_OR = re.compile(r"(?<=\S)\s+(?:أو|او)\s+(?=\S)")
# Characters that would end a TSV field or line early.
_TSV_BREAKS = re.compile(r"[\t\r\n]+")


def _version_key(jar: Path) -> tuple[int, ...]:
    """The numbers in a jar's name, so that lucene-core-8.10.0 sorts after 8.9.0."""
    return tuple(int(number) for number in re.findall(r"\d+", jar.name))


def _find_jar(names: tuple[str, ...]) -> Path | None:
    """The jar for one of ``names`` in JAR_DIR, or None.

    Debian often ships an unversioned symlink (name.jar) that follows upgrades,
    so it comes first; otherwise the newest versioned jar (Debian's
    liblucene8-java ships only lucene-core-8.7.0.jar and the like).
    """
    for name in names:
        unversioned = JAR_DIR / f"{name}.jar"
        if unversioned.is_file():
            return unversioned
        # A digit right after the name, so lucene-core does not pick lucene-core-tests.
        versioned = sorted(JAR_DIR.glob(f"{name}-[0-9]*.jar"), key=_version_key)
        if versioned:
            return versioned[-1]
    return None


def _jars() -> dict[str, Path | None]:
    return {label: _find_jar(names) for label, names in JARS.items()}


def unavailable() -> str | None:
    """Why Lucene cannot run here, in one line saying what to install; None when it can."""
    missing = [tool for tool in ("java", "javac") if shutil.which(tool) is None]
    missing += [f"{label} jar" for label, jar in _jars().items() if jar is None]
    if missing:
        return f"{INSTALL_HINT} (missing: {', '.join(missing)})"
    if not JAVA_SOURCE.is_file():
        return f"{JAVA_SOURCE} is missing"
    return None


def lucene_query(text: str) -> str:
    """A reader's query in Lucene's classic syntax.

    «» and “” become plain double quotes (the phrase marks Lucene knows), and
    «أو»/«او» between two words becomes OR, except inside a phrase, where it is
    a word of the phrase. Everything else is left to Lucene's parser.
    """
    text = _TSV_BREAKS.sub(" ", text.translate(_QUOTES))

    def replace(match: re.Match[str]) -> str:
        # An odd number of quotes before it means the match is inside a phrase.
        inside_phrase = text.count('"', 0, match.start()) % 2 == 1
        return match.group(0) if inside_phrase else " OR "

    return _ARABIC_OR.sub(replace, text)


def _field(value: object) -> str:
    """A value as one TSV field: tabs and line breaks would split it, so they become spaces."""
    return _TSV_BREAKS.sub(" ", "" if value is None else str(value))


def _classpath(*entries: Path) -> str:
    return os.pathsep.join(str(entry) for entry in entries)


def _compiled(jars: list[Path]) -> Path:
    """The folder holding ArabicSearch.class, compiling it only when the source changed.

    The folder, under the system temp dir, is named after the source's
    modification time, so repeated runs reuse it and an edit compiles anew.
    javac writes into a fresh folder that is then renamed into place, so two
    runs at once never see a half-written class.
    """
    mtime = JAVA_SOURCE.stat().st_mtime_ns
    target = Path(tempfile.gettempdir()) / f"newsroom-lucene-arabic-{mtime}"
    if (target / f"{JAVA_CLASS}.class").is_file():
        return target
    building = Path(tempfile.mkdtemp(prefix="newsroom-lucene-arabic-build-"))
    try:
        result = subprocess.run(
            [
                "javac",
                "-encoding",
                "UTF-8",
                "-cp",
                _classpath(*jars),
                "-d",
                str(building),
                str(JAVA_SOURCE),
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        if result.returncode != 0:
            raise RuntimeError(f"javac failed on {JAVA_SOURCE}:\n{result.stderr.strip()}")
        # If another run got there first, its classes are the same: keep them.
        with contextlib.suppress(OSError):
            building.rename(target)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return target


def rank(
    articles: list[dict], queries: list[dict], operator: str = "AND"
) -> dict[str, tuple[int, list[str]]]:
    """Run every query through Lucene over ``articles``.

    ``articles`` have keys id, title, summary and body; ``queries`` have id and
    query. ``operator`` ("AND" or "OR") joins words not joined by OR. Returns
    {query id: (total number of hits, the ten best article ids, best first)},
    ids as strings. Raises RuntimeError when Lucene is not installed or the
    Java program fails (with Java's error output).
    """
    operator = operator.upper()
    if operator not in ("AND", "OR"):
        raise ValueError(f"operator must be AND or OR, not {operator!r}")
    if reason := unavailable():
        raise RuntimeError(f"Lucene is unavailable: {reason}")
    jars = [jar for jar in _jars().values() if jar is not None]
    classes = _compiled(jars)

    with tempfile.TemporaryDirectory(prefix="newsroom-lucene-arabic-run-") as work:
        docs_path = Path(work) / "docs.tsv"
        queries_path = Path(work) / "queries.tsv"
        # UTF-8 and "\n" whatever the platform's defaults: the Java side reads exactly that.
        with docs_path.open("w", encoding="utf-8", newline="\n") as docs:
            for article in articles:
                fields = (
                    article["id"],
                    article.get("title"),
                    article.get("summary"),
                    article.get("body"),
                )
                docs.write("\t".join(_field(value) for value in fields) + "\n")
        with queries_path.open("w", encoding="utf-8", newline="\n") as out:
            for query in queries:
                out.write(f"{_field(query['id'])}\t{lucene_query(str(query['query']))}\n")
        result = subprocess.run(
            [
                "java",
                "-cp",
                _classpath(*jars, classes),
                JAVA_CLASS,
                str(docs_path),
                str(queries_path),
                operator,
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
    if result.returncode != 0:
        raise RuntimeError(
            f"Lucene's ArabicSearch failed (exit {result.returncode}):\n{result.stderr.strip()}"
        )

    results: dict[str, tuple[int, list[str]]] = {}
    for line in result.stdout.split("\n"):
        if not line:
            continue
        query_id, total, top = line.split("\t")
        results[query_id] = (int(total), top.split())
    return results
