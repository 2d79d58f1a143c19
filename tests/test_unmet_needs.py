from __future__ import annotations

import pytest

from insights.nlp import load_extraction_pipeline
from insights.unmet_needs import UnmetNeedMatcher, load_taxonomy

CATEGORIES = {
    "information_gap": set(),
    "access_and_cost": {"insurance_denial", "prior_authorization", "step_therapy", "copay_cost", "availability"},
    "side_effect_burden": set(),
    "emotional_support": set(),
    "caregiver_burden": set(),
    "care_coordination": set(),
    "diagnosis_journey": {"delay", "misdiagnosis"},
    "daily_life_and_work": set(),
    "trial_participation": {"barrier_travel", "barrier_time", "barrier_placebo", "barrier_eligibility", "motivation", "misconception"},
}


@pytest.fixture(scope="module")
def matcher():
    return UnmetNeedMatcher()


def hits(matcher, text):
    return {(m.category, m.subcategory) for m in matcher.extract([text])}


# Sentences written for these tests (not copied from the gold set).
@pytest.mark.parametrize(
    "text,category,subcategory",
    [
        ("Nobody told me the hot flashes would be this bad.", "information_gap", None),
        ("Is it normal to feel this dizzy after the second infusion?", "information_gap", None),
        ("My insurance denied the claim again.", "access_and_cost", "insurance_denial"),
        ("Waiting on a prior auth for the new pen, day nine.", "access_and_cost", "prior_authorization"),
        ("Step therapy again: two generics to fail before the one that works.", "access_and_cost", "step_therapy"),
        ("We can't afford the copay anymore.", "access_and_cost", "copay_cost"),
        ("Pharmacy says the 1 mg pen is on backorder until spring.", "access_and_cost", "availability"),
        ("The nausea on this drug is unbearable and I'm thinking of stopping.", "side_effect_burden", None),
        ("I feel so alone with this.", "emotional_support", None),
        ("Looking after dad around the clock, no respite at all.", "caregiver_burden", None),
        ("Still waiting for a referral, nobody called me back.", "care_coordination", None),
        ("It took nine years before anyone took my pain seriously.", "diagnosis_journey", "delay"),
        ("I was misdiagnosed with IBS for ages.", "diagnosis_journey", "misdiagnosis"),
        ("I had to go part time at work because of the fatigue.", "daily_life_and_work", None),
        ("The trial site is three hours each way.", "trial_participation", "barrier_travel"),
        ("I can't do weekly study visits with my job.", "trial_participation", "barrier_time"),
        ("What scares me is getting the placebo.", "trial_participation", "barrier_placebo"),
        ("I wasn't eligible because of my age.", "trial_participation", "barrier_eligibility"),
        ("I joined the trial because I want my kids to have better options.", "trial_participation", "motivation"),
        ("My dad thinks trial patients are just guinea pigs.", "trial_participation", "misconception"),
    ],
)
def test_category_and_subcategory(matcher, text, category, subcategory):
    assert (category, subcategory) in hits(matcher, text), f"no {category}/{subcategory} in {text!r}: {hits(matcher, text)}"


@pytest.mark.parametrize(
    "text",
    [
        "Had a lovely walk with the dog today.",
        "I had no trouble with insurance, it was approved the same week.",  # negation guard
        "No nausea so far, fingers crossed.",  # negated cue
        "Zero side effects on the new dose.",
        "The prior authorization went through without any problems.",  # guard phrase
        "Learning to cook has been a bit of trial and error.",  # trial, not a clinical trial
        "How do your partners cope?",  # social question, not information-seeking
        "Does anyone else feel tired on Mondays?",  # peer validation
    ],
)
def test_no_need(matcher, text):
    assert hits(matcher, text) == set()


# v2.1 generalisation: emotion words after "feel"/first-person "be", and ``together`` rules (two cue
# groups in one sentence). Sentences written for these tests.
@pytest.mark.parametrize(
    "text,category,subcategory",
    [
        ("Honestly I feel really isolated since the surgery.", "emotional_support", None),
        ("I'm so frightened of the next scan.", "emotional_support", None),
        ("Looking after my grandmother has left me completely drained.", "caregiver_burden", None),
        ("Every new specialist makes me repeat my whole history from the start.", "care_coordination", None),
        ("My referral letter was lost twice between the two hospitals.", "care_coordination", None),
        ("The research site is a two hour drive from us.", "trial_participation", "barrier_travel"),
        ("They screened me out of the study because of my kidney numbers.", "trial_participation", "barrier_eligibility"),
        ("The new pens cost $900 a month even with insurance.", "access_and_cost", "copay_cost"),
        ("The plan doesn't cover the brand name at all.", "access_and_cost", "insurance_denial"),
        ("I've called in sick four times since the infusions started.", "daily_life_and_work", None),
        ("Some mornings I can't even dress myself.", "daily_life_and_work", None),
    ],
)
def test_general_cues(matcher, text, category, subcategory):
    assert (category, subcategory) in hits(matcher, text), f"no {category}/{subcategory} in {text!r}: {hits(matcher, text)}"


@pytest.mark.parametrize(
    "text",
    [
        "My sister is in the study and doing fine.",  # taking part is not a need by itself
        "The trial results come out next spring.",
        "I'm not scared of needles anymore.",  # negated emotion
        "Mail order saved us about $40 a month.",  # guard phrase
        "The side effects went away after a week.",  # side effect without burden
        "My husband drove me to the appointment.",
    ],
)
def test_general_cues_no_need(matcher, text):
    assert hits(matcher, text) == set()


# v2.2 paraphrase families (verb + object patterns with gaps, lemma cues, ``together`` rules with a
# treatment word or a trial word, cues that carry their own negation). Written for these tests, not
# taken from any gold file.
@pytest.mark.parametrize(
    "text,category,subcategory",
    [
        ("No one at the surgery actually explained what the scan showed.", "information_gap", None),
        ("The instructions that came with the pen are useless.", "information_gap", None),
        ("Still trying to figure out if the rash is from the cream.", "information_gap", None),
        ("Medicaid pulled the inhaler off the formulary last month.", "access_and_cost", "insurance_denial"),
        ("Been fighting with Cigna for weeks over the pump.", "access_and_cost", None),
        ("I've been halving my tablets to make the box last until the end of the month.", "access_and_cost", "copay_cost"),
        ("The chemist can't get the 25 mg tablets in.", "access_and_cost", "availability"),
        ("The closest pain clinic is a 3 hour drive.", "access_and_cost", "availability"),
        ("The chemo has wrecked my appetite and I can barely keep water down.", "side_effect_burden", None),
        ("The muscle cramps from atorvastatin have ruined my evening walks.", "side_effect_burden", None),
        ("My mind keeps going to dark places at night.", "emotional_support", None),
        ("I keep everything bottled up so my kids don't worry.", "emotional_support", None),
        ("Some days I can't see the point of carrying on.", "emotional_support", None),
        ("I'm the one doing all of Dad's pills and appointments and I'm running on empty.", "caregiver_burden", None),
        ("Since Mum moved in I haven't had a full night's sleep.", "caregiver_burden", None),
        ("The GP says it's a hospital problem and the hospital says ask the GP.", "care_coordination", None),
        ("The physio was booked for the week after discharge and never showed up.", "care_coordination", None),
        ("By the time they finally scanned me it had spread.", "diagnosis_journey", "delay"),
        ("Four doctors before anyone listened to me.", "diagnosis_journey", "delay"),
        ("Two years of being told it was hormones before the biopsy.", "diagnosis_journey", "delay"),
        ("They kept saying it was a pulled muscle, it was a blood clot.", "diagnosis_journey", "misdiagnosis"),
        ("I had to cut down to two days a week at the shop.", "daily_life_and_work", None),
        ("I can't be more than ten minutes from a toilet so the cinema is out.", "daily_life_and_work", None),
        ("We've had to cancel our summer holiday again.", "daily_life_and_work", None),
        ("The trial centre is in London and I live in rural Wales.", "trial_participation", "barrier_travel"),
        ("I'd join the study so my grandkids never have to deal with this.", "trial_participation", "motivation"),
        ("My gran thinks a trial means they test poison on you.", "trial_participation", "misconception"),
        ("Being randomised puts me off the trial.", "trial_participation", "barrier_placebo"),
        ("They pulled me out of the study after my bloods went up.", "trial_participation", "barrier_eligibility"),
        ("Phase 3 visits are every Thursday and I work shifts.", "trial_participation", "barrier_time"),
    ],
)
def test_v22_paraphrase_families(matcher, text, category, subcategory):
    assert (category, subcategory) in hits(matcher, text), f"no {category}/{subcategory} in {text!r}: {hits(matcher, text)}"


# v2.2 near misses: a category's ``unless`` cues (a solved problem, trial words used otherwise) and
# ordinary family life next to a relative.
@pytest.mark.parametrize(
    "text",
    [
        "My copay went down to $10 when I changed plans.",
        "Back at work three days a week and it feels good.",
        "I used to be terrified of the scanner but it's no big deal now.",
        "We did a free trial of the meal app and it was fine.",
        "The study results were on the news last night.",
        "My mum and I go swimming every night.",
        "The leaflet was really useful.",
        "There was no one left to tell me off.",
    ],
)
def test_v22_near_misses(matcher, text):
    assert hits(matcher, text) == set()


def test_a_question_about_the_literature_is_not_about_taking_part(matcher):
    assert {c for c, _ in hits(matcher, "Are there any studies on magnesium for cramps?")} == {"information_gap"}
    assert ("trial_participation", None) in hits(matcher, "Can you leave the trial early if the drug isn't working?")


def test_a_cue_never_spans_two_sentences(matcher):
    # "trial" … "travel" with an open gap once matched across sentences, with a whole paragraph as cue
    found = list(matcher.extract(["My doctor brought up a trial for my cancer. How did you handle the travel?"]))
    assert {(m.category, m.sentence_index) for m in found} == {("information_gap", 1)}
    assert all("\n" not in m.cue and len(m.cue) < 40 for m in found)


def test_figuring_out_in_the_past_is_not_an_information_gap(matcher):
    # "trying to / can't figure out whether" asks; "before anybody figured out what" narrates a delay
    assert hits(matcher, "It was years before anybody figured out what was wrong with me.") == {("diagnosis_journey", "delay")}


def test_unless_cue_drops_only_its_own_category(matcher):
    text = "My copay dropped to ten dollars but I'm still terrified of the next scan."
    assert {c for c, _ in hits(matcher, text)} == {"emotional_support"}


def test_together_rule_keeps_both_cues(matcher):
    found = [m for m in matcher.extract(["Taking care of my father every night has me exhausted."]) if m.category == "caregiver_burden"]
    assert len(found) == 1 and " … " in found[0].cue


def test_evidence_is_the_sentence_and_offsets_are_right(matcher):
    text = "Started letrozole in May. Nobody warned me about joint pain! Otherwise fine."
    found = [m for m in matcher.extract([text]) if m.category == "information_gap"]
    assert len(found) == 1
    assert found[0].evidence == "Nobody warned me about joint pain!"
    assert found[0].sentence_index == 1
    assert text[found[0].start_char : found[0].end_char].lower() == found[0].cue


def test_match_doc_works_on_a_shared_extraction_parse():
    nlp = load_extraction_pipeline()
    doc = nlp("My copay went up again. Nobody explained why.")
    found = UnmetNeedMatcher(nlp=nlp).match_doc(doc, 7)
    assert {(m.doc_index, m.category, m.sentence_index) for m in found} == {(7, "access_and_cost", 0), (7, "information_gap", 1)}


def test_taxonomy_is_versioned_data_with_subcategories():
    tax = load_taxonomy()
    assert tax.version == "2.17.0"
    assert set(tax.categories) == set(CATEGORIES)
    for name, spec in tax.categories.items():
        assert spec["description"], name
        subs = spec.get("subcategories") or {}
        assert set(subs) == CATEGORIES[name], name
        assert spec.get("phrases") or spec.get("lemmas") or spec.get("patterns") or subs, name
        for sub, sub_spec in subs.items():
            assert sub_spec["description"] and (sub_spec.get("phrases") or sub_spec.get("patterns")), f"{name}/{sub}"


# v2.3 paraphrase families (from the kinds of miss that HO4 and HO5 showed: a scene of daily life,
# cost or access without a cost word, a side effect told as its consequence, a result sent to the
# wrong person or a handover that never happened, a diagnosis delay told as a count of visits or a
# dismissal). Written for these tests, not taken from any gold file.
@pytest.mark.parametrize(
    "text,category,subcategory",
    [
        ("How long until the rash from the new cream normally fades", "information_gap", None),
        ("What happens when the pump battery dies on a long flight", "information_gap", None),
        ("Any idea if the flu jab is fine alongside the biologic.", "information_gap", None),
        ("The appointment letter doesn't say whether I can eat beforehand.", "information_gap", None),
        ("Nobody on the ward could tell me what the new tablets are for.", "information_gap", None),
        ("Most months we're choosing between the heating and his inhalers.", "access_and_cost", None),
        ("The closest paediatric neurologist is four hours away.", "access_and_cost", "availability"),
        ("The pens shouldn't cost more than our mortgage.", "access_and_cost", None),
        ("Each repeat is £9.50 and it adds up.", "access_and_cost", None),
        ("The council won't fund the hoist.", "access_and_cost", None),
        ("Their second appeal for the wheelchair was turned down flat.", "access_and_cost", "insurance_denial"),
        ("My plan made me fail two cheaper inhalers first.", "access_and_cost", "step_therapy"),
        ("Still waiting on the pre-auth for my knee MRI.", "access_and_cost", "prior_authorization"),
        ("The manufacturer stopped making the liquid version.", "access_and_cost", "availability"),
        ("The tremor from the lithium makes it impossible to hold a cup.", "side_effect_burden", None),
        ("Since they upped the dose I feel drugged all day.", "side_effect_burden", None),
        ("The new blood thinner leaves her covered in bruises.", "side_effect_burden", None),
        ("I keep blaming myself for missing the signs.", "emotional_support", None),
        ("I honestly can't stand looking at myself since the surgery.", "emotional_support", None),
        ("I've not had a single weekend off since Mum's stroke.", "caregiver_burden", None),
        ("My sisters leave me to do everything for Dad.", "caregiver_burden", None),
        ("After he was discharged there was no physio arranged at all.", "care_coordination", None),
        ("When she moved to adult services there was no handover whatsoever.", "care_coordination", None),
        ("My scan results were sent to the wrong hospital.", "care_coordination", None),
        ("Nobody at the surgery picked up the phone for three days.", "care_coordination", None),
        ("The surgeon stopped my blood thinner and didn't tell my cardiologist.", "care_coordination", None),
        ("I spend hours chasing referral letters between departments.", "care_coordination", None),
        ("The rheumatologist says it's a skin issue, the dermatologist says it's joints.", "care_coordination", None),
        ("I went back to the surgery nine times before anyone examined me.", "diagnosis_journey", "delay"),
        ("My endometriosis was missed for years.", "diagnosis_journey", "delay"),
        ("It was ages before anyone took her breathlessness seriously.", "diagnosis_journey", "delay"),
        ("The out-of-hours doctor dismissed the rash as eczema.", "diagnosis_journey", "misdiagnosis"),
        ("They wrote his headaches off as stress.", "diagnosis_journey", "misdiagnosis"),
        ("Her seizures were put down to attention seeking.", "diagnosis_journey", "misdiagnosis"),
        ("At first the GP said it was a virus, then anxiety.", "diagnosis_journey", "misdiagnosis"),
        ("Walking to the end of the road is the hardest part of my day.", "daily_life_and_work", None),
        ("After a shower I have to lie down for an hour.", "daily_life_and_work", None),
        ("I had to give up playing in the band.", "daily_life_and_work", None),
        ("She's missed so much school this year that she may have to repeat the year.", "daily_life_and_work", None),
        ("I can't trust my legs on the stairs anymore.", "daily_life_and_work", None),
        ("My husband has had to take over all the cooking.", "daily_life_and_work", None),
        ("The fatigue is putting a strain on our relationship.", "daily_life_and_work", None),
        ("The registry trial only takes people under 65, so I'm ruled out.", "trial_participation", "barrier_eligibility"),
        ("Honestly I signed up for the study for the extra monitoring.", "trial_participation", "motivation"),
        ("My neighbour reckons trial patients get dodgy drugs.", "trial_participation", "misconception"),
    ],
)
def test_v23_paraphrase_families(matcher, text, category, subcategory):
    assert (category, subcategory) in hits(matcher, text), f"no {category}/{subcategory} in {text!r}: {hits(matcher, text)}"


# v2.3 false-positive families: a solved or past problem, a positive statement about the topic,
# small talk put as a question, a fear that is over.
@pytest.mark.parametrize(
    "text",
    [
        "My prior auth came through within a day.",
        "I used to panic before every scan.",
        "The waiting list was meant to be a year but they saw me in a month.",
        "Nausea was rough for a week but it's settled down now.",
        "How's everyone doing this weekend?",
        "My GP and my consultant actually talk to each other, which is a relief.",
        "The practice rang me back within the hour and sorted it out.",
        "My dad can't stand the idea of needles.",
    ],
)
def test_v23_near_misses(matcher, text):
    assert hits(matcher, text) == set()


@pytest.mark.parametrize(
    "text,absent",
    [
        ("My sleep study got moved to March.", "trial_participation"),  # a diagnostic test, not research
        ("The study visits are every week and I work full time.", "daily_life_and_work"),  # a trial barrier
        ("The trial site is two hours away and they don't cover the petrol.", "access_and_cost"),
        ("I haven't told my GP that I stopped the tablets.", "care_coordination"),  # the writer's choice
    ],
)
def test_v23_trial_and_own_choice_are_not_other_categories(matcher, text, absent):
    assert absent not in {c for c, _ in hits(matcher, text)}


# v2.4 (issue 5, fifth round): general families from the errors of held-out 6, written for these
# tests (none is a gold sentence). Positives first, then the false-positive families.
@pytest.mark.parametrize(
    "text,category,subcategory",
    [
        ("Does anyone know if the flu jab is fine alongside methotrexate", "information_gap", None),
        ("My rheumatologist never actually explained whether the rash matters.", "information_gap", None),
        ("Got my results by text with zero explanation.", "information_gap", None),
        ("Can you take ibuprofen with naproxen or is that daft", "information_gap", None),
        ("The pharmacist and the leaflet say two different things about food, which is it", "information_gap", None),
        ("My appeal for the infusion was denied for the second time.", "access_and_cost", None),
        ("The auth for my Emgality expired last week and nobody renewed it.", "access_and_cost", None),
        ("They want him to fail two cheaper pills before they'll even consider it.", "access_and_cost", None),
        ("I've been cutting my tablets in half to make the box last.", "access_and_cost", None),
        ("The nearest neurologist has an eight month waitlist.", "access_and_cost", None),
        ("Our local hospital stopped doing dialysis so it's two hours each way now.", "access_and_cost", None),
        ("The Mounjaro has me gagging at every meal.", "side_effect_burden", None),
        ("Since starting sertraline my brain fog is so thick I lose words.", "side_effect_burden", None),
        ("The risperidone leaves my son so sedated he sleeps through school.", "side_effect_burden", None),
        ("I lose my temper with the kids since the diagnosis and I hate it.", "emotional_support", None),
        ("Worried sick about the biopsy on Friday.", "emotional_support", None),
        ("I just want someone who gets it.", "emotional_support", None),
        ("There's no one to cover for me when Dad has a bad night.", "caregiver_burden", None),
        ("I've cut my hours to get my mum to her chemo every week.", "caregiver_burden", None),
        ("The neurologist stopped the patch and the GP restarted it a week later.", "care_coordination", None),
        ("None of the clinics share records, so I bring a folder everywhere.", "care_coordination", None),
        ("The pain clinic said the GP would sort the referral and the GP said the pain clinic would.", "care_coordination", None),
        ("After my move all my repeat prescriptions vanished from the system.", "care_coordination", None),
        ("Eighteen months of tests and still no answer.", "diagnosis_journey", "delay"),
        ("Four different rheumatologists before one ordered the scan.", "diagnosis_journey", "delay"),
        ("The walk-in centre said it was a sprain and it was a fracture.", "diagnosis_journey", "misdiagnosis"),
        ("They called it stress for a year and it was coeliac all along.", "diagnosis_journey", "misdiagnosis"),
        ("I've stopped going out on weekends because of the urgency.", "daily_life_and_work", None),
        ("I turned down a promotion because of the flares.", "daily_life_and_work", None),
        ("Missed my best mate's wedding with a flare.", "daily_life_and_work", None),
        ("We pulled out of the study after three months of visits.", "trial_participation", None),
        ("How do I even find trials for a rare liver condition?", "trial_participation", None),
    ],
)
def test_v24_paraphrase_families(matcher, text, category, subcategory):
    found = hits(matcher, text)
    assert (category, subcategory) in found if subcategory else category in {c for c, _ in found}, f"no {category}/{subcategory} in {text!r}: {found}"


# v2.4 false-positive families: a solved problem or a good experience ("a non-event", "made it so
# easy", "brought it down to"), a hedge or despair worded "I don't know", small talk and questions
# about the addressee's own case, disease symptoms with no treatment ("brain fog" alone).
@pytest.mark.parametrize(
    "text",
    [
        "I was dreading the lumbar puncture but it was a non-event.",
        "The savings card got my Skyrizi down to $10 a month.",
        "The study nurse paid for my parking every visit, made it so easy.",
        "Ran my first half marathon since the surgery and cried (happy tears).",
        "How's everyone's Sunday going?",
        "How long have you had psoriasis?",
        "What dose are you on?",
        "My employer's been brilliant about flexible hours.",
        "My consultant explained it really clearly and drew diagrams.",
        "The brain fog from the MS is bad today.",
        "Our GP and the hospital share everything through the app, so results just show up for both.",
    ],
)
def test_v24_near_misses(matcher, text):
    assert hits(matcher, text) == set(), hits(matcher, text)


@pytest.mark.parametrize(
    "text,absent",
    [
        ("I don't know how much longer I can keep doing nights with him.", "information_gap"),  # despair, not a question
        ("She has nine specialists and none of them look at her whole list.", "diagnosis_journey"),  # coordination
        ("They want monthly visits for my arthritis trial and I'd lose my job.", "daily_life_and_work"),  # a trial barrier
        ("In my job as a ward nurse I see this every day.", "daily_life_and_work"),  # a clinician's job
        ("Mum was put on apixaban and I'm not sure about her painkillers.", "side_effect_burden"),
        ("Scan on Monday and I haven't slept properly since Thursday.", "caregiver_burden"),  # the patient's own sleep
    ],
)
def test_v24_not_other_categories(matcher, text, absent):
    assert absent not in {c for c, _ in hits(matcher, text)}, hits(matcher, text)


# v2.5 (issue 5, sixth round): general families from the errors of held-out 7, written for these
# tests (none is a gold sentence). Positives first, then the false-positive families.
@pytest.mark.parametrize(
    "text,category,subcategory",
    [
        ("I just want to know whether the rash means I should stop the cream.", "information_gap", None),
        ("Trying to work out if the booster clashes with my infusion schedule.", "information_gap", None),
        ("None of us have a clue whether he can drive on the new tablets.", "information_gap", None),
        ("Spent the night googling what a raised ferritin actually means.", "information_gap", None),
        ("Can anyone recommend a book that explains dialysis to teenagers.", "information_gap", None),
        ("Not one person explained what the stent is for.", "information_gap", None),
        ("The tube said 'use thinly' and nothing more, so how much is thinly?", "information_gap", None),
        ("Do I have to tell my employer about the diagnosis", "information_gap", None),
        ("We spent hours on the phone fighting to get the pump approved.", "access_and_cost", None),
        ("The gap fee for the anaesthetist alone was $600.", "access_and_cost", None),
        ("My Skyrizi PA lapsed and the clinic has to start over.", "access_and_cost", None),
        ("They make you 'fail' methotrexate first before the biologic.", "access_and_cost", None),
        ("Fail-first rules kept me on the wrong drug for a year.", "access_and_cost", None),
        ("Our pharmacy says the patches are backordered until March.", "access_and_cost", "availability"),
        ("The fourth pharmacy I rang had none either.", "access_and_cost", "availability"),
        ("There's no dialysis unit within 90 miles of the farm.", "access_and_cost", None),
        ("Prednisone has wrecked my sleep and my skin.", "side_effect_burden", None),
        ("Since the tamoxifen my ankles are swollen every evening.", "side_effect_burden", None),
        ("On montelukast my daughter has nightmares most nights.", "side_effect_burden", None),
        ("I've been feeling low for weeks and can't shake it.", "emotional_support", None),
        ("I was too frightened to open the letter.", "emotional_support", None),
        ("There's nobody else in the family who helps with Gran.", "caregiver_burden", None),
        ("Dad can't be left on his own anymore, so I sleep at his.", "caregiver_burden", None),
        ("I can't remember the last time I had a night off from his care.", "caregiver_burden", None),
        ("The ward says one thing and the pharmacy says another.", "care_coordination", None),
        ("Every new consultant starts from scratch with my history.", "care_coordination", None),
        ("The clinic said they'd call back with the plan, that was six weeks ago.", "care_coordination", None),
        ("Neither hospital knew the other had changed her dose.", "care_coordination", None),
        ("His referral has been bounced back by the hospital twice.", "care_coordination", None),
        ("Two years from the first seizure to an epilepsy diagnosis.", "diagnosis_journey", "delay"),
        ("Months of headaches before someone finally ordered a scan.", "diagnosis_journey", "delay"),
        ("The GP said it was reflux, turns out it was my heart.", "diagnosis_journey", "misdiagnosis"),
        ("They treated her seizures as fainting for years.", "diagnosis_journey", "misdiagnosis"),
        ("Intimacy has been off the table since the surgery.", "daily_life_and_work", None),
        ("I had to hand my licence back after the stroke.", "daily_life_and_work", None),
        ("I cancelled our holiday plans again because of the flare.", "daily_life_and_work", None),
        ("I'm working two days a week now because of the fatigue.", "daily_life_and_work", None),
        ("The study is phase 3 and it's three hours on the train each way.", "trial_participation", "barrier_travel"),
        ("There's a 50 per cent chance the infusion is just saline.", "trial_participation", "barrier_placebo"),
        ("The extra monitoring is why we enrolled her in the study.", "trial_participation", "motivation"),
        ("He won't do the trial, he's convinced they're experimenting on people.", "trial_participation", "misconception"),
    ],
)
def test_v25_paraphrase_families(matcher, text, category, subcategory):
    found = hits(matcher, text)
    assert (category, subcategory) in found if subcategory else category in {c for c, _ in found}, f"no {category}/{subcategory} in {text!r}: {found}"


# v2.5 false-positive families: rhetorical and small-talk questions, a side effect accepted
# ("so I'll take it"), a problem a shared record solved, a trial that is going well, "trial and
# error" with a drug's timing.
@pytest.mark.parametrize(
    "text",
    [
        "Is it just me or are clinic chairs designed to be uncomfortable?",
        "How long has everyone been on their inhalers?",
        "Quetiapine knocks me out but I sleep through for the first time in years, so I'll take it.",
        "All three teams use one shared record now, so I don't have to repeat my story.",
        "Mum's been in the memory trial a year and she looks forward to the visits.",
        "Finding the right time of day for the levothyroxine took some trial and error.",
    ],
)
def test_v25_near_misses(matcher, text):
    assert hits(matcher, text) == set(), hits(matcher, text)


@pytest.mark.parametrize(
    "text,absent",
    [
        ("Our plan made us do a trial of methotrexate before Humira.", "trial_participation"),  # step therapy
        ("I thought trials were only for people with nothing left to lose.", "caregiver_burden"),  # a belief about trials
        ("The study wants me in every week and I've used all my annual leave already.", "caregiver_burden"),  # a trial barrier
        ("I had to cut down to three shifts because Mum can't be left alone.", "daily_life_and_work"),  # the carer's load
    ],
)
def test_v25_not_other_categories(matcher, text, absent):
    assert absent not in {c for c, _ in hits(matcher, text)}, hits(matcher, text)


# v2.6 step therapy: the plan or insurer makes you try or fail another drug first (an obligation, an
# order and the payer in one sentence); a clinician's own "try this first" is no step therapy.
@pytest.mark.parametrize(
    "text",
    [
        "The insurance says I have to 'fail' two older inhalers first.",
        "Our plan makes my son try the generic cream before anything else.",
        "They make you prove gabapentin doesn't work before they'll pay for the patch.",
        "Kids get pushed through three ointments before Dupixent gets approved.",
        "My new plan wants me to start over on the cheap tablets first.",
        "Our insurer requires a trial of methotrexate before Humira.",
    ],
)
def test_v26_step_therapy(matcher, text):
    assert ("access_and_cost", "step_therapy") in hits(matcher, text), hits(matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "My rheumatologist wants me to try methotrexate first and see.",
        "The nurse said to do the loading dose first, then weekly.",
        "I had a trial of physio before the surgery and it helped a lot.",
    ],
)
def test_v26_step_therapy_near_misses(matcher, text):
    assert ("access_and_cost", "step_therapy") not in hits(matcher, text), hits(matcher, text)


# v2.6 general families (issue 5, seventh round, from HO8's errors; paraphrases written for the test,
# none from a gold file): needs said through a scene, without the category's obvious words.
@pytest.mark.parametrize(
    "text,category,subcategory",
    [
        ("My brothers live nearby but honestly it's all on me.", "caregiver_burden", None),
        ("I can't go anywhere because someone has to be with Grandad.", "caregiver_burden", None),
        ("They sent him home with a box of tablets and now I'm apparently the nurse.", "caregiver_burden", None),
        ("Between two jobs and my wife's chemo runs I'm running on fumes.", "caregiver_burden", None),
        ("If I have to change one more bed at 4am I'll scream.", "caregiver_burden", None),
        ("The new patches make him so muddled he forgets where he is.", "side_effect_burden", None),
        ("The statin leg cramps are waking me every night.", "side_effect_burden", None),
        ("Since the biologic I catch every bug the kids bring home.", "side_effect_burden", None),
        ("My son missed half of last term with the flares.", "daily_life_and_work", None),
        ("I had to hand back my work van after the seizure.", "daily_life_and_work", None),
        ("I cancel on friends so much that they've stopped asking.", "daily_life_and_work", None),
        ("Some mornings I can't pick up my own toddler.", "daily_life_and_work", None),
        ("The surgeon and the oncologist booked scans on top of each other.", "care_coordination", None),
        ("The rheumatologist says stop the steroid, the GP says keep going.", "care_coordination", None),
        ("The hospice and the district nurses are each waiting for one of the others to order the bed.", "care_coordination", None),
        ("I read the result on the app before anyone called me.", "care_coordination", None),
        ("Nobody in my life gets it, they think I'm just lazy.", "emotional_support", None),
        ("Since Dad died there's no one to tell when the numbers are bad.", "emotional_support", None),
        ("Some days I hate my body for what it's doing.", "emotional_support", None),
        ("Came home with a new inhaler and no idea how to use it.", "information_gap", None),
        ("The nearest centre is two trains and a bus away from the study site.", "trial_participation", "barrier_travel"),
        ("The study wants overnight stays every month.", "trial_participation", "barrier_time"),
        ("Her variant doesn't fit any of the gene therapy studies.", "trial_participation", "barrier_eligibility"),
        ("None of the chemists round here stock the liquid.", "access_and_cost", "availability"),
    ],
)
def test_v26_paraphrase_families(matcher, text, category, subcategory):
    found = hits(matcher, text)
    assert (category, subcategory) in found if subcategory else category in {c for c, _ in found}, f"no {category}/{subcategory} in {text!r}: {found}"


# v2.6 near misses: a drug that stopped working is no job lost, "can't work out" is no work limit,
# lifting a relative is the carer's load, a genetic question about the family is no carer's load.
@pytest.mark.parametrize(
    "text,absent",
    [
        ("Has anyone switched to Skyrizi after Humira stopped working?", "daily_life_and_work"),
        ("I still can't work out if the rash is from the new cream.", "daily_life_and_work"),
        ("I can't lift her on my own anymore.", "daily_life_and_work"),
        ("Is genetic testing worth it if nobody else in the family has it?", "caregiver_burden"),
        ("The nurse said the site swells a little for a day and it did, then nothing.", "side_effect_burden"),
    ],
)
def test_v26_not_other_categories(matcher, text, absent):
    assert absent not in {c for c, _ in hits(matcher, text)}, hits(matcher, text)


# v2.7 general families (issue 5, eighth round, from HO9's errors; paraphrases written for the test,
# none from a gold file): emotion without an emotion word, the carer's tasks, misdiagnosis told as a
# story, availability (shortages, no service near, waitlists), trial motivations and misconceptions,
# services told as a loop or a mismatch.
@pytest.mark.parametrize(
    "text,category,subcategory",
    [
        ("Since the scan results she keeps saying her life is over.", "emotional_support", None),
        ("My son won't talk to anyone about the diagnosis.", "emotional_support", None),
        ("I'm so ashamed of the scars that I wear a scarf in summer.", "emotional_support", None),
        ("Some days I hate myself for needing help with the stairs.", "emotional_support", None),
        ("The night before every infusion I lie awake terrified.", "emotional_support", None),
        ("I still grieve the person I was before the stroke.", "emotional_support", None),
        ("I'm doing his buttons, his shaving and all his tablets before my own work.", "caregiver_burden", None),
        ("Everything else falls on me because the carers come once a day.", "caregiver_burden", None),
        ("Looking after my dad with dementia and I don't know how much longer I can keep going.", "caregiver_burden", None),
        ("My GP told me it was stress for two years, then the scan showed a tumour.", "diagnosis_journey", "misdiagnosis"),
        ("He was treated for eczema for four years before a biopsy said lymphoma.", "diagnosis_journey", "misdiagnosis"),
        ("They said her heart condition was panic attacks for over a year.", "diagnosis_journey", "misdiagnosis"),
        ("My daughter wasn't assessed until she was twelve.", "diagnosis_journey", "delay"),
        ("It took three years to diagnose my coeliac disease.", "diagnosis_journey", "delay"),
        ("Our chemist has been out of the 10mg tablets since March.", "access_and_cost", "availability"),
        ("The nearest rheumatology clinic has a 6 month wait for new patients.", "access_and_cost", "availability"),
        ("The only specialist nurse in the county left and there's no replacement.", "access_and_cost", "availability"),
        ("The pain clinic here stopped taking new referrals last year.", "access_and_cost", "availability"),
        ("Medicaid turned down his request for the hospital bed.", "access_and_cost", "insurance_denial"),
        ("I had to try and fail on two pills before Medicare would cover the injection.", "access_and_cost", "step_therapy"),
        ("I signed up for the vaccine study because my sister died of it.", "trial_participation", "motivation"),
        ("My dad thinks joining a study means being a test subject for the drug company.", "trial_participation", "misconception"),
        ("The lupus trial wants bloods twice a week and I'm self-employed.", "trial_participation", "barrier_time"),
        ("The psoriasis study only recruits in Leeds and we're in Cornwall.", "trial_participation", "barrier_travel"),
        ("The cardiologist discharged me back to the GP, who sent me straight back to cardiology.", "care_coordination", None),
        ("The neurologist says that's the GP's job and the GP says it's neurology's.", "care_coordination", None),
        ("The ward and the community team have different doses written down and nobody will tell me which to use.", "care_coordination", None),
        ("Our lab keeps sending the samples to the wrong clinic.", "care_coordination", None),
        ("I lost another job because I kept missing shifts with the migraines.", "daily_life_and_work", None),
        ("The fatigue is so bad I'm making mistakes at work every week.", "daily_life_and_work", None),
        ("Since the biologic my mouth is so sore I couldn't eat for days.", "side_effect_burden", None),
        ("Has anyone got tips for flying with an insulin pump", "information_gap", None),
        ("I have my first rheumatology appointment and don't know what questions to ask.", "information_gap", None),
    ],
)
def test_v27_paraphrase_families(matcher, text, category, subcategory):
    found = hits(matcher, text)
    assert (category, subcategory) in found if subcategory else category in {c for c, _ in found}, f"no {category}/{subcategory} in {text!r}: {found}"


# v2.7 near misses: a fear or a cost problem that is over, a PA that went through, a trial going well,
# "at work" as the place of something else, transplant rejection, a study read about, advice.
@pytest.mark.parametrize(
    "text,absent",
    [
        ("I used to cry before every scan but I'm in a much better place now.", "emotional_support"),
        ("I was terrified of the endoscopy and it was honestly nothing.", "emotional_support"),
        ("The PA went through on the first try this time.", "access_and_cost"),
        ("I used to have a huge copay but the new plan covers it fully.", "access_and_cost"),
        ("Every cold I worry his body is rejecting the liver.", "access_and_cost"),
        ("The trial has a great team and they phone me every week.", "trial_participation"),
        ("I read a study saying ginger might help with nausea.", "trial_participation"),
        ("My sister fainted at work and that's when they found the arrhythmia.", "daily_life_and_work"),
        ("I'm scared every time my phone buzzes at work.", "daily_life_and_work"),
        ("I gave up my job to look after my mother full time.", "daily_life_and_work"),  # the carer's (gold is split)
        ("Three months waiting for a referral to the pain clinic.", "access_and_cost"),  # no wait length as a list
        ("I haven't told anyone except my partner yet.", "emotional_support"),
        ("My BP drops so low on the new tablets I nearly fainted.", "emotional_support"),
        ("I don't know how we'll pay the rent this month.", "information_gap"),
    ],
)
def test_v27_near_misses(matcher, text, absent):
    assert absent not in {c for c, _ in hits(matcher, text)}, hits(matcher, text)


# v2.8 general families (issue 5, ninth round, from HO10's errors; paraphrases written for the test,
# none from a gold file): a treatment and what it stops, costs or outdoes; the carer doing a relative's
# care task; nobody owning the handover (not their job, re-telling the history, services that never talk);
# joining a trial as owing it, for the free drug or for the next person.
@pytest.mark.parametrize(
    "text,category,subcategory",
    [
        ("Since the new tablets I'm so tired I sleep through the kids' bedtime.", "side_effect_burden", None),
        ("The steroid shots left lumps all over my thighs.", "side_effect_burden", None),
        ("Honestly the methotrexate nausea is worse than the arthritis.", "side_effect_burden", None),
        ("The metformin gives me cramps every single day.", "side_effect_burden", None),
        ("I've been doing my mum's injections and dressings since her fall.", "caregiver_burden", None),
        ("With my husband's dementia there's no such thing as a day off.", "caregiver_burden", None),
        ("I'm doing all her lifting and washing now that her hip has gone.", "caregiver_burden", None),
        ("My endocrinologist and my GP both say it's not their job to check my thyroid.", "care_coordination", None),
        ("At every new hospital I have to explain his condition from scratch.", "care_coordination", None),
        ("The clinic and the physio never talk to each other.", "care_coordination", None),
        ("I feel I owe it to the kids who come after me to join a study.", "trial_participation", "motivation"),
        ("Honestly I want the free drug from the trial, I can't pay for it.", "trial_participation", "motivation"),
        ("Put her down for anything that's recruiting, it might give her more years.", "trial_participation", "motivation"),
    ],
)
def test_v28_paraphrase_families(matcher, text, category, subcategory):
    found = hits(matcher, text)
    assert (category, subcategory) in found if subcategory else category in {c for c, _ in found}, f"no {category}/{subcategory} in {text!r}: {found}"


# v2.8 near misses: the same words with no need (a hobby, a plan restarted, services that do talk, a
# trial drug that is simply free, a device compared with another, cooking by choice).
@pytest.mark.parametrize(
    "text,absent",
    [
        ("I've been doing yoga since her wedding.", "caregiver_burden"),
        ("I do all the cooking because I like it.", "caregiver_burden"),
        ("The ward staff started from scratch with a new plan and it's working well.", "care_coordination"),
        ("My GP and my consultant talk to each other all the time, it's brilliant.", "care_coordination"),
        ("The trial drug is free and the team is lovely.", "trial_participation"),
        ("The insulin pump is worse than the pens for me but I manage fine.", "side_effect_burden"),
    ],
)
def test_v28_near_misses(matcher, text, absent):
    assert absent not in {c for c, _ in hits(matcher, text)}, hits(matcher, text)


# v2.9 (precision round): near-miss pairs written for these tests (none from a gold file). In each pair the
# first sentence is a false-positive family of rules v2.8 (it fired the category there) that a v2.9 veto now
# stops: a duration with no delay, a benefit or resolved frame, a waiting list in a diagnosis story, tears of
# relief, "I don't know" + a person, a service left uninformed, a question about the addressee's case or a
# group's social plans, sympathy and general facts, a quoted reply line, carer words without a carer's load, a
# lapsed PA, a trial that went well; the second is a true need in the same words, which must still fire.
V29_PAIRS = [
        # duration without a delay word / a real delay
        ("The new injection took about two months to kick in and my knees are much better.", "It took two years and four doctors before anyone diagnosed my lupus.", "diagnosis_journey"),
        ("It took four months for my records to reach the new neurologist.", "It took eleven months before anyone sent me for an MRI.", "diagnosis_journey"),
        ("They want three months of metformin before they'll cover the injections.", "It was three years of pain before anyone found the endometriosis.", "diagnosis_journey"),
        ("I'd only join a study if it's open label, I had a year of placebo last time.", "The GP labelled it anxiety, and it was actually my thyroid.", "diagnosis_journey"),
        # a benefit frame / a side effect said after "but"
        ("Since the new meds I finally sleep through the night.", "Since the new meds I can't sleep through the night.", "side_effect_burden"),
        ("The colitis has been quiet since I started Humira.", "Since I started Humira the nausea is so bad I can barely eat.", "side_effect_burden"),
        ("Since the new meds kicked in the pain is much better.", "The new tablets are helping my mood but they make me so dizzy I can't drive.", "side_effect_burden"),
        # a shortage that is over / one that is not
        ("The patch shortage seems to be over, my pharmacy had plenty today.", "The patch shortage seemed to be over, but now no pharmacy near me has any.", "access_and_cost"),
        ("My mum's inhaler has a $0 copay on her plan, so no worries there.", "My mum's inhaler copay went up to $90, we can't keep paying it.", "access_and_cost"),
        # a waiting list in a diagnosis story or for respite / for a treatment
        ("It took a year on the genetics waiting list before anyone diagnosed him.", "The waiting list for the pain clinic is 18 months and I can't afford private.", "access_and_cost"),
        ("We're on the waitlist for respite and it's two years.", "He's on the waitlist for the infusion centre and it's two years.", "access_and_cost"),
        # tears of relief / tears of fear
        ("Got the all clear and cried in the car park from relief.", "Cried in the car park after the scan, I'm so scared it's back.", "emotional_support"),
        ("The nurse remembered my name and it made me cry in a good way.", "The nurse was so rude it made me cry.", "emotional_support"),
        # "I don't know" + a person or coping / + a question of fact
        ("I don't know a single person my age with Parkinson's.", "I don't know whether I can take ibuprofen with this.", "information_gap"),
        ("I don't know who I can talk to about my son's diagnosis.", "I don't know what the new scan result means.", "information_gap"),
        # a gap that is closed now / still open
        ("When I was diagnosed I didn't understand the results, but my nurse sat with me and now I understand them.", "When I was diagnosed I didn't understand the results and nobody has explained them since.", "information_gap"),
        # a service left uninformed / the writer uninformed
        ("The physio had no idea I'd had surgery because the notes never arrived.", "I had no idea what the surgeon meant by margins.", "information_gap"),
        ("My psychiatrist raised the dose and the GP lowered it again because nobody told him.", "Nobody told me the dose had been raised.", "information_gap"),
        # questions that seek nothing the writer needs / a question of fact
        ("Did your hair come back curly after chemo?", "Does hair usually come back curly after chemo?", "information_gap"),
        ("Did anyone watch the documentary about the marathon runner with MS?", "Did anyone get cramps after the second Ocrevus infusion?", "information_gap"),
        ("Is anyone going to the Christmas party at the hospice?", "Is anyone on lithium able to drink coffee?", "information_gap"),
        # sympathy and general facts / the writer's own need
        ("Chemo brain is very real, be gentle with yourself.", "My chemo brain is so bad I can't follow a recipe.", "side_effect_burden"),
        ("It's common for people with dementia to get agitated in the evening, it's often called sundowning.", "Dad's sundowning means I'm up all night and I'm exhausted.", "caregiver_burden"),
        # a quoted line / the writer's own words
        ('> "is it normal to feel dizzy on these" yes for a week or so, drink more water', 'Is it normal to feel dizzy on these?', "information_gap"),
        # carer words without a carer's load / with one
        ("My dad's clinic is the only one in the state that treats it.", "I'm the only one who looks after dad and I'm exhausted.", "caregiver_burden"),
        ("On bad days I can't lift my toddler out of the cot.", "I have to lift my mum out of bed every morning and I'm exhausted.", "caregiver_burden"),
        ("We looked at the ALS study but I'd have to take unpaid leave to drive him.", "I've taken unpaid leave to look after my dad and I'm exhausted.", "caregiver_burden"),
        ("I keep going over every conversation with dad before his heart attack.", "Caring for dad means I keep going all day with no help.", "caregiver_burden"),
        # a lapsed PA (access) / a coordination failure; cancelling on friends / a cancelled appointment
        ("The PA paperwork got lost between the clinic and the insurer.", "The referral got lost between the clinic and the hospital.", "care_coordination"),
        ("I've cancelled on my friends so often since the surgery that they've stopped asking.", "My surgery was cancelled twice and nobody rang to rebook it.", "care_coordination"),
        # life that goes well / a limit
        ("He's working part time at a bakery now and loves it.", "He had to drop to part time because of the fatigue.", "daily_life_and_work"),
        # a trial that went well, eligibility for a health service / a trial barrier
        ("The trial I did last year was actually great and I got paid travel.", "The trial is 200 miles away and they don't pay travel.", "trial_participation"),
        ("I'm not eligible on the NHS because my BMI is too low.", "I'm not eligible for the trial because of my previous cancer.", "trial_participation"),
    # advice to the reader / the writer's own need
    ("Get a referral to a physio early, the exercises really help.", "My referral to the physio was lost and nobody rang me back.", "care_coordination"),
    ("If your claim gets denied, ask your doctor to request a peer-to-peer review.", "My claim got denied twice and I'm still waiting on a peer-to-peer review.", "access_and_cost"),
    # a manager who keeps asking / a relative's repeated questions; everyone else's case / a question of fact
    ("My manager keeps asking why I'm late after my scans.", "Mum has dementia and keeps asking where dad is every ten minutes, I'm exhausted.", "caregiver_burden"),
    ("How long did it take everyone else's eyelashes to grow back after chemo?", "How long did it take for the chemo fatigue to lift?", "information_gap"),
]


def test_v29_unless_clause_stops_at_a_contrast_word(matcher):
    """A benefit or resolved frame vetoes its category before a later "but", not after it."""
    assert "access_and_cost" not in {c for c, _ in hits(matcher, "The shortage is over now, my pharmacy has plenty.")}
    assert "access_and_cost" in {c for c, _ in hits(matcher, "The shortage is over now, but my pharmacy still can't get my patches.")}
    assert "side_effect_burden" not in {c for c, _ in hits(matcher, "The chemo nausea was so bad at first but it's much better now.")}


def test_v29_advice_clause_ends_at_the_comma(matcher):
    """Advice to the reader states no need of the writer's (guide rule 1); what follows the comma is the writer's again."""
    assert "information_gap" in {c for c, _ in hits(matcher, "Ask your social worker about respite hours, we didn't know we qualified for years.")}
    assert "care_coordination" not in {c for c, _ in hits(matcher, "Ask for a referral to the pain clinic, it's worth it.")}


# v2.10 (rules from the false positives of the blind HO12, read after it was scored): each family as an invented
# paraphrase that no longer fires, and a true need in the same words that still does.
V210_PAIRS = [
    # a question about what the addressee did / a question the writer needs answered
    ("Which inhaler did you end up switching to?", "Which inhaler is best for exercise asthma?", "information_gap"),
    ("How many weeks did the sertraline take to work for you?", "How many weeks does sertraline take to work?", "information_gap"),
    ("Have you spoken to the trial team at the children's charity?", "Should I join the trial my oncologist mentioned?", "trial_participation"),
    # regret about the past / a question of fact; a service left uninformed / the writer
    ("I keep wondering if I should have asked for the biopsy sooner.", "I'm wondering if the new tablets interact with my statin.", "information_gap"),
    ("Mum came home from the ward and nobody told her GP about the new tablets.", "Mum came home from the ward and nobody told us about the new tablets.", "information_gap"),
    # advice after the account / the writer's own need
    ("The hospital charity pays for parking at the clinic, worth asking the ward clerk.", "We can't afford the parking at the clinic every week.", "access_and_cost"),
    ("We get his inhalers for free through the council scheme, anyone on benefits should look into it.", "We can't afford his inhalers since the council scheme ended.", "access_and_cost"),
    # a shortage officially over / still on
    ("Is the liquid form back now the shortage is officially over?", "The liquid form is still in shortage and no pharmacy has it.", "access_and_cost"),
    # an emotion word as a label / felt; "gives you grief"; fear of the placebo / of the disease
    ("For years I was told I was just anxious before anyone scanned my heart.", "I'm so anxious about the scan results I can't sleep.", "emotional_support"),
    ("Tell anyone who gives you grief about your meds to mind their own business.", "I'm drowning in grief since my wife died.", "emotional_support"),
    ("Most people who say no to the study cite fear of the placebo arm.", "I have a constant fear of the cancer coming back.", "emotional_support"),
    # "the worst cases" are patients / a drug's worst effect
    ("My cousin thinks the worst cases get the real drug first.", "The worst part of the drug is the nausea, I can barely eat.", "side_effect_burden"),
    # help that works / no help
    ("Social services set up a day centre place for dad, which has been brilliant.", "I care for dad every day with no respite and I'm exhausted.", "caregiver_burden"),
    # a metaphor for a task's load / work lost
    ("Sorting out his appeals has become a part-time job for me.", "I had to drop to part-time hours because of the fatigue.", "daily_life_and_work"),
    # a right stated, "rather than a placebo", eligibility for a funder / a trial barrier
    ("You can withdraw from the study at any time, nobody will mind.", "I'm thinking about quitting the study, the visits are too much.", "trial_participation"),
    ("Most heart failure studies test the new drug rather than a placebo on top of usual care.", "I'm scared of getting the placebo in the heart failure study.", "trial_participation"),
    ("The council funding only covers two sessions and I'm not eligible for more.", "I'm not eligible for the study because of my kidney function.", "trial_participation"),
]


# v2.11 (from the false positives of HO14, read after it was scored): a question about the addressee's own things or past,
# invented paraphrases; a question of fact, a group poll and the writer's own past still fire.
V211_PAIRS = [
    ("Which pharmacy did you get yours from?", "Which pharmacies stock the liquid form?", "information_gap"),
    ("Are you getting enough rest yourself?", "Is it normal to need this much rest on chemo?", "information_gap"),
    ("Did the nurse tell you what the target range is?", "What is the target range for a child's blood sugar?", "information_gap"),
    ("How long did the steroid taper take you?", "Did anyone find the steroid taper hard, how long did it take you?", "information_gap"),
    ("Did they tell you what the placebo ratio is?", "Nobody told me what the placebo ratio is, is it 1:1?", "information_gap"),
]


# v2.12 (from the false positives of HO15, read after it was scored once): a question about the addressee's present
# ("are you …"), a past "were you …" and "what's your …" openers; invented paraphrases. A general "how do you …" still fires.
V212_PAIRS = [
    ("Are you taking the iron with orange juice?", "Is it better to take the iron with orange juice?", "information_gap"),
    ("How are you spending your birthday?", "How do you plan a birthday around the fatigue?", "information_gap"),
    ("Are you in Canada? the provincial plan covers it there.", "Does the provincial plan in Canada cover it?", "information_gap"),
    ("How old were you when the seizures started?", "How old do kids have to be for the seizure study?", "information_gap"),
    ("What was your ferritin before the infusion?", "What ferritin level do they want before an infusion?", "information_gap"),
    ("What's your favourite snack for a hypo?", "What snack works fastest for a hypo?", "information_gap"),
]


# v2.13 (from the false positives of HO16, read after it was scored once): questions about the addressee's or a third
# person's situation ("does her school have …?", "how old was he when …?", "do you have a …?") and advice put as a
# question ("have you considered …?", "can you ask for …?"); invented paraphrases.
V213_PAIRS = [
    ("Does his nursery have a medical care plan?", "Do nurseries have to follow a medical care plan?", "information_gap"),
    ("How old was she when the seizures started?", "What age do absence seizures usually start?", "information_gap"),
    ("Do you have a spare inhaler at work?", "Is it worth keeping a spare inhaler at work?", "information_gap"),
    ("Have you considered asking for a home visit?", "How do I ask for a home visit?", "information_gap"),
    ("Can you ask the pharmacist for the liquid version?", "Does the liquid version cost more than the tablets?", "information_gap"),
    ("Have you seen the study on exercise for lymphoedema?", "Has anyone joined the study on exercise for lymphoedema?", "trial_participation"),
]


# v2.14 (from the false positives of HO17, read after it was scored once): a third person's case ("how is he …?", "did his
# …?", "did they …?", "how old is …?"), "… for you?" after "is", "whats your" as spaCy splits it, a curly "what’s your",
# a carer's job given up "to look after" someone (caregiver_burden only); invented paraphrases.
V214_PAIRS = [
    ("How is she getting on with the feeds?", "How do you get a toddler to take the feeds?", "information_gap"),
    ("Did his GP mention the new tablet?", "Does the new tablet interact with warfarin?", "information_gap"),
    ("Did they check your vitamin D?", "Should I ask them to check my vitamin D?", "information_gap"),
    ("How old is she now?", "How old do you have to be for the adult clinic?", "information_gap"),
    ("Is it the itching or the rash that bothers you most for you?", "Is the itching supposed to get worse before it gets better?", "information_gap"),
    ("whats your peak flow these days?", "what peak flow should i be worried about?", "information_gap"),
    ("what\u2019s your dose now?", "what dose do people usually start on?", "information_gap"),
    ("I gave up my job as a chef to look after him.", "I gave up my job as a chef because of the fatigue.", "daily_life_and_work"),
]

# v2.15 (from the errors of HO18): advice or a poll put as a question, the addressee's schedule or third person, a
# payer's wait, a trial site's distance, a carer's hours cut for a child; invented sentences
V215_PAIRS = [
    ("has anyone mentioned a sleep study to you?", "has anyone here been told what a sleep study shows?", "information_gap"),
    ("what time is the appointment?", "what time of day should i take the patch?", "information_gap"),
    ("is she still getting the infusions monthly?", "is it safe to get the infusions while pregnant?", "information_gap"),
    ("do you use a shower chair?", "do people need a referral for a shower chair?", "information_gap"),
    ("the prior auth took 3 months to go through", "it took 3 months to get a diagnosis", "diagnosis_journey"),
    ("the closest site is 3 hours away and visits are weekly", "the closest rheumatologist is 3 hours away", "access_and_cost"),
    ("no nursery would take my daughter so i dropped to three days", "the fatigue is so bad i dropped to three days", "daily_life_and_work"),
]


# v2.16 (from the errors of HO19): polls of how it went or how others cope, the addressee's body now, advice put as
# a question, a cost going down, tears of relief, a met travel barrier, a waiting list's time; invented sentences
V216_PAIRS = [
    ("any other parents done the ketogenic diet? how did it go?", "how do i start the ketogenic diet safely?", "information_gap"),
    ("how do the other wives here cope?", "how do i cope with the nausea on chemo days?", "information_gap"),
    ("how are your feet now?", "how should i treat the blisters on my feet?", "information_gap"),
    ("has anyone checked your iron levels?", "has anyone had their iron checked while on this drug?", "information_gap"),
    ("the new cap means my copay should drop next year", "my copay is $400 a month and i can't afford it", "access_and_cost"),
    ("i cried at how good the first week felt", "i cried in the car after the appointment", "emotional_support"),
    ("the trial site is 3 hours away but my sister drives me", "the trial site is 3 hours away and i don't drive", "trial_participation"),
    ("the waitlist took 2 years but we have respite now", "it took 2 years to get a diagnosis", "diagnosis_journey"),
    ("my neuro says the same as my gp says, rest and fluids", "my neuro says it's my heart but my cardiologist says it's my brain", "care_coordination"),
]

# v2.16 (from the misses of HO19, read after it was scored with v2.14 and v2.15): recall families; invented sentences,
# each with a near miss in the same words that states no need
V216_RECALL = [
    ("eight years of \"it's just your hormones\" and it was endometriosis", "eight years of marriage and two kids", "diagnosis_journey"),
    ("i was told the fatigue was depression", "i was told the fatigue would ease in a week", "diagnosis_journey"),
    ("the pharmacist keeps telling me to ask the other one", "the pharmacist keeps my prescription ready", "care_coordination"),
    ("the dermatologist said it's not her call, the rheumatologist has to decide", "the dermatologist said the cream is working", "care_coordination"),
    ("my inhaler is $280 after insurance", "my inhaler is free with insurance", "access_and_cost"),
    ("my plan will only pay for 6 sessions a year", "my plan paid for all my sessions this year", "access_and_cost"),
    ("insurance calls it cosmetic so i pay for it myself", "insurance covered it without any fuss", "access_and_cost"),
    ("the wait at our hospital is 30 weeks for a scan", "the scan at our hospital took 30 minutes", "access_and_cost"),
    ("the infusions are eating all my pto", "the infusions are on my day off", "daily_life_and_work"),
    ("i shouldn't be driving on the days after the injection", "i drove to the clinic for my injection", "daily_life_and_work"),
    ("i haven't been able to have sex since the surgery", "i have been able to walk since the surgery", "daily_life_and_work"),
    ("the tacrolimus is turning me into someone i don't recognise", "the tacrolimus keeps my levels where my team wants them", "side_effect_burden"),
    ("the chelation gave me constant diarrhea for a month", "the chelation brought my ferritin down in a month", "side_effect_burden"),
    ("mum's dialysis three times a week and i'm fried", "mum's dialysis three times a week and she's doing well", "caregiver_burden"),
    ("my brother lives nearby and hasn't visited dad once", "my brother lives nearby and visits dad on sundays", "caregiver_burden"),
    ("not one doctor mentioned the risk to my bones", "my doctor mentioned the bone scan results", "information_gap"),
    ("our gp had never heard of the condition", "our gp had already referred us to genetics", "information_gap"),
    ("the way the clinic spoke to me was humiliating", "the clinic staff were kind to me", "emotional_support"),
]


@pytest.mark.parametrize("need,near_miss,category", V216_RECALL)
def test_v216_recall_families_and_their_near_misses(matcher, need, near_miss, category):
    """v2.16: each family fires on a need said in new words; the near miss in the same words does not."""
    assert category in {c for c, _ in hits(matcher, need)}, hits(matcher, need)
    assert category not in {c for c, _ in hits(matcher, near_miss)}, hits(matcher, near_miss)


# v2.17 (from the errors of HO20, read after it was scored with v2.14 to v2.16): false-positive families; invented
# sentences, each with a true need in the same words
V217_PAIRS = [
    ("how was the first week after the op?", "how should i sleep the first week after the op?", "information_gap"),
    ("is she on the tablets or the liquid?", "is it safe to give her the tablets with milk?", "information_gap"),
    ("do your knees swell too?", "does the swelling in my knees mean the dose is wrong?", "information_gap"),
    ("has anyone told you about the cooling caps? they saved my hair", "has anyone found a way to get cooling caps on the nhs?", "information_gap"),
    ("the consultant wrote a letter of medical necessity and that is what got ours approved", "insurance denied the pump again even with a letter of medical necessity", "access_and_cost"),
    ("we went private for the scan and it was worth every penny", "we went private for the scan and now we can't afford the rent", "access_and_cost"),
    ("the charity runs a buddy scheme if you want someone to talk to", "i have no one to talk to about any of this", "emotional_support"),
    ("the study visits were long but i don't regret it one bit", "the study visits are every week and i can't get the time off", "trial_participation"),
    ("my taper took forever but i'm finally off prednisone", "it took forever to get a diagnosis", "diagnosis_journey"),
]

# v2.17 (from the misses of HO20): recall families; invented sentences, each with a near miss in the same words that
# states no need (every one of the needs is missed by v2.16.0)
V217_RECALL = [
    ("the locum had to google my condition in front of me", "the locum had a quick look at my notes in front of me", "information_gap"),
    ("the plan turned me down three times before my appeal went through with insurance", "the plan covered the pump the first time", "access_and_cost"),
    ("my insurance requires a sleep study first before they approve the device", "my insurance covered the sleep study", "access_and_cost"),
    ("there's no way we can afford the private clinic", "we can afford the private clinic", "access_and_cost"),
    ("the scans are only done at 3 centres in the country", "the scans are done at our local hospital", "access_and_cost"),
    ("the line infections from the tpn are wearing me down", "the tpn gives me the calories i need", "side_effect_burden"),
    ("the sleepless nights from the pred are killing me", "the pred took the swelling down in days", "side_effect_burden"),
    ("i can't stop picturing the moment they told us", "i can picture the clinic from our house", "emotional_support"),
    ("i'm honestly not okay and i don't know who to tell", "i'm honestly okay with the new dose", "emotional_support"),
    ("i'm basically a full time nurse for my wife now", "my wife's full time nurse visits on mondays", "caregiver_burden"),
    ("nobody in this house is sleeping since the new feeds started", "everybody in this house is sleeping better now", "caregiver_burden"),
    ("the clinic needs a new referral every time the gp changes the dose", "the clinic kept the old referral on file", "care_coordination"),
    ("they discharged him from the ward with a letter and that was it", "they discharged him from the ward on friday", "care_coordination"),
    ("if they'd caught it a year earlier she would still have her kidney", "they caught it early and she kept her kidney", "diagnosis_journey"),
    ("she was admitted twice because they thought it was an eating disorder", "she was admitted twice for her infusions", "diagnosis_journey"),
    ("a desk job just isn't happening with this back", "my desk job is going fine with the new chair", "daily_life_and_work"),
    ("most of these trials want you still walking unaided", "most of these trials are in big cities", "trial_participation"),
]


@pytest.mark.parametrize("need,near_miss,category", V217_RECALL)
def test_v217_recall_families_and_their_near_misses(matcher, need, near_miss, category):
    """v2.17: each family fires on a need said in new words; the near miss in the same words does not."""
    assert category in {c for c, _ in hits(matcher, need)}, hits(matcher, need)
    assert category not in {c for c, _ in hits(matcher, near_miss)}, hits(matcher, near_miss)


@pytest.mark.parametrize("false_positive,true_need,category", [*V29_PAIRS, *V210_PAIRS, *V211_PAIRS, *V212_PAIRS, *V213_PAIRS, *V214_PAIRS, *V215_PAIRS, *V216_PAIRS, *V217_PAIRS])
def test_false_positive_families_and_their_near_misses(matcher, false_positive, true_need, category):
    """v2.9 to v2.17: each family no longer fires; a true need in the same words still does."""
    assert category not in {c for c, _ in hits(matcher, false_positive)}, hits(matcher, false_positive)
    assert category in {c for c, _ in hits(matcher, true_need)}, hits(matcher, true_need)


@pytest.mark.parametrize("misdiagnosis_story,delay", [
    ("The GP told me it was reflux three times before anyone did a scope.", "It took two years before anyone did a scope for my reflux."),
    ("They put me on antidepressants for two years before anyone checked my thyroid.", "Two years of tiredness before anyone checked my thyroid."),
    ("He was treated as a chest infection for months before anyone did a scan.", "He was breathless for months before anyone did a scan."),
])
def test_v210_subcategory_unless_demotes_delay_in_a_misdiagnosis_story(matcher, misdiagnosis_story, delay):
    """v2.10: a subcategory's ``unless`` keeps the category hit and drops only that subcategory."""
    story = {s for c, s in hits(matcher, misdiagnosis_story) if c == "diagnosis_journey"}
    assert story and "delay" not in story, story
    assert ("diagnosis_journey", "delay") in hits(matcher, delay), hits(matcher, delay)


def test_v210_travel_wins_over_a_longer_schedule_cue(matcher):
    """v2.10: ``prefer``: a trial's distance and its schedule in one sentence is travel; a schedule alone stays time."""
    assert ("trial_participation", "barrier_travel") in hits(matcher, "The only study I qualify for is a five hour drive each way, every week for a year.")
    assert ("trial_participation", "barrier_time") in hits(matcher, "The study wants me in for bloods every week for a year and I work shifts.")


# v2.12 (from the misses of HO15, read after it was scored once): side effects told in a story through what the treatment
# makes the person do, and a clinician who called it something common; invented sentences, with a near miss each.
@pytest.mark.parametrize("need,near_miss,category", [
    ("The prednisone has me gaining a pound a week.", "I have been gaining strength since the prednisone taper ended.", "side_effect_burden"),
    ("Lamotrigine makes my daughter shake so much she can't hold a pen.", "My daughter can hold a pen again now her tremor has settled.", "side_effect_burden"),
    ("The new inhaler keeps him coughing half the night.", "The new inhaler has him sleeping through the night.", "side_effect_burden"),
    ("Metformin has me running to the loo after every meal.", "Metformin has me feeling great.", "side_effect_burden"),
    ("Three GPs told me it was stress before the blood test.", "The GP told me stress makes the flares worse.", "diagnosis_journey"),
    ("The doctor told us it was growing pains and sent us away.", "The doctor told us the growth scan was clear.", "diagnosis_journey"),
    # v2.13: a gap nobody owns
    ("Four consultants and zero communication between any of them.", "Four consultants and great communication between all of them.", "care_coordination"),
    ("The handover from hospital to home is where nobody owns anything.", "Nobody in our family owns a car.", "care_coordination"),
    # v2.14 (from the misses of HO17): the carer's night beside a scene of care, a result nobody acted on, notes that left
    # with a clinician, separate departments, a passive misdiagnosis, a service booked out, questions opened by "anyone",
    # information withheld, a treatment that made the person "so flat"
    ("I was up with him till 4 again and I'm exhausted.", "I was up with him till 4 watching the match.", "caregiver_burden"),
    ("Nobody picked up the blood result for a week.", "The nurse picked up the blood result for me.", "care_coordination"),
    ("The physio retired and her notes went with her.", "The physio retired and went travelling.", "care_coordination"),
    ("His speech, OT and feeding clinic are run by different departments.", "His speech and OT are run by the same team.", "care_coordination"),
    ("I was told it was anxiety for three years.", "I was told it was a good result.", "diagnosis_journey"),
    ("The only pain clinic is booked out until spring.", "The pain clinic booked me in for spring.", "access_and_cost"),
    ("anyone have tips for the first week after the pump?", "anyone watching the game tonight?", "information_gap"),
    ("The pharmacy changed my brand without telling me.", "The pharmacy changed my brand and told me why.", "information_gap"),
    ("The sertraline has made him so flat he barely talks.", "He has been so flat out at work this month.", "side_effect_burden"),
    # v2.15 (from the misses of HO18): a treatment that keeps the person up or was too much, a dose and what it costs,
    # clinicians who do not tell each other, results one service cannot see, the count of specialists, the wrong label,
    # a carer's leave used up, leave, intimacy and meetings lost, rationed supply, a question after a topic and a comma
    ("The prednisolone keeps me up until 4 most nights.", "The prednisolone keeps me going through the flare.", "side_effect_burden"),
    ("I stopped it after a month, the nausea was too much for me.", "I stopped it after a month, the course was finished.", "side_effect_burden"),
    ("On 600mg I can't follow a conversation anymore.", "On 600mg the seizures have stopped.", "side_effect_burden"),
    ("My cardiologist and my GP keep changing my diuretic without telling each other.", "My cardiologist and my GP agreed on the diuretic together.", "care_coordination"),
    ("The walk-in clinic can't see the results from my hospital bloods.", "The walk-in clinic can see the results from my hospital bloods.", "care_coordination"),
    ("Seven specialists and three years before anyone named it.", "Seven of us met up for coffee after the clinic.", "diagnosis_journey"),
    ("Ten years of 'migraines' that were actually a leak.", "Ten years of migraines and finally a drug that works.", "diagnosis_journey"),
    ("Driving dad to dialysis three times a week, I've run out of leave.", "Driving dad to dialysis three times a week, we listen to the radio.", "caregiver_burden"),
    ("Sex is painful since the surgery and we've stopped trying.", "The surgery went well and we're trying for a baby.", "daily_life_and_work"),
    ("The clinic says there isn't enough to go around this month.", "The clinic says there is plenty of cake to go around.", "access_and_cost"),
    ("biologics newbie, how do you keep the injection from stinging?", "thanks, how do you keep the dog off the bed?", "information_gap"),
])
def test_v212_story_frames(matcher, need, near_miss, category):
    assert category in {c for c, _ in hits(matcher, need)}, hits(matcher, need)
    assert category not in {c for c, _ in hits(matcher, near_miss)}, hits(matcher, near_miss)
