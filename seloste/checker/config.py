"""Configuration: which rules run, at which severity, with which options.

Read from `--config FILE`, or else from the first `.seloste.yaml` / `.seloste.yml`, or `pyproject.toml` with a
`[tool.seloste]` table, found in the checked path's folder or above it::

    extends: default            # or strict, minimal (presets shipped in seloste/checker/data/presets/)
    today: 2025-06-01           # the reference date for document-age (default: the current date)
    rules:
      document-age: {level: error, max_age_months: 12}
      privacy-contact: off      # or error, warning, info
Unknown keys, rule ids, levels and options are errors (`ConfigError`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os.path
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..findings import Severity
from ..loader import Document, LoadError, json_path, loads
from .facts import data_text
from .registry import by_id

PRESETS = ("default", "strict", "minimal")
CONFIG_NAMES = (".seloste.yaml", ".seloste.yml")
LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}
TOP_KEYS = ("extends", "today", "rules")


class ConfigError(Exception):
    """The configuration cannot be used; the message says where and why."""


@dataclass(frozen=True)
class RuleSetting:
    """One rule's configuration: `level` None means off; `explicit` when a preset or file set the level."""

    level: Severity | None
    options: dict[str, Any] = field(default_factory=dict)
    explicit: bool = False


@dataclass(frozen=True)
class Config:
    rules: Mapping[str, RuleSetting]
    today: dt.date = field(default_factory=dt.date.today)
    source: str = "preset 'default'"

    @classmethod
    def default(cls, today: dt.date | None = None, preset: str = "default") -> Config:
        return _apply(_defaults(today), _preset(preset), f"preset '{preset}'", None)

    def setting(self, rule_id: str) -> RuleSetting:
        return self.rules[rule_id]


def _defaults(today: dt.date | None) -> Config:
    rules = {ident: RuleSetting(rule.SEVERITY, dict(rule.OPTIONS)) for ident, rule in by_id().items()}
    return Config(rules, today or dt.date.today())


def _preset(name: str) -> dict[str, Any]:
    data = loads(data_text(f"presets/{name}.yaml"), f"preset {name}").data
    return data if isinstance(data, dict) else {}


class _Where:
    """Positions for error messages, when the configuration came from YAML."""

    def __init__(self, source: str, doc: Document | None) -> None:
        self.source, self.doc = source, doc

    def __call__(self, path: tuple[str | int, ...], message: str) -> ConfigError:
        if self.doc is None:
            where = f"{self.source} ({json_path(path)})" if path else self.source
        else:
            line, column = self.doc.position(path, key=True)
            where = f"{self.source}:{line}:{column}"
        return ConfigError(f"{where}: {message}")


def _suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _level(value: Any, path: tuple[str | int, ...], where: _Where) -> Severity | None:
    if value is False or value == "off":
        return None
    if isinstance(value, str) and value in LEVELS:
        return LEVELS[value]
    raise where(path, f"'{value}' is not a level; use off, error, warning or info")


def _option(rule_id: str, name: str, value: Any, default: Any, path: tuple[str | int, ...], where: _Where) -> Any:
    ok = (isinstance(value, bool) if isinstance(default, bool) else
          isinstance(value, int) and not isinstance(value, bool) if isinstance(default, int) else
          isinstance(value, list) and all(isinstance(v, str) for v in value) if isinstance(default, list) else
          isinstance(value, type(default)))
    if not ok:
        raise where(path, f"the option '{name}' of {rule_id} must be {type(default).__name__}, like its default "
                          f"{default!r}")
    return value


def _rule(rule_id: str, value: Any, current: RuleSetting, where: _Where) -> RuleSetting:
    path: tuple[str | int, ...] = ("rules", rule_id)
    if value is True or value == "on":
        return replace(current, level=by_id()[rule_id].SEVERITY if current.level is None else current.level)
    if not isinstance(value, dict):
        return replace(current, level=_level(value, path, where), explicit=True)
    setting = current
    defaults = by_id()[rule_id].OPTIONS
    for name, option in value.items():
        if name == "level":
            setting = replace(setting, level=_level(option, (*path, name), where), explicit=True)
        elif name in defaults:
            checked = _option(rule_id, name, option, defaults[name], (*path, name), where)
            setting = replace(setting, options={**setting.options, name: checked})
        else:
            known = ", ".join(["level", *defaults])
            raise where((*path, name), f"{rule_id} has no option '{name}' (it has: {known})"
                                       f"{_suggest(name, ['level', *defaults])}")
    return setting


def _apply(base: Config, data: Mapping[str, Any], source: str, doc: Document | None) -> Config:
    where = _Where(source, doc)
    rules = data.get("rules", {})
    if rules is None:
        rules = {}
    if not isinstance(rules, dict):
        raise where(("rules",), "'rules' must be a mapping of rule ids to levels or options")
    settings = dict(base.rules)
    for rule_id, value in rules.items():
        if rule_id not in settings:
            raise where(("rules", rule_id), f"unknown rule '{rule_id}'{_suggest(rule_id, settings)}; "
                                            "run 'seloste rules' for the list")
        settings[rule_id] = _rule(rule_id, value, settings[rule_id], where)
    return Config(settings, base.today, source)


def parse(data: Any, source: str, doc: Document | None = None, today: dt.date | None = None) -> Config:
    """A configuration from plain data (a `.seloste.yaml` document or a `[tool.seloste]` table)."""
    where = _Where(source, doc)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise where((), "the configuration must be a mapping with 'extends', 'today' and 'rules'")
    for key in data:
        if key not in TOP_KEYS:
            raise where((key,), f"unknown key '{key}'{_suggest(str(key), TOP_KEYS)}; allowed: {', '.join(TOP_KEYS)}")
    preset = data.get("extends", "default")
    if preset not in PRESETS:
        raise where(("extends",), f"unknown preset '{preset}'; choose one of: {', '.join(PRESETS)}")
    if "today" in data:
        try:
            configured = dt.date.fromisoformat(str(data["today"]))
        except ValueError:
            raise where(("today",), f"'today' must be a date written as YYYY-MM-DD, not '{data['today']}'") from None
        today = today or configured
    base = Config.default(today, preset)
    return _apply(base, data, source, doc)


def load_config(path: Path, today: dt.date | None = None) -> Config:
    """Read a `.seloste.yaml` file or the `[tool.seloste]` table of a `pyproject.toml`."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml":
        try:
            table = tomllib.loads(raw.decode("utf-8")).get("tool", {}).get("seloste", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from None
        return parse(table, f"{path} [tool.seloste]", None, today)
    try:
        doc = loads(raw.decode("utf-8"), str(path))
    except LoadError as exc:
        raise ConfigError(exc.finding.format()) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the configuration is not UTF-8 text") from None
    return parse(doc.data, str(path), doc, today)


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "seloste" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def find_config(start: Path) -> Path | None:
    """The nearest `.seloste.yaml`, `.seloste.yml` or `pyproject.toml` with `[tool.seloste]`, from `start` up."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        if (candidate / "pyproject.toml").is_file() and _has_tool_table(candidate / "pyproject.toml"):
            return candidate / "pyproject.toml"
    return None


def resolve(config_file: Path | None, paths: Iterable[Path], today: dt.date | None = None) -> Config:
    """The configuration for a run: the given file, or the one found above the checked paths, or the default."""
    if config_file is None:
        resolved = [p.resolve() for p in paths]
        if resolved:
            parents = [p if p.is_dir() else p.parent for p in resolved]
            config_file = find_config(Path(os.path.commonpath([str(p) for p in parents])))
    return Config.default(today) if config_file is None else load_config(config_file, today)

