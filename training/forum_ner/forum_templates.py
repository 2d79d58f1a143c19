"""Synthetic patient-forum sentences for the forum NER (``train.py --forum N``): our own templates,
never text from an evaluation set.

Each template is a line of a patient community: greetings, thanks, sign-offs, family members
named ("my husband {F}"), clinicians ("Dr {S}"), members addressed ("{F}, did it help?"), and,
as hard negatives, the drugs, supplements, symptoms and conditions these posts are about, in the
positions where a name could stand ("started {D}", "{D} made my {Y} worse", "thanks to {D}").
Slots:

- ``{F}`` a first name, ``{S}`` a surname, ``{N}`` a first name and sometimes a surname: PERSON.
  Drawn from the packaged name lists (``deid/gazetteers.py``: Faker's ~80 locales and the US
  Census), names that are also English words ("Grace", "Hope", "Rob") included; written
  capitalised, or in lower case as forums often do.
- ``{L}`` a city, state or country (``deid/gazetteers.py``): LOCATION.
- ``{D}`` a drug (a generic or brand of ``drug-named-entity-recognition`` and the insights drug
  lexicons, or a made-up brand-shaped word: a real drug's beginning spliced to another's ending,
  so the model learns the shape of brands that no lexicon holds), ``{Y}`` a symptom or condition
  word (HPO): plain text, never an entity.
"""
from __future__ import annotations

import random
import re
from collections.abc import Iterator

# Person contexts (one or more of F, S, N), mixed with drugs, symptoms and places.
PERSON_TEMPLATES = (
    "my husband {F} has been on {D} for 3 years",
    "My wife {F} started {D} last month and her {Y} is better",
    "my daughter {F} was diagnosed with {Y} at 14",
    "my son {F} (8) has had {Y} since birth",
    "My mom {N} passed away from {Y} in 2019",
    "my dad {F} refuses to take his {D}",
    "my sister {F} swears by {D}",
    "my brother {F} lives in {L} and has the same {Y}",
    "my bf {F} drove me to the ER",
    "my gf {F} is so supportive",
    "My partner {F} and I moved to {L} for treatment",
    "our nurse {F} was amazing",
    "my neurologist Dr {S} put me on {D}",
    "Dr. {S} said the {Y} is from the {D}",
    "saw Dr {S} today , she upped my {D}",
    "my rheumy dr {S} wants me to try {D}",
    "ask for {N} at the infusion center , she is great",
    "Hi {F} , I had the same {Y} after starting {D}",
    "hi {F}! welcome to the group",
    "Hey {F} , how are you feeling today ?",
    "hey {F} did the {D} help with your {Y} ?",
    "Thanks {F} ! That really helps",
    "thank you {F} for sharing your story",
    "thanks so much {F} , I will ask my doc about {D}",
    "So sorry {F} , sending hugs",
    "praying for you {F}",
    "welcome {F} , you are not alone",
    "{F} , did your {Y} get better on {D} ?",
    "{F}, how long did it take for the {D} to work?",
    "{F} said {D} made her {Y} worse",
    "{F} told me to try {D}",
    "{F} from my support group recommended {D}",
    "{N} from the clinic called me back",
    "I agree with {F} , {D} was a lifesaver for me",
    "like {F} said , ask about {D}",
    "{F} is right , the {Y} goes away after a few weeks",
    "@{F} glad the {D} is working for you",
    "{F} and {F} both had {Y} on {D}",
    "me and {F} went to {L} for a second opinion",
    "{N} is the best doctor in {L}",
    "Hugs , {F}",
    "Love , {F}",
    "Take care , {F}",
    "- {F}",
    "Best wishes ,\n{N}",
    "{F} here , 34 , diagnosed with {Y} last year",
    "My name is {N} and I have {Y}",
    "I'm {F} , new here",
    "this is {F} , {F}'s mom",
    "{F} ' s mom here . She is on {D} now",
    "went with {F} to her appointment",
    "{F} is doing so much better on {D}",
    "{F} has been in the hospital since Monday",
    "{F} just started chemo , please pray",
    "RIP {N} , you fought so hard",
    "miss you {F}",
    "{F} you are so brave",
    "{F} is a legend in this group",
    "{N} wrote a great post about {D}",
    "my GP , dr {S} , is useless",
    "{F} {S} , the PA , was very kind",
    "my aunt {N} had the same {Y}",
    "grandma {F} is 92 and still on {D}",
    "our daughter {F} starts {D} next week",
    "{F} and I have been married 20 years",
    "called {F} at the pharmacy about my {D}",
    "shoutout to {F} for the advice on {D}",
    "{F} , {F} and {F} all recommended {D}",
    "lol {F} you made my day",
    "omg {F} same here !",
    "where is {F} ? haven't seen her post lately",
    "cc {F}",
    "tagging {F} because she had {Y} too",
)

# Hard negatives: drugs, supplements, symptoms and conditions where a name could stand.
NEGATIVE_TEMPLATES = (
    "started {D} last week",
    "Started {D} yesterday and my {Y} is worse",
    "{D} made my {Y} so much worse",
    "{D} gave me {Y}",
    "my doc put me on {D}",
    "my doctor switched me from {D} to {D}",
    "has anyone tried {D} for {Y} ?",
    "Anyone on {D} ?",
    "{D} 20mg twice a day",
    "I take {D} 50 mg at night",
    "{D} and {D} together ?",
    "{D} , {D} and {D} did nothing for me",
    "thank god for {D}",
    "thanks to {D} I can sleep again",
    "Love {D} so far",
    "{D} is a lifesaver",
    "{D} was the only thing that helped",
    "Took {D} for 2 years",
    "off {D} now , the {Y} is gone",
    "Day 3 on {D} and feeling better",
    "{D} kicked in after an hour",
    "is {D} safe with {D} ?",
    "{D} ruined my sleep",
    "the {Y} from {D} is awful",
    "I hate {D} so much",
    "{D} . Never again",
    "Hi all , {D} user here",
    "{D} caused {Y} and {Y}",
    "tapering off {D} slowly",
    "insurance won't cover {D}",
    "ask your doctor about {D}",
    "I switched to {D} and the {Y} stopped",
    "{Y} is the worst part",
    "{Y} and {Y} every morning",
    "my {Y} is back",
    "does {Y} ever go away ?",
    "anyone else get {Y} from {D} ?",
    "{D}!!! never again",
    "{D} works great for my {Y}",
    "Has {D} helped anyone with {Y} ?",
    "I'm on {D} , {D} and {D}",
    "My {D} dose was raised to 40mg",
    "{D} side effects : {Y} , {Y}",
    "Went to {L} for my {D} infusion",
    "any good {Y} doctors in {L} ?",
    "I live in {L} and can't find {D}",
)

# Sentence openers (discourse markers, a general list of our own): a negative sentence sometimes
# starts with one, capitalised, so that a capitalised first word followed by a drug is no name.
OPENERS = (
    "also", "anyway", "basically", "honestly", "luckily", "sadly", "unfortunately", "overall", "still",
    "then", "now", "today", "yesterday", "eventually", "finally", "recently", "currently", "apparently",
    "obviously", "seriously", "personally", "initially", "meanwhile", "otherwise", "again", "plus",
)
_SLOT = re.compile(r"\{([FSNLDY])\}")


class ForumSentences:
    def __init__(self, seed: int, places: list[str], random_place) -> None:
        from deid.gazetteers import (
            common_surnames,
            first_names,
            medical_terms,
            phenotype_words,
            world_first_names,
            world_surnames,
        )

        self.rng = random.Random(seed)
        # first names: the world lists (no English words) and the Census list (English-word names too)
        lexicon = {t for t in medical_terms() if t.isalpha() and 4 <= len(t) <= 12}
        patient_names = {d for d in _insights_drug_names() if " " not in d}  # brands, OTC, lay names, supplements
        drugs = lexicon | patient_names
        self.drugs, self.patient_drugs = sorted(lexicon), sorted(patient_names)
        # a name that is also a drug name is left out of both roles
        self.firsts = sorted((world_first_names() | {w for w in first_names() if w.isalpha() and len(w) >= 3}) - drugs)
        self.lasts = sorted((world_surnames() | {w for w in common_surnames() if w.isalpha() and len(w) >= 3}) - drugs)
        self.places, self.random_place = places, random_place
        self.symptoms = sorted(_lay_symptoms())
        self.hpo_words = sorted(w for w in phenotype_words() if w.isalpha() and len(w) >= 5)

    # -- slot values -------------------------------------------------------------------------
    def _case(self, name: str, lower_share: float = 0.3) -> str:
        r = self.rng.random()
        if r < lower_share:
            return name.lower()
        if r < lower_share + 0.03:
            return name.upper()
        return name.title()

    def _person(self, slot: str) -> str:
        if slot == "F":
            return self._case(self.rng.choice(self.firsts))
        if slot == "S":
            return self._case(self.rng.choice(self.lasts), lower_share=0.15)
        name = self.rng.choice(self.firsts) + (" " + self.rng.choice(self.lasts) if self.rng.random() < 0.5 else "")
        return self._case(name)

    def _drug(self) -> str:
        r = self.rng.random()
        drug = self.rng.choice(self.patient_drugs) if r < 0.5 else self.rng.choice(self.drugs) if r < 0.8 else self._made_up_brand()
        r = self.rng.random()
        return drug.title() if r < 0.55 else drug.upper() if r < 0.6 else drug

    def _made_up_brand(self) -> str:
        """A real drug's first 2-5 letters spliced to another's last 3-5: the shape of a brand."""
        a, b = self.rng.choice(self.drugs), self.rng.choice(self.drugs)
        return a[: self.rng.randint(2, min(5, len(a) - 1))] + b[-self.rng.randint(3, min(5, len(b))) :]

    def _value(self, slot: str) -> tuple[str, str | None]:
        if slot in "FSN":
            return self._person(slot), "PERSON"
        if slot == "L":
            return self.random_place(self.rng, self.places), "LOCATION"
        if slot == "D":
            return self._drug(), None
        return self.rng.choice(self.symptoms if self.rng.random() < 0.8 else self.hpo_words), None

    # -- sentences ---------------------------------------------------------------------------
    def sentence(self, template: str) -> tuple[str, list[tuple[int, int, str]]]:
        text, spans, cursor = "", [], 0
        for match in _SLOT.finditer(template):
            text += template[cursor : match.start()]
            value, label = self._value(match.group(1))
            if label:
                spans.append((len(text), len(text) + len(value), label))
            text += value
            cursor = match.end()
        text += template[cursor:]
        if self.rng.random() < 0.15:  # some members write everything in lower case
            text = text.lower()
        elif self.rng.random() < 0.7:
            text = text[:1].upper() + text[1:]
        return text, spans

    def generate(self, count: int, negative_share: float = 0.5) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
        """``count`` posts of one to four sentences each, as reviews and replies run."""
        for _ in range(count):
            text, spans = "", []
            for k in range(self.rng.choice((1, 1, 2, 3, 4))):
                pool = NEGATIVE_TEMPLATES if self.rng.random() < negative_share else PERSON_TEMPLATES
                template = self.rng.choice(pool)
                if pool is NEGATIVE_TEMPLATES and self.rng.random() < 0.3:
                    template = self.rng.choice(OPENERS) + " " + template
                sentence, found = self.sentence(template)
                if k:
                    text += self.rng.choice((". ", ".\n", "\n", "! ", " . "))
                spans += [(s + len(text), e + len(text), label) for s, e, label in found]
                text += sentence
            yield text, spans


def _lay_symptoms() -> set[str]:
    """The lay symptom phrases of ``insights/lexicons/symptom_lay_phrases.yaml`` ("brain fog")."""
    from insights.extraction.resources import load_yaml

    phrases = load_yaml("symptom_lay_phrases.yaml").get("phrases") or {}
    return {str(p).lower() for values in phrases.values() for p in values or () if str(p).replace(" ", "").replace("'", "").isalpha()}


def _insights_drug_names() -> set[str]:
    """Brand, OTC, lay and supplement names of the insights drug lexicons (packaged YAML/TSV)."""
    from insights.extraction.resources import otc_brands, own_drug_names, unii_brands

    names = set(unii_brands()) | set(otc_brands())
    for table in own_drug_names()[:2]:
        for canonical, variants in table.items():
            names.add(str(canonical).lower())
            names.update(str(v).lower() for v in variants or ())
    return {n for n in names if n.replace("-", "").isalpha() and len(n) >= 4}
