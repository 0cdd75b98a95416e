"""A journaled letter as an e-mail draft: an ``.eml`` file the user's mail client opens as a
message ready to send, with the letter attached.

``X-Unsent: 1`` makes Outlook (and Windows Mail) open the file as a draft with a Send button;
Thunderbird opens it with «Rediger som ny». The attachment is the journaled bytes, checked
against their SHA-256 (or the PDF made from them), so what is mailed is what is on the case.
A ``mailto:`` address is the fallback where no client takes ``.eml`` files; it cannot carry an
attachment, so the user attaches the saved file by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from typing import Literal
from urllib.parse import quote

from sqlmodel import Session

from tillitsvalgt.errors import StateError
from tillitsvalgt.rules.deadlines import format_date
from tillitsvalgt.services._common import get_or_fail
from tillitsvalgt.services.documents import document_content, get_document
from tillitsvalgt.shapes import RepresentativeRead
from tillitsvalgt.tables import Case, Employer

LanguageForm = Literal["nb", "nn"]

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
PDF_TYPE = ("application", "pdf")

# The body's sentences per written form, so a nynorsk letter is not sent with a bokmål body.
_PHRASES: dict[LanguageForm, dict[str, str]] = {
    "nb": {
        "greeting": "Hei,",
        "attached": "Vedlagt følger {title} (vår ref. {number}).",
        "reply_by": "Vi ber om svar innen {date}.",
        "closing": "Med vennlig hilsen",
    },
    "nn": {
        "greeting": "Hei,",
        "attached": "Vedlagt følgjer {title} (vår ref. {number}).",
        "reply_by": "Vi ber om svar innan {date}.",
        "closing": "Med venleg helsing",
    },
}


def letter_form_of(content: bytes) -> LanguageForm:
    """The written form a journaled letter is in: ``nn`` when its document language is
    nynorsk (nn-NO), else ``nb``. A file that is not a readable .docx counts as bokmål."""
    import io
    import re
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            core = z.read("docProps/core.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        return "nb"
    found = re.search(r"<dc:language>([^<]*)</dc:language>", core)
    return "nn" if found and found.group(1).strip().lower().startswith("nn") else "nb"


@dataclass(frozen=True)
class EmailDraft:
    message: bytes  # the .eml file
    to: str | None  # the employer's contact address, when the register has one
    subject: str
    body: str
    attachment_name: str

    def mailto(self) -> str:
        """The ``mailto:`` fallback (RFC 6068): address, subject and body, no attachment."""
        query = f"subject={quote(self.subject)}&body={quote(self.body)}"
        return f"mailto:{quote(self.to or '', safe='@')}?{query}"


def _body(
    title: str,
    number: str,
    reply_by: str | None,
    sender: RepresentativeRead | None,
    form: LanguageForm,
) -> str:
    words = _PHRASES[form]
    lines = [words["greeting"], "", words["attached"].format(title=title, number=number)]
    if reply_by:
        lines.append(words["reply_by"].format(date=reply_by))
    lines += ["", words["closing"]]
    if sender is not None:
        lines.append(sender.name)
        lines += [x for x in (sender.role, sender.branch, sender.phone) if x]
    return "\n".join(lines) + "\n"


def letter_email(
    document_id: int,
    *,
    session: Session,
    now: datetime,
    sender: RepresentativeRead | None = None,
    form: LanguageForm | None = None,
    pdf: bytes | None = None,
) -> EmailDraft:
    """The draft for a journaled letter to the employer. ``pdf`` (made by the caller from the
    journaled bytes) is attached instead of the Word file when given. ``form`` None: the
    body is in the letter's own written form (the language the .docx is stamped with)."""
    doc = get_document(document_id, session=session)
    if doc.direction != "ut":
        raise StateError(
            f"Dokument {doc.number} er ikke et utgående brev; bare brev fra deg kan sendes "
            "som e-post herfra."
        )
    content = document_content(document_id, session=session)
    if form is None:
        form = letter_form_of(content)
    case = get_or_fail(session, Case, doc.case_id, "saken")
    employer = get_or_fail(session, Employer, case.employer_id, "virksomheten")

    stem = doc.number.replace("/", "-")
    if pdf is not None:
        data, (main, sub), name = pdf, PDF_TYPE, f"{stem}.pdf"
    else:
        data, (main, sub), name = content, DOCX_TYPE, f"{stem}.docx"

    subject = doc.title
    reply_by = format_date(doc.reply_by) if doc.reply_by else None
    body = _body(doc.title, doc.number, reply_by, sender, form)

    message = EmailMessage()
    message["X-Unsent"] = "1"
    to = employer.contact_email.strip() if employer.contact_email else None
    if to:
        message["To"] = formataddr((employer.contact_name or "", to))
    if sender is not None and sender.email:
        message["From"] = formataddr((sender.name, sender.email))
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain="tillitsvalgt.invalid")
    message.set_content(body)
    message.add_attachment(data, maintype=main, subtype=sub, filename=name)
    # After the parts are made: set_content drops every Content-* header set before it.
    message["Content-Language"] = "nn-NO" if form == "nn" else "nb-NO"
    return EmailDraft(
        message=message.as_bytes(),
        to=to,
        subject=subject,
        body=body,
        attachment_name=name,
    )
