"""The summer drought in the south: low reservoirs, a hosepipe ban, struggling farms, then rain."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="headline",
    tags=("Estmark", "Drought", "Water"),
    articles=(
        Article(
            slug="greywater-reservoir-falls-to-record-low",
            title="Greywater reservoir falls to record low as dry spell continues",
            standfirst=(
                "The reservoir that supplies Solbay and the Marren Valley is at 31 per cent of "
                "capacity after the driest spring since records began."
            ),
            days_ago=58.4,
            authors=("pieter-vos",),
            tags=("Climate", "Marren Valley"),
            lead="The exposed banks of the Greywater reservoir.",
            body="""
The Greywater reservoir, which supplies drinking water to Solbay and much of the Marren Valley, has
fallen to 31 per cent of its capacity, the lowest level since it was built sixty years ago.

The south of Estmark has had less than half its usual rainfall since March, making this the
driest spring since national records began. Forecasters see no sign of a change in the next two
weeks.

[image] Old field walls, normally under water, have reappeared on the reservoir bed.

> We are not yet at the point where taps run dry. But if the summer is as dry as the spring, we
> will have to take decisions nobody wants to take.
-- Operations director, South Estmark Water

The water company has asked customers to cut their use by a tenth, and has brought forward repairs
to leaking mains.

[table] Greywater reservoir, share of capacity on 1 June
| Year | Level |
| 2024 | 88% |
| 2025 | 74% |
| 2026 | 31% |

[facts] The Greywater reservoir
- Built sixty years ago in the Marren Valley
- Supplies Solbay and most of the valley
- At 31 per cent of capacity, its lowest level on record
""",
        ),
        Article(
            slug="hosepipe-ban-in-the-south",
            title="Hosepipe ban for 900,000 households in the south",
            standfirst=(
                "South Estmark Water has banned garden sprinklers, hosepipes and filling private "
                "pools from Monday, the first such ban in eleven years."
            ),
            days_ago=50.2,
            authors=("pieter-vos",),
            tags=("Climate",),
            lead="A dry garden in Solbay as the hosepipe ban begins.",
            body="""
South Estmark Water has imposed a hosepipe ban on about 900,000 households, its first in eleven
years, as the Greywater reservoir continues to fall.

From Monday, customers may not use hosepipes or sprinklers to water gardens, wash cars or fill
private swimming pools. Watering cans and buckets are still allowed.

- Fines of up to 1,000 crowns for breaking the ban.
- Exemptions for disabled gardeners and for commercial growers.
- The ban will be reviewed every two weeks.

> Every litre saved in a garden in June is a litre that stays in the reservoir for August.
-- South Estmark Water

The company has been criticised for losing almost a fifth of its water through leaks. It says it
will spend 300 million crowns over five years replacing old pipes.
""",
        ),
        Article(
            slug="marren-valley-farmers-count-cost-of-drought",
            title="Marren Valley farmers count the cost as crops wither",
            standfirst=(
                "Vegetable growers expect their harvests to fall by a third; dairy farmers are "
                "already buying in winter feed."
            ),
            days_ago=45.5,
            authors=("pieter-vos",),
            tags=("Agriculture", "Marren Valley"),
            extra_sections=("business",),
            lead="Dry fields near the village of Ostervik in the Marren Valley.",
            body="""
In a normal June, the fields around Ostervik in the Marren Valley are green with potatoes,
cabbages and onions. This year the soil is cracked and the leaves are yellow at the edges.

> I have farmed here for thirty-one years and I have never seen the ground this hard in June. My
> father did not see it either.
-- Vegetable grower in Ostervik

Farmers' organisations say vegetable harvests in the valley could be a third below normal.
Irrigation from the river has been limited to three nights a week since the river level fell below
its warning mark.

## Dairy farms feel it too

Grass has stopped growing on many dairy farms, and farmers have begun feeding cattle hay meant for
the winter. The price of hay has doubled since April.

The Farmers' Federation has asked the government for emergency help, including delayed tax
payments and a fund to help farmers buy feed.
""",
        ),
        Article(
            slug="government-announces-drought-aid",
            title="Government announces 250 million crown drought aid package",
            standfirst=(
                "Farmers in the south will be able to apply for grants towards animal feed and "
                "defer tax payments until next year."
            ),
            days_ago=34.3,
            authors=("pieter-vos", "sofia-brenner"),
            tags=("Agriculture",),
            extra_sections=("politics",),
            body="""
The government has announced a 250 million crown package to help farmers hit by the drought in
the south of Estmark.

The agriculture minister, Jon Falk, told the Assembly that farms in the worst-affected areas could
apply for grants covering up to half the cost of extra animal feed, and could postpone their tax
payments until next year without interest.

> Farmers did not cause this drought, and they should not have to carry its cost alone.
-- Jon Falk, agriculture minister

The Farmers' Federation welcomed the package but said it would not be enough if the dry weather
lasted into the autumn. The Green List said the government should also invest in water storage
and drought-resistant crops.

The package was agreed with all parties' support, despite the election campaign.
""",
        ),
        Article(
            slug="rain-returns-to-the-south",
            title="Rain returns to the south, but the drought is not over yet",
            standfirst=(
                "The heaviest rainfall in five months brought relief to the Marren Valley. "
                "Water officials say it will take a wet winter to refill Greywater."
            ),
            days_ago=4.1,
            authors=("pieter-vos",),
            tags=("Climate", "Marren Valley"),
            lead="Rain over the Marren Valley after five dry months.",
            body="""
Heavy rain fell across the south of Estmark over the weekend, the most in a single weekend since
April, bringing relief to farmers and gardeners after five months of drought.

Some parts of the Marren Valley received 60 millimetres of rain in two days. In Solbay, the
storms caused brief flooding in the old town as water ran off the baked ground.

> It is the sound we have been waiting for all summer. But one weekend does not make up for five
> months.
-- Vegetable grower in Ostervik

South Estmark Water said the Greywater reservoir had risen by only two percentage points, to 26 per
cent, and the hosepipe ban would remain in place for now.

Meteorologists expect a wetter than average autumn, but warn that dry springs are becoming more
frequent. Three of the five driest springs on record have occurred in the last fifteen years.
""",
        ),
    ),
)
