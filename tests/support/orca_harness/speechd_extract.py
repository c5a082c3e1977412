#!/usr/bin/python3
"""What every client handed to speech-dispatcher, and what became of it.

Reads a speech-dispatcher log written at level 5 (every SSIP line a client sent is logged as
``FD:DATA:|...``, every reply/event as ``FD:REPLY:|...``) and writes:

  OUTDIR/speechd_spoken.tsv   seconds_since_T0 <TAB> client <TAB> event <TAB> text
                              event: SPEAK (message handed over), BEGIN / END / CANCELED
                              (speech-dispatcher's events for that message), CMD (CANCEL/STOP/...)
  OUTDIR/speechd_messages.tsv one line per message: t_queued, t_begin, t_end, outcome, client, text

Usage: speechd_extract.py SPEECHD_LOG OUTDIR T0_CLOCK(HH:MM:SS.ffffff)
"""

import html
import re
import sys
from datetime import datetime, timedelta

REC = re.compile(r"^\[\w{3} \w{3} +\d+ (\d\d:\d\d:\d\d) \d{4} : +(\d+)\] speechd: +(.*)$")
DATA = re.compile(r"^(\d+):(DATA|REPLY):\|(.*)$", re.S)


def records(path):
    cur = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.rstrip("\n")
            m = REC.match(line)
            if m:
                if cur:
                    yield cur
                hms, usec, rest = m.groups()
                cur = [hms, int(usec), rest]
            elif cur is not None:
                cur[2] += "\n" + line
    if cur:
        yield cur


def strip_ssml(text):
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)


def main():
    log, outdir, t0s = sys.argv[1], sys.argv[2], sys.argv[3]
    t0 = datetime.strptime(t0s, "%H:%M:%S.%f")

    def rel(hms, usec):
        t = datetime.strptime(hms, "%H:%M:%S") + timedelta(microseconds=usec)
        d = (t - t0).total_seconds()
        if d < -43200:
            d += 86400
        return d

    names = {}  # fd -> client name
    mode = {}  # fd -> "cmd" | "data"
    buf = {}  # fd -> list of lines
    last_msg = {}  # fd -> index into msgs awaiting its id
    msgs = []  # dicts
    by_id = {}
    rows = []
    for hms, usec, rest in records(log):
        m = DATA.match(rest)
        if not m:
            continue
        fd, kind, payload = m.group(1), m.group(2), m.group(3)
        # payload ends with "\r\n| (N)" (DATA) or "\r\n|" (REPLY)
        payload = re.sub(r"\|( \(\d+\))?\s*$", "", payload)
        lines = [ln.rstrip("\r") for ln in payload.split("\n")]
        if lines and lines[-1] == "":
            lines = lines[:-1]
        t = rel(hms, usec)
        client = names.get(fd, "fd" + fd)
        if kind == "DATA":
            for ln in lines:
                if mode.get(fd) == "data":
                    if ln == ".":
                        text = strip_ssml(" ".join(buf.get(fd, []))).strip()
                        msg = {
                            "t": t,
                            "client": client,
                            "text": text,
                            "id": None,
                            "begin": None,
                            "end": None,
                            "outcome": "queued",
                        }
                        msgs.append(msg)
                        last_msg[fd] = msg
                        rows.append((t, client, "SPEAK", text))
                        mode[fd] = "cmd"
                        buf[fd] = []
                    else:
                        buf.setdefault(fd, []).append(ln[1:] if ln.startswith("..") else ln)
                    continue
                word = ln.strip().split(" ")
                cmd = word[0].upper() if word else ""
                if cmd == "SPEAK":
                    mode[fd] = "data"
                    buf[fd] = []
                elif cmd == "SET" and len(word) >= 4 and word[2].upper() == "CLIENT_NAME":
                    names[fd] = " ".join(word[3:]).strip('"')
                elif cmd in ("CANCEL", "STOP", "PAUSE", "RESUME", "QUIT"):
                    rows.append((t, client, "CMD", ln.strip()))
        else:  # REPLY
            if not lines:
                continue
            code = lines[0][:3]
            if code == "225" and fd in last_msg:  # 225-ID / 225 OK MESSAGE QUEUED
                mid = lines[0][4:]
                msg = last_msg.pop(fd)
                msg["id"] = mid
                by_id[(fd, mid)] = msg
            elif code in ("701", "702", "703"):
                mid = lines[0][4:]
                msg = by_id.get((fd, mid))
                ev = {"701": "BEGIN", "702": "END", "703": "CANCELED"}[code]
                rows.append((t, client, ev, msg["text"] if msg else "?id " + mid))
                if msg:
                    if code == "701":
                        msg["begin"] = t
                    else:
                        msg["end"] = t
                        msg["outcome"] = "spoken to the end" if code == "702" else "CANCELED"
    with open(f"{outdir}/speechd_spoken.tsv", "w", encoding="utf-8") as out:
        for t, client, ev, text in rows:
            out.write(f"{t:+.2f}\t{client}\t{ev}\t{text}\n")

    def f(x):
        return "-" if x is None else f"{x:+.2f}"

    with open(f"{outdir}/speechd_messages.tsv", "w", encoding="utf-8") as out:
        for msg in msgs:
            out.write(
                f"{f(msg['t'])}\t{f(msg['begin'])}\t{f(msg['end'])}\t{msg['outcome']}\t"
                f"{msg['client']}\t{msg['text']}\n"
            )
    print("=== speech-dispatcher messages (queued, begin, end, outcome, client, text) ===")
    for msg in msgs:
        text = msg["text"]
        print(
            f"{f(msg['t'])} {f(msg['begin'])} {f(msg['end'])} {msg['outcome']:<18} "
            f"{msg['client'][:22]:<22} {text[:150]}{'…' if len(text) > 150 else ''}"
        )


if __name__ == "__main__":
    main()
