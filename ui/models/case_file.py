"""Table models for a case's timeline and journal (one model per list, named columns)."""

from __future__ import annotations

from tillitsvalgt.shapes import DocumentRead, EventRead
from tillitsvalgt.vocabulary import DIRECTIONS, EVENT_KINDS, LETTER_KINDS
from ui.i18n import QT_TR_NOOP, tr
from ui.models.list_model import ListModel, short_date

EV_DATE, EV_KIND, EV_PARTICIPANTS, EV_NOTES = range(4)
EVENT_HEADERS = {
    EV_DATE: QT_TR_NOOP("Dato"),
    EV_KIND: QT_TR_NOOP("Hendelse"),
    EV_PARTICIPANTS: QT_TR_NOOP("Deltakere"),
    EV_NOTES: QT_TR_NOOP("Notat"),
}

DOC_NUMBER, DOC_DATE, DOC_TITLE, DOC_DIRECTION, DOC_STATE = range(5)
DOCUMENT_HEADERS = {
    DOC_NUMBER: QT_TR_NOOP("Ref."),
    DOC_DATE: QT_TR_NOOP("Dato"),
    DOC_TITLE: QT_TR_NOOP("Tittel"),
    DOC_DIRECTION: QT_TR_NOOP("Retning"),
    DOC_STATE: QT_TR_NOOP("Status"),
}


class EventTableModel(ListModel):
    headers = EVENT_HEADERS

    def cell(self, item: EventRead, column: int) -> str | None:
        if column == EV_DATE:
            return short_date(item.occurred_on)
        if column == EV_KIND:
            text = tr(EVENT_KINDS.get(item.kind, item.kind))
            if item.letter_kind:
                text += f": {tr(LETTER_KINDS.get(item.letter_kind, item.letter_kind))}"
            if item.signed_by_both is not None:
                text += " (signert av begge)" if item.signed_by_both else " (ikke signert av begge)"
            return text
        if column == EV_PARTICIPANTS:
            return item.participants or ""
        if column == EV_NOTES:
            return item.notes or ""
        return None


class DocumentTableModel(ListModel):
    headers = DOCUMENT_HEADERS

    def cell(self, item: DocumentRead, column: int) -> str | None:
        if column == DOC_NUMBER:
            return item.number
        if column == DOC_DATE:
            return short_date(item.dated)
        if column == DOC_TITLE:
            return item.title
        if column == DOC_DIRECTION:
            return tr(DIRECTIONS.get(item.direction, item.direction))
        if column == DOC_STATE:
            return f"Sendt {short_date(item.sent_on)}" if item.sent_on else "Utkast"
        return None
