"""Extract seloste's gettext messages and update the `.po` catalogues: `make messages` (or `--check` in CI).

Two domains, each with its Babel mapping file at the top of the repository:

* `seloste` (babel.cfg): the documents' standard texts, from templates/*.j2 (`_()`, `pgettext()`,
  `{% trans %}`) and seloste/render/*.py (the `NC_` / `NP_` / `N_` markers). Catalogues in fi, sv and en: the
  message ids are English, and the English catalogue repeats them (new entries are filled in with their id).
* `seloste_cli` (babel-cli.cfg): the command line's messages and findings (validation and the checker's rules).
  The ids are the English messages; catalogues in fi and sv.

The same can be done with pybabel, e.g. for the documents:

    pybabel extract -F babel.cfg -k NC_:1c,2 -k NP_:1,2 --no-location -o /tmp/seloste.pot .
    pybabel update -i /tmp/seloste.pot -d seloste/locale -D seloste -N --no-location

New and changed ids come out untranslated (or fuzzy, with pybabel): translate them in the `.po` files.
`tests/i18n` fails while a catalogue has an untranslated or fuzzy entry, or a template string no catalogue has.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "seloste" / "locale"
#: Markers in Python (seloste.i18n) and gettext calls in templates; Python code never calls gettext with a literal.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
    "NC_": ((1, "c"), 2),
    "NP_": (1, 2),
    "tr": None,
}
DOMAINS = {
    "seloste": {"mapping": ROOT / "babel.cfg", "languages": ("fi", "sv", "en"), "identity": "en"},
    "seloste_cli": {"mapping": ROOT / "babel-cli.cfg", "languages": ("fi", "sv"), "identity": None},
}
WIDTH = 116


def extract(domain: str) -> Catalog:
    """Every message the sources of `domain` mark, as a template catalogue."""
    mapping = DOMAINS[domain]["mapping"]
    assert isinstance(mapping, Path)
    with mapping.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    template = Catalog(domain=domain, project="seloste", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            ROOT, method_map, options_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def po_file(domain: str, lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"


LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
WHAT = {"seloste": "the documents' standard texts", "seloste_cli": "the command line's messages and findings"}


def new_catalog(lang: str, domain: str) -> Catalog:
    catalog = Catalog(locale=lang, domain=domain, project="seloste", version="1", charset="utf-8",
                      copyright_holder="seloste team", last_translator="seloste team",
                      language_team=f"{LANGUAGE_NAMES.get(lang, lang)}", fuzzy=False,
                      header_comment=f"# {LANGUAGE_NAMES.get(lang, lang)} texts of seloste: {WHAT[domain]}.\n"
                                     "# The message ids are English. Update with `make messages` (tools/messages.py).")
    return catalog


def read(path: Path, lang: str, domain: str) -> Catalog:
    if not path.exists():
        return new_catalog(lang, domain)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=domain)


def serialise(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=WIDTH, no_location=True, ignore_obsolete=True)
    return out.getvalue()


def updated(domain: str, lang: str, template: Catalog) -> Catalog:
    """The catalogue of `lang` brought up to date with `template`: new ids added, removed ids dropped."""
    catalog = read(po_file(domain, lang), lang, domain)
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    if lang == DOMAINS[domain]["identity"]:
        for message in catalog:
            if message.id and not message.string:
                message.string = message.id
    return catalog


def untranslated(catalog: Catalog) -> list[str]:
    """The ids of a catalogue that have no translation or a fuzzy one."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            found.append(str(message.id))
    return found


def run(domains: Iterable[str], check: bool) -> int:
    stale = []
    for domain in domains:
        template = extract(domain)
        for lang in DOMAINS[domain]["languages"]:  # type: ignore[attr-defined]
            path = po_file(domain, lang)
            catalog = updated(domain, lang, template)
            data = serialise(catalog)
            missing = untranslated(catalog)
            if check:
                if not path.exists() or path.read_bytes() != data:
                    stale.append(f"{path.relative_to(ROOT)} is not up to date with the sources")
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            if missing:
                stale.append(f"{path.relative_to(ROOT)}: {len(missing)} untranslated: "
                             + "; ".join(m[:60] for m in missing[:5]))
    for line in stale:
        sys.stderr.write(line + "\n")
    return 1 if stale else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail when a catalogue is stale")
    parser.add_argument("--domain", choices=sorted(DOMAINS), action="append", help="only this domain")
    args = parser.parse_args()
    return run(args.domain or sorted(DOMAINS), args.check)


if __name__ == "__main__":
    sys.exit(main())
