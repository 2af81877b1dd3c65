"""The Linden International Film Festival: the line-up, the opening, a review, the prizes, the box office."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="culture",
    tags=("Film", "Linden Film Festival"),
    articles=(
        Article(
            slug="linden-film-festival-line-up",
            title="Linden Film Festival unveils its most international line-up yet",
            standfirst=(
                "Sixty-two features from thirty-one countries will screen over ten days, with "
                "eleven competing for the Golden Lantern."
            ),
            days_ago=33.4,
            authors=("aiyana-ferreira",),
            tags=("Festivals",),
            lead="The Palace Cinema, the festival's main venue.",
            body="""
The Linden International Film Festival has announced its programme for this year, with sixty-two
feature films from thirty-one countries, the most international line-up in its forty-year history.

Eleven films will compete for the Golden Lantern, the festival's top prize. Four are by first-time
directors, and five are directed by women.

> We looked for films that take risks. Some of them will divide audiences, and that is exactly
> what a festival is for.
-- Artistic director Rasmus Kjell

The festival opens with The Salt Road, the second feature by the Estmarkian director Clara Ostby,
about two sisters who walk the old trading route from Solbay to the Valdorian border.

Tickets go on sale on Monday. The festival runs at eight cinemas across Linden.
""",
        ),
        Article(
            slug="the-salt-road-opens-linden-festival",
            title="The Salt Road opens the festival to a standing ovation",
            standfirst=(
                "Clara Ostby's film about two sisters on a long walk drew an eight-minute ovation "
                "at the Palace Cinema."
            ),
            days_ago=25.5,
            authors=("aiyana-ferreira",),
            tags=("Festivals", "Clara Ostby"),
            lead="The red carpet outside the Palace Cinema on opening night.",
            body="""
The Linden International Film Festival opened on Friday night with the premiere of The Salt Road,
the second feature by Clara Ostby, which received an eight-minute standing ovation at the Palace
Cinema.

The film follows two estranged sisters who walk the old salt trading route from Solbay to the
border after their mother's death. It was shot over three months, on foot, with a crew of twelve.

> We wanted the audience to feel every kilometre. If your legs ache at the end, we did our job.
-- Clara Ostby, director

The opening night was attended by the culture minister, Ines Morel, and much of the Estmarkian film
industry. The festival runs for ten days.
""",
        ),
        Article(
            slug="review-night-ferry",
            title="Review: Night Ferry is a quiet, devastating film about leaving home",
            standfirst=(
                "A first feature from Marosa follows a young mechanic on his last crossing. It is "
                "the best film in competition so far."
            ),
            days_ago=23.2,
            authors=("aiyana-ferreira",),
            tags=("Festivals", "Reviews", "Marosa"),
            lead="A still from Night Ferry.",
            body="""
Almost nothing happens in Night Ferry, and it is the most gripping film I have seen at this year's
festival.

A young mechanic, played with great restraint by a newcomer, works his last shift on an overnight
ferry before leaving his island for good. Over one night, told in ninety minutes, he fixes a pump,
plays cards with the cook, and says goodbye to people who do not know he is leaving.

The director, making her first feature, trusts her audience completely. There is no music until
the final scene, and almost no explanation. The sea, filmed at night in long, patient shots, does
the rest.

> I wanted to make a film about the goodbyes we never say out loud.
-- The director, at the press screening

It is a small film about a big subject, and it has the best final shot of the year. Five stars.
""",
        ),
        Article(
            slug="golden-lantern-awarded-to-night-ferry",
            title="Night Ferry wins the Golden Lantern at Linden",
            standfirst=(
                "The Marosan debut took the festival's top prize. The Salt Road won the audience "
                "award and best actress."
            ),
            days_ago=15.6,
            authors=("aiyana-ferreira",),
            tags=("Festivals", "Awards", "Marosa", "Clara Ostby"),
            lead="The Golden Lantern trophy on the stage of the Palace Cinema.",
            body="""
Night Ferry, a first feature from Marosa about a young mechanic's last crossing before he leaves
his island, has won the Golden Lantern at the Linden International Film Festival.

The jury, chaired by a veteran Valdorian cinematographer, called it "a film of perfect patience".
Its director, accepting the prize, dedicated it to "everyone who has left an island, in one way or
another".

## The winners

- Golden Lantern: Night Ferry
- Jury prize: The Weight of Snow
- Best director: Clara Ostby, The Salt Road
- Best actress: the two leads of The Salt Road, jointly
- Audience award: The Salt Road

> Two films from small countries, made with small crews. That tells you where cinema is alive.
-- Artistic director Rasmus Kjell
""",
        ),
        Article(
            slug="festival-films-box-office",
            title="Festival winners fill cinemas across Estmark",
            standfirst=(
                "The Salt Road has sold more tickets in its first week than any Estmarkian film "
                "this year; Night Ferry opens in forty cinemas."
            ),
            days_ago=8.9,
            authors=("aiyana-ferreira", "daniel-okafor"),
            tags=("Box office", "Clara Ostby"),
            body="""
The two big winners of this year's Linden International Film Festival are drawing large audiences
across Estmark, a rare success for films that were made on small budgets.

The Salt Road, which won the audience award, sold 86,000 tickets in its first week on general
release, the best opening for an Estmarkian film this year. Night Ferry, the Golden Lantern
winner, will open in forty cinemas on Friday.

> Audiences trust the festival. When a film wins in Linden, people want to see what the fuss is
> about.
-- Programme manager of an independent cinema chain

The national film institute, which part-funded both films, said the results showed the value of
supporting first and second features.
""",
        ),
    ),
)
