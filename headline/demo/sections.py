"""The desks of the demo newsroom, in menu order, each with the palette its pictures are drawn in."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str
    palette: tuple  # dark, middle and light RGB colours


SECTIONS = (
    Section(
        "headline",
        "Headline",
        "The stories that matter most across Estmark today, from the cabinet room to the kitchen table.",
        ((24, 38, 64), (58, 96, 150), (168, 196, 230)),
    ),
    Section(
        "international",
        "International",
        "Diplomacy, conflict and cooperation beyond our borders, reported by our foreign desk.",
        ((20, 60, 62), (34, 124, 120), (160, 220, 206)),
    ),
    Section(
        "politics",
        "Politics",
        "Parliament, parties and the people who run the country, and what their decisions mean for you.",
        ((70, 22, 34), (150, 48, 62), (236, 170, 168)),
    ),
    Section(
        "business",
        "Business",
        "Markets, companies, jobs and the cost of living, explained without the jargon.",
        ((36, 44, 28), (104, 124, 52), (214, 220, 150)),
    ),
    Section(
        "technology",
        "Technology",
        "Chips, networks, software and the rules that govern them.",
        ((34, 24, 68), (88, 64, 170), (190, 176, 246)),
    ),
    Section(
        "culture",
        "Culture",
        "Film, books, music and museums: reviews, interviews and the arts news of the week.",
        ((74, 40, 12), (184, 104, 36), (246, 206, 150)),
    ),
)
