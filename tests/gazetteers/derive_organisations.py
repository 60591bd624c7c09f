"""Derives the organisation gazetteers in assets/organisations/ from two PyPI packages.

- exchanges.tsv: the crypto exchanges ccxt supports (ccxt 4.5.90, MIT licence): each
  exchange class's display name.
- listed-companies.tsv: the constituents of the stock indices pytickersymbols ships
  (pytickersymbols 1.17.10, MIT licence: S&P 500, NASDAQ 100, FTSE 100, DAX, CAC 40,
  NIKKEI 225, ...), with a short form that drops a trailing legal or generic word
  ("Adobe Inc." -> "Adobe", "Honda Motor" -> "Honda").

A name or short form is left out when it could be something else in news text: a lower-case
word of the corpora (assets/entity-words/common-words.txt), a given name, a surname for a
short form (assets/surnames.txt)
(assets/given-names.txt), a place (assets/places.tsv), or two letters or fewer.

    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install ccxt==4.5.90 pytickersymbols==1.17.10
    /tmp/gaz/bin/python tests/gazetteers/derive_organisations.py
"""

import os
import re

import ccxt
from pytickersymbols import PyTickerSymbols

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
ASSETS = os.path.join(ROOT, "assets")

SUFFIXES = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.?|Ltd\.?|Limited|plc|PLC|"
    r"AG|SE|SA|S\.A\.|N\.V\.|NV|AB|ASA|Oyj|A/S|S\.p\.A\.|Group|Holdings?|Holding Company|"
    r"Motor|Technologies|Industries|International))+$"
)


def words(path):
    out = set()
    with open(os.path.join(ASSETS, path), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.add(line.split("\t")[0])
    return out


COMMON = words("entity-words/common-words.txt")
GIVEN = {w.lower() for w in words("given-names.txt")}
SURNAMES = {w.lower() for w in words("surnames.txt")}
PLACES = set()
with open(os.path.join(ASSETS, "places.tsv"), encoding="utf-8") as fh:
    for line in fh:
        if not line.startswith("#"):
            for cell in line.rstrip("\n").split("\t"):
                PLACES.update(x.strip().lower() for x in cell.split("|") if x.strip())


def usable(name):
    low = name.lower()
    if len(name) <= 2 or low in COMMON or low in GIVEN or low in PLACES:
        return False
    # One ordinary word with a capital ("Extended", "Bullish"): a common word at a sentence start.
    return not all(w.lower() in COMMON for w in re.findall(r"[A-Za-z]+", name))


def row(canonical, forms):
    # A short form that is a surname ("Powell" of "Powell Industries") names people more often.
    forms = [f for f in forms if f.lower() not in SURNAMES]
    forms = [f for f in dict.fromkeys([canonical] + forms) if usable(f)]
    return "\t".join(forms) if forms else None


def write(path, header, rows):
    rows = sorted({r for r in rows if r})
    with open(os.path.join(ASSETS, path), "w", encoding="utf-8") as fh:
        fh.write(header)
        fh.write("\n".join(rows) + "\n")
    print(f"{path}: {len(rows)} organisations")


def main():
    os.makedirs(os.path.join(ASSETS, "organisations"), exist_ok=True)
    exchanges = []
    for ident in ccxt.exchanges:
        name = getattr(ccxt, ident)().name
        # "Binance COIN-M", "Kraken Futures": a product of an exchange listed on its own.
        base = re.sub(r"\s+(?:COIN-M|USDⓈ-M|Futures|US|EU|Global|Advanced|Exchange|"
                      r"International|Indonesia|\(.*\))$", "", name)
        exchanges.append(row(base, []))
    write(
        "organisations/exchanges.tsv",
        "# Crypto exchanges: the display names of the exchanges ccxt 4.5.90 supports (PyPI, MIT\n"
        "# licence), regional and product variants folded into the exchange. One organisation per\n"
        "# line: the name, then other spellings, tab-separated. Regenerate with\n"
        "# tests/gazetteers/derive_organisations.py (names that are ordinary words, given names or\n"
        "# places are left out).\n",
        exchanges,
    )
    companies = []
    for stock in PyTickerSymbols().get_all_stocks():
        name = stock["name"].strip()
        short = SUFFIXES.sub("", name).strip(" ,")
        companies.append(row(name, [short] if short and short != name else []))
    write(
        "organisations/listed-companies.tsv",
        "# Listed companies: the constituents of the stock indices pytickersymbols 1.17.10 ships\n"
        "# (PyPI, MIT licence; S&P 500, NASDAQ 100, FTSE 100, DAX, CAC 40, NIKKEI 225 and others),\n"
        "# with a short form without a trailing legal or generic word (\"Adobe Inc.\" -> \"Adobe\").\n"
        "# One organisation per line: the name, then other spellings, tab-separated. Regenerate\n"
        "# with tests/gazetteers/derive_organisations.py (names that are ordinary words, given\n"
        "# names or places are left out).\n",
        companies,
    )


if __name__ == "__main__":
    main()
