"""The case summaries of the report's appendix made safe to print (pure: plain data in,
text out).

A representative writes (or accepts a proposed) short text about a case and marks it «ta
med i rapport». Before it is shown in the editor's preview and again when the report is
made, :func:`anonymise` takes out every person name the database knows (representatives,
employers' contacts, meeting participants), the employer's name when the report
generalises employers, and coarsens every date to its month. A name the app has never been
told about cannot be recognised; the editor says so, and the representative reads the text
before it goes in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tillitsvalgt import vocabulary
from tillitsvalgt.reports import wordlist
from tillitsvalgt.rules.deadlines import MONTHS

NAME_MARK = "[navn]"
EMPLOYER_MARK = "virksomheten"
EMAIL_MARK = "[e-post]"
PHONE_MARK = "[telefon]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Norwegian phone numbers: eight digits, grouped or not, with or without +47.
_PHONE = re.compile(
    r"(?<![\d-])(?:\+47[\s-]?)?\d{2}(?:[\s-]?\d{2}){3}(?![\d-])|(?<![\d-])(?:\+47[\s-]?)?\d{3}[\s-]?\d{2}[\s-]?\d{3}(?![\d-])"
)

_MONTH_ALTERNATIVES = "|".join(MONTHS)
_SHORT_MONTHS = {m[:3]: k for k, m in enumerate(MONTHS, start=1)}
_SHORT_ALTERNATIVES = "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des"

# A name part shorter than this is not taken out on its own (initials, «AS», «og»): it
# would blank out ordinary words, and the whole name is still taken out.
MIN_NAME_PART = 3
# Words that occur in names people type in participant lists but are not names.
_NOT_NAMES = frozenset(
    {
        "and",
        "fra",
        "for",
        "hos",
        "med",
        "leder",
        "hr",
        "hms",
        "verneombud",
        "hovedverneombud",
        "tillitsvalgt",
        "plasstillitsvalgt",
        "hovedtillitsvalgt",
        "arbeidsgiver",
        "direktør",
        "avdelingsdirektør",
        "seksjonssjef",
        "sjef",
        "rådgiver",
        "referent",
        "møteleder",
        "amu",
        "ikke",
        "til",
        "stede",
    }
)


def month_words(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Anonymised:
    text: str
    names_found: tuple[str, ...]  # the known names (or parts) that were taken out
    dates_coarsened: int
    # Capitalised words the app cannot place (not an ordinary word, not a known name): the
    # editor shows them to the representative before the summary may go in the report.
    unplaced: tuple[str, ...] = ()


@dataclass(frozen=True)
class NameIndex:
    """The known names prepared for matching: single name parts as a set of casefolded
    words (one dictionary look-up per word of the text, however many names the database
    holds), and the few whole names with a part too short to take out on its own."""

    words: dict[str, str]  # casefolded part -> the part as written
    phrases: tuple[tuple[str, re.Pattern[str]], ...]  # (name, its pattern)


def spellings(word: str) -> set[str]:
    """A name as it may also be written without Norwegian letters («Åse» → «Aase»,
    «Sæbø» → «Saebo», «Saeboe»), casefolded, composed (NFC)."""
    base = unicodedata.normalize("NFC", word).casefold()
    out = {base}
    for old, news in (("å", ("aa", "a")), ("æ", ("ae",)), ("ø", ("oe", "o")), ("é", ("e",))):
        for spelled in list(out):
            if old in spelled:
                out.update(spelled.replace(old, new) for new in news)
    return out


def name_index(names: Iterable[str]) -> NameIndex:
    words: dict[str, str] = {}
    phrases: list[str] = []
    for raw in names:
        for name in split_names(unicodedata.normalize("NFC", raw)):
            parts = [p.strip(".,;:()[]«»\"'") for p in re.split(r"[\s\-]+", name)]
            parts = [p for p in parts if p]
            for part in parts:
                if part.casefold() in _NOT_NAMES or len(part) < 2:
                    continue
                if len(part) < MIN_NAME_PART and not wordlist.available():
                    continue  # without a dictionary a two-letter part is too often a word
                for spelled in spellings(part):
                    words.setdefault(spelled, part)
            if any(len(p) < MIN_NAME_PART for p in parts) and len(parts) > 1:
                phrases.append(name)
    ordered = sorted(set(phrases), key=len, reverse=True)
    return NameIndex(
        words, tuple((p, re.compile(_word_pattern(p), re.IGNORECASE)) for p in ordered)
    )


def split_names(text: str | None) -> list[str]:
    """The names in a participant list such as «Kari Nordmann (HR), Ola Hansen og Per
    Berg»: roles in brackets dropped, split at commas, semicolons, line breaks and «og»."""
    if not text:
        return []
    text = re.sub(r"\([^)]*\)", " ", text)
    pieces = re.split(r"[,;\n/]|\s+og\s+|\s+and\s+|\s+&\s+", text)
    names = []
    for piece in pieces:
        piece = re.sub(r"\s+", " ", piece).strip(" .:-–")
        if len(piece) >= MIN_NAME_PART and piece.casefold() not in _NOT_NAMES:
            names.append(piece)
    return names


def _word_pattern(word: str) -> str:
    # \b does not treat æøå as word characters in every case; look around explicitly.
    return rf"(?<![\wÆØÅæøå]){re.escape(word)}(?![\wÆØÅæøå])"


_WORD = re.compile(r"[^\W\d_]+")  # a run of letters (any script)
# «den» before a date goes with it: «den 14. mars» becomes «i mars», not «den mars».
_DEN = r"(?:\b(den)\s+)?"
_DAY_MONTH_YEAR = re.compile(
    _DEN
    + rf"\b(\d{{1,2}})\.?\s*({_MONTH_ALTERNATIVES}|{_SHORT_ALTERNATIVES})\b"
    + r"\.?(?:\s+(\d{4}))?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(_DEN + r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b", re.IGNORECASE)
# «14.3.» (no year) and «14/3», «14/3-26», «01/03/2026», «3/14/2026» (month first when
# the day cannot be a month).
_DAY_MONTH_DOT = re.compile(_DEN + r"\b(\d{1,2})\.(\d{1,2})\.(?![\d])", re.IGNORECASE)
_SLASHED = re.compile(
    _DEN + r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:[-/.](\d{4}|\d{2}))?(?![\d/])", re.IGNORECASE
)
_ISO = re.compile(_DEN + r"\b(\d{4})-(\d{2})-(\d{2})\b", re.IGNORECASE)
# After these words a month reads on its own («innen mars 2026»); elsewhere it needs «i».
_TAKES_A_MONTH = frozenset(
    {"i", "innen", "fra", "til", "før", "etter", "på", "per", "siden", "medio", "primo",
     "ultimo", "midten", "av", "slutten", "starten", "begynnelsen", "om", "fram", "frem"}
)  # fmt: skip


def _with_preposition(match: re.Match[str], month: str) -> str:
    if match.group(1):  # «den 14. mars»
        return f"{'I' if match.group(1)[0].isupper() else 'i'} {month}"
    before = match.string[: match.start()].rstrip()
    last = re.findall(r"[^\W\d_]+$", before)
    if before and last and last[0].casefold() in _TAKES_A_MONTH:
        return month
    if not before or before.endswith((".", "!", "?", ":", "\n")):
        return f"I {month}"  # a sentence that began with the date
    return f"i {month}"


def coarsen_dates(text: str) -> tuple[str, int]:
    """Every date written with its day («14. mars 2026», «14.03.2026», «2026-03-14»,
    «den 14. mars») becomes its month («i mars 2026», «i mars»); after a word such as
    «innen» or «fra» the month stands alone."""
    count = 0

    def month_name(token: str) -> str:
        token = token.casefold().rstrip(".")
        if token in MONTHS:
            return token
        return MONTHS[_SHORT_MONTHS.get(token[:3], 1) - 1]

    def words(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        year = match.group(4)
        return _with_preposition(match, month_name(match.group(3)) + (f" {year}" if year else ""))

    def numeric(match: re.Match[str]) -> str:
        nonlocal count
        month = int(match.group(3))
        if not 1 <= month <= 12:
            return match.group(0)
        count += 1
        year = match.group(4)
        year = year if len(year) == 4 else f"20{year}"
        return _with_preposition(match, f"{MONTHS[month - 1]} {year}")

    def iso(match: re.Match[str]) -> str:
        nonlocal count
        month = int(match.group(3))
        if not 1 <= month <= 12:
            return match.group(0)
        count += 1
        return _with_preposition(match, f"{MONTHS[month - 1]} {match.group(2)}")

    def slashed(match: re.Match[str]) -> str:
        nonlocal count
        first, second = int(match.group(2)), int(match.group(3))
        if 1 <= second <= 12 and 1 <= first <= 31:
            month = second
        elif 1 <= first <= 12 and 13 <= second <= 31:
            month = first  # written month first (3/14/2026)
        else:
            return match.group(0)
        count += 1
        year = match.group(4)
        if year:
            year = year if len(year) == 4 else f"20{year}"
        return _with_preposition(match, MONTHS[month - 1] + (f" {year}" if year else ""))

    def day_month(match: re.Match[str]) -> str:
        nonlocal count
        day, month = int(match.group(2)), int(match.group(3))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return match.group(0)
        count += 1
        return _with_preposition(match, MONTHS[month - 1])

    text = _ISO.sub(iso, text)
    text = _NUMERIC.sub(numeric, text)
    text = _SLASHED.sub(slashed, text)
    text = _DAY_MONTH_DOT.sub(day_month, text)
    text = _DAY_MONTH_YEAR.sub(words, text)
    return text, count


ID_MARK = "[fødselsnummer]"
ADDRESS_MARK = "[adresse]"
COUNT_MARK = "[antall]"
# Any 11 digits, whole or as 6 + 5: a fødselsnummer or D-number whether or not its check
# digits are right (a typo must not let it through); python-stdnum names the valid ones.
_ID_NUMBER = re.compile(r"(?<![\d])(\d{6})[\s.]?(\d{5})(?![\d])")
_EMAIL_SPELLED = re.compile(
    r"[\w.+-]+\s*[\(\[]\s*(?:at|alfakrøll|krøllalfa)\s*[\)\]]\s*[\w-]+"
    r"(?:\.[\w-]+|\s*[\(\[]\s*dot\s*[\)\]]\s*[\w-]+)+",
    re.IGNORECASE,
)
_HEADCOUNT = re.compile(
    r"(?<![\w])(?:ca\.?\s*|om lag\s*|omkring\s*)?\d[\d\s.]*\s+"
    r"(?=(?:ansatte|årsverk|medarbeidere|tilsatte)\b)",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’]s)?")
# Words in employers' names that name no one in particular.
_GENERIC_EMPLOYER_WORDS = frozenset(
    {"as", "asa", "sa", "ba", "ans", "da", "hf", "iks", "kf", "nuf", "og", "i", "på", "for",
     "kommune", "fylkeskommune", "sparebank", "sparebanken", "bank", "banken", "stat",
     "statens", "direktorat", "direktoratet", "etat", "etaten", "helseforetak", "sykehus",
     "sykehuset", "universitet", "universitetet", "skole", "skolen", "gruppen", "konsern",
     "holding", "norge", "norsk", "norske", "avdeling", "the", "of"}
)  # fmt: skip
# Capitalised words the summaries use that are no one's name: sectors, months, acronyms.
_PLACED = frozenset(
    {"amu", "hms", "hr", "it", "ikt", "nav", "ks", "lo", "nho", "ys", "unio", "akademikerne",
     "spekter", "virke", "hovedavtalen", "arbeidsmiljøloven", "arbeidstilsynet", "covid",
     "korona", "teams", "zoom", "landsmøtet", "forbundet", "fnr", "tlf", "mvh", "fru", "herr",
     # Common words the bokmål dictionary does not list.
     "noen"}
)  # fmt: skip


def normalise(text: str) -> str:
    """Composed Unicode (NFC); within a paragraph every run of spaces and line breaks one
    space, so a name broken over a line or typed with two spaces is still one name;
    paragraphs (a blank line) are kept."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(re.sub(r"\s+", " ", p).strip() for p in paragraphs if p.strip())


def _take_out_phones(text: str) -> str:
    import phonenumbers

    found = [
        (m.start, m.end)
        for m in phonenumbers.PhoneNumberMatcher(
            text, "NO", leniency=phonenumbers.Leniency.POSSIBLE
        )
    ]
    for start, end in reversed(found):
        text = text[:start] + PHONE_MARK + text[end:]
    return _PHONE.sub(PHONE_MARK, text)


def _take_out_id_numbers(text: str) -> str:
    from stdnum.no import fodselsnummer

    def mark(match: re.Match[str]) -> str:
        digits = match.group(1) + match.group(2)
        day, month = int(digits[:2]), int(digits[2:4])
        # A valid number always; else one that starts like a birth date or D-number date.
        if fodselsnummer.is_valid(digits) or (
            (1 <= day <= 31 or 41 <= day <= 71) and (1 <= month <= 12 or 41 <= month <= 52)
        ):
            return ID_MARK
        return match.group(0)

    return _ID_NUMBER.sub(mark, text)


@dataclass(frozen=True)
class EmployerFacts:
    """An employer as the anonymiser must take it out when the report generalises
    employers: its name (and so its distinctive words and their forms), its address."""

    name: str
    address: str | None = None


def _employer_patterns(employers: Iterable[EmployerFacts]) -> list[re.Pattern[str]]:
    whole: list[str] = []
    patterns: list[str] = []
    for employer in employers:
        name = unicodedata.normalize("NFC", employer.name or "").strip()
        if not name:
            continue
        whole.append(r"\s+".join(re.escape(w) for w in name.split()) + r"(?:['’]?s)?")
        words = [w for w in re.split(r"[\s\-/&,.]+", name) if w]
        distinctive = [w for w in words if w.casefold() not in _GENERIC_EMPLOYER_WORDS]
        for word in distinctive:
            if len(word) >= 3:
                # The word and every compound or form made from it: «Nordkysts»,
                # «Nordkyst-banken», «Nordkystbanken».
                patterns.append(re.escape(word) + r"[\wÆØÅæøå]*(?:-[\wÆØÅæøå]+)*")
        initials = "".join(w[0] for w in words if w[0].isupper())
        if len(initials) >= 2:
            patterns.append(re.escape(initials))
    # Whole names first (longest first), so «Nordkyst Sparebanks» goes as one.
    patterns = [*sorted(whole, key=len, reverse=True), *patterns]
    return [
        re.compile(rf"(?<![\wÆØÅæøå]){p}(?![\wÆØÅæøå])", re.IGNORECASE)
        for p in dict.fromkeys(patterns)
    ]


def _address_patterns(employers: Iterable[EmployerFacts]) -> list[re.Pattern[str]]:
    out = []
    for employer in employers:
        for part in re.split(r"[,\n]+", employer.address or ""):
            part = re.sub(r"\s+", " ", unicodedata.normalize("NFC", part)).strip()
            if len(part) >= 4:
                out.append(re.compile(_word_pattern(part).replace(r"\ ", r"\s+"), re.IGNORECASE))
            street = re.match(r"([^\W\d_][\w.\-]*(?:\s+[^\W\d_][\w.\-]*)*)\s+\d", part)
            if street:
                out.append(
                    re.compile(
                        _word_pattern(street.group(1)) + r"(?:\s+\d+\s?[A-Za-z]?)?", re.IGNORECASE
                    )
                )
    return out


# Common Norwegian surnames that are also ordinary words (a hill, a meadow, to rescue) and
# that the dictionary does not list as names: capitalised, they are asked about.
_ALSO_NAMES = frozenset(
    {"haugen", "hauge", "haug", "bakken", "bakke", "lien", "lie", "li", "lia", "eide", "lunde",
     "lund", "berge", "berg", "moe", "moen", "strand", "holm", "dahl", "dal", "dalen", "vik",
     "aas", "ås", "myhre", "solberg", "sandvik", "nygård", "ali", "ek", "bø", "foss", "fossum",
     "hagen", "haga", "heggen", "hovde", "kvam", "lunden", "næss", "ness", "rød", "ruud",
     "sand", "sæther", "seter", "stene", "tangen", "vold", "voll", "øien", "engen", "enger",
     "brekke", "bråten", "toft"}
)  # fmt: skip


def _placed_word(word: str) -> bool:
    """A capitalised word the app can tell is not a name: an ordinary word or one of its
    forms by the dictionary's own rules («Det», «Ledelsen», «Medlemmene»), not also a name
    («Berg», «Haugen», «Liv»: the representative decides). The same at a sentence's start
    as inside one: a name is no less a name for starting a sentence."""
    if word.casefold() in _ALSO_NAMES:
        return False
    return wordlist.is_word(word) and not wordlist.is_proper_name(word)


def anonymise(
    text: str,
    *,
    names: Iterable[str] | NameIndex = (),
    employer_names: Iterable[str] = (),
    employers: Iterable[EmployerFacts] = (),
) -> Anonymised:
    """``text`` normalised, with every known name in every form (possessive, hyphenated
    part, spelled without æøå) replaced by «[navn]», fødselsnumre, phone numbers and
    e-mail addresses marked, dates coarsened to month, and — when the report generalises
    employers (``employer_names`` / ``employers``) — the employer's name, its distinctive
    words and their forms, its address and headcounts taken out. An ordinary word is never
    replaced unless written as a name (capitalised); capitalised words the app cannot
    place are returned in ``unplaced``."""
    found: list[str] = []
    text = normalise(text)
    text = _EMAIL.sub(EMAIL_MARK, text)
    text = _EMAIL_SPELLED.sub(EMAIL_MARK, text)
    text, dates = coarsen_dates(text)  # before phone numbers: «2026-04-02» is a date
    text = _take_out_id_numbers(text)
    text = _take_out_phones(text)
    facts = [*employers, *(EmployerFacts(n) for n in employer_names if n and n.strip())]
    if facts:
        for pattern in _address_patterns(facts):
            if pattern.search(text):
                text = pattern.sub(ADDRESS_MARK, text)
        for pattern in _employer_patterns(facts):
            for match in pattern.finditer(text):
                found.append(match.group(0))
            text = pattern.sub(EMPLOYER_MARK, text)
        text = _HEADCOUNT.sub(COUNT_MARK + " ", text)
    index = names if isinstance(names, NameIndex) else name_index(names)
    for phrase, pattern in index.phrases:
        if pattern.search(text):
            found.append(phrase)
            text = pattern.sub(NAME_MARK, text)
    have_words = wordlist.available()
    unplaced: list[str] = []

    def word(match: re.Match[str]) -> str:
        token = match.group(0)
        bare = re.sub(r"['’]s$", "", token)
        capitalised = bare[:1].isupper()
        for candidate in (bare, bare[:-1] if bare.endswith("s") and len(bare) > 3 else ""):
            if not candidate:
                continue
            known = index.words.get(unicodedata.normalize("NFC", candidate).casefold())
            if known is None:
                continue
            ordinary = wordlist.is_word(candidate) if have_words else len(candidate) < 3
            if ordinary and not capitalised:
                return token  # «to dager per uke», «liv og helse i mai»
            found.append(known)
            return NAME_MARK
        if (
            capitalised
            and have_words
            and bare.casefold() not in _PLACED
            and bare.casefold() not in _NOT_NAMES
            and bare.casefold() not in MONTHS
            and not _placed_word(bare)
        ):
            unplaced.append(bare)
        return token

    text = _TOKEN.sub(word, text)
    # «[navn] [navn]» (a first and last name taken out separately) reads as one name.
    text = re.sub(rf"{re.escape(NAME_MARK)}([\s-]+{re.escape(NAME_MARK)})+", NAME_MARK, text)
    return Anonymised(text, tuple(dict.fromkeys(found)), dates, tuple(dict.fromkeys(unplaced)))


# ------------------------------------------------------------------- a proposed text


@dataclass(frozen=True)
class SummaryFacts:
    """What a proposed summary may be made from: codes, counts and dates, never free text."""

    case_type: str
    members_affected: int | None
    notice_on: date | None
    decision_on: date | None
    implemented_on: date | None
    timing: str | None  # the stored verdict's timing code
    status: str
    outcome: str | None
    employer_words: str  # e.g. «en statlig virksomhet med 50–199 ansatte»


_TIMING_SENTENCES = {
    "in_time": "Endringen ble drøftet med de tillitsvalgte før beslutningen ble tatt.",
    "late_before_implementation": (
        "Endringen ble først drøftet etter at beslutningen var tatt, men før den ble satt i verk."
    ),
    "late_after_implementation": "Endringen ble først drøftet etter at den var satt i verk.",
    "information_only": "De tillitsvalgte ble bare informert; endringen ble ikke drøftet.",
    "not_held_decision_taken": "Beslutningen ble tatt uten at endringen ble drøftet.",
    "not_held_yet": "Beslutningen var ikke tatt, og drøfting var ennå ikke holdt.",
}

_OUTCOME_SENTENCES = {
    "agreement": "Saken endte med enighet.",
    "partial_agreement": "Saken endte med delvis enighet.",
    "disagreement": "Partene ble ikke enige.",
    "withdrawn": "Arbeidsgiveren trakk endringen.",
    "escalated": "Saken ble sendt videre i organisasjonen.",
    "dropped": "Saken ble ikke fulgt opp videre.",
}


_CHANGE_WORDS = {
    "office_layout": "en endring i kontorløsningen",
    "space_allocation": "en endring i lokaler eller areal",
    "home_office_policy": "en ny eller endret ordning for hjemmekontor",
    "home_office_agreement": "endringer i hjemmekontoravtalene",
    "equipment_costs": "endringer i utstyr eller dekning av kostnader",
    "availability": "nye krav til tilgjengelighet",
}


def propose_summary(facts: SummaryFacts) -> str:
    """A factual starting point the representative edits: built from codes, counts and
    months only, so it holds no name and no date finer than a month."""
    change = _CHANGE_WORDS.get(facts.case_type, "en endring i arbeidsforholdene")
    when = f" i {month_words(facts.notice_on)}" if facts.notice_on else ""
    members = _members_words(facts.members_affected)
    employer = facts.employer_words[:1].upper() + facts.employer_words[1:]
    sentences = [f"{employer} varslet{when} {change}{members}."]
    if facts.decision_on:
        sentences.append(f"Beslutningen ble tatt i {month_words(facts.decision_on)}.")
    if facts.implemented_on:
        sentences.append(f"Endringen ble satt i verk i {month_words(facts.implemented_on)}.")
    if facts.timing in _TIMING_SENTENCES:
        sentences.append(_TIMING_SENTENCES[facts.timing])
    if facts.status == "closed" and facts.outcome in _OUTCOME_SENTENCES:
        sentences.append(_OUTCOME_SENTENCES[facts.outcome])
    elif facts.status != "closed":
        sentences.append("Saken er ikke avsluttet.")
    return " ".join(sentences)


def _members_words(members: int | None) -> str:
    """Members affected without a count under the report's floor: a small number is
    one member's membership at a known employer. Rounded to tens from ten up."""
    if not members:
        return ""
    if members < 10:
        return ", som berørte noen medlemmer"
    return f", som berørte om lag {round(members / 10) * 10} medlemmer"


def employer_words(sector: str | None, size: str) -> str:
    """An employer generalised to sector and size band, in words for a sentence."""
    sector_words = {
        "stat": "en statlig virksomhet",
        "kommune": "en kommunal virksomhet",
        "helse": "et helseforetak",
        "privat": "en privat virksomhet",
        "annet": "en virksomhet",
    }.get(sector or "", "en virksomhet")
    if size in ("ukjent", ""):
        return sector_words
    return f"{sector_words} med {size} ansatte"


# ---------------------------------------------------------------- the appendix entry


@dataclass(frozen=True)
class SummarySource:
    """A summary as stored, with what its heading is made from (raw: not yet anonymised)."""

    month: date  # the case's first known date; only its month is ever printed
    case_type: str
    sector: str | None
    size_band: str
    employer_name: str
    text: str
    order: int = 0  # the case's cell key: a random, permanent order
    employer_address: str | None = None


@dataclass(frozen=True)
class AppendixEntry:
    """One case summary as the report prints it."""

    heading: str  # e.g. «Kontorløsning · mars 2026 · Staten, 50–199 ansatte»
    text: str


def generalised_employer(sector: str | None, size_band: str) -> str:
    """«Staten, 50–199 ansatte»: an employer as the report shows it when anonymised."""
    label = vocabulary.SECTORS.get(sector or "", "Ukjent sektor")
    return label if size_band in ("ukjent", "") else f"{label}, {size_band} ansatte"


def appendix_entries(
    sources: Iterable[SummarySource], *, names: Iterable[str], anonymise_employers: bool
) -> list[AppendixEntry]:
    """The summaries as the report prints them: the anonymised text under a heading that
    is only its number. A heading with the kind of change, the month and the sector/size
    singled out a case the tables hide; the order is the cases' random cell keys, not
    their dates, so the position says nothing either."""
    listed = sorted(sources, key=lambda s: (s.order, s.text))
    known = name_index(names)
    employers = (
        [EmployerFacts(s.employer_name, s.employer_address) for s in listed]
        if anonymise_employers
        else []
    )
    entries: list[AppendixEntry] = []
    for source in listed:
        who = (
            generalised_employer(source.sector, source.size_band)
            if anonymise_employers
            else source.employer_name
        )
        kind = vocabulary.CASE_TYPES_SHORT.get(source.case_type, "Annet")
        text = anonymise(source.text, names=known, employers=employers).text
        del who, kind  # never printed: see the docstring
        entries.append(AppendixEntry(f"Sammendrag {len(entries) + 1}", text))
    return entries
