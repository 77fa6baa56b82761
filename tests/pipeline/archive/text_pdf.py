"""Born-digital PDFs for the archive tests: each page's text drawn in Helvetica (WinAnsi), so that
greffe reads it from the text layer and no OCR runs (a port of tests/pdf_maker.h's text_pdf)."""

import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
FIXTURES = os.path.join(ROOT, "fixtures")


def _win_ansi(text):
    out = bytearray()
    for ch in text:
        special = {"œ": 0x9C, "Œ": 0x8C, "’": 0x92, "€": 0x80, "–": 0x96, "—": 0x96, "…": 0x85}
        code = special.get(ch, ord(ch))
        if code > 0xFF:
            code = ord("?")
        if code in (ord("("), ord(")"), ord("\\")):
            out += b"\\"
        out.append(code)
    return bytes(out)


def text_pdf(pages):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for text in pages:
        content = b"BT /F1 9 Tf 11 TL 40 800 Td\n"
        lines = 0
        for line in text.split("\n"):
            if lines >= 70:
                break
            while True:
                cut = len(line)
                if cut > 100:
                    cut = line.rfind(" ", 0, 100)
                    if cut <= 0:
                        cut = 100
                content += b"(" + _win_ansi(line[:cut]) + b") Tj T*\n"
                line = line[cut + 1:] if cut < len(line) else ""
                lines += 1
                if not line:
                    break
        content += b"ET\n"
        page_object = len(objects) + 1
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (page_object + 1))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream")
        kids.append(b"%d 0 R" % page_object)
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        pdf += b"%010d 00000 n \n" % offset
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)


def fixture_pages(name):
    """The pages of a fixture's clean ground truth (fixtures/NAME.clean.gt.txt)."""
    with open(os.path.join(FIXTURES, name + ".clean.gt.txt"), encoding="utf-8") as f:
        return [page for page in f.read().split("\f") if page.strip()]


FIXTURE_ACTS = ["000-scan-300dpi", "001-g4-200dpi", "002-faded-150dpi", "004-scan-200dpi"]


def write_fixture_archive(folder, copies=1, extra_pages=None):
    """FIXTURE_ACTS as born-digital PDFs under `folder` (copies of each in subfolders copy-K/)."""
    written = []
    for k in range(copies):
        sub = os.path.join(folder, "copy-%d" % k) if copies > 1 else folder
        os.makedirs(sub, exist_ok=True)
        for name in FIXTURE_ACTS:
            path = os.path.join(sub, name + ".pdf")
            with open(path, "wb") as f:
                f.write(text_pdf(fixture_pages(name)))
            written.append(path)
    for name, pages in (extra_pages or {}).items():
        path = os.path.join(folder, name + ".pdf")
        with open(path, "wb") as f:
            f.write(text_pdf(pages))
        written.append(path)
    return written
