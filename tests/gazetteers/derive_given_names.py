"""Derives assets/given-names-world.txt: given names of other countries, from the Faker PyPI package.

The census list (assets/given-names.txt) is American; analysts read about Finnish researchers,
German central bankers and Czech developers too. Faker 40.63.0 (MIT licence) ships first-name
lists for about 80 locales, each citing its own public source (national statistics offices,
Wiktionary frequency lists).
Kept: names in Latin letters (the shape the person regex reads) of at least three letters, not
already in the census list. Left out, so that a given name never takes an ordinary word's, a
place's or a firm's mention: lower-case words of the corpora (common-words.txt), crypto words,
months and weekdays, place names and demonyms (places.tsv, places-geonames.tsv), exchanges and
listed companies.

Run: pip install faker==40.63.0 && python3 tests/gazetteers/derive_given_names.py
"""

import importlib
import os
import pkgutil
import re

import faker.providers.person as person

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
# The name-word shape of src/extract/entities/people.rs (WORD), without initials.
SHAPE = re.compile(
    r"^[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿĀ-ž][a-zß-öø-ÿĀ-ž]+)*$"
)


def lines(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


def faker_names(attrs):
    names = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in attrs:
            value = provider.__dict__.get(attr)
            if isinstance(value, (tuple, list, dict)):
                names.update(value)
    return names


def main():
    census = set(lines("assets/given-names.txt"))
    blocked = set()
    for path in (
        "assets/entity-words/common-words.txt",
        "assets/entity-words/crypto-words.txt",
        "assets/lexicon/months.tsv",
        "assets/lexicon/weekdays.txt",
    ):
        # months.tsv: the full name is the first column.
        blocked.update(w.split("\t")[0].strip().lower() for w in lines(path))
    for path in ("assets/places.tsv", "assets/places-geonames.tsv"):
        for row in lines(path):
            for col in row.split("\t")[1:4]:
                blocked.update(n.lower() for n in col.split("|") if n)
    for path in ("assets/organisations/exchanges.tsv", "assets/organisations/listed-companies.tsv"):
        for row in lines(path):
            blocked.update(n.strip().lower() for n in row.split("\t") if n.strip())

    def usable(n, known):
        return len(n) >= 3 and SHAPE.match(n) and n not in known and n.lower() not in blocked

    given = faker_names(("first_names", "first_names_male", "first_names_female"))
    kept = sorted(n for n in given if usable(n, census))
    surnames = set(lines("assets/surnames.txt"))
    world_surnames = sorted(
        n for n in faker_names(("last_names",)) if usable(n, surnames) and n not in given
    )
    write_list(
        "assets/given-names-world.txt",
        [
            "# Given names of other countries, from the first-name lists of the Faker 40.63.0 PyPI",
            "# package (MIT licence; about 80 locales, each list citing its public source).",
            "# Derived by tests/gazetteers/derive_given_names.py: Latin-letter names not in",
            "# assets/given-names.txt, minus ordinary words of the corpora, crypto words, months,",
            "# weekdays, places, exchanges and listed companies.",
        ],
        kept,
    )
    write_list(
        "assets/surnames-world.txt",
        [
            "# Surnames of other countries, from the last-name lists of the Faker 40.63.0 PyPI",
            "# package (MIT licence). Derived by tests/gazetteers/derive_given_names.py like",
            "# assets/given-names-world.txt, minus given names. A hint for the entity model only.",
        ],
        world_surnames,
    )


def write_list(path, header, names):
    with open(os.path.join(ROOT, path), "w", encoding="utf-8") as f:
        f.write("\n".join(header + names) + "\n")
    print(len(names), "names in", path)

if __name__ == "__main__":
    main()
