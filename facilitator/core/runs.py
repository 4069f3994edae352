"""Building the timeline a session runs, from its spec and the library."""

from __future__ import annotations

from facilitator.core.fitting import FitError, fit_structure
from facilitator.core.library import Library
from facilitator.core.session import SessionSpec
from facilitator.core.timeline import Timeline, build_timeline


class RunSetupError(ValueError):
    """A run cannot be prepared; the message says why in plain words."""


def timeline_for(
    library: Library, spec: SessionSpec, *, warning_seconds: int | None = None
) -> Timeline:
    """The timeline for `spec`: its structure, fitted and with its question set."""
    try:
        structure = library.structure(spec.item_id)
    except KeyError as error:
        raise RunSetupError(error.args[0]) from None
    if spec.fit_minutes is not None:
        try:
            structure = fit_structure(structure, spec.fit_minutes)
        except FitError as error:
            raise RunSetupError(str(error)) from None
    if spec.questions_id is not None:
        try:
            question_set = library.question_set(spec.questions_id)
        except KeyError as error:
            raise RunSetupError(error.args[0]) from None
    else:
        question_set = library.default_question_set(structure, spec.language)
    return build_timeline(structure, question_set, spec.language, warning_seconds=warning_seconds)
