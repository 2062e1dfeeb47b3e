"""Ingest readers on real news text: reading speed per format, duplicates, extraction quality.

    .venv/bin/python bench/ingest.py [--plant 150] [--quality 40]

Reads the Wikinews 2019-2020 articles and the GeoWebNews and TR-News texts from ../shared at
run time, writes them in a temporary folder as plain text files, HTML pages wrapped in
boilerplate, a WARC.gz of those pages, an RSS feed and a JSONL export, and times
``read_inputs`` on each (reading alone, no NLP). Then it plants near-duplicates (a new
headline and an added trailing paragraph) and reports how many the MinHash index finds and
how many false pairs it makes among the distinct articles, and measures how much of the
article text the HTML reader keeps and how much boilerplate it drops.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import random
import re
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitroom.ingest import NearDuplicateIndex, read_inputs

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data"
WIKINEWS = SHARED / "wikinews-2019-2020-vanatteveldt"
GRITTA = SHARED / "geoparsing-gritta"
WORD = re.compile(r"\w+")
PERCENT = {"recall", "article words kept", "boilerplate words dropped"}


@dataclass(frozen=True)
class Article:
    title: str
    url: str
    date: str | None
    text: str

    @property
    def paragraphs(self) -> list[str]:
        return [" ".join(p.split()) for p in re.split(r"\n\s*\n", self.text) if p.strip()]


def load_articles() -> list[Article]:
    articles = []
    csv.field_size_limit(1 << 26)
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with (WIKINEWS / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                articles.append(Article(row["title"], row["url"], row["date"], row["text"]))
    for name, link in (("GeoWebNews_GWN.xml", "link"), ("TR-News.xml", "url")):
        for node in ET.parse(GRITTA / name).getroot().iter("article"):
            text = (node.findtext("text") or "").strip()
            # These texts keep one paragraph per line; make the breaks paragraphs.
            text = re.sub(r"\n+", "\n\n", text)
            title = " ".join((node.findtext("title") or "").split())
            url = (node.findtext(link) or "").strip()
            if text:
                articles.append(Article(title, url, None, text))
    return [a for a in articles if len(WORD.findall(a.text)) >= 40]


def boilerplate(rng: random.Random, others: list[Article]) -> dict[str, str]:
    related = "".join(
        f'<li><a href="/r/{i}">{html.escape(a.title)}</a></li>'
        for i, a in enumerate(rng.sample(others, 4))
    )
    nav = "".join(
        f'<li><a href="/{s.lower()}">{s}</a></li>'
        for s in ("Home", "World", "Politics", "Business", "Science", "Sport", "Opinion")
    )
    return {
        "cookie": "We and our partners use cookies to personalise content and adverts, to "
        "provide social media features and to analyse our traffic. Manage preferences.",
        "nav": f"<nav><ul>{nav}</ul></nav>",
        "share": "Share on Facebook | Share on Twitter | Email this story",
        "related": f'<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>',
        "newsletter": "Sign up for our morning briefing newsletter and never miss a story.",
        "footer": "Copyright 2019 Daily Example Media Group. All rights reserved. Privacy "
        "notice. Terms and conditions. Advertise with us. Contact the newsroom.",
    }


def render(article: Article, parts: dict[str, str], *, old_style: bool = False) -> str:
    """The article in a page: HTML5 landmarks, or (old_style) the div soup of older CMSes,
    with the related links and share buttons inside the article's own container."""
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in article.paragraphs)
    date = f'<meta property="article:published_time" content="{article.date}">'
    head = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(article.title)} | Daily Example</title>
<meta property="og:site_name" content="Daily Example">{date if article.date else ""}
</head><body>"""
    if old_style:
        return f"""{head}
<div id="cookie-notice" class="cookie-notice"><p>{parts["cookie"]}</p></div>
<div id="top-menu" class="menu">{parts["nav"].replace("nav>", "div>")}</div>
<div id="content"><div class="story-body"><h1>{html.escape(article.title)}</h1>
<div class="share">Share on Facebook | Share on Twitter | Email this story</div>
{body}<div class="read-more">{parts["related"].replace("aside", "div")}</div></div>
<div id="sidebar" class="newsletter"><p>{parts["newsletter"]}</p></div></div>
<div id="footer" class="footer"><p>{parts["footer"]}</p></div></body></html>"""
    return f"""{head}
<div class="cookie-banner" id="cookie-consent"><p>{parts["cookie"]}</p><button>OK</button></div>
<header>{parts["nav"]}</header>
<main><article><h1>{html.escape(article.title)}</h1>
{body}</article>
<div class="newsletter-signup"><p>{parts["newsletter"]}</p></div>
{parts["related"]}</main>
<footer><p>{parts["footer"]}</p></footer></body></html>"""


def boilerplate_words(parts: dict[str, str]) -> Counter[str]:
    text = re.sub(r"<[^>]+>", " ", " ".join(parts.values()))
    return Counter(w.casefold() for w in WORD.findall(html.unescape(text)))


def write_inputs(articles: list[Article], folder: Path, rng: random.Random) -> dict[str, Path]:
    pages = [
        render(a, boilerplate(rng, articles), old_style=n % 2 == 1) for n, a in enumerate(articles)
    ]
    for sub in ("text", "html"):
        (folder / sub).mkdir()
    for number, (article, page) in enumerate(zip(articles, pages, strict=True)):
        (folder / "text" / f"{number:04d}.txt").write_text(article.text, encoding="utf-8")
        (folder / "html" / f"{number:04d}.html").write_text(page, encoding="utf-8")
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for number, (article, page) in enumerate(zip(articles, pages, strict=True)):
        body = page.encode("utf-8")
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")  # fmt: skip
        url = article.url or f"https://example.invalid/{number}"
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
        ))  # fmt: skip
    (folder / "pages.warc.gz").write_bytes(buffer.getvalue())
    with (folder / "export.jsonl").open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"text": a.text, "title": a.title, "url": a.url, "date": a.date}))
            out.write("\n")
    entries = "".join(
        f"<item><title>{html.escape(a.title)}</title><link>{html.escape(a.url)}</link>"
        f"<content:encoded><![CDATA[{''.join(f'<p>{p}</p>' for p in a.paragraphs)}]]>"
        "</content:encoded></item>\n"
        for a in articles
    )
    (folder / "feed.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Daily Example</title>{entries}</channel></rss>",
        encoding="utf-8",
    )
    return {
        "text files": folder / "text",
        "HTML pages": folder / "html",
        "WARC.gz": folder / "pages.warc.gz",
        "RSS feed": folder / "feed.rss",
        "JSONL": folder / "export.jsonl",
    }


def time_reading(inputs: dict[str, Path]) -> list[tuple[str, int, int, float]]:
    rows = []
    for name, path in inputs.items():
        started = time.perf_counter()
        ok = errors = 0
        for item in read_inputs([path]):
            ok += item.ok
            errors += not item.ok
        rows.append((name, ok, errors, time.perf_counter() - started))
    return rows


def closing_paragraph(donor: Article, rng: random.Random) -> str:
    """One to three sentences (at most 60 words) from another article, as an added update."""
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(donor.text.split()))
    start = rng.randrange(len(sentences))
    words = " ".join(sentences[start : start + rng.randint(1, 3)]).split()
    return " ".join(words[:60])


def near_duplicates(articles: list[Article], plants: int, rng: random.Random) -> dict[str, float]:
    index = NearDuplicateIndex()
    started = time.perf_counter()
    for number, article in enumerate(articles):
        index.add(str(number), article.text)
    indexed = time.perf_counter() - started
    false_pairs = 0
    for number, article in enumerate(articles):
        false_pairs += sum(doc != str(number) for doc, _ in index.query(article.text))
    found = planted_false = 0
    chosen = rng.sample(range(len(articles)), min(plants, len(articles)))
    for number in chosen:
        copy = f"BREAKING: {articles[number].title.upper()}\n\n{articles[number].text}"
        copy += "\n\n" + closing_paragraph(articles[rng.randrange(len(articles))], rng)
        matches = [doc for doc, _ in index.query(copy)]
        found += str(number) in matches
        planted_false += sum(doc != str(number) for doc in matches)
    return {
        "articles": len(articles),
        "planted": len(chosen),
        "recall": found / len(chosen),
        "false pairs among distinct articles": false_pairs // 2,
        "false matches of planted copies": planted_false,
        "index ms/article": round(1000 * indexed / len(articles), 2),
    }


def extraction_quality(articles: list[Article], count: int, rng: random.Random) -> dict[str, float]:
    kept = total = dropped = boiler_total = 0
    chosen = rng.sample(articles, min(count, len(articles)))
    with tempfile.TemporaryDirectory() as tmp:
        for number, article in enumerate(chosen):
            parts = boilerplate(rng, articles)
            path = Path(tmp) / f"{number}.html"
            path.write_text(render(article, parts, old_style=number % 2 == 1), encoding="utf-8")
            (item,) = list(read_inputs([path]))
            extracted = Counter(
                w.casefold() for w in WORD.findall(item.document.text if item.document else "")
            )
            wanted = Counter(w.casefold() for w in WORD.findall(article.text))
            noise = boilerplate_words(parts) - wanted  # words only the boilerplate has
            kept += sum((wanted & extracted).values())
            total += sum(wanted.values())
            leaked = (extracted - wanted) & noise
            dropped += sum(noise.values()) - sum(leaked.values())
            boiler_total += sum(noise.values())
    return {
        "pages": len(chosen),
        "article words kept": kept / total,
        "boilerplate words dropped": dropped / boiler_total,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plant", type=int, default=150, help="near-duplicates to plant")
    parser.add_argument("--quality", type=int, default=40, help="pages for the quality check")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    articles = load_articles()
    # Warm-up outside the timings: language model and parser imports.
    list(read_inputs([]))
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text(articles[0].text, encoding="utf-8")
        list(read_inputs([warm]))
        inputs = write_inputs(articles, Path(tmp), rng)
        rows = time_reading(inputs)

    print(f"Ingest readers on {len(articles)} real news articles (Wikinews, GeoWebNews, TR-News)")
    print()
    print(f"{'format':<12} {'articles':>8} {'errors':>6} {'seconds':>8} {'articles/s':>11}")
    for name, ok, errors, seconds in rows:
        print(f"{name:<12} {ok:>8} {errors:>6} {seconds:>8.2f} {ok / seconds:>11.1f}")
    print()
    for title, result in (
        ("near-duplicates (new headline + added trailing paragraph)",
         near_duplicates(articles, args.plant, rng)),
        ("HTML extraction (nav, cookie banner, newsletter, related links, footer)",
         extraction_quality(articles, args.quality, rng)),
    ):  # fmt: skip
        print(title)
        for key, value in result.items():
            shown = f"{value:.1%}" if key in PERCENT else f"{value:g}"
            print(f"  {key:<38} {shown:>8}")
        print()


if __name__ == "__main__":
    main()
