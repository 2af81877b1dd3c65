"""The rail workers' pay dispute with Estrail: the ballot, the strike, the talks and the deal."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="headline",
    tags=("Estmark", "Transport", "Strikes"),
    articles=(
        Article(
            slug="rail-workers-vote-to-strike",
            title="Rail workers vote to strike over pay and staffing",
            standfirst=(
                "Members of the Estmark Rail Union backed strike action by 82 per cent on a "
                "turnout of 71 per cent, raising the prospect of the first national rail strike "
                "in a decade."
            ),
            days_ago=57.3,
            authors=("pieter-vos",),
            tags=("Estrail", "Labour"),
            lead="A train leaves Linden Central station.",
            body="""
Rail workers have voted overwhelmingly to strike in a dispute over pay and staffing, raising the
prospect of the first national rail strike in Estmark for ten years.

Members of the Estmark Rail Union, which represents drivers, guards and maintenance staff at the
state operator Estrail, backed strike action by 82 per cent on a turnout of 71 per cent.

> Our members have had a real-terms pay cut every year for four years. They have been patient.
> Their patience has run out.
-- Hugo Brandt, general secretary of the Estmark Rail Union

Estrail has offered a pay rise of 3.5 per cent this year. The union is asking for 7 per cent and a
guarantee that guards will stay on every regional train.

Estrail said it was "disappointed" and urged the union to return to talks. No strike dates have
been set.
""",
        ),
        Article(
            slug="rail-strike-dates-announced",
            title="Rail union announces two days of national strikes",
            standfirst=(
                "Trains across Estmark will stop on two days later this month unless a deal is "
                "reached. Estrail says it will run a skeleton service on main lines."
            ),
            days_ago=47.4,
            authors=("pieter-vos",),
            tags=("Estrail", "Labour"),
            body="""
The Estmark Rail Union has called two days of national strikes later this month, after talks with
Estrail broke down without agreement.

Estrail said it expected to run around one train in five on the main lines between Linden,
Harwick and Solbay, staffed by managers and non-union staff. Regional and night services would
not run.

## What passengers need to know

- Check before travelling: the strike timetable will be published on Friday.
- Season ticket holders can claim compensation for both days.
- Advance tickets for strike days can be refunded without a fee.

> Nobody wants to strike. But we are not going to accept a pay cut dressed up as a pay rise.
-- Hugo Brandt, Estmark Rail Union

The transport minister, Ruth Amsel, called on both sides to "get back in the room" and said she
would not intervene in the pay negotiations.
""",
        ),
        Article(
            slug="rail-strike-brings-network-to-a-halt",
            title="Rail strike brings most of the network to a halt",
            standfirst=(
                "Only one train in six ran on Tuesday as thousands of workers walked out. Roads "
                "into Linden were jammed from early morning."
            ),
            days_ago=41.5,
            authors=("pieter-vos",),
            tags=("Estrail", "Labour", "Linden"),
            lead="An empty platform at Linden Central during the strike.",
            body="""
Most of Estmark's rail network came to a standstill on Tuesday as thousands of rail workers went
on strike in a dispute over pay and staffing.

Estrail ran 214 trains, around one in six of a normal weekday. Stations in Linden and Harwick were
almost deserted, and the main roads into the capital were jammed from six in the morning.

[image] The departures board at Linden Central, with most trains cancelled.

> I left home at five to get to work on time. It took me two and a half hours to travel
> thirty kilometres.
-- Commuter from Aldby

Picket lines formed outside the main stations and depots. Union leaders said the strike was solidly
supported and that the second day of action, on Thursday, would go ahead.

Estrail estimated the cost of the strike at 12 million crowns a day in lost fares.
""",
        ),
        Article(
            slug="rail-talks-resume-with-mediator",
            title="Rail talks resume with independent mediator",
            standfirst=(
                "Estrail and the rail union agreed to call in the national mediation service, "
                "suspending further strikes while talks continue."
            ),
            days_ago=30.4,
            authors=("pieter-vos",),
            tags=("Estrail", "Labour"),
            body="""
Estrail and the Estmark Rail Union have agreed to resume talks with the help of the national
mediation service, and the union has suspended plans for further strikes.

The two sides met for six hours on Monday with a mediator. In a joint statement, they said
discussions had been "frank and useful" and would continue through the week.

People familiar with the talks said the gap on pay had narrowed, with Estrail prepared to offer
more than its original 3.5 per cent if the union accepted changes to rosters. The question of
guards on regional trains remained the main obstacle.

> A mediator cannot make people agree. But a mediator can make sure they are listening to each
> other.
-- Director of the national mediation service
""",
        ),
        Article(
            slug="rail-pay-deal-ends-dispute",
            title="Rail pay deal ends dispute: 5.5 per cent rise and guards guaranteed",
            standfirst=(
                "Union members will vote on the agreement, which keeps guards on regional trains "
                "until at least the end of the decade."
            ),
            days_ago=22.3,
            authors=("pieter-vos", "daniel-okafor"),
            tags=("Estrail", "Labour", "Wages"),
            extra_sections=("business",),
            lead="A regional train at Harwick station.",
            body="""
Estrail and the Estmark Rail Union have reached an agreement that ends their dispute over pay and
staffing, five weeks after workers voted to strike.

Under the deal, rail workers will receive a pay rise of 5.5 per cent this year and 4 per cent next
year. Estrail has guaranteed that every regional train will keep a guard until at least the end of
the decade.

In return, the union has accepted changes to rosters that Estrail says will allow it to run more
trains at weekends without hiring more staff.

> This is a fair deal. It rewards our members and it keeps our passengers safe.
-- Hugo Brandt, Estmark Rail Union

> It costs more than we wanted, but it gives passengers seven-day railways and certainty for
> the next two years.
-- Chief executive of Estrail

Union members will vote on the agreement over the next three weeks. The union's leadership is
recommending that they accept.
""",
        ),
    ),
)
