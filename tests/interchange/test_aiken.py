"""`quiz import` of the Aiken format: choice questions, problems listed with their lines."""

from __future__ import annotations

from pathlib import Path

from game.banks.loader import load_bank
from game.cli import main
from game.core.model import Question, QuestionType
from game.interchange.aiken import read_aiken
from game.interchange.imported import ImportedBank
from game.interchange.importing import validated_yaml

SAMPLE = """\
What is the capital of France?
A. Paris
B. Lyon
C) Marseille
ANSWER: A

Which alliance was founded in 1949:
[NATO], [/] or [b]neither[/b]?
A) [NATO]
B) [/]
C) [b]neither[/b]
ANSWER: A
Ünïcödé: which city is 北京? 🙂
A. Beijing
B. «Zürich»
answer: a
Only one option here
A. Lonely
ANSWER: A

Which letters?
A. one
B. two
ANSWER: A, B

Bad answer letter
A. x
B. y
ANSWER: D

Wrapped option
A. first line
continues here
B. second
ANSWER: B

The same option twice
A. Rhine
B. Rhine
ANSWER: A

A. An option before any question
ANSWER: A

Which word stays No?
A. No
B. 1989
ANSWER: A

Trailing question
A. a
"""


def line_with(needle: str) -> int:
    """The 1-based line of the sample that holds needle."""
    return next(n for n, line in enumerate(SAMPLE.split("\n"), 1) if needle in line)


def test_choice_questions_are_converted_exactly():
    bank = read_aiken(SAMPLE)
    questions = {q.id: q for q in bank.questions}
    assert list(questions) == [
        "what-is-the-capital-of-france",
        "which-alliance-was-founded-in-1949-nato-or-b-neither-b",
        "unicode-which-city-is",
        "which-word-stays-no",
    ]
    france = questions["what-is-the-capital-of-france"]
    assert france.type is QuestionType.CHOICE
    assert france.choices == ("Paris", "Lyon", "Marseille")
    assert france.answer == "Paris"
    assert france.explanation == 'The right answer is "Paris".'
    assert france.line == 1
    nato = questions["which-alliance-was-founded-in-1949-nato-or-b-neither-b"]
    assert nato.prompt == "Which alliance was founded in 1949:\n[NATO], [/] or [b]neither[/b]?"
    assert nato.choices == ("[NATO]", "[/]", "[b]neither[/b]")
    assert nato.answer == "[NATO]"
    unicode_question = questions["unicode-which-city-is"]
    assert unicode_question.prompt == "Ünïcödé: which city is 北京? 🙂"
    assert unicode_question.choices == ("Beijing", "«Zürich»")
    assert unicode_question.answer == "Beijing"  # "answer: a" in lower case is taken as A
    assert questions["which-word-stays-no"].answer == "No"


def test_problems_are_listed_with_their_lines():
    bank = read_aiken(SAMPLE)
    assert [(n.line, n.message) for n in bank.skipped] == [
        (line_with("A. Lonely"), "1 option; the game takes 2 to 8"),
        (
            line_with("ANSWER: A, B"),
            'ANSWER: "A, B" gives several letters; an Aiken question has one right answer',
        ),
        (line_with("ANSWER: D"), 'ANSWER: "D" is not one of the option letters (A, B)'),
        (
            line_with("continues here"),
            "this line is neither an option (A. or A)) nor ANSWER:; "
            "an option's text must stay on one line",
        ),
        (line_with("A. Rhine"), 'the option "Rhine" is given twice'),
        (line_with("An option before"), "the option A. comes before any question text"),
        (line_with("Trailing question"), "the question has no ANSWER: line"),
    ]


def test_every_question_is_counted_for_a_look_since_aiken_has_no_feedback():
    bank = read_aiken(SAMPLE)
    assert [n.line for n in bank.needs_look] == [1, 7, line_with("Ünïcödé"), line_with("stays No")]
    assert {n.message for n in bank.needs_look} == {
        "no feedback in an Aiken file; the explanation only states the right answer"
    }


def test_quiz_import_writes_a_bank_that_validates(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("week5.txt").write_text(SAMPLE, encoding="utf-8-sig")
    assert main(["import", "week5.txt", "week5.yaml"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Reading week5.txt as Aiken (it has ANSWER: lines")
    assert "Converted 4 of 11 questions: 4 choice." in out
    assert f'  week5.txt:{line_with("ANSWER: D")}: skipped: ANSWER: "D" is not one' in out
    assert "For a teacher's look (4):" in out
    assert "has no quote" not in out  # an imported bank names no source: no quote expected
    result = load_bank(Path("week5.yaml"))
    assert result.errors == ()
    assert [q.prompt for q in result.bank.questions] == [
        q.prompt for q in read_aiken(SAMPLE).questions
    ]
    assert result.bank.questions[1].choices == ("[NATO]", "[/]", "[b]neither[/b]")


def test_from_gift_overrides_the_guess(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("quiz.txt").write_text("Is it? {T}\n", encoding="utf-8")
    assert main(["import", "quiz.txt", "a.yaml"]) == 0
    assert "Reading quiz.txt as GIFT" in capsys.readouterr().out
    Path("aiken.txt").write_text(SAMPLE, encoding="utf-8")
    assert main(["import", "--from", "gift", "aiken.txt", "b.yaml"]) == 1
    assert "nothing could be converted" in capsys.readouterr().err


def test_a_question_the_loader_refuses_is_listed_not_written():
    bank = ImportedBank("Aiken")
    good = Question("good", QuestionType.TRUEFALSE, "Fine?", "It is.", truth=True, line=1)
    # A multi question whose answer is not a choice gets past no parser, but if it did,
    # the loader's check would leave it out and say why, at its line in the imported file.
    bad = Question(
        "bad", QuestionType.MULTI, "Bad?", "x", choices=("a", "b"), answers=("c",), line=7
    )
    bank.questions = [good, bad]
    validated = validated_yaml(bank, "t", "t.txt", "t.yaml")
    assert validated is not None
    assert [q.id for q in bank.questions] == ["good"]
    assert [(n.line, n.message) for n in bank.skipped] == [
        (7, 'answer "c" is not one of the choices')
    ]
    assert validated[1].errors == ()


def test_the_banks_header_counts_one_note_in_the_singular(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("one.txt").write_text("What is 2+2?\nA. 3\nB. 4\nANSWER: B\n", encoding="utf-8")
    assert main(["import", "one.txt", "one.yaml"]) == 0
    header = Path("one.yaml").read_text(encoding="utf-8")
    assert "1 question converted, 0 not converted; 1 note for a teacher's look." in header
