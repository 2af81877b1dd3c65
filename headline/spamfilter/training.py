"""Labelled comments in, trained model weights out.

Reads JSON Lines of labelled comments ({"text", "author", "email", "url", "label": "spam"|"ham"})
into feature sets, and trains a fresh model from them: used for the starting model that ships
with the site, for retraining it, and by the evaluation command.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from .classifier import SpamClassifier
from .features import extract

# Written for this project: reader comments and spam in the style a news site receives.
SEED_FILE = Path(__file__).resolve().parent / "seed" / "comments.jsonl"


@dataclass(frozen=True)
class Example:
    text: str
    author: str
    email: str
    url: str
    is_spam: bool
    source: str

    @property
    def fields(self) -> tuple[str, str, str, str]:
        return self.text, self.author, self.email, self.url


def load_examples(path: str | Path) -> list[Example]:
    """One Example per non-blank line; a label other than "spam" or "ham" is an error."""
    examples = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            label = row.get("label")
            if label not in ("spam", "ham"):
                raise ValueError(f"{path}:{number}: label must be 'spam' or 'ham', not {label!r}")
            examples.append(
                Example(
                    text=row.get("text") or "",
                    author=row.get("author") or "",
                    email=row.get("email") or "",
                    url=row.get("url") or "",
                    is_spam=label == "spam",
                    source=row.get("source") or "",
                )
            )
    return examples


def train(examples: list[Example]) -> SpamClassifier:
    """A new model trained on examples (same order for the same examples, so reproducible)."""
    return SpamClassifier().fit([(extract(*e.fields), e.is_spam) for e in examples])
