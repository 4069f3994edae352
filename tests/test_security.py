"""The security promises of docs/security.md, each checked.

(a) The app opens no network connection: a whole rehearsal through the real app (the self-test,
    in this process and in a child under strace) creates no socket but local (AF_UNIX) ones.
(b) User text is never read as markup: on the card, in the console, in the editor, in notices
    and error messages, and in the exported Markdown sheet.
(c) Imported documents and sounds are size-capped and validated before use (at the boundary).
(d) Nothing in a data file is executed or used as a path outside the user library: ids are
    restricted, a sound file is only ever read as a WAV after checks, and the package holds
    no eval/exec/pickle/yaml and runs no program but Qt's own translation compiler.
"""

from __future__ import annotations

import ast
import gc
import io
import json
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from facilitator.core.documents.library import load_library, user_path_for
from facilitator.core.documents.registry import load_document
from facilitator.core.documents.sharing import import_file
from facilitator.core.files import jsonio as files
from facilitator.core.files.problems import DocumentError
from facilitator.core.files.validation import ID_PATTERN
from facilitator.core.groups.participants import MAX_BYTES as PARTICIPANTS_MAX_BYTES
from facilitator.core.groups.participants import ParticipantsError, read_participants
from facilitator.core.sessions.record import SessionRecordError, SessionStore
from facilitator.core.settings import sounds as sound_files
from facilitator.core.settings.preferences import Preferences, load_preferences
from facilitator.core.shown.sheet_markdown import structure_sheet_markdown
from facilitator.models.bells import CueRouter
from facilitator.models.preferences_model import PreferencesModel
from facilitator.models.run_model import RunModel
from facilitator.platform.audio import FakeBellPlayer
from tests import audio_probe
from tests.app_harness import build_harness

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE = REPO_ROOT / "facilitator"
BUILTIN = REPO_ROOT / "assets" / "library"

MARKUP = "<b>x</b> <img src=x> &amp;"
"""Typed by a facilitator; shown exactly like this, never bold, never an image, never '&'."""
FILE_MARKUP = "<b>x<i> <img src=x> &amp;"
"""The same in a file name (which cannot hold a slash)."""


# --- (a) no network ----------------------------------------------------------------------------

REAL_SOCKET = socket.socket


class NetworkUse:
    """Records every attempt to make a socket or look up a name, and refuses it."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def refuse(self, what: str) -> OSError:
        self.attempts.append(what)
        return OSError(f"test_security: the app tried to use the network: {what}")


@pytest.fixture
def network_use(monkeypatch: pytest.MonkeyPatch) -> NetworkUse:
    """Patch Python's socket module: local (AF_UNIX) sockets pass, anything else is refused."""
    use = NetworkUse()
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, *arguments: object, **keywords: object) -> None:
            if family != socket.AF_UNIX:
                raise use.refuse(f"socket(family={family})")
            super().__init__(family, *arguments, **keywords)

    def refused(name: str):
        def call(*arguments: object, **_keywords: object) -> None:
            raise use.refuse(f"{name}{arguments!r}")

        return call

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "create_server"):
        monkeypatch.setattr(socket, name, refused(name))
    return use


def inet_socket_inodes() -> set[str]:
    """Inodes of this process's open IPv4/IPv6/raw/packet sockets (from /proc)."""
    listed: set[str] = set()
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6", "packet"):
        path = Path("/proc/net") / table
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            inode = fields[9] if table != "packet" else fields[8]
            listed.add(inode)
    mine = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if target.startswith("socket:["):
            mine.add(target[len("socket:[") : -1])
    return mine & listed


NETWORK_CLASSES = (
    "QNetworkAccessManager",
    "QNetworkReply",
    "QAbstractSocket",
    "QTcpSocket",
    "QUdpSocket",
    "QSslSocket",
    "QLocalSocket",
    "QWebSocket",
    "QTcpServer",
)


def qt_network_objects() -> list[str]:
    """Qt network objects alive now: reachable from the application, or wrapped in Python."""
    found = []
    application = QApplication.instance()
    roots: list[QObject] = [application, *QApplication.topLevelWidgets()] if application else []
    for root in roots:
        for child in [root, *root.findChildren(QObject)]:
            names = {cls.__name__ for cls in type(child).__mro__}
            meta = child.metaObject()
            while meta is not None:
                names.add(meta.className())
                meta = meta.superClass()
            if names & set(NETWORK_CLASSES):
                found.append(type(child).__name__)
    for thing in gc.get_objects():
        if isinstance(thing, QObject) and type(thing).__module__.startswith("PySide6.QtNetwork"):
            found.append(type(thing).__name__)
    return found


def test_a_whole_rehearsal_uses_no_network(qapp, network_use: NetworkUse, tmp_path: Path) -> None:
    from facilitator.selftest import run_self_test

    with REAL_SOCKET(socket.AF_INET, socket.SOCK_DGRAM) as probe:  # the detector works here
        probe.bind(("127.0.0.1", 0))  # (it sees sockets that are bound or connected)
        assert str(os.fstat(probe.fileno()).st_ino) in inet_socket_inodes()
    before = inet_socket_inodes()
    seen: set[str] = set()
    sampler = QTimer()
    sampler.setInterval(2)
    sampler.timeout.connect(lambda: seen.update(inet_socket_inodes() - before))
    sampler.start()
    out = io.StringIO()
    try:
        run_self_test(out)
    finally:
        sampler.stop()
    report = out.getvalue()
    # The rehearsal really ran (whatever else the report says).
    assert "windows: ok" in report, report
    assert re.search(r"^run: .*\d+ cues", report, re.MULTILINE), report
    assert not network_use.attempts, f"network used: {network_use.attempts}"
    assert not seen, f"an internet socket was open during the run: inodes {sorted(seen)}"
    assert not qt_network_objects(), qt_network_objects()


LOCAL_SOCKETS = {"facilitator/platform/single_instance.py": {"QLocalServer", "QLocalSocket"}}
"""The one module that imports from QtNetwork, and only its local sockets (a Unix socket or
a Windows named pipe), so that a second start can find the copy already open."""


def test_no_part_of_the_package_imports_networking_code() -> None:
    forbidden = ("socket", "ssl", "http", "urllib", "requests", "ftplib", "smtplib", "xmlrpc")
    qt_forbidden = ("PySide6.QtNetwork", "PySide6.QtWebEngine", "PySide6.QtWebSockets")
    offenders = []
    for path, module in _imports():
        top = module.split(".")[0]
        if module == "PySide6.QtNetwork" and path in LOCAL_SOCKETS:
            continue
        if top in forbidden or module.startswith(qt_forbidden):
            offenders.append(f"{path}: imports {module}")
    for path, names in LOCAL_SOCKETS.items():
        tree = ast.parse((REPO_ROOT / path).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "PySide6.QtNetwork":
                imported = {alias.name for alias in node.names}
                if not imported <= names:
                    offenders.append(f"{path}: imports {imported - names} from QtNetwork")
            if isinstance(node, ast.Import) and any("QtNetwork" in a.name for a in node.names):
                offenders.append(f"{path}: imports the whole of QtNetwork")
    assert not offenders, "\n".join(offenders)


ALLOWED_FAMILIES = {"AF_UNIX", "AF_LOCAL", "AF_NETLINK"}
"""Local sockets (the sound server, D-Bus, X) and the kernel's own netlink."""


def test_the_app_process_makes_no_internet_socket_at_all(tmp_path: Path) -> None:
    """From outside: every socket() and connect() of the self-test process, C code included."""
    if shutil.which("strace") is None:
        message = "strace is not installed (apt-get install strace)"
        if audio_probe.real_parts_required():
            pytest.fail(message)
        pytest.skip(message)
    trace = tmp_path / "strace.txt"
    command = ["strace", "-f", "-qq", "-e", "trace=socket,connect,sendto,sendmsg", "-o"]
    command += [str(trace), sys.executable, "-m", "facilitator", "--self-test"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)}
    server = None
    if not audio_probe.missing_tools():
        server = audio_probe.PulseServer(tmp_path / "pulse")
        server.start()
        env.update(server.env)
    try:
        result = subprocess.run(
            command, env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
        )
    finally:
        if server is not None:
            server.stop()
    if not trace.exists() or "Operation not permitted" in result.stderr:
        pytest.skip(f"strace cannot trace here: {result.stderr.strip()[:200]}")
    text = trace.read_text()
    assert "windows: ok" in result.stdout, result.stdout + result.stderr[-2000:]
    families = set(re.findall(r"socket\((AF_[A-Z0-9]+|PF_[A-Z0-9]+)", text))
    families |= set(re.findall(r"sa_family=(AF_[A-Z0-9]+)", text))
    assert families, f"strace saw no socket at all; is it tracing?\n{text[:2000]}"
    assert families <= ALLOWED_FAMILIES, f"non-local sockets: {families - ALLOWED_FAMILIES}"


# --- (b) user text is never markup -------------------------------------------------------------


def _write(path: Path, document: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")


def markup_library(user_data_dir: Path) -> None:
    """A structure and a question set whose texts are markup, and a broken file named so."""
    structure = json.loads((BUILTIN / "structures" / "liquid-courage.json").read_text())
    structure["id"] = "markup-test"
    structure["title"] = {"en": MARKUP}
    structure["default_questions"] = {"en": "markup-questions"}
    first = structure["steps"][0]
    first["title"] = {"en": MARKUP}
    first["notes"] = {"en": MARKUP}
    library = user_data_dir / "library"
    _write(library / "structures" / "markup-test.json", structure)
    _write(
        library / "question-sets" / "markup-questions.json",
        {
            "schema_version": 1,
            "type": "question_set",
            "id": "markup-questions",
            "language": "en",
            "title": MARKUP,
            "structures": ["markup-test"],
            "questions": [MARKUP],
        },
    )
    (library / "structures" / f"{FILE_MARKUP}.json").write_text("{ not json", encoding="utf-8")


def shown_texts(widgets: list[QWidget]) -> list[tuple[QWidget, str]]:
    """(widget, text) for every widget that shows a text to the reader."""
    shown = []
    for widget in widgets:
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            shown.append((widget, widget.text()))
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            shown.append((widget, widget.toPlainText()))
    return shown


def assert_never_markup(widgets: list[QWidget]) -> int:
    """Every widget showing the markup shows it literally; how many show it."""
    showing = 0
    for widget, text in shown_texts(widgets):
        if isinstance(widget, QLabel):
            if "<b>x" in text:
                assert widget.textFormat() is Qt.TextFormat.PlainText, (widget, text)
            elif widget.textFormat() is not Qt.TextFormat.PlainText:
                # A rich-text label may only hold our own words: never the typed markup
                # (which would show as "x" in bold and an image, the text gone).
                plain = QTextDocument()
                plain.setHtml(text)
                assert "<img src=x>" not in plain.toPlainText()
        if MARKUP in text or FILE_MARKUP in text:
            showing += 1
        assert "<b>x</b>" not in widget.toolTip(), f"a tooltip shows markup: {widget}"
    return showing


def test_user_text_is_shown_as_typed_everywhere(qtbot, user_data_dir: Path) -> None:
    markup_library(user_data_dir)
    harness = build_harness(qtbot)
    app = harness.app

    # Notices: the broken file's name in the load problem, shown plainly.
    notices = "\n".join(app.notices.texts())
    assert FILE_MARKUP in notices
    app.notices.post(f"A notice about {MARKUP}")

    # The run: the card and the console (title, step, notes).
    assert app.start_run("markup-test", language="en")
    app.run.start()
    painted = harness.card_texts()
    assert any(MARKUP in text for text in painted), painted
    page = app.run_page
    assert MARKUP in page.title.text()
    assert MARKUP in page.notes.text()
    app.console.show()
    qtbot.waitExposed(app.console)
    showing = assert_never_markup(app.console.findChildren(QWidget))
    assert showing >= 4, "the console should show the markup in several places"

    # The editor, on the same structure and its questions.
    editor = app.library_actions.edit("structure", "markup-test")
    assert editor is not None
    qtbot.addWidget(editor)
    fields = [w.text() for w in editor.findChildren(QLineEdit)]
    assert MARKUP in fields, "the title field shows the text as typed"
    assert_never_markup(editor.findChildren(QWidget))
    sets = app.library_actions.edit("question_set", "markup-questions")
    assert sets is not None
    qtbot.addWidget(sets)
    typed = [w.toPlainText() for w in sets.findChildren(QPlainTextEdit)]
    typed += [w.text() for w in sets.findChildren(QLineEdit)]
    assert MARKUP in typed
    assert_never_markup(sets.findChildren(QWidget))

    # Every window the app has open now.
    assert_never_markup(list(QApplication.allWidgets()))


def test_the_exported_sheet_escapes_user_text(user_data_dir: Path) -> None:
    markup_library(user_data_dir)
    library = load_library()
    structure = library.structure("markup-test")
    markdown = structure_sheet_markdown(structure, library.question_set("markup-questions"), "en")
    # No "<" or "&" that a Markdown renderer could read as HTML: each one is escaped.
    assert not re.search(r"(?<!\\)[<&]", markdown), markdown
    document = QTextDocument()
    document.setMarkdown(markdown)
    shown = document.toPlainText()
    assert shown.count(MARKUP) >= 3, shown  # the title, the step and the question at least


def test_an_error_message_names_the_file_as_typed(tmp_path: Path) -> None:
    path = tmp_path / f"{FILE_MARKUP}.json"
    path.write_text("[", encoding="utf-8")
    with pytest.raises(DocumentError) as raised:
        load_document(path)
    assert FILE_MARKUP in str(raised.value)


# --- (c) size caps and validation before use ---------------------------------------------------


def _json_of_size(size: int) -> bytes:
    skeleton = b'{"padding": ""}'
    data = b'{"padding": "' + b"x" * (size - len(skeleton)) + b'"}'
    assert len(data) == size
    return data


def test_a_document_of_exactly_one_megabyte_is_read_and_one_byte_more_is_refused(
    tmp_path: Path,
) -> None:
    at_limit = tmp_path / "at-limit.json"
    at_limit.write_bytes(_json_of_size(files.MAX_FILE_BYTES))
    assert files.read_json(at_limit)["padding"].startswith("x")
    over = tmp_path / "over.json"
    over.write_bytes(_json_of_size(files.MAX_FILE_BYTES + 1))
    with pytest.raises(DocumentError, match="larger than 1024 KB"):
        files.read_json(over)


def test_an_oversized_import_is_refused_before_anything_is_written(
    tmp_path: Path, user_data_dir: Path
) -> None:
    document = json.loads((BUILTIN / "structures" / "liquid-courage.json").read_text())
    document["id"] = "too-big"
    text = json.dumps(document, indent=2)
    padded = tmp_path / "too-big.json"
    padded.write_text(text + " " * (files.MAX_FILE_BYTES + 1 - len(text)), encoding="utf-8")
    assert padded.stat().st_size == files.MAX_FILE_BYTES + 1
    with pytest.raises(DocumentError, match="larger than"):
        import_file(padded, load_library())
    assert not (user_data_dir / "library").exists() or not list(
        (user_data_dir / "library").rglob("too-big*")
    )
    # One byte less and the same document is imported.
    padded.write_text(text + " " * (files.MAX_FILE_BYTES - len(text)), encoding="utf-8")
    assert import_file(padded, load_library()).item.id == "too-big"


def _wav_of_size(path: Path, size: int, *, rate: int = 48_000, channels: int = 2) -> Path:
    """A valid 16-bit PCM WAV file of exactly `size` bytes (a quiet tone)."""
    header = 44
    frame = 2 * channels
    frames = (size - header) // frame
    with wave.open(str(path), "wb") as wav_file:
        wav_file.setnchannels(channels)
        wav_file.setsampwidth(2)
        wav_file.setframerate(rate)
        sample = round(1000 * math.sin(0.1))
        wav_file.writeframes(sample.to_bytes(2, "little", signed=True) * channels * frames)
    with path.open("ab") as extra:  # any remainder: padding after the data, as some tools write
        extra.write(b"\0" * (size - path.stat().st_size))
    assert path.stat().st_size == size
    return path


def test_a_sound_of_exactly_five_megabytes_is_used_and_one_byte_more_is_refused(
    tmp_path: Path,
) -> None:
    limit = sound_files.MAX_BYTES
    info = sound_files.check_sound_file(_wav_of_size(tmp_path / "at-limit.wav", limit))
    assert info.seconds < sound_files.MAX_SECONDS
    over = _wav_of_size(tmp_path / "over.wav", limit + 1)
    with pytest.raises(sound_files.SoundFileError, match="the limit is 5 MB"):
        sound_files.check_sound_file(over)


def test_a_participant_list_is_capped_too(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    body = b"".join(f"Person {number:06d}\n".encode() for number in range(80_000))
    body = body[: body.rindex(b"\n", 0, PARTICIPANTS_MAX_BYTES) + 1]
    names.write_bytes(body + b"Z" * (PARTICIPANTS_MAX_BYTES - len(body)))
    assert names.stat().st_size == PARTICIPANTS_MAX_BYTES
    assert read_participants(names).names
    names.write_bytes(names.read_bytes() + b"y")
    with pytest.raises(ParticipantsError, match="larger than"):
        read_participants(names)


# --- (d) nothing executed, no path outside the user library ------------------------------------


@pytest.mark.parametrize(
    "bad_id",
    ["../../etc/passwd", "..", "a/b", "a\\b", "/etc/passwd", "~root", "C:", "", "A", "x" * 65],
)
def test_ids_that_could_be_paths_are_refused(bad_id: str, tmp_path: Path) -> None:
    assert not ID_PATTERN.match(bad_id)
    document = json.loads((BUILTIN / "structures" / "liquid-courage.json").read_text())
    document["id"] = bad_id
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DocumentError, match="id"):
        load_document(path)
    before = sorted(p.name for p in tmp_path.parent.iterdir())
    with pytest.raises(DocumentError):
        import_file(path, load_library())
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == before


def test_every_valid_id_stays_inside_the_user_library(tmp_path: Path) -> None:
    library = load_library()
    user_dir = (tmp_path / "library").resolve()
    for item in [*library.structures(), *library.question_sets()]:
        path = user_path_for(item, user_dir).resolve()
        assert user_dir in path.parents


def test_a_saved_session_naming_a_path_is_not_resumed(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    record = {
        "record_version": 1,
        "spec": {"kind": "structure", "item_id": "../../etc/passwd", "language": "en"},
        "title": "x",
        "segment_count": 1,
        "saved_at": 0,
        "sequencer": {"state": "running"},
    }
    store.path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(SessionRecordError):
        store.load()


def test_a_sound_preference_is_a_bell_none_or_the_users_own_file(tmp_path: Path) -> None:
    (tmp_path / "preferences.json").write_text(
        json.dumps({"sound": {"sounds": {"step_start": "../../etc/passwd"}}}), encoding="utf-8"
    )
    preferences, problems = load_preferences(tmp_path)
    assert problems
    assert "file:PATH" in str(problems[0])
    assert preferences.sound.sound_for("step_start") == "tingsha"


def test_a_chosen_file_that_is_no_wav_is_never_played(qapp, tmp_path: Path) -> None:
    """A `file:` sound is the facilitator's own choice; even so it is only read as a WAV."""
    not_a_sound = tmp_path / "script.sh"
    not_a_sound.write_text("#!/bin/sh\necho owned\n", encoding="utf-8")
    not_a_sound.chmod(0o755)
    chosen = Preferences().with_sound(sounds={"step_start": f"file:{not_a_sound}"})
    player = FakeBellPlayer()
    problems: list[str] = []
    model = PreferencesModel(chosen, persist=False)
    router = CueRouter(RunModel(), model, player)
    router.soundProblem.connect(problems.append)
    router.apply_sounds(model.value.sound)  # as on every preferences change
    assert not_a_sound not in player.sounds.values()
    assert router.sound_problems
    assert "not a WAV file" in router.sound_problems[0]


def _imports() -> list[tuple[str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(str(path.relative_to(REPO_ROOT)), a.name) for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.append((str(path.relative_to(REPO_ROOT)), node.module))
    return found


RUNS_PROGRAMS = {"facilitator/platform/translations.py"}
"""Runs Qt's own `lrelease` (from the PySide6 package) on the app's own translation sources,
in a developer checkout only; never with user data (docs/security.md)."""
OPENS_ITS_LOG_FOLDER = {"facilitator/controllers/help_menu.py"}
"""Help > Open the log folder: the one thing the app asks the system to open, a local folder
it names itself (QUrl.fromLocalFile), never a link from data (docs/security.md)."""


CALLS_THE_SYSTEM = {
    "facilitator/core/timing/clock.py",
    "facilitator/platform/keep_awake_native.py",
}
"""Call the operating system through ctypes, with fixed arguments (docs/security.md): the
Windows run clock reads kernel32's interrupt time (the clock that counts through sleep), and
the screen is kept on during a session (XScreenSaverSuspend, SetThreadExecutionState,
IOPMAssertionCreateWithName). No data reaches them."""


def test_the_package_never_executes_data() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = str(path.relative_to(REPO_ROOT))
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                function = node.func
                if isinstance(function, ast.Name) and function.id in {
                    "eval",
                    "exec",
                    "compile",
                    "__import__",
                    "breakpoint",
                }:
                    offenders.append(f"{name}:{node.lineno} calls {function.id}()")
                os_call = (
                    isinstance(function, ast.Attribute)
                    and isinstance(function.value, ast.Name)
                    and function.value.id == "os"
                    and function.attr.startswith(("system", "popen", "exec", "spawn", "startfile"))
                )
                if os_call or (
                    isinstance(function, ast.Attribute)
                    and function.attr
                    in {"import_module", "openUrl", "setOpenExternalLinks", "startDetached"}
                ):
                    offenders.append(f"{name}:{node.lineno} calls .{function.attr}()")
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "openUrl"
                and name not in OPENS_ITS_LOG_FOLDER
            ):
                offenders.append(f"{name}:{node.lineno} refers to .openUrl")
    for name, module in _imports():
        top = module.split(".")[0]
        if top == "ctypes" and name in CALLS_THE_SYSTEM:
            continue
        if top in {"pickle", "marshal", "shelve", "yaml", "dill", "ctypes", "runpy", "code"}:
            offenders.append(f"{name} imports {module}")
        if top == "subprocess" and name not in RUNS_PROGRAMS:
            offenders.append(f"{name} imports subprocess")
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    if "QProcess" in source:
        offenders.append("QProcess is used")
    assert not offenders, "\n".join(offenders)


def test_the_log_folder_is_the_only_thing_opened_and_it_is_a_local_folder() -> None:
    for name in OPENS_ITS_LOG_FOLDER:
        source = (REPO_ROOT / name).read_text(encoding="utf-8")
        opened = [
            node
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "open_url"
        ]
        assert len(opened) == 1
        (argument,) = opened[0].args
        assert isinstance(argument, ast.Call)
        assert ast.unparse(argument.func) == "QUrl.fromLocalFile"
        assert ast.unparse(argument.args[0]) == "str(folder)"
