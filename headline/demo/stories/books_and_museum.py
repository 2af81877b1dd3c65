"""The Linden Prize for Fiction and the reopening of the National Museum after five years."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="culture",
    tags=("Estmark",),
    articles=(
        Article(
            slug="linden-prize-shortlist",
            title="Linden Prize for Fiction shortlist mixes debut authors and veterans",
            standfirst=(
                "Six novels are in the running for the country's richest literary prize, "
                "including two first novels and a book written in prison."
            ),
            days_ago=51.3,
            authors=("aiyana-ferreira",),
            tags=("Books", "Linden Prize"),
            lead="The six shortlisted novels.",
            body="""
The shortlist for this year's Linden Prize for Fiction was announced on Wednesday, with six novels
competing for the 250,000 crown award.

## The shortlist

- A House of Small Weathers by Mirela Oduya
- The Lighthouse Accounts by Georg Tamm
- Seven Winters in Harwick by Anna Roos
- The Borrowed Coast by Felix Arnesen
- What the River Kept by Lotte Sand
- Inventory by Samir Halloran

Two of the books are first novels. Inventory was written by Samir Halloran while he was serving a
prison sentence, on paper provided by the prison library.

> We read 143 novels. These six stayed with us long after we closed them.
-- Chair of the judges

The winner will be announced at a ceremony in the National Library next month.
""",
        ),
        Article(
            slug="mirela-oduya-interview",
            title="Mirela Oduya: 'I wrote about weather because families talk about it instead of love'",
            standfirst=(
                "The shortlisted author talks about her first novel, her grandmother's diaries "
                "and learning to write at night."
            ),
            days_ago=35.6,
            authors=("aiyana-ferreira",),
            tags=("Books", "Linden Prize", "Interviews"),
            body="""
Mirela Oduya wrote most of A House of Small Weathers between ten at night and two in the morning,
after her children were asleep and before her shift at a bakery in Solbay began.

The novel, her first, follows three generations of a family through the weather reports in the
grandmother's diary: a storm the night a son is born, a drought the year a marriage fails.

> In my family nobody ever said 'I love you'. They said 'it's cold, take a coat'. I wanted to
> write about that language.
-- Mirela Oduya

She found her grandmother's diaries in a box after a funeral. "There is almost nothing personal in
them," she says. "Just the wind and the rain, every day for fifty years. And yet you can read the
whole family in them, if you know how."

Being shortlisted has changed little so far, she says, except that the bakery has put a copy of
the book in its window.
""",
        ),
        Article(
            slug="a-house-of-small-weathers-wins-linden-prize",
            title="A House of Small Weathers wins the Linden Prize for Fiction",
            standfirst=(
                "Mirela Oduya's debut novel about a family told through weather diaries took the "
                "250,000 crown prize."
            ),
            days_ago=28.4,
            authors=("aiyana-ferreira",),
            tags=("Books", "Linden Prize", "Awards"),
            lead="The prize ceremony at the National Library.",
            body="""
Mirela Oduya has won the Linden Prize for Fiction for A House of Small Weathers, her first novel,
which tells the story of a family through the weather recorded in a grandmother's diaries.

The chair of the judges said the decision had been unanimous. "It is a novel about what goes
unsaid, and it says it perfectly," she told the audience at the National Library.

> I wrote this book at night, in a kitchen, with no idea whether anyone would read it. I want
> every person writing in a kitchen tonight to know that it is worth it.
-- Mirela Oduya, accepting the prize

Sales of the novel have risen tenfold since the shortlist was announced, its publisher said.
Translation rights have been sold in nine countries.
""",
        ),
        Article(
            slug="national-museum-reopens",
            title="National Museum reopens after five-year renovation",
            standfirst=(
                "The museum's new galleries tell Estmark's story from the ice age to the chip "
                "age. Entry will be free for the first month."
            ),
            days_ago=14.2,
            authors=("aiyana-ferreira",),
            tags=("Museums", "History", "Linden"),
            lead="The restored glass roof of the National Museum's great hall.",
            body="""
The National Museum in Linden reopened on Saturday after a five-year renovation that cost 410
million crowns and rebuilt almost every gallery.

The museum's collection of 1.2 million objects has been rearranged to tell the country's story in
order, from stone tools found at the edge of the ice sheet to a silicon wafer donated by the new
chip factory in Harwick.

[image] The restored great hall, with its nineteenth-century glass roof.

> A museum should not just keep things. It should help people understand where they come from.
-- Director of the National Museum

Highlights include the Aldby longship, displayed upright for the first time, and a new gallery on
the history of the Gulf of Brenn fisheries, with material lent by families in Solbay.

Entry will be free for the first month.
""",
        ),
        Article(
            slug="national-museum-visitor-record",
            title="National Museum welcomes 100,000 visitors in its first fortnight",
            standfirst=(
                "Queues stretched around the block on the opening weekend; the museum will stay "
                "open late on Thursdays to cope with demand."
            ),
            days_ago=2.3,
            authors=("aiyana-ferreira",),
            tags=("Museums", "Linden"),
            body="""
More than 100,000 people have visited the National Museum in Linden in the fortnight since it
reopened, more than it used to welcome in four months before the renovation.

The museum said queues had formed before opening time every day, and that it would stay open until
nine in the evening on Thursdays from next week.

1. The Aldby longship
2. The Gulf of Brenn fisheries gallery
3. The ice-age cave paintings room

Those were the three most visited galleries, according to the museum's counters.

> We hoped people would come back. We did not dare hope they would come back like this.
-- Director of the National Museum

Free entry ends in a little over two weeks. Adult tickets will then cost 18 crowns; children and students enter free.
""",
        ),
    ),
)
