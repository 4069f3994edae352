"""Editor fields bound to one path of a draft: they show its value and report typing.

Each field reads its value from the `DraftModel` whenever the model changes, and
turns what the facilitator types into a model call; it holds no state of its
own. Undo and redo keys go to the editor's undo stack, not to the field.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from facilitator.core.documents.doc_paths import DocPath, path_text
from facilitator.core.documents.drafting import format_number, parse_number_text, sentence
from facilitator.ui.labels import language_label
from facilitator.ui.plain import plain_label
from facilitator.ui.style import MISSING_FIELD_STYLE, PROBLEM_BORDER_STYLE, PROBLEM_TEXT_STYLE

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from facilitator.models.editing.draft_model import DraftModel


def _undo_keys() -> tuple[QKeySequence, ...]:
    """Undo and redo keys (built when asked: key sequences need the application)."""
    return (
        QKeySequence(QKeySequence.StandardKey.Undo),
        QKeySequence(QKeySequence.StandardKey.Redo),
        QKeySequence("Ctrl+Y"),
        QKeySequence("Ctrl+Shift+Z"),
    )


class UndoKeysToEditor(QObject):
    """Lets Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y reach the editor's undo stack, not the field's."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            pressed = QKeySequence(event.keyCombination())
            if any(
                pressed.matches(keys) == QKeySequence.SequenceMatch.ExactMatch
                for keys in _undo_keys()
            ):
                # Unaccepted, the override lets the window's undo action take the keys.
                event.ignore()
                return True
        return False


class ProblemRegistry(QObject):
    """Which field paths are on screen now, so problems no field shows are listed apart."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths: dict[int, str] = {}
        self._next = 0

    def claim(self, path: str) -> int:
        """Say that a field shows the problems at `path`; a token to release it."""
        self._next += 1
        self._paths[self._next] = path
        self.changed.emit()
        return self._next

    def release(self, token: int) -> None:
        """The field is gone."""
        if self._paths.pop(token, None) is not None:
            self.changed.emit()

    def paths(self) -> list[str]:
        """Every path shown by a field now."""
        return list(self._paths.values())


class FieldContext:
    """What every field of one editor shares: the draft, the registry, the undo key filter."""

    def __init__(self, model: DraftModel, parent: QObject) -> None:
        self.model = model
        self.registry = ProblemRegistry(parent)
        self.undo_keys = UndoKeysToEditor(parent)

    def watch(self, widget: QWidget) -> None:
        """Route undo keys in `widget` to the editor."""
        widget.installEventFilter(self.undo_keys)


def _set_flag(widget: QWidget, name: str, value: bool) -> None:
    """Set a marking property and restyle: pale yellow when missing, a red border for problems."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    styles = []
    if widget.property("missing"):
        styles.append(MISSING_FIELD_STYLE)
    if widget.property("problem"):
        styles.append(PROBLEM_BORDER_STYLE)
    widget.setStyleSheet(" ".join(styles))


class ProblemLabel(QLabel):
    """The problems of one field, in plain words, right below it; hidden when there are none."""

    def __init__(
        self,
        context: FieldContext,
        path: DocPath,
        *,
        exact: bool = False,
        marks: Sequence[QWidget] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(PROBLEM_TEXT_STYLE)
        self.path = path_text(path)
        self._model = context.model
        self._exact = exact
        self._marks = list(marks)
        self._registry = context.registry
        self._token: int | None = context.registry.claim(self.path)
        self._model.problemsChanged.connect(self.refresh)
        self.refresh()

    def release(self) -> None:
        """The label is going away: its path no longer shows problems."""
        if self._token is not None:
            self._registry.release(self._token)
            self._token = None

    def messages(self) -> list[str]:
        """The messages shown, one per problem."""
        found = self._model.problems_at(self.path)
        if self._exact:
            found = [(rest, message) for rest, message in found if not rest]
        lines = []
        for rest, message in found:
            where = _describe_rest(rest)
            lines.append(f"{where}: {sentence(message)}" if where else sentence(message))
        return lines

    def refresh(self) -> None:
        """Show the field's problems now."""
        lines = self.messages()
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
        for widget in self._marks:
            _set_flag(widget, "problem", bool(lines))


def release_problem_labels(widget: QWidget) -> None:
    """Before `widget` is deleted: its problem labels no longer show any problems."""
    for label in widget.findChildren(ProblemLabel):
        label.release()


def _describe_rest(rest: str) -> str:
    """The part of a path below a field, for people: a language's name, or the field."""
    if not rest:
        return ""
    item = re.match(r"\[(\d+)\]", rest)
    if item:
        return QCoreApplication.translate("Editor", "item {number}").format(
            number=int(item.group(1)) + 1
        )
    first = rest.split(".")[0].split("[")[0]
    if first in ("en", "nl"):
        return language_label(first)
    return rest


class _Bound:
    """Mixin: a widget that shows the model's value at `path` and follows its changes."""

    def _bind(self, context: FieldContext, path: DocPath) -> None:
        self.context = context
        self.draft = context.model
        self.path = path
        self._updating = False
        self.draft.changed.connect(self._on_changed)

    @contextmanager
    def _updating_model(self) -> Iterator[None]:
        """While the field and the model update each other; the echo of it is not acted on."""
        self._updating = True
        try:
            yield
        finally:
            self._updating = False

    def _on_changed(self, _changed: str) -> None:
        if not self._updating:
            with self._updating_model():
                self.refresh()

    def refresh(self) -> None:  # pragma: no cover - every field defines it
        raise NotImplementedError


class LineField(QLineEdit, _Bound):
    """A one-line text bound to a path."""

    def __init__(self, context: FieldContext, path: DocPath, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bind(context, path)
        context.watch(self)
        self.textEdited.connect(self._typed)
        self.refresh()

    def _typed(self, text: str) -> None:
        with self._updating_model():
            self.draft.set_text(self.path, text)

    def refresh(self) -> None:
        value = self.draft.value(self.path)
        text = "" if value is None else str(value)
        if self.text() != text:
            self.setText(text)


class NumberField(QLineEdit, _Bound):
    """A number typed as text: kept as a number, or as typed so validation can explain it."""

    def __init__(self, context: FieldContext, path: DocPath, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bind(context, path)
        context.watch(self)
        self.setMaximumWidth(80)
        self.textEdited.connect(self._typed)
        self.refresh()

    def _typed(self, text: str) -> None:
        with self._updating_model():
            self.draft.set_number(self.path, text)

    def refresh(self) -> None:
        value = self.draft.value(self.path)
        if parse_number_text(self.text()) != value:
            self.setText(format_number(value))


class TextArea(QPlainTextEdit, _Bound):
    """A text of several lines bound to a path."""

    def __init__(
        self, context: FieldContext, path: DocPath, *, lines: int = 3, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._bind(context, path)
        context.watch(self)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(max(height, self.fontMetrics().lineSpacing() * 8))
        self.textChanged.connect(self._typed)
        self.refresh()

    def _typed(self) -> None:
        if self._updating:
            return
        with self._updating_model():
            self.draft.set_text(self.path, self.toPlainText())

    def refresh(self) -> None:
        value = self.draft.value(self.path)
        text = "" if value is None else str(value)
        if self.toPlainText() != text:
            self.setPlainText(text)


class ChoiceField(QComboBox, _Bound):
    """A choice among fixed values; `choose` is called with the value picked."""

    def __init__(
        self,
        context: FieldContext,
        path: DocPath,
        options: Sequence[tuple[str, Any]],
        *,
        choose: Callable[[Any], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._bind(context, path)
        self._values = [value for _label, value in options]
        for label, _value in options:
            self.addItem(label)
        self._choose = choose or (lambda value: self.draft.set_value(self.path, value))
        self.activated.connect(self._picked)
        self.refresh()

    def _picked(self, index: int) -> None:
        if 0 <= index < len(self._values):
            self._choose(self._values[index])

    def refresh(self) -> None:
        value = self.draft.value(self.path)
        if value not in self._values:
            self.addItem(str(value))
            self._values.append(value)
        self.setCurrentIndex(self._values.index(value))


class CheckField(QCheckBox, _Bound):
    """A yes/no field; `decide` gets the new state (default: store it at the path)."""

    def __init__(
        self,
        context: FieldContext,
        path: DocPath,
        label: str,
        *,
        default: bool = False,
        read: Callable[[Any], bool] | None = None,
        decide: Callable[[bool], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(label, parent)
        self._bind(context, path)
        self._default = default
        self._read = read or (lambda value: self._default if value is None else bool(value))
        # Unticked back to the default leaves the field out, as files are written.
        self._decide = decide or (
            lambda checked: self.draft.set_value(
                self.path, None if checked == self._default else checked
            )
        )
        self.clicked.connect(self._decide)
        self.refresh()

    def refresh(self) -> None:
        self.setChecked(self._read(self.draft.value(self.path)))


def translated_editors(
    context: FieldContext,
    path: DocPath,
    languages: Sequence[str],
    *,
    multi_line: bool = False,
    lines: int = 3,
) -> list[QWidget]:
    """One editor per language for the text at `path`, each marking a missing translation."""
    editors: list[QWidget] = []
    for language in languages:
        editor: QWidget
        if multi_line:
            editor = TextArea(context, (*path, language), lines=lines)
        else:
            editor = LineField(context, (*path, language))
        editors.append(editor)
    marker = _MissingMarker(context.model, path, languages, editors, parent=editors[0])
    marker.refresh()
    return editors


class _MissingMarker(QObject):
    """Colours an editor whose language is missing while another language has the text."""

    def __init__(
        self,
        model: DraftModel,
        path: DocPath,
        languages: Sequence[str],
        editors: Sequence[QWidget],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._path = path
        self._languages = list(languages)
        self._editors = list(editors)
        model.changed.connect(lambda _changed: self.refresh())

    def refresh(self) -> None:
        texts = self._model.value(self._path)
        texts = texts if isinstance(texts, dict) else {}
        written = {lang for lang, text in texts.items() if isinstance(text, str) and text.strip()}
        for language, editor in zip(self._languages, self._editors, strict=True):
            missing = bool(written) and language not in written
            _set_flag(editor, "missing", missing)
            hint = self.tr("Not translated yet; the card shows another language") if missing else ""
            if isinstance(editor, QLineEdit | QPlainTextEdit):
                editor.setPlaceholderText(hint)


def caption(text: str) -> QLabel:
    """A field's name, shown as typed."""
    return plain_label(text)
