"""The flagship bank, questions/china-us-detente.yaml: it loads cleanly and keeps its promises.

The bank is checked against the article it was written from, which ships beside it in the
repository (``questions/sources/china-us-detente.txt``) and which the bank names with
``source.file``: nothing outside the clone is read.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.banks.loader import load_bank
from game.core.model import Bank, LoadResult, QuestionType
from game.core.textmatch import fold_quote

REPO = Path(__file__).resolve().parents[1]
BANK_PATH = REPO / "questions" / "china-us-detente.yaml"
BANK_ID = "china-us-detente"
ARTICLE_PATH = REPO / "questions" / "sources" / "china-us-detente.txt"

MIN_QUESTIONS = 60
MIN_PER_TYPE = {
    QuestionType.CHOICE: 25,
    QuestionType.TRUEFALSE: 8,
    QuestionType.MULTI: 6,
    QuestionType.SHORT: 6,
    # the timeline is asked twice, not five times over the same events (issue 15)
    QuestionType.ORDER: 2,
    QuestionType.MATCH: 4,
}
TOPIC_COUNT_RANGE = (6, 9)
MIN_PER_TOPIC = 5
# difficulty level -> target share of the bank, in percent; each must hold within 10 points
DIFFICULTY_TARGETS = {1: 40, 2: 40, 3: 20}
DIFFICULTY_TOLERANCE = 10

# History is kept by id: renaming or dropping a question must be a deliberate edit here too.
EXPECTED_IDS = frozenset(
    {
        "ai-talks-expected",
        "avoid-siding-washington",
        "bangkok-meeting-city",
        "blacklist-reason",
        "breathing-room",
        "chasm-define-relationship",
        "china-diplomacy-aim",
        "china-influence-source",
        "china-leverage-limits",
        "competition-code-for-containment",
        "contested-seas",
        "cooperation-has-a-price",
        "core-interests-named",
        "detente-buys-time",
        "economy-causes",
        "election-year-sanctions",
        "fentanyl-china-role",
        "fentanyl-deaths-per-year",
        "fentanyl-talks-a-win",
        "framings-reveal",
        "houthis-name",
        "kim-leverage",
        "korea-buffer",
        "korea-request-limits",
        "match-china-stakes",
        "match-names-institutions",
        "match-people-roles",
        "match-phrase-meaning",
        "match-who-said-what",
        "middle-east-courting",
        "middle-east-goodwill",
        "military-talks-month",
        "military-talks-purpose",
        "military-talks-who-restarted",
        "no-softening",
        "opening-agreement-uncertain",
        "order-detente-timeline",
        "order-sanctions-deal",
        "partners-unrestrained",
        "peacemaker-credibility-risk",
        "peacemaker-how",
        "precursors-term",
        "rapprochement-limited-effect",
        "red-sea-investment",
        "reset-fragility-factors",
        "rhetoric-underscores",
        "russel-vs-sf-vision",
        "sanctions-case-undercut",
        "sanctions-deal-tension",
        "sanctions-justification",
        "sanctions-lifted-on",
        "sf-vision-is-a-claim",
        "spring-call-uncertain",
        "sullivan-requests",
        "summit-location",
        "tactical-pause-purpose",
        "talk-to-china-nicely",
        "tentative-detente-meaning",
        "thaw-verdict",
        "us-framing-competitors",
        "us-meetings-reason",
        "various-parties",
        "various-parties-reading",
        "wang-equals",
        "wu-vs-greitens",
        "wu-xinbo-argument",
        "wu-xinbo-university",
    }
)


@pytest.fixture(scope="module")
def article_text() -> str:
    """The article's text; missing means the checkout is incomplete, which must not pass quietly."""
    if not ARTICLE_PATH.is_file():
        pytest.fail(
            f"the source article is missing: expected it at {ARTICLE_PATH}",
            pytrace=False,
        )
    return ARTICLE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def result(article_text: str) -> LoadResult:
    """The bank loaded as the game loads it: every quote checked against its source.file."""
    return load_bank(BANK_PATH, BANK_ID, questions_dir=REPO / "questions")


def test_the_bank_names_the_article_that_ships_with_it(bank: Bank, article_text: str) -> None:
    assert bank.source is not None
    assert bank.source.file == "sources/china-us-detente.txt"
    assert bank.source.text == article_text
    assert article_text.splitlines()[0] == "November 7, 2024"


@pytest.fixture(scope="module")
def bank(result: LoadResult) -> Bank:
    """The loaded bank; fails (rather than errors) when the file did not load."""
    if result.bank is None:
        pytest.fail("the bank did not load:\n" + "\n".join(map(str, result.problems)))
    return result.bank


def test_loads_with_no_errors_and_no_warnings(result: LoadResult) -> None:
    assert result.problems == (), "\n".join(map(str, result.problems))
    assert result.playable


def test_bank_header(bank: Bank) -> None:
    assert bank.bank_id == BANK_ID
    assert bank.format == 1
    assert bank.language == "en"
    assert bank.description
    assert bank.source is not None
    assert bank.source.title == (
        "China Meets the U.S. to Discuss Fentanyl, But the Détente Has Limits"
    )
    assert bank.source.published == "2024-11-07"
    # quotes are short excerpts; the article is not pasted into the bank but named by file
    assert "Bangkok" not in BANK_PATH.read_text(encoding="utf-8").split("questions:")[0]


def test_every_quote_is_verbatim_from_the_article(bank: Bank, article_text: str) -> None:
    # The loader checks this too; asserting it here keeps the promise if loading ever changes.
    folded_article = fold_quote(article_text)
    missing = [q.id for q in bank.questions if fold_quote(q.quote or "") not in folded_article]
    assert missing == []


def test_every_question_has_a_quote_and_an_explanation(bank: Bank) -> None:
    no_quote = [q.id for q in bank.questions if not (q.quote and q.quote.strip())]
    no_explanation = [q.id for q in bank.questions if not q.explanation.strip()]
    assert no_quote == []
    assert no_explanation == []


def test_every_paragraph_of_the_article_is_asked_about(bank: Bank, article_text: str) -> None:
    # the first two lines are the date and the headline; every paragraph after them counts
    paragraphs = [line for line in article_text.splitlines() if line.strip()][2:]
    quotes = [fold_quote(q.quote or "") for q in bank.questions]
    unasked = [p for p in paragraphs if not any(quote in fold_quote(p) for quote in quotes)]
    assert unasked == []


def test_question_count(bank: Bank) -> None:
    assert len(bank.questions) >= MIN_QUESTIONS


@pytest.mark.parametrize(
    ("question_type", "minimum"), list(MIN_PER_TYPE.items()), ids=[t.value for t in MIN_PER_TYPE]
)
def test_type_minimum(bank: Bank, question_type: QuestionType, minimum: int) -> None:
    count = sum(1 for q in bank.questions if q.type is question_type)
    assert count >= minimum, f"{count} {question_type} questions, want at least {minimum}"


def test_topics_declared_and_each_playable_as_a_round(bank: Bank) -> None:
    low, high = TOPIC_COUNT_RANGE
    assert low <= len(bank.topics) <= high
    untopiced = [q.id for q in bank.questions if q.topic is None]
    assert untopiced == []
    per_topic = Counter(q.topic for q in bank.questions)
    thin = {topic: per_topic[topic] for topic in bank.topics if per_topic[topic] < MIN_PER_TOPIC}
    assert thin == {}, f"topics with fewer than {MIN_PER_TOPIC} questions: {thin}"


def test_difficulty_spread(bank: Bank) -> None:
    total = len(bank.questions)
    per_level = Counter(q.difficulty for q in bank.questions)
    shares = {level: 100 * per_level[level] / total for level in DIFFICULTY_TARGETS}
    off = {
        level: round(share, 1)
        for level, share in shares.items()
        if abs(share - DIFFICULTY_TARGETS[level]) > DIFFICULTY_TOLERANCE
    }
    assert off == {}, f"difficulty shares {shares} stray from {DIFFICULTY_TARGETS} by > 10 points"


def test_right_answer_position_varies(bank: Bank) -> None:
    # The game shuffles, but a file that always lists the answer first reads badly in review.
    positions = Counter(
        q.choices.index(q.answer) for q in bank.questions if q.type is QuestionType.CHOICE
    )
    assert len(positions) >= 3
    assert max(positions.values()) <= sum(positions.values()) / 2


def test_ids_are_pinned(bank: Bank) -> None:
    ids = [q.id for q in bank.questions]
    assert len(ids) == len(set(ids))
    actual = set(ids)
    assert actual == EXPECTED_IDS, (
        f"ids added: {sorted(actual - EXPECTED_IDS)}; ids gone: {sorted(EXPECTED_IDS - actual)}"
    )


def test_no_question_gives_another_away(bank: Bank) -> None:
    from game.core.giveaways import find_give_aways

    found = find_give_aways(bank.questions)
    assert not found, [(g.answered.id, g.shown_in.id, g.where) for g in found]
    assert bank.clashes == ()


def test_no_round_of_ten_thousand_seeds_holds_a_flagged_pair(tmp_path: Path) -> None:
    """The article bank with one extra question whose prompt names four other questions' answers:
    no drawn round (10,000 seeds, the bank's class-code rounds of 10) holds it with any of them."""
    from game.core.rounds import PlayRequest, build_round

    text = BANK_PATH.read_text(encoding="utf-8").replace(
        "file: sources/china-us-detente.txt", "file: china-us-detente.txt"
    )
    text += (
        "\n  - id: tells-all\n    type: truefalse\n    topic: people\n"
        "    prompt: Sullivan met Wang in Bangkok; Wu Xinbo is at Fudan; the Houthis attack ships.\n"
        "    answer: true\n    explanation: All true.\n"
        "    quote: China and the United States are back at the negotiating table.\n"
    )
    (tmp_path / "china-us-detente.txt").write_text(
        ARTICLE_PATH.read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = tmp_path / "flagged.yaml"
    path.write_text(text, encoding="utf-8")
    flagged = load_bank(path, tmp_path).bank
    assert flagged is not None
    assert set(flagged.clashes) == {
        ("bangkok-meeting-city", "tells-all"),
        ("houthis-name", "tells-all"),
        ("tells-all", "wu-xinbo-university"),
    }
    held = 0
    for seed in range(10_000):
        played = build_round(flagged, PlayRequest(flagged.bank_id, "exam", count=10, seed=seed))
        ids = {asked.question.id for asked in played.questions}
        assert played.total == 10
        for a, b in flagged.clashes:
            assert not {a, b} <= ids, (seed, a, b)
        held += "tells-all" in ids
    assert held > 500  # the flagged question still plays, just never beside what it gives away


def test_the_article_beside_the_bank_is_not_taken_for_a_bank(capsys: pytest.CaptureFixture) -> None:
    from game.banks.loader import find_bank_files
    from game.cli import main

    questions = REPO / "questions"
    assert [path.name for path in find_bank_files(questions)] == ["china-us-detente.yaml"]
    assert main(["validate", "--strict", str(questions)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 bank, 67 questions, 0 errors, 0 warnings"
