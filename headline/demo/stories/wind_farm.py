"""The Northsound offshore wind farm, from the first turbine to first power and what it does to bills."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="business",
    tags=("Estmark", "Energy", "Wind power"),
    articles=(
        Article(
            slug="northsound-turbine-installation-begins",
            title="First turbine goes up at the Northsound offshore wind farm",
            standfirst=(
                "Installation has begun at Estkraft's 1.2 gigawatt project off the north coast, "
                "which should supply a third of Estmark's homes when it is finished."
            ),
            days_ago=53.2,
            authors=("daniel-okafor",),
            tags=("Climate",),
            lead="The Northsound site off Estmark's north coast.",
            body="""
The first turbine of the Northsound offshore wind farm was installed on Wednesday, 30 kilometres
off Estmark's north coast, marking the start of the largest energy project in the country's
history.

The wind farm, built by the state-controlled utility Estkraft, will have 80 turbines and a
capacity of 1.2 gigawatts, enough to supply about a third of Estmark's households. The last
turbine is due to be installed by the end of next year.

Estkraft won the right to build Northsound two years ago with a guaranteed price of 58 crowns
per megawatt hour, well below what analysts had expected at the time.

> At that price Northsound will be one of the cheapest sources of new electricity in the country,
> as long as it is built on time.
-- Energy analyst at Linden University

Each turbine stands 260 metres tall from the sea surface to the tip of its highest blade, and is
carried to the site in pieces by a specialist installation vessel from the port of Aldby.
""",
        ),
        Article(
            slug="aldby-port-hires-for-northsound",
            title="Aldby port hires 700 as Northsound construction speeds up",
            standfirst=(
                "The old shipbuilding town has become the base for the offshore wind farm, with "
                "blades and towers assembled on its quays."
            ),
            days_ago=39.6,
            authors=("daniel-okafor",),
            tags=("Jobs",),
            lead="The quayside at Aldby, where the turbines are assembled.",
            body="""
The port of Aldby has taken on around 700 workers to assemble turbines for the Northsound
offshore wind farm, the largest wave of hiring in the town since its shipyard closed.

Towers, blades and the machine housings that sit on top of them arrive at Aldby by sea and rail.
They are put together on the quays and loaded on to the installation vessel, which carries three
turbines at a time to the site.

> Aldby built ships for a hundred years. Now it builds the power stations of the next hundred.
-- Mayor of Aldby

Estkraft says eleven turbines are now standing, slightly ahead of schedule. The company has
financed about half of the 3.1 billion crown project with green bonds, and says it hopes to
borrow the rest more cheaply if interest rates fall later this year.
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

An undersea cable to Valdoria, expected to be discussed during this week's state visit, could
add further cheap power from the south within the decade, analysts said.
""",
        ),
    ),
)
