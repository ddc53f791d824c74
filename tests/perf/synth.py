"""Synthetic banks for benchmarks and size tests: realistic shape, every question type."""

from __future__ import annotations

import random

_WORDS = [
    "summit",
    "diplomacy",
    "fentanyl",
    "sanctions",
    "talks",
    "military",
    "minister",
    "adviser",
    "border",
    "trade",
    "envoy",
    "treaty",
    "region",
    "pressure",
    "influence",
    "economy",
    "security",
    "rivalry",
    "dialogue",
    "shipping",
]


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def bank_text(question_count: int, seed: int = 1, prose_words: int = 60) -> str:
    """A valid bank of `question_count` questions cycling through the six types (~0.9 KB each)."""
    rng = random.Random(seed)
    lines = [
        "format: 1",
        f'title: "Synthetic bank {seed}"',
        "description: A bank made by the benchmark.",
        "topics:",
        "  alpha: Alpha",
        "  beta: Beta",
        "  gamma: Gamma",
        "time_limit: 30",
        "questions:",
    ]
    topics = ("alpha", "beta", "gamma")
    for n in range(question_count):
        kind = ("choice", "multi", "truefalse", "short", "order", "match")[n % 6]
        lines += [
            f"  - id: q-{n:06d}",
            f"    type: {kind}",
            f"    topic: {topics[n % 3]}",
            f"    difficulty: {n % 3 + 1}",
            f'    prompt: "Question {n}: {_sentence(rng, 14)}"',
            f'    explanation: "{_sentence(rng, prose_words)}"',
            f'    quote: "{_sentence(rng, prose_words // 2)}"',
            f'    hint: "{_sentence(rng, 8)}"',
        ]
        opts = [f"Option {n}-{k} {rng.choice(_WORDS)}" for k in range(4)]
        if kind == "choice":
            lines += [f"    choices: [{', '.join(opts)}]", f"    answer: {opts[2]}"]
        elif kind == "multi":
            lines += [f"    choices: [{', '.join(opts)}]", f"    answers: [{opts[0]}, {opts[3]}]"]
        elif kind == "truefalse":
            lines += [f"    answer: {'true' if n % 4 else 'false'}"]
        elif kind == "short":
            lines += [f"    answers: [{opts[1]}, {opts[1].lower()}]"]
        elif kind == "order":
            lines += ["    items:"] + [f"      - {o}" for o in opts]
        else:
            lines += ["    pairs:"] + [
                f"      - [{o}, Right {k} of {n}]" for k, o in enumerate(opts)
            ]
    return "\n".join(lines) + "\n"
