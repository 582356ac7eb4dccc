#!/usr/bin/env python3
"""Writes the committed seed corpora: fuzz/seeds/bytes_chunked/ and fuzz/seeds/tag_soup/.

Seeds are in the byte layout that `arbitrary` 1.x derives for each target's `Input`:

- integers: little-endian, exactly their size;
- enum variant: a little-endian u32 `v`, variant index = (v * variant_count) >> 32;
- Vec<T> (not last field) and the last-field Vec<T>: each element is preceded by a byte
  whose low bit is 1 ("one more"); an even byte (or the end of input) ends the list;
- last field `&[u8]`: the rest of the input, as is.

The variant orders are read from the targets' sources, so adding a variant there and
re-running this script keeps the seeds meaningful. Check a seed with
`cargo +nightly fuzz fmt TARGET fuzz/seeds/TARGET/FILE`.

Page snippets come from tests/fixtures/pages (our own fixtures), trimmed.
"""

import codecs
import pathlib
import re
import struct

FUZZ = pathlib.Path(__file__).resolve().parent
PAGES = FUZZ.parent / "tests" / "fixtures" / "pages"


# ---- bytes_chunked ------------------------------------------------------------------

ENCODINGS = [
    None, "utf-8", "windows-1252", "shift_jis", "euc-jp", "iso-2022-jp", "gb18030",
    "big5", "euc-kr", "utf-16le", "utf-16be", "koi8-r", "iso-8859-2", "x-user-defined",
]


def chunked(encoding, flags, chunks, page):
    out = bytes([ENCODINGS.index(encoding), flags])
    for length in chunks:
        out += b"\x01" + struct.pack("<H", length)
    return out + b"\x00" + page


def trim_page(html, limit):
    """Drops style and non-JSON-LD script bodies, then cuts at a tag boundary."""
    html = re.sub(r"(?is)<style\b[^>]*>.*?</style>", "<style>p{}</style>", html)
    html = re.sub(
        r"(?is)<script\b(?![^>]*ld\+json)[^>]*>.*?</script>",
        "<script>var x = 1;</script>",
        html,
    )
    html = re.sub(r"\n\s*\n+", "\n", html)
    if len(html.encode()) > limit:
        cut = html.encode()[:limit].decode("utf-8", "ignore")
        html = cut[: cut.rfind("<")] + "\n</body></html>\n"
    return html


def fixture(name, limit):
    return trim_page((PAGES / name).read_text(encoding="utf-8", errors="replace"), limit)


MARKDOWN, KEEP_CLASSES, TEXT_CAPTIONS, URL = 1, 2, 4, 8
THRESHOLD_100, THRESHOLD_20, THRESHOLD_0 = 16, 32, 48
SMALL_LIMIT = 64

SHORT_ARTICLE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}">
<title>{title}</title></head><body><nav><a href="/">Home</a></nav>
<article><h1>{title}</h1><p class="byline">By A. Writer</p>
<p>{para}</p><p>{para}</p><figure><img src="/i/photo.jpg" alt="{title}">
<figcaption>{title}</figcaption></figure><p>{para}</p></article>
<footer>&copy; 2026</footer></body></html>
"""


def short_article(lang, charset, title, para):
    return SHORT_ARTICLE.format(lang=lang, charset=charset, title=title, para=para)


def bytes_chunked_seeds():
    seeds = {}
    page = fixture("sample-article.html", 9000).encode()
    seeds["sample-article-utf8"] = chunked(
        None, MARKDOWN | URL, [1, 7, 300, 0, 64, 2048], page)
    page = fixture("rtl-article.html", 7000).encode()
    seeds["rtl-article-labelled"] = chunked(
        "utf-8", MARKDOWN | TEXT_CAPTIONS, [3, 3, 3, 1000], page)
    page = fixture("not-an-article.html", 5000).encode()
    seeds["not-an-article"] = chunked(None, 0, [4096], page)

    # The windows-1252 fixture is made by make_windows_1252.py; read its bytes as is.
    raw = (PAGES / "windows-1252.html").read_bytes()
    page = trim_page(raw.decode("windows-1252"), 7000).encode("windows-1252", "replace")
    seeds["windows-1252-meta"] = chunked(None, MARKDOWN | URL, [100, 1, 1, 1, 5000], page)

    english = ("The harbour board agreed on Monday, after a long and sometimes tense "
               "meeting, to widen the channel, dredge the old berths, and repair the "
               "sea wall before the winter storms arrive.")
    text = short_article("en", "utf-16", "Harbour works approved", english)
    seeds["utf-16le-bom"] = chunked(
        None, MARKDOWN | THRESHOLD_100, [1, 1, 3, 5, 7, 11],
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    seeds["utf-16be-label"] = chunked(
        "utf-16be", THRESHOLD_100, [2, 1, 6], text.encode("utf-16-be"))
    seeds["utf-8-bom"] = chunked(
        "windows-1252", KEEP_CLASSES | THRESHOLD_100, [1, 1, 1],
        codecs.BOM_UTF8 + text.replace("en", "en", 1).encode())

    japanese = ("市議会は月曜日、長い議論の末、古い橋の再建を決定した。住民は安堵したが、"
                "費用や騒音、迂回路について心配する声もあった。") * 2
    text = short_article("ja", "shift_jis", "橋の再建が決定", japanese)
    seeds["shift_jis-meta"] = chunked(
        None, MARKDOWN | THRESHOLD_100, [17, 1, 1, 1, 1, 9], text.encode("shift_jis"))
    text = short_article("ja", "iso-2022-jp", "橋の再建が決定", japanese)
    seeds["iso-2022-jp-label"] = chunked(
        "iso-2022-jp", THRESHOLD_20, [2, 1, 4, 1], text.encode("iso2022_jp"))
    text = short_article("ja", "euc-jp", "橋の再建が決定", japanese)
    seeds["euc-jp-label"] = chunked("euc-jp", THRESHOLD_20, [5, 1], text.encode("euc_jp"))

    chinese = "市议会周一经过长时间的辩论，决定重建旧桥，居民们松了一口气，但也担心费用、噪音和绕行。" * 2
    text = short_article("zh", "gb18030", "旧桥重建", chinese)
    seeds["gb18030-meta"] = chunked(None, THRESHOLD_20 | URL, [1, 2, 3, 4], text.encode("gb18030"))
    russian = "Городской совет в понедельник, после долгих споров, решил восстановить старый мост." * 2
    text = short_article("ru", "koi8-r", "Мост восстановят", russian)
    seeds["koi8-r-label"] = chunked("koi8-r", THRESHOLD_20, [9], text.encode("koi8_r"))

    # Small hostile bits: a meta charset that arrives late, split in the middle.
    late = (b"<html><head><title>x</title>" + b"<!-- " + b"pad " * 300 + b"-->"
            b"<meta charset=\"windows-1252\"></head><body><article><p>Caf\xe9 cr\xe8me, "
            b"na\xefve fa\xe7ade, and more, enough text, with commas.</p></article></body></html>")
    seeds["late-meta"] = chunked(None, THRESHOLD_0, [1030, 3, 3, 3], late)
    # Over the 4096-byte max_input_bytes that flag bit 6 selects: InputTooLarge mid-stream.
    page = fixture("not-an-article.html", 5000).encode()
    seeds["small-limit"] = chunked(None, 64 | THRESHOLD_0, [4000, 200], page)
    return seeds


# ---- tag_soup -----------------------------------------------------------------------

TAG_SOUP = (FUZZ / "fuzz_targets" / "tag_soup.rs").read_text()


def variants(enum):
    """Variant names of `enum Name { ... }` in tag_soup.rs, in order."""
    body = re.search(r"enum " + enum + r" \{(.*?)\n\}", TAG_SOUP, re.S).group(1)
    body = re.sub(r"///[^\n]*", "", body)
    names = []
    depth = 0
    token = ""
    for ch in body:
        if ch in "({":
            if depth == 0 and token.strip():
                names.append(token.strip())
                token = ""
            depth += 1
        elif ch in ")}":
            depth -= 1
        elif depth == 0:
            if ch == ",":
                if token.strip():
                    names.append(token.strip())
                token = ""
            else:
                token += ch
    if token.strip():
        names.append(token.strip())
    return names


def variant(enum, name):
    names = variants(enum)
    index = names.index(name)
    value = -(-(index << 32) // len(names))  # ceil(index * 2^32 / count)
    assert (value * len(names)) >> 32 == index
    return struct.pack("<I", value)


NAME_OF = {n.lower(): n for n in variants("Name")}
NAME_OF["annotation-xml"] = "AnnotationXml"


def start(tag, *attributes, self_closing=False):
    out = variant("Token", "Start") + variant("Name", NAME_OF[tag])
    for attribute in attributes:
        out += b"\x01" + attribute
    return out + b"\x00" + bytes([1 if self_closing else 0])


def end(tag):
    return variant("Token", "End") + variant("Name", NAME_OF[tag])


def tok(kind, index=0):
    return variant("Token", kind) + bytes([index])


def attr(kind, *args):
    out = variant("Attribute", kind)
    for arg in args:
        out += arg if isinstance(arg, bytes) else bytes([arg])
    return out


def quote(kind):
    return variant("Quote", kind)


def soup(flags, split, tokens):
    out = bytes([flags]) + struct.pack("<H", split)
    for token in tokens:
        out += b"\x01" + token
    return out + b"\x00"


def tag_soup_seeds():
    paragraph = [tok("Paragraph", 0), tok("Paragraph", 1), tok("Paragraph", 2)]
    news = [
        tok("Doctype", 0),
        start("html", attr("Lang", 0)),
        start("head"),
        start("title"), tok("Text", 3), end("title"),
        start("meta", attr("MetaProperty", 0), attr("MetaContent", 0)),
        start("meta", attr("MetaProperty", 0x80 | 5), attr("MetaContent", 1)),
        start("meta", attr("MetaProperty", 2), attr("MetaContent", 3)),
        tok("JsonLd", 0),
        start("script"), tok("Text", 8), end("script"),
        start("style"), tok("Text", 16), end("style"),
        end("head"),
        start("body"),
        start("nav", attr("Class", b"\x20\x00", quote("Double"))),
        start("a", attr("Href", 0, quote("Double"))), tok("Text", 3), end("a"),
        end("nav"),
        start("article", attr("Class", b"\x03\x00", quote("Single")), attr("Id", 0, quote("Bare"))),
        start("h1"), tok("Text", 3), end("h1"),
        start("p", attr("Class", b"\x00\x08", quote("Double"))), tok("Text", 4), end("p"),
        *paragraph,
        start("figure"),
        start("img", attr("Src", 3, quote("Double")), attr("Srcset", 0, 0), attr("Alt", 0),
              attr("OnError")),
        start("figcaption"), tok("Text", 0), end("figcaption"),
        end("figure"),
        start("p"), tok("Text", 2),
        start("a", attr("Href", 9, quote("Double")), attr("OnClick", quote("Single"))),
        tok("Text", 17), end("a"), end("p"),
        *paragraph,
        start("div", attr("Class", b"\x10\x00", quote("Double"))), tok("Text", 5), end("div"),
        end("article"),
        start("aside", attr("Class", b"\x00\x04", quote("Double"))), tok("Text", 7), end("aside"),
        start("footer"), tok("Text", 4), end("footer"),
        end("body"), end("html"),
    ]
    hostile = [
        start("div", attr("Class", b"\x03\x00", quote("Double"))),
        *paragraph,
        start("a", attr("Href", 11, quote("Double"))), tok("Text", 0), end("a"),
        start("a", attr("Href", 13, quote("Double"))), tok("Text", 1), end("a"),
        start("a", attr("Href", 14, quote("Single"))), tok("Text", 1), end("a"),
        start("a", attr("Href", 20, quote("Double"))), tok("Text", 1), end("a"),
        start("img", attr("Src", 21, quote("Double")), attr("Dangerous", 0)),
        start("img", attr("Src", 22, quote("Bare")), attr("Srcset", 2, 0)),
        start("iframe", attr("Src", 10, quote("Double"))), end("iframe"),
        start("svg"), start("script"), tok("Text", 8), end("script"), end("svg"),
        start("math"), start("mtext"), start("table"), start("style"), tok("Text", 8),
        end("style"), end("math"),
        tok("Cdata"),
        tok("Comment", 1),
        start("noscript"), start("img", attr("Src", 0, quote("Double"))), end("noscript"),
        start("template"), *paragraph, end("template"),
        start("xmp"), start("script"), end("xmp"),
        start("blockquote", attr("Dir", 1)), tok("Text", 10), end("blockquote"),
        start("pre"), start("code"), tok("Text", 16), end("code"), end("pre"),
        start("p", attr("Style", 0)), tok("Text", 6), end("p"),
        start("p", attr("Hidden")), tok("Text", 1), end("p"),
        start("p", attr("AriaHidden")), tok("Text", 1), end("p"),
        *paragraph,
        start("plaintext"), tok("Text", 2), start("script"), tok("Text", 0),
    ]
    lists = [
        start("html"), start("body"), start("main"),
        start("h2"), tok("Text", 3), end("h2"),
        start("ul"), start("li"), tok("Text", 0), start("li"), tok("Text", 1), end("ul"),
        start("ol"), start("li"), tok("Text", 2), end("li"), end("ol"),
        start("table"), start("tbody"), start("tr"), start("th", attr("Colspan", 0)),
        tok("Text", 3), start("td"), tok("Text", 0), end("table"),
        start("p"), tok("Text", 9), start("br"), start("br"), tok("Text", 12),
        start("br"), start("br"), tok("Text", 19),
        start("form"), start("textarea"), tok("Text", 0), end("textarea"),
        start("select"), start("option"), tok("Text", 1), end("select"), end("form"),
        start("section", attr("Lang", 3)), tok("Text", 11), end("section"),
        *paragraph,
    ]
    return {
        "news-article": soup(0x04, 700, news),
        "hostile-urls": soup(0x05 | 0x18, 333, hostile),
        "lists-tables-breaks": soup(0x02 | 0x10, 0, lists),
    }


def main():
    for target, seeds in [("bytes_chunked", bytes_chunked_seeds()),
                          ("tag_soup", tag_soup_seeds())]:
        directory = FUZZ / "seeds" / target
        directory.mkdir(parents=True, exist_ok=True)
        for name, data in seeds.items():
            (directory / name).write_bytes(data)
            print(f"{target}/{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
