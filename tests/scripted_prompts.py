"""Prompts that answer from a script and record what was asked, so no test waits on a dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from facilitator.core.files.guarded import Conflict
from facilitator.ui.prompts import Choice, ItemChoice, Prompts

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path


class ScriptedPrompts(Prompts):
    """Answers every question as the test said; `asked` lists (question, details)."""

    def __init__(self) -> None:
        self.unsaved = Choice.CANCEL
        self.restore = Choice.RESTORE
        self.confirm_answer = True
        self.clash_answers: list[tuple[Choice, str]] = []
        self.files_to_open: list[Path] = []
        self.save_path: Path | None = None
        self.item_id: str | None = None
        self.asked: list[tuple[str, Any]] = []
        self.problems: list[list[str]] = []
        self.errors: list[str] = []
        self.review_answer = Choice.LATER
        self.reviewed: list[tuple[str, list[str]]] = []
        self.changed_answers: list[Conflict] = []
        """Answers to "changed by another window", in turn (Cancel when none is left)."""

    def unsaved_changes(self, parent: Any, title: str) -> Choice:
        self.asked.append(("unsaved", title))
        return self.unsaved

    def restore_draft(self, parent: Any, title: str, when: str) -> Choice:
        self.asked.append(("restore", (title, when)))
        return self.restore

    def confirm(self, parent: Any, title: str, text: str, action: str) -> bool:
        self.asked.append(("confirm", text))
        return self.confirm_answer

    def changed_on_disk(self, parent: Any, name: str) -> Conflict:
        self.asked.append(("changed", name))
        return self.changed_answers.pop(0) if self.changed_answers else Conflict.CANCEL

    def id_clash(self, parent: Any, text: str, suggestion: str) -> tuple[Choice, str]:
        self.asked.append(("clash", (text, suggestion)))
        if not self.clash_answers:
            return Choice.CANCEL, ""
        choice, new_id = self.clash_answers.pop(0)
        return choice, new_id or suggestion

    def show_problems(self, parent: Any, title: str, intro: str, lines: Sequence[str]) -> None:
        self.asked.append(("problems", title))
        self.problems.append(list(lines))

    def review_session(self, parent: Any, title: str, text: str, log: Sequence[str]) -> Choice:
        self.asked.append(("review", text))
        self.reviewed.append((text, list(log)))
        return self.review_answer

    def show_error(self, parent: Any, title: str, text: str) -> None:
        self.asked.append(("error", text))
        self.errors.append(text)

    def show_info(self, parent: Any, title: str, text: str) -> None:
        self.asked.append(("info", text))

    def open_files(self, parent: Any, folder: str) -> list[Path]:
        self.asked.append(("open", folder))
        return list(self.files_to_open)

    def save_file(self, parent: Any, suggested: Path) -> Path | None:
        self.asked.append(("save", suggested))
        return self.save_path

    def choose_item(
        self,
        parent: Any,
        title: str,
        choices: Sequence[ItemChoice],
        current: ItemChoice | None,
    ) -> ItemChoice | None:
        self.asked.append(("choose", [c.item_id for c in choices]))
        if self.item_id is None:
            return current
        return next((c for c in choices if c.item_id == self.item_id), None)
