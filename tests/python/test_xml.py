"""XML import and export of a referential from Python: bytes, files (str and pathlib.Path),
streams (binary and text file objects, callables), progress and cancellation, exceptions
raised in callbacks, and import failures carrying every diagnostic.

Run with PYTHONPATH=<build>/bindings/python python3 -m pytest tests/python/test_xml.py
"""

import io
import pathlib

import pytest

import snplp
from snplp import Referential

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "xml"


class Boom(Exception):
    pass


@pytest.fixture(scope="module")
def builtin():
    return Referential.builtin()


@pytest.fixture(scope="module")
def document(builtin):
    return builtin.to_bytes()


@pytest.fixture
def small():
    return (FIXTURES / "valid-minimal.xml").read_bytes()


# ---- bytes ------------------------------------------------------------------------------------


def test_bytes_round_trip(builtin, document):
    assert isinstance(document, bytes)
    assert document.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert b'xmlns="urn:snplp:1.0"' in document
    assert builtin.to_bytes() == document  # deterministic
    back = Referential.from_bytes(document)
    assert back == builtin and back is not builtin
    assert back.import_diagnostics == []
    assert back.to_bytes() == document
    assert Referential.from_bytes(bytearray(document)) == builtin
    assert Referential.from_bytes(memoryview(document)) == builtin


def test_bytes_type_errors(document):
    with pytest.raises(TypeError):
        Referential.from_bytes(document.decode("utf-8"))
    with pytest.raises(TypeError):
        Referential.from_bytes(None)
    with pytest.raises(TypeError):
        Referential.from_bytes(document, name=3)
    with pytest.raises(TypeError):
        Referential.from_bytes(document, progress="not callable")


def test_strict_import(document):
    assert Referential.from_bytes(document, strict=True) == Referential.from_bytes(document)
    ref = Referential.from_file(FIXTURES / "valid-complete.xml", strict=True)
    assert ref.import_diagnostics == [] and len(ref) > 2
    with pytest.raises(snplp.ParseError) as e:
        Referential.from_file(FIXTURES / "several-problems.xml", strict=True)
    names = [d.name for d in e.value.diagnostics]
    assert names.count("schema") == 4 and len(names) == 8  # libxml2's second opinion


def test_imports_in_threads(builtin, document):
    """The GIL is released during an import: threads import at the same time."""
    import threading

    results, errors = [], []

    def work():
        try:
            for _ in range(3):
                results.append(Referential.from_bytes(document))
                results[-1].search("insertion")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(results) == 12
    assert all(r == builtin for r in results)


# ---- files ------------------------------------------------------------------------------------


def test_file_round_trip(builtin, document, tmp_path):
    path = tmp_path / "ref.xml"
    builtin.to_file(path)  # a pathlib.Path
    assert path.read_bytes() == document
    assert Referential.from_file(path) == builtin
    other = tmp_path / "other.xml"
    builtin.to_file(str(other))  # a str
    assert Referential.from_file(str(other)) == builtin
    builtin.to_file(path)  # replaces the file
    assert path.read_bytes() == document


def test_file_errors(builtin, tmp_path):
    with pytest.raises(snplp.InputOutputError) as e:
        Referential.from_file(tmp_path / "missing.xml")
    assert isinstance(e.value, OSError) and e.value.message
    with pytest.raises(snplp.InputOutputError):
        builtin.to_file(tmp_path / "no-such-dir" / "ref.xml")
    with pytest.raises(TypeError):
        Referential.from_file(None)
    with pytest.raises(TypeError):
        builtin.to_file(None)


# ---- streams ----------------------------------------------------------------------------------


def test_binary_streams(builtin, document):
    out = io.BytesIO()
    builtin.to_stream(out)
    assert out.getvalue() == document
    back = Referential.from_stream(io.BytesIO(document))
    assert back == builtin


def test_text_streams(builtin, document):
    out = io.StringIO()
    builtin.to_stream(out)
    assert out.getvalue() == document.decode("utf-8")
    back = Referential.from_stream(io.StringIO(out.getvalue()))
    assert back == builtin


def test_real_files(builtin, document, tmp_path):
    path = tmp_path / "ref.xml"
    with open(path, "wb") as f:
        builtin.to_stream(f)
    with open(path, "rb") as f:
        assert Referential.from_stream(f) == builtin
    with open(path, "w", encoding="utf-8") as f:
        builtin.to_stream(f)
    assert path.read_bytes() == document
    with open(path, encoding="utf-8") as f:
        assert Referential.from_stream(f) == builtin


def test_callables(builtin, document, small):
    pieces = []
    builtin.to_stream(pieces.append)
    assert b"".join(pieces) == document
    view = io.BytesIO(document)
    sizes = []

    def read(size):
        sizes.append(size)
        return view.read(size)

    assert Referential.from_stream(read) == builtin
    assert sizes and all(s > 0 for s in sizes)
    # one byte at a time is fine
    data = io.BytesIO(small)
    ref = Referential.from_stream(lambda size: data.read(1))
    assert ref.commitments.ids() == ["commitment-a"]


def test_stream_type_errors(builtin):
    with pytest.raises(TypeError):
        Referential.from_stream(None)
    with pytest.raises(TypeError):
        Referential.from_stream(b"<referential/>")  # bytes: use from_bytes
    with pytest.raises(TypeError):
        builtin.to_stream(None)
    with pytest.raises(TypeError):
        builtin.to_stream("out.xml")
    with pytest.raises(TypeError):
        Referential.from_stream(lambda size: 42)  # read must return bytes


def test_exception_in_read_propagates(small):
    calls = []

    def read(size):
        calls.append(size)
        if len(calls) > 1:
            raise Boom("read")
        return small[:20]

    with pytest.raises(Boom, match="read"):
        Referential.from_stream(read)
    with pytest.raises(Boom):
        Referential.from_stream(lambda size: (_ for _ in ()).throw(Boom()))


def test_exception_in_write_propagates(builtin):
    calls = []

    def write(data):
        calls.append(len(data))
        raise Boom("write")

    with pytest.raises(Boom, match="write"):
        builtin.to_stream(write)
    assert len(calls) == 1  # nothing more is written after a failure

    class Broken(io.RawIOBase):
        def writable(self):
            return True

        def write(self, data):
            raise Boom("file")

    with pytest.raises(Boom, match="file"):
        builtin.to_stream(Broken())


def test_partial_writes_are_completed(builtin, document):
    class Trickle(io.RawIOBase):
        def __init__(self):
            self.data = bytearray()

        def writable(self):
            return True

        def write(self, data):
            self.data += bytes(data[:3])
            return min(3, len(data))

    out = Trickle()
    builtin.to_stream(out)
    assert bytes(out.data) == document


# ---- progress -----------------------------------------------------------------------------------


def test_progress(document, tmp_path):
    path = tmp_path / "ref.xml"
    path.write_bytes(document)
    seen = []
    ref = Referential.from_file(path, progress=lambda done, total: seen.append((done, total)))
    assert len(ref) == 157  # a callable returning None goes on
    assert seen and seen[-1] == (len(document), len(document))
    assert all(t == len(document) for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    seen.clear()
    Referential.from_stream(io.BytesIO(document), progress=lambda d, t: seen.append(t) or True)
    assert seen and set(seen) == {0}  # the total of a stream is not known


def test_progress_cancel(document):
    calls = []

    def cancel(done, total):
        calls.append(done)
        return False

    with pytest.raises(snplp.InputOutputError) as e:
        Referential.from_bytes(document, progress=cancel)
    assert len(calls) == 1
    assert [d.name for d in e.value.diagnostics] == ["io"]
    assert e.value.diagnostics[0].code == 201 and e.value.diagnostics[0].severity == "error"


def test_exception_in_progress_propagates(document):
    def progress(done, total):
        raise Boom("progress")

    with pytest.raises(Boom, match="progress"):
        Referential.from_bytes(document, progress=progress)


# ---- import failures and warnings ----------------------------------------------------------


def test_parse_error_carries_every_diagnostic():
    path = FIXTURES / "several-problems.xml"
    with pytest.raises(snplp.ParseError) as e:
        Referential.from_file(path)
    err = e.value
    assert err.status == snplp._core.SNPLP_EPARSE and err.status_name == "SNPLP_EPARSE"
    found = [(d.code, d.name, d.line) for d in err.diagnostics]
    assert found == [
        (213, "unknown-attribute", 4),
        (215, "bad-value", 6),
        (217, "bad-id", 7),
        (212, "missing-element", 8),
    ]
    for d in err.diagnostics:
        assert isinstance(d, snplp.Diagnostic)
        assert d.severity == "error" and d.column > 0 and d.message
        assert str(d).startswith(f"{d.line}:{d.column}: error: [{d.name}]")
    assert [d.column for d in err.diagnostics] == [44, 55, 49, 37]
    assert err.message.startswith(f"{path}:4:44: ")  # the library's message: the first error
    # the same from memory and from a stream, with a name for the messages
    data = path.read_bytes()
    for load, name in ((lambda: Referential.from_bytes(data, name="mine.xml"), "mine.xml"),
                       (lambda: Referential.from_stream(io.BytesIO(data)), "(input)")):
        with pytest.raises(snplp.ParseError) as again:
            load()
        assert [(d.code, d.line, d.column) for d in again.value.diagnostics] == [
            (d.code, d.line, d.column) for d in err.diagnostics]
        assert again.value.message.startswith(f"{name}:4:44: ")


def test_not_well_formed():
    with pytest.raises(snplp.ParseError) as e:
        Referential.from_file(FIXTURES / "mismatched-tags.xml")
    assert [d.name for d in e.value.diagnostics] == ["not-well-formed"]
    assert e.value.diagnostics[0].line == 4
    with pytest.raises(snplp.ParseError):
        Referential.from_bytes(b"")
    with pytest.raises(snplp.ParseError) as e:
        Referential.from_file(FIXTURES / "hostile-billion-laughs.xml")
    assert e.value.diagnostics[0].name == "doctype"


def test_validation_error_carries_item_ids():
    with pytest.raises(snplp.ValidationError) as e:
        Referential.from_file(FIXTURES / "dangling-reference.xml")
    d, = e.value.diagnostics
    assert (d.code, d.name, d.line, d.item_id, d.severity) == (
        104, "dangling-reference", 5, "module-a", "error")
    assert d.column > 0 and "module-nowhere" in d.message


def test_keep_invalid_reads_back_a_draft_breaking_a_rule(tmp_path):
    """A module of 6.5 days under a plan of 5 exports; keep_invalid=True reads it back."""
    ref = Referential.from_file(FIXTURES / "dangling-reference.xml", keep_invalid=True)
    d, = ref.import_diagnostics
    assert (d.name, d.severity, d.item_id) == ("dangling-reference", "error", "module-a")
    ref = Referential.from_file(FIXTURES / "duration-over-max.xml", keep_invalid=True)
    assert [d.name for d in ref.import_diagnostics] == ["duration-over-max"]
    data = ref.to_bytes()
    with pytest.raises(snplp.ValidationError):
        Referential.from_bytes(data)
    for back in (Referential.from_bytes(data, keep_invalid=True),
                 Referential.from_stream(io.BytesIO(data), keep_invalid=True),
                 Referential.from_bytes(data, keep_invalid=True, strict=True)):
        assert back == ref and back.to_bytes() == data
        assert [d.name for d in back.import_diagnostics] == ["duration-over-max"]
    # what the model cannot hold is still refused
    with pytest.raises(snplp.ValidationError):
        Referential.from_file(FIXTURES / "duplicate-id.xml", keep_invalid=True)
    with pytest.raises(snplp.ParseError):
        Referential.from_file(FIXTURES / "mismatched-tags.xml", keep_invalid=True)


def test_warnings_of_a_successful_import():
    ref = Referential.from_file(FIXTURES / "not-nfc.xml")
    w, = ref.import_diagnostics
    assert (w.code, w.name, w.severity, w.line) == (240, "text-normalized", "warning", 4)
    assert ref.commitments[0].title == "l'égalité des chances"
    assert ref.validate() == []


def test_extensions_survive_the_round_trip():
    ref = Referential.from_file(FIXTURES / "valid-extensions.xml")
    assert ref.strategy.foreign_attributes == [("urn:example:ext", "ext", "source", "gazette")]
    assert ref.strategy.extensions == ['<ext:note xmlns:ext="urn:example:ext">A</ext:note>']
    c = ref.commitments["commitment-a"]
    assert [a.name for a in c.foreign_attributes] == ["priority", "region", "lang"]
    assert len(c.extensions) == 2 and c.extensions[1].startswith("<geo:point")
    assert ref.find("content-b").extensions == ['<ext:c xmlns:ext="urn:example:ext"/>']
    assert Referential.from_bytes(ref.to_bytes()) == ref
