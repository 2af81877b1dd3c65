"""Estmark's snap general election: the call, the campaign, the debate, the count and the coalition."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="politics",
    tags=("Estmark", "Elections"),
    articles=(
        Article(
            slug="strand-calls-snap-election",
            title="Prime Minister Strand calls snap election for next month",
            standfirst=(
                "Helena Strand asked President Aalto to dissolve the Assembly a year early, "
                "saying the government needed a fresh mandate for its housing plans."
            ),
            days_ago=55.2,
            authors=("sofia-brenner",),
            tags=("Civic Alliance", "Housing"),
            lead="Prime Minister Helena Strand announces the election outside her office.",
            body="""
Prime Minister Helena Strand has called a snap general election, asking President Katrin Aalto to
dissolve the Assembly a year before the end of its term. Voters will go to the polls in six
weeks.

Speaking outside her office on Monday, Ms Strand said her government had "gone as far as this
Assembly will let us" and needed a fresh mandate to build more homes and reform the planning
system.

> I would rather ask the people now than spend a year pretending that nothing can be done.
-- Prime Minister Helena Strand

Her Civic Alliance lost its majority in the Assembly in the spring, when three members left to
sit as independents over the planning reforms. Since then two of its bills have been defeated.

The opposition Social Union said it was ready. Its leader, Tomas Ardelean, called the election
"a chance to end years of drift".
""",
        ),
        Article(
            slug="campaign-launches-housing-and-prices",
            title="Parties launch campaigns with housing and prices at the top of the agenda",
            standfirst=(
                "The Civic Alliance promises 60,000 new homes, the Social Union a rent freeze and "
                "the Green List a national insulation programme."
            ),
            days_ago=48.1,
            authors=("sofia-brenner",),
            tags=("Housing", "Civic Alliance", "Social Union", "Green List"),
            lead="Campaign posters on a street in Harwick.",
            body="""
Estmark's three largest parties launched their election campaigns on Saturday, each promising to
tackle the cost of housing, which polls show is the issue voters care about most.

## The offers

- Civic Alliance: 60,000 new homes over four years and a faster planning system.
- Social Union: a two-year freeze on rents and a public builder for affordable homes.
- Green List: a national insulation programme to cut heating bills by a quarter.

At a rally in Harwick, Prime Minister Helena Strand said her party's plan was "the only one that
adds a single brick".

> You cannot freeze your way out of a shortage. You have to build.
-- Helena Strand, Civic Alliance

In Linden, the Social Union leader, Tomas Ardelean, told supporters that a generation of young
people had been "priced out of the cities they grew up in".

> People cannot wait four years for homes that may never be built. They need help this winter.
-- Tomas Ardelean, Social Union

The Green List, which polls suggest could hold the balance of power, said it would support
whichever party did most to cut energy use.
""",
        ),
        Article(
            slug="leaders-debate-clash-on-rents",
            title="Leaders clash over rents and taxes in the only televised debate",
            standfirst=(
                "Strand and Ardelean traded blows over the rent freeze, while the Green List's "
                "Nadia Keel positioned herself as the kingmaker."
            ),
            days_ago=27.3,
            authors=("sofia-brenner",),
            tags=("Housing", "Civic Alliance", "Social Union", "Green List"),
            lead="The three party leaders on stage before the debate.",
            body="""
The leaders of Estmark's three largest parties clashed over rents, taxes and energy bills on
Thursday night in the only televised debate of the election campaign.

The sharpest exchanges came over the Social Union's proposed rent freeze. Prime Minister Helena
Strand said it would "stop the building of rental homes overnight"; Tomas Ardelean accused her of
defending landlords.

> Every economist in this country knows that a freeze means fewer homes in five years.
-- Helena Strand

> Every tenant in this country knows what their rent went up by last year.
-- Tomas Ardelean

Nadia Keel of the Green List, who is likely to be courted by both after the election, avoided
taking sides on the freeze and repeatedly returned to her party's insulation plan.

A snap poll of viewers afterwards gave the debate to Mr Ardelean by a narrow margin, with a third
of viewers saying nobody had won.
""",
        ),
        Article(
            slug="final-poll-points-to-hung-assembly",
            title="Final poll points to a hung Assembly with the Greens holding the balance",
            standfirst=(
                "The last survey before polling day puts the Civic Alliance and the Social Union "
                "level, with neither close to a majority."
            ),
            days_ago=16.4,
            authors=("sofia-brenner", "daniel-okafor"),
            tags=("Green List",),
            lead="The Assembly building in Linden on the eve of the vote.",
            body="""
The final opinion poll of the election campaign suggests that neither of Estmark's two largest
parties will win a majority in the Assembly, leaving the Green List in a position to decide who
governs.

The survey of 2,400 voters, carried out over the weekend, puts the Civic Alliance on 31 per cent
and the Social Union on 30, with the Green List on 14. Smaller parties share the rest.

1. Civic Alliance: 31 per cent (down 3 since the last election)
2. Social Union: 30 per cent (up 2)
3. Green List: 14 per cent (up 5)
4. Others: 25 per cent

Pollsters cautioned that around one voter in six was still undecided and that turnout among
younger voters, who favour the Social Union and the Greens, was hard to predict.

> This is the closest final poll we have recorded. A few thousand votes in the suburbs of Linden
> could decide it.
-- Director of the polling institute
""",
        ),
        Article(
            slug="election-results-civic-alliance-largest-party",
            title="Civic Alliance remains largest party but loses ground; Greens surge",
            standfirst=(
                "Helena Strand's party won 58 of the Assembly's 151 seats, short of a majority, "
                "as the Green List had its best result ever."
            ),
            days_ago=13.1,
            authors=("sofia-brenner",),
            tags=("Civic Alliance", "Social Union", "Green List"),
            extra_sections=("headline",),
            lead="Counting under way at a polling station in Linden.",
            body="""
The Civic Alliance has remained the largest party in Estmark's Assembly after Sunday's general
election, but with fewer seats than before and well short of a majority. The Green List had its
best result since it was founded.

With all votes counted, the Civic Alliance won 58 of the 151 seats, the Social Union 54 and the
Green List 23. Turnout was 74 per cent, the highest in twenty years.

[image] Counting under way at a polling station in the centre of Linden.

Prime Minister Helena Strand told supporters in Linden that the result gave her party "the first
right and the first duty" to try to form a government.

> The people have not given anyone a blank cheque. They have told us to work together.
-- Helena Strand

The Green List leader, Nadia Keel, said her party would talk to both the Civic Alliance and the
Social Union, but that insulation and public transport would be "the price of our support".

> We did not win these seats to sit quietly in opposition.
-- Nadia Keel, Green List
""",
        ),
        Article(
            slug="coalition-talks-begin",
            title="Coalition talks begin as Strand and Keel meet for three hours",
            standfirst=(
                "The prime minister and the Green List leader said talks had been 'constructive'; "
                "the Social Union accused them of a backroom deal."
            ),
            days_ago=10.6,
            authors=("sofia-brenner",),
            tags=("Civic Alliance", "Green List"),
            body="""
Prime Minister Helena Strand and the Green List leader, Nadia Keel, met for three hours on
Wednesday in the first formal round of coalition talks since the general election.

Neither leader took questions afterwards. In a joint statement they said the talks had been
"constructive and detailed" and would continue on Friday with teams working on housing, energy
and the budget.

The Social Union, which had hoped to form a government with the Greens itself, accused the two
parties of "a backroom deal that ignores the voters who wanted change".

Ms Keel's party is understood to be asking for the transport and environment ministries and a
binding target for home insulation.
""",
        ),
        Article(
            slug="civic-green-coalition-agreed",
            title="Civic Alliance and Green List agree coalition; Strand to stay prime minister",
            standfirst=(
                "The two parties will hold 81 of the Assembly's 151 seats. Nadia Keel becomes "
                "deputy prime minister and minister for climate and transport."
            ),
            days_ago=6.2,
            authors=("sofia-brenner",),
            tags=("Civic Alliance", "Green List", "Housing", "Climate"),
            lead="Helena Strand and Nadia Keel present the coalition agreement.",
            body="""
The Civic Alliance and the Green List have agreed to form a coalition government, giving Estmark a
majority administration a week after an election that left no party in control.

Helena Strand will remain prime minister. Nadia Keel, the Green List leader, becomes deputy prime
minister and minister for climate and transport, and her party takes three other cabinet posts.

## What the agreement says

- 50,000 new homes over four years, a third of them for rent at below-market prices.
- Insulation for 200,000 homes, paid for by a levy on the largest energy companies.
- A review of rail fares, with a cap on season tickets from next year.

> We have disagreed on a lot over the years. We agreed on what matters most: warm homes that
> people can afford.
-- Nadia Keel

The Social Union leader, Tomas Ardelean, said he would lead "a strong and constructive
opposition" and would hold the government to its housing numbers. The Assembly will vote to
confirm the new government next week.
""",
        ),
    ),
)
