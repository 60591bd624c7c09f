"""The seeded draw of the general-news articles hand-labelled for issue 23: 80 wire-dev stories
and 40 BBC business and politics stories that were not labelled yet, drawn with Python's
random.Random(23), not picked by hand. `tests/data/entity-labels.json` lists the drawn ids under
`_drawn`; this script prints the same draw again (the BBC pool leaves out the stories labelled
before it, i.e. the labelled ones not under `_drawn`).

    python3 tests/spacy/draw_sample.py ../shared/corpus
"""

import json
import os
import random
import sys


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "data", "entity-labels.json"), encoding="utf-8") as fh:
        labels = json.load(fh)
    before = set(labels) - set(labels.get("_drawn", []))
    rng = random.Random(23)
    wire = sorted(f[:-4] for f in os.listdir(os.path.join(root, "wire-dev")) if f.endswith(".txt"))
    drawn = ["wire-dev/" + w for w in rng.sample(wire, 80)]
    bbc = [
        f"bbc/{s}/{f[:-4]}"
        for s in ("business", "politics")
        for f in sorted(os.listdir(os.path.join(root, "bbc", s)))
        if f.endswith(".txt")
    ]
    drawn += rng.sample([b for b in bbc if b not in before], 40)
    print("\n".join(drawn))


if __name__ == "__main__":
    main()
