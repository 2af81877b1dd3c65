"""Corvane Semiconductor's chip factory in Harwick: the opening, the jobs, the suppliers, the water."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="technology",
    tags=("Estmark", "Semiconductors", "Harwick"),
    articles=(
        Article(
            slug="corvane-sets-opening-date-for-harwick-plant",
            title="Corvane sets opening date for Harwick chip plant",
            standfirst=(
                "The semiconductor maker says its first Estmark factory will start production "
                "next month, making chips for cars and industrial machines."
            ),
            days_ago=40.3,
            authors=("jonas-hale",),
            tags=("Jobs",),
            lead="The Corvane factory in Harwick nearing completion.",
            body="""
Corvane Semiconductor will open its chip factory in Harwick next month, the company said on
Monday, three years after construction began on the former steelworks site north of the city.

The plant will produce chips on a 28-nanometre process, a mature technology used in car
electronics, industrial controllers and household appliances, rather than the most advanced
processors used in smartphones.

> Not every chip has to be the smallest in the world. The chips in a car's brakes need to be
> reliable and available, and that is what Harwick will make.
-- Lena Moravec, chief executive of Corvane

The factory cost 4.2 billion crowns, of which 900 million came from a government grant agreed by
the previous Assembly. It will employ about 1,800 people when it reaches full production.
""",
        ),
        Article(
            slug="corvane-harwick-factory-opens",
            title="Harwick chip factory opens with promise of 1,800 jobs",
            standfirst=(
                "Prime Minister Helena Strand cut the ribbon at Corvane's plant, the largest "
                "industrial investment in Estmark for a generation."
            ),
            days_ago=18.4,
            authors=("jonas-hale", "daniel-okafor"),
            tags=("Jobs", "Industry"),
            extra_sections=("business",),
            lead="Clean-room workers at Corvane's Harwick factory on opening day.",
            body="""
Corvane Semiconductor's chip factory in Harwick officially opened on Friday, in a ceremony attended
by Prime Minister Helena Strand, hundreds of employees and many of the city's former steelworkers.

The plant, built on the site of the steelworks that closed fourteen years ago, is the largest
industrial investment in Estmark for a generation.

> My father made steel on this ground. My daughter will make chips on it. That is what this day
> means to Harwick.
-- Harwick city councillor Mikael Brun

## Inside the clean room

Production takes place in a clean room the size of four football pitches, where the air is
filtered so that it contains a thousand times fewer particles than a hospital operating theatre.

[image] Inside the clean room, where silicon wafers move between machines in sealed pods.

- First wafers: already in production for testing.
- Full capacity: 40,000 wafers a month, expected in two years.
- Main customers: car makers and industrial equipment suppliers.

> Europe learned during the shortage that it cannot depend on a handful of factories on the other
> side of the world. Harwick is part of the answer.
-- Lena Moravec, chief executive of Corvane
""",
        ),
        Article(
            slug="harwick-college-chip-technicians",
            title="Harwick college trains first class of chip technicians",
            standfirst=(
                "Ninety students, many of them retraining from other industries, graduated from "
                "a course designed with Corvane."
            ),
            days_ago=17.1,
            authors=("jonas-hale",),
            tags=("Jobs", "Education"),
            lead="Students in the training clean room at Harwick Technical College.",
            body="""
The first ninety graduates of a semiconductor technician course at Harwick Technical College
collected their certificates on Saturday, and all of them have jobs to go to at the new Corvane
factory.

The eighteen-month course was designed with Corvane and covers clean-room procedures, equipment
maintenance and process control. About half of the students were retraining from other work,
including nursing, logistics and the army.

> I repaired lorries for twenty years. Now I will maintain machines worth more than my street.
-- Graduate of the first class, aged 44

The college plans to take 200 students next year. It says finding teachers with industry
experience is its biggest challenge.
""",
        ),
        Article(
            slug="corvane-suppliers-move-to-harwick",
            title="Suppliers follow Corvane to Harwick, bringing 600 more jobs",
            standfirst=(
                "Three companies that supply gases, chemicals and equipment maintenance to the "
                "chip plant have opened sites nearby."
            ),
            days_ago=10.2,
            authors=("jonas-hale",),
            tags=("Jobs", "Industry"),
            extra_sections=("business",),
            body="""
Three suppliers to Corvane Semiconductor have opened sites in Harwick, creating around 600 jobs in
addition to the 1,800 at the chip factory itself.

The companies supply specialist gases, ultra-pure chemicals and maintenance for the lithography
machines that print circuits on to silicon wafers. Two of them previously served Corvane from
abroad.

> A chip factory is not a single building. It is an ecosystem. When one arrives, others follow.
-- Director of the Harwick regional development agency

The city council says it is now working on a business park for further suppliers, and on housing
for the workers, as rents in Harwick have risen faster than anywhere else in Estmark.
""",
        ),
        Article(
            slug="corvane-water-use-questions",
            title="Questions over chip factory's water use as drought bites",
            standfirst=(
                "Corvane's plant uses up to 12,000 cubic metres of water a day. The company says "
                "most of it is recycled; farmers want guarantees."
            ),
            days_ago=9.1,
            authors=("pieter-vos", "jonas-hale"),
            tags=("Water", "Drought"),
            lead="Corvane's water treatment plant beside the Harwick factory.",
            body="""
Corvane Semiconductor's new chip factory in Harwick faces questions about its water use, as
restrictions for households and farmers continue across large parts of Estmark.

Chip manufacturing needs large volumes of ultra-pure water to rinse wafers. Corvane's permit allows
it to draw up to 12,000 cubic metres a day from the Harwick river, roughly what a town of 60,000
people uses.

The company says 70 per cent of the water is treated and reused on site, and that its actual
draw from the river is well below the permit limit.

> We understand the concern. We publish our water use every month, and we will not draw more than
> our share when the river is low.
-- Corvane spokesperson

Farmers' groups in the north are asking for the permit to include automatic cuts when river
levels fall, as already applies to farm irrigation. The environment agency said it would review
the permit next year.
""",
        ),
    ),
)
