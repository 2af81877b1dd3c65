"""The demo newsroom's staff writers; `photo` says whose byline carries a drawn portrait."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Writer:
    slug: str
    name: str
    job_title: str
    bio: str
    photo: bool


WRITERS = (
    Writer(
        "mara-lindqvist",
        "Mara Lindqvist",
        "Diplomatic correspondent",
        "Mara has covered Estmark's foreign ministry for nine years and reported from more than "
        "forty countries. Before joining Headline she was a regional correspondent in Serrat.",
        True,
    ),
    Writer(
        "daniel-okafor",
        "Daniel Okafor",
        "Economics editor",
        "Daniel writes about interest rates, public finances and the cost of living. He trained "
        "as a statistician and still reads the small print of every budget.",
        True,
    ),
    Writer(
        "sofia-brenner",
        "Sofia Brenner",
        "Political correspondent",
        "Sofia follows the Assembly, the parties and the campaigns. She has reported on four "
        "general elections and moderated the Headline leaders' debate.",
        True,
    ),
    Writer(
        "jonas-hale",
        "Jonas Hale",
        "Technology reporter",
        "Jonas covers the chip industry, telecoms and digital regulation. He previously worked "
        "as a software engineer in Harwick.",
        True,
    ),
    Writer(
        "aiyana-ferreira",
        "Aiyana Ferreira",
        "Arts and culture writer",
        "Aiyana reviews film and fiction and reports on the arts. She has served on the jury of "
        "two film festivals and never leaves before the credits end.",
        False,
    ),
    Writer(
        "pieter-vos",
        "Pieter Vos",
        "National affairs reporter",
        "Pieter reports on the environment, farming and transport from the regions of Estmark. "
        "He grew up in the Marren Valley.",
        True,
    ),
)
