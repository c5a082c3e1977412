"""Web pages rendered by headless Chromium, built from Python data so their text is known."""

from __future__ import annotations

import base64
import html
import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from tests.fixtures_screens.corpus import sentences
from tests.fixtures_screens.pillow_scenes import photo_like

CSS = """
body { margin: 0; font-family: 'DejaVu Sans', sans-serif; font-size: 16px; color: #222; background: #fff; }
nav { background: #263238; color: #fff; padding: 14px 24px; font-size: 17px; }
nav span { margin-right: 36px; }
h1 { font-size: 30px; margin: 18px 0; } h2 { font-size: 22px; margin: 14px 0; }
p { line-height: 1.5; margin: 0 0 16px 0; }
.cols { display: flex; gap: 60px; padding: 0 40px; } .cols > div { flex: 1; }
.page { padding: 10px 40px; }
.side { width: 200px; background: #f1f3f4; padding: 20px; } .side div { margin-bottom: 14px; }
.card { border: 1px solid #ccc; border-radius: 8px; padding: 16px; margin: 10px; }
button { font-size: 16px; padding: 8px 18px; margin-right: 12px; }
input { font-size: 16px; padding: 6px; width: 260px; }
td, th { padding: 8px 18px; text-align: left; border-bottom: 1px solid #ddd; }
"""


@dataclass
class HtmlPage:
    name: str
    kind: str
    body: str
    texts: list[str]
    anchors: list[str] = field(default_factory=list)

    def document(self) -> str:
        head = f"<head><meta charset='utf-8'><style>{CSS}</style></head>"
        return f"<!doctype html><html>{head}<body>{self.body}</body></html>"


def _img(width: int, height: int, seed: int) -> str:
    buf = io.BytesIO()
    photo_like(width, height, seed).save(buf, format="JPEG", quality=85)
    data = base64.b64encode(buf.getvalue()).decode()
    return f"<img width='{width}' height='{height}' src='data:image/jpeg;base64,{data}'>"


class _Builder:
    """Collects visible strings while building markup, so the expected text cannot drift."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def t(self, text: str) -> str:
        self.texts.append(text)
        return html.escape(text)


def _nav(b: _Builder, items: list[str]) -> str:
    return "<nav>" + "".join(f"<span>{b.t(i)}</span>" for i in items) + "</nav>"


def news_two_column() -> HtmlPage:
    b = _Builder()
    nav = _nav(b, ["City News", "World", "Sport", "Culture", "Weather"])
    title = b.t("River festival returns after five years")
    left = sentences(0, 6)
    right = sentences(8, 6)
    lp = "".join(f"<p>{b.t(' '.join(left[i : i + 2]))}</p>" for i in range(0, 6, 2))
    rp = "".join(f"<p>{b.t(' '.join(right[i : i + 2]))}</p>" for i in range(0, 6, 2))
    body = (
        f"{nav}<div class='page'><h1>{title}</h1></div><div class='cols'><div>{lp}</div><div>{rp}</div></div>"
    )
    anchors = [
        "City News",
        "River festival returns",
        *[" ".join(left[i].split()[:4]) for i in (0, 2, 4)],
        *[" ".join(right[i].split()[:4]) for i in (0, 2, 4)],
    ]
    return HtmlPage("html_news_two_column", "screen", body, b.texts, anchors)


def newspaper_three_column() -> HtmlPage:
    b = _Builder()
    title = b.t("Notes from the harbour town")
    cols, anchors = [], [title]
    for c in range(3):
        paras = [" ".join(sentences(c * 9 + k * 3, 3)) for k in range(3)]
        cols.append("".join(f"<p>{b.t(p)}</p>" for p in paras))
        anchors += [" ".join(p.split()[:4]) for p in paras]
    body = (
        f"<div class='page' style='font-family:DejaVu Serif'><h1>{title}</h1></div>"
        f"<div class='cols' style='font-family:DejaVu Serif;gap:40px'>"
        + "".join(f"<div>{c}</div>" for c in cols)
        + "</div>"
    )
    return HtmlPage("html_newspaper_three_column", "document", body, b.texts, anchors)


def article_reader() -> HtmlPage:
    b = _Builder()
    title = b.t("How the old lighthouse was saved")
    paras = [" ".join(sentences(3 + k * 3, 3)) for k in range(5)]
    body = (
        f"<div style='max-width:820px;margin:20px auto;font-family:DejaVu Serif;font-size:18px'>"
        f"<h1>{title}</h1>" + "".join(f"<p>{b.t(p)}</p>" for p in paras) + "</div>"
    )
    return HtmlPage(
        "html_article_reader", "document", body, b.texts, [title, *[" ".join(p.split()[:4]) for p in paras]]
    )


def dashboard() -> HtmlPage:
    b = _Builder()
    nav = _nav(b, ["Dashboard", "Orders", "Customers", "Reports", "Help"])
    cards = [
        ("Orders today", "128"),
        ("Revenue", "4,210 euros"),
        ("New customers", "17"),
        ("Open tickets", "5"),
    ]
    cards_html = "".join(
        f"<div class='card' style='width:220px'><div>{b.t(a)}</div><h2>{b.t(v)}</h2></div>" for a, v in cards
    )
    rows = [
        ("Order 5512", "Shipped", "Anna Berg"),
        ("Order 5513", "Packing", "Tom Reed"),
        ("Order 5514", "Waiting for payment", "Lena Fox"),
    ]
    table = (
        "<table>"
        + "".join("<tr>" + "".join(f"<td>{b.t(c)}</td>" for c in r) + "</tr>" for r in rows)
        + "</table>"
    )
    body = (
        f"{nav}<div class='page'><h1>{b.t('Shop overview')}</h1>"
        f"<div style='display:flex'>{cards_html}</div>{table}</div>"
    )
    return HtmlPage("html_dashboard", "screen", body, b.texts)


def inbox() -> HtmlPage:
    b = _Builder()
    folders = "".join(f"<div>{b.t(f)}</div>" for f in ["Inbox", "Starred", "Sent", "Drafts", "Spam", "Trash"])
    mails = [
        ("Grace Hopper", "Meeting notes for Monday", "09:14"),
        ("Alan Turing", "Puzzle for the weekend", "08:50"),
        ("Ada Lovelace", "Draft of the engine paper", "Yesterday"),
        ("Library", "Your books are due soon", "Yesterday"),
        ("Bank", "Monthly statement is ready", "Tuesday"),
        ("Garden Club", "Seed swap on Saturday", "Monday"),
    ]
    rows = (
        "<table style='width:100%'>"
        + "".join(f"<tr><td><b>{b.t(s)}</b></td><td>{b.t(t)}</td><td>{b.t(d)}</td></tr>" for s, t, d in mails)
        + "</table>"
    )
    body = (
        f"<div style='display:flex;height:800px'><div class='side'>{folders}</div>"
        f"<div class='page' style='flex:1'><h2>{b.t('Inbox')}</h2>{rows}</div></div>"
    )
    return HtmlPage("html_inbox", "screen", body, b.texts)


def settings_form() -> HtmlPage:
    b = _Builder()
    fields = ["Display name", "Email address", "Phone number"]
    rows = "".join(
        f"<tr><td>{b.t(f)}</td><td><input value='{b.t(v)}'></td></tr>"
        for f, v in zip(fields, ["Sam Green", "sam@example.org", "0123 456 789"], strict=True)
    )
    checks = "".join(
        f"<div><input type='checkbox' style='width:auto' checked> {b.t(c)}</div>"
        for c in ["Send me a weekly summary", "Read messages aloud", "Use large text"]
    )
    buttons = f"<button>{b.t('Save')}</button><button>{b.t('Cancel')}</button>"
    body = (
        f"{_nav(b, ['Account', 'Privacy', 'Notifications'])}"
        f"<div class='page'><h1>{b.t('Account settings')}</h1>"
        f"<table>{rows}</table><br>{checks}<br>{buttons}</div>"
    )
    return HtmlPage("html_settings_form", "screen", body, b.texts)


def search_results() -> HtmlPage:
    b = _Builder()
    results = []
    for k in range(4):
        title = f"Result {k + 1}: " + " ".join(sentences(k * 5, 1)[0].split()[:5])
        url = f"www.example{k + 1}.org/page"
        snippet = sentences(k * 5 + 2, 1)[0]
        results.append(
            f"<div style='margin-bottom:18px'><div style='color:#1a0dab;font-size:19px'>{b.t(title)}</div>"
            f"<div style='color:#006621'>{b.t(url)}</div><div>{b.t(snippet)}</div></div>"
        )
    body = (
        f"<div class='page'><input value='{b.t('bus timetable central station')}' style='width:500px'> "
        f"<button>{b.t('Search')}</button><p>{b.t('About 2,300 results')}</p>{''.join(results)}</div>"
    )
    return HtmlPage("html_search_results", "screen", body, b.texts)


def docs_sidebar() -> HtmlPage:
    b = _Builder()
    side_items = [
        "Getting started",
        "Installation",
        "Configuration",
        "Keyboard shortcuts",
        "Troubleshooting",
        "Release notes",
    ]
    side = "".join(f"<div>{b.t(i)}</div>" for i in side_items)
    paras = [" ".join(sentences(11 + k * 2, 2)) for k in range(4)]
    title = "Keyboard shortcuts"
    main = f"<h1>{b.t(title)}</h1>" + "".join(f"<p>{b.t(p)}</p>" for p in paras)
    body = (
        f"<div style='display:flex'><div class='side' style='height:760px'>{side}</div>"
        f"<div class='page' style='flex:1'>{main}</div></div>"
    )
    anchors = ["Getting started", "Release notes", *[" ".join(p.split()[:4]) for p in paras]]
    return HtmlPage("html_docs_sidebar", "screen", body, b.texts, anchors)


def data_table() -> HtmlPage:
    b = _Builder()
    head = ["City", "Population", "Area", "Mayor"]
    rows = [
        ("Northfield", "120,400", "88 km2", "J. Patel"),
        ("Easton", "98,300", "64 km2", "M. Chen"),
        ("Westmoor", "45,100", "120 km2", "R. Olsen"),
        ("Southbay", "210,900", "150 km2", "K. Adeyemi"),
        ("Lakeside", "33,700", "41 km2", "P. Novak"),
    ]
    table = (
        "<table><tr>"
        + "".join(f"<th>{b.t(h)}</th>" for h in head)
        + "</tr>"
        + "".join("<tr>" + "".join(f"<td>{b.t(c)}</td>" for c in r) + "</tr>" for r in rows)
        + "</table>"
    )
    nav = _nav(b, ["Statistics", "Maps", "Downloads"])
    body = f"{nav}<div class='page'><h1>{b.t('Cities in the region')}</h1>{table}</div>"
    return HtmlPage("html_data_table", "screen", body, b.texts)


def login_page() -> HtmlPage:
    b = _Builder()
    body = (
        f"<div style='width:420px;margin:120px auto' class='card'><h2>{b.t('Sign in to your account')}</h2>"
        f"<p>{b.t('Username')}</p><input><p>{b.t('Password')}</p><input type='password'><br><br>"
        f"<button>{b.t('Sign in')}</button><p>{b.t('Forgot your password?')}</p></div>"
    )
    return HtmlPage("html_login", "screen", body, b.texts)


def news_photo() -> HtmlPage:
    b = _Builder()
    nav = _nav(b, ["Morning Post", "Local", "Business", "Travel"])
    paras = [" ".join(sentences(20 + k * 2, 2)) for k in range(3)]
    body = (
        f"{nav}<div class='page'><h1>{b.t('New ferry link opens to the islands')}</h1>"
        f"<div style='display:flex;gap:30px'>{_img(520, 360, 11)}<div>"
        + "".join(f"<p>{b.t(p)}</p>" for p in paras)
        + "</div></div></div>"
    )
    return HtmlPage("html_news_photo", "mixed", body, b.texts)


def shop_grid() -> HtmlPage:
    b = _Builder()
    items = [
        ("Blue kettle", "24 euros"),
        ("Wool blanket", "59 euros"),
        ("Garden chair", "80 euros"),
        ("Reading lamp", "35 euros"),
    ]
    cards = "".join(
        f"<div class='card'>{_img(240, 200, 30 + i)}<div>{b.t(n)}</div><div><b>{b.t(p)}</b></div></div>"
        for i, (n, p) in enumerate(items)
    )
    nav = _nav(b, ["Home Store", "Kitchen", "Living", "Garden", "Basket"])
    body = (
        f"{nav}<div class='page'><h2>{b.t('Popular this week')}</h2>"
        f"<div style='display:flex'>{cards}</div></div>"
    )
    return HtmlPage("html_shop_grid", "mixed", body, b.texts)


def blog_hero() -> HtmlPage:
    b = _Builder()
    paras = [" ".join(sentences(5 + k * 2, 2)) for k in range(2)]
    body = (
        f"{_img(1280, 380, 44)}<div class='page'><h1>{b.t('A weekend walking the coast path')}</h1>"
        + "".join(f"<p>{b.t(p)}</p>" for p in paras)
        + "</div>"
    )
    return HtmlPage("html_blog_hero", "mixed", body, b.texts)


def gallery() -> HtmlPage:
    b = _Builder()
    caps = ["Sunrise over the bay", "Market in the old town", "Boats at the pier"]
    figs = "".join(
        f"<div style='margin:14px'>{_img(380, 300, 50 + i)}<div>{b.t(c)}</div></div>"
        for i, c in enumerate(caps)
    )
    body = f"<div class='page'><h1>{b.t('Summer gallery')}</h1><div style='display:flex'>{figs}</div></div>"
    return HtmlPage("html_gallery", "mixed", body, b.texts)


def all_pages() -> list[HtmlPage]:
    return [
        news_two_column(),
        newspaper_three_column(),
        article_reader(),
        dashboard(),
        inbox(),
        settings_form(),
        search_results(),
        docs_sidebar(),
        data_table(),
        login_page(),
        news_photo(),
        shop_grid(),
        blog_hero(),
        gallery(),
    ]


def chromium_executable() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def render_html(
    page: HtmlPage, out: Path, size: tuple[int, int] = (1280, 800), timeout_s: float = 60
) -> Image.Image:
    exe = chromium_executable()
    if exe is None:
        raise RuntimeError("chromium is not installed (apt install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(page.document(), encoding="utf-8")
        shot = Path(tmp) / "shot.png"
        cmd = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={tmp}/profile",
            f"--screenshot={shot}",
            f"--window-size={size[0]},{size[1]}",
            src.as_uri(),
        ]
        subprocess.run(cmd, capture_output=True, timeout=timeout_s, env=dict(os.environ), check=False)
        if not shot.exists():
            raise RuntimeError(f"chromium did not render {page.name}")
        img = Image.open(shot).convert("RGB")
        img.load()
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(out)
    return img
