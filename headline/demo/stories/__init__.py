"""The demo's storylines, one module each; every storyline follows one news event over several articles."""

from . import (
    books_and_museum,
    chip_factory,
    data_breach,
    drought,
    election,
    film_festival,
    housing,
    interest_rates,
    rail_strike,
    river_dispute,
    state_visit,
    wind_farm,
)

STORYLINES = tuple(
    module.STORY
    for module in (
        state_visit,
        river_dispute,
        election,
        housing,
        interest_rates,
        wind_farm,
        chip_factory,
        data_breach,
        drought,
        rail_strike,
        film_festival,
        books_and_museum,
    )
)
