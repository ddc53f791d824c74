"""Ids made from prompts, and topic ids made from names, for the question editor."""

from __future__ import annotations

from game.core.drafts import id_from_prompt, slug, topics_from_names, unique_id


def test_an_id_is_the_prompts_first_words() -> None:
    assert slug("Who met in Bangkok — last week?") == "who-met-in-bangkok-last-week"
    assert slug("Où est la Détente? [/]") == "ou-est-la-detente"
    assert slug("!!!") == ""
    long_prompt = "Which of these cities stand on the Danube between Vienna and the Black Sea?"
    made = slug(long_prompt)
    assert len(made) <= 40 and long_prompt.lower().startswith(made.replace("-", " "))


def test_ids_are_unique_in_the_bank() -> None:
    assert id_from_prompt("Capital?", ["capital"]) == "capital-2"
    assert id_from_prompt("Capital?", ["capital", "capital-2"]) == "capital-3"
    assert id_from_prompt("???", []) == "question"
    assert len(unique_id("x" * 64, ["x" * 64])) == 64


def test_a_topic_renamed_in_place_keeps_its_id() -> None:
    existing = {"geo": "Geography", "hist": "History"}
    assert topics_from_names(["Geography", "World history"], existing) == {
        "geo": "Geography",
        "hist": "World history",
    }
    # the first line changed in place: a rename of the first topic
    assert topics_from_names(["World history"], existing) == {"geo": "World history"}


def test_topic_names_keep_their_ids() -> None:
    existing = {"geo": "Geography"}
    assert topics_from_names(["Geography", " History ", "", "History"], existing) == {
        "geo": "Geography",
        "history": "History",
    }


def test_an_id_cut_short_ends_on_a_word_that_means_something() -> None:
    assert slug("Which part of the leaf lets gases in and out?") == (
        "which-part-of-the-leaf-lets-gases"
    )
    assert slug("Which part of the leaf lets the gases in and out of it?") == (
        "which-part-of-the-leaf-lets-the-gases"
    )
    assert slug("In and out") == "in-and-out"  # not cut: every word stays
