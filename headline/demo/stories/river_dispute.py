"""Kessland and Marosa quarrel over the Upper Tavra dam; Estmark hosts the talks that calm it."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="international",
    tags=("Kessland", "Marosa", "Water"),
    articles=(
        Article(
            slug="kessland-begins-filling-upper-tavra-dam",
            title="Kessland begins filling the Upper Tavra dam despite downstream objections",
            standfirst=(
                "The reservoir behind Kessland's largest hydroelectric project will take three "
                "years to fill. Marosa says it could cut the river's flow by a fifth."
            ),
            days_ago=54.3,
            authors=("mara-lindqvist",),
            tags=("Energy",),
            lead="The Upper Tavra dam, seen from the Kessland side of the gorge.",
            body="""
Kessland has begun filling the reservoir behind the Upper Tavra dam, its energy ministry said on
Monday, ignoring calls from neighbouring Marosa to wait until an agreement on water sharing had
been reached.

The dam, under construction for seven years, is designed to generate 2.1 gigawatts, almost
doubling Kessland's electricity output. Filling the reservoir is expected to take three years.

Downstream, the Tavra supplies most of the irrigation water for Marosa's southern plains. The
Marosan government says the river's flow could fall by up to a fifth during the filling period.

> No country has the right to turn off another country's tap.
-- Marosan foreign ministry statement

Kessland insists the filling schedule has been designed to protect downstream users and that
flows will return to normal once the reservoir is full.
""",
        ),
        Article(
            slug="marosa-recalls-ambassador-over-tavra",
            title="Marosa recalls its ambassador as Tavra dispute escalates",
            standfirst=(
                "The recall, the first between the two countries in thirty years, came after "
                "Kessland rejected a proposal to slow the filling of its new reservoir."
            ),
            days_ago=51.8,
            authors=("mara-lindqvist",),
            tags=("Diplomacy",),
            lead="The Marosan embassy in the Kessland capital.",
            body="""
Marosa has recalled its ambassador from Kessland for consultations, escalating a dispute over
the filling of the Upper Tavra dam.

The decision was announced hours after Kessland's government rejected a Marosan proposal to halve
the rate at which the reservoir is filled during the summer irrigation season.

> We proposed a compromise. We were told there was nothing to discuss.
-- Marosan government spokesperson

Kessland's foreign ministry called the recall "an overreaction" and said its door remained open.
Diplomats in the region said the two sides had not held direct talks for several weeks.

Estmark, which has good relations with both countries, said it was "ready to help in any way the
parties find useful". The foreign minister, Lucia Marin, spoke to both of her counterparts by
telephone on Wednesday evening.
""",
        ),
        Article(
            slug="tavra-talks-open-in-linden",
            title="Tavra talks open in Linden with both sides at the same table",
            standfirst=(
                "Kessland and Marosa sent delegations to Estmark's capital for the first direct "
                "talks since the dam dispute erupted."
            ),
            days_ago=36.5,
            authors=("mara-lindqvist",),
            tags=("Diplomacy", "Estmark"),
            lead="Delegations arrive at the Linden conference centre for the Tavra talks.",
            body="""
Delegations from Kessland and Marosa met in Linden on Tuesday for the first direct talks since the
dispute over the Upper Tavra dam erupted nearly three weeks ago.

The talks, hosted by Estmark's foreign ministry at the Linden conference centre, are being chaired
by a retired judge of the regional court, Margit Oster, who was accepted by both sides.

## What is on the table

- The rate at which the reservoir is filled during the irrigation season.
- A joint commission to monitor water flows at the border.
- Compensation for Marosan farmers if flows fall below an agreed minimum.

> Nobody expects a treaty this week. We would be happy with a calendar.
-- Lucia Marin, Estmark's foreign minister

Both delegations declined to speak to reporters on arrival. The talks are expected to last three
days.
""",
        ),
        Article(
            slug="kessland-marosa-agree-tavra-framework",
            title="Kessland and Marosa agree framework to share the Tavra's water",
            standfirst=(
                "After two rounds of talks in Linden, the neighbours agreed to slow the filling "
                "of the dam in summer and set up a joint monitoring commission."
            ),
            days_ago=26.2,
            authors=("mara-lindqvist",),
            tags=("Diplomacy", "Estmark", "Agriculture"),
            lead="The Tavra river below the Upper Tavra dam.",
            body="""
Kessland and Marosa have agreed a framework for sharing the waters of the Tavra river, ending
the sharpest phase of their dispute over the Upper Tavra dam.

Under the framework, announced in Linden on Friday, Kessland will reduce the rate at which it fills
the reservoir by 40 per cent between May and August, the months when Marosan farmers irrigate
their crops. In exchange, Marosa will drop its complaint to the regional court.

> This is not everything we asked for, but it protects our farmers this summer and every summer
> after.
-- Head of the Marosan delegation

A joint commission, with an independent chair, will publish river flow measurements every week.
Marosa's ambassador is expected to return to the Kessland capital next week.

Estmark's role was widely praised. Both delegations thanked the chair of the talks, Margit Oster,
and the Estmarkian foreign ministry for what one negotiator called "patience beyond the call of
duty".
""",
        ),
        Article(
            slug="tavra-commission-first-report",
            title="First Tavra commission report shows river flows within agreed limits",
            standfirst=(
                "The joint commission's first weekly figures suggest Kessland is keeping to the "
                "slower filling schedule, easing fears in Marosa's farming regions."
            ),
            days_ago=15.3,
            authors=("pieter-vos",),
            tags=("Agriculture", "Drought"),
            body="""
River flows on the Tavra have stayed within the limits agreed by Kessland and Marosa, according to
the first report of the joint commission set up to monitor the river.

Flow at the border gauging station averaged 412 cubic metres a second last week, above the
agreed summer minimum of 380. The report was published simultaneously in both capitals.

Farmers' groups in southern Marosa welcomed the figures but warned that a hot, dry month could
still leave them short, as the region, like much of the south of the continent, faces its driest
year in decades.

> The numbers are good. But numbers on paper do not water a field. We will be watching every week.
-- Representative of the Marosan Farmers' Union

The commission will publish its next report on Thursday.
""",
        ),
    ),
)
