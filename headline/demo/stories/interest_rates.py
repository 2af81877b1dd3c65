"""The Bank of Estmark's interest-rate decisions: a hold, the inflation figures, then a cut."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="business",
    tags=("Estmark", "Interest rates", "Economy"),
    articles=(
        Article(
            slug="bank-of-estmark-expected-to-hold-rates",
            title="Bank of Estmark expected to hold rates as inflation lingers",
            standfirst=(
                "Economists expect the policy rate to stay at 4.25 per cent on Thursday, with "
                "the first cut now pencilled in for the autumn."
            ),
            days_ago=44.5,
            authors=("daniel-okafor",),
            tags=("Inflation",),
            lead="The Bank of Estmark's headquarters on Exchange Street.",
            body="""
The Bank of Estmark is expected to keep its main interest rate at 4.25 per cent on Thursday,
as inflation remains above its 2 per cent target despite falling energy prices.

All fourteen economists surveyed by Headline expect no change. Most now see the first cut coming
in the autumn, once the bank has seen another round of wage figures.

Inflation was 3.4 per cent last month, down from a peak of 8.9 per cent two years ago. But prices
for services, which depend mainly on wages, are still rising by more than 5 per cent a year.

> The bank will want to be sure that wage growth is cooling before it moves. Cutting too early
> and having to reverse would be the worst outcome.
-- Chief economist at Nordbank Estmark

The decision will be announced at noon, followed by a press conference with the governor, Ingrid
Salo.
""",
        ),
        Article(
            slug="bank-of-estmark-holds-rates",
            title="Bank of Estmark holds rates at 4.25% but signals cuts ahead",
            standfirst=(
                "Governor Ingrid Salo said the bank was 'getting closer' to lowering borrowing "
                "costs. Two of the seven policy board members voted for a cut."
            ),
            days_ago=42.4,
            authors=("daniel-okafor",),
            tags=("Inflation",),
            extra_sections=("headline",),
            lead="The policy board's meeting room at the Bank of Estmark.",
            body="""
The Bank of Estmark kept its main interest rate unchanged at 4.25 per cent on Thursday but gave
its clearest signal yet that cuts are on the way.

Five of the seven members of the policy board voted to hold, two to cut by a quarter of a point.
It was the first time since rates began rising that any member had voted for a cut.

> We are getting closer. We want to see a little more evidence that inflation is coming back to
> target for good, and we expect to see it in the coming months.
-- Ingrid Salo, governor of the Bank of Estmark

The crown fell by half a per cent against the euro after the announcement as traders brought
forward their bets on a cut.

The bank now expects inflation to fall to 2.5 per cent by the end of next year. It cut its
forecast for economic growth this year to 0.8 per cent.
""",
        ),
        Article(
            slug="inflation-falls-to-two-point-eight",
            title="Inflation falls to 2.8%, lowest in three years",
            standfirst=(
                "Cheaper fuel and a slowdown in food prices pulled inflation down sharply, "
                "strengthening the case for an interest-rate cut at the next policy meeting."
            ),
            days_ago=20.3,
            authors=("daniel-okafor",),
            tags=("Inflation",),
            lead="Shoppers at a covered market in Linden.",
            body="""
Inflation in Estmark fell to 2.8 per cent last month from 3.4 per cent, the national statistics
office said on Tuesday, its lowest level for three years.

The fall was bigger than economists had expected. Fuel prices fell by 6 per cent over the month,
and food price inflation slowed to 2.1 per cent, although prices for fresh vegetables rose again
because of the drought in the south.

## Where prices are still rising

- Rents: up 9 per cent on a year earlier.
- Restaurants and hotels: up 5.6 per cent.
- Fresh vegetables: up 11 per cent, as the drought cuts harvests.

> This makes a cut at the next meeting very likely. The question is whether the bank goes by a quarter or
> by half a point.
-- Senior economist at the Estmark Chamber of Commerce

The finance minister, Erik Dahlgren, said the figures showed "the worst of the cost-of-living
crisis is behind us".
""",
        ),
        Article(
            slug="bank-of-estmark-cuts-rates",
            title="Bank of Estmark cuts interest rates for the first time in four years",
            standfirst=(
                "The policy rate falls by a quarter point to 4 per cent. Governor Salo warned "
                "that further cuts would come 'gradually and carefully'."
            ),
            days_ago=8.4,
            authors=("daniel-okafor",),
            tags=("Inflation", "Mortgages"),
            extra_sections=("headline",),
            lead="Governor Ingrid Salo at the press conference after the decision.",
            body="""
The Bank of Estmark has cut its main interest rate for the first time in four years, lowering it
from 4.25 per cent to 4 per cent.

The decision by the policy board was unanimous. Inflation fell to 2.8 per cent last month, and the
bank said it expected it to reach its 2 per cent target within eighteen months.

> Today is a milestone, not a finish line. We will lower rates gradually and carefully, and only
> as fast as the data allows.
-- Ingrid Salo, governor of the Bank of Estmark

[image] Policy rate of the Bank of Estmark over the past five years.

The cut will be welcome to the roughly 400,000 households with variable-rate mortgages, whose
monthly payments will fall by an average of 45 crowns.

Markets had expected the move. The main share index rose by 1.2 per cent, led by builders and
retailers.
""",
        ),
        Article(
            slug="rate-cut-what-it-means-for-mortgages",
            title="What the rate cut means for your mortgage and your savings",
            standfirst=(
                "Borrowers on variable rates will see lower payments next month; savers face "
                "lower returns. Our economics editor answers the common questions."
            ),
            days_ago=7.3,
            authors=("daniel-okafor",),
            tags=("Mortgages", "Personal finance"),
            body="""
The Bank of Estmark's quarter-point cut in interest rates will feed through to household budgets
over the coming weeks. Here are the answers to the questions readers have asked most.

## I have a variable-rate mortgage. When will my payment fall?

Most lenders have said they will pass on the cut in full from the first of next month. On a
mortgage of 200,000 crowns, that is about 40 crowns a month.

## I am on a fixed rate. Does this affect me?

Not until your fixed term ends. But fixed rates on offer to new borrowers have already fallen,
because markets expected the cut.

## What about my savings?

Banks are likely to lower rates on easy-access accounts within weeks. Fixed-term savings
accounts opened before the cut keep their rate.

> Anyone whose fixed deal ends in the next six months should start comparing offers now. Rates
> are lower than they were in the spring.
-- Independent mortgage adviser in Linden

## Will there be more cuts?

The governor would not commit, but most economists expect two more quarter-point cuts next year.
""",
        ),
    ),
)
