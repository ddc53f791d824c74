"""The bank template `quiz new` writes: every key commented, one question of each type."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from game.files import write_user_file

_TEMPLATE = """\
# A question bank for quiz. The full format: docs/bank-format.md in the quiz repository.
# Check it with:  quiz validate --strict {path_hint}
# Text is kept exactly as written: No, 1989 and 012 stay text. Quote text that holds ": " or " #".

format: 1                     # the format version; only 1 exists
title: {title}                # shown in the bank list
description: "One or two sentences shown under the title."
language: en                  # a language tag
time_limit: 30                # seconds per question in timed rounds

source:                       # what the questions were written from
  title: "The article's headline"
  publisher: "Who published it"
  published: {today}           # YYYY-MM-DD
  url: "https://example.org/the-article"
  # file: sources/article.txt # optional: the article's full text, in a UTF-8 file beside
  #                           # this bank (inside the questions folder); every quote must
  #                           # then occur in it. Or paste the text instead (not both):
  # text: |
  #   Paste the article here.

topics:                       # topic id -> display name; every question's topic must be one of these
  basics: Basics
  details: Details

questions:
  # Each question: id (lowercase letters, digits, hyphens; never change it once the bank is in use),
  # type, prompt, explanation (why the right answer is right), quote (the source's own words),
  # topic, difficulty (1 recall, 2 understanding, 3 inference), hint (optional; costs points).

  - id: example-choice
    type: choice              # one right answer among 2 to 8 choices
    topic: basics
    difficulty: 1
    prompt: "Which river runs through Vienna?"
    choices: [Danube, Rhine, Elbe, Seine]
    answer: Danube            # the text of exactly one choice
    explanation: "Vienna stands on the Danube; the Rhine, Elbe and Seine run elsewhere."
    quote: "Vienna lies on the Danube."
    hint: "It flows on to Budapest."

  - id: example-multi
    type: multi               # select all that apply
    topic: basics
    difficulty: 2
    prompt: "Which of these cities stand on the Danube?"
    choices: [Vienna, Budapest, Prague, Belgrade]
    answers: [Vienna, Budapest, Belgrade]   # one or more of the choices
    explanation: "Prague stands on the Vltava, not the Danube."
    quote: "The Danube flows through Vienna, Budapest and Belgrade."

  - id: example-truefalse
    type: truefalse
    topic: details
    difficulty: 1
    prompt: "The Danube rises in the Alps."
    answer: false             # true or false
    explanation: "It rises in the Black Forest, in south-west Germany."
    quote: "The Danube rises in the Black Forest."

  - id: example-short
    type: short               # the player types the answer
    topic: details
    difficulty: 2
    prompt: "Into which sea does the Danube flow?"
    answers: [Black Sea, the Black Sea]   # every accepted spelling; case, accents and end punctuation are ignored
    explanation: "The Danube's delta opens onto the Black Sea."
    quote: "The Danube ends in the Black Sea."

  - id: example-order
    type: order               # written in the right order; the game shuffles them
    topic: details
    difficulty: 3
    prompt: "Put these cities in order along the Danube, from its source."
    items: [Ulm, Vienna, Budapest, Belgrade]
    explanation: "The Danube flows east, from Germany to the Black Sea."
    quote: "From Ulm the river runs to Vienna, then Budapest and Belgrade."

  - id: example-match
    type: match               # pairs [left, right]; the game shuffles the rights
    topic: basics
    difficulty: 2
    prompt: "Match each city to its river."
    pairs:
      - [Paris, Seine]
      - [London, Thames]
      - [Cologne, Rhine]
    explanation: "Each of these cities grew up on its river."
    quote: "Paris on the Seine, London on the Thames, Cologne on the Rhine."
"""


def template_text(title: str, path_hint: str, today: date | None = None) -> str:
    """The template's text, with the title quoted safely."""
    return _TEMPLATE.format(
        title=json.dumps(title, ensure_ascii=False),
        path_hint=path_hint,
        today=(today or date.today()).isoformat(),
    )


def write_template(path: Path, title: str, *, force: bool = False) -> None:
    """Write a new bank template, all at once; raises game.files.FileRefused rather than
    overwrite a file or write through a link (unless force), OSError if it cannot write."""
    text = template_text(title, os.fspath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_user_file(path, text.encode("utf-8"), force=force)
