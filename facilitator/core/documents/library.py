"""The library: built-in documents plus the user's own, with the user's winning.

Built-ins ship with the app and are never written. The user's documents live
in the user library folder, one file per document in a folder per type. A user
document with the same id as a built-in overrides it; a broken user file is
reported as a problem and skipped, and never hides the rest of the library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from facilitator.core.documents.registry import (
    DOCUMENT_TYPES,
    DocumentType,
    Item,
    document_of,
    load_document_stamped,
    type_of_item,
)
from facilitator.core.files.guarded import write_json_guarded
from facilitator.core.files.jsonio import write_json
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.paths import builtin_library_dir, user_library_dir
from facilitator.core.files.problems import DocumentError, Problem
from facilitator.core.plans.format import Plan
from facilitator.core.workshop.structures import FALLBACK_LANGUAGE, QuestionSet, Structure

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

    from facilitator.core.files.reading import FileStamp

_ItemT = TypeVar("_ItemT", Structure, QuestionSet, Plan)


class Origin(StrEnum):
    """Where a library entry comes from."""

    BUILT_IN = "built-in"
    USER = "user"


@dataclass(frozen=True)
class Entry:
    """One document in the library, with where it came from."""

    item: Item
    path: Path
    origin: Origin
    overrides_builtin: bool = False
    stamp: FileStamp | None = None
    """What the file held when the library was loaded (the user's own files): a save checks
    that it still does, so another window's save is never overwritten unasked."""


@dataclass
class Library:
    """Every structure and question set available, and the problems found loading them."""

    builtin_dir: Path
    user_dir: Path
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    builtins: dict[str, dict[str, Entry]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def _of_type(self, type_name: str) -> dict[str, Entry]:
        return self.entries.get(type_name, {})

    def _typed(
        self, kind: DocumentKind, python_type: type[_ItemT]
    ) -> Iterator[tuple[Entry, _ItemT]]:
        """The entries of one kind, each with its item as that kind's type."""
        for entry in self._of_type(kind).values():
            if isinstance(entry.item, python_type):
                yield entry, entry.item

    def structures(self) -> list[Structure]:
        """All structures, sorted by English title."""
        found = [item for _, item in self._typed(DocumentKind.STRUCTURE, Structure)]
        return sorted(found, key=lambda s: s.title.in_language(FALLBACK_LANGUAGE).casefold())

    def question_sets(self) -> list[QuestionSet]:
        """All question sets, sorted by id."""
        return sorted(
            (item for _, item in self._typed(DocumentKind.QUESTION_SET, QuestionSet)),
            key=lambda q: q.id,
        )

    def plans(self) -> list[Plan]:
        """All plans, sorted by id."""
        return sorted(
            (item for _, item in self._typed(DocumentKind.PLAN, Plan)), key=lambda p: p.id
        )

    def items(self, type_name: str) -> list[Item]:
        """All items of one document type, sorted by id."""
        return [self._of_type(type_name)[key].item for key in sorted(self._of_type(type_name))]

    def entry(self, type_name: str, item_id: str) -> Entry | None:
        """The entry with `item_id` of a type, or None."""
        return self._of_type(type_name).get(item_id)

    def find(self, item_id: str) -> Entry | None:
        """The entry with `item_id` of any type (structures first), or None."""
        for type_name in DOCUMENT_TYPES:
            found = self.entry(type_name, item_id)
            if found is not None:
                return found
        return None

    def builtin(self, type_name: str, item_id: str) -> Entry | None:
        """The built-in entry with `item_id`, even when a user copy overrides it."""
        return self.builtins.get(type_name, {}).get(item_id)

    def find_structure(self, structure_id: str) -> Structure | None:
        """The structure with `structure_id`, or None."""
        found = self.entry(DocumentKind.STRUCTURE, structure_id)
        return found.item if found is not None and isinstance(found.item, Structure) else None

    def find_question_set(self, set_id: str) -> QuestionSet | None:
        """The question set with `set_id`, or None."""
        found = self.entry(DocumentKind.QUESTION_SET, set_id)
        return found.item if found is not None and isinstance(found.item, QuestionSet) else None

    def find_plan(self, plan_id: str) -> Plan | None:
        """The plan with `plan_id`, or None."""
        found = self.entry(DocumentKind.PLAN, plan_id)
        return found.item if found is not None and isinstance(found.item, Plan) else None

    def structure(self, structure_id: str) -> Structure:
        """The structure with `structure_id`; KeyError with a helpful message if none."""
        found = self.find_structure(structure_id)
        if found is None:
            raise KeyError(
                f"no structure {structure_id!r} in the library; `facilitator list` shows the ids"
            )
        return found

    def question_set(self, set_id: str) -> QuestionSet:
        """The question set with `set_id`; KeyError with a helpful message if none."""
        found = self.find_question_set(set_id)
        if found is None:
            raise KeyError(f"no question set {set_id!r} in the library")
        return found

    def question_sets_for(
        self, structure_id: str, language: str | None = None
    ) -> list[QuestionSet]:
        """The sets written for a structure, optionally in one language, default first."""
        structure = self.find_structure(structure_id)
        defaults = set(structure.default_questions.values()) if structure is not None else set()
        found = [
            q
            for q in self.question_sets()
            if (q.fits(structure_id) or q.id in defaults)
            and (language is None or q.language == language)
        ]
        return sorted(found, key=lambda q: (q.id not in defaults, q.language, q.id))

    def default_question_set(self, structure: Structure, language: str) -> QuestionSet | None:
        """The set a run uses unless another is chosen: the language's default, else any fit."""
        for wanted in (language, FALLBACK_LANGUAGE):
            set_id = structure.default_questions.get(wanted)
            if set_id is not None and self.entry(DocumentKind.QUESTION_SET, set_id) is not None:
                return self.question_set(set_id)
            in_language = self.question_sets_for(structure.id, wanted)
            if in_language:
                return in_language[0]
        return None

    def counterpart(self, set_id: str, structure: Structure, language: str) -> QuestionSet | None:
        """The same questions in `language`: the set `set_id` itself when it is in `language`.

        The structure's default set in `language` when `set_id` is its default in another;
        else the set named like it with the other language's suffix (`…-en` and `…-nl`).
        None when there is no such set.
        """
        found = self.find_question_set(set_id)
        if found is None or found.language == language:
            return found
        if structure.default_questions.get(found.language) == set_id:
            default = structure.default_questions.get(language)
            twin = self.find_question_set(default) if default else None
            if twin is not None and twin.language == language:
                return twin
        suffix = f"-{found.language}"
        if set_id.endswith(suffix):
            twin = self.find_question_set(f"{set_id.removesuffix(suffix)}-{language}")
            if twin is not None and twin.language == language:
                return twin
        return None

    def reference_problems(self) -> list[Problem]:
        """Problems between documents: a default set, a step or a phase that does not exist."""
        found: list[Problem] = []
        for entry, structure in self._typed(DocumentKind.STRUCTURE, Structure):
            for language, set_id in structure.default_questions.items():
                if self.entry(DocumentKind.QUESTION_SET, set_id) is None:
                    found.append(
                        Problem(
                            entry.path.name,
                            f"default_questions.{language}",
                            f"no question set {set_id!r} in the library",
                        )
                    )
        for entry, question_set in self._typed(DocumentKind.QUESTION_SET, QuestionSet):
            for structure_id in question_set.structures:
                target = self.find_structure(structure_id)
                if target is None:
                    continue
                step_ids = {step.id for step in target.steps}
                phase_ids = {phase.id for step in target.steps for phase in step.phases}
                for index, question in enumerate(question_set.questions):
                    for step_id in question.steps:
                        if step_id not in step_ids:
                            found.append(
                                Problem(
                                    entry.path.name,
                                    f"questions[{index}].steps",
                                    f"{structure_id} has no step {step_id!r}",
                                )
                            )
                    for phase_id in question.phases:
                        if phase_id not in phase_ids:
                            found.append(
                                Problem(
                                    entry.path.name,
                                    f"questions[{index}].phases",
                                    f"{structure_id} has no phase {phase_id!r}",
                                )
                            )
        return found


def _document_files(folder: Path) -> Iterable[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.name.endswith(".json"))
    except OSError:
        return []


def _load_folder(
    folder: Path, document_type: DocumentType, problems: list[Problem], label_root: Path
) -> dict[str, tuple[Item, Path, FileStamp]]:
    loaded: dict[str, tuple[Item, Path, FileStamp]] = {}
    for path in _document_files(folder):
        label = _label(path, label_root)
        try:
            item, stamp = load_document_stamped(path, label=label)
        except DocumentError as error:
            problems.extend(error.problems)
            continue
        if not isinstance(item, document_type.python_type):
            problems.append(
                Problem(
                    label,
                    "type",
                    f"expected a {document_type.label} in this folder, "
                    f"got a {type_of_item(item).label}",
                )
            )
            continue
        if item.id in loaded:
            problems.append(
                Problem(
                    label,
                    "id",
                    f"{item.id!r} is already used by "
                    f"{loaded[item.id][1].name}; this file is skipped",
                )
            )
            continue
        loaded[item.id] = (item, path, stamp)
    return loaded


def _label(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return path.name


def load_library(builtin_dir: Path | None = None, user_dir: Path | None = None) -> Library:
    """Load the built-in library and the user's own, reporting broken files as problems."""
    library = Library(builtin_dir or builtin_library_dir(), user_dir or user_library_dir())
    for name, document_type in DOCUMENT_TYPES.items():
        builtins = _load_folder(
            library.builtin_dir / document_type.folder,
            document_type,
            library.problems,
            library.builtin_dir,
        )
        users = _load_folder(
            library.user_dir / document_type.folder,
            document_type,
            library.problems,
            library.user_dir,
        )
        library.builtins[name] = {
            key: Entry(item, path, Origin.BUILT_IN) for key, (item, path, _) in builtins.items()
        }
        merged = dict(library.builtins[name])
        for key, (item, path, stamp) in users.items():
            merged[key] = Entry(
                item, path, Origin.USER, overrides_builtin=key in builtins, stamp=stamp
            )
        library.entries[name] = merged
    return library


def user_path_for(item: Item, user_dir: Path | None = None) -> Path:
    """Where the user's copy of `item` is stored."""
    folder = (user_dir or user_library_dir()) / type_of_item(item).folder
    return folder / f"{item.id}.json"


def save_to_user_library(item: Item, user_dir: Path | None = None) -> Path:
    """Save `item` in the user library atomically (keeping a backup), unchecked; its path."""
    path = user_path_for(item, user_dir)
    write_json(path, document_of(item))
    return path


def loaded_stamp(library: Library, item: Item) -> FileStamp | None:
    """What this copy loaded from the user file `item` is saved to (None: no such file)."""
    entry = library.entry(type_of_item(item).name, item.id)
    return entry.stamp if entry is not None and entry.origin is Origin.USER else None


def save_checked(item: Item, library: Library) -> Path:
    """Save `item` in the user library if its file is still as `library` loaded it.

    ChangedOnDiskError when another window saved, created or removed it since.
    """
    path = user_path_for(item, library.user_dir)
    write_json_guarded(path, document_of(item), loaded_stamp(library, item))
    return path
