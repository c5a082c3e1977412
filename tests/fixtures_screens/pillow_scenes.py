"""Fixtures drawn with Pillow: terminals, document pages, photo-like pictures and mixed layouts.

"Photo-like" pictures are smooth colour fields with soft shapes, texture and sensor-like noise:
statistically close to a photograph (thousands of colours, almost no flat areas) without ever
copying a real photo into the repository.
"""

from __future__ import annotations

import textwrap

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from tests.fixtures_screens.corpus import sentences

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_DIR + name, size)


def photo_like(width: int, height: int, seed: int) -> Image.Image:
    """A synthetic photograph: smooth colour field, soft blobs, texture and noise."""
    rng = np.random.default_rng(seed)
    field = Image.fromarray(rng.uniform(20, 235, (4, 5, 3)).astype(np.uint8)).resize(
        (width, height), Image.Resampling.BICUBIC
    )
    img = field.copy()
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        cx, cy = rng.integers(0, width), rng.integers(0, height)
        rx, ry = rng.integers(width // 20, width // 4), rng.integers(height // 20, height // 4)
        colour = tuple(int(c) for c in rng.integers(0, 255, 3))
        draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=colour)
    img = img.filter(ImageFilter.GaussianBlur(radius=max(2, width // 150)))
    arr = np.asarray(img).astype(np.float32)
    texture = Image.fromarray(rng.uniform(0, 255, (height // 4 + 1, width // 4 + 1)).astype(np.uint8)).resize(
        (width, height), Image.Resampling.BILINEAR
    )
    arr += (np.asarray(texture, dtype=np.float32)[..., None] - 128) * 0.12
    arr += rng.normal(0, 5, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def photo_with_sign(width: int, height: int, seed: int, word: str) -> Image.Image:
    """A photo-like picture with a shop sign on it (text in a photo)."""
    img = photo_like(width, height, seed)
    draw = ImageDraw.Draw(img)
    f = font("DejaVuSans-Bold.ttf", height // 8)
    box = draw.textbbox((0, 0), word, font=f)
    tw, th = box[2] - box[0], box[3] - box[1]
    x0, y0 = width // 3, height // 3
    draw.rounded_rectangle((x0 - 30, y0 - 25, x0 + tw + 30, y0 + th + 40), radius=12, fill=(180, 20, 30))
    draw.text((x0, y0), word, font=f, fill=(255, 250, 235))
    arr = np.asarray(img.filter(ImageFilter.GaussianBlur(0.8))).astype(np.float32)
    arr += np.random.default_rng(seed + 1).normal(0, 3, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


TERMINAL_SESSIONS = {
    "terminal_build": [
        "user@host:~/project$ git status",
        "On branch main",
        "Your branch is up to date with origin main.",
        "Changes not staged for commit:",
        "    modified:   src/reader/layout.py",
        "    modified:   tests/test_layout.py",
        "user@host:~/project$ make test",
        "running 42 tests",
        "all tests passed in 3.2 seconds",
        "user@host:~/project$ ls docs",
        "changelog.md  guide.md  install.md  screenshots",
        "user@host:~/project$ echo Ready for review",
        "Ready for review",
    ],
    "terminal_python": [
        "$ python3 report.py --month march",
        "Loading sales figures for march",
        "Traceback (most recent call last):",
        '  File "report.py", line 18, in main',
        "    totals = summarise(rows)",
        '  File "report.py", line 9, in summarise',
        "    return sum(row.amount for row in rows)",
        "AttributeError: object has no attribute amount",
        "$ nano report.py",
        "$ python3 report.py --month march",
        "Total sales for march: 18420 pounds",
    ],
    "terminal_top": [
        "top - 10:42:17 up 3 days, load average: 0.52, 0.40, 0.31",
        "Tasks: 182 total, 1 running, 181 sleeping",
        "Memory: 7821 total, 2310 free, 3408 used",
        "  PID USER     CPU  MEM  COMMAND",
        " 1204 alice    12.5  3.1  firefox",
        " 2210 alice     4.0  1.2  thunderbird",
        "  801 root      1.3  0.4  pulseaudio",
        " 3001 alice     0.7  0.9  terminal",
        "   17 root      0.3  0.0  kworker",
    ],
    "terminal_logs": [
        "journal: backup service started",
        "backup: copying documents folder to external drive",
        "backup: 1283 files copied, 0 errors",
        "backup: copying photos folder to external drive",
        "backup: 5521 files copied, 2 skipped",
        "backup: finished after 14 minutes",
        "journal: network connected to home wireless",
        "journal: printer office laser is ready",
        "journal: update check found 3 security updates",
    ],
    "terminal_light": [
        "~/notes % cat todo.txt",
        "buy milk and bread",
        "call the dentist about Thursday",
        "renew library books online",
        "water the plants on the balcony",
        "send the invoice to the client",
        "~/notes % wc -l todo.txt",
        "5 todo.txt",
    ],
}

TERMINAL_THEMES = {
    "terminal_build": ((30, 30, 30), (220, 220, 220)),
    "terminal_python": ((0, 0, 0), (80, 250, 120)),
    "terminal_top": ((12, 20, 40), (230, 230, 200)),
    "terminal_logs": ((40, 42, 54), (248, 248, 242)),
    "terminal_light": ((253, 246, 227), (70, 80, 90)),
}


def terminal(name: str, size: tuple[int, int] = (1280, 800)) -> Image.Image:
    bg, fg = TERMINAL_THEMES[name]
    img = Image.new("RGB", size, bg)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, size[0], 30), fill=(60, 60, 60))
    draw.text((12, 7), "Terminal", font=font("DejaVuSans.ttf", 14), fill=(230, 230, 230))
    f = font("DejaVuSansMono.ttf", 16)
    for i, line in enumerate(TERMINAL_SESSIONS[name]):
        draw.text((14, 44 + i * 24), line, font=f, fill=fg)
    return img


def wrap(text: str, f: ImageFont.FreeTypeFont, width: int) -> list[str]:
    words = text.split()
    lines: list[str] = []
    current = ""
    for w in words:
        trial = f"{current} {w}".strip()
        if f.getlength(trial) <= width:
            current = trial
        else:
            lines.append(current)
            current = w
    if current:
        lines.append(current)
    return lines


def document_page(
    seed: int, columns: int, title: str, size: tuple[int, int] = (1280, 800)
) -> tuple[Image.Image, list[str], list[str]]:
    """A page of prose: title over one or more columns. Returns image, lines drawn, order anchors."""
    img = Image.new("RGB", size, (255, 255, 255) if seed % 2 else (250, 248, 240))
    draw = ImageDraw.Draw(img)
    title_font = font("DejaVuSerif-Bold.ttf", 30)
    body = font("DejaVuSerif.ttf", 17)
    drawn = [title]
    anchors = [title]
    draw.text((80, 40), title, font=title_font, fill=(20, 20, 20))
    margin, gutter = 80, 60
    col_w = (size[0] - 2 * margin - gutter * (columns - 1)) // columns
    paragraph = 0
    for col in range(columns):
        x = margin + col * (col_w + gutter)
        y = 110
        while y < size[1] - 120:
            para = " ".join(sentences(seed * 7 + paragraph * 2, 2))
            lines = wrap(para, body, col_w)
            if y + len(lines) * 26 > size[1] - 40:
                break
            anchors.append(" ".join(lines[0].split()[:4]))
            for line in lines:
                draw.text((x, y), line, font=body, fill=(25, 25, 25))
                drawn.append(line)
                y += 26
            y += 22
            paragraph += 1
    return img, drawn, anchors


def photo_viewer(
    seed: int, size: tuple[int, int] = (1280, 800)
) -> tuple[Image.Image, list[str], list[tuple[int, int, int, int]]]:
    """An image viewer window: toolbar text, a photo, and a caption line below it."""
    img = Image.new("RGB", size, (236, 236, 236))
    draw = ImageDraw.Draw(img)
    ui = font("DejaVuSans.ttf", 16)
    texts = ["Photo Viewer", "Open", "Rotate", "Zoom", "Share"]
    draw.rectangle((0, 0, size[0], 40), fill=(50, 60, 80))
    draw.text((14, 10), texts[0], font=ui, fill=(255, 255, 255))
    for i, t in enumerate(texts[1:]):
        draw.text((300 + i * 110, 10), t, font=ui, fill=(255, 255, 255))
    box = (160, 70, 1120, 650)
    img.paste(photo_like(box[2] - box[0], box[3] - box[1], seed), box[:2])
    caption = "Holiday picture taken at the lake on a sunny afternoon"
    draw.text((160, 680), caption, font=ui, fill=(30, 30, 30))
    counter = "Picture 3 of 12"
    draw.text((160, 720), counter, font=ui, fill=(90, 90, 90))
    return img, [*texts, caption, counter], [box]


def social_post(
    seed: int, size: tuple[int, int] = (1280, 800)
) -> tuple[Image.Image, list[str], list[tuple[int, int, int, int]]]:
    """A feed post: author, text, a picture, and reactions; plus a text sidebar."""
    img = Image.new("RGB", size, (245, 246, 250))
    draw = ImageDraw.Draw(img)
    bold, ui = font("DejaVuSans-Bold.ttf", 18), font("DejaVuSans.ttf", 16)
    draw.rectangle((300, 30, 940, 780), fill=(255, 255, 255))
    texts = ["Maria Lopez", "Our first swim of the season at the old quarry"]
    draw.text((330, 50), texts[0], font=bold, fill=(20, 20, 20))
    draw.text((330, 85), texts[1], font=ui, fill=(40, 40, 40))
    box = (330, 125, 910, 560)
    img.paste(photo_like(box[2] - box[0], box[3] - box[1], seed), box[:2])
    for i, t in enumerate(["Like", "Comment", "Share"]):
        draw.text((340 + i * 150, 580), t, font=ui, fill=(60, 60, 60))
        texts.append(t)
    for i, t in enumerate(["Home", "Friends", "Groups", "Events", "Settings"]):
        draw.text((40, 60 + i * 40), t, font=ui, fill=(30, 30, 30))
        texts.append(t)
    return img, texts, [box]


def wrap_lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width)
