#!/usr/bin/env python3
"""Lists runs of 10+ words that a file under src/ shares with the user's study notes.

The site must say everything in its own words. Usage: python3 scripts/notes-overlap.py [paths...]
(needs ../shared/seed/ica-study-notes.txt beside the repository; prints nothing when it is missing)."""
import pathlib, re, sys

notes = pathlib.Path(__file__).resolve().parent.parent.parent / 'shared' / 'seed' / 'ica-study-notes.txt'
if not notes.exists():
    sys.exit(0)
words = lambda t: re.findall(r"[a-z0-9']+", t.lower())
seed = words(notes.read_text(encoding='utf-8', errors='ignore'))
N = 10
grams = {tuple(seed[i:i + N]) for i in range(len(seed) - N + 1)}
roots = [pathlib.Path(p) for p in sys.argv[1:]] or [pathlib.Path('src')]
found = 0
for root in roots:
    files = [root] if root.is_file() else list(root.rglob('*'))
    for p in files:
        if p.suffix not in {'.md', '.mdx', '.astro', '.ts'} or not p.is_file():
            continue
        w = words(p.read_text(encoding='utf-8', errors='ignore'))
        for i in range(len(w) - N + 1):
            if tuple(w[i:i + N]) in grams:
                print(f"{p}: \"{' '.join(w[i:i + N])}\"")
                found += 1
sys.exit(1 if found else 0)
