"""Rents, protests and the housing pledges that shaped the election and the new government."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="politics",
    tags=("Estmark", "Housing"),
    articles=(
        Article(
            slug="rents-rise-nine-per-cent",
            title="Rents in Estmark's cities rise by 9 per cent in a year",
            standfirst=(
                "New figures from the statistics office show rents rising fastest in Linden and "
                "Harwick, where average monthly rent now takes 38 per cent of a typical salary."
            ),
            days_ago=56.6,
            authors=("daniel-okafor",),
            tags=("Economy", "Inflation"),
            extra_sections=("business",),
            lead="Apartment blocks in the Eastbank district of Linden.",
            body="""
Rents in Estmark's cities rose by 9 per cent in the twelve months to the end of the summer, the
national statistics office said on Thursday, the fastest increase since its records began.

In Linden the average rent for a two-room flat reached 1,640 crowns a month. In Harwick, where
thousands of workers are expected to arrive for the new chip factory, rents rose by 12 per cent.

1. Harwick: up 12 per cent
2. Linden: up 10 per cent
3. Solbay: up 7 per cent
4. Aldby: up 5 per cent

Tenants' groups said the figures confirmed what their members already knew. The housing minister,
Ben Aziz, said the government was "building as fast as the planning rules allow".

> A nurse in Linden now spends more on rent than on everything else put together.
-- Spokesperson for the Estmark Tenants' Union
""",
        ),
        Article(
            slug="thousands-march-for-affordable-homes",
            title="Thousands march in Linden for affordable homes",
            standfirst=(
                "Tenants, students and trade unions marched from Eastbank to the Assembly, "
                "calling for a rent freeze before the election."
            ),
            days_ago=49.4,
            authors=("sofia-brenner",),
            tags=("Protest",),
            lead="Marchers cross the Eastbank bridge on their way to the Assembly.",
            body="""
Several thousand people marched through Linden on Saturday to demand action on rents, in one of the
largest demonstrations in the capital for years.

The march, organised by the Estmark Tenants' Union with the support of student groups and three
trade unions, set off from the Eastbank district and ended outside the Assembly, where speakers
called on all parties to back a rent freeze.

Police estimated the crowd at 8,000; organisers said it was more than twice that. The march was
peaceful.

> I have moved four times in five years, every time further from my work. I am 34 and I live in a
> room.
-- Marcher from Eastbank, a hospital porter

The Social Union, which has promised a two-year freeze, sent several of its candidates. The
Civic Alliance said its plan to build more homes was "the only lasting answer".
""",
        ),
        Article(
            slug="homes-bill-planning-reform-explained",
            title="The Homes Bill explained: what the planning reform would change",
            standfirst=(
                "The government's flagship housing law was defeated in the spring and is now a "
                "central election promise. Here is what it would do."
            ),
            days_ago=39.2,
            authors=("sofia-brenner",),
            tags=("Civic Alliance", "Planning"),
            body="""
The Homes Bill, defeated in the Assembly in the spring, has become one of the central promises of
the Civic Alliance's election campaign. Here is what it contains and why it is contested.

## Faster decisions

Municipalities would have to decide on planning applications for housing within 16 weeks, instead
of the current average of 41. If they do not, permission would be granted automatically.

## Building near stations

Land within 800 metres of a railway station could be built on up to six storeys without a
separate zoning decision.

## Why it failed

Three Civic Alliance members voted against the bill, arguing that automatic permission would let
developers override local objections. Their defection cost the government its majority.

> Speed is not the same as quality. We need homes people want to live in, not just more of them.
-- One of the members who voted against the bill
""",
        ),
        Article(
            slug="new-government-housing-pledge",
            title="New government promises 50,000 homes and a cap on rent rises",
            standfirst=(
                "The coalition's first housing package limits annual rent increases to inflation "
                "plus two points and revives the Homes Bill in a softer form."
            ),
            days_ago=4.8,
            authors=("sofia-brenner", "daniel-okafor"),
            tags=("Civic Alliance", "Green List", "Planning"),
            extra_sections=("business",),
            lead="New homes under construction on the edge of Harwick.",
            body="""
Estmark's new coalition government has announced its first housing package, combining a cap on rent
increases with a revived version of the planning reform that was defeated in the spring.

The package, presented by the housing minister, Ben Aziz, and the deputy prime minister, Nadia
Keel, would limit annual rent rises on existing tenancies to inflation plus two percentage points.

> This is not a freeze. It is a speed limit. Landlords can still earn a fair return, and tenants
> can plan their lives.
-- Ben Aziz, housing minister

The revived Homes Bill keeps the 16-week deadline for planning decisions but drops automatic
permission, one of the points that divided the Civic Alliance before the election.

Landlords' associations said the cap would discourage investment in new rental homes. The Tenants'
Union said it was "a start, and more than we had a year ago".
""",
        ),
    ),
)
