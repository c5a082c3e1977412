#!/usr/bin/python3
"""Pull what Orca would have spoken out of an Orca 43 debug log.

Orca's speech.py logs every utterance (whether or not a speech server is
connected) as

    HH:MM:SS.ffffff - SPEECH OUTPUT: 'text' [voice=...]ACSS

Usage: extract_spoken.py DEBUG_LOG OUTDIR [T0_CLOCK]

Writes OUTDIR/spoken.txt (one utterance per line, in order),
OUTDIR/spoken_timed.tsv ("seconds_since_T0<TAB>text") and OUTDIR/events.txt
(every AT-SPI event Orca received from an application, with Orca's
"Ignoring ..." verdicts, for diagnosing why something was NOT spoken);
T0_CLOCK is the
wall-clock time ("HH:MM:SS.ffffff", local time) at which the app was
started; without it times are relative to the first log line.
Prints spoken.txt's lines to stdout.
"""

import re
import sys
from datetime import datetime, timedelta

EVENT = re.compile(
    r"^(\d\d:\d\d:\d\d\.\d+) - EVENT MANAGER: "
    r"((?:object|window|focus|document|mouse):\S* for .*"
    r"|Ignoring.*)$"
)
LINE = re.compile(r"^(\d\d:\d\d:\d\d\.\d+) - SPEECH OUTPUT: '(.*)'(?:\s*voice=\S+)?")


def clock(s):
    return datetime.strptime(s, "%H:%M:%S.%f")


def main():
    log, outdir = sys.argv[1], sys.argv[2]
    t0 = clock(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else None
    rows = []
    events = []
    with open(log, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            me = EVENT.match(raw)
            if me:
                events.append((me.group(1), me.group(2)))
            m = LINE.match(raw)
            if not m:
                if t0 is None:
                    mt = re.match(r"^(\d\d:\d\d:\d\d\.\d+) - ", raw)
                    if mt:
                        t0 = clock(mt.group(1))
                continue
            ts, rest = m.group(1), m.group(2)
            # The ACSS dict that follows the closing quote may itself contain
            # quotes; the utterance ends at the last "'" before the ACSS/voice
            # part, which always starts with "{" or " voice=".
            text = rest
            for sep in ("'{", "' voice=", "'ACSS"):
                idx = rest.rfind(sep)
                if idx != -1:
                    text = rest[:idx]
                    break
            t = clock(ts)
            if t0 is None:
                t0 = t
            dt = t - t0
            if dt < timedelta(hours=-12):  # crossed midnight
                dt += timedelta(days=1)
            rows.append((dt.total_seconds(), text))
    with open(f"{outdir}/spoken.txt", "w", encoding="utf-8") as out:
        for _, text in rows:
            out.write(text + "\n")
    with open(f"{outdir}/spoken_timed.tsv", "w", encoding="utf-8") as out:
        for sec, text in rows:
            out.write(f"{sec:+.2f}\t{text}\n")
    with open(f"{outdir}/events.txt", "w", encoding="utf-8") as out:
        for ts, text in events:
            sec = (clock(ts) - t0).total_seconds() if t0 else 0.0
            out.write(f"{sec:+8.2f}  {text}\n")
    for sec, text in rows:
        print(f"{sec:+7.2f}s  {text}")


if __name__ == "__main__":
    main()
