"""HTML pages for the Chromium screens, built from Python data so the truth is the data itself.

Table cells carry ``data-t`` (table), ``data-r`` (row, 0 = header) and ``data-c`` (column); the
capture's DevTools query reads them back with each word's box. No page uses generated content
(CSS ``::before``, ordered-list numbers, text-transform): every visible word is in the source.
"""

from __future__ import annotations

from html import escape


def page(
    title: str,
    body: str,
    css: str = "",
    font: str = "'DejaVu Sans'",
    size: int = 15,
    fg: str = "#1a1a1a",
    bg: str = "#ffffff",
) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: {font}; font-size: {size}px; color: {fg}; background: {bg}; }}
body {{ padding: 18px 24px; line-height: 1.4; }}
h1 {{ font-size: 1.6em; margin: 0 0 12px 0; }}
h2 {{ font-size: 1.2em; margin: 14px 0 8px 0; }}
p {{ margin: 0 0 10px 0; }}
table {{ border-collapse: collapse; }}
th, td {{ padding: 5px 12px; text-align: left; white-space: nowrap; }}
button {{ font: inherit; font-size: 0.95em; padding: 5px 14px; margin-right: 6px; }}
input, select, textarea {{ font: inherit; font-size: 0.95em; padding: 4px 6px; }}
ul {{ list-style: none; padding: 0; margin: 0; }}
{css}
</style></head>
<body>
{body}
</body></html>
"""


def table(rows: list[list[str]], t: int = 0, cls: str = "") -> str:
    """Header row first; every cell tagged with its table, row and column."""
    out = [f'<table class="{cls}">']
    for r, cells in enumerate(rows):
        tag = "th" if r == 0 else "td"
        out.append(
            "<tr>"
            + "".join(
                f'<{tag} data-t="{t}" data-r="{r}" data-c="{c}">{escape(x)}</{tag}>'
                for c, x in enumerate(cells)
            )
            + "</tr>"
        )
    out.append("</table>")
    return "\n".join(out)


def buttons(labels: list[str], cls: str = "") -> str:
    return (
        f'<div class="buttons {cls}">' + "".join(f"<button>{escape(b)}</button>" for b in labels) + "</div>"
    )


def paragraphs(texts: list[str]) -> str:
    return "\n".join(f"<p>{escape(t)}</p>" for t in texts)


def form(fields: list[tuple[str, str, str]], cls: str = "") -> str:
    """(label, kind, value) rows: kind is text (value shown), placeholder (grey hint), select
    (the shown option), check (a checkbox, label after it), area (a textarea)."""
    rows = []
    for label, kind, value in fields:
        if kind == "check":
            checked = " checked" if value else ""
            rows.append(
                f'<div class="row check"><label><input type="checkbox"{checked}> {escape(label)}</label>'
                "</div>"
            )
            continue
        if kind == "text":
            control = f'<input type="text" value="{escape(value)}">'
        elif kind == "placeholder":
            control = f'<input type="text" placeholder="{escape(value)}">'
        elif kind == "select":
            control = f"<select><option>{escape(value)}</option></select>"
        elif kind == "area":
            control = f"<textarea rows=3>{escape(value)}</textarea>"
        else:
            raise ValueError(kind)
        rows.append(f'<div class="row"><label>{escape(label)}</label>{control}</div>')
    return f'<div class="form {cls}">' + "\n".join(rows) + "</div>"
