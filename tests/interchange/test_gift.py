"""`quiz import` of Moodle GIFT: every supported construct, the skipped ones with their lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.banks.edits import render_bank
from game.banks.loader import load_bank
from game.cli import main
from game.core.drafts import BankDetails
from game.core.model import Question, QuestionType
from game.interchange.gift import read_gift
from game.interchange.importing import import_bank

SAMPLE = """\
// Rivers quiz, exported from Moodle
// every kind of GIFT question the game takes, and some it does not

$CATEGORY: $course$/top/Rivers of Europe

::Longest river::Which is the longest river in Europe? {
  =Volga#Right: about 3,530 km.
  ~Danube#No, about 2,850 km.
  ~Rhine
  ####The Volga flows into the Caspian Sea.
}

::Rhine sea::The Rhine flows into the North Sea.{T#It does reach the North Sea.#Yes, in the Netherlands.}

The Thames flows through Paris.{FALSE}

The Danube flows into the Black Sea.{TRUE}

The Loire is in Germany.{F####It is in France.}

::Capitals::Which capitals stand on the Danube? {
  ~%50%Vienna#Yes.
  ~%50%Budapest
  ~%-100%Prague#No, Prague is on the Vltava.
}

Into which sea does the Danube flow? {=Black Sea =the Black Sea#Either is fine. =%50%Black}

Match each city to its river. {
  =Paris -> Seine
  =London -> Thames
  =Cologne -> Rhine
  = -> Danube
}

$CATEGORY: $course$/Hostile text

::Brackets::[markdown]Which of these is an alliance: [NATO], [/] or [b]bold[/b]? {
  =[NATO]
  ~[/]
  ~[b]bold[/b]
  ~[@click\\=app.quit]
}

[html]The city of {~Vienna =Budapest ~Prague} is split by the Danube into Buda and Pest.

::Escapes::Escapes\\: 1\\=1, \\{braces\\}, a \\#hash, a \\~tilde and a \\\\ backslash {=yes\\~no ~maybe}

[moodle]Ünïcödé: 北京 or «Zürich» — which is in China? 🙂 {=北京 ~«Zürich»}

Which word stays the word No? {=No =1989 =012}

When was the Treaty of Rome signed? {#1957}

Write an essay about the Danube. {}

This line is only a description, with no answer at all.

The Rhine is {TRUE} a long river.

Which is right? {=Vienna =Budapest ~Prague}

The braces here are {=not closed

::Unclosed title {=x =y}

Two blocks {=a} and {=b}

Too many choices {=a ~b ~c ~d ~e ~f ~g ~h ~i}

The same choice twice {=Rhine ~Rhine}
"""


def line_with(needle: str, text: str = SAMPLE) -> int:
    """The 1-based line of the sample that holds needle."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


@pytest.fixture(scope="module")
def imported():
    return read_gift(SAMPLE)


@pytest.fixture(scope="module")
def by_id(imported):
    return {q.id: q for q in imported.questions}


def test_every_supported_question_is_converted_in_order(imported):
    assert [q.id for q in imported.questions] == [
        "longest-river",
        "rhine-sea",
        "the-thames-flows-through-paris",
        "the-danube-flows-into-the-black-sea",
        "the-loire-is-in-germany",
        "capitals",
        "into-which-sea-does-the-danube-flow",
        "match-each-city-to-its-river",
        "brackets",
        "the-city-of-is-split-by-the-danube-into-buda-and-pest",
        "escapes",
        "unicode-or-zurich-which-is-in-china",
        "which-word-stays-the-word-no",
    ]


def test_multiple_choice_keeps_per_answer_and_general_feedback(by_id):
    question = by_id["longest-river"]
    assert question.type is QuestionType.CHOICE
    assert question.prompt == "Which is the longest river in Europe?"
    assert question.choices == ("Volga", "Danube", "Rhine")
    assert question.answer == "Volga"
    assert question.explanation == (
        "The Volga flows into the Caspian Sea.\n"
        "Volga: Right: about 3,530 km.\n"
        "Danube: No, about 2,850 km."
    )
    assert question.topic == "rivers-of-europe"
    assert question.line == line_with("::Longest river::")


def test_true_false_in_all_four_spellings_with_moodles_feedback_order(by_id):
    assert by_id["rhine-sea"].truth is True
    # Moodle: the first #feedback is for the wrong answer, the second for the right one.
    assert by_id["rhine-sea"].explanation == (
        "True: Yes, in the Netherlands.\nFalse: It does reach the North Sea."
    )
    assert by_id["the-thames-flows-through-paris"].truth is False
    assert by_id["the-danube-flows-into-the-black-sea"].truth is True
    assert by_id["the-loire-is-in-germany"].truth is False
    assert by_id["the-loire-is-in-germany"].explanation == "It is in France."


def test_weighted_answers_make_a_multi_question(by_id):
    question = by_id["capitals"]
    assert question.type is QuestionType.MULTI
    assert question.choices == ("Vienna", "Budapest", "Prague")
    assert question.answers == ("Vienna", "Budapest")
    assert question.explanation == "Vienna: Yes.\nPrague: No, Prague is on the Vltava."


def test_short_answer_keeps_full_credit_answers_only(imported, by_id):
    question = by_id["into-which-sea-does-the-danube-flow"]
    assert question.type is QuestionType.SHORT
    assert question.answers == ("Black Sea", "the Black Sea")
    assert question.explanation == "the Black Sea: Either is fine."
    line = line_with("{=Black Sea")
    assert (
        line,
        'the answer "Black" (50% credit) is not kept; only fully right answers are accepted',
    ) in [(n.line, n.message) for n in imported.needs_look]


def test_matching_drops_the_extra_right_side_and_says_so(imported, by_id):
    question = by_id["match-each-city-to-its-river"]
    assert question.type is QuestionType.MATCH
    assert question.pairs == (("Paris", "Seine"), ("London", "Thames"), ("Cologne", "Rhine"))
    assert question.explanation == (
        'The pairs are: "Paris" goes with "Seine"; "London" goes with "Thames"; '
        '"Cologne" goes with "Rhine".'
    )
    assert (
        line_with("= -> Danube"),
        'the extra right side "Danube" (no left side) is not kept',
    ) in [(n.line, n.message) for n in imported.needs_look]


def test_hostile_text_is_kept_exactly_and_markers_are_stripped(imported, by_id):
    question = by_id["brackets"]
    assert question.prompt == "Which of these is an alliance: [NATO], [/] or [b]bold[/b]?"
    assert question.choices == ("[NATO]", "[/]", "[b]bold[/b]", "[@click=app.quit]")
    assert question.answer == "[NATO]"
    assert question.topic == "hostile-text"
    assert imported.topics == {
        "rivers-of-europe": "Rivers of Europe",
        "hostile-text": "Hostile text",
    }
    unicode_question = by_id["unicode-or-zurich-which-is-in-china"]
    assert unicode_question.prompt == "Ünïcödé: 北京 or «Zürich» — which is in China? 🙂"
    assert unicode_question.choices == ("北京", "«Zürich»")
    assert by_id["which-word-stays-the-word-no"].answers == ("No", "1989", "012")


def test_missing_word_puts_a_blank_in_the_text(by_id):
    question = by_id["the-city-of-is-split-by-the-danube-into-buda-and-pest"]
    assert question.prompt == "The city of _____ is split by the Danube into Buda and Pest."
    assert question.answer == "Budapest"


def test_escapes_give_the_characters_they_stand_for(by_id):
    question = by_id["escapes"]
    assert question.prompt == "Escapes: 1=1, {braces}, a #hash, a ~tilde and a \\ backslash"
    assert question.choices == ("yes~no", "maybe")


def test_skipped_constructs_are_listed_with_their_lines(imported):
    skipped = [(note.line, note.message) for note in imported.skipped]
    assert skipped == [
        (line_with("{#1957}"), "numerical questions are not supported"),
        (line_with("an essay about"), "essay questions (empty braces {}) are not supported"),
        (
            line_with("only a description"),
            "no answer in braces { }: description items are not supported",
        ),
        (
            line_with("The Rhine is {TRUE}"),
            "a true/false answer in the middle of the text cannot be converted",
        ),
        (
            line_with("Which is right?"),
            "2 answers are marked right with =; a multiple choice question has one "
            "(give weights such as ~%50% for several right answers)",
        ),
        (line_with("are {=not closed"), "the braces { } of the answer do not pair up"),
        (line_with("::Unclosed title"), "the title after :: has no closing ::"),
        (line_with("Two blocks"), "a second answer block { }: one question has one"),
        (line_with("Too many choices"), "9 choices; the game takes 2 to 8"),
        (line_with("The same choice twice"), 'the choice "Rhine" is given twice'),
    ]


def test_questions_without_feedback_are_counted_for_a_look(imported):
    no_feedback = [
        n.line for n in imported.needs_look if n.message.startswith("no feedback in the file")
    ]
    assert no_feedback == [
        line_with("The Thames flows"),
        line_with("The Danube flows into"),
        line_with("Match each city"),
        line_with("::Brackets::"),
        line_with("The city of"),
        line_with("::Escapes::"),
        line_with("Ünïcödé"),
        line_with("stays the word No"),
    ]
    assert imported.questions[2].explanation == "The statement is false."


def test_ids_are_unique_short_and_well_formed():
    titles = "\n\n".join(
        f"::{'A very long title that goes on and on past the limit of ids ' * 2}::Q{n}? {{T}}"
        for n in range(3)
    )
    bank = read_gift(titles + "\n\n::!!!::Same prompt {T}\n\n::!!!::Same prompt {F}\n")
    ids = [q.id for q in bank.questions]
    assert len(set(ids)) == len(ids) == 5
    assert all(len(i) <= 64 and i[0].isalnum() and i == i.lower() for i in ids)
    assert ids[3:] == ["same-prompt", "same-prompt-2"]
    assert ids[1] == ids[0][:62].rstrip("-") + "-2"


def test_control_characters_are_refused_with_their_line():
    bank = read_gift("Fine? {T}\n\nClear the screen\x1b[2J? {T}\n")
    assert [(n.line, n.message) for n in bank.skipped] == [
        (3, "the text holds the control character U+001B")
    ]


@pytest.mark.parametrize(
    "text",
    ["tab\there", "new\nline", 'quote " and \\ backslash', "\u2028 \u2029 \x85 \ufeff", "𝄞 🙂"],
)
def test_the_bank_writer_reads_back_exactly(tmp_path, text):
    question = Question("a", QuestionType.TRUEFALSE, text, "x", truth=True)
    bank = render_bank(BankDetails(text), [question], ["a header"]).text
    path = tmp_path / "b.yaml"
    path.write_bytes(bank.encode("utf-8"))
    result = load_bank(path)
    if "\x85" in text:  # a control character: the bank format refuses it, as it should
        assert result.errors
        return
    assert not result.errors, result.errors
    assert result.bank.title == text
    assert result.bank.questions[0].prompt == text


def test_the_written_bank_loads_with_the_same_questions(tmp_path, imported):
    source = tmp_path / "rivers.gift"
    source.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "rivers.yaml"
    outcome = import_bank(source, out)
    result = load_bank(out)
    assert result.errors == ()
    # the sample asks for the Black Sea and states it elsewhere: a give-away warning too
    # and no "has no quote": an imported bank names no source
    assert [w for w in result.warnings if "give-away" not in w.message] == []
    assert result.bank.topics == imported.topics
    loaded = [
        (
            q.id,
            q.type,
            q.prompt,
            q.choices,
            q.answer,
            q.answers,
            q.truth,
            q.pairs,
            q.explanation,
            q.topic,
        )
        for q in result.bank.questions
    ]
    parsed = [
        (
            q.id,
            q.type,
            q.prompt,
            q.choices,
            q.answer,
            q.answers,
            q.truth,
            q.pairs,
            q.explanation,
            q.topic,
        )
        for q in imported.questions
    ]
    assert loaded == parsed
    assert outcome.validation.errors == ()
    assert out.read_text(encoding="utf-8").startswith("# Imported from rivers.gift (GIFT format)")


def test_quiz_import_prints_what_was_skipped_and_where(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("rivers.gift").write_text(SAMPLE, encoding="utf-8")
    assert main(["import", "rivers.gift", "rivers.yaml"]) == 0
    out = capsys.readouterr().out
    assert "Converted 13 of 23 questions: " in out
    assert (
        f"  rivers.gift:{line_with('{#1957}')}: skipped: numerical questions are not supported\n"
        in out
    )
    assert "has no quote" not in out  # an imported bank names no source: no quote expected
    assert "Wrote rivers.yaml." in out
    assert main(["validate", "rivers.yaml"]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_quiz_import_refuses_to_overwrite(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("rivers.gift").write_text(SAMPLE, encoding="utf-8")
    Path("rivers.yaml").write_text("keep me\n", encoding="utf-8")
    assert main(["import", "rivers.gift", "rivers.yaml"]) == 2
    assert "rivers.yaml already exists; not overwriting it" in capsys.readouterr().err
    assert Path("rivers.yaml").read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rivers.gift", "rivers.yaml"]


def test_quiz_import_exit_codes_for_nothing_and_bad_usage(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("numbers.gift").write_text("When? {#1957}\n\nWhy? {}\n", encoding="utf-8")
    assert main(["import", "numbers.gift", "numbers.yaml"]) == 1
    captured = capsys.readouterr()
    assert "  numbers.gift:1: skipped: numerical questions are not supported" in captured.out
    assert "  numbers.gift:3: skipped: essay questions" in captured.out
    assert "nothing could be converted; numbers.yaml not written" in captured.err
    assert not Path("numbers.yaml").exists()
    assert main(["import", "missing.gift", "out.yaml"]) == 2
    assert "no such file: missing.gift" in capsys.readouterr().err
    assert main(["import", "numbers.gift", "out.txt"]) == 2
    Path("latin1.gift").write_bytes("Caf\xe9? {T}\n".encode("latin-1"))
    assert main(["import", "latin1.gift", "latin1.yaml"]) == 1
    assert "latin1.gift:1: the file is not UTF-8 text" in capsys.readouterr().err


def test_windows_line_ends_and_a_byte_order_mark_change_nothing(tmp_path):
    source = tmp_path / "windows.gift"
    source.write_bytes(b"\xef\xbb\xbf" + SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "windows.yaml"
    outcome = import_bank(source, out)
    assert [(q.id, q.prompt, q.explanation) for q in outcome.bank.questions] == [
        (q.id, q.prompt, q.explanation) for q in read_gift(SAMPLE).questions
    ]
    assert [(n.line, n.message) for n in outcome.bank.skipped] == [
        (n.line, n.message) for n in read_gift(SAMPLE).skipped
    ]


def test_partial_credit_in_a_single_answer_question_is_noted_and_html_made_plain():
    bank = read_gift("[html]Which is <b>longest</b>? {\n=Volga\n~%50%Danube\n~Rhine\n}\n")
    assert bank.questions[0].prompt == "Which is longest?"
    assert [(n.line, n.message) for n in bank.needs_look] == [
        (3, 'partial credit (50%) for "Danube" is not kept; it counts as wrong'),
        (1, "no feedback in the file; the explanation only states the right answer"),
    ]
