"""Plain English sentences for rendered fixtures: real words, so OCR recall means something."""

SENTENCES = [
    "The quarterly report shows steady growth in every region we serve.",
    "Please remember to save your work before the update starts tonight.",
    "Our library opens at nine in the morning and closes at six.",
    "The train to the coast leaves from platform four every hour.",
    "Fresh bread and warm soup are served in the kitchen at noon.",
    "Volunteers planted two hundred trees along the river last spring.",
    "The museum will show a new collection of maps from old harbours.",
    "Weather tomorrow brings light rain in the north and sunshine in the south.",
    "Students may borrow up to ten books for three weeks at a time.",
    "The council approved funding for a safer crossing near the school.",
    "Battery life improved after the latest firmware release for the device.",
    "Our garden club meets on the first Tuesday of each month.",
    "The recipe needs two eggs, a cup of flour and a pinch of salt.",
    "Engineers replaced the old bridge cables during a quiet weekend.",
    "A friendly cat waited by the door for its owner to return.",
    "The concert in the park was moved indoors because of strong wind.",
    "Clinic hours change next week, so please check the new schedule.",
    "The mountain trail is closed after the storm damaged several paths.",
    "Every answer in the survey helps us plan better services for you.",
    "The bakery on Market Street sells apple pies on Fridays only.",
    "Our team finished the migration ahead of the planned deadline.",
    "Children can join the reading challenge at any branch this summer.",
    "The harbour lights guided the small fishing boats home at dusk.",
    "Remember to bring a valid ticket and a photo card to the exam.",
    "The new bus route connects the hospital with the central station.",
    "Local farmers sell honey, cheese and apples at the Saturday market.",
    "The printer on the second floor is out of paper again.",
    "Scientists measured the lake temperature every morning for a year.",
    "The festival ends with a parade and fireworks over the old castle.",
    "Visitors should keep to the marked paths inside the nature reserve.",
    "Membership renewals are due at the end of this month.",
    "A short walk from the hotel brings you to a quiet sandy beach.",
]


def sentences(start: int, count: int) -> list[str]:
    """``count`` sentences from ``start``, wrapping around (deterministic for fixtures)."""
    return [SENTENCES[(start + i) % len(SENTENCES)] for i in range(count)]
