"""Deterministic generator for the embedded synthetic sample export.

    python -m pipelines.sample_data [--out data/sample] [--seed 20261123]

writes four patient-community exports in four formats plus the PHI gold file:

* ``discourse_breast_cancer.json``   Discourse API post objects (breast cancer)
* ``reddit_health.ndjson``           Pushshift-style dump, r/diabetes_t2 + r/MultipleSclerosis
* ``caregivers_forum.csv`` (+ ``caregivers_forum.mapping.yaml``)  generic CSV (caregivers)
* ``gold_phi.jsonl``                 planted identifiers in every publishable post body

Everything is synthetic: members, relatives, clinicians, hospitals, e-mail
addresses, phone numbers (NANP 555-01xx range), street addresses and URLs are
invented. Output is byte-identical for a given seed (stdlib only, no wall clock,
no set iteration, sorted JSON keys, ``\\n`` line ends).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Optional, Union

SEED = 20261123
START = datetime(2024, 1, 1, tzinfo=timezone.utc)
END = datetime(2025, 6, 30, 23, 59, 59, tzinfo=timezone.utc)
SPAN_S = int((END - START).total_seconds())

DISCOURSE_FILE = "discourse_breast_cancer.json"
REDDIT_FILE = "reddit_health.ndjson"
CSV_FILE = "caregivers_forum.csv"
MAPPING_FILE = "caregivers_forum.mapping.yaml"
GOLD_FILE = "gold_phi.jsonl"

LABELS = (
    "PERSON", "USERNAME", "EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS", "ZIP_CODE",
    "DATE_TIME", "AGE", "URL", "HOSPITAL", "LOCATION",
)

P_PHI_POST = 0.40  # posts that deliberately carry identifiers (greetings etc. add a few more)
P_PHI_SLOT = 0.6  # in such a post, chance that a slot which may carry PHI does

Seg = Union[str, tuple]  # plain text, or (label, value)


def W(block: str) -> list[str]:
    """Whitespace-separated words."""
    return block.split()


def L(block: str) -> list[str]:
    """One template per non-blank line."""
    return [ln.strip() for ln in block.strip().splitlines() if ln.strip() and not ln.strip().startswith("#")]


# ---------------------------------------------------------------------------
# Name and place pools (all invented combinations)
# ---------------------------------------------------------------------------

FEMALE = W("""
Jenny Carla Tasha Donna Pamela Rebecca Monique Lauren Heather Kristen Denise Yolanda Brenda
Stacy Megan Alicia Tamara Nicole Priya Rosa Keisha Colleen Wendy Darlene Sonia Beth Melissa
Andrea Lisa Tanya Gretchen Marisol Deb Kathy Shelby Maureen Vanessa Leah Erin Naomi Janelle
Bridget Tina Carmen Hannah Renee Courtney Paula Sheila Julie Lorena Anita Michelle Kelsey
Natalie Simone Dana Theresa Gina Roxanne Abby Valerie
""")
MALE = W("""
Mike Dave Carlos Tom Jason Rick Marcus Steve Brian Kevin Darnell Luis Greg Paul Tony
Scott Derek Ed Victor Andre Neil Raj Eric Doug Kyle Tyler Jamal Omar Gary Phil Sean Nate
Howard Wes Ron Dennis Trevor Hector Keith Alan
""")
NICK = {
    "Jenny": "Jen", "Pamela": "Pam", "Rebecca": "Becky", "Kristen": "Kris", "Tamara": "Tammy",
    "Nicole": "Nikki", "Melissa": "Mel", "Deb": "Deb", "Kathy": "Kath", "Natalie": "Nat",
    "Theresa": "Terri", "Valerie": "Val",
    "Mike": "Mike", "Dave": "Dave", "Steve": "Steve", "Greg": "Greg", "Tony": "Tony",
    "Victor": "Vic", "Andrea": "Andi", "Alicia": "Ali",
}
LAST = W("""
Walsh Brennan Okonkwo Delgado Whitaker Haskins Novak Ferreira Lindgren Marchetti Dubois
Kowalczyk Tran Morrison Gallagher Pruitt Sandoval Hollis Abernathy Yoon Castellano Mbeki
Sorensen Kincaid Fairbanks Ostrowski Villanueva Rutledge Becker Nakamura Quintero Halvorsen
Pemberton Ashby Caldwell Dominguez Farrell Greer Hargrove Iverson Jablonski Keane Lachance
Mackey Nolan Oyelaran Pacheco Rinaldi Stroud Thibodeaux Underwood Vance Wexler Zielinski
Ambrose Bergstrom Crowder Esposito Fenwick Goldberg Hutchins Ingram Jeffries Kessler
""")
ELDER_F = W("Dorothy Marjorie Evelyn Lorraine Shirley Gloria Ruth Doris Norma Irene Phyllis Bernice Mildred Loretta Agnes Beverly Jean Lucille")
ELDER_M = W("Harold Walter Eugene Bernard Arthur Raymond Leonard Gerald Howard Clarence Stanley Vernon Herbert Ernest Lloyd Russell Wallace Milton")
KIDS_F = W("Sarah Emma Olivia Chloe Madison Ava Lily Zoe Hailey Brooke Maya Sophie")
KIDS_M = W("Jacob Ethan Noah Caleb Owen Lucas Dylan Tyler Mason Logan Eli Ryan")
CLIN_LAST = W("""
Patel Okafor Nguyen Chen Rosenberg Alvarez Kowalski Haddad Friedman Osei Lindqvist Moreno
Sato Adeyemi Castillo Iyer Whitfield Raman Kaplan Mehta Obi Schwartz Romero Bhatt Goldstein
Acheampong Ruiz Petrov Tanaka Hoffman Desai Mwangi Lopez Feldman
""")
CLIN_FIRST = W("Priya Samuel Grace Anjali Michael Elena David Amara Robert Leila Jonathan Farah Victor Helen")
NURSE = W("Linda Teresa Amy Kim Joanne Maria Becca Sandra Patty Luz Ruthie Marcy Tonya Jill Kara Bernadette")

CITIES = [  # (city, state, zip prefix)
    ("Springfield", "IL", "627"), ("Dayton", "OH", "454"), ("Fresno", "CA", "937"), ("Tucson", "AZ", "857"),
    ("Boise", "ID", "837"), ("Akron", "OH", "443"), ("Spokane", "WA", "992"), ("Knoxville", "TN", "379"),
    ("Lubbock", "TX", "794"), ("Wichita", "KS", "672"), ("Omaha", "NE", "681"), ("Albany", "NY", "122"),
    ("Savannah", "GA", "314"), ("Madison", "WI", "537"), ("Eugene", "OR", "974"), ("Duluth", "MN", "558"),
    ("Fort Wayne", "IN", "468"), ("Scranton", "PA", "185"), ("Chattanooga", "TN", "374"),
    ("Lexington", "KY", "405"), ("Reno", "NV", "895"), ("Provo", "UT", "846"), ("Pueblo", "CO", "810"),
    ("Tulsa", "OK", "741"), ("Greenville", "SC", "296"), ("Asheville", "NC", "288"),
    ("Burlington", "VT", "054"), ("Cedar Rapids", "IA", "524"), ("Lansing", "MI", "489"),
    ("Rockford", "IL", "611"), ("Shreveport", "LA", "711"), ("Billings", "MT", "591"), ("Fargo", "ND", "581"),
    ("Sioux Falls", "SD", "571"), ("Bakersfield", "CA", "933"), ("El Paso", "TX", "799"),
    ("Toledo", "OH", "436"), ("Erie", "PA", "165"), ("Syracuse", "NY", "132"), ("Worcester", "MA", "016"),
    ("Macon", "GA", "312"), ("Flagstaff", "AZ", "860"), ("Santa Fe", "NM", "875"), ("Missoula", "MT", "598"),
    ("Gainesville", "FL", "326"), ("Tallahassee", "FL", "323"), ("Roanoke", "VA", "240"),
    ("Bangor", "ME", "044"), ("Kalamazoo", "MI", "490"), ("Amarillo", "TX", "791"),
]
STREETS = W("""
Maple Oak Cedar Elm Chestnut Walnut Willow Birch Hickory Linden Juniper Sycamore Magnolia Aspen
Dogwood Laurel Poplar Spruce Hawthorne Primrose Orchard Meadow Ridge Lakeview Hillcrest Sunset
Prairie Briar Stonegate Kingsley Whitmore Ashford
""") + ["Fox Run", "Quail Hollow", "Mill Creek", "Cherry Blossom", "Old Farm", "Deer Park"]
STREET_SUFFIX = L("Avenue|Ave|Street|St.|Drive|Dr|Lane|Ln|Court|Road|Rd|Way|Circle|Place|Blvd".replace("|", "\n"))
AREA_CODES = L("217 937 559 520 208 330 509 865 806 316 402 518 912 608 541 218 260 570 423 859 775 801 719 918 864 828 802 319 517 815".replace(" ", "\n"))
MAIL_DOMAINS = L("gmail.com gmail.com gmail.com yahoo.com outlook.com hotmail.com icloud.com aol.com comcast.net".replace(" ", "\n"))
HOSP_NAMES = L("""
St. Vincent|Mercy General|Riverside|Lakeview|Northshore|Good Samaritan|Sacred Heart|Valley View|
Summit|Cedar Grove|Pine Ridge|Harbor View|St. Luke's|Providence Park|Fairview|Westbrook|Bayside|
Brookhaven|Oakwood|Evergreen|Silver Lake|St. Agnes|Mount Carmel|Prairie Hills|Crestwood|Three Rivers
""".replace("|", "\n"))
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTH_ABBR = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# ---------------------------------------------------------------------------
# Shared patient-voice content (breast cancer, type 2 diabetes, MS)
# ---------------------------------------------------------------------------

PATIENT = {
    "side_effects": {
        "open": L("""
            I started {drug} about {dur} ago and the {se} has been rough.
            The {se} from {drug} is getting worse instead of better.
            {doc} says the {se} should settle down, but it has been {dur} now.
            Some days the {se} is so bad I can barely get off the couch.
            I was warned about {se} but nobody said it could last this long.
            I have been keeping a symptom diary and the {se} is worst in the evenings.
            On top of the {se} I now have {se2}, which nobody mentioned.
            I honestly can't tell if the {se} is the drug or just my life right now.
            {fam} noticed the {se} before I did.
            I take {drug} exactly the way they told me and I still get {se}.
            I'm only {dur} in and already dreading every dose because of the {se}.
            The {se} comes and goes, but when it comes it knocks me flat.
            I mentioned the {se} at my last appointment and it was brushed off.
            Between the {se} and the {se2} I feel like a different person.
            I'm sleeping badly, I'm irritable, and the {se} is the main reason.
            I started {drug} {date_on} and the {se} kicked in within days.
            I'm {age} and I never expected {se} to hit me this hard.
        """),
        "ask": L("""
            Does the {se} ever get better on {drug}?
            Has anyone found anything that actually helps with the {se}?
            How long did your {se} last before it eased up?
            Is it normal to have {se} this early on {drug}?
            Did anyone push through the {se} or did you switch?
            What do you do on the really bad {se} days?
        """),
        "reply": L("""
            The {se} was terrible for me for the first {dur} and then it eased off.
            I had the same {se} on {drug} and what helped was {remedy}.
            Please tell {ydoc} about the {se}, there are things they can adjust.
            I still get some {se} but it's manageable now.
            Taking it at night made a big difference for the {se}.
            My {se} got better once I started {remedy}.
            Hang in there, the first few weeks on {drug} were the hardest for me.
            I ended up on a lower dose and the {se} mostly went away.
            Nobody warned me about the {se} either, you are not imagining it.
            Keep a log of the {se} and bring it to your next appointment, it helped me be taken seriously.
            {remedy} is worth a try, it took the edge off the {se} for me.
            I had {se2} more than {se}, everyone seems to react differently to {drug}.
            The {se} never fully went away for me, but I learned to plan around it.
            Ask about {remedy}, my {docrole} suggested it and I wish I had started sooner.
        """),
        "update": L("""
            Update: I talked to {doc} and we're trying {remedy} for the {se}.
            Small update, the {se} is a bit better this week.
            I called the nurse line about the {se} and they want to see me {when_next}.
        """),
    },
    "cost_insurance": {
        "open": L("""
            My copay for {drug} went from {money} to {money2} a month when the new plan year started.
            {insurer} denied {drug} again and now {doc} has to do another prior authorization.
            They want me to fail two cheaper drugs first before they will cover {drug}, step therapy at its worst.
            The pharmacy said the prior authorization for {drug} expired and nobody told me.
            I hit the coverage gap and suddenly {drug} costs {money2} out of pocket.
            The manufacturer copay card for {drug} does not work because I'm on Medicare.
            I have spent hours on the phone between the pharmacy, {insurer} and {doc}'s office.
            I've started stretching my {drug} to make it last until payday.
            We have decent insurance and it still costs {money} a month for {drug}.
            Our deductible resets every year and the first few months are brutal.
            I got a bill for {money2} for a {test} that was supposed to be covered.
            The appeal took {dur} and I went without {drug} the whole time.
            I can't afford {drug} and I'm too embarrassed to tell my doctor.
            The appeal was filed {date_on} and I'm still waiting.
            The billing office at {hospname} says the {test} was out of network even though they are in network.
            My employer changed plans and now {drug} is not on the formulary.
        """),
        "ask": L("""
            Has anyone had luck with a patient assistance program for {drug}?
            How do you appeal a denial like this?
            Is there a copay card that works with {insurer}?
            Does anyone know a foundation that helps with {drug} costs?
            What do you say to the insurance company to get them to approve it?
            How are you all affording this?
        """),
        "reply": L("""
            Call the manufacturer directly, they have a patient assistance program for {drug} that covered mine.
            Ask your doctor's office for a peer-to-peer review with the insurer, that is how mine got approved.
            The social worker at {hosp} helped me find a foundation grant.
            I appealed twice and won the second time, don't give up.
            Check the copay card website, mine brought {drug} down to {money}.
            We switched to mail order and it saved us about {money} a month.
            It's criminal what this costs, I'm so sorry you are dealing with it.
            My pharmacist told me to ask for a 90-day supply, which cut the cost a bit.
            Our plan made us try a cheaper drug first too, step therapy is a nightmare.
            I keep a folder with every denial letter and call reference number, it helps when you appeal.
            If you are on Medicare, look into Extra Help, it lowered my drug costs a lot.
            Don't stretch your doses, tell your doctor, they may have samples.
        """),
        "update": L("""
            Update: the appeal went through and {drug} is covered for a year.
            The patient assistance program approved me, thank you all for the push.
            Still fighting with {insurer}, but I have a peer-to-peer scheduled {when_next}.
        """),
    },
    "clinical_trials": {
        "open": L("""
            {doc} brought up a clinical trial for {cond} and I don't know what to think.
            The trial site is {dist} away and the visits are {interval}.
            I'm worried about getting the placebo and losing time.
            I didn't qualify because of my {exclusion}.
            Part of me wants to do it so the next person has better options.
            I can't take that much time off work for the study visits.
            They said the trial pays for travel but I have to front the money and wait for reimbursement.
            I searched the clinical trials website for hours and still couldn't tell what I was eligible for.
            The consent form was thirty pages and I didn't understand half of it.
            I'm in a trial for {cond} right now and the extra monitoring is actually reassuring.
            The study needs extra blood draws and a {test} every visit, which is a lot.
            My {docrole} isn't involved in the trial, so I'd be seeing a whole new team.
            The trial site is at {hospname}, about {dist} from {city}.
            My screening visit is {date_on} and I'm already nervous.
        """),
        "ask": L("""
            Has anyone here done a trial, and was it worth it?
            How did you handle the travel for study visits?
            What questions should I ask the study coordinator?
            Did anyone get the placebo and regret joining?
            Can you leave a trial if it's not working for you?
        """),
        "reply": L("""
            I did a trial a few years ago and the research nurses were more attentive than my regular team.
            You can withdraw at any time, that was what made me comfortable signing.
            Ask whether they reimburse mileage and parking, mine did.
            I was worried about placebo too, but mine was placebo plus standard treatment so I wasn't going without.
            The travel wore me out, I drove {dist} each way every visit.
            I joined because I wanted {kid} to have better options someday.
            Ask the coordinator for the full visit schedule before you sign, it was more visits than I expected.
            My employer let me use sick time for the study visits, check your HR policy.
            I didn't qualify for three different trials, the eligibility rules are so narrow.
            Bring someone to the consent appointment, there is so much information.
            The trial team at {hosp} was wonderful, I'd do it again.
            I wish trials were closer to home, I had to turn one down because of the distance.
            I did my trial at {hospname} and they reimbursed every mile.
        """),
        "update": L("""
            Update: I signed the consent form and my screening visit is {when_next}.
            I decided not to join, the travel was just too much with work.
            Screening update, I didn't make it in because of my {exclusion}.
        """),
    },
    "info_gaps": {
        "open": L("""
            Nobody told me that {drug} could cause {se}.
            {doc} never explained what my {test} results actually meant.
            I had to find out about the {se} from this forum, not from my care team.
            I wish someone had told me how long recovery would really take.
            I left the appointment with a pamphlet and no real answers.
            The discharge papers said to call if anything seemed off, but nobody told me what off looks like.
            My appointments are ten minutes long and I never get to ask everything.
            I found out from the pharmacy printout that {drug} interacts with another medication I take.
            No one explained how long I would need to stay on {drug}.
            I didn't know I could ask for a copy of my {test} report until last week.
            Everything online is either terrifying or written for doctors.
            My {docrole} talks so fast and uses words I don't understand.
        """),
        "ask": L("""
            Where do you all get reliable information about {cond}?
            Is there a good list of questions to bring to the {docrole}?
            Am I wrong to expect someone to explain this to me?
            Did your team give you anything in writing?
        """),
        "reply": L("""
            Nobody told me either, I learned most of what I know from people here.
            Write your questions down before the visit and hand the list to {ydoc} at the start.
            Ask for the nurse line number, they have more time to explain than the {docrole}.
            Request your records through the patient portal, you are entitled to them.
            I bring {fam} to every appointment so someone else hears it too.
            It took me months to understand my {test} results, you are not alone.
            The pharmacist actually explained {drug} better than anyone else did.
            I wish there was one place that explained all this in plain language.
            Ask them to draw it out for you, my {docrole} did that and it finally clicked.
            I record my appointments on my phone now, with permission, so I can listen again.
            {nurse} was the one who finally explained everything to me.
        """),
        "update": L("""
            I asked for a longer appointment to go over everything and they said yes.
            Update: I got my {test} report and went through it line by line with {nurse}.
        """),
    },
    "emotional_support": {
        "open": L("""
            Today was a hard day and I just needed to say it somewhere.
            I feel like I'm supposed to be grateful and positive all the time and I'm just tired.
            My family thinks I should be over this by now.
            I cried in the car after my appointment and I don't even know why.
            The anxiety before every {test} is taking over my life.
            Some days I feel fine and then it hits me all over again.
            I don't want to burden {fam} with how scared I am.
            I've been pulling away from friends because I don't know what to say to them.
            Everyone keeps telling me I look great, but I don't feel great.
            I started seeing a therapist and it helps a little.
            I feel so alone with this even though people around me are trying.
            I snapped at {kid} this morning and I feel awful about it.
            If anyone in the {city} area wants to grab coffee and talk, I'd love that.
        """),
        "ask": L("""
            How do you all cope with the waiting and the worry?
            Does it ever get easier?
            Is anyone else just exhausted from being brave?
            How did you tell your kids?
        """),
        "reply": L("""
            Sending you a big hug, you don't have to be positive all the time.
            It does get easier, even if it doesn't feel like it right now.
            Your feelings are completely valid.
            A therapist who works with {cond} patients changed everything for me.
            I still get anxious before every {test}, you're in good company.
            We're here for you, come vent any time.
            Be gentle with yourself today.
            Please reach out to your team if the sadness doesn't lift, there is help.
            {fam} and I started a short walk together every night and it helps me talk.
            I felt exactly like this last year and I'm in a much better place now.
            You are not a burden, the people who love you want to know.
            Some days are just for surviving, and that is enough.
        """),
        "update": L("""
            Thank you all, reading this made me feel less alone.
            I had a better day today, thank you for the kind words.
        """),
    },
    "care_coordination": {
        "open": L("""
            My {docrole} and my primary care doctor don't talk to each other at all.
            I've been waiting {dur} for a referral to {specialist}.
            {hosp} and my local clinic use different systems so my records never follow me.
            I had to carry my own {test} images across town because the records were not sent.
            Nobody can tell me who is actually in charge of my care.
            The pharmacy never got the new prescription for {drug} and everyone blames someone else.
            I've repeated my whole history to four different people this month.
            The scheduler cancelled my {test} and didn't reschedule it.
            My portal shows results but nobody has called to go over them.
            I got two different answers from two different doctors on the same day.
            My records from {hospname} still haven't reached my new {docrole} in {city}.
        """),
        "ask": L("""
            How do you get your doctors to actually communicate?
            Is there someone whose job is to coordinate all this?
            How long did your referral take?
            Should I just show up at the office and ask?
        """),
        "reply": L("""
            Ask if your hospital has a nurse navigator, ours handled all the scheduling.
            I call every Monday until the referral goes through, squeaky wheel and all that.
            I keep a binder with every report and bring it to every appointment.
            Sign the records release at each office so they can share directly.
            {nurse} was the only one who could get the offices talking.
            I finally asked my primary care doctor to be the quarterback and it helped.
            Our referral took {dur} too, it's a broken system.
            Ask for the referral number and call the specialist yourself.
            Send a portal message, it leaves a paper trail and they have to answer.
        """),
        "update": L("""
            Update: the referral finally came through and I'm seeing {specialist} {when_next}.
            I went to the office in person and it got sorted in ten minutes.
        """),
    },
    "diagnosis_journey": {
        "open": L("""
            I was diagnosed with {cond} {when_dx} and I'm still in shock.
            It took {dur} and three doctors before anyone took my symptoms seriously.
            The {test} came back abnormal and then everything moved so fast.
            I'm waiting on {test} results and the waiting is the worst part.
            I keep going back over the signs I ignored.
            My first appointment with the {docrole} is {when_next} and I don't know what to ask.
            I got the diagnosis over the phone while I was at work.
            I haven't told anyone except {fam} yet.
            I'm {age} and was diagnosed with {cond} {when_dx}.
            I was diagnosed at {age}, which my {docrole} said is young for this.
            My biopsy was {date_on} and the call came two days later.
        """),
        "ask": L("""
            What do you wish you had known right after diagnosis?
            What should I ask at my first appointment?
            How long did it take you to feel normal again?
        """),
        "reply": L("""
            The waiting is the worst part, it gets better once you have a plan.
            Write everything down, the first appointments are a blur.
            Welcome, I'm sorry you have to be here but this group is amazing.
            I was diagnosed {when_dx} and I'm doing well now, there is hope.
            Take someone with you to the first appointment.
            Ask for a copy of your reports and your {test} results.
            Don't google at two in the morning, ask us instead.
            It took me a long time to get diagnosed too, trust your gut.
            Give yourself time, the shock fades and you find your footing.
        """),
        "update": L("""
            Update: I met the {docrole} and we have a plan, I feel so much better.
            The {test} results are in and it's what we hoped for.
        """),
    },
    "daily_life_work": {
        "open": L("""
            I'm back at work part time and the fatigue hits me by early afternoon.
            I haven't told my boss about my {cond} yet.
            Grocery shopping wipes me out for the rest of the day.
            I had to cut back my hours and money is tight.
            I'm trying to exercise again but I don't know how hard to push.
            Cooking for my family while dealing with {se} is so hard.
            I asked HR about accommodations and they were surprisingly helpful.
            Travel is complicated now with all my meds and appointments.
            I'm learning to say no to things, which is new for me.
            My coworkers don't understand why I need breaks.
            I'm {age} and still working full time, and some weeks it's too much.
            We moved to {city} for work and I had to start over with new doctors.
        """),
        "ask": L("""
            How do you all manage working full time?
            Did you tell your employer?
            What accommodations did you ask for?
            How do you plan your day around the fatigue?
        """),
        "reply": L("""
            I work from home two days a week now and it made a huge difference.
            I didn't tell my boss for a year, then wished I had sooner.
            FMLA saved me, ask HR about intermittent leave.
            I plan one big thing per day and rest the rest of the time.
            Walking twenty minutes a day helps my energy more than I expected.
            Batch cooking on good days is my survival trick.
            I set alarms for my meds and my breaks or I forget.
            Be honest with your family about what you can and can't do.
            A standing desk and a fan at my workstation were my only accommodations and they helped.
        """),
        "update": L("""
            I talked to HR today and I'm getting a flexible schedule.
            Took your advice and rested this weekend, feeling better.
        """),
    },
    "stopping_switching": {
        "open": L("""
            I stopped taking {drug} {dur} ago and haven't told {doc} yet.
            I've been skipping doses of {drug} on weekends because of the {se}.
            {doc} wants to switch me from {drug} to {drug2} and I'm nervous.
            I'm thinking about quitting {drug} altogether, the {se} is ruining my quality of life.
            I took a two week break from {drug} and felt like a new person.
            I switched to {drug2} and the {se} is better but now I have new problems.
            The guilt of stopping is almost as bad as the side effects.
            I feel like nobody understands why I want to stop {drug}.
            I keep forgetting doses of {drug} and I'm not sure it matters anymore.
        """),
        "ask": L("""
            Has anyone switched from {drug} to {drug2}?
            Did anyone take a break from {drug} and restart?
            How did you decide it was time to stop?
            What happened when you stopped?
        """),
        "reply": L("""
            I switched from {drug} to {drug2} and it was much easier for me.
            Please talk to {ydoc} before stopping, there may be another option.
            I took a break and restarted at a lower dose, which worked.
            Quality of life matters too, you're allowed to weigh that.
            I stopped for {dur} and the {se} went away completely.
            My {docrole} let me try {drug2} after I explained the {se}.
            I skipped doses for a while too and felt so guilty, you're not alone.
            Write down how you feel on and off it, it helped me decide.
            I went back on {drug} after a break and the {se} was milder the second time.
        """),
        "update": L("""
            Update: {doc} agreed to switch me to {drug2}, fingers crossed.
            I restarted {drug} at a lower dose and so far so good.
        """),
    },
    "caregiver_burden": {
        "open": L("""
            {fam} has been carrying the whole household since my diagnosis and it's wearing on us.
            I'm posting as the partner, not the patient, and I'm running on empty.
            I feel guilty watching {fam} take time off work for my appointments.
            Who takes care of the caregiver?
            My kids have had to grow up fast because of my {cond}.
        """),
        "ask": L("""
            How do your partners cope?
            Are there support groups for spouses and family?
        """),
        "reply": L("""
            My partner found a support group for spouses online and it helped a lot.
            Encourage them to take time for themselves, even one afternoon a week.
            Caregiver burnout is real, make sure they get a break too.
            We set up a meal train with friends so {fam} didn't have to cook every night.
            Counseling together helped us talk about it without fighting.
        """),
        "update": L("""
            We talked last night and agreed to ask for more help from family.
        """),
    },
}

# ---------------------------------------------------------------------------
# Communities
# ---------------------------------------------------------------------------

BC = {
    "drugs": {
        "tamoxifen": ["hot flashes", "night sweats", "leg cramps", "mood swings", "weight gain", "brain fog"],
        "letrozole": ["joint pain", "stiff hands", "hot flashes", "fatigue", "trigger finger", "bone pain"],
        "anastrozole": ["joint pain", "morning stiffness", "hair thinning", "insomnia", "vaginal dryness"],
        "exemestane": ["joint pain", "fatigue", "hot flashes", "muscle aches"],
        "Herceptin": ["fatigue", "diarrhea", "runny nose", "chills during infusions"],
        "Ibrance": ["fatigue", "low white counts", "mouth sores", "hair thinning"],
        "Kisqali": ["nausea", "low white counts", "fatigue", "elevated liver enzymes"],
        "Verzenio": ["diarrhea", "fatigue", "nausea", "low white counts"],
        "Taxol": ["neuropathy", "hair loss", "fatigue", "bone pain"],
    },
    "drug_weights": {"tamoxifen": 4, "letrozole": 4, "anastrozole": 3, "exemestane": 2, "Herceptin": 2,
                     "Ibrance": 2, "Kisqali": 2, "Verzenio": 2, "Taxol": 2},
    "remedy": L("""
        acupuncture
        walking every day
        a cooling pillow
        yoga twice a week
        switching to a different generic
        vitamin D
        a heating pad
        magnesium at night
        stretching before bed
        ice mitts during infusions
        a low dose of venlafaxine
        Claritin before the shot
    """),
    "test": L("mammogram\nbone scan\nPET scan\necho\nbloodwork\nCT scan\nbone density scan\nbreast MRI"),
    "docrole": L("oncologist\nonc\nmedical oncologist\nbreast surgeon\nradiation oncologist"),
    "nurse_role": L("nurse\nnurse navigator\ninfusion nurse\noncology nurse"),
    "cond": L("breast cancer\nER+ breast cancer\nstage 2 IDC\nHER2+ breast cancer\nDCIS\ntriple negative breast cancer\nmetastatic breast cancer"),
    "specialist": L("a lymphedema therapist\nphysical therapy\na cardiologist\na genetic counselor\na plastic surgeon"),
    "exclusion": L("prior chemo\nheart function\nliver numbers\nbrain mets history\nbone density"),
    "hosp_kind": L("Cancer Institute\nBreast Center\nCancer Center\nMedical Center\nHospital"),
    "hosp_plain": L("the cancer center\nmy cancer center\nthe infusion center\nthe hospital\nthe breast center"),
    "word": L("pink sunflower butterfly ribbon brave survivor boobless flatandfab chemo tatas".replace(" ", "\n")),
    "female": 0.97,
    "extra": {
        "side_effects": {
            "open": L("""
                My fingers lock up in the morning on {drug} and I can't open jars.
                The hot flashes wake me up five or six times a night.
                Hair loss was harder for me than the surgery, I didn't expect that.
                Lymphedema in my arm started after the node removal.
                My joints feel like I'm ninety when I get out of bed.
                The neuropathy in my feet from Taxol hasn't gone away.
                My counts were too low so they held my Ibrance for a week.
            """),
            "reply": L("""
                For the AI joint pain, switching from letrozole to exemestane helped me.
                Cold capping saved most of my hair, ask your infusion center about it.
                Get a referral to a lymphedema therapist early, the sleeve helps.
                Ice mitts during Taxol kept my neuropathy mild.
                Venlafaxine took the hot flashes from ten a day to two.
            """),
        },
        "diagnosis_journey": {
            "open": L("""
                I found the lump myself in the shower and the mammogram had missed it.
                My oncotype score came back intermediate and now I have to decide about chemo.
                I'm three weeks out from my lumpectomy and radiation starts soon.
                I'm considering a double mastectomy and the reconstruction options are overwhelming.
                The biopsy showed two spots, not one, and my whole plan changed.
            """),
            "reply": L("""
                Ask about an oncotype test if you are deciding about chemo.
                I'm five years out from a stage 2 diagnosis and doing well.
                Going flat was the right choice for me, there's a great group for that.
                Radiation was easier than I feared, mostly tiredness and a sunburn feeling.
            """),
        },
        "stopping_switching": {
            "open": L("""
                I'm on {drug} plus a monthly shot to shut down my ovaries and I want off.
                Five more years of {drug} feels impossible right now.
            """),
            "reply": L("""
                I took a month off the AI and restarted on exemestane, much better.
                My onc said some protection is better than none, so we found a dose I could live with.
            """),
        },
    },
    "titles": {
        "side_effects": L("""
            {se} on {drug} - does it get better?
            {drug} and {se}
            How long did your {se} last?
            Tips for {se}?
            Struggling with {se} three weeks in
            Anyone else on {drug} with {se}?
        """),
        "cost_insurance": L("""
            Insurance denied {drug}
            Prior auth nightmare
            Copay for {drug} doubled this year
            Help paying for {drug}?
            Appealing a denial - what worked for you
        """),
        "clinical_trials": L("""
            Offered a clinical trial - pros and cons?
            Trial travel is killing me
            Placebo worries
            Did not qualify for the trial
            Anyone in a {drug} trial?
        """),
        "info_gaps": L("""
            Why didn't anyone tell me this?
            Questions to ask your oncologist
            Confused about my {test} report
            Nobody explained {drug}
        """),
        "emotional_support": L("""
            Rough day
            Scanxiety is real
            Does it get easier?
            Feeling alone in this
            Just need to vent
        """),
        "care_coordination": L("""
            My doctors don't talk to each other
            Waiting forever for a referral
            Records not transferred again
            Who is in charge of my care?
        """),
        "diagnosis_journey": L("""
            Just diagnosed and terrified
            Waiting on biopsy results
            Newly diagnosed, what now?
            Oncotype results and decisions
            Lumpectomy or mastectomy?
        """),
        "daily_life_work": L("""
            Going back to work after treatment
            Fatigue at work
            Telling my boss
            Exercise after surgery
        """),
        "stopping_switching": L("""
            Thinking about stopping {drug}
            Switching from {drug} to {drug2}
            Taking a break from {drug}
            Skipping doses - guilty confession
        """),
        "caregiver_burden": L("""
            For the partners and husbands
            My family is worn out
        """),
    },
    "theme_weights": {
        "side_effects": 18, "cost_insurance": 10, "clinical_trials": 8, "info_gaps": 9,
        "emotional_support": 12, "care_coordination": 7, "diagnosis_journey": 12, "daily_life_work": 8,
        "stopping_switching": 10, "caregiver_burden": 3,
    },
}

T2D = {
    "drugs": {
        "metformin": ["diarrhea", "stomach cramps", "nausea", "bloating", "metallic taste"],
        "Ozempic": ["nausea", "constipation", "fatigue", "acid reflux", "sulfur burps", "loss of appetite"],
        "Mounjaro": ["nausea", "constipation", "injection-site itching", "fatigue", "heartburn"],
        "Trulicity": ["nausea", "diarrhea", "injection-site redness", "fatigue"],
        "Jardiance": ["yeast infections", "frequent urination", "UTIs", "dehydration"],
        "Farxiga": ["yeast infections", "frequent urination", "UTIs", "dizziness"],
        "insulin glargine": ["low blood sugars", "weight gain", "injection-site lumps", "night-time lows"],
    },
    "drug_weights": {"metformin": 5, "Ozempic": 4, "Mounjaro": 4, "Trulicity": 2, "Jardiance": 2, "Farxiga": 2,
                     "insulin glargine": 3},
    "glp1": ["Ozempic", "Mounjaro", "Trulicity"],
    "remedy": L("""
        eating smaller meals
        taking it with dinner
        the extended release version
        avoiding greasy food
        drinking more water
        ginger chews
        a slower dose increase
        walking after meals
        rotating injection sites
        keeping glucose tabs on me
        a CGM
        cutting back on carbs at night
    """),
    "test": L("A1C\nfasting glucose\nkidney panel\neye exam\nlipid panel\nfoot exam\nbloodwork"),
    "docrole": L("endo\nendocrinologist\nPCP\nprimary care doctor\ndiabetes doctor"),
    "nurse_role": L("diabetes educator\nCDE\nnurse\ndietitian"),
    "cond": L("type 2\ntype 2 diabetes\nT2\ndiabetes"),
    "specialist": L("an endocrinologist\na dietitian\na podiatrist\nan eye specialist\na kidney doctor"),
    "exclusion": L("A1C being too high\nkidney numbers\nBMI\nheart history\nage"),
    "hosp_kind": L("Diabetes Center\nEndocrinology Clinic\nFamily Practice\nMedical Center\nHospital"),
    "hosp_plain": L("the clinic\nthe diabetes center\nmy doctor's office\nthe hospital\nthe endo clinic"),
    "word": L("sugar glucose carb insulin a1c lowcarb diabeetus t2 keto cgm".replace(" ", "\n")),
    "female": 0.5,
    "extra": {
        "side_effects": {
            "open": L("""
                I had a low of 54 in the middle of the night and it scared me.
                I've lost thirty pounds on {drug} but the nausea is constant.
                The sulfur burps on {drug} are so embarrassing at work.
                Metformin sends me running to the bathroom every morning.
                I keep getting yeast infections since I started {drug}.
            """),
            "reply": L("""
                The extended release metformin is so much easier on the stomach.
                Keep glucose tabs in your car and on your nightstand.
                Smaller meals and stopping before you feel full helped my nausea on the shot.
                Drink a lot of water on Jardiance, it made a big difference for me.
            """),
        },
        "daily_life_work": {
            "open": L("""
                I got a CGM and seeing the spikes after rice was eye-opening.
                My fasting numbers are always higher than my bedtime numbers.
                The dawn phenomenon is driving me crazy.
                Portion sizes and walking after dinner got me off insulin.
                Eating out with friends is the hardest part of this for me.
                Night shifts make it impossible to keep my numbers steady.
            """),
            "reply": L("""
                Walking for fifteen minutes after meals brings my numbers down a lot.
                Test two hours after eating to see what each meal does.
                Low carb breakfasts fixed my morning spikes.
                A small protein snack before bed helped my fasting numbers.
                I meal prep on Sundays so I'm not grabbing junk during the week.
            """),
        },
        "diagnosis_journey": {
            "open": L("""
                My A1C came back at 10.2 and my doctor said I have diabetes.
                I had no symptoms at all, it showed up on routine bloodwork.
                My A1C went from 9.1 to 6.8 in six months on {drug}.
                I feel like everyone blames me for getting type 2.
            """),
            "reply": L("""
                My A1C was over 11 at diagnosis and it's 6.2 now, it can be done.
                Type 2 is not a moral failing, genetics play a huge role.
                Get a meter and test everything for the first month, you learn so much.
            """),
        },
    },
    "titles": {
        "side_effects": L("""
            {drug} side effects - {se}
            {se} on {drug}, does it go away?
            Anyone else get {se} from {drug}?
            Scary low last night
            Is {se} normal on {drug}?
        """),
        "cost_insurance": L("""
            Insurance denied {drug}
            Prior authorization for {drug} - help
            {drug} copay went up again
            How do you afford your meds?
            Step therapy before {drug}?
        """),
        "glp1_shortage": L("""
            Can't find {drug} anywhere
            {drug} shortage again?
            Pharmacy says {drug} is backordered
            Insurance dropped {drug} coverage
            Compounded semaglutide - safe?
            Paying cash for {drug}?
            Off {drug} for weeks because of the shortage
        """),
        "clinical_trials": L("""
            Anyone done a diabetes drug trial?
            Got a letter about a study
            Trial for a new weekly insulin
            Placebo and blood sugar worries
        """),
        "info_gaps": L("""
            Nobody explained my A1C
            What I wish my doctor told me
            Questions for my endo
            Confused about {drug}
        """),
        "emotional_support": L("""
            Diabetes burnout
            Tired of thinking about food all day
            Feeling judged
            Need some encouragement
        """),
        "care_coordination": L("""
            Waiting months for an endo appointment
            Pharmacy and doctor blaming each other
            Records not shared between offices
            Referral limbo
        """),
        "diagnosis_journey": L("""
            Just diagnosed with type 2
            A1C of 10, where do I start?
            Prediabetes turned into diabetes
            Newly diagnosed and overwhelmed
        """),
        "daily_life_work": L("""
            Dawn phenomenon help
            CGM changed everything
            Managing numbers with shift work
            Meal ideas that don't spike me
            Exercise and blood sugar
        """),
        "stopping_switching": L("""
            Stopping {drug}?
            Switched from {drug} to {drug2}
            Skipping {drug} doses
            Off insulin finally
        """),
        "caregiver_burden": L("""
            My spouse is the one with diabetes
            Family support question
        """),
    },
    "theme_weights": {
        "side_effects": 15, "cost_insurance": 11, "glp1_shortage": 0, "clinical_trials": 5, "info_gaps": 8,
        "emotional_support": 9, "care_coordination": 6, "diagnosis_journey": 10, "daily_life_work": 14,
        "stopping_switching": 9, "caregiver_burden": 2,
    },
    "emerging": "glp1_shortage",
    "emerging_max": 0.55,
}

T2D_GLP1 = {
    "open": L("""
        Three pharmacies in a row told me {drug} is backordered.
        I've been without {drug} for {dur} because of the shortage and my numbers are creeping up.
        My plan stopped covering {drug} unless I have a diabetes code on file, and it's on file, and they still denied it.
        The cash price of {drug} is over {bigmoney} a month.
        My pharmacist suggested a compounded version but I'm nervous about it.
        People using it for weight loss can find it when diabetics can't.
        I had to restart at the lowest dose after missing weeks of {drug} and the nausea is back.
        Every month I spend hours calling pharmacies to find my dose of {drug}.
        The manufacturer savings card capped out and now I can't afford {drug}.
        I got switched to {drug2} because {drug} wasn't available and my blood sugar is all over the place.
        My insurance now says {drug} needs a new prior authorization every six months.
        The shortage list says my dose is available, but no pharmacy near me has it.
        The pharmacy finder says nobody within thirty miles of {zip} has it in stock.
        I called every pharmacy in {city} and none of them had {drug}.
        I've been out of {drug} since {date} and nobody can tell me when it's coming back.
    """),
    "ask": L("""
        Has anyone found a pharmacy that actually has {drug} in stock?
        Is compounded semaglutide safe?
        What are you doing while you wait for the shortage to end?
        Did anyone get an appeal approved for {drug} this year?
        How are you paying for {drug} now?
    """),
    "reply": L("""
        Call small independent pharmacies, they sometimes have stock when the chains don't.
        I switched to {drug2} during the shortage and it's been fine.
        Ask {ydoc} for a prescription for the next dose down, it's sometimes easier to find.
        Check the FDA shortage list, it tells you which doses are affected.
        I stayed away from compounded versions, too many unknowns for me.
        My A1C went up a full point while I was off it.
        The savings card helped until my insurance stopped covering it, now nothing works.
        It's infuriating that we have to fight this hard for a drug that works.
        Mail order has been more reliable than my local pharmacy.
        I ended up back on metformin plus Jardiance while {drug} was out of stock.
        The cash price made me cry at the counter, I'm so sorry.
    """),
    "update": L("""
        Update: found {drug} at a small pharmacy two towns over.
        Update: the appeal was approved, but only for three months.
        Still no luck, {doc} switched me to {drug2} for now.
    """),
}

MS = {
    "drugs": {
        "Ocrevus": ["infusion reactions", "sinus infections", "fatigue", "itchy throat", "UTIs"],
        "Tecfidera": ["flushing", "stomach pain", "diarrhea", "low lymphocytes"],
        "Copaxone": ["injection-site reactions", "lipoatrophy", "chest tightness", "welts"],
        "Kesimpta": ["flu-like symptoms", "headaches", "injection-site redness", "fatigue"],
        "Aubagio": ["hair thinning", "diarrhea", "nausea", "elevated liver enzymes"],
        "Tysabri": ["headaches", "fatigue", "joint pain", "infusion-day exhaustion"],
        "Mavenclad": ["low lymphocytes", "fatigue", "headaches", "cold sores"],
    },
    "drug_weights": {"Ocrevus": 5, "Tecfidera": 3, "Copaxone": 3, "Kesimpta": 4, "Aubagio": 2, "Tysabri": 2,
                     "Mavenclad": 2},
    "remedy": L("""
        icing the injection site
        taking aspirin before the dose
        a cooling vest
        an afternoon nap
        physical therapy
        Benadryl before the infusion
        eating some peanut butter first
        letting the pen warm up to room temperature
        Tylenol the night before
        pacing my energy
        cold showers
        a weighted blanket
    """),
    "test": L("MRI\nlumbar puncture\nJCV test\nbloodwork\nevoked potentials test\neye exam\nlymphocyte count"),
    "docrole": L("neuro\nneurologist\nMS specialist\nMS doctor"),
    "nurse_role": L("MS nurse\ninfusion nurse\nnurse\nnurse practitioner"),
    "cond": L("MS\nRRMS\nrelapsing MS\nmultiple sclerosis\nPPMS"),
    "specialist": L("an MS specialist\nphysical therapy\na urologist\na neuro-ophthalmologist\npelvic floor therapy"),
    "exclusion": L("lesion count\nEDSS score\nprevious DMTs\nlymphocyte count\nage"),
    "hosp_kind": L("MS Center\nNeurology Associates\nInfusion Center\nMedical Center\nHospital"),
    "hosp_plain": L("the infusion center\nthe MS center\nthe neuro clinic\nthe hospital\nmy clinic"),
    "word": L("ms spoonie lesion myelin neuro warrior wobbly tingly numbfoot".replace(" ", "\n")),
    "female": 0.72,
    "extra": {
        "side_effects": {
            "open": L("""
                The flushing from Tecfidera makes me look like a tomato for an hour.
                My infusion day is the only day I get to sit still for six hours.
                I get a fever and chills the day after every Kesimpta shot.
                The welts from Copaxone last for days.
                My lymphocytes dropped and now they want to pause treatment.
            """),
            "reply": L("""
                A baby aspirin thirty minutes before Tecfidera killed the flushing for me.
                The Kesimpta flu-like symptoms stopped after the third month.
                Ocrevus every six months has been easy for me, tired for a day or two.
                Rotate sites and ice before and after, that helped my Copaxone welts.
            """),
        },
        "daily_life_work": {
            "open": L("""
                The heat this summer makes my symptoms flare every afternoon.
                Cog fog at work is my biggest fear.
                Bladder urgency is the symptom nobody warned me about.
                I use a cane on bad days and I'm still embarrassed about it.
                I fell in the grocery store and now I'm scared to go alone.
            """),
            "reply": L("""
                A cooling vest was a game changer for me in the heat.
                Pelvic floor PT helped my bladder issues so much.
                I use a cane on bad days and stopped feeling embarrassed about it.
                Ask about a disability parking placard, it saves spoons.
                I keep a notebook at work for everything, cog fog and all.
            """),
        },
        "diagnosis_journey": {
            "open": L("""
                I had my first relapse in two years and my left leg is numb.
                My MRI showed two new lesions even though I feel fine.
                Optic neuritis was how this all started for me.
                The lumbar puncture confirmed it and I'm still processing.
                I had numbness for years before anyone ordered an MRI.
            """),
            "reply": L("""
                New lesions without symptoms are common, but it's worth discussing a switch.
                Steroids for a relapse made me feel wired and awful, but they worked.
                Most of us went through years of vague symptoms, you're not crazy.
                Early treatment made a huge difference for me.
            """),
        },
        "stopping_switching": {
            "open": L("""
                I tested JCV positive so Tysabri is off the table now.
                I'm stable on {drug} for years and wondering about stopping at my age.
            """),
            "reply": L("""
                I went from Tecfidera to Kesimpta after new lesions and I'm stable now.
                My neuro switched me off Tysabri when my JCV index went up.
            """),
        },
    },
    "titles": {
        "side_effects": L("""
            {drug} side effects
            {se} after {drug}?
            Does the {se} on {drug} stop?
            Infusion day tips
            Anyone else get {se}?
        """),
        "cost_insurance": L("""
            Insurance won't cover {drug}
            {drug} copay assistance?
            Specialty pharmacy headaches
            Prior auth for my DMT
        """),
        "clinical_trials": L("""
            Anyone in a BTK inhibitor trial?
            Considering an MS trial
            Trial travel and work
            Placebo arm worries
        """),
        "info_gaps": L("""
            Nobody explains anything
            What my neuro never told me
            Confused about my MRI report
            Questions for the MS nurse
        """),
        "emotional_support": L("""
            Bad day, need support
            Grieving my old life
            Does the fear go away?
            Feeling invisible
        """),
        "care_coordination": L("""
            My MRI never got sent
            Waiting on a neuro referral
            Specialty pharmacy lost my order
            Doctors not talking to each other
        """),
        "diagnosis_journey": L("""
            Just diagnosed
            Waiting on MRI results
            New lesions, now what?
            Is this a relapse?
            Lumbar puncture tomorrow
        """),
        "daily_life_work": L("""
            Heat intolerance tips
            Cog fog at work
            Telling my employer about MS
            Fatigue is ruining my weekends
            Using a cane for the first time
        """),
        "stopping_switching": L("""
            Switching DMTs
            {drug} to {drug2}?
            Stopping treatment?
            JCV positive, what next
        """),
        "caregiver_burden": L("""
            For the partners
            My husband is burned out
        """),
    },
    "theme_weights": {
        "side_effects": 15, "cost_insurance": 8, "clinical_trials": 7, "info_gaps": 8,
        "emotional_support": 11, "care_coordination": 7, "diagnosis_journey": 14, "daily_life_work": 14,
        "stopping_switching": 11, "caregiver_burden": 3,
    },
}

# Caregivers: the member cares for a loved one ({pt}); own content throughout.
CG_DRUGS = {
    "Alzheimer's": {"donepezil": ["nausea", "vivid dreams", "diarrhea", "slow heart rate", "trouble sleeping"],
                    "memantine": ["dizziness", "more confusion", "constipation", "headaches"],
                    "Leqembi": ["headaches", "infusion reactions", "brain swelling on the MRI"]},
    "Lewy body dementia": {"donepezil": ["nausea", "vivid dreams", "diarrhea"],
                           "carbidopa-levodopa": ["hallucinations", "dizziness", "nausea"]},
    "vascular dementia": {"donepezil": ["nausea", "vivid dreams", "trouble sleeping"],
                          "memantine": ["dizziness", "constipation", "headaches"]},
    "Parkinson's": {"carbidopa-levodopa": ["dyskinesia", "nausea", "wearing-off", "hallucinations", "dizziness"],
                    "rasagiline": ["headaches", "joint pain", "dizziness"],
                    "pramipexole": ["sleep attacks", "swelling in the legs", "compulsive shopping"]},
    "lung cancer": {"chemo": ["fatigue", "nausea", "neuropathy", "mouth sores"],
                    "immunotherapy": ["rash", "fatigue", "thyroid problems", "diarrhea"]},
    "pancreatic cancer": {"chemo": ["fatigue", "nausea", "neuropathy", "loss of appetite"],
                          "oral chemo": ["diarrhea", "hand-foot syndrome", "fatigue"]},
}
CG_COND_W = {"Alzheimer's": 8, "Lewy body dementia": 2, "vascular dementia": 2, "Parkinson's": 5,
             "lung cancer": 2, "pancreatic cancer": 1}

CG = {
    "remedy": L("""
        giving it in the morning instead of at night
        a pill organizer with alarms
        splitting the dose
        spacing it away from protein
        a night light in the hallway
        a consistent bedtime routine
        smaller meals through the day
        a shower chair
        door alarms
        an adult day program
    """),
    "test": L("cognitive test\nMRI\nPET scan\namyloid PET\nmemory assessment\nbloodwork\nswallow study\nCT scan"),
    "docrole": L("neurologist\ngeriatrician\nmovement disorder specialist\noncologist\nPCP"),
    "nurse_role": L("home health nurse\nhospice nurse\nsocial worker\ncare manager"),
    "specialist": L("a geriatric psychiatrist\nhome health\na memory clinic\na palliative care team\nspeech therapy"),
    "exclusion": L("heart condition\nblood thinner\nlast MRI\nmemory test score"),
    "hosp_kind": L("Memory Care\nHospice\nSenior Living\nRehabilitation Center\nMedical Center\nHospital"),
    "hosp_plain": L("the memory care place\nthe hospital\nthe rehab facility\nthe clinic\nthe hospice"),
    "word": L("caregiver carer tired daughter sandwich onlychild coffee night tea sonof".replace(" ", "\n")),
    "female": 0.7,
    "themes": {
        "caregiver_burden": {
            "open": L("""
                I'm caring for {pt} who has {ptcond} and I haven't slept through the night in {dur}.
                {she} needs help with everything now, bathing, dressing, meals.
                I love {herO} but I'm so tired I can't think straight.
                My siblings live out of state and I'm doing this alone.
                I lost my temper today and I feel terrible about it.
                I haven't seen my friends in months because I can't leave {herO} alone.
                My own health is slipping, I skipped my checkup again.
                Some days I feel like a nurse, a secretary and a referee all at once.
                {she} doesn't realize how much I do, and that's the disease, but it still hurts.
                I gave up my job to care for {herO} and I don't know if I made the right call.
                I'm up three or four times a night because {she} gets confused about where {she} is.
                Nobody asks how I'm doing anymore, only how {she} is doing.
                I'm {age} and caring for my {ptaged}, and I don't know how much longer I can do this.
            """),
            "ask": L("""
                How do you all keep going?
                How do I get my siblings to step up?
                Is it normal to feel resentful?
                When did you know you needed more help?
            """),
            "reply": L("""
                Caregiver burnout is real, please find even an hour a week for yourself.
                Resentment is normal, it doesn't mean you don't love {herO}.
                I had a family meeting with a social worker present and my brothers finally listened.
                An adult day program gave me three days a week to breathe.
                You can't pour from an empty cup, get your own checkup.
                I'm so sorry, this is the hardest job there is.
                Forgive yourself for losing your temper, you're human.
                The Alzheimer's Association helpline was a lifeline for me in the middle of the night.
                Ask your social worker about respite hours, we didn't know we qualified.
                Write down every task you do for a week and show it to your siblings.
            """),
        },
        "respite_placement": {
            "open": L("""
                We're touring memory care facilities and the guilt is crushing me.
                The respite stay was supposed to be a week and {she} was so confused when {she} came home.
                I promised {herO} I'd never put {herO} in a home.
                {doc} says it's time for a higher level of care.
                We found an assisted living place but the waitlist is {dur}.
                Home health aides keep quitting and I can't do the nights anymore.
                I booked a respite weekend and then cancelled it because I felt guilty.
                {pt} moved into memory care at {hosp} and cries when I leave.
                We toured {hospname} in {city} and the memory care wing was lovely.
                The move-in date is {date_on} and I can't stop crying.
            """),
            "ask": L("""
                How did you know it was time for memory care?
                What should I look for on tours?
                Has anyone used respite care, and was it worth it?
                How do you handle the guilt?
            """),
            "reply": L("""
                Moving {herO} to memory care was the hardest and best decision I made.
                Visit at different times of day, including mealtimes, before you choose a place.
                Ask about staff turnover and the staffing ratio at night.
                The guilt doesn't go away completely but it gets quieter.
                Respite care saved my marriage, honestly.
                The first two weeks after a move are the worst, give it time.
                A promise made before the disease doesn't have to bind you now.
                We chose {hosp} because the staff knew every resident by name.
            """),
        },
        "behaviors": {
            "open": L("""
                Sundowning is getting worse, every evening {she} tries to leave the house.
                {she} is seeing people in the room who aren't there.
                {she} accused me of stealing {her} purse again today.
                We had to take the car keys away and {she} is furious with me.
                {she} wandered out at night and a neighbor found {herO} down the street.
                The freezing episodes with {her} Parkinson's are getting more frequent.
                Bath time has become a battle every single day.
                {she} asks for {her} mother every afternoon, and {her} mother died decades ago.
            """),
            "ask": L("""
                How do you handle sundowning?
                Any tips for getting {herO} to shower?
                Has anyone used door alarms?
                How do you respond to the accusations?
            """),
            "reply": L("""
                We put door alarms on every exit after the wandering started.
                Don't argue with the hallucinations, reassure and redirect.
                Turning on all the lights before dusk helped our sundowning a lot.
                A shower chair and a warm bathroom made bath time easier.
                Music from {her} younger years calms {herO} down almost instantly.
                Ask {ydoc} to check for a UTI, an infection made the confusion much worse for us.
                Therapeutic fibbing took me a while to accept but it works.
                A GPS tracker in {her} shoe gave me peace of mind.
            """),
        },
        "side_effects": {
            "open": L("""
                {pt} started {drug} and now has {se}.
                Since the dose of {drug} went up, {she} has {se} most days.
                The {se} from {drug} makes {herO} even more confused.
                {doc} wants to keep {herO} on {drug} even with the {se}.
                I'm not sure if it's the {drug} or the disease causing the {se}.
                The {se} started within a week of the {drug}.
            """),
            "ask": L("""
                Did {drug} cause {se} for your loved one?
                Does the {se} settle down?
                Should I ask to lower the dose?
            """),
            "reply": L("""
                My dad had {se} on {drug} too and {remedy} helped.
                Keep a log of the {se} and the dose times to show {ydoc}.
                We lowered the dose and the {se} went away.
                With Parkinson's meds, timing them away from protein made a big difference for us.
                Ask the pharmacist to review all {her} meds together, we found an interaction.
                The {se} eased after about {dur} for my mom.
            """),
        },
        "cost_insurance": {
            "open": L("""
                Memory care here is {carecost} a month and Medicare doesn't cover any of it.
                We're spending down {her} savings so {she} can qualify for Medicaid.
                The long-term care insurance policy has so many exclusions it's useless.
                Home aides cost {hourly} an hour and we need them twelve hours a day.
                Medicare denied the extra physical therapy days.
                I had to take unpaid leave to care for {herO}.
                {her} copay for {drug} went up to {money} this year.
            """),
            "ask": L("""
                How are you all paying for care?
                Is an elder law attorney worth it?
                Does anyone understand how the Medicaid lookback works?
                Are there programs that pay family caregivers?
            """),
            "reply": L("""
                An elder law attorney saved us a lot of money and stress, worth every penny.
                Check if your state pays family caregivers through a Medicaid waiver.
                The VA has caregiver benefits if {she} served.
                We sold the house to pay for memory care, there was no other way.
                The area agency on aging helped us find a grant for respite.
                Keep every receipt, some of it may be tax deductible.
            """),
        },
        "leqembi_access": {
            "open": L("""
                {doc} says {pt} might be a candidate for Leqembi if the amyloid PET is positive.
                We're on a waitlist for Leqembi because there aren't enough infusion chairs.
                An infusion every two weeks plus all the MRIs is a lot for {herO}.
                They found a small brain bleed on the safety MRI and paused the Leqembi.
                Medicare covers Leqembi but we still owe twenty percent and the PET scan was a fight.
                The nearest center giving Leqembi is {dist} away.
                I'm not sure the small benefit is worth the risks for {herO}.
                The memory clinic wanted genetic testing before starting, which took {dur}.
                {pt} just had the fifth Leqembi infusion and I honestly can't tell if it's helping.
                The neurologist said we caught it early enough for Leqembi, and I don't know how to feel.
                The closest Leqembi infusion center is {hospname}, {dist} from us.
                {pt}'s first infusion is {date_on}.
                {she} is {ptage}, and the neurologist said that's at the upper end for Leqembi.
            """),
            "ask": L("""
                Has anyone's loved one started Leqembi, and what was it like?
                How did you get an appointment at a Leqembi center?
                Did you worry about the brain swelling risk?
                How are you covering the twenty percent?
            """),
            "reply": L("""
                Mom has been on Leqembi for six months, no swelling so far, and she seems stable.
                The registry paperwork took forever but the infusions themselves are easy.
                Ask about the MRI schedule upfront, there were more scans than we expected.
                We decided against it because of the travel and the bleeding risk.
                A supplement plan covered the twenty percent for us.
                The neurologist said it slows decline, it doesn't stop it, which helped set expectations.
                Call the memory clinic every week to ask about cancellations.
                The infusion center at {hosp} had an opening within a month.
            """),
        },
        "clinical_trials": {
            "open": L("""
                {doc} asked if {pt} would join a dementia trial, and I would have to be the study partner.
                The study requires me at every visit and I already can't leave work.
                {she} wants to help science but I'm scared of the side effects.
                We drove {dist} each way for the trial visits.
                {she} was excluded because of {her} {exclusion}.
                The trial needs a lumbar puncture and I'm not sure {she} can handle it.
            """),
            "ask": L("""
                Has anyone been a study partner in a dementia trial?
                Are trials worth it this late in the disease?
                Do trials pay for travel?
            """),
            "reply": L("""
                I was the study partner for my husband and it was a lot, but the team was wonderful.
                Ask if some visits can be done at home, some trials do that now.
                We got mileage reimbursed, ask up front.
                Being in the trial made us feel like we were doing something.
                We withdrew after the second visit, it was too confusing for {herO}, and that's okay.
            """),
        },
        "info_gaps": {
            "open": L("""
                Nobody told us what to expect as the disease progressed.
                The neurologist gave us the diagnosis and a pamphlet and sent us home.
                I had no idea {she} would stop being able to swallow safely.
                Nobody explained that hospice could start this early.
                I found out about the caregiver support program by accident.
                {doc} never explained the stages, I learned them here.
            """),
            "ask": L("""
                Is there a good book about the stages?
                What do you wish someone had told you at the start?
            """),
            "reply": L("""
                Nobody told me either, this forum taught me more than any doctor.
                The 36-Hour Day is the book everyone recommends.
                Ask for a palliative care consult, they explain things in a way others don't.
                I wish someone had told me to get power of attorney sorted early.
                {nurse} finally sat down with us and explained what was coming.
            """),
        },
        "care_coordination": {
            "open": L("""
                The hospital discharged {herO} without telling the home health agency.
                {her} neurologist and {her} cardiologist keep changing meds without talking to each other.
                We waited {dur} for the geriatric psych referral.
                I have a spreadsheet of fourteen medications and three prescribers.
                Nobody at {hosp} had {her} medication list when {she} was admitted.
            """),
            "ask": L("""
                Who is supposed to coordinate all of this?
                How do you keep track of all the doctors?
            """),
            "reply": L("""
                Carry a one-page summary with meds, diagnoses and contacts everywhere you go.
                Ask for a geriatric care manager, it was worth paying for.
                The hospital social worker is the person to ask before discharge.
                {nurse} finally got everyone on the same page for us.
            """),
        },
        "diagnosis_journey": {
            "open": L("""
                {pt} was diagnosed with {ptcond} {when_dx} and we're still processing it.
                Looking back, the signs were there for years.
                {she} kept getting lost driving to places {she} had been a hundred times.
                It took three appointments before anyone ordered a cognitive test.
                The tremor in {her} hand was the first thing we noticed.
            """),
            "ask": L("""
                What were the early signs for your loved one?
                What should we do first after the diagnosis?
            """),
            "reply": L("""
                Get the legal and financial paperwork done while {she} can still take part.
                The early signs were there for us too, don't blame yourself.
                Find a support group now, before you think you need one.
            """),
        },
        "work_juggling": {
            "open": L("""
                I'm working full time and managing {her} care on my lunch breaks.
                My boss is losing patience with all the calls I take at work.
                I'm the sandwich generation, teenagers at home and {pt} down the road.
                I used up all my PTO on {her} appointments.
                I'm thinking about going part time but we need the income.
            """),
            "ask": L("""
                Has anyone used FMLA for caregiving?
                How do you manage a job and caregiving?
            """),
            "reply": L("""
                FMLA protected my job, talk to HR.
                I moved to a hybrid schedule and it helped.
                Some employers hide caregiver benefits in the EAP, check yours.
                I finally hired a part-time aide so I could keep working.
            """),
        },
        "stopping_switching": {
            "open": L("""
                We stopped {drug} because the {se} wasn't worth it.
                {doc} switched {herO} from {drug} to {drug2}.
                {she} refuses to take {her} pills and hides them in the couch.
                We're wondering if it's time to stop the dementia meds altogether.
                Hospice suggested we stop everything except comfort meds.
            """),
            "ask": L("""
                Did stopping {drug} make things worse?
                How did you decide to stop medications?
            """),
            "reply": L("""
                When we stopped {drug}, mom declined a bit faster, so we restarted.
                Pills in applesauce worked when {she} refused them, but ask the pharmacist first.
                Deprescribing was a relief for us, fewer pills, fewer fights.
            """),
        },
        "emotional_support": {
            "open": L("""
                I lost my dad last month after six years of caring for him.
                I'm grieving someone who is still here.
                Anticipatory grief is hitting me hard today.
                I just need to vent, today was awful.
                {she} called me by my name today for the first time in weeks and I cried.
            """),
            "ask": L("""
                How do you deal with grieving someone who's still alive?
                Does anyone else feel relief and guilt at the same time?
            """),
            "reply": L("""
                Sending you so much love.
                Anticipatory grief is real and so exhausting.
                Relief and grief together is normal after this long.
                Hold on to the good moments like that one.
                Take care of yourself now, you gave everything.
            """),
        },
    },
    "titles": {
        "caregiver_burden": L("Running on empty\nCaregiver burnout\nI can't do this alone anymore\nNo sleep, no help\nResentment and guilt"),
        "respite_placement": L("Memory care guilt\nIs it time for memory care?\nRespite care experiences\nTouring facilities - what to ask"),
        "behaviors": L("Sundowning help\nHallucinations at night\nTaking away the car keys\nWandering scare\nShower battles"),
        "side_effects": L("{drug} side effects\n{se} on {drug}?\nNew med making things worse"),
        "cost_insurance": L("Paying for memory care\nMedicaid spend down questions\nLong-term care insurance useless?\nCost of home aides"),
        "leqembi_access": L("Leqembi - worth it?\nAnyone's loved one on Leqembi?\nLeqembi waitlist\nMRI monitoring on Leqembi\nLeqembi and Medicare"),
        "clinical_trials": L("Being a study partner\nDementia trial - should we?\nTrial travel"),
        "info_gaps": L("What nobody tells you\nBook recommendations for the stages\nWish I had known"),
        "care_coordination": L("Discharge disaster\nToo many doctors\nMedication list chaos"),
        "diagnosis_journey": L("New diagnosis for my parent\nEarly signs?\nJust got the diagnosis"),
        "work_juggling": L("Working and caregiving\nFMLA for caregivers\nSandwich generation"),
        "stopping_switching": L("Stopping dementia meds?\nRefusing pills\nSwitching meds"),
        "emotional_support": L("Anticipatory grief\nJust need to vent\nA good moment today"),
    },
    "theme_weights": {
        "caregiver_burden": 16, "respite_placement": 10, "behaviors": 12, "side_effects": 8, "cost_insurance": 9,
        "leqembi_access": 0, "clinical_trials": 4, "info_gaps": 7, "care_coordination": 6, "diagnosis_journey": 7,
        "work_juggling": 8, "stopping_switching": 5, "emotional_support": 8,
    },
    "emerging": "leqembi_access",
    "emerging_max": 0.4,
}

GENERIC_UPDATE = L("""
    Thank you all so much, this helps more than you know.
    Thanks everyone, I'll report back.
    Reading all of these made me cry, in a good way.
    Update: I have an appointment {when_next} and I'll ask about all of this.
""")

SHORT_REPLIES = L("""
    Sending hugs.
    Thinking of you.
    Same here, you're not alone.
    Following, I have the same question.
    Thank you for posting this, I needed it today.
    Saving this thread.
    So sorry you're going through this.
    Good luck, keep us posted!
    Wishing you the best at your appointment.
    Welcome to the club nobody wants to join.
    This is such good advice.
    Hugs to you and your family.
    Rooting for you.
    Keep us posted, we're here.
""")
SHORT_NAMED = L("""
    Sending hugs, thanks {pname}, that helps a lot.
    Great advice, thanks {pname}!
    Thinking of you, {pname}.
    Keep us posted, {pname}.
    Good luck {pname}, you've got this.
    So sorry {pname}, sending love.
""")
SHORT_REDDIT = L("""
    Following.
    Same.
    Commenting so I can find this later.
    This is the answer.
    Saving this.
    Exactly this.
    Good luck, update us!
""")
SUPPORT_CLOSERS = L("""
    Hang in there.
    You've got this.
    Sending strength.
    Take care of yourself.
    Wishing you the best.
    Hope this helps a little.
    We're all in this together.
    Rooting for you.
""")
OPEN_CLOSERS = L("""
    Thanks in advance.
    Sorry for the long post.
    Any advice appreciated.
    Thanks for reading.
    I'd love to hear your experiences.
""")

# Sentences whose only purpose is an identifier, by label; {x} slots are PHI-only.
EXTRA_PHI = {
    "EMAIL_ADDRESS": L("""
        If anyone wants to talk privately, my email is {email}.
        Feel free to email me at {email}, I'm happy to share what I learned.
        You can reach me at {email} if you want the list of questions I brought.
        Email me ({email}) and I'll send you the spreadsheet I use.
        I made a little binder template, message me at {email} and I'll send it.
    """),
    "PHONE_NUMBER": L("""
        Text me at {phone} if you ever need to vent.
        My cell is {phone}, call anytime after work.
        If you're local, call me at {phone} and we can get coffee.
        I'm at {phone} if you want to talk it through.
        My number is {phone}, no question is too small.
    """),
    "URL": L("""
        I've been writing about all of this at {url} if it helps anyone.
        Our updates are on {url} now so I don't have to repeat them.
        Here is the link to my post about it: {url}
        I put everything I learned here: {url}
    """),
    "URL_FUND": L("""
        We set up a fundraiser for the travel costs: {url}
        My sister started a fundraiser for the bills, {url}, and I'm grateful and embarrassed at the same time.
        If anyone can share it, here is our fundraiser: {url}
        Our church helped us start a fundraiser ({url}) after the insurance denial.
    """),
    "STREET_ADDRESS": L("""
        Our address for the meal train is {addr}.
        I have extra supplies, send me a message or drop by {addr}.
        Cards can go to {addr}, it would mean the world.
        We just moved to {street} so the drive to {hospname} is shorter now.
        The support group meets at my church on {street} if anyone is local.
        If anyone wants the books I'm done with, I'm at {addr}.
    """),
    "ZIP_CODE": L("""
        Anyone near {zip}? I'm looking for an in-person group.
        My zip is {zip} if anyone knows a good {docrole} nearby.
        Is anyone else in {zip} or close by?
    """),
    "AGE": L("""
        I'm {age} and this is all new to me.
        For context, I'm {age}.
        I was diagnosed at {age}.
        I'm {age} and I feel like I'm ninety some days.
        I just turned {age} and this was not the birthday present I wanted.
        I'm a {age} year old who thought this only happened to older people.
    """),
    "DATE_TIME": L("""
        I was diagnosed on {date}.
        My next scan is {date}.
        I started treatment on {date}.
        My follow-up is {date_on}.
        I had my first appointment {date_on} and it's been a whirlwind since.
    """),
    "LOCATION": L("""
        I live in {city} and the closest {docrole} is an hour away.
        Anyone else in the {city} area?
        We just moved to {city} and I have to find a new {docrole}.
        I drive from {city} for every appointment.
        Is there a support group anywhere near {city}?
    """),
    "HOSPITAL": L("""
        I get treated at {hospname}.
        {hospname} has a great support group, if anyone is local.
        I had my {test} at {hospname} and they were so kind.
        The nurses at {hospname} have been wonderful.
    """),
}
EXTRA_PHI_CG = {
    "AGE": L("""
        I care for my {ptaged} and I'm {age} myself.
        {pt} is {ptage} and still insists on living alone.
        My {ptaged} moved in with us last year.
        {she}'s {ptage} and sharper some days than I am.
    """),
    "DATE_TIME": L("""
        {pt} was diagnosed on {date}.
        The neurologist appointment is {date_on}.
        {she} moved into memory care on {date}.
        The care conference is {date_on} and I don't know what to ask.
    """),
}
EXTRA_PHI_CG["HOSPITAL"] = L("""
    {pt} is at {hospname} now and the staff are kind.
    {hospname} has a caregiver support group on Tuesday evenings.
    We toured {hospname} and I liked the feel of the place.
    The nurses at {hospname} have been wonderful to us.
    {pt} spent a week at {hospname} after the fall.
""")
CG_ONLY_EXTRA = ("HOSPITAL",)  # for caregivers these replace the patient-voice sentences
EXTRA_WEIGHTS = {"PERSON": 0, "EMAIL_ADDRESS": 7, "PHONE_NUMBER": 6, "URL": 7, "STREET_ADDRESS": 6,
                 "ZIP_CODE": 5, "AGE": 8, "DATE_TIME": 8, "LOCATION": 6, "HOSPITAL": 6}

REFERENCE_OTHER = L("""
    Agree with everything {oname} said.
    Like {oname} said, write everything down.
    {oname}'s advice is spot on.
    What {oname} said!
    {oname}'s tip about {remedy} helped me too.
    I second {oname} on this.
""")
REFERENCE_OTHER_REDDIT = L("""
    What {ouser} said.
    Agree with {ouser}.
    {ouser} nailed it.
    Seconding {ouser} on this.
""")

PLAIN_DUR = L("three weeks\ntwo months\nsix weeks\nfour months\nalmost a year\nsix months\nten days\na year and a half\ntwo years")
PLAIN_WHEN_DX = L("a few months ago\nlast year\nabout two years ago\nlast fall\nrecently\nthis spring\njust last week")
PLAIN_WHEN_NEXT = L("next week\nin two weeks\nsoon\nnext month\non Thursday\nat the end of the month")
PLAIN_FAM = {"husband": "my husband", "wife": "my wife", "partner": "my partner", "boyfriend": "my boyfriend",
             "girlfriend": "my girlfriend", "sister": "my sister", "mom": "my mom", "daughter": "my daughter",
             "son": "my son", "best friend": "my best friend"}
INSURERS = L("my insurance\nMedicare\nmy plan\nBlue Cross\nAetna\nUnitedHealthcare\nCigna\nmy employer plan\nthe Part D plan\nMedicaid")
MONEY = ["$25", "$45", "$60", "$80", "$150", "$220", "$300", "$475", "$600", "$850"]
MONEY2 = ["$400", "$650", "$900", "$1,100", "$1,400", "$2,300"]
BIGMONEY = ["$900", "$1,000", "$1,100", "$1,300"]
CARECOST = ["$6,500", "$8,000", "$9,200", "$11,000", "$7,400"]
HOURLY = ["$28", "$32", "$35", "$40"]
DIST = L("two hours\nthree hours\nninety minutes\nfour hours\nan hour and a half")
INTERVAL = L("every two weeks\nevery month\ntwice a month\nevery three weeks")


# ---------------------------------------------------------------------------
# Members
# ---------------------------------------------------------------------------


@dataclass(eq=False)
class Member:
    username: str
    first: str
    last: str
    nick: str
    female: bool
    age: int
    city: tuple
    street: str
    email: str
    phone: str
    url: str
    fam: list  # [(relation, name)]
    kid: tuple  # (relation, name)
    doc_last: str
    doc_first: str
    nurse: str
    hospital: str
    dx_date: datetime
    weight: float
    lower: bool
    curly: bool
    signs: float  # chance of signing a post with own name
    pt: Optional[dict] = None  # caregivers: loved one

    @property
    def display(self) -> str:
        return f"{self.first} {self.last}" if self.weight * 1000 % 7 >= 1 else self.first


def pick_weighted(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def make_username(rng: random.Random, first: str, last: str, byear: int, words: list, taken: set) -> str:
    f, la = first.lower(), last.lower()
    yy = f"{byear % 100:02d}"
    forms = [
        lambda: f"{rng.choice(words)}_{f[:3 + rng.randint(0, 2)]}{yy}",
        lambda: f"{f}{last[0]}_{byear}",
        lambda: f"{rng.choice(words)}Warrior{rng.randint(2, 99)}",
        lambda: f"{f}.{la}",
        lambda: f"{f}_{la[:4]}{rng.randint(1, 99)}",
        lambda: f"{la}{yy}",
        lambda: f"{rng.choice(['quiet', 'tired', 'hopeful', 'sleepy', 'stubborn', 'sunny', 'crafty', 'coastal'])}"
                f"{rng.choice(['Heron', 'Otter', 'Maple', 'Fern', 'Sparrow', 'Badger', 'Willow', 'Pebble'])}{rng.randint(10, 99)}",
        lambda: f"{first}{rng.choice(words).capitalize()}{rng.randint(1, 9)}",
        lambda: f"{f}{la[0]}{rng.randint(100, 999)}",
    ]
    while True:
        name = rng.choice(forms)()
        if name.lower() not in taken:
            taken.add(name.lower())
            return name


def make_email(rng: random.Random, m_first: str, m_last: str, username: str, byear: int) -> str:
    f, la = m_first.lower(), m_last.lower()
    local = rng.choice([
        f"{f}.{la}{byear % 100:02d}", f"{f[0]}{la}{rng.randint(1, 99)}", f"{f}{la}", f"{f}.{la[0]}.{rng.randint(10, 99)}",
        username.lower().replace(".", "_"), f"{la}.{f}", f"{f}_{la}{byear}",
    ])
    return f"{local}@{rng.choice(MAIL_DOMAINS)}"


def make_phone(rng: random.Random) -> str:
    ac, ex, line = rng.choice(AREA_CODES), "555", f"01{rng.randint(0, 99):02d}"
    fmt = rng.choices(range(6), weights=[30, 30, 12, 10, 8, 10])[0]
    return [f"({ac}) {ex}-{line}", f"{ac}-{ex}-{line}", f"{ac}.{ex}.{line}", f"+1 {ac} {ex} {line}",
            f"{ac}{ex}{line}", f"1-{ac}-{ex}-{line}"][fmt]


def make_url(rng: random.Random, first: str, last: str, username: str, key: str) -> str:
    f, la = first.lower(), last.lower()
    slug = {"bc": "chemo-diary", "t2d": "my-a1c-journey", "ms": "living-with-ms", "cg": "caring-for-mom"}[key]
    return rng.choice([
        f"https://www.gofundme.com/f/help-{f}-{la}",
        f"gofundme.com/f/{f}s-treatment-fund",
        f"https://www.caringbridge.org/visit/{f}{la}",
        f"{f}{la}.example.org/{slug}",
        f"https://{username.lower().replace('_', '').replace('.', '')}.blogspot.com",
        f"https://www.instagram.com/{username.lower()}",
        f"myblog.example.org/{f}/{slug}",
    ])


def make_members(rng: random.Random, key: str, cfg: dict, n: int, taken: set) -> list[Member]:
    members = []
    used_names: set = set()
    for _ in range(n):
        female = rng.random() < cfg["female"]
        while True:
            first = rng.choice(FEMALE if female else MALE)
            last = rng.choice(LAST)
            if (first, last) not in used_names:
                used_names.add((first, last))
                break
        age = {"bc": rng.randint(33, 76), "t2d": rng.randint(29, 78), "ms": rng.randint(22, 63),
               "cg": rng.randint(31, 74)}[key]
        byear = 2024 - age
        username = make_username(rng, first, last, byear, cfg["word"], taken)
        if key in ("t2d", "ms"):  # Reddit names: letters, digits, _ and -
            username = username.replace(".", "_")
        city = rng.choice(CITIES)
        street = f"{int(10 ** rng.uniform(0.7, 4.1))} {rng.choice(STREETS)} {rng.choice(STREET_SUFFIX)}"
        if rng.random() < 0.15:
            street += rng.choice([f", Apt {rng.randint(1, 24)}{rng.choice('ABCD')}", f" #{rng.randint(2, 40)}",
                                  f", Unit {rng.randint(1, 12)}"])
        rels = (["husband", "partner", "boyfriend"] if female else ["wife", "partner", "girlfriend"])
        partner_rel = rng.choice(rels + rels[:1] * 3)
        p_female = partner_rel in ("wife", "girlfriend") or (partner_rel == "partner" and rng.random() < 0.4)
        partner_name = rng.choice([x for x in (FEMALE if p_female else MALE) if x != first])
        fam = [(partner_rel, partner_name)]
        other = rng.choice(["sister", "mom", "best friend"])
        fam.append((other, rng.choice([x for x in FEMALE if x not in (first, partner_name)])))
        kid_rel = rng.choice(["daughter", "son"])
        kid = (kid_rel, rng.choice(KIDS_F if kid_rel == "daughter" else KIDS_M))
        dx = START - timedelta(days=rng.randint(30, 2200))
        pt = None
        if key == "cg":
            cond = pick_weighted(rng, CG_COND_W)
            old = age >= 58
            rel = rng.choice(["husband", "wife"] if old else ["mom", "mom", "dad", "dad", "mother-in-law", "grandma"])
            if rel == "husband" and not female:
                rel = "wife"
            if rel == "wife" and female:
                rel = "husband"
            pf = rel in ("mom", "wife", "mother-in-law", "grandma")
            pt = {"rel": rel, "name": rng.choice(ELDER_F if pf else ELDER_M), "female": pf, "cond": cond,
                  "age": rng.randint(max(age + 1, 64), 97) if not old else age + rng.randint(-3, 6),
                  "relword": {"mom": "mother", "dad": "father", "husband": "husband", "wife": "wife",
                              "mother-in-law": "mother-in-law", "grandma": "grandmother"}[rel]}
            if rel in ("mom", "dad", "mother-in-law"):
                pt["age"] = max(pt["age"], age + 22)
            if rel == "grandma":
                pt["age"] = max(pt["age"], min(99, age + 45))
            pt["age"] = min(pt["age"], 99)
        members.append(Member(
            username=username, first=first, last=last, nick=NICK.get(first, first), female=female, age=age,
            city=city, street=street, email=make_email(rng, first, last, username, byear), phone=make_phone(rng),
            url=make_url(rng, first, last, username, key), fam=fam, kid=kid,
            doc_last=rng.choice(CLIN_LAST), doc_first=rng.choice(CLIN_FIRST), nurse=rng.choice(NURSE),
            hospital=f"{rng.choice(HOSP_NAMES)} {rng.choice(cfg['hosp_kind'])}".replace("General Medical", "General"),
            dx_date=dx, weight=min(12.0, rng.paretovariate(1.3)), lower=rng.random() < 0.07,
            curly=rng.random() < 0.15, signs=rng.choice([0.0, 0.0, 0.3, 0.6]), pt=pt,
        ))
    return members


# ---------------------------------------------------------------------------
# Composing post bodies with tracked identifier spans
# ---------------------------------------------------------------------------

SLOT = re.compile(r"\{(\w+)\}")
PHI_ONLY = {"age", "email", "phone", "url", "addr", "street", "zip", "city", "date", "date_on", "hospname",
            "pname", "oname", "ouser", "ptaged", "ptage"}


def fmt_date(rng: random.Random, d: datetime, bare: bool) -> tuple[str, str]:
    """(preposition, value) for a date tied to the member."""
    m, day, y = d.month, d.day, d.year
    forms = [
        ("on ", f"{MONTHS[m - 1]} {day}, {y}"),
        ("on ", f"{m}/{day}/{y % 100:02d}"),
        ("on ", f"{m:02d}/{day:02d}/{y}"),
        ("on ", f"{MONTHS[m - 1]} {ordinal(day)}"),
        ("on ", f"{MONTH_ABBR[m - 1]} {day}"),
        ("on the ", f"{ordinal(day)} of {MONTHS[m - 1]}"),
        ("on ", f"{m}/{day}"),
    ]
    if bare:
        forms = [f for f in forms if f[0] == "on "]
    return rng.choice(forms)


class Ctx:
    """Slot filler for one post."""

    def __init__(self, rng, key, cfg, thread, author: Member, phi_on: bool, parent: Optional[Member],
                 others: list, fmt: str):
        self.rng, self.key, self.cfg, self.thread, self.m = rng, key, cfg, thread, author
        self.phi_on, self.parent, self.others, self.fmt = phi_on, parent, others, fmt
        self.cache: dict = {}
        self.used_doc = False

    def phi(self) -> bool:
        return self.phi_on and self.rng.random() < P_PHI_SLOT

    def cached(self, name, fn):
        if name not in self.cache:
            self.cache[name] = fn()
        return self.cache[name]

    def when_date(self, future: bool) -> datetime:
        t = self.thread["t0"]
        return t + timedelta(days=self.rng.randint(3, 40)) if future else t - timedelta(days=self.rng.randint(5, 300))

    def fill(self, name: str) -> list:
        rng, m, cfg = self.rng, self.m, self.cfg
        th = self.thread
        pt = m.pt
        if name == "drug":
            return [th["drug"]]
        if name == "drug2":
            return [th["drug2"]]
        if name in ("se", "se2"):
            ses = th["ses"]
            return [ses[0] if name == "se" else ses[1]]
        if name == "remedy":
            return [self.cached("remedy", lambda: rng.choice(cfg["remedy"]))]
        if name in ("test", "docrole", "specialist", "exclusion"):
            return [self.cached(name, lambda: rng.choice(cfg[name]))]
        if name == "cond":
            return [th["cond"]]
        if name == "dur":
            return [rng.choice(PLAIN_DUR)]
        if name == "money":
            return [rng.choice(MONEY)]
        if name == "money2":
            return [rng.choice(MONEY2)]
        if name == "bigmoney":
            return [rng.choice(BIGMONEY)]
        if name == "carecost":
            return [rng.choice(CARECOST)]
        if name == "hourly":
            return [rng.choice(HOURLY)]
        if name == "insurer":
            return [rng.choice(INSURERS)]
        if name == "dist":
            return [rng.choice(DIST)]
        if name == "interval":
            return [rng.choice(INTERVAL)]
        if name in ("she", "her", "herO"):  # the thread's loved one: the opener's
            f = self.thread["pt_female"]
            return [{"she": "she" if f else "he", "her": "her" if f else "his", "herO": "her" if f else "him"}[name]]
        if name == "ptcond":
            return [pt["cond"]]
        if name == "pt":
            rel = pt["rel"]
            if self.phi():
                return [f"my {rel} ", ("PERSON", pt["name"])]
            return [f"my {rel}"]
        if name == "ptaged":
            return ["", ("AGE", str(pt["age"])), f"-year-old {pt['relword']}"]
        if name == "ptage":
            return [("AGE", str(pt["age"]))]
        if name == "doc":
            role = self.cached("docrole", lambda: rng.choice(cfg["docrole"]))
            if self.phi():
                v = rng.choices(range(7), weights=[30, 18, 12, 10, 8, 8, 6])[0]
                last, full = m.doc_last, f"{m.doc_first} {m.doc_last}"
                if v == 0:
                    return ["Dr. ", ("PERSON", last)]
                if v == 1:
                    return [f"my {role} Dr. ", ("PERSON", last)]
                if v == 2:
                    return ["Dr ", ("PERSON", last), " at ", ("HOSPITAL", m.hospital)]
                if v == 3:
                    return ["dr. ", ("PERSON", last.lower())]
                if v == 4:
                    return ["Dr. ", ("PERSON", full)]
                if v == 5:
                    return ["Doctor ", ("PERSON", last)]
                return ["Dr. ", ("PERSON", last), " at ", ("HOSPITAL", m.hospital)]
            return [f"my {role}" if self.key != "cg" else rng.choice([f"{'her' if self.thread['pt_female'] else 'his'} {role}", f"the {role}"])]
        if name == "ydoc":
            role = self.cached("docrole", lambda: rng.choice(cfg["docrole"]))
            return [rng.choice([f"your {role}", "your doctor"] if self.key != "cg" else [f"the {role}", "the doctor"])]
        if name == "nurse":
            role = rng.choice(cfg["nurse_role"])
            if self.phi():
                return [f"{'our' if self.key == 'cg' else 'my'} {role} ", ("PERSON", m.nurse)]
            return [f"{'our' if self.key == 'cg' else 'my'} {role}"]
        if name == "fam":
            rel, nm = m.fam[0] if rng.random() < 0.75 else m.fam[1]
            if self.phi():
                return [f"my {rel} ", ("PERSON", nm)]
            return [PLAIN_FAM.get(rel, f"my {rel}")]
        if name == "kid":
            rel, nm = m.kid
            if self.phi():
                return [f"my {rel} ", ("PERSON", nm)]
            return [rng.choice([f"my {rel}", "my kids"])]
        if name == "hosp":
            if self.phi():
                return [("HOSPITAL", m.hospital)]
            return [rng.choice(cfg["hosp_plain"])]
        if name == "hospname":
            return [("HOSPITAL", m.hospital)]
        if name == "when_dx":
            if self.phi():
                d = self.thread["t0"] - timedelta(days=rng.randint(20, 500)) if self.key == "cg" else m.dx_date
                prep, val = fmt_date(rng, d, bare=False)
                return [prep, ("DATE_TIME", val)]
            return [rng.choice(PLAIN_WHEN_DX)]
        if name == "when_next":
            if self.phi():
                prep, val = fmt_date(rng, self.when_date(True), bare=False)
                return [prep, ("DATE_TIME", val)]
            return [rng.choice(PLAIN_WHEN_NEXT)]
        if name == "date":
            _, val = fmt_date(rng, rng.choice([m.dx_date, self.when_date(True), self.when_date(False)]), bare=True)
            return [("DATE_TIME", val)]
        if name == "date_on":
            prep, val = fmt_date(rng, self.when_date(rng.random() < 0.6), bare=False)
            return [prep, ("DATE_TIME", val)]
        if name == "age":
            return [("AGE", str(m.age))]
        if name == "email":
            e = m.email
            if rng.random() < 0.12:
                local, dom = e.split("@")
                e = f"{local} at {dom.replace('.', ' dot ')}"
            return [("EMAIL_ADDRESS", e)]
        if name == "phone":
            return [("PHONE_NUMBER", m.phone)]
        if name == "url":
            return [("URL", m.url)]
        if name == "street":
            return [("STREET_ADDRESS", m.street)]
        if name == "addr":
            city, st, zp = m.city
            z = zp + self.cached("zip2", lambda: f"{rng.randint(1, 99):02d}")
            return [("STREET_ADDRESS", m.street), ", ", ("LOCATION", city), f", {st} ", ("ZIP_CODE", z)]
        if name == "zip":
            return [("ZIP_CODE", m.city[2] + self.cached("zip2", lambda: f"{rng.randint(1, 99):02d}"))]
        if name == "city":
            return [("LOCATION", m.city[0])]
        if name == "pname":
            p = self.parent or m
            lower = rng.random() < 0.2
            nm = p.nick if rng.random() < 0.4 else p.first
            return [("PERSON", nm.lower() if lower else nm)]
        if name == "oname":
            o = rng.choice(self.others)
            return [("PERSON", o.first if rng.random() < 0.7 else o.nick)]
        if name == "ouser":
            o = rng.choice(self.others)
            return ["u/", ("USERNAME", o.username)]
        raise KeyError(name)

    def needs_phi_only(self, tpl: str) -> bool:
        names = SLOT.findall(tpl)
        if any(n in PHI_ONLY for n in names):
            return True
        return False

    def usable(self, tpl: str) -> bool:
        names = SLOT.findall(tpl)
        if not self.phi_on and any(n in PHI_ONLY for n in names):
            return False
        if self.key != "cg" and any(n in ("pt", "she", "her", "herO", "ptcond", "ptaged", "ptage") for n in names):
            return False
        if ("oname" in names or "ouser" in names) and not self.others:
            return False
        if "pname" in names and self.parent is None:
            return False
        return True

    def render(self, tpl: str) -> list:
        out: list = []
        pos = 0
        for mt in SLOT.finditer(tpl):
            if mt.start() > pos:
                out.append(tpl[pos:mt.start()])
            out.extend(self.fill(mt.group(1)))
            pos = mt.end()
        if pos < len(tpl):
            out.append(tpl[pos:])
        out = [s for s in out if s != ""]
        if out and isinstance(out[0], str) and out[0][:1].islower():
            out[0] = out[0][0].upper() + out[0][1:]
        elif out and isinstance(out[0], tuple) and out[0][1][:1].islower() and out[0][0] not in ("USERNAME", "URL", "EMAIL_ADDRESS"):
            pass  # a lower-cased name at sentence start stays as written
        return out

    def choose(self, templates: list, n: int) -> list:
        """Up to n distinct usable templates, preferring ones not yet used in this thread."""
        used = self.thread.setdefault("used", {})
        ok = [t for t in templates if self.usable(t)]
        fresh = [t for t in ok if t not in used]
        pool = fresh if len(fresh) >= n else fresh + [t for t in ok if t in used]
        picked = self.rng.sample(fresh, min(n, len(fresh))) if len(fresh) >= n else (
            fresh + self.rng.sample([t for t in ok if t in used], min(n - len(fresh), len(pool) - len(fresh))))
        for t in picked:
            used[t] = True
        return picked

    def pick(self, templates: list) -> list:
        return self.render(self.choose(templates, 1)[0])


def has_phi(sentences: list) -> bool:
    return any(isinstance(s, tuple) for sent in sentences for s in sent)


def style(segs: list, m: Member) -> list:
    out = []
    for s in segs:
        if isinstance(s, tuple):
            lab, v = s
            if m.lower and lab not in ("URL",):
                v = v.lower()
            if m.curly:
                v = v.replace("'", "\u2019")
            out.append((lab, v))
        else:
            if m.lower:
                s = s.lower()
            if m.curly:
                s = s.replace("'", "\u2019")
            out.append(s)
    return out


def seg_text(segs: list) -> str:
    return "".join(s if isinstance(s, str) else s[1] for s in segs)


def greeting(ctx: Ctx) -> Optional[list]:
    rng, p, fmt = ctx.rng, ctx.parent, ctx.fmt
    if p is None or p is ctx.m:
        return None
    if ctx.phi_on and rng.random() < 0.55:
        if fmt == "reddit":
            v = rng.choices(range(4), weights=[6, 2, 2, 1])[0]
            return [["u/", ("USERNAME", p.username)], ["/u/", ("USERNAME", p.username)],
                    ["Thanks u/", ("USERNAME", p.username), "!"], ["@", ("USERNAME", p.username)]][v]
        nm = p.nick if rng.random() < 0.35 else p.first
        v = rng.choices(range(8), weights=[8, 4, 3, 5, 2, 3, 3, 2])[0]
        return [["Hi ", ("PERSON", nm), ","], [("PERSON", nm), ","], ["Hey ", ("PERSON", nm), "!"],
                ["@", ("USERNAME", p.username)], ["Hi @", ("USERNAME", p.username), ","],
                ["Thanks ", ("PERSON", nm), "!"], ["thanks ", ("PERSON", nm.lower()), "!"],
                ["Dear ", ("PERSON", nm), ","]][v]
    if rng.random() < 0.25:
        if fmt == "reddit":
            return [rng.choice(["OP,", "Hey,", "Oof.", "Hi!"])]
        return [rng.choice(["Hi!", "Hi there.", "Welcome.", "Hugs.", "Oh friend.", "Hi,"])]
    return None


def signoff(ctx: Ctx) -> Optional[list]:
    m, rng = ctx.m, ctx.rng
    if not ctx.phi_on or rng.random() >= m.signs * (0.25 if ctx.fmt == "reddit" else 1.0):
        return None
    nm = m.nick if rng.random() < 0.6 else m.first
    v = rng.choices(range(7), weights=[5, 5, 3, 3, 2, 2, 2])[0]
    return [["\u2014 ", ("PERSON", nm)], ["Hugs, ", ("PERSON", nm)], ["xx ", ("PERSON", nm)],
            ["Love, ", ("PERSON", nm)], ["Take care, ", ("PERSON", nm)], ["-", ("PERSON", nm)],
            ["Best, ", ("PERSON", nm)]][v]


def theme_content(key: str, cfg: dict, theme: str) -> dict:
    if key == "cg":
        return cfg["themes"][theme]
    if theme == "glp1_shortage":
        return T2D_GLP1
    base = PATIENT[theme]
    extra = cfg["extra"].get(theme, {})
    return {k: base.get(k, []) + extra.get(k, []) for k in ("open", "ask", "reply", "update")}


def extra_phi_sentence(ctx: Ctx) -> list:
    rng = ctx.rng
    lab = pick_weighted(rng, {k: v for k, v in EXTRA_WEIGHTS.items() if v})
    if lab == "URL" and "gofundme" in ctx.m.url:
        lab = "URL_FUND"
    pool = list(EXTRA_PHI[lab])
    if ctx.key == "cg":
        skip = ("diagnosed", "scan", "treatment", "my {test}", "all new")
        pool = EXTRA_PHI_CG.get(lab, []) + ([] if lab in CG_ONLY_EXTRA else [t for t in pool if not any(w in t for w in skip)])
    return ctx.pick(pool)


def compose(ctx: Ctx, role: str) -> list:
    """Paragraphs (lists of sentences, each a list of segments) of one post."""
    rng, m = ctx.rng, ctx.m
    content = theme_content(ctx.key, ctx.cfg, ctx.thread["theme"])
    sents: list = []
    head: Optional[list] = None
    tail: Optional[list] = None
    if role == "open":
        if ctx.phi_on and rng.random() < 0.18 and ctx.fmt != "reddit":
            sents.append(["My name is ", ("PERSON", m.first), " and I'm ", ("AGE", str(m.age)), "."])
        elif ctx.phi_on and ctx.fmt == "reddit" and rng.random() < 0.2:
            sents.append([("AGE", str(m.age)), f"{'F' if m.female else 'M'} here."])
        n = rng.choices([1, 2, 3, 4, 5], weights=[2, 4, 4, 3, 1])[0]
        for t in ctx.choose(content["open"], n):
            sents.append(ctx.render(t))
        if ctx.phi_on and rng.random() < 0.45:
            sents.insert(rng.randint(1, len(sents)), extra_phi_sentence(ctx))
        for t in ctx.choose(content["ask"], rng.choice([1, 1, 1, 2])):
            sents.append(ctx.render(t))
        if rng.random() < 0.3:
            sents.append([rng.choice(OPEN_CLOSERS)])
        tail = signoff(ctx)
    elif role == "short":
        if ctx.phi_on and ctx.parent is not None and ctx.fmt != "reddit" and rng.random() < 0.6:
            sents.append(ctx.pick(SHORT_NAMED))
        elif ctx.fmt == "reddit" and rng.random() < 0.5:
            sents.append([rng.choice(SHORT_REDDIT)])
        else:
            sents.append([rng.choice(SHORT_REPLIES)])
        tail = signoff(ctx) if rng.random() < 0.5 else None
    elif role == "op_update":
        sents.append(ctx.pick(content.get("update") or GENERIC_UPDATE) if rng.random() < 0.7 else ctx.pick(GENERIC_UPDATE))
        if rng.random() < 0.5:
            sents.append(ctx.pick(content["reply"]) if rng.random() < 0.3 else [rng.choice(OPEN_CLOSERS[2:] + ["Thanks again."])])
        if ctx.phi_on and ctx.others and rng.random() < 0.5:
            sents.insert(0, ctx.pick(REFERENCE_OTHER_REDDIT if ctx.fmt == "reddit" else REFERENCE_OTHER))
        if ctx.phi_on and rng.random() < 0.3:
            sents.append(extra_phi_sentence(ctx))
        head = greeting(ctx) if rng.random() < 0.5 else None
        tail = signoff(ctx)
    else:  # reply
        head = greeting(ctx)
        n = rng.choices([1, 2, 3, 4, 5], weights=[4, 5, 3, 2, 1])[0]
        for t in ctx.choose(content["reply"], n):
            sents.append(ctx.render(t))
        if ctx.phi_on and ctx.others and rng.random() < 0.2:
            sents.insert(0, ctx.pick(REFERENCE_OTHER_REDDIT if ctx.fmt == "reddit" else REFERENCE_OTHER))
        if ctx.phi_on and rng.random() < 0.3:
            sents.insert(rng.randint(0, len(sents)), extra_phi_sentence(ctx))
        if rng.random() < 0.3:
            sents.append([rng.choice(SUPPORT_CLOSERS)])
        tail = signoff(ctx)
    if not sents:
        sents.append([rng.choice(SHORT_REPLIES)])
    if ctx.phi_on and not has_phi(sents) and not (head and has_phi([head])) and not (tail and has_phi([tail])):
        sents.insert(rng.randint(0, len(sents)), extra_phi_sentence(ctx))
    # paragraphs
    paras: list = []
    if len(sents) <= 2 or rng.random() < 0.35:
        paras.append(sents)
    else:
        cut = sorted(rng.sample(range(1, len(sents)), min(len(sents) - 1, rng.choice([1, 1, 2]))))
        prev = 0
        for c in cut + [len(sents)]:
            paras.append(sents[prev:c])
            prev = c
    if head:
        if seg_text(head).endswith(",") or rng.random() < 0.4:
            paras.insert(0, [head])
        else:
            paras[0].insert(0, head)
    if tail:
        paras.append([tail])
    return [[style(s, m) for s in p] for p in paras]


def assemble(paras: list) -> tuple[str, list]:
    parts: list = []
    spans: list = []
    pos = 0
    for pi, para in enumerate(paras):
        if pi:
            parts.append("\n\n")
            pos += 2
        for si, sent in enumerate(para):
            if si:
                parts.append(" ")
                pos += 1
            for s in sent:
                if isinstance(s, tuple):
                    spans.append((pos, pos + len(s[1]), s[0], s[1]))
                    parts.append(s[1])
                    pos += len(s[1])
                else:
                    parts.append(s)
                    pos += len(s)
    return "".join(parts), spans


# ---------------------------------------------------------------------------
# Threads
# ---------------------------------------------------------------------------


@dataclass
class GPost:
    author: Member
    created: datetime
    parent: Optional[int]  # index within thread
    text: str
    spans: list
    sentences: list  # plain sentences, for quoting
    quote: Optional[int] = None  # index of quoted post
    quote_text: str = ""
    status: str = "ok"  # ok | deleted | removed | author_deleted
    extra: dict = field(default_factory=dict)


def emerging_share(cfg: dict, frac: float) -> float:
    """Share of new threads on the community's emerging theme at time ``frac`` (0..1 of the range)."""
    if not cfg.get("emerging"):
        return 0.0
    return 0.01 + cfg["emerging_max"] * max(0.0, (frac - 0.5) / 0.5) ** 1.5


def thread_start(rng: random.Random) -> datetime:
    secs = rng.randint(0, SPAN_S - 4 * 86400)
    t = START + timedelta(seconds=secs)
    hour = rng.choices(range(24), weights=[2, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 6, 7, 8, 8, 7, 5, 3])[0]
    return t.replace(hour=hour, minute=rng.randint(0, 59), second=rng.randint(0, 59))


SIZES = list(range(2, 13))
SIZE_W = [14, 14, 13, 12, 10, 9, 8, 6, 5, 4, 5]


def build_threads(rng: random.Random, key: str, cfg: dict, members: list, target: int, fmt: str,
                  community: str) -> list:
    threads = []
    total = 0
    weights = [m.weight for m in members]
    mean_size = sum(s * w for s, w in zip(SIZES, SIZE_W)) / sum(SIZE_W)
    # Start times are drawn up front and walked in order, so the emerging theme can be
    # spread by error diffusion: a smooth rise rather than a noisy one.
    starts = sorted(thread_start(rng) for _ in range(round(target / mean_size)))
    carry = 0.0
    base = {k: v for k, v in cfg["theme_weights"].items() if k != cfg.get("emerging")}
    while starts or total < target:
        t0 = starts.pop(0) if starts else thread_start(rng)
        frac = (t0 - START).total_seconds() / SPAN_S
        carry += emerging_share(cfg, frac)
        if carry >= 1.0:
            carry -= 1.0
            theme = cfg["emerging"]
        else:
            theme = pick_weighted(rng, base)
        size = rng.choices(SIZES, weights=SIZE_W)[0]
        op = rng.choices(members, weights=weights)[0]
        # focal drug, side effects, condition
        if key == "cg":
            drugs = CG_DRUGS[op.pt["cond"]]
            if theme == "leqembi_access":
                drug = "Leqembi"
                drugs = CG_DRUGS["Alzheimer's"]
            else:
                drug = rng.choice(list(drugs))
            cond = op.pt["cond"]
        else:
            drugs = cfg["drugs"]
            if theme == "glp1_shortage":
                drug = rng.choice(cfg["glp1"])
            else:
                drug = pick_weighted(rng, cfg["drug_weights"])
            cond = rng.choice(cfg["cond"])
        others = [d for d in drugs if d != drug] or [drug]
        drug2 = rng.choice(others)
        ses = rng.sample(drugs[drug], 2)
        thread = {"t0": t0, "theme": theme, "drug": drug, "drug2": drug2, "ses": ses, "cond": cond,
                  "community": community, "pt_female": op.pt["female"] if op.pt else True}
        title_tpl = rng.choice(cfg["titles"][theme])
        title = SLOT.sub(lambda mt: {"drug": drug, "drug2": drug2, "se": ses[0], "test": rng.choice(cfg["test"]),
                                     "cond": cond}[mt.group(1)], title_tpl)
        title = title[0].upper() + title[1:]
        thread["title"] = title
        posts: list = []
        participants = [op]
        t = t0
        for i in range(size):
            if i == 0:
                author, parent_idx, role = op, None, "open"
            else:
                if i >= 2 and rng.random() < 0.22 and posts[-1].author is not op:
                    author = op
                elif len(participants) > 1 and rng.random() < 0.2:
                    author = rng.choice(participants[1:])
                else:
                    author = rng.choices(members, weights=weights)[0]
                    for _ in range(5):
                        if author is not op and (not posts or author is not posts[-1].author):
                            break
                        author = rng.choices(members, weights=weights)[0]
                if author not in participants:
                    participants.append(author)
                if author is op:
                    cands = [j for j in range(i) if posts[j].author is not op]
                    parent_idx = rng.choice(cands[-3:]) if cands else 0
                    role = "op_update"
                else:
                    r = rng.random()
                    parent_idx = 0 if r < 0.55 or i == 1 else (i - 1 if r < 0.85 else rng.randrange(i))
                    if posts[parent_idx].author is author:
                        parent_idx = 0 if posts[0].author is not author else i - 1
                    role = "short" if rng.random() < 0.2 else "reply"
                gap = rng.expovariate(1 / 5.5 / 3600) + rng.randint(120, 1500)
                if rng.random() < 0.1:
                    gap += rng.randint(1, 6) * 86400
                t = t + timedelta(seconds=int(gap))
                if t > END:
                    if i >= 2:
                        break
                    t = t0 + (END - t0) / 2
            parent_post = posts[parent_idx] if parent_idx is not None else None
            parent_m = parent_post.author if parent_post else None
            if parent_post is not None and parent_post.status in ("deleted", "removed", "author_deleted"):
                parent_m = None
            others = [p.author for p in posts if p.author is not author and p.author is not parent_m
                      and p.status == "ok"]
            others = list(dict.fromkeys(others))
            phi_on = rng.random() < P_PHI_POST
            ctx = Ctx(rng, key, cfg, thread, author, phi_on, parent_m, others, fmt)
            paras = compose(ctx, role)
            text, spans = assemble(paras)
            sentences = [seg_text(s) for p in paras for s in p]
            gp = GPost(author=author, created=t, parent=parent_idx, text=text, spans=spans, sentences=sentences)
            # quoting an earlier post
            if parent_post is not None and parent_post.status == "ok" and role != "short":
                q_rate = 0.25 if fmt == "discourse" else (0.15 if fmt == "reddit" else 0.0)
                cands = [s for s in parent_post.sentences if len(s) > 35 and "\n" not in s]
                if cands and rng.random() < q_rate:
                    gp.quote = parent_idx
                    gp.quote_text = rng.choice(cands)
            if fmt == "reddit" and i > 0:
                r = rng.random()
                if r < 0.005:
                    gp.status = "deleted"
                elif r < 0.011:
                    gp.status = "removed"
                elif r < 0.016:
                    gp.status = "author_deleted"
            elif fmt == "reddit" and i == 0 and rng.random() < 0.012:
                gp.status = rng.choice(["deleted", "removed"])
            posts.append(gp)
        thread["posts"] = posts
        threads.append(thread)
        total += len(posts)
    threads.sort(key=lambda th: th["t0"])
    return threads


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


_LINKS = re.compile(
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+\w)"
    r"|(?P<url>(?:https?://|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net)/)[^\s<]*[^\s<.,!?)])"
    r"|(?<![\w@/])@(?P<mention>[A-Za-z0-9_][A-Za-z0-9_.-]*[A-Za-z0-9_])"
)


def cook_paragraph(text: str) -> str:
    esc = html_escape(text)

    def link(mt):
        if mt.group("email"):
            e = mt.group("email")
            return f'<a href="mailto:{e}">{e}</a>'
        if mt.group("url"):
            u = mt.group("url")
            href = u if u.startswith("http") else "http://" + u
            return f'<a href="{href}" rel="noopener nofollow ugc">{u}</a>'
        u = mt.group("mention")
        return f'<a class="mention" href="/u/{u.lower()}">@{u}</a>'

    return "<p>" + _LINKS.sub(link, esc) + "</p>"


def iso_ms(t: datetime, rng: random.Random) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S") + f".{rng.randint(0, 999):03d}Z"


def b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while n:
        n, r = divmod(n, 36)
        s = digits[r] + s
    return s or "0"


def gold_line(file: str, n: int, gp: GPost) -> str:
    spans = [{"start": s, "end": e, "label": lab} for s, e, lab, _ in gp.spans]
    return json.dumps({"id": f"{file}#{n}", "text": gp.text, "spans": spans, "values": [v for *_, v in gp.spans]},
                      ensure_ascii=False, sort_keys=True)


def render_discourse(rng: random.Random, threads: list) -> tuple[str, list]:
    # ids in creation order (global), topics in creation order
    allposts = []
    for ti, th in enumerate(threads):
        th["topic_id"] = 0
        for pi, gp in enumerate(th["posts"]):
            allposts.append((gp.created, ti, pi))
    topic_id = 2210
    for th in threads:
        topic_id += rng.randint(1, 4)
        th["topic_id"] = topic_id
    post_id = 41872
    ids = {}
    for _, ti, pi in sorted(allposts):
        post_id += rng.randint(1, 9)
        ids[(ti, pi)] = post_id
    records, gold = [], []
    for ti, th in enumerate(threads):
        posts = th["posts"]
        for pi, gp in enumerate(posts):
            body = "\n".join(cook_paragraph(p) for p in gp.text.split("\n\n"))
            if gp.quote is not None:
                q = posts[gp.quote]
                aside = (f'<aside class="quote" data-username="{q.author.username}" data-post="{gp.quote + 1}" '
                         f'data-topic="{th["topic_id"]}"><div class="title">{q.author.username}:</div>'
                         f"<blockquote><p>{html_escape(gp.quote_text)}</p></blockquote></aside>")
                body = aside + "\n" + body
            reply_to = None
            if gp.parent is not None:
                if gp.quote is not None or gp.parent != 0 or rng.random() < 0.3:
                    reply_to = gp.parent + 1
            rec = {
                "id": ids[(ti, pi)], "topic_id": th["topic_id"], "post_number": pi + 1,
                "reply_to_post_number": reply_to, "username": gp.author.username, "name": gp.author.display,
                "created_at": iso_ms(gp.created, rng), "cooked": body, "topic_title": th["title"],
                "category_slug": "breast-cancer", "post_type": 1,
                "reply_count": sum(1 for o in posts if o.parent == pi),
            }
            records.append(rec)
            gold.append(gold_line(DISCOURSE_FILE, len(records), gp))
    text = "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records) + "\n]\n"
    return text, gold


def render_reddit(rng: random.Random, by_sub: dict) -> tuple[str, list]:
    items = []  # (created, subreddit, thread key, index, thread)
    for sub, threads in by_sub.items():
        for ti, th in enumerate(threads):
            for pi, gp in enumerate(th["posts"]):
                items.append((gp.created, sub, (sub, ti), pi, th))
    items.sort(key=lambda x: (x[0], x[1], x[3]))
    sub_id, com_id = int("18vq0a", 36), int("kfx0a12", 36)
    ids = {}
    for created, sub, ti_key, pi, th in items:
        if pi == 0:
            sub_id += rng.randint(300, 4000)
            ids[(ti_key, pi)] = b36(sub_id)
        else:
            com_id += rng.randint(2000, 40000)
            ids[(ti_key, pi)] = b36(com_id)
    lines, gold = [], []
    for created, sub, tid, pi, th in items:
        gp = th["posts"][pi]
        author = gp.author.username
        text = gp.text
        if gp.quote is not None:
            text = "> " + gp.quote_text + "\n\n" + text
        if gp.status == "deleted":
            author, text = "[deleted]", "[deleted]"
        elif gp.status == "removed":
            author, text = "[deleted]", "[removed]"
        elif gp.status == "author_deleted":
            author = "[deleted]"
        score = max(0, int(rng.paretovariate(1.4) * 3) - 2) + (1 if rng.random() < 0.8 else 0)
        sid = ids[(tid, 0)]
        if pi == 0:
            rec = {"id": sid, "author": author, "created_utc": int(created.timestamp()), "subreddit": sub,
                   "title": th["title"], "selftext": text, "num_comments": len(th["posts"]) - 1, "score": score}
        else:
            parent = "t3_" + sid if gp.parent == 0 else "t1_" + ids[(tid, gp.parent)]
            rec = {"id": ids[(tid, pi)], "author": author, "created_utc": int(created.timestamp()), "subreddit": sub,
                   "body": text, "link_id": "t3_" + sid, "parent_id": parent, "score": score}
        lines.append(json.dumps(rec, ensure_ascii=False, sort_keys=True))
        if gp.status in ("ok", "author_deleted"):
            gold.append(gold_line(REDDIT_FILE, len(lines), gp))
    return "\n".join(lines) + "\n", gold


def render_csv(threads: list, rng: random.Random) -> tuple[str, list]:
    allposts = []
    for ti, th in enumerate(threads):
        for pi, gp in enumerate(th["posts"]):
            allposts.append((gp.created, ti, pi))
    allposts.sort()
    thread_id = 880
    for th in threads:
        thread_id += rng.randint(1, 3)
        th["thread_no"] = thread_id
    mid = 10452
    ids = {}
    for _, ti, pi in allposts:
        mid += rng.randint(1, 3)
        ids[(ti, pi)] = mid
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["message_id", "thread", "reply_to", "forum", "member", "display_name", "posted_at", "subject",
                "message"])
    gold = []
    n = 0
    for _, ti, pi in allposts:
        th = threads[ti]
        gp = th["posts"][pi]
        n += 1
        w.writerow([ids[(ti, pi)], th["thread_no"], "" if gp.parent is None else ids[(ti, gp.parent)], "caregivers",
                    gp.author.username, gp.author.display, gp.created.strftime("%Y-%m-%d %H:%M:%S"),
                    th["title"] if pi == 0 else "", gp.text])
        gold.append(gold_line(CSV_FILE, n, gp))
    return buf.getvalue(), gold


MAPPING_YAML = """\
# Column mapping for caregivers_forum.csv (canonical field: source column).
# posted_at is UTC, written without a zone; subject is set on the first post of a thread only.
post_id: message_id
thread_id: thread
parent_id: reply_to
community: forum
author: member
author_name: display_name
created_at: posted_at
title: subject
body: message
"""

COMMUNITY_PLAN = [  # (key, community name, format, target posts, members)
    ("bc", "breast-cancer", "discourse", 500, 60),
    ("t2d", "diabetes_t2", "reddit", 450, 60),
    ("ms", "MultipleSclerosis", "reddit", 410, 60),
    ("cg", "caregivers", "csv", 430, 60),
]
CFG = {"bc": BC, "t2d": T2D, "ms": MS, "cg": CG}


def generate(out_dir: Path, seed: int = SEED) -> dict:
    """Write the sample export into ``out_dir``; returns record counts per file."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    taken: set = set()
    built = {}
    for key, community, fmt, target, n_members in COMMUNITY_PLAN:
        rng = random.Random(f"{seed}:{key}")
        members = make_members(rng, key, CFG[key], n_members, taken)
        built[key] = build_threads(rng, key, CFG[key], members, target, fmt, community)
    rrng = random.Random(f"{seed}:render")
    disc, g_disc = render_discourse(rrng, built["bc"])
    red, g_red = render_reddit(rrng, {"diabetes_t2": built["t2d"], "MultipleSclerosis": built["ms"]})
    csv_text, g_csv = render_csv(built["cg"], rrng)
    gold = g_csv + g_disc + g_red  # file names in alphabetical order, then record number
    files = {
        DISCOURSE_FILE: disc,
        REDDIT_FILE: red,
        CSV_FILE: csv_text,
        MAPPING_FILE: MAPPING_YAML,
        GOLD_FILE: "\n".join(gold) + "\n",
    }
    for name, content in files.items():
        with open(out_dir / name, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
    return {
        DISCOURSE_FILE: sum(len(t["posts"]) for t in built["bc"]),
        REDDIT_FILE: red.count("\n"),
        CSV_FILE: sum(len(t["posts"]) for t in built["cg"]),
        MAPPING_FILE: 9,
        GOLD_FILE: len(gold),
    }


def main(argv: Optional[list] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="data/sample", type=Path)
    ap.add_argument("--seed", default=SEED, type=int)
    args = ap.parse_args(argv)
    counts = generate(args.out, args.seed)
    for name, n in counts.items():
        print(f"{name}: {n}")


if __name__ == "__main__":
    main()
