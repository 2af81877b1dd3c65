"""The Northsound offshore wind farm, from auction to first power and what it does to bills."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="business",
    tags=("Estmark", "Energy", "Wind power"),
    articles=(
        Article(
            slug="northsound-wind-auction-won",
            title="Consortium wins auction to build Northsound offshore wind farm",
            standfirst=(
                "A group led by utility Estkraft will build 1.2 gigawatts of turbines off the "
                "north coast, enough to power a third of Estmark's homes."
            ),
            days_ago=53.2,
            authors=("daniel-okafor",),
            tags=("Climate",),
            lead="The Northsound site off Estmark's north coast.",
            body="""
A consortium led by the state-controlled utility Estkraft has won the auction to build the
Northsound offshore wind farm, the energy ministry announced on Wednesday.

The project, 30 kilometres off the north coast, will have a capacity of 1.2 gigawatts, enough to
supply about a third of Estmark's households. Construction is due to start next year.

The consortium bid a guaranteed price of 58 crowns per megawatt hour, well below what analysts
had expected, reflecting falling turbine costs and cheaper borrowing.

> This price makes Northsound one of the cheapest sources of new electricity in the country.
-- Energy analyst at Linden University

Two other consortia took part in the auction. The ministry did not publish their bids.
""",
        ),
        Article(
            slug="estkraft-final-investment-decision",
            title="Estkraft approves 3.1 billion crown investment in Northsound",
            standfirst=(
                "The final investment decision clears the way for turbines to be installed next "
                "summer, with 700 jobs at the port of Aldby."
            ),
            days_ago=39.6,
            authors=("daniel-okafor",),
            tags=("Jobs",),
            lead="The quayside at Aldby, where the turbines will be assembled.",
            body="""
Estkraft's board has approved a 3.1 billion crown investment in the Northsound offshore wind farm,
the largest single investment in the utility's history.

The decision allows the company to place orders for 80 turbines and the cables that will bring
their power ashore. Installation is planned to begin next summer from the port of Aldby, where
around 700 people will be employed during construction.

> Aldby built ships for a hundred years. Now it will build the power stations of the next
> hundred.
-- Mayor of Aldby

The company will finance the project partly through green bonds. Its chief financial officer said
the recent fall in interest rates had reduced the expected cost by around 4 per cent.
""",
        ),
        Article(
            slug="northsound-grid-connection-delay",
            title="Grid bottleneck could delay Northsound power by a year",
            standfirst=(
                "The national grid operator says the line from the coast to Linden will not be "
                "ready in time, leaving turbines idle for months."
            ),
            days_ago=29.5,
            authors=("daniel-okafor", "pieter-vos"),
            tags=("Infrastructure",),
            lead="Pylons on the planned route from the coast to Linden.",
            body="""
Power from the Northsound offshore wind farm could be delayed by up to a year because the
overhead line needed to carry it from the coast to Linden will not be finished in time, the grid
operator has warned.

Gridnet, the state-owned operator, said planning objections along the 140-kilometre route had
held up construction. It now expects the line to be complete a year later than planned.

> We can build turbines faster than we can get permission to build the wires. That has to change.
-- Chief executive of Gridnet

Estkraft said it was studying whether part of the wind farm's output could be carried on existing
lines in the meantime. Environmental groups, which support the wind farm, said the case showed
why the planning system needed reform.
""",
        ),
        Article(
            slug="northsound-delivers-first-power",
            title="Northsound delivers first power as temporary grid fix works",
            standfirst=(
                "The first 20 turbines are feeding the grid through an existing line, months "
                "ahead of the revised schedule."
            ),
            days_ago=12.2,
            authors=("jonas-hale",),
            tags=("Climate", "Infrastructure"),
            extra_sections=("technology",),
            lead="The first turbines of Northsound turning off the north coast.",
            body="""
The first turbines of the Northsound offshore wind farm have started delivering electricity to
the national grid, months earlier than feared after a delay to the main power line.

Estkraft said 20 of the 80 turbines were now running and feeding power through an existing line,
using software that automatically reduces output when the line is close to its limit.

[image] A maintenance vessel beside one of the first Northsound turbines.

> We found a way to use the grid we have, not the grid we wish we had. It is not perfect, but it
> means clean power today rather than next year.
-- Project director at Estkraft

The company expects all 80 turbines to be installed by the end of next year.
""",
        ),
        Article(
            slug="wind-power-lowers-wholesale-prices",
            title="Windy week pushes wholesale power prices to two-year low",
            standfirst=(
                "Strong winds and the first Northsound turbines drove prices down, but households "
                "on fixed tariffs will not feel it yet."
            ),
            days_ago=2.7,
            authors=("daniel-okafor",),
            tags=("Climate", "Personal finance"),
            body="""
Wholesale electricity prices in Estmark fell to their lowest level in two years last week, as
strong winds across the north coast combined with the first output from the Northsound wind farm.

The average day-ahead price was 41 crowns per megawatt hour, less than half the level of a year
ago. On two nights prices briefly fell below zero.

Households on variable tariffs will see slightly lower bills next month, suppliers said. Most
households, however, are on fixed deals agreed when prices were higher.

> Cheap wind is starting to show up in the market. It will take a year or two to show up in most
> people's bills.
-- Energy economist at Linden University

The government's deal with Valdoria on an undersea cable could add further cheap power from the
south within the decade, analysts said.
""",
        ),
    ),
)
