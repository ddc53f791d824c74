"""The grade word and the personal best: rules every front end shows alike."""

from __future__ import annotations

from game.core.standing import grade_word, is_personal_best


def test_grade_words_at_their_edges() -> None:
    assert [grade_word(p) for p in (100, 90, 89, 75, 74, 60, 59, 40, 39, 0)] == [
        "Excellent",
        "Excellent",
        "Very good",
        "Very good",
        "Good",
        "Good",
        "Fair",
        "Fair",
        "Keep practising",
        "Keep practising",
    ]


def test_personal_best_beats_every_earlier_round_by_share() -> None:
    earlier = [(30, 60), (40, 80)]  # 50% twice
    assert is_personal_best("quick", 31, 60, earlier)
    assert not is_personal_best("quick", 30, 60, earlier)  # a tie is not a new best
    assert is_personal_best("exam", 17, 30, earlier)  # 56.7% beats 50%, whatever the size
    assert not is_personal_best("quick", 60, 60, [])  # the first round sets, not beats, one
    assert not is_personal_best("review", 30, 30, earlier)  # reviews and practice never count
    assert not is_personal_best("practice", 30, 30, earlier)
    assert not is_personal_best("quick", 0, 0, earlier)
