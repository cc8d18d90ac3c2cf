"""Data model: the gold facts of a document, its rendering style, and its logical blocks."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .names import Departement


@dataclass(frozen=True)
class Person:
    civ: str
    first: str
    last: str

    @property
    def full(self) -> str:
        """'Mme Claire Dubreuil'."""
        return f"{self.civ} {self.first} {self.last}"

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def female(self) -> bool:
        return self.civ == "Mme"


@dataclass(frozen=True)
class Signatory:
    person: Person
    role: str            # "présidente", "directeur", "maire"...
    organisation: str    # full organisation name


@dataclass(frozen=True)
class Commune:
    name: str
    population: int


@dataclass
class Action:
    num: str             # "2.3"
    title: str
    pilot: str
    partners: str
    deadline: str
    budget: int
    public: str
    place: str
    indicator: str


@dataclass
class Equipment:
    name: str
    kind: str
    commune: str
    capacity: str
    manager: str


@dataclass
class Territory:
    name: str            # "Communauté de communes du Val de Vionne"
    short: str           # "CC du Val de Vionne"
    core: str            # "le Val de Vionne" (with article when it has one)
    kind: str            # "intercommunalité" or "commune"
    acronym: str
    seat: str
    communes: list[Commune]
    river: str

    @property
    def population(self) -> int:
        return sum(c.population for c in self.communes)


@dataclass
class Style:
    font: str            # Helvetica, Times-Roman, Courier
    size: float
    margin: float        # points
    heading: str         # "article_dash", "article_caps", "decimal", "roman", "article_plain"
    header: bool
    footer: str          # "page_of", "dashes", "plain"
    two_columns: bool
    hyphenate: bool
    ruled_tables: bool
    repeat_header: bool
    docx_headings: bool  # DOCX: real Heading styles, else bold "Article N" paragraphs
    justify: bool


@dataclass
class Seed:
    """A fact a question can ask about, with the verbatim strings that prove the answer."""

    key: str
    qtype: str
    kind: str
    where: str
    must: list[str]
    answer: str
    slots: dict[str, str] = field(default_factory=dict)


@dataclass
class Block:
    """A logical block; `keys` are seed keys whose page is recorded when the block is drawn."""

    kind: str            # cover, toc, h1, h2, h3, para, bullets, table, sig, pagebreak, columns, single
    text: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    row_keys: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    label: str = ""      # numbering label of a heading ("Article 4", "IV."), or a table caption


@dataclass
class DocSpec:
    file: str
    fmt: str             # pdf or docx
    kind: str            # convention or avenant
    territory: Territory
    dep: Departement
    signed_on: dt.date
    sign_city: str
    start: dt.date
    end: dt.date
    signatories: list[Signatory]
    present: list[Signatory]
    parties: list[str]
    domains: list[str]
    actions: list[Action]
    equipments: list[Equipment]
    coordinator: Person
    contact_mail: str
    contact_phone: str
    copies: int
    style: Style
    target_pages: int
    deliberation: dt.date
    caf_board: dt.date
    amends: str | None = None
    amended_by: str | None = None
    base: "DocSpec | None" = None    # for an avenant: the convention it amends
    new_actions: list[Action] = field(default_factory=list)
    bonus: dict[int, int] = field(default_factory=dict)
    volume: float = 1.0

    @property
    def title(self) -> str:
        if self.kind == "avenant":
            return "Avenant n° 1 à la convention territoriale globale"
        return "Convention territoriale globale"


@dataclass
class DocResult:
    """A rendered document: its spec, the facts questions can ask about, and the page of each."""

    spec: "DocSpec"
    seeds: list[Seed]
    pages: dict[str, int] = field(default_factory=dict)
    total: int = 0           # page count of the PDF, or of the PDF twin of a DOCX (estimate)
    also: dict[str, list[int]] = field(default_factory=dict)  # the other pages that answer as well
