"""The Meridian Telecom data breach, the regulator's response and the cyber-resilience law it prompted."""

from ..articles import Article, Storyline

STORY = Storyline(
    section="technology",
    tags=("Estmark", "Cybersecurity", "Meridian Telecom"),
    articles=(
        Article(
            slug="meridian-telecom-data-breach",
            title="Meridian Telecom says customer data stolen in cyber attack",
            standfirst=(
                "Names, addresses and contract details of an unknown number of customers were "
                "copied from the operator's systems. Passwords and payment cards were not affected."
            ),
            days_ago=46.3,
            authors=("jonas-hale",),
            tags=("Privacy", "Telecoms"),
            lead="Meridian Telecom's network operations centre in Linden.",
            body="""
Meridian Telecom, Estmark's second-largest mobile operator, has said that customer data was stolen
in a cyber attack on its systems last week.

The company said attackers had copied names, postal addresses, dates of birth and contract details
from a database used by its customer service teams. It said passwords and payment card numbers
were stored separately and had not been accessed.

> We are deeply sorry. We are contacting every affected customer and we are working with the
> authorities to understand exactly what happened.
-- Meridian Telecom statement

The company did not say how many customers were affected. It has reported the breach to the Data
Protection Authority and the police.

Customers are advised to be wary of calls, messages and emails claiming to come from Meridian and
asking for further personal details.
""",
        ),
        Article(
            slug="meridian-breach-affects-two-million",
            title="Meridian breach affected 2.4 million customers, company admits",
            standfirst=(
                "The operator says the attackers used a contractor's stolen login. Customers "
                "report a wave of convincing scam calls."
            ),
            days_ago=43.2,
            authors=("jonas-hale",),
            tags=("Privacy", "Telecoms", "Scams"),
            lead="A Meridian Telecom shop in central Linden.",
            body="""
The cyber attack on Meridian Telecom exposed the personal details of 2.4 million current and former
customers, the company said on Thursday, more than half of Estmark's adult population.

Meridian said the attackers had logged in with the username and password of an employee of an
outside customer-service contractor, and that the account had not been protected by a second
authentication step.

Since the breach became public, hundreds of customers have reported calls from people claiming to
be Meridian staff, who knew their names and addresses and asked them to confirm bank details.

## How to protect yourself

- Meridian will never ask for your bank details or a card PIN by phone.
- If in doubt, hang up and call the number on your bill.
- Consider asking your bank to add a password to your account.

> The data on its own is not a disaster. What makes it dangerous is that it makes a scam call
> sound real.
-- Security researcher at Linden University
""",
        ),
        Article(
            slug="data-protection-authority-investigates-meridian",
            title="Data regulator opens formal investigation into Meridian",
            standfirst=(
                "The Data Protection Authority will examine whether the operator broke the law by "
                "failing to secure its contractors' access."
            ),
            days_ago=37.4,
            authors=("jonas-hale",),
            tags=("Privacy", "Regulation"),
            body="""
Estmark's Data Protection Authority has opened a formal investigation into Meridian Telecom after
the theft of personal data belonging to 2.4 million customers.

The authority said it would examine whether the company had taken appropriate security measures,
in particular over access for outside contractors, and whether it had informed customers quickly
enough.

> Companies can outsource work. They cannot outsource their responsibility for the data their
> customers trust them with.
-- Director of the Data Protection Authority

Meridian said it would cooperate fully. The company has since required two-factor authentication
for all staff and contractors, and says it has cut the number of people able to view full customer
records by four fifths.
""",
        ),
        Article(
            slug="cyber-resilience-bill-published",
            title="Government publishes cyber-resilience bill after Meridian breach",
            standfirst=(
                "Telecoms, energy and water companies would have to report attacks within 24 "
                "hours and prove that contractors meet security standards."
            ),
            days_ago=24.3,
            authors=("jonas-hale", "sofia-brenner"),
            tags=("Regulation", "Telecoms"),
            extra_sections=("politics",),
            lead="The digital ministry, which drafted the cyber-resilience bill.",
            body="""
The government has published a cyber-resilience bill that would impose new security duties on
companies running essential services, three weeks after the data breach at Meridian Telecom.

The bill covers telecoms operators, energy and water utilities, hospitals and transport companies.
It was drafted by the digital ministry under the minister, Kasper Nyman.

1. Report serious cyber attacks to the national cyber centre within 24 hours.
2. Require multi-factor authentication for all remote access to sensitive systems.
3. Ensure contractors meet the same security standards as their own staff.
4. Test their defences with independent experts every two years.

Companies that break the rules could be fined up to 2 per cent of their annual turnover.

> Meridian was a warning. The next attack might not be on a phone company's customer list. It
> might be on the water supply.
-- Kasper Nyman, digital minister

Industry groups said they supported the aims but warned that smaller companies would struggle to
find qualified security staff.
""",
        ),
        Article(
            slug="meridian-fined-by-data-regulator",
            title="Meridian Telecom fined 18 million crowns over data breach",
            standfirst=(
                "The Data Protection Authority found the operator had failed to protect customer "
                "data, the largest fine it has ever imposed."
            ),
            days_ago=5.3,
            authors=("jonas-hale",),
            tags=("Privacy", "Regulation", "Telecoms"),
            extra_sections=("business",),
            lead="The Data Protection Authority's offices in Linden.",
            body="""
Estmark's Data Protection Authority has fined Meridian Telecom 18 million crowns for failing to
protect the personal data of 2.4 million customers, the largest penalty in its history.

The authority found that Meridian had allowed outside contractors to access full customer records
with only a password, despite warnings in two internal audits. It also found that the company had
taken nine days to begin informing customers.

> This breach was not the work of a genius. It was made possible by a door that was left unlocked
> after the company had been told it was open.
-- Director of the Data Protection Authority

Meridian said it accepted the findings and would not appeal. Its chief executive said the company
had "learned hard lessons" and had invested 60 million crowns in security since the attack.

A group of customers is preparing a collective claim for compensation.
""",
        ),
    ),
)
