"""President Castel of Valdoria's three-day state visit to Estmark, from announcement to farewell."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="international",
    tags=("Valdoria", "Estmark", "Diplomacy"),
    articles=(
        Article(
            slug="valdoria-president-to-make-state-visit",
            title="Valdoria's president to make first state visit in fifteen years",
            standfirst=(
                "Ilario Castel will spend three days in Linden this month, the first visit by a "
                "Valdorian head of state since relations cooled over fishing rights."
            ),
            days_ago=21.4,
            authors=("mara-lindqvist",),
            tags=("Trade",),
            lead="The presidential palace in Linden, where the visit will begin.",
            body="""
President Ilario Castel of Valdoria will make a three-day state visit to Estmark in three weeks,
the presidential office in Linden announced on Tuesday. It will be the first state visit by a
Valdorian head of state in fifteen years.

The invitation was extended by President Katrin Aalto during a telephone call in the spring and
accepted, officials said, "without hesitation". The programme includes talks with Prime Minister
Helena Strand, an address to the Assembly and a visit to the port of Solbay.

> We share a coastline, a language family and a great deal of history. It is time we also shared
> a plan for the future.
-- President Katrin Aalto

Relations between the two countries were strained for much of the last decade by a dispute over
fishing quotas in the Gulf of Brenn, which was settled by arbitration two years ago. Since then
trade has grown quickly: Valdoria is now Estmark's third-largest export market.

Diplomats on both sides expect agreements on energy, rail links and student exchanges to be signed
during the visit. The foreign ministry declined to say whether a broader trade pact was on the
table.
""",
        ),
        Article(
            slug="what-to-expect-from-the-castel-visit",
            title="What to expect from the Castel visit: energy, rail and a long-awaited apology",
            standfirst=(
                "Ahead of the Valdorian president's arrival, our diplomatic correspondent sets out "
                "what each side wants from the three days in Linden."
            ),
            days_ago=3.2,
            authors=("mara-lindqvist",),
            tags=("Trade", "Energy", "Transport"),
            lead="Flags of Estmark and Valdoria on the Linden embankment.",
            body="""
When President Ilario Castel steps off his aircraft at Linden on Thursday morning, both
governments will be hoping that three days of ceremony can cement a relationship that was, not
long ago, openly hostile.

## Energy

Valdoria has surplus hydroelectric power for most of the year and Estmark needs it. An
undersea cable between the two grids has been discussed for a decade; officials say a
memorandum committing both sides to a feasibility study is ready for signature.

## Rail

The night train between Linden and Serrat was withdrawn eleven years ago. Transport ministries
have been working on a plan to restore a daily service, using new rolling stock, from the next
timetable change.

## History

The most delicate item is not on the official programme. Valdorian officials have hinted that
the president may use his address to the Assembly to acknowledge the seizure of Estmarkian
fishing boats during the quota dispute, a gesture that families in Solbay have long demanded.

> An apology would cost Valdoria nothing and would mean everything to the people who lost their
> livelihoods.
-- Mayor of Solbay, Tove Randall

The prime minister's office said only that "both presidents will speak from the heart".
""",
        ),
        Article(
            slug="castel-arrives-in-linden",
            title="Castel arrives in Linden to a ceremonial welcome and a few protesters",
            standfirst=(
                "The Valdorian president was greeted with a guard of honour and a 21-gun salute; "
                "a small group of fishermen gathered nearby with placards."
            ),
            days_ago=1.6,
            authors=("mara-lindqvist",),
            tags=(),
            lead="The guard of honour on Palace Square as the motorcade arrives.",
            body="""
President Ilario Castel of Valdoria arrived in Linden on Thursday morning at the start of a
three-day state visit, greeted on Palace Square by President Katrin Aalto, a guard of honour and
a military band.

Several hundred people watched the ceremony in light rain. At the edge of the square, a group of
around forty fishermen from Solbay held placards calling for an apology for the boats seized
during the quota dispute.

[image] Fishermen from Solbay hold placards at the edge of Palace Square.

The two presidents inspected the guard and then walked together to the palace for private talks,
stopping briefly to speak with schoolchildren waving paper flags.

> I come as a friend, and I come to listen.
-- President Ilario Castel, on arrival

Mr Castel will meet Prime Minister Helena Strand on Friday morning before addressing the
Assembly in the afternoon.
""",
        ),
        Article(
            slug="castel-state-banquet-speech",
            title="At state banquet, Castel speaks of 'years we should not have lost'",
            standfirst=(
                "In a speech at the palace banquet, the Valdorian president came close to the "
                "apology Solbay's fishing families have sought."
            ),
            days_ago=1.1,
            authors=("mara-lindqvist",),
            tags=(),
            lead="The state banquet in the Mirror Hall of the presidential palace.",
            body="""
President Ilario Castel told guests at a state banquet in Linden on Thursday evening that the
quarrel over fishing rights had cost both countries "years we should not have lost", in the
clearest acknowledgement yet by a Valdorian leader of the hurt the dispute caused.

Speaking in the Mirror Hall of the presidential palace, Mr Castel said he thought "in particular
of the families of Solbay, whose boats and whose trust we took from them".

> We cannot give back those years. We can decide that the next ones will be different.
-- President Ilario Castel

President Katrin Aalto, in her own toast, praised what she called her guest's courage.

> It takes more strength to say 'we were wrong' than to win an argument.
-- President Katrin Aalto

In Solbay, reaction was cautiously positive. The fishermen's association said it would study
the words carefully and wait to see whether compensation followed.
""",
        ),
        Article(
            slug="estmark-valdoria-sign-energy-and-rail-deals",
            title="Estmark and Valdoria sign energy cable and night-train agreements",
            standfirst=(
                "The two governments committed to study an undersea power cable and to restore "
                "the Linden-Serrat night train by next winter."
            ),
            days_ago=0.7,
            authors=("daniel-okafor", "mara-lindqvist"),
            tags=("Trade", "Energy", "Transport"),
            extra_sections=("business",),
            lead="Ministers sign the agreements at the foreign ministry.",
            body="""
Estmark and Valdoria signed four agreements on Friday, including a commitment to study a 600
kilometre undersea power cable and a plan to restore the night train between Linden and Serrat.

The agreements were signed by ministers in the presence of Prime Minister Helena Strand and
President Ilario Castel at the foreign ministry.

- A joint feasibility study of a 1.4 gigawatt power cable under the Gulf of Brenn, to report within 18 months.
- A daily night train between Linden and Serrat from the December timetable change.
- 500 additional university exchange places in each direction every year.
- A joint fund for fishing communities on both coasts, worth 40 million crowns.

## Business welcomes the deals

The Estmark Chamber of Commerce called the package "a sensible first step" but said companies
were still waiting for progress on customs procedures at the land border, which add an average
of six hours to every lorry crossing.

> The cable could lower power prices for every household in the south. But we have seen studies
> before; what matters is a construction date.
-- Annika Holm, chief economist at the Estmark Chamber of Commerce

Valdoria already sells electricity to two of its other neighbours. Officials estimate the cable
would cost between 2 and 2.6 billion crowns.
""",
        ),
        Article(
            slug="state-visit-strengthens-ties",
            title="State visit strengthens ties between Estmark and Valdoria",
            standfirst=(
                "As President Castel left Linden, both governments hailed a new chapter after a "
                "decade of mistrust, with agreements on energy, rail and a fund for fishing "
                "communities."
            ),
            days_ago=0.05,
            authors=("mara-lindqvist",),
            tags=("Trade", "Energy"),
            top_story=True,
            lead="President Ilario Castel and President Katrin Aalto on the palace steps in Linden.",
            body="""
President Ilario Castel of Valdoria left Linden on Saturday at the end of a three-day state visit
that both governments described as the start of a new chapter, after a decade in which a quarrel
over fishing rights soured relations between the neighbours.

The visit produced agreements on an undersea power cable, a restored night train between Linden
and Serrat and a joint fund for fishing communities, as well as the clearest acknowledgement yet
by a Valdorian leader of the harm the dispute caused.

> We arrived as neighbours who had learned to be careful with each other. We leave as partners
> who have work to do together.
-- President Ilario Castel, at the farewell ceremony

Speaking to reporters at the airport, Prime Minister Helena Strand said the government would
appoint a special envoy to oversee the agreements and report to the Assembly every six months.

> Ceremonies fade. What people will remember is whether the train runs and whether their power
> bills come down. That is how we will be judged.
-- Prime Minister Helena Strand

## An apology, almost

In Solbay, where the seizure of fishing boats during the quota dispute is still raw, reaction to
the president's words at Thursday's banquet was mixed. Some families welcomed the acknowledgement;
others said they would wait for the compensation fund to open.

> He said the words we waited ten years to hear. Now we need to see that they were not only words.
-- Jon Esker, chairman of the Solbay Fishermen's Association

Opposition parties broadly welcomed the visit. The Social Union leader, Tomas Ardelean, said the
agreements were "overdue" but urged the government to publish the terms of the energy study.

[image] The Linden-Serrat night train will return from the December timetable change.

## What happens next

Officials say the cable feasibility study will begin within three months. The night train needs
new sleeping cars, which Estrail says it will lease from a Valdorian operator for the first two
years. The fishing fund, worth 40 million crowns, is expected to accept applications in the spring.

> This is the easy part. Keeping the promises made this week is the hard part, and it will take
> years.
-- Lucia Marin, foreign minister

President Aalto is expected to make a return visit to Serrat next year.
""",
        ),
    ),
)
