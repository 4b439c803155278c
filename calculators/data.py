"""Reference figures and specialties that several calculators share.

The TSV files in ``figures/`` are verbatim copies of the project's reference
data (``shared/data``).  They are parsed into small frozen dataclasses that can
write themselves back out unchanged, so a test can prove that nothing was lost
or reinterpreted on the way in.  Every figure keeps its source and year, so
pages can show them next to the number.

The files travel inside the wheel, so the same code reads them under pytest,
at build time and inside Pyodide.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Literal

from .fields import flag, whole
from .html import and_list, capitalised, table_percent

Number = int | float
Tier = Literal["accessible", "moderate", "competitive", "ultra"]
# The programs on one specialty's list, from the hardest to enter: program
# counts sets the mix, and signals follow it.
ProgramTier = Literal["reach", "target", "likely"]


@dataclass(frozen=True)
class Source:
    """Where a figure or rule comes from, as a page should cite it."""

    key: str
    title: str
    year: str
    publisher: str
    status: str = ""
    # How a sentence names it, when it names a table rather than citing it.
    short: str = ""

    # A figure read in a faithful copy rather than the publication says so
    # wherever it is cited, not only on the data page (audit s19, pages 4).
    @property
    def secondary(self) -> bool:
        return self.status.startswith("secondary")

    # Flat, with no brackets of its own: a citation sits in brackets in
    # running text, and brackets inside brackets lost readers mid-sentence
    # (readability audit s24, 1).
    def cite(self) -> str:
        return f"{self.publisher}, {self.title}, {self.year}{'; secondary copy' if self.secondary else ''}"

    def named(self) -> str:
        """The short name and year, as in "NRMP Charting Outcomes 2026"."""
        return f"{self.short} {self.year}{', secondary copy' if self.secondary else ''}"


# --- Sources ---------------------------------------------------------------
# The five source articles the product grew from.  Their rules of thumb are
# cited as the articles' advice, never as measured data.
ARTICLE_ORTHO = Source(
    "article-ortho",
    "Strategic Backup Specialty Planning for US Citizen IMGs in Orthopedic Surgery",
    "undated, read 2026",
    "Residency Advisor, source article",
    short="orthopaedics article",
)
ARTICLE_IMG = Source(
    "article-img",
    "Essential Backup Specialty Planning Strategies for IMGs in Residency",
    "undated, read 2026",
    "Residency Advisor, source article",
    short="IMG article",
)
ARTICLE_ULTRA = Source(
    "article-ultra",
    "Strategic Guide for US Citizen IMG to Match in Competitive Residencies",
    "undated, read 2026",
    "Residency Advisor, source article",
    short="ultra-competitive article",
)
ARTICLE_UNMATCHED = Source(
    "article-unmatched",
    "How to Construct a Strategic Backup Specialty After Not Matching",
    "January 2026",
    "Residency Advisor, source article",
    short="no-match article",
)
ARTICLE_RADIOLOGY = Source(
    "article-radiology",
    "Essential Backup Specialty Planning for US Citizen IMGs in Radiology",
    "undated, read 2026",
    "Residency Advisor, source article",
    short="radiology article",
)
ARTICLES = (ARTICLE_ORTHO, ARTICLE_IMG, ARTICLE_ULTRA, ARTICLE_UNMATCHED, ARTICLE_RADIOLOGY)

CHARTING_OUTCOMES = Source(
    "nrmp-charting-2026",
    "Charting Outcomes in the Match: Non-U.S. IMGs, Main Residency Match",
    "2026",
    "NRMP",
    "secondary: transcribed from the NRMP report by an independent public explorer",
    short="NRMP Charting Outcomes",
)
RESULTS_AND_DATA = Source(
    "nrmp-results-2025",
    "Results and Data: 2025 Main Residency Match (PGY-1 positions)",
    "2025",
    "NRMP",
    "secondary tabulation; IM, FM and Pediatrics totals cross-checked",
    short="NRMP Results and Data",
)
ACS_FILL = Source(
    "acs-2025",
    "Surgery residencies continue to grow in 2025 Match (fill rates for surgical fields missing from the NRMP tabulation)",
    "2025",
    "American College of Surgeons",
    "secondary",
)
# Diagnostic radiology is missing from the NRMP tabulation too, but the ACS
# release lists only surgical fields, each at least 98.9% full: the 98.6% we
# credited to it is the NRMP's figure as a radiology news site tabulated it,
# read in a republished copy (claims audit s40, 2).  The same table gives the
# PGY-1 row, which lets the data hold "most positions are advanced".
DR_MATCH_2025 = Source(
    "auntminnie-dr-2025",
    "Main Residency Match by specialty and program type: diagnostic radiology PGY-1, PGY-2 and physician (reserved) "
    "positions filled",
    "2025",
    "NRMP figures as tabulated by AuntMinnie",
    "secondary: read in a republished copy of the news report",
)


@dataclass(frozen=True)
class PositionsFilled:
    """One program type's positions in one Match, as a news table gives them."""

    offered: int
    filled: int

    @property
    def fill_pct(self) -> float:
        return round(100 * self.filled / self.offered, 1)

    def shown(self) -> str:
        """As the guides type it: "1,042 of 1,057 (98.6%)"."""
        return f"{self.filled:,} of {self.offered:,} ({self.fill_pct:g}%)"


DR_PGY1_2025 = PositionsFilled(offered=151, filled=147)
DR_PGY2_2025 = PositionsFilled(offered=1057, filled=1042)
# The table's "physician" row: reserved PGY-2 places that start in July of the
# Match year, the only DR places a resident in a bridge or first year can start
# straight after it (radiology audit s45, 1).
DR_R_2025 = PositionsFilled(offered=28, filled=27)
# The fields a reader in a US first year applies to for a reserved place, with
# what our sources hold on that pool.  Match odds and the competitiveness
# check read every applicant who ranked the field first, of whatever
# position type, and a reader weighing a reserved place took those figures as
# theirs (pgy1res audit s46, 6).  A news copy gives an applicant count beside
# the 27 of 28, but we could not check it against the report it copies, so
# no count of applicants is said.  Anesthesiology's reserved places are in no
# table we hold.
RESERVED_POOL_FIELDS = frozenset({"diagnostic-radiology", "anesthesiology"})


def reserved_places_note(slug: str, figure: str = "your chance at one may differ from the figure here") -> str | None:
    """For a field with reserved (physician) PGY-2 places: that the NRMP
    figures shown do not separate them, and how many there were where we know.
    ``figure`` says what that leaves uncertain in the calculator's own terms:
    the check gives a score, not the chance match odds gives (diff review s47, 12)."""
    if slug not in RESERVED_POOL_FIELDS:
        return None
    lead = (
        f"The NRMP figures here take in applicants to every kind of place in {specialty(slug).name}: they do not "
        "separate reserved (physician) PGY-2 places, which start in July of the Match year for someone in or past a "
        f"US first year ({NRMP_POSITION_TYPES.cite()}). "
    )
    if slug == "diagnostic-radiology":
        return lead + (
            f"Those are a small pool of their own: {DR_R_2025.offered} places in {DR_MATCH_2025.year}, "
            f"{DR_R_2025.filled} of them filled, beside {DR_PGY2_2025.offered:,} other PGY-2 places "
            f"({DR_MATCH_2025.cite()}). How many applied for them we could not confirm, so {figure}."
        )
    return lead + "How many there are in this field, and how many applied for them, no source of ours says."


MATCH_RATES = Source(
    "nrmp-match-rates",
    "PGY-1 match rates by applicant type, Main Residency Match",
    "2023-2026",
    # How the NRMP's releases were read (news coverage, and for 2026 a
    # secondary summary) is on the data page; a citation names it in brief.
    "NRMP via news coverage and a 2026 secondary summary",
    "2026 row secondary; earlier rows seen",
)
ERAS_RULES = Source(
    "aamc-eras-letters",
    "ERAS letters of recommendation: at most four letters assigned to each program",
    "2026 season",
    "AAMC",
)
# The examinations and the clinical and communication skills requirements,
# verified by ECFMG by the rank order list deadline, for the Match and SOAP.
# The FAQ first read here named passed examinations alone, in its pre-2021
# wording (with Step 2 CS) (facts-recent audit s36, 1).
NRMP_ECFMG_REQUIREMENTS = Source(
    "nrmp-ecfmg-requirements",
    "Help: requirements for ECFMG certification to take part in the Main Residency Match",
    "read 2026",
    "NRMP",
)
# A failing Step 2 CK typed as the score was read as a passed low one, with
# match odds beside it; and five failures read like three (exam-edges audit
# s36, 1 and 3).  The passing scores are USMLE's; no USMLE page with them is
# stored here, so they are cited from the copies that report them.
USMLE_STEP2_PASSING = Source(
    "usmle-step2-passing",
    "Step 2 CK minimum passing scores",
    "read 2026",
    "USMLE, its announcements and test-preparation sites that report them",
    "secondary",
)
# How long a Step 2 CK result takes to reach the applicant: the timeline
# dates an IMG's exam by it, since a score still to come when programs screen
# can leave the application unread (late-season audit s39, 6).  The USMLE's
# own announcements give the usual time and name the summers it ran longer.
USMLE_SCORE_REPORTING = Source(
    "usmle-score-reporting",
    "Announcements on Step 2 CK score reporting: most results reported within four weeks of testing, with longer "
    "delays announced for some testing periods",
    "2016 and 2019, read 2026",
    "USMLE",
)
# Each passing score and the first test day it applies to, oldest first: 209
# from the USMLE's announcement of 2014, 214 and 218 as reported.
STEP2_PASSING_SCORES: tuple[tuple[dt.date, int], ...] = (
    (dt.date(2014, 7, 1), 209),
    (dt.date(2022, 7, 1), 214),
    (dt.date(2025, 7, 1), 218),
)
STEP2_PASSING_SCORE = STEP2_PASSING_SCORES[-1][1]
USMLE_ATTEMPT_LIMIT = Source("usmle-attempt-limit", "Attempt Limit Common Questions", "read 2026", "USMLE")
# The NBOME's limit has matched the USMLE's since it cut six to four.
NBOME_ATTEMPT_LIMIT = Source("nbome-attempt-limit", "Retaking an exam: COMLEX-USA", "limit from 1 July 2022, read 2026", "NBOME")
# Said wherever failures are counted: a DO's failed Levels count the same.
ATTEMPT_LIMITS = (
    f"The USMLE allows four attempts at each Step ({USMLE_ATTEMPT_LIMIT.cite()}), and the NBOME four at each "
    f"COMLEX-USA Level ({NBOME_ATTEMPT_LIMIT.cite()})."
)
# How many program directors weigh each exam series: the one figure we hold
# on COMLEX against USMLE, for a DO who sent COMLEX only (COMLEX audit s37, 2).
NRMP_PD_SURVEY = Source(
    "nrmp-pd-survey-2022",
    "Program Director Survey, as quoted by AACOM",
    "2022",
    "NRMP",
    "secondary",
    "NRMP Program Director Survey",
)
PD_SURVEY_STEP2_PCT, PD_SURVEY_COMLEX2_PCT = 78, 55
# What the guides tell a DO about accreditation, COMLEX Level 1 and surgery's
# program directors, with the sources on the data page as every other is.
ACGME_SINGLE_ACCREDITATION = Source(
    "acgme-single-accreditation", "Transition to a Single GME Accreditation System History", "read 2026", "ACGME"
)
NBOME_LEVEL1_PASS_FAIL = Source("nbome-level1-pass-fail", "COMLEX-USA Level 1: scoring and reporting", "read 2026", "NBOME")
# A DO's plan had no exam date at all (DO audit s40, 6).
NBOME_SCORE_REPORTING = Source(
    "nbome-score-reporting",
    "COMLEX-USA reports and transcripts: scores generally available within 4 to 6 weeks of the examination",
    "read 2026",
    "NBOME",
)
SURGERY_PD_DO_SURVEY = Source(
    "jse-surgery-pd-do-survey",
    "The effects of single accreditation and pass/fail licensing exams on osteopathic medical students applying to "
    "surgical residency programs, a survey of program directors in ten surgical specialties",
    "2024",
    "Journal of Surgical Education",
)
# Orthopaedics for US graduates, whose figures by field our tables do not hold
# (usmd-ortho audit s41, 4): a study of the NRMP's Charting Outcomes reports,
# read in its abstract, gives for the 2024 Match a mean Step 2 CK of 257 among
# applicants who matched and 246 among those who did not, and 23.8 research
# items per matched applicant.  Its title ends "From 2011 to 2024", left out
# here so that the title carries no year but the citation's own.
ORTHO_CHARTING_STUDY = Source(
    "orthopedics-charting-outcomes",
    "Effect of the USMLE Step 1 grading change on orthopedic surgery residency applications: NRMP Charting Outcomes",
    "2025, on the 2024 Match",
    "Lin and others, Orthopedics",
    "secondary: the study's abstract, read in copies; the figures are the NRMP's as the study reports them",
)
# Who may sit USMLE Step 3: an MD or DO degree and Step 1 and Step 2 CK passed
# (and, for an IMG, ECFMG certification).  The stored copy of the FSMB's page
# predates the end of Step 2 CS, which it still lists; the rest stands.
FSMB_STEP3_REQUIREMENTS = Source(
    "fsmb-step3-requirements", "Applying for Step 3: requirements", "copy of about 2018, read 2026", "FSMB"
)
# The hour of the rank-list deadline, and the Match whose NRMP calendar
# (its Main Match Events page) gave it.
RANK_DEADLINE_HOUR_SEEN = ("9:00 p.m. Eastern Time", 2026)
# The clinical and communication skills requirements, met through a Pathway
# and OET Medicine, are needed to take part in the Match.
ECFMG_PATHWAYS = Source("ecfmg-pathways", "Pathways for ECFMG Certification", "2025, for the 2026 Match", "ECFMG")
# The NRMP's own help item on the 300-rank limit (application_cost.
# NRMP_MOST_RANKS), read on nrmp.org; it names a fee for long lists that our
# fee data do not hold (facts-recent audit s36, 3).
NRMP_RANK_LIMIT = Source("nrmp-rank-limit", "Help: limit on the number of programs you can rank", "read 2026", "NRMP")
NRMP_RANKING = Source(
    "nrmp-ranking-programs",
    "Ranking Programs in the Main Residency Match: 20 programs on the primary list, and 20 on all supplemental lists "
    "together, before extra-rank fees",
    "read 2026",
    "NRMP, from a copy of its page (the NRMP's own site not seen)",
    "secondary",
)
# Read on nrmp.org: a permanent resident registers as a non-US IMG.
NRMP_REGISTRATION_FAQ = Source("nrmp-registration-faq", "Registration FAQs for applicants", "read 2026", "NRMP")
# IMGs need ECFMG certification to start an accredited residency and to sit Step 3.
ECFMG_BOOKLET = Source("ecfmg-information-booklet", "Information Booklet: ECFMG Certification", "2023 edition", "ECFMG")
# Rules the guides state in their own words, listed on the data page so that
# it lists every source the site relies on (links audit s33, 3).
INA_H1B = Source(
    "ina-212-j-2",
    "Immigration and Nationality Act, section 212(j)(2): a physician on an H-1B visa must have passed the licensing "
    "examination, which US immigration authorities take to mean all three USMLE Steps, as immigration lawyers "
    "summarise it",
    "read 2026",
    "US law",
)
# The FAQ's answer on the two visas, named by its heading where a calculator
# sends a visa reader to it (help text and results carry no links).
FAQ_VISA_ANSWER = "J-1 or H-1B: which can I get?"
NRMP_CONDUCT = Source(
    "nrmp-conduct",
    "Match Participation Agreement, codes of conduct and FAQs on communication: programs may not ask where else "
    "you applied, and neither side may ask for a commitment",
    "read 2026",
    "NRMP",
)
NRMP_ALGORITHM = Source(
    "nrmp-algorithm",
    "How the matching algorithm works, supplemental rank order lists and the ranking rules",
    "read 2026",
    "NRMP",
)
MYERAS_GUIDANCE = Source(
    "aamc-myeras",
    "MyERAS applicant guidance: one application, locked once submitted, with documents assigned program by program",
    "2026 season",
    "AAMC",
)
# The documents the packet checker cannot see, said under its result
# (rank-packet audit s38, 2).
ERAS_DOCUMENTS = Source(
    "aamc-eras-documents",
    "MyERAS applicant user guide, documents and transcripts; ERAS Support Services, supporting documents",
    "read 2026",
    "AAMC; ECFMG",
)
LETTERS_ASKED = Source(
    "aafp-letters",
    "Requesting letters of recommendation for residency application",
    "read 2026",
    "AAFP",
)
# A letter that comes after applying still reaches programs applied to:
# the competitiveness check's mid-season note told a reader one letter short
# of the next band to wait a year (peds-visa audit s43, 4).
ERAS_LETTERS_AFTER_APPLYING = Source(
    "aamc-myeras-assigning",
    # What it supports: letters imported or uploaded after applying can be
    # assigned then, and at most four to a program (the repeat applicants'
    # FAQ, and the fellowship FAQ of the 2025 season on assigning newly
    # uploaded documents).  Diff review s43, 6 found the rest only in an older
    # ERAS page, so the note no longer says it.
    "MyERAS applicant guide, letters of recommendation; and FAQs for repeat applicants",
    "read 2026",
    "AAMC",
)
# Emergency medicine and OB/GYN programs take applications through
# ResidencyCAS instead of ERAS; its limit on letters is ERAS's.
RESIDENCYCAS_EVALUATIONS = Source(
    "liaison-residencycas-evaluations",
    "ResidencyCAS applicant help, program materials and quick start guide: at most 4 evaluations assigned to each "
    "program, and letters the only part assigned program by program",
    "read 2026",
    "Liaison International",
)
# ResidencyCAS closes to applications in late September, where ERAS takes
# them until the rank lists close: said to a reader still adding programs in
# the middle of the season (late-season audit s39, 2).
RESIDENCYCAS_DATES = Source(
    "liaison-residencycas-dates",
    "ResidencyCAS applicant quick start guide: important dates and deadlines",
    "2024-25 and 2025-26 cycles, read 2026",
    "Liaison International",
)
# The day and cycle of the latest ResidencyCAS deadline we read, as the
# guides quote it (25 September in the 2024-25 cycle before it).
RESIDENCYCAS_DEADLINE_SEEN = ("24 September", "2025–26 cycle")
MATCHING_THEORY = Source(
    "matching-theory",
    "Gale and Shapley, College Admissions and the Stability of Marriage (1962); Roth and Peranson, The Redesign of "
    "the Matching Market for American Physicians (1999): the deferred acceptance the rank simulator runs",
    "1962 and 1999",
    "Academic papers",
)
# Read on nrmp.org for readers in or after SOAP and for advanced fields
# (prelim-SOAP audit s34, 1-2).
NRMP_SOAP = Source(
    "nrmp-soap",
    "SOAP and After the Match pages for applicants: who may take part, the 45 applications, who contacts whom, and "
    "the List of Unfilled Programs",
    "read 2026",
    "NRMP",
)
# The NRMP's SOAP questions for applicants, read in an older edition in a
# secondary copy: each offer round lasted two hours in it, in which an
# applicant accepted or rejected the offers it brought.  The SOAP page typed
# its citation three times, and season_words held it as a string (diff
# review s55b, 6).
NRMP_SOAP_FAQ = Source(
    "nrmp-soap-faq",
    "SOAP frequently asked questions for applicants",
    "older edition",
    "NRMP",
    "secondary: an older edition, read in a copy",
)
# What Monday of Match Week tells an applicant who is only partly placed: a
# couple partner whose partner did not match learns where, and can apply in
# SOAP near that city (couples-soap audit s39, 2).
NRMP_MATCHED_LOCATION = Source(
    "nrmp-matched-location",
    "Help: a partially matched applicant, or a couple partner whose partner did not match, sees the city, state and "
    "ZIP code of the matched program on Monday of Match Week",
    "read 2026",
    "NRMP",
)
NRMP_POSITION_TYPES = Source(
    "nrmp-position-types",
    "Program positions in the Main Residency Match: categorical, preliminary, advanced and reserved (physician)",
    "read 2026",
    "NRMP",
)
# Read for a neurology applicant, whose field the IMG article's list of
# advanced fields leaves out (visa-oldgrad audit s39, 3).
AMA_ADVANCED_PGY2 = Source(
    "ama-advanced-pgy2",
    "Advanced PGY-2 positions and the Match: what you should know",
    # Its figures, naming neurology among the specialties that offered 98 or
    # more PGY-2 positions, are from the 2018 Match.
    "2018 figures, read 2026",
    "AMA",
)
# Read for a resident hoping to move from a backup into radiology: Medicare's
# funding rule is a reason a program may hesitate (radiology audit s45, 2).
AMA_GME_SWITCHING = Source(
    "ama-gme-switching",
    "GME funding and specialty choice, part II (Resident Physician Forum, JAMA): Medicare's initial residency period "
    "is the length of the first specialty a resident enters, and a hospital receives less for a resident beyond it",
    "1999, read 2026",
    "AMA",
)
AAMC_MEDICARE_GME = Source(
    "aamc-medicare-gme",
    "Medicare Payments for Graduate Medical Education: What Every Medical Student, Resident, and Advisor Needs to "
    "Know (the initial residency period may limit a change of specialty)",
    "2013, read 2026",
    "AAMC",
)
# Read for couples, and for a non-US IMG who needs one visa in particular
# (couples-visa audit s35, 1-5).
# The page's title only: its summary, pasted into every citation, read as the
# NRMP's title and said "no matching of either partner alone" without the No
# Match code beside it (couples audit s43, 1).  What the page says: lists
# read in pairs of ranks; the same number of ranks for both partners, at most
# 300 each; the lists never processed apart, except that a line may pair one
# partner's program with the No Match code (999999999), on which that partner
# matches and the other does not; supplemental lists not paired; and a couple
# fee for each partner.
NRMP_COUPLES = Source("nrmp-couples", "Couples in the Match", "read 2026", "NRMP")
# One wording for the calculators' couples sentences, which each wrote the
# lead and the pairing rule apart (matchodds54's note).
COUPLE_IF = "If you match as a couple"
MATCHED_IN_PAIRS = f"your lists are matched in pairs ({NRMP_COUPLES.cite()})"
ECFMG_J1 = Source(
    "ecfmg-evsp",
    "Exchange Visitor Sponsorship Program: a J-1 physician in clinical training must spend two years in the home "
    "country before certain later visas, and needs a Statement of Need from that country",
    "read 2026",
    "ECFMG",
)
FSMB_STEP3 = Source(
    "fsmb-step3",
    "Step 3 application: apply only after graduating and, for an IMG, after ECFMG certification; verifying "
    "graduation can take up to 12 weeks after you graduate, and the FSMB says before an application whether it "
    "has verified yours; a scheduling permit about 2 weeks more",
    "read 2026",
    "FSMB",
)
# When a Step 3 result comes: the timeline counts an H-1B reader's last day
# to apply back from a test by the end of the year before the Match, since
# January and February results were held back each year we found (visa-psych
# audit s41, 1).  Both announcements say the same in the same terms.
# Their words: most results within four weeks of the test, but after the
# yearly change to the question pool, results for January and February
# testers were set for 25 March 2020 and 16 March 2022, with no Step 3 given in
# the first two weeks of January; to have a result before then, test by 31
# December (visa-psych audit s41, 1).
STEP3_SCORE_DELAY = Source(
    "step3-score-delay",
    "Step 3 scheduled delay in score reporting: the FSMB's announcement of 2019 and ECFMG's news of 2 September 2021",
    "2019 and 2021, for the 2020 and 2022 results, read 2026",
    "FSMB and ECFMG",
)
# What the no-match article says Step 3 can and cannot do, in one wording for
# every calculator that says it: the competitiveness check had it firmer than
# the article ("does more harm", where the article says "far more" and "in
# many situations") and without the older graduates, the timeline had all
# three hedges, and the cost calculator a third version (diff review s50).
# Cite ARTICLE_UNMATCHED beside it.
STEP3_ARTICLE_CASE = (
    "after a borderline Step 2 CK, the no-match article says a comfortable Step 3 pass can help, though it is no "
    "cure-all: it makes up for neither repeated failed attempts nor weak clinical work. For IMGs it adds that some "
    "programs prefer or require Step 3 of older graduates. And it warns that in many cases a failure does far more "
    "harm than not sitting it"
)
H1B_CAP_EXEMPT = Source(
    "h1b-cap-exempt",
    "Immigration and Nationality Act, section 214(g)(5): universities, the nonprofits related to or affiliated with "
    "them, and nonprofit or government research organizations file H-1B petitions outside the yearly cap",
    "read 2026",
    "US law, as immigration lawyers summarise it",
    "secondary",
)
# The H-1B's own clock, beside the J-1's seven years: a preliminary year on an
# H-1B uses one of six (surgprelim audit s45, 5).  The statute as university
# international offices quote it (Temple, Dartmouth, Mississippi), with the
# year abroad before a new period and the extensions tied to a green card.
H1B_SIX_YEARS = Source(
    "h1b-six-years",
    "Immigration and Nationality Act, section 214(g)(4): H-1B status for six years at most in all, a new period "
    "generally only after a year outside the US, and longer only in some cases tied to permanent residence",
    "read 2026",
    "US law, as university international offices summarise it",
    "secondary",
)
EARLY_MATCHES = Source(
    "early-matches",
    "Learning about early match programs, and a medical school's page on specialty matches: ophthalmology fills "
    "through the SF Match and urology through the American Urological Association's match, outside the NRMP",
    "read 2026",
    "AMA; UCSF School of Medicine",
    "secondary",
)
# Two fields left ERAS for ResidencyCAS (Liaison): a second application, with
# its own account (an IMG's access link comes from ECFMG), fees, dates and
# signals.  Priced and described as ERAS, an emergency medicine or OB/GYN
# backup read as one more list in the same MyERAS application (rank-packet
# and costs-signals audits s38, 1).
RESIDENCYCAS = Source(
    "residencycas",
    "ResidencyCAS in place of ERAS for obstetrics and gynecology from the 2024-25 cycle, and for emergency medicine "
    "from the 2025-26 cycle",
    "2024 and 2025, read 2026",
    "AMA and CORD",
)
# Each field's move rests on its own source: the AMA's article of February
# 2024 for OB/GYN, CORD's for emergency medicine from 2025-26.  One citation
# of both stood beside sentences about OB/GYN alone, where CORD, the
# emergency medicine program directors' council, says nothing of it
# (obgyn-usimg audit s42, 7).
RESIDENCYCAS_FIELD_CITES = {"obstetrics-gynecology": "AMA, 2024", "emergency-medicine": "CORD, 2025"}


def residencycas_cite(slugs: Iterable[str]) -> str:
    """The short citation for a sentence about the ResidencyCAS fields among ``slugs``."""
    named = set(slugs)
    return "; ".join(cite for slug, cite in RESIDENCYCAS_FIELD_CITES.items() if slug in named)


# Both fields named at once.
RESIDENCYCAS_SHORT_CITE = residencycas_cite(RESIDENCYCAS_FIELD_CITES)
# The emergency medicine organizations' own figure for how many programs an
# EM applicant applies to, beside ranges the articles give for other fields
# and other readers (usmd-journey audit s38, 5).
EM_AVERAGE_APPLICATIONS = 46
SAEM_RESIDENCYCAS = Source(
    "saem-residencycas",
    "RAMS ResidencyCAS Information: prices, dates, and the average number of emergency medicine applications",
    "2025-26 cycle",
    "SAEM RAMS for the emergency medicine organizations of AEROS",
)
# Emergency medicine reads SLOEs from its own rotations, which the letters
# count cannot tell from other letters: a COMLEX-only DO with no EM rotation
# got "single-track is reasonable" (usmd-journey audit s38, 2).  Each figure
# is credited to the study that has it: the 2020 review quotes the 80% from
# the 2018 survey, and found 7% and 45% itself (claims audit s40, 3).  Three
# sources, not one: merged, a citation ran to 60 words in which no year could
# be told to its publisher (diff review s40, 7).
EM_SLOE = Source("cord-sloe", "Standardized Letter of Evaluation", "2024-25 cycle", "CORD")
EM_SLOE_SURVEY = Source(
    "aem-sloe-survey",
    "a survey of emergency medicine program directors: 80% required at least one SLOE to interview",
    "2018",
    "AEM Education and Training",
)
EM_SLOE_REVIEW = Source(
    "westjem-sloe-review",
    "a review of programs' stated SLOE requirements: 7% of those stating one would review an applicant without a "
    "SLOE, and 45% required two",
    "2020",
    "Western Journal of Emergency Medicine",
)
# Emergency medicine's word to DOs on USMLE, where the site had only the
# surgical survey (do-em audit s42, 8): its residency directors' advisers
# recommend Step 1 and two EM rotations for two SLOEs.  Written before the
# single accreditation system and pass/fail Step 1, which the guide says.
EM_DO_ADVICE = Source(
    "westjem-cord-osteopathic",
    "Recommendations from the Council of Emergency Medicine Residency Directors: Osteopathic Applicants",
    "2019",
    "Western Journal of Emergency Medicine",
)
# What the calculators say of SLOEs (programs expect them; other letters do
# not stand in) rests on the form and the survey.
EM_SLOE_CITED = f"{EM_SLOE.cite()}; {EM_SLOE_SURVEY.cite()}"
# What an IMG pays ECFMG to support a ResidencyCAS application: a fee whose
# amount we have not seen (diff-review audit s38, 2).
ECFMG_RESIDENCYCAS = Source(
    "ecfmg-residencycas",
    "Support for ResidencyCAS Residency Application Services",
    "read 2026",
    "ECFMG",
)
# The fields whose programs take applications through ResidencyCAS, with
# the names running text gives them: the calculators' sentences read
# RESIDENCYCAS_FIELDS_SAID, so a field that moves is named wherever its fees
# move (coderead audit s41, 3).
RESIDENCYCAS_FIELD_NAMES = {"emergency-medicine": "emergency medicine", "obstetrics-gynecology": "OB/GYN"}
RESIDENCYCAS_FIELDS = frozenset(RESIDENCYCAS_FIELD_NAMES)
RESIDENCYCAS_FIELDS_SAID = and_list(list(RESIDENCYCAS_FIELD_NAMES.values()))
SERVICE_ERAS, SERVICE_RESIDENCYCAS = "ERAS", "ResidencyCAS"
# Programs see signals by institution: every track of one institution in one
# specialty (categorical, preliminary) sees the same signal (costs-signals audit s38, 7).
SIGNALS_BY_INSTITUTION = Source(
    "aamc-signals-institution",
    "Program signaling for applicants: signals are received at the institution level, not by track",
    "read 2026",
    "AAMC",
)
# When a signal becomes final: once sent to a program with the application;
# one sent to a program later withdrawn from cannot be reassigned.  The
# planner's mid-season reader has sent some already (late-season audit s39, 1).
SIGNALS_FINAL_WHEN_SENT = Source(
    "aamc-myeras-saved-programs",
    "MyERAS applicant user guide, Saved Programs: signal counts",
    "read 2026",
    "AAMC",
)


def via_residencycas(slug: str) -> bool:
    """Whether a specialty's programs take applications through ResidencyCAS, not ERAS."""
    return slug in RESIDENCYCAS_FIELDS


def application_service(slug: str) -> str:
    """The service a specialty's programs take applications through (ERAS unless RESIDENCYCAS_FIELDS)."""
    return SERVICE_RESIDENCYCAS if via_residencycas(slug) else SERVICE_ERAS


# Read for reapplicants (reapplicant-journey audit s38, 1 and 3).
ECFMG_PERMANENT_VALIDATION = Source(
    "ecfmg-permanent-validation",
    "Obtaining Permanent Validation of ECFMG Certificate: a certificate earned through a Pathway carries an expiry "
    "date until it is made permanent, after 12 months of eligible US graduate medical education",
    "read 2026",
    "ECFMG",
)
AAMC_REPEAT_APPLICANTS = Source(
    "aamc-repeat-applicants",
    "History and Imports for Repeat ERAS Applicants FAQ: what a repeat applicant can import, the watermark on letters "
    "from earlier seasons, and the documents that must be sent again",
    "read 2026",
    "AAMC",
)
# Hands-on work for a reader who cannot work clinically where they trained:
# "clinical work where you trained" does not exist for them (reapply2 audit
# s44, 5).  Both windows count from the exams, and the laws have moved since
# 2014, so the page sends the reader to the current text.  The statute's own
# words, "legal resident alien" and "approved postgraduate residency", are
# kept: a paraphrase ruled out a permanent resident with a residency abroad,
# whom the statute may not (oldspec audit s46, 3).
MISSOURI_ASSISTANT_PHYSICIAN = Source(
    "missouri-assistant-physician",
    "Revised Statutes of Missouri, section 334.036, assistant physicians: a resident and citizen of the United States "
    "or a legal resident alien who has not completed an approved postgraduate residency and passed Step 2 within the "
    "three years before applying (one clause also counts "
    "three years from graduating, whichever is later; the next still asks for the last three years of anyone not "
    "then in residency), practising under a collaborative practice arrangement with a physician",
    "read 2026",
    "Revisor of Missouri",
)
ARKANSAS_GRADUATE_REGISTERED_PHYSICIAN = Source(
    "arkansas-graduate-registered-physician",
    "Arkansas Code, section 17-95-903, graduate registered physician: Steps 1 and 2 passed within the two years "
    "before applying and no more than two years after graduation, no residency completed, and a physician-drafted "
    "protocol within six months of licensure",
    "2018 text, read 2026",
    "Arkansas General Assembly",
    "secondary copy (LegalFix)",
)
# Read for a reader who finished a residency abroad and practiced there, to
# whom the site said that no one may practice in the US without residency
# (oldspec audit s46, 1).  Laws differ by state and keep changing: the page
# gives what these sources say as of their dates and sends the reader to each
# state board.  The recommendations past the first were read in the ACEhp
# Almanac's summary of the release, which our copy of it cuts short.
FSMB_ADDITIONAL_LICENSING = Source(
    "fsmb-additional-licensing",
    "Advisory Commission Releases Recommendations to Inform Legislation on Licensing Internationally-Trained "
    "Physicians: nine recommendations of the FSMB, Intealth and ACGME commission, drawn from laws already introduced "
    "and enacted, among them rulemaking by the state medical board, and a job offer, ECFMG certification and "
    "postgraduate training completed outside the US as conditions of eligibility",
    "news release, 4 February 2025, read 2026",
    "FSMB",
)
AMA_ADDITIONAL_LICENSING = Source(
    "ama-additional-licensing",
    "New licensing pathways for foreign-trained doctors: what to know: laws enacted in at least 17 states, which "
    "usually ask for training abroad like a US program or years of practice, USMLE Steps 1 to 3, ECFMG certification, "
    "a job offer and an immigration status that allows practice, and grant a provisional license under supervision "
    "that can become a full one",
    "read 2026",
    "AMA",
)
TENNESSEE_LICENSURE_2023 = Source(
    "tennessee-licensure-2023",
    "More States Cut Training Requirements for Some International Medical Graduates: Tennessee's law signed in April "
    "2023, a two-year provisional license to work at a facility with an accredited residency program, then a full "
    "license, for applicants already entitled to live or work in the US",
    "14 March 2024, updated 15 April 2024; 2023 law, read 2026",
    "MedPage Today",
    "secondary: a news report",
)
TENNESSEE_LICENSURE_2026 = Source(
    "tennessee-licensure-2026",
    "House Bill 2571 and Senate Bill 2366, Public Chapter 900 of 2026: the provisional foreign training license "
    "rewritten, two years and extendable by one",
    "2026, read 2026",
    "Tennessee General Assembly, as recorded by Open States",
    "secondary copy (Open States)",
)
NISKANEN_BOARD_CERTIFICATION = Source(
    "niskanen-board-certification",
    "A New Program Removes a Major Employment Barrier for International Doctors: specialty board certification is not "
    "a legal requirement but weighs with employers and insurers, and most specialty boards still ask for a US or "
    "Canadian residency",
    "16 October 2025, read 2026",
    "Niskanen Center",
    "secondary: read in the ACEhp Almanac's summary and a republished copy",
)
# Read for the same reader, whom the reserved (physician) PGY-2 wording
# invited to count a residency abroad as the earlier training those places ask
# for; the NRMP's page does not say whether it counts (oldspec audit s46, 2).
PRIOR_RESIDENCY_ABROAD = Source(
    "prior-residency-abroad",
    "Relocating from Another Residency Abroad: Programs Welcoming Prior Training: a physician with a full residency "
    "abroad almost always starts again at PGY-1 in the US",
    "6 January 2026, read 2026",
    "Residency Advisor, not one of the five source articles",
)
# Read for the SOAP page, whose "45 applications in all" no source bore out:
# the NRMP gives 45 through ERAS, and ResidencyCAS sets its own rules for an
# applicant new to it in Match Week (claims audit s40, 1); and for its Step 3
# section, which a DO who took COMLEX only reads too (do-surgery audit s40, 7).
NRMP_SOAP_APPLICATIONS = Source(
    "nrmp-soap-applications",
    "Help: do I need to reapply to programs after the first SOAP round? Unused applications from the initial batch of "
    "45 go through ERAS to programs still unfilled",
    "read 2026",
    "NRMP",
)
# Read for a reader in December with three interviews in orthopaedics, who
# must decide before the rank lists close whether to rank a preliminary
# surgery year and whether to stay a student for a research year (usmd-ortho
# audit s41, 1-3).
NRMP_PARTIALLY_MATCHED = Source(
    "nrmp-partially-matched",
    "Help: what is a partially-matched applicant? One matched only to a PGY-1 position (preliminary or transitional "
    "year) or only to an advanced PGY-2 position; in SOAP such an applicant applies only to positions they are "
    "eligible for",
    "read 2026",
    "NRMP",
)
NRMP_SCHOOL_VERIFICATION = Source(
    "nrmp-school-verification",
    "U.S. Seniors and Medical School Officials pages: a US senior takes part only while on schedule to graduate and "
    "start residency on 1 July of the Match year; the school verifies that by the rank order list deadline, and "
    "verifies its students' and graduates' SOAP eligibility; graduation requirements are the school's own",
    "read 2026",
    "NRMP",
)
NRMP_WITHDRAWAL_DEADLINE = Source(
    "nrmp-withdrawal-deadline",
    "Main Residency Match calendar (Main Match Events): applicants withdraw from the Match by 9:00 p.m. ET on the "
    "rank order list deadline; help for an applicant who matched and will not graduate by 1 July, who must ask for "
    "a waiver; and the February 2024 Illuminator: the Match commitment is binding",
    "2026 Match calendar and 2024 newsletter, read 2026",
    "NRMP",
)
NRMP_SCHOOL_AGREEMENT = Source(
    "nrmp-school-agreement",
    "Match Participation Agreement for medical schools: a withdrawal for delayed graduation or a leave of absence "
    "is sent by the school through the R3 system before the rank order list deadline",
    "older edition, read 2026",
    "NRMP",
    "secondary copy (Law Insider's collection of agreement clauses)",
)
# The newer of two analyses of the NRMP's orthopaedic figures: its abstract
# names the group (US allopathic seniors) the older one (Schrock and others,
# 2017, NRMP data 2006-2014: 11.5 and 5.5) left to the reader, which a DO
# reader took as theirs (diff review s41, second, 7).
ORTHO_CONTIGUOUS_RANKS = Source(
    "sudah-ortho-match-2023",
    "Differences in the Academic Attributes of Matched and Unmatched Orthopaedic Surgery Residency Applicants are "
    "Narrowing (Sudah and others): US MD seniors applying in orthopaedic surgery",
    "2023, NRMP data 2016-2022",
    "JBJS Open Access",
    "secondary: a published analysis of NRMP reports, read in its abstract",
)
# Its means of contiguous orthopaedic ranks for US MD seniors, matched and
# unmatched (the abstract's figures).
ORTHO_US_SENIOR_CONTIG_MEANS = (12.3, 6.5)
ORTHO_REAPPLICANTS = Source(
    "kheir-unmatched-ortho-2020",
    "The Fate of Unmatched Orthopaedic Applicants: Risk Factors and Outcomes (Kheir, Tan, Rondon and Chen): after a "
    "research year and after a surgical internship, unmatched applicants rematched at rates the survey could not "
    "tell apart",
    "2020, survey of 2016-2019 applicants",
    "JBJS Open Access",
    "secondary: a survey study, read in its abstract",
)
RESIDENCYCAS_SOAP = Source(
    "liaison-residencycas-soap",
    "ResidencyCAS help on SOAP: an applicant new to ResidencyCAS that cycle needs an access link (an IMG from ECFMG, "
    "as the applicant quick start guide says), cannot bring data over from ERAS, and pays $99 for up to 45 programs, "
    "the most it allows",
    "read 2026",
    "Liaison International",
)
NBOME_LEVEL3_ELIGIBILITY = Source(
    "nbome-level3-eligibility",
    "COMLEX-USA Level 3 eligibility: a residency program director's attestation of good standing, with a temporary "
    "alternate route through a dean for a candidate never in a residency",
    "read 2026",
    "NBOME",
)
# The H-1B payment of September 2025 and what it did to residency hiring
# (visa-oldgrad audit s39, 1).  Set for 12 months unless extended: the pages
# say what was in force and from when, and send the reader to check it now.
H1B_PROCLAMATION = Source(
    "h1b-proclamation",
    "Restriction on Entry of Certain Nonimmigrant Workers, presidential proclamation of 19 September 2025: $100,000 "
    "with a new H-1B petition from 21 September 2025, for 12 months unless extended",
    "2025, read 2026",
    "The White House, as reported by AAMC Washington Highlights and The Rheumatologist",
    "secondary",
)
AAMC_H1B_EXEMPTION = Source(
    "aamc-h1b-exemption",
    "A letter of 24 September 2025, signed by 54 medical organizations, the AAMC among them, asking the Department of "
    "Homeland Security to exempt physicians, residents and fellows included, from the H-1B payment",
    "September 2025, read 2026",
    "AAMC Washington Highlights",
)
# Who pays: the guidance as law firms quote it (USCIS's own page not seen).
# The payment falls on a new petition for someone outside the US (or one
# asking for consular notification), not on a change of status, extension or
# amendment granted inside the US; it names no exception for employers that
# file outside the yearly cap, and others only in extraordinarily rare cases.
USCIS_H1B_PAYMENT = Source(
    "uscis-h1b-payment",
    "Guidance on the H-1B proclamation, 20 October 2025",
    "2025, read 2026",
    "USCIS, as immigration law firms summarise it",
    "secondary",
)
AAMC_H1B_HOSPITALS = Source(
    "aamc-h1b-hospitals",
    "Hospitals and health systems depend on H-1B visa-sponsored physicians. So what happens now?",
    "2026",
    "AAMC News",
)
# When an H-1B program needs Step 3 (visa-oldgrad audit s39, 4): a petition is
# judged on the facts when it is filed, and a program may ask earlier still.
PETITION_WHEN_FILED = Source(
    "petition-when-filed",
    "Matter of Katigbak, 1971, and later decisions, and the H-1B filing rules: a petition must qualify when filed, and "
    "no earlier than six months before the work starts",
    "1971, read 2026",
    "US immigration precedent and regulations, as immigration lawyers summarise them",
    "secondary",
)
PITT_H1B_STEP3 = Source(
    "pitt-medicine-visa",
    "Visa guidelines, internal medicine residency: for an H-1B, all three USMLE Steps passed by Match Day",
    "for the 2023 Match, read 2026",
    "University of Pittsburgh, Department of Medicine",
)
# A certificate earned through a Pathway expires until made permanent; ECFMG
# revalidates an expired or expiring Pathway through an application with a
# season of its own (visa-psych audit s41, 3).
ECFMG_PATHWAYS_REVALIDATION = Source(
    "ecfmg-pathways-revalidation",
    "2026 Pathways and Pathways Revalidation, for IMGs who need to revalidate a previously accepted Pathway that is "
    "expired or expiring, news of 19 August 2025; and ECFMG Focus, issue 88: the 2025 application closed on 31 May 2025",
    "2025, read 2026",
    "ECFMG",
)
# The J-1 after the Match, and the rules that limit a later switch
# (visa-oldgrad audit s39, 2 and 5).  The Statement of Need page: from the
# health ministry of the country of most recent legal permanent residence,
# naming exactly the specialty trained in.  The FAQ: the host institution's
# Training Program Liaison starts the application; four to six weeks once
# complete for an accredited program; a new statement for a new specialty.
ECFMG_STATEMENT_OF_NEED = Source(
    "ecfmg-evsp-statement-of-need",
    "Exchange Visitor Sponsorship Program: the Statement of Need, and frequently asked questions for J-1 applicants",
    "read 2026",
    "ECFMG",
)
ECFMG_J1_REGULATIONS = Source(
    "ecfmg-evsp-regulations",
    "Exchange Visitor Sponsorship Program: selected federal regulations for J-1 physicians, with one change of "
    "specialty within the first two years and a seven-year limit",
    "read 2026",
    "ECFMG",
)
# Read for a couple in which one or both partners need a visa (couplesvisa
# audit s46, 2).  ECFMG sponsors a J-1 physician's spouse and unmarried
# children under 21 as J-2 dependents, who may apply to USCIS for permission
# to work (earnings that may not support the J-1 family); its page on the
# federal regulations (ECFMG_J1_REGULATIONS) puts accompanying J-2 dependents
# under the same two-year home-country requirement.  Neither page says
# whether a J-2 may train as a resident, so the guide says nothing of it but
# to ask ECFMG and an immigration lawyer.
ECFMG_J2 = Source(
    "ecfmg-evsp-j2",
    "Exchange Visitor Sponsorship Program: J-2 dependents, the spouse and unmarried children under 21 of a J-1 "
    "physician, who may apply to USCIS for permission to work",
    "read 2026",
    "ECFMG",
)
# The H-4 for an H-1B worker's spouse, summarised alike by the international
# offices of Northwestern University, the University of Minnesota and the
# University of Missouri from USCIS's rule: no work incident to the status; a
# spouse may apply for an Employment Authorization Document only once the
# H-1B worker is the beneficiary of an approved immigrant petition (Form
# I-140) or has H-1B time beyond six years on a pending green card case.
H4_DEPENDENTS = Source(
    "h4-dependents",
    "H-4 status for an H-1B worker's spouse and children: no employment in most cases; a spouse may apply for a "
    "work permit only once the H-1B worker has an approved immigrant petition or H-1B time beyond six years "
    "toward permanent residence",
    "read 2026",
    "USCIS rules, as university international offices summarise them",
    "secondary",
)
# The fees due in every case (SEVIS, the J-1 visa application, ECFMG's own),
# named without amounts; and the consulate, where an interview is the rule.
ECFMG_J1_FEES = Source(
    "ecfmg-evsp-fees",
    "Exchange Visitor Sponsorship Program: fees, and applying for a visa at a US consulate",
    "read 2026",
    "ECFMG",
)
INDIA_STATEMENT_OF_NEED = Source(
    "india-statement-of-need",
    "Attestation of surety bond for Statement of Need: the documents include the contract with the US hospital",
    "read 2026",
    "Consulates General of India in Houston and Atlanta",
)
# An advanced match with a linked first year is two programs, often at two
# institutions, and the site stopped at one (anesadv audit s46, 1).  The
# checklists page: a "continuation of ECFMG sponsorship" is the application
# for a physician ECFMG already sponsors who is to train in an accredited
# program, coordinated by the host institution's Training Program Liaison,
# whose role the roles page sets out.  (That a Statement of Need naming one
# institution needs a new one on a change of host institution is in the FAQ,
# ECFMG_STATEMENT_OF_NEED.)  Nothing read says which specialty a statement
# names for a linked first year, or whether the step into the advanced field
# uses the one change of specialty: the guides send those questions to ECFMG.
ECFMG_J1_CONTINUATION = Source(
    "ecfmg-evsp-continuation",
    "Exchange Visitor Sponsorship Program: application checklists, with a continuation of sponsorship for a physician "
    "ECFMG already sponsors, and the Training Program Liaison's role",
    "read 2026",
    "ECFMG",
)
# On an H-1B the advanced program's employer files a petition of its own
# (anesadv audit s46, 1).  USCIS's own page not seen: law firms and
# university international offices (Meyers and Meyers, Temple, Boston
# University) say a new employer files its own Form I-129 before the physician
# works for it, and read USCIS's guidance of 20 October 2025 as leaving the
# $100,000 payment off a change-of-employer petition granted to someone in the
# US, and putting it on one that asks for a visa at a consulate, or that is
# approved only for consular processing.
H1B_CHANGE_OF_EMPLOYER = Source(
    "h1b-change-of-employer",
    "H-1B change of employer: the new employer files its own petition; under USCIS's guidance of 20 "
    "October 2025, one granted to someone in the US carries no $100,000 payment",
    "2025, read 2026",
    "USCIS, as immigration law firms and university international offices summarise it",
    "secondary",
)
SOURCES = (
    *ARTICLES,
    CHARTING_OUTCOMES,
    RESULTS_AND_DATA,
    ACS_FILL,
    DR_MATCH_2025,
    MATCH_RATES,
    ERAS_RULES,
    NRMP_ECFMG_REQUIREMENTS,
    ECFMG_PATHWAYS,
    USMLE_STEP2_PASSING,
    USMLE_SCORE_REPORTING,
    USMLE_ATTEMPT_LIMIT,
    NBOME_ATTEMPT_LIMIT,
    FSMB_STEP3_REQUIREMENTS,
    NRMP_PD_SURVEY,
    ACGME_SINGLE_ACCREDITATION,
    NBOME_LEVEL1_PASS_FAIL,
    NBOME_SCORE_REPORTING,
    SURGERY_PD_DO_SURVEY,
    ORTHO_CHARTING_STUDY,
    NRMP_RANKING,
    NRMP_RANK_LIMIT,
    NRMP_REGISTRATION_FAQ,
    ECFMG_BOOKLET,
    INA_H1B,
    NRMP_CONDUCT,
    NRMP_ALGORITHM,
    MYERAS_GUIDANCE,
    ERAS_DOCUMENTS,
    ERAS_LETTERS_AFTER_APPLYING,
    LETTERS_ASKED,
    RESIDENCYCAS_EVALUATIONS,
    RESIDENCYCAS_DATES,
    MATCHING_THEORY,
    NRMP_SOAP,
    NRMP_SOAP_FAQ,
    NRMP_MATCHED_LOCATION,
    NRMP_POSITION_TYPES,
    AMA_ADVANCED_PGY2,
    AMA_GME_SWITCHING,
    AAMC_MEDICARE_GME,
    NRMP_COUPLES,
    ECFMG_J1,
    FSMB_STEP3,
    STEP3_SCORE_DELAY,
    H1B_CAP_EXEMPT,
    H1B_SIX_YEARS,
    EARLY_MATCHES,
    RESIDENCYCAS,
    ECFMG_RESIDENCYCAS,
    SAEM_RESIDENCYCAS,
    EM_SLOE,
    EM_SLOE_SURVEY,
    EM_SLOE_REVIEW,
    EM_DO_ADVICE,
    SIGNALS_BY_INSTITUTION,
    SIGNALS_FINAL_WHEN_SENT,
    ECFMG_PERMANENT_VALIDATION,
    AAMC_REPEAT_APPLICANTS,
    MISSOURI_ASSISTANT_PHYSICIAN,
    ARKANSAS_GRADUATE_REGISTERED_PHYSICIAN,
    FSMB_ADDITIONAL_LICENSING,
    AMA_ADDITIONAL_LICENSING,
    TENNESSEE_LICENSURE_2023,
    TENNESSEE_LICENSURE_2026,
    NISKANEN_BOARD_CERTIFICATION,
    PRIOR_RESIDENCY_ABROAD,
    NRMP_SOAP_APPLICATIONS,
    NRMP_PARTIALLY_MATCHED,
    NRMP_SCHOOL_VERIFICATION,
    NRMP_WITHDRAWAL_DEADLINE,
    NRMP_SCHOOL_AGREEMENT,
    ORTHO_CONTIGUOUS_RANKS,
    ORTHO_REAPPLICANTS,
    RESIDENCYCAS_SOAP,
    NBOME_LEVEL3_ELIGIBILITY,
    H1B_PROCLAMATION,
    AAMC_H1B_EXEMPTION,
    USCIS_H1B_PAYMENT,
    AAMC_H1B_HOSPITALS,
    PETITION_WHEN_FILED,
    PITT_H1B_STEP3,
    ECFMG_PATHWAYS_REVALIDATION,
    ECFMG_STATEMENT_OF_NEED,
    ECFMG_J1_REGULATIONS,
    ECFMG_J2,
    H4_DEPENDENTS,
    ECFMG_J1_FEES,
    INDIA_STATEMENT_OF_NEED,
    ECFMG_J1_CONTINUATION,
    H1B_CHANGE_OF_EMPLOYER,
)


# --- Reading and writing the TSV copies --------------------------------------
def _number(text: str) -> Number | None:
    if text == "":
        return None
    return float(text) if "." in text else int(text)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def read_tsv(name: str) -> tuple[list[str], list[dict[str, str]]]:
    text = (resources.files(__package__) / "figures" / name).read_text(encoding="utf-8")
    # The files are plain TSV: quotes are text, never CSV quoting.
    reader = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    return list(reader.fieldnames or []), list(reader)


def write_tsv(header: list[str], rows: list[dict[str, str]]) -> str:
    """The one form a figures file is written in.  Nothing at run time writes
    one: the tests read each file and write it back through its dataclass, so
    a hand edit the dataclass would not reproduce fails there."""
    lines = ["\t".join(header), *("\t".join(row[key] for key in header) for row in rows)]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Distribution:
    """A summary of one measure for one group; ``None`` where NRMP suppressed it."""

    median: Number | None
    mean: Number | None
    sd: Number | None
    q1: Number | None = None
    q3: Number | None = None
    n: int | None = None

    @property
    def usable(self) -> bool:
        return self.mean is not None and self.sd is not None and self.sd > 0

    def quarter_of(self, value: float) -> Literal["q3", "median", "q1", "below"]:
        """The published quartile band ``value`` falls in; a value on a
        boundary counts with the band above it, as "at the median" is the
        median.  One reading for every calculator that places a score."""
        assert self.q1 is not None and self.median is not None and self.q3 is not None
        if value >= self.q3:
            return "q3"
        return "median" if value >= self.median else "q1" if value >= self.q1 else "below"


def _distribution(row: dict[str, str], prefix: str, with_quartiles: bool) -> Distribution:
    keys = ["median", "mean", "sd"] + (["q1", "q3", "n"] if with_quartiles else [])
    values = {key: _number(row[f"{prefix}_{key}"]) for key in keys}
    # Built by column name from parsed text, which a type checker cannot follow.
    return Distribution(**values)  # type: ignore[arg-type]


def _distribution_row(dist: Distribution, prefix: str, with_quartiles: bool) -> dict[str, str]:
    keys = ["median", "mean", "sd"] + (["q1", "q3", "n"] if with_quartiles else [])
    return {f"{prefix}_{key}": _text(getattr(dist, key)) for key in keys}


@dataclass(frozen=True)
class ChartingOutcome:
    """One specialty's row of NRMP Charting Outcomes 2026 for non-US IMGs."""

    specialty: str
    positions: int
    all_applicants: int
    img_matched: int
    img_ranked_first: int
    img_match_rate_pct: Number
    step2_matched: Distribution
    step2_unmatched: Distribution
    contig_matched: Distribution
    contig_unmatched: Distribution

    FILE = "charting_outcomes_2026_non_us_img.tsv"

    @classmethod
    def from_row(cls, row: dict[str, str]) -> ChartingOutcome:
        return cls(
            specialty=row["specialty"],
            positions=int(row["positions"]),
            all_applicants=int(row["all_applicants"]),
            img_matched=int(row["img_matched"]),
            img_ranked_first=int(row["img_ranked_first"]),
            img_match_rate_pct=_number(row["img_match_rate_pct"]) or 0,
            step2_matched=_distribution(row, "step2ck_matched", True),
            step2_unmatched=_distribution(row, "step2ck_unmatched", True),
            contig_matched=_distribution(row, "contig_ranks_matched", False),
            contig_unmatched=_distribution(row, "contig_ranks_unmatched", False),
        )

    def to_row(self) -> dict[str, str]:
        return {
            "specialty": self.specialty,
            "positions": str(self.positions),
            "all_applicants": str(self.all_applicants),
            "img_matched": str(self.img_matched),
            "img_ranked_first": str(self.img_ranked_first),
            "img_match_rate_pct": str(self.img_match_rate_pct),
            **_distribution_row(self.step2_matched, "step2ck_matched", True),
            **_distribution_row(self.step2_unmatched, "step2ck_unmatched", True),
            **_distribution_row(self.contig_matched, "contig_ranks_matched", False),
            **_distribution_row(self.contig_unmatched, "contig_ranks_unmatched", False),
        }

    @property
    def img_unmatched(self) -> int:
        return self.img_ranked_first - self.img_matched


# Each IMG group's own column of the PGY-1 table, and its name: NRMP reports
# US-citizen IMGs apart, and their share shows where they find places better
# than the non-US figure does (neurology: 23.9% non-US IMGs, 4.9% US-citizen IMGs).
IMG_GROUP_SHARES: dict[str, tuple[str, str]] = {
    "us-img": ("us_img_pct_of_offered", "US-citizen IMGs"),
    "non-us-img": ("non_us_img_pct_of_offered", "non-US IMGs"),
}
# A US graduate's own seniors' column, and its name.
SENIORS_SHARES: dict[str, tuple[str, str]] = {
    "us-md": ("us_md_senior_pct_of_offered", "US MD seniors"),
    "us-do": ("us_do_senior_pct_of_offered", "US DO seniors"),
}


@dataclass(frozen=True)
class PGY1Result:
    """One specialty's PGY-1 positions in the 2025 Main Residency Match."""

    specialty: str
    positions_offered: int
    positions_filled: int
    fill_rate_pct: Number
    us_md_senior_pct_of_offered: Number
    us_do_senior_pct_of_offered: Number
    us_img_pct_of_offered: Number
    non_us_img_pct_of_offered: Number

    FILE = "results_2025_pgy1_by_specialty.tsv"

    @property
    def positions_unfilled(self) -> int:
        """Left after the Match: what SOAP could offer."""
        return self.positions_offered - self.positions_filled

    def filled_by(self, applicant: str) -> tuple[Number, str] | None:
        """The share of these positions the reader's own group filled, and the
        group's name: an IMG's (IMG_GROUP_SHARES) or a US graduate's seniors
        (SENIORS_SHARES); None for an applicant type neither table holds."""
        column_group = IMG_GROUP_SHARES.get(applicant) or SENIORS_SHARES.get(applicant)
        if column_group is None:
            return None
        column, group = column_group
        share: Number = getattr(self, column)
        return share, group

    @classmethod
    def from_row(cls, row: dict[str, str]) -> PGY1Result:
        kwargs: dict[str, object] = {"specialty": row["specialty"]}
        for f in fields(cls)[1:]:
            kwargs[f.name] = _number(row[f.name])
        # Built by column name from parsed text, which a type checker cannot follow.
        return cls(**kwargs)  # type: ignore[arg-type]

    def to_row(self) -> dict[str, str]:
        return {f.name: _text(getattr(self, f.name)) for f in fields(self)}


def places_filled(spec: Specialty, share: Number, group: str) -> str:
    """ "<Group> filled <share> of the <n> PGY-1 <field> positions offered in
    <year>": the backup finder's row and program counts' reason say it alike."""
    assert spec.pgy1 is not None
    return (
        f"{capitalised(group)} filled {table_percent(float(share))} of the {spec.pgy1.positions_offered:,} PGY-1 "
        f"{spec.name} positions offered in {RESULTS_AND_DATA.year}"
    )


@dataclass(frozen=True)
class MatchRates:
    """PGY-1 match rates by applicant type for one Match year."""

    year: int
    us_md_senior_pct: Number
    us_do_senior_pct: Number
    us_img_pct: Number
    non_us_img_pct: Number
    all_active_pct: Number
    status: str
    source: str

    FILE = "match_rates_overall.tsv"

    @classmethod
    def from_row(cls, row: dict[str, str]) -> MatchRates:
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            text = row[f.name]
            kwargs[f.name] = text if f.name in ("status", "source") else _number(text)
        # Built by column name from parsed text, which a type checker cannot follow.
        return cls(**kwargs)  # type: ignore[arg-type]

    def to_row(self) -> dict[str, str]:
        return {f.name: _text(getattr(self, f.name)) for f in fields(self)}

    @property
    def cited(self) -> Source:
        """This year's row as a figure from it is cited.  The table's source
        spans four years read from two kinds of copy, so the most-read rates
        on the site (2026, from a secondary summary) never said "secondary
        copy" beside them, as every other secondary figure does (links audit
        s33, 4)."""
        return Source(f"{MATCH_RATES.key}-{self.year}", MATCH_RATES.title, str(self.year), "NRMP", self.status)

    def for_applicant(self, applicant_type: str) -> Number:
        """The rate of the reader's group; for US MD and DO, of seniors (see RATE_GROUPS)."""
        return {
            "us-md": self.us_md_senior_pct,
            "us-do": self.us_do_senior_pct,
            "us-img": self.us_img_pct,
            "non-us-img": self.non_us_img_pct,
        }[applicant_type]


# A fee last confirmed for a season before the latest ERAS schedule we hold
# (the 2025 and 2026 seasons) is called old: on the data page, in its prose
# and in the application cost calculator alike.  The line moves with the
# data, not the calendar: "old" says a figure predates the newest schedule
# we have seen, which stays true on any date and in any build.  Whether
# that schedule is confirmed for the season a reader will pay in is another
# question, which the application cost result answers from today's date.
FEES_CURRENT_FROM = 2025

# The source of a cost our data cannot price (the NBOME's COMLEX transcript):
# the result says "not counted" where an amount would read "$0", as if free,
# and the chart leaves it out (application-cost audit s36, 2).
NOT_IN_OUR_DATA = "not in our data"

# fees.tsv's status column marks some old fees itself: "seen (old)", "seen
# (old; current schedule not found)".  Where a page already says "Old figure",
# that mark would say it twice, so it is folded away, keeping any note it holds.
OLD_MARK_IN_STATUS = re.compile(r"\s*\(old(?:;\s*(?P<note>[^)]*))?\)")


@dataclass(frozen=True)
class Fee:
    """One fee as the reference data records it: amounts may be free text."""

    item: str
    amount_usd: str
    unit: str
    season_or_year: str
    status: str
    source: str

    FILE = "fees.tsv"
    # Fees this project read on the publishers' pages itself, beyond the shared
    # reference data (fees.tsv, kept a byte-for-byte copy): ResidencyCAS's, the
    # COMLEX transcript's and the NRMP's late and couple fees (costs-signals
    # audit s38, 1 and 3), with source, season and status the same way.
    READ_HERE = "fees_read_here.tsv"

    @classmethod
    def from_row(cls, row: dict[str, str]) -> Fee:
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    def to_row(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def year(self) -> int:
        """The latest year the figure is confirmed for ("2016-17" counts as 2016)."""
        years = re.findall(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", self.season_or_year)
        if not years:
            raise ValueError(f"fees.tsv: {self.item!r} names no year in {self.season_or_year!r}")
        return max(int(y) for y in years)

    @property
    def is_old(self) -> bool:
        return self.year < FEES_CURRENT_FROM

    @property
    def status_unmarked(self) -> str:
        """The status without the data's own "(old ...)": for beside an "Old figure" mark."""
        return OLD_MARK_IN_STATUS.sub(lambda m: f"; {m['note']}" if m["note"] else "", self.status)


@cache
def charting_outcomes() -> dict[str, ChartingOutcome]:
    _, rows = read_tsv(ChartingOutcome.FILE)
    return {row["specialty"]: ChartingOutcome.from_row(row) for row in rows}


@cache
def pgy1_results() -> dict[str, PGY1Result]:
    _, rows = read_tsv(PGY1Result.FILE)
    return {row["specialty"]: PGY1Result.from_row(row) for row in rows}


@cache
def match_rates() -> dict[int, MatchRates]:
    _, rows = read_tsv(MatchRates.FILE)
    return {int(row["year"]): MatchRates.from_row(row) for row in rows}


@cache
def fees() -> tuple[Fee, ...]:
    return tuple(Fee.from_row(row) for name in (Fee.FILE, Fee.READ_HERE) for row in read_tsv(name)[1])


def latest_match_rates() -> MatchRates:
    rates = match_rates()
    return rates[max(rates)]


# --- Specialties -------------------------------------------------------------
@dataclass(frozen=True)
class Specialty:
    """A specialty a reader can choose, with how hard it is to enter as an IMG."""

    slug: str
    name: str
    tier: Tier
    charting_name: str | None
    results_name: str | None = None
    acs_fill: str | None = None
    # The sources behind this field's tier, where they are not its tier's
    # usual ones (TIER_SOURCES): not every source of a tier names every field.
    tier_basis: tuple[Source, ...] = ()

    @property
    def tier_sources(self) -> tuple[Source, ...]:
        return self.tier_basis or TIER_SOURCES[self.tier]

    @property
    def outcome(self) -> ChartingOutcome | None:
        return charting_outcomes().get(self.charting_name or "")

    @property
    def pgy1(self) -> PGY1Result | None:
        return pgy1_results().get(self.results_name or "")


# From the most open field to the hardest.
TIER_ORDER: tuple[Tier, ...] = ("accessible", "moderate", "competitive", "ultra")
# The tiers the articles treat as hard to enter even with a strong file: one
# set for program counts, the check and match odds, which each kept a copy
# (sources audit s54, 11).
HARD_TIERS: frozenset[Tier] = frozenset({"ultra", "competitive"})
PROGRAM_TIERS: tuple[ProgramTier, ...] = ("reach", "target", "likely")
# A list and its chart are read from the programs most likely to take the reader.
PROGRAM_TIERS_EASIEST_FIRST: tuple[ProgramTier, ...] = tuple(reversed(PROGRAM_TIERS))
PROGRAM_TIER_LABELS: dict[ProgramTier, str] = {
    "reach": "Reach",
    "target": "Target (stretch but reasonable)",
    "likely": "Likely (most realistic)",
}
# The same, as a method table's column heads name them.
PROGRAM_TIER_NAMES: dict[ProgramTier, str] = {tier: label.split(" (")[0] for tier, label in PROGRAM_TIER_LABELS.items()}
TIER_LABELS: dict[Tier, str] = {
    "accessible": "historically IMG-accessible",
    "moderate": "moderately competitive for IMGs",
    "competitive": "competitive for IMGs",
    "ultra": "ultra-competitive",
}

# Why each tier: the IMG article lists IM, FM, Pediatrics, Psychiatry and
# Neurology as the historically IMG-accessible fields.  It does not list
# pathology, which fills 27.0% of its 2025 PGY-1 positions with non-US IMGs
# (NRMP 2025) and which the no-match article names ("sometimes ... Path") among
# the more flexible backups: hence pathology's own tier_basis.  The IMG and
# ultra-competitive articles name dermatology, orthopaedics, plastics, ENT and
# neurosurgery as the highly competitive targets; the radiology article calls
# diagnostic radiology moderately competitive overall but harder for IMGs.
# The rest sit between: the orthopaedics article calls general surgery "still
# competitive", PM&R "becoming more competitive" and EM's competitiveness
# changeable.  It says nothing of anesthesiology or obstetrics and gynecology,
# whose tier rests on their non-US IMG match rates (NRMP Charting Outcomes),
# and for anesthesiology on the IMG article, which gives it backups of its own
# (internal medicine, a transitional year, family medicine) as a first choice.
TIER_SOURCES: dict[Tier, tuple[Source, ...]] = {
    "accessible": (ARTICLE_IMG, RESULTS_AND_DATA),
    "moderate": (ARTICLE_ORTHO, CHARTING_OUTCOMES),
    "competitive": (ARTICLE_RADIOLOGY, CHARTING_OUTCOMES),
    "ultra": (ARTICLE_IMG, ARTICLE_ULTRA),
}

SPECIALTIES: tuple[Specialty, ...] = (
    Specialty("internal-medicine", "Internal Medicine", "accessible", "Internal Medicine", "Internal Medicine (categorical)"),
    Specialty("family-medicine", "Family Medicine", "accessible", "Family Medicine", "Family Medicine"),
    Specialty("pediatrics", "Pediatrics", "accessible", "Pediatrics", "Pediatrics (categorical)"),
    Specialty("psychiatry", "Psychiatry", "accessible", "Psychiatry", "Psychiatry"),
    Specialty("neurology", "Neurology", "accessible", "Neurology", "Neurology"),
    Specialty(
        "pathology",
        "Pathology",
        "accessible",
        "Pathology-Anatomic and Clinical",
        "Pathology-Anatomic and Clinical",
        tier_basis=(RESULTS_AND_DATA, ARTICLE_UNMATCHED),
    ),
    # Its non-US IMG match rate (54.1%, 148 who ranked it first) is level
    # with family medicine's, so the tier rests on how few of its places
    # non-US IMGs fill and on the orthopaedics article's words, not on a rating
    # the article never gives (EM audit s53, 8).
    Specialty(
        "emergency-medicine",
        "Emergency Medicine",
        "moderate",
        "Emergency Medicine",
        "Emergency Medicine",
        tier_basis=(RESULTS_AND_DATA, ARTICLE_ORTHO),
    ),
    Specialty(
        "anesthesiology",
        "Anesthesiology",
        "moderate",
        "Anesthesiology",
        "Anesthesiology",
        tier_basis=(CHARTING_OUTCOMES, ARTICLE_IMG),
    ),
    Specialty(
        "obstetrics-gynecology",
        "Obstetrics and Gynecology",
        "moderate",
        "Obstetrics and Gynecology",
        "Obstetrics and Gynecology",
        tier_basis=(CHARTING_OUTCOMES,),
    ),
    # "Moderately competitive" is this site's reading: the orthopaedics
    # article, its source, says "still competitive", and the field's non-US
    # IMG match rate is shown beside it (sources audit s54, 2).
    Specialty(
        "general-surgery",
        "General Surgery",
        "moderate",
        "Surgery-General",
        "Surgery-General (categorical)",
        tier_basis=(ARTICLE_ORTHO, CHARTING_OUTCOMES),
    ),
    Specialty("pmr", "Physical Medicine and Rehabilitation (PM&R)", "moderate", "Physical Medicine and Rehabilitation"),
    # Its fill rates are DR_PGY1_2025 and DR_PGY2_2025: not the ACS release's.
    # Its tier is the radiology article's reading, and its non-US IMG match
    # rate; the IMG article, cited for it, groups radiology with the highly
    # competitive fields, as the ultra-competitive article does, so the
    # basis says so (sources audit s54, 1).
    Specialty(
        "diagnostic-radiology",
        "Diagnostic Radiology",
        "competitive",
        "Radiology-Diagnostic",
        tier_basis=(ARTICLE_RADIOLOGY, CHARTING_OUTCOMES),
    ),
    Specialty("dermatology", "Dermatology", "ultra", "Dermatology"),
    Specialty("otolaryngology", "Otolaryngology (ENT)", "ultra", "Otolaryngology", acs_fill="394 positions, 99.7% filled"),
    Specialty(
        "plastic-surgery",
        "Plastic Surgery (integrated)",
        "ultra",
        "Plastic Surgery (Integrated)",
        acs_fill="221 positions, 100% filled",
    ),
    Specialty(
        "neurological-surgery", "Neurological Surgery", "ultra", "Neurological Surgery", acs_fill="268 positions, 98.9% filled"
    ),
    Specialty("orthopaedic-surgery", "Orthopaedic Surgery", "ultra", "Orthopaedic Surgery", "Orthopaedic Surgery"),
)
SPECIALTY_BY_SLUG: dict[str, Specialty] = {s.slug: s for s in SPECIALTIES}

# A field whose tier rests on sources of its own (``tier_basis``) says what
# each of them gives, beside the tier's words: "historically IMG-accessible"
# stood for pathology beside one year's table alone, where its basis also
# holds the no-match article (pathneuro audit s46, 3).  An article's words
# for a field are written here; the NRMP figures come from the tables.
TIER_ARTICLE_WORDS: dict[tuple[str, str], str] = {
    ("emergency-medicine", ARTICLE_ORTHO.key): (
        "the orthopaedics article, which says its competitiveness changes from cycle to cycle and some areas have "
        "few places for IMGs"
    ),
    ("pathology", ARTICLE_UNMATCHED.key): "the no-match article, which names it “sometimes” among the more flexible backups",
    ("diagnostic-radiology", ARTICLE_RADIOLOGY.key): (
        "the radiology article, which calls it moderately competitive overall but harder for IMGs"
    ),
    ("general-surgery", ARTICLE_ORTHO.key): (
        "the orthopaedics article, which calls it “still competitive” and says some of its programs are not IMG-friendly"
    ),
    ("anesthesiology", ARTICLE_IMG.key): (
        "the IMG article, which lists it as a first choice with backups of its own (internal medicine, a "
        "transitional year, family medicine)"
    ),
}


def ranked_first_matched(outcome: ChartingOutcome) -> str:
    """A field's non-US IMG match rate in words, as the calculators set it
    beside another field's: "41.9% of the non-US IMGs who ranked it first
    matched in 2026"."""
    return (
        f"{table_percent(outcome.img_match_rate_pct)} of the non-US IMGs who ranked it first matched in {CHARTING_OUTCOMES.year}"
    )


# Where another article places a field in a different tier from ours, the
# basis says so: radiology was cited to the IMG article, which groups it with
# the highly competitive fields (sources audit s54, 1).
TIER_READ_OTHERWISE: dict[str, str] = {
    "diagnostic-radiology": (
        f"The {ARTICLE_IMG.short} and the {ARTICLE_ULTRA.short} go further, grouping it with the most competitive "
        f"fields ({ARTICLE_IMG.cite()}; {ARTICLE_ULTRA.cite()})."
    ),
}


def tier_basis_said(spec: Specialty) -> str:
    """A sentence naming each source of a field's own tier basis, with its
    figure or words; empty for a field on its tier's usual sources."""
    parts = []
    for source in spec.tier_basis:
        if source is RESULTS_AND_DATA and spec.pgy1 is not None:
            parts.append(
                f"the share of its PGY-1 positions non-US IMGs filled "
                f"({table_percent(spec.pgy1.non_us_img_pct_of_offered)}, {source.named()})"
            )
        elif source is CHARTING_OUTCOMES and spec.outcome is not None:
            parts.append(
                f"the match rate of the non-US IMGs who ranked it first "
                f"({table_percent(spec.outcome.img_match_rate_pct)}, {source.named()})"
            )
        else:
            parts.append(f"{TIER_ARTICLE_WORDS[(spec.slug, source.key)]} ({source.cite()})")
    otherwise = f" {TIER_READ_OTHERWISE[spec.slug]}" if spec.slug in TIER_READ_OTHERWISE else ""
    return f" This site places it in that tier on {and_list(parts)}.{otherwise}" if parts else ""


SPECIALTY_CHOICES: tuple[tuple[str, str], ...] = tuple((s.slug, s.name) for s in SPECIALTIES)

APPLICANT_TYPES: tuple[tuple[str, str], ...] = (
    ("us-md", "US MD senior or graduate"),
    ("us-do", "US DO senior or graduate"),
    ("us-img", "US-citizen IMG"),
    ("non-us-img", "Non-US-citizen IMG"),
)
APPLICANT_LABELS = dict(APPLICANT_TYPES)
# The NRMP registers a permanent resident (green card) who studied abroad as a
# non-US-citizen IMG, and counts them in that group's figures: the site once
# filed them with US citizens, and told them those figures were not theirs.
PERMANENT_RESIDENTS = (
    "A permanent resident (green card holder) who studied abroad registers as a non-US-citizen IMG "
    f"({NRMP_REGISTRATION_FAQ.cite()}): choose that, and answer that you need no visa."
)
IMG_TYPES = frozenset({"us-img", "non-us-img"})
US_GRADUATE_TYPES = frozenset({"us-md", "us-do"})
# Said wherever a US-citizen IMG's advice rests on non-US IMGs' figures
# (Charting Outcomes describes no other IMG group): one wording, so the
# calculators cannot tell them two stories.
NOT_YOUR_GROUP = "the nearest published group, not yours: US-citizen IMGs match more often overall"
# Whom each ``MatchRates`` column counts.  For US MD and DO it is seniors: the
# NRMP counts graduates who have left school as an applicant type of their
# own, whose rate is not in our data, so a senior's rate must not be shown
# as a graduate's.
RATE_GROUPS = {
    "us-md": "US MD seniors",
    "us-do": "US DO seniors",
    "us-img": "US-citizen IMGs",
    "non-us-img": "non-US IMGs",
}


def prior_us_graduate(inputs: Mapping[str, object]) -> bool:
    """A US MD or DO applicant who has left school (parsed profile inputs):
    not counted in the seniors' rate."""
    return inputs["applicant_type"] in US_GRADUATE_TYPES and (
        whole(inputs, "years_since_graduation") > 0 or flag(inputs, "previously_unmatched")
    )


PRIOR_GRADUATE_RATE = (
    "The NRMP counts US graduates of earlier years apart from seniors, and that group's match rate is not in "
    "our data, so the seniors' rate does not describe you."
)

# Letters from physicians in the field that one specialty's applications
# expect, shared by the competitiveness check and the packet check: 2-3 per
# specialty (IMG article), so 2; in the ultra-competitive fields 3 (ultra
# article: "3 strong derm letters"; orthopaedics article: 3-4); in radiology
# 1, the radiology article asking 1-2 from radiologists next to 1-2 from
# other US clinicians.
LETTERS_PER_SPECIALTY = 2
LETTERS_IN_ULTRA_FIELDS = 3
LETTERS_FROM_RADIOLOGISTS = 1


def letters_expected(slug: str) -> tuple[int, Source]:
    """How many letters from the field one specialty expects, and whose rule it is."""
    if slug == "diagnostic-radiology":
        return LETTERS_FROM_RADIOLOGISTS, ARTICLE_RADIOLOGY
    if specialty(slug).tier == "ultra":
        return LETTERS_IN_ULTRA_FIELDS, ARTICLE_ORTHO if slug == "orthopaedic-surgery" else ARTICLE_ULTRA
    return LETTERS_PER_SPECIALTY, ARTICLE_IMG


# The ultra article counts letters only in its dermatology roadmap; ENT,
# plastics and neurosurgery were held to that 3 as if it had said so of them
# (sources audit s54, 3).
ULTRA_LETTERS_FROM_DERMATOLOGY = frozenset({"otolaryngology", "plastic-surgery", "neurological-surgery"})


def letters_reading(slug: str) -> str:
    """For a field whose expected letters are borrowed from another field's
    count, a sentence saying so; else ""."""
    if slug not in ULTRA_LETTERS_FROM_DERMATOLOGY:
        return ""
    return (
        f"The {ARTICLE_ULTRA.short} asks for {LETTERS_IN_ULTRA_FIELDS} strong letters in its dermatology plan and gives "
        f"no count for {specialty(slug).name}: using its {LETTERS_IN_ULTRA_FIELDS} here is our reading."
    )


# The no-match article's realistic backups after a no-match: "IM, FM, Psych,
# Peds, Anesthesia, sometimes EM or Path".  Its 60-100+ programs for a backup
# names the first five as examples.
NO_MATCH_BACKUPS = frozenset({"internal-medicine", "family-medicine", "psychiatry", "pediatrics", "anesthesiology"})
NO_MATCH_SOMETIMES = frozenset({"emergency-medicine", "pathology"})
# The no-match article's fields "generally more flexible" about a lower
# Step 2, gaps or an older graduation, and IMG status ("Family Med, Psych,
# Peds, IM"): the backup finder's red-flag points and the competitiveness
# check's graduation points both read it.
FLEXIBLE_ABOUT_RED_FLAGS = frozenset({"family-medicine", "psychiatry", "pediatrics", "internal-medicine"})

# Fields the IMG article names as using advanced positions, which start at
# PGY-2 after a separate preliminary or transitional year.  The backup finder
# offers that year; the cost calculator prices its list.
ARTICLE_ADVANCED_SPECIALTIES = frozenset({"diagnostic-radiology", "anesthesiology", "dermatology", "pmr"})
ADVANCED_POSITION_SOURCE = ARTICLE_IMG
# The article's list is introduced by "e.g.", and a neurology applicant was
# never told to plan a first year, though neurology offers many advanced
# positions beside its PGY-1 ones (visa-oldgrad audit s39, 3).  Adding a field
# here is our reading, and the note says so with the source it rests on.
ADVANCED_BY_OUR_READING: dict[str, Source] = {"neurology": AMA_ADVANCED_PGY2}
ADVANCED_POSITION_SPECIALTIES = ARTICLE_ADVANCED_SPECIALTIES | frozenset(ADVANCED_BY_OUR_READING)


def advanced_among(*slugs: object) -> list[str]:
    """The chosen fields, in the reader's order, that use advanced positions
    (a backup left unchosen is None)."""
    return [str(slug) for slug in slugs if slug in ADVANCED_POSITION_SPECIALTIES]


# The one-year programs such a first year is spent in (and a bridge year
# after a no-match), by the slug a reader writes for them.
FIRST_YEAR_PROGRAMS: dict[str, str] = {
    "transitional-year": "Transitional Year",
    "preliminary-medicine": "Preliminary Internal Medicine",
    "preliminary-surgery": "Preliminary General Surgery",
}


def advanced_positions_note(slugs: list[str], what_to_do: str, needs_visa: bool = False) -> str:
    """Why fields starting at PGY-2 need a first year as well, with
    ``what_to_do`` about it, in the words every calculator uses."""
    return (
        _why_a_first_year(slugs)
        + f" {what_to_do} "
        # Every tool said to apply for that year; none said a visa reader's
        # first-year program must sponsor too (reapplicant audit s36, 5).
        + ("Each first-year program you rank must sponsor your visa too, not only the advanced one. " if needs_visa else "")
        # The reserved positions last: before ``what_to_do``, its "that
        # year" read as theirs (ESL audit s35, 1).  A US first year, since
        # "or have finished one" read as if a year or a residency abroad
        # qualified, which no source of ours says (oldspec audit s46, 2).  Such
        # a reader was still told to apply for a first year (pgy1res audit s46, 2).
        + "An advanced position starts in July of the year after the Match that places it, a year after the first-year "
        "programs. If you are already in a first year of US residency, or have finished one, you need no other: skip "
        "the first-year applications and supplemental lists, and look for reserved (physician) PGY-2 positions, "
        f"which start in July of the Match year ({NRMP_POSITION_TYPES.cite()}), beside advanced ones a year later. "
        "Whether training outside the US counts for them, our sources do not say: ask each program."
        + "".join(first_year_positions(slug) for slug in slugs)
    )


def _why_a_first_year(slugs: list[str]) -> str:
    """Who says each field starts at PGY-2: the article for its own list, and
    our reading, with its source, for a field we added to it."""
    listed = [slug for slug in slugs if slug not in ADVANCED_BY_OUR_READING]
    said: list[str] = []
    if listed:
        names = " and ".join(specialty(slug).name for slug in listed)
        these = "these fields" if len(listed) > 1 else "this field"
        said.append(
            f"{names}: the IMG article lists {these} among those that use advanced positions, which start at PGY-2, "
            f"after a separate preliminary or transitional year ({ADVANCED_POSITION_SOURCE.cite()})."
        )
    for slug in slugs:
        if slug in ADVANCED_BY_OUR_READING:
            name = specialty(slug).name
            said.append(
                f"{name}: beside its PGY-1 positions it also offers advanced ones, which start at PGY-2, after a separate "
                f"preliminary or transitional year. The IMG article's list of fields with such positions gives "
                f"examples and leaves {name} out; adding it is our reading ({ADVANCED_BY_OUR_READING[slug].cite()})."
            )
    return " ".join(said)


def categorical_first_years(slug: str) -> str:
    """Where the NRMP figures show the field also starting at PGY-1, say so:
    the article's list reads as if every program were advanced.  Empty when
    our figures have no PGY-1 row."""
    spec = specialty(slug)
    if spec.pgy1 is None or not spec.pgy1.positions_offered:
        return ""
    return (
        f" {spec.name} also has positions that start at PGY-1 ({spec.pgy1.positions_offered:,} offered, "
        f"{RESULTS_AND_DATA.named()}): those include the first year, so a separate one is needed only for the advanced "
        "positions you apply to."
    )


def first_year_positions(slug: str) -> str:
    """Where the field's programs can include the first year, for every
    field with advanced positions: the Results table's PGY-1 row where we
    have one (``categorical_first_years``), diagnostic radiology's from its
    own table, and for dermatology that we hold no count.  A radiology reader
    read only "Apply to programs for that year as well", though the data page
    gives its 151 (derm-usmd audit s43, 8).  Kept apart from
    ``categorical_first_years``, whose truth the backup finder reads as "some
    positions start at PGY-2": in radiology most do."""
    if said := categorical_first_years(slug):
        return said
    name = specialty(slug).name
    if slug == "diagnostic-radiology":
        return (
            f" {name} also has positions that start at PGY-1 ({DR_PGY1_2025.offered:,} offered in "
            f"{DR_MATCH_2025.year}, against {DR_PGY2_2025.offered:,} starting at PGY-2; {DR_MATCH_2025.cite()}): those "
            "include the first year, so a separate one is needed only for the advanced positions you apply to, most of "
            "the field's."
        )
    if slug == "dermatology":
        return (
            f" Some {name} programs start at PGY-1 and include the first year, but this site holds no count of them: "
            "check each program's track, and plan a separate first year for the advanced ones."
        )
    return ""


def specialty(slug: str) -> Specialty:
    return SPECIALTY_BY_SLUG[slug]


SPECIALTY_BY_NAME = {s.name: s for s in SPECIALTIES}


# Each field's short form for the phones' pinned lines, one the glossary's
# table of short forms lists, so a reader can look it up: the full name and
# the year left no room, and the line dropped the field's name in 69,604 of
# 78,336 answers (diff review s55, 7).  None for pathology: "path" reads
# as a word of its own.
SHORT_NAMES = {
    "internal-medicine": "IM",
    "family-medicine": "FM",
    "pediatrics": "Peds",
    "psychiatry": "Psych",
    "neurology": "Neuro",
    "emergency-medicine": "EM",
    "anesthesiology": "Anesthesia",
    "obstetrics-gynecology": "OB/GYN",
    "general-surgery": "Surgery",
    "pmr": "PM&R",
    "diagnostic-radiology": "Radiology",
    "dermatology": "Derm",
    "otolaryngology": "ENT",
    "plastic-surgery": "Plastics",
    "neurological-surgery": "Neurosurgery",
    "orthopaedic-surgery": "Ortho",
}


def short_name(name: str) -> str:
    """A field's short form, by its full name, or the name itself."""
    return SHORT_NAMES.get(SPECIALTY_BY_NAME[name].slug, name) if name in SPECIALTY_BY_NAME else name


# --- Rules of thumb ------------------------------------------------------------
@dataclass(frozen=True)
class RuleOfThumb:
    """A figure the articles give as advice, not as measured data."""

    topic: str
    value: str
    source: Source


# Two of the IMG article's ranges that several calculators quote and build
# rules on, held once: typed in six strings, one printed "225-230" where the
# rest had "225–230" (coderead audit s41, 4).
IMG_STEP2_RED_FLAG = (225, 230)
IMG_GRADUATION_BARRIER_YEARS = (5, 7)
# The IMG article's worked example graduated in this year ("YOG: 2019"), the
# older graduation its 80-120 family medicine count rests on (diff review
# s53, 11).
IMG_EXAMPLE_GRADUATION_YEAR = 2019
# The orthopaedics article's self-audit: a Step 2 CK of about 245-250 or more
# is a strong advantage.
ORTHO_STEP2_ADVANTAGE = (245, 250)


def span(bounds: tuple[int, int]) -> str:
    """A range as the site prints one: "225–230", with an en dash."""
    return f"{bounds[0]}–{bounds[1]}"


RULES_OF_THUMB: tuple[RuleOfThumb, ...] = (
    RuleOfThumb("Step 2 CK red flag for IMGs", f"below {span(IMG_STEP2_RED_FLAG)}", ARTICLE_IMG),
    RuleOfThumb("Step 2 CK for ultra-competitive fields", "250+ as a rough ballpark, not a cutoff", ARTICLE_ULTRA),
    RuleOfThumb(
        "Step 2 CK in the orthopaedic self-audit", f"{span(ORTHO_STEP2_ADVANTAGE)} or more is a strong advantage", ARTICLE_ORTHO
    ),
    RuleOfThumb(
        "Step 2 CK bands for diagnostic radiology", "250+ very strong; 235–249 mid-range; below 235 lower", ARTICLE_RADIOLOGY
    ),
    RuleOfThumb(
        "Years since graduation that become a barrier", f"more than {span(IMG_GRADUATION_BARRIER_YEARS)} years", ARTICLE_IMG
    ),
    RuleOfThumb(
        "Years since graduation that make radiology harder", "3–4 or more without continuous clinical work", ARTICLE_RADIOLOGY
    ),
    RuleOfThumb(
        "Years since graduation in the no-match misalignment example",
        "more than 3 with no recent clinical work",
        ARTICLE_UNMATCHED,
    ),
    RuleOfThumb("Letters per specialty when dual applying", "2–3 for the primary; 2–3 for the backup if possible", ARTICLE_IMG),
    RuleOfThumb(
        "Letters for orthopaedics plus a backup", "3–4 mostly from orthopaedic surgeons; 2–3 in the backup", ARTICLE_ORTHO
    ),
    RuleOfThumb(
        "Letters for radiology plus a backup",
        "1–2 from radiologists and 1–2 from other US clinicians; at least 2 in the backup",
        ARTICLE_RADIOLOGY,
    ),
    RuleOfThumb(
        "Letters after a no-match",
        "2 or more from the backup specialty, plus 1 from the earlier field if supportive",
        ARTICLE_UNMATCHED,
    ),
    RuleOfThumb("Orthopaedic away rotations in the self-audit", "at least two US rotations", ARTICLE_ORTHO),
    RuleOfThumb(
        "Programs: orthopaedic surgery (US-citizen IMG)", "60–80+ (ortho article); 60–90+ (ultra article)", ARTICLE_ORTHO
    ),
    RuleOfThumb("Programs: dermatology (US-citizen IMG)", "60–100+", ARTICLE_ULTRA),
    RuleOfThumb("Programs: other ultra-competitive fields", "50–80+", ARTICLE_ULTRA),
    RuleOfThumb("Programs: PM&R as a backup", "40–60", ARTICLE_ORTHO),
    RuleOfThumb("Programs: IM or FM for an uncertain IMG", "80+", ARTICLE_ORTHO),
    RuleOfThumb("Programs: backup fields for IMGs in some specialties", "100+ is common", ARTICLE_IMG),
    RuleOfThumb("Programs: the IMG article's psychiatry example", "60–80 psychiatry plus 80–120 family medicine", ARTICLE_IMG),
    RuleOfThumb("Programs: the dermatology roadmap", "80–100 dermatology plus 40–60 internal medicine", ARTICLE_ULTRA),
    RuleOfThumb("Programs: the orthopaedics roadmap", "70–90 orthopaedics plus 20–40 general surgery", ARTICLE_ULTRA),
    RuleOfThumb("Programs: reapplying in a backup field", "60–100+, by risk factors", ARTICLE_UNMATCHED),
    RuleOfThumb("Split after a no-match (example)", "about 80% backup, 20% original field", ARTICLE_UNMATCHED),
    RuleOfThumb("Realistic and stretch programs in a backup list", "at least 70–80% of the list", ARTICLE_UNMATCHED),
    RuleOfThumb("Deciding whether to dual apply", "no later than mid-summer before ERAS submission", ARTICLE_ORTHO),
    RuleOfThumb("Planning horizon before ERAS", "12–18 months, in stages: 12–18, 9–12, 6–9, 3–6, 0–3 months", ARTICLE_ORTHO),
    RuleOfThumb(
        "Research at an anchor institution", "3–12+ months; often 1–2 dedicated years for ultra-competitive fields", ARTICLE_ULTRA
    ),
    RuleOfThumb("Output of a research year after a no-match", "2–3 abstracts, posters or manuscripts", ARTICLE_UNMATCHED),
    RuleOfThumb("NBME practice tests before Step 2 CK", "at least 2–3", ARTICLE_ULTRA),
    RuleOfThumb("Time to grieve a no-match before planning", "3–7 days", ARTICLE_UNMATCHED),
    RuleOfThumb("Horizon of a non-residency Plan B", "12–24 months", ARTICLE_IMG),
    RuleOfThumb("Horizon of a pivot plan after a no-match", "12–18 months", ARTICLE_UNMATCHED),
    RuleOfThumb("Full commitment after matching the backup", "6–12 months before judging", ARTICLE_ORTHO),
    RuleOfThumb("Letters a program can receive in ERAS", "at most 4 per program", ERAS_RULES),
    RuleOfThumb("COMLEX Level 2 bands for diagnostic radiology", "640+ very strong; 580–639 mid-range", ARTICLE_RADIOLOGY),
    RuleOfThumb(
        "Radiology-only checklist",
        "2+ US clinical experiences, at least 1 in radiology; 1–2 radiologist letters",
        ARTICLE_RADIOLOGY,
    ),
    RuleOfThumb(
        "Personal statements for orthopaedics plus a backup", "1–2 orthopaedic versions and 1 for the backup", ARTICLE_ORTHO
    ),
    RuleOfThumb(
        "Letters from a preliminary year", "2 strong letters from the year plus 1–2 from the target field", ARTICLE_UNMATCHED
    ),
    RuleOfThumb("People to ask for a no-match debrief", "1–2 trusted faculty in the field", ARTICLE_UNMATCHED),
    RuleOfThumb("Faculty advocates to build when letters were weak", "2–3", ARTICLE_UNMATCHED),
    RuleOfThumb("Red flags that make one specialty alone very risky", "2 or more", ARTICLE_IMG),
    RuleOfThumb("Years you should be able to live near a program", "3 or more", ARTICLE_ORTHO),
)


# --- Match cycle dates (planning tools) ------------------------------------------
# Only dates someone published are in the file; ``calculators.cycle`` fills
# the rest of a season from documented rules and labels them as estimates.
@dataclass(frozen=True)
class CycleDate:
    """One dated milestone of one Match season, with where the date comes from."""

    match_year: int
    milestone: str
    date: dt.date
    status: str
    source: str

    FILE = "cycle_dates.tsv"

    @classmethod
    def from_row(cls, row: dict[str, str]) -> CycleDate:
        return cls(int(row["match_year"]), row["milestone"], dt.date.fromisoformat(row["date"]), row["status"], row["source"])

    def to_row(self) -> dict[str, str]:
        return {
            "match_year": str(self.match_year),
            "milestone": self.milestone,
            "date": self.date.isoformat(),
            "status": self.status,
            "source": self.source,
        }


@cache
def cycle_dates() -> tuple[CycleDate, ...]:
    _, rows = read_tsv(CycleDate.FILE)
    dates = tuple(CycleDate.from_row(row) for row in rows)
    # A published date added beside an older secondary row for the same
    # milestone lost to it by its place in the file, in silence
    # (data-update audit s36, 4): one row per season and milestone.
    seen: set[tuple[int, str]] = set()
    for row in dates:
        if (row.match_year, row.milestone) in seen:
            raise ValueError(f"{CycleDate.FILE}: two rows for Match {row.match_year} {row.milestone}; replace the older one")
        seen.add((row.match_year, row.milestone))
    return dates


# --- Program signals (signals planner) -------------------------------------------
# One row per specialty and ERAS season.  A row whose ``signals`` cell is empty
# records that we looked and found no number in our sources; the planner then
# says so and gives no number.  Fill a cell only from a source you can cite on
# the same row.
@dataclass(frozen=True)
class SignalAllowance:
    """How many program signals one specialty allows in one ERAS season, if known."""

    specialty: str
    season: str
    signals: int | None
    detail: str
    status: str
    source: str

    FILE = "signals.tsv"

    @classmethod
    def from_row(cls, row: dict[str, str]) -> SignalAllowance:
        count = row["signals"].strip()
        return cls(row["specialty"], row["season"], int(count) if count else None, row["detail"], row["status"], row["source"])

    def to_row(self) -> dict[str, str]:
        return {
            "specialty": self.specialty,
            "season": self.season,
            "signals": _text(self.signals),
            "detail": self.detail,
            "status": self.status,
            "source": self.source,
        }

    @property
    def known(self) -> bool:
        return self.signals is not None


@cache
def signal_allowances() -> dict[str, SignalAllowance]:
    """The table by specialty slug; a specialty without a row is simply unknown."""
    _, rows = read_tsv(SignalAllowance.FILE)
    return {row["specialty"]: SignalAllowance.from_row(row) for row in rows}
