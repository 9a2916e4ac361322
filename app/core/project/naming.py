"""Names per file system: what each tree of the image can record, and the renaming plan.

One disc carries up to four directory trees that name the same files differently:

- **ISO 9660** (ECMA-119 §7.4-7.6, §10): d-characters only (``A-Z 0-9 _``); a file identifier
  is ``NAME.EXT;1``.  Level 1 allows 8 + 3 characters and 8 for folders; levels 2 and 3 allow
  30 characters for name plus extension (§7.5.2) and 31 for folders.  At most 8 directory
  levels including the root (§6.8.2.1), so folders deeper than 7 below the root need Rock
  Ridge relocation (RRIP 1.12 §4.1.5, ``RR_MOVED``) or cannot be recorded.
- **Joliet** (Microsoft Joliet specification 1995): UCS-2 names of up to 64 characters, none of
  ``* / : ; ? \\`` nor control characters.  Windows compares them without case.
- **Rock Ridge** (IEEE P1282 RRIP 1.12): POSIX names, any byte but ``/`` and NUL, 255 bytes.
- **UDF** (OSTA UDF 2.60 §2.1.1, CS0 dstrings): up to 254 8-bit or 127 16-bit characters,
  no ``/`` nor NUL; Windows compares them without case.

:func:`plan_names` computes every recorded name of a project deterministically: within a
folder, names that are already valid keep their place first, then each name that must change
gets its mangled form, and a form already taken gets ``~1``, ``~2``... before the extension
(``readme~1.txt``; ``README_1.TXT`` in ISO 9660, whose d-characters have no ``~``).
The plan lists every original → recorded name (the UI shows it) and the problems that block
a build (folders too deep without relocation).
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.core.errors import InvalidInputError
from app.core.project.model import DiscProject, FileSystemOptions, IsoLevel, Node, NodeKind

MAX_ISO_DEPTH = 8
"""ECMA-119 §6.8.2.1: directory levels including the root."""
MAX_ISO_PATH_BYTES = 255
"""ECMA-119 §6.8.2.1: the length of a path (identifiers and separators)."""
JOLIET_MAX_CHARS = 64
JOLIET_MAX_PATH_CHARS = 240
UDF_MAX_BYTES = 254
_NOT_D_CHAR = re.compile(r"[^A-Z0-9_]")
_JOLIET_BAD = re.compile(r"[*/:;?\\\x00-\x1f]")


class FileSystem(enum.Enum):
    ISO9660 = "ISO 9660"
    JOLIET = "Joliet"
    ROCK_RIDGE = "Rock Ridge"
    UDF = "UDF"


@dataclass(frozen=True, slots=True)
class RecordedNames:
    """The name of one node in each tree (``None`` where the tree is not recorded).

    ``iso`` is the identifier as recorded, with ``;1`` for files."""

    iso: str
    joliet: str | None
    rock_ridge: str | None
    udf: str | None


@dataclass(frozen=True, slots=True)
class NameChange:
    """A name that is recorded differently from the project's name in one tree."""

    path: str
    """The node's path in the project (original names)."""
    filesystem: FileSystem
    original: str
    recorded: str
    reason: str


@dataclass(frozen=True, slots=True)
class NamingProblem:
    """Something the options do not allow and no renaming can fix; it blocks the build."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class NamingPlan:
    names: dict[int, RecordedNames]
    """Node id → recorded names, for every node but the root."""
    changes: tuple[NameChange, ...]
    problems: tuple[NamingProblem, ...]
    relocated: tuple[str, ...]
    """Folders that Rock Ridge relocation moves to ``/RR_MOVED`` in the ISO 9660 tree."""
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def raise_if_blocked(self) -> None:
        if self.problems:
            first = self.problems[0]
            more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
            raise InvalidInputError(
                f"{first.message}{more}",
                "\n".join(f"{p.path}: {p.message}" for p in self.problems[:20]),
            )

    def changes_for(self, filesystem: FileSystem) -> list[NameChange]:
        return [c for c in self.changes if c.filesystem is filesystem]


# ---------------------------------------------------------------- per-file-system rules
def ascii_fold(text: str) -> str:
    """``"Größe"`` → ``"Grosse"``-ish: decompose and drop what is not ASCII."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text).replace("ß", "ss")
    return "".join(c for c in decomposed if ord(c) < 128 and not unicodedata.combining(c))


def d_characters(text: str) -> str:
    """``text`` in ECMA-119 §7.4.1 d-characters: folded to ASCII upper case, any other
    character as ``_``."""
    return _NOT_D_CHAR.sub("_", ascii_fold(text).upper())


def split_extension(name: str) -> tuple[str, str]:
    """``("archive.tar", "gz")``; a leading dot is part of the name (``.bashrc``)."""
    base, dot, ext = name.rpartition(".")
    if not dot or not base:
        return name, ""
    return base, ext


def iso_limits(level: IsoLevel, is_folder: bool) -> tuple[int, int]:
    """(name, extension) character limits; for folders the extension limit is 0."""
    if level is IsoLevel.LEVEL_1:
        return (8, 0) if is_folder else (8, 3)
    return (31, 0) if is_folder else (30, 30)


def iso_candidate(name: str, level: IsoLevel, is_folder: bool) -> str:
    """The ISO 9660 identifier ``name`` maps to before collisions (without ``;1``)."""
    name_max, ext_max = iso_limits(level, is_folder)
    if is_folder:
        return d_characters(name).replace(".", "_")[:name_max] or "_"
    base, ext = split_extension(name)
    base, ext = d_characters(base), d_characters(ext)
    if not base and not ext:
        base = "_"
    if level is IsoLevel.LEVEL_1:
        return f"{base[:name_max] or '_'}.{ext[:ext_max]}" if ext else base[:name_max]
    ext = ext[: min(len(ext), name_max - 1)]
    base = base[: name_max - len(ext)] or "_"
    return f"{base}.{ext}" if ext else base


def iso_valid(name: str, level: IsoLevel, is_folder: bool) -> bool:
    return iso_candidate(name, level, is_folder) == name


def joliet_candidate(name: str) -> str:
    """The Joliet name: UCS-2 (undecodable bytes as U+FFFD, characters outside the BMP as
    ``_``), none of ``* / : ; ? \\`` nor controls, at most 64 UCS-2 units."""
    cleaned = _JOLIET_BAD.sub("_", rock_ridge_candidate(name))
    if not cleaned.isascii() and max(map(ord, cleaned)) > 0xFFFF:
        cleaned = "".join(c if ord(c) <= 0xFFFF else "_" for c in cleaned)  # UCS-2 only
    return _fit_keeping_extension(cleaned, JOLIET_MAX_CHARS, len)


def rock_ridge_candidate(name: str) -> str:
    """Rock Ridge keeps POSIX names; only undecodable bytes become U+FFFD."""
    if name.isascii():
        return name  # the same string: a 100,000-name plan keeps no copies
    fixed = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return name if fixed == name else fixed


def _udf_length(text: str) -> int:
    """CS0 bytes: one per character when all fit in 8 bits, else two (OSTA UDF §2.1.2)."""
    if all(ord(c) < 256 for c in text):
        return len(text)
    return 2 * len(text.encode("utf-16-be")) // 2


def udf_candidate(name: str) -> str:
    cleaned = rock_ridge_candidate(name)
    if not cleaned.isascii() and max(map(ord, cleaned)) > 0xFFFF:
        cleaned = "".join(c if ord(c) <= 0xFFFF else "_" for c in cleaned)
    return _fit_keeping_extension(cleaned, UDF_MAX_BYTES, _udf_length)


def _fit_keeping_extension(name: str, limit: int, measure: Callable[[str], int]) -> str:
    if measure(name) <= limit:
        return name
    base, ext = split_extension(name)
    suffix = f".{ext}" if ext and measure(ext) < limit // 2 else ""
    while base and measure(base + suffix) > limit:
        base = base[:-1]
    return (base or "_") + suffix


def _with_counter(candidate: str, counter: int, fits: Callable[[str], bool], *, iso: bool) -> str:
    """``readme.txt`` + 1 → ``readme~1.txt``, shortening the base until it fits.  ISO 9660 has
    no ``~`` among its d-characters (ECMA-119 §7.4.1), so there it is ``README_1.TXT``."""
    base, ext = split_extension(candidate)
    if iso and "." not in candidate:
        base, ext = candidate, ""
    tag = f"_{counter}" if iso else f"~{counter}"
    suffix = f".{ext}" if ext else ""
    while True:
        result = f"{base}{tag}{suffix}"
        if fits(result) or not base:
            return result
        base = base[:-1]


# ---------------------------------------------------------------- planning
@dataclass(slots=True)
class _Pending:
    node: Node
    candidate: str
    valid: bool


def _assign(
    nodes: Iterable[Node],
    candidate_of: Callable[[Node], str],
    key: Callable[[str], str],
    fits: Callable[[str], bool],
    *,
    iso: bool,
) -> dict[int, str]:
    """Unique names for the children of one folder; valid names first, then mangled ones."""
    pending = [_Pending(n, c, c == n.name) for n in nodes for c in (candidate_of(n),)]
    pending.sort(key=lambda p: (not p.valid, p.node.name))
    taken: set[str] = set()
    next_counter: dict[str, int] = {}
    """candidate → the counter to try next: thousands of names that shorten to the same
    candidate ("Screenshot from ...") each try one or two counters, not all the used ones,
    so a folder is planned in linear time."""
    result: dict[int, str] = {}
    for item in pending:
        name = item.candidate
        counter = next_counter.get(item.candidate, 0)
        if counter:
            name = _with_counter(item.candidate, counter, fits, iso=iso)
        while key(name) in taken:
            counter += 1
            name = _with_counter(item.candidate, counter, fits, iso=iso)
        next_counter[item.candidate] = counter + 1
        taken.add(key(name))
        result[item.node.id] = name
    return result


def plan_names(  # noqa: C901, PLR0912, PLR0915 -- one pass over the tree, per file system
    project: DiscProject, reserved_root_names: Iterable[str] = ()
) -> NamingPlan:
    """Recorded names for every node of ``project`` under its file-system options.

    ``reserved_root_names`` are names the builder itself puts in the root (the boot catalog):
    project entries never get them.
    """
    options = project.filesystems
    level = options.iso_level
    names: dict[int, RecordedNames] = {}
    changes: list[NameChange] = []
    problems: list[NamingProblem] = []
    relocated: list[str] = []
    warnings: list[str] = []
    reserved = [_ReservedNode(n) for n in reserved_root_names]

    def iso_fits(folder: bool) -> Callable[[str], bool]:
        name_max, ext_max = iso_limits(level, folder)

        def fits(text: str) -> bool:
            base, ext = split_extension(text)
            if folder or level is not IsoLevel.LEVEL_1:
                return len(text) <= (name_max if folder else name_max + 1)
            return len(base) <= name_max and len(ext) <= ext_max

        return fits

    def upper(text: str) -> str:
        return text

    stack: list[tuple[Node, str, int, int, str]] = [(project.root, "", 0, 0, "")]
    while stack:
        folder, iso_parent_path, joliet_path_len, depth, folder_path = stack.pop()
        children = list(folder.children)
        extra: list[Node] = list(reserved) if folder is project.root else []  # type: ignore[arg-type]
        everyone = extra + children  # reserved names first: they win ties

        iso_names: dict[int, str] = {}
        for is_folder in (True, False):
            group = [n for n in everyone if n.is_folder is is_folder]
            iso_names.update(
                _assign(
                    group,
                    lambda n, f=is_folder: iso_candidate(n.name, level, f),  # type: ignore[misc]
                    upper,
                    iso_fits(is_folder),
                    iso=True,
                )
            )
        # files and folders share one namespace in ISO 9660 readers too
        _dedupe_across(everyone, iso_names, iso_fits)
        joliet_names = (
            _assign(
                everyone,
                lambda n: joliet_candidate(n.name),
                str.casefold,
                lambda t: len(t) <= JOLIET_MAX_CHARS,
                iso=False,
            )
            if options.joliet
            else {}
        )
        rr_names = (
            {n.id: rock_ridge_candidate(n.name) for n in everyone} if options.rock_ridge else {}
        )
        udf_names = (
            _assign(
                everyone,
                lambda n: udf_candidate(n.name),
                str.casefold,
                lambda t: _udf_length(t) <= UDF_MAX_BYTES,
                iso=False,
            )
            if options.udf
            else {}
        )
        for node in children:
            path = f"{folder_path}/{node.name}"
            iso = iso_names[node.id]
            recorded_iso = iso if node.is_folder else f"{iso};1"
            joliet = joliet_names.get(node.id)
            rock = rr_names.get(node.id)
            udf = udf_names.get(node.id)
            names[node.id] = RecordedNames(recorded_iso, joliet, rock, udf)
            if iso != node.name:
                changes.append(
                    NameChange(path, FileSystem.ISO9660, node.name, iso, _iso_reason(node, level))
                )
            for fs, value in (
                (FileSystem.JOLIET, joliet),
                (FileSystem.ROCK_RIDGE, rock),
                (FileSystem.UDF, udf),
            ):
                if value is not None and value != node.name:
                    changes.append(NameChange(path, fs, node.name, value, _reason(fs, node.name)))
            iso_path = f"{iso_parent_path}/{iso}"
            node_depth = depth + 1
            if node.is_folder and node_depth >= MAX_ISO_DEPTH:
                if options.rock_ridge and options.relocate_deep_folders:
                    if node_depth % MAX_ISO_DEPTH == 0:
                        relocated.append(path)
                else:
                    problems.append(NamingProblem(path, _depth_message(path, options)))
            elif (
                node.kind is not NodeKind.FOLDER
                and node_depth >= MAX_ISO_DEPTH
                and not options.rock_ridge
            ):
                problems.append(NamingProblem(path, _depth_message(path, options)))
            if len(iso_path) > MAX_ISO_PATH_BYTES and not relocated:
                warnings.append(
                    f"{path}: the ISO 9660 path is longer than {MAX_ISO_PATH_BYTES} characters; "
                    "some old systems cannot open it (Rock Ridge and Joliet readers can)."
                )
            joliet_len = joliet_path_len + 1 + len(joliet or "")
            if joliet is not None and joliet_len > JOLIET_MAX_PATH_CHARS:
                warnings.append(
                    f"{path}: the Joliet path is longer than {JOLIET_MAX_PATH_CHARS} characters; "
                    "Windows may not open it."
                )
            if node.is_folder:
                stack.append((node, iso_path, joliet_len, node_depth, path))
    changes.sort(key=lambda c: (c.path, c.filesystem.value))
    return NamingPlan(names, tuple(changes), tuple(problems), tuple(relocated), tuple(warnings))


class _ReservedNode:
    """Stands in for a name the builder adds to the root (not a project node)."""

    _next_id = -1

    def __init__(self, name: str) -> None:
        self.name = name
        self.kind = NodeKind.FILE
        self.is_folder = False
        self.id = _ReservedNode._next_id
        _ReservedNode._next_id -= 1


def _dedupe_across(
    nodes: list[Node], names: dict[int, str], fits_of: Callable[[bool], Callable[[str], bool]]
) -> None:
    """A folder ``DOCS`` and a file ``DOCS`` (no extension, ``DOCS;1``) would look alike to
    readers that drop the version: give the file a counter."""
    folders = {names[n.id] for n in nodes if n.is_folder}
    used = set(names.values())
    for node in sorted((n for n in nodes if not n.is_folder), key=lambda n: n.name):
        name = names[node.id]
        if name in folders:
            counter = 1
            candidate = _with_counter(name, counter, fits_of(False), iso=True)
            while candidate in used:
                counter += 1
                candidate = _with_counter(name, counter, fits_of(False), iso=True)
            used.add(candidate)
            names[node.id] = candidate


def _iso_reason(node: Node, level: IsoLevel) -> str:
    return _iso_reason_for(node.is_folder, level)


@functools.lru_cache(maxsize=8)
def _iso_reason_for(is_folder: bool, level: IsoLevel) -> str:
    """One shared string per kind and level (a plan may hold 100,000 changes)."""
    name_max, ext_max = iso_limits(level, is_folder)
    limit = (
        f"{name_max} characters"
        if is_folder
        else (
            f"{name_max}.{ext_max} characters"
            if level is IsoLevel.LEVEL_1
            else f"{name_max} characters"
        )
    )
    return f"ISO 9660 level {int(level)} allows A-Z, 0-9 and _ and {limit}"


def _reason(filesystem: FileSystem, name: str) -> str:
    if filesystem is FileSystem.JOLIET:
        return "Joliet allows 64 characters and no * / : ; ? \\"
    if filesystem is FileSystem.UDF:
        return "UDF allows 254 bytes (127 characters outside Latin-1)"
    return "the name is not valid UTF-8"


def _depth_message(path: str, options: FileSystemOptions) -> str:
    why = (
        "Rock Ridge relocation is turned off"
        if options.rock_ridge
        else "Rock Ridge (which can relocate deep folders) is turned off"
    )
    return (
        f"“{path}” is deeper than ISO 9660's {MAX_ISO_DEPTH} folder levels and {why}; "
        "turn Rock Ridge relocation on or move it higher up."
    )
