"""One parametrized table per recognizer: what it must find, and what it must leave alone."""
from __future__ import annotations

import pytest

from deid.spans import Span, resolve
from deid.recognizers.addressed_name import AddressedNameRecognizer
from deid.recognizers.age import AgeRecognizer
from deid.recognizers.bare_handle import BareHandleRecognizer
from deid.recognizers.city import CityRecognizer
from deid.recognizers.coordinates import CoordinatesRecognizer
from deid.recognizers.date_mention import DayMonthDateRecognizer
from deid.recognizers.first_name_context import FirstNameContextRecognizer
from deid.recognizers.obfuscated_email import ObfuscatedEmailRecognizer
from deid.recognizers.payment_handle import PaymentHandleRecognizer
from deid.recognizers.ssn import SsnRecognizer
from deid.recognizers.worded_url import WordedUrlRecognizer
from deid.recognizers.clinician_name import ClinicianNameRecognizer
from deid.recognizers.facility import FacilityRecognizer
from deid.recognizers.family_name import FamilyNameRecognizer
from deid.recognizers.foreign_script import ForeignScriptRecognizer
from deid.recognizers.forum_handle import ForumHandleRecognizer
from deid.recognizers.full_name import FullNameRecognizer
from deid.recognizers.name_list import NameListRecognizer
from deid.recognizers.self_introduction import SelfIntroductionRecognizer
from deid.recognizers.shouted_name import ShoutedNameRecognizer
from deid.recognizers.social_handle import SocialHandleRecognizer
from deid.recognizers.spelled_name import SpelledNameRecognizer
from deid.recognizers.greeting_name import GreetingNameRecognizer
from deid.recognizers.identifier_number import IdentifierNumberRecognizer
from deid.recognizers.known_name import KnownNameRecognizer
from deid.recognizers.person_verb import PersonVerbRecognizer
from deid.recognizers.title_name import TitleNameRecognizer
from deid.recognizers.well_known_place import WellKnownPlaceRecognizer
from deid.recognizers.member_names import MemberNameRecognizer
from deid.recognizers.phone import WrittenPhoneRecognizer
from deid.recognizers.street_address import StreetAddressRecognizer
from deid.recognizers.zip_code import ZipCodeRecognizer


def found(recognizer, text: str, min_score: float = 0.35) -> list[str]:
    """What would be redacted: the recognizer's hits above the threshold, overlaps merged."""
    hits = recognizer.analyze(text, [recognizer.supported_entities[0]])
    spans = resolve(Span(r.start, r.end, r.entity_type, r.score) for r in hits if r.score >= min_score)
    return [text[s.start : s.end] for s in spans]


CASES = {
    IdentifierNumberRecognizer: [
        ("MRN 00483921 on the wristband", ["00483921"]),
        ("my member ID XJH4458812 please", ["XJH4458812"]),
        ("policy # 4417-22-981", ["4417-22-981"]),
        ("My card 4131034282458809939 is expiring", ["4131034282458809939"]),
        ("the pump's serial number SN-88213A", ["SN-88213A"]),
        ("license plate 7ABC123", ["7ABC123"]),
        ("my card was declined 3 times", []),
        ("member since 2019", []),
        ("my A1C is 7.2", []),
        ("My ID is 40721986 if they ask", ["40721986"]),
        ("ID # 5530-21877", ["5530-21877"]),
        ("his I.D. 77120459", ["77120459"]),
        ("my Medicare number 3FT7-WQ2-HN58 is on the card", ["3FT7-WQ2-HN58"]),
        ("card says 3FT7WQ2HN58", ["3FT7WQ2HN58"]),  # a Medicare Beneficiary Identifier by its shape
        ("the lab accession # is B17-440921", ["B17-440921"]),
        ("case number 2024-88123", ["2024-88123"]),
        ("claim number CLM7730021", ["CLM7730021"]),
        ("account number 000418823", ["000418823"]),
        ("patient ID P7782910", ["P7782910"]),
        ("NHS number 485 777 3456", ["485 777 3456"]),
        # a device's MAC address, with colons or hyphens; a list of numbers stays
        ("my MAC address is 00:1A:2B:3C:4D:5E", ["00:1A:2B:3C:4D:5E"]),
        ("pump MAC 00-1a-2b-3c-4d-5e.", ["00-1a-2b-3c-4d-5e"]),
        ("reps 10-12-14-16-18-20", []),
        ("at 12:30:45 today", []),
        ("00:1A:2B:3C:4D:5E:6F:70", []),
        ("no idea 12345678 people", []),
        ("I'd 250000 reasons", []),
        ("my ID is in my wallet", []),
        ("ID 2021", []),
        ("took 2 x 500 mg", []),
        ("A1C 6.8 and LDL 120", []),
        ("3FT7-WQ2-HN5", []),  # one character short of an MBI
        ("SOLO-2 and B12", []),
        # an unbroken run of 9-20 digits, with no cue: a phone in another country's form, an order number
        ("the code was 01012345678 ok", ["01012345678"]),
        ("order #1234567890123 arrived", ["1234567890123"]),
        ("电话 13812345678", ["13812345678"]),
        ("10000000000 CFU a day", []),  # a count, not an identifier
        ("50000000000 cfu", []),
        ("pi is 3.1415926535", []),
        ("it cost 1,250,000,000 in total", []),
        ("XR1234567890 on the box", []),  # part of a word: only a cue takes it
    ],
    SelfIntroductionRecognizer: [
        ("My name is Rubija", ["Rubija"]),
        ("my name is patricia desrosiers and I have MS", ["patricia desrosiers"]),
        ("What's your last name? Boyle", ["Boyle"]),
        ("Name: Sieda Batukayev\nPhone: 1", ["Sieda Batukayev"]),
        ("Name: Sieda  Batukayev\nPhone: 1", ["Sieda  Batukayev"]),  # the span ends at the word, whatever the spacing
        ("My name is Jo and I was diagnosed in May", ["Jo"]),
        ("my name is not important here", []),
        ("the drug name is long", []),
        ("Sometimes people call me Csanád", ["Csanád"]),
        ("We named her Luz Marina", ["Luz Marina"]),
        ("my son's name is Teo and he is 4", ["Teo"]),
        ("she goes by Bea now", ["Bea"]),
        ("call me crazy but it works", []),
        ("call me back please", []),
        ("Call me Monday", []),
        ("we named her after my mom", []),
    ],
    FullNameRecognizer: [
        ("Billing address: Sophie Lang", ["Sophie Lang"]),
        ("Teresa J. Marrero called back", ["Teresa J. Marrero"]),
        ("I saw Derek Taylor's post", ["Derek Taylor's"]),
        ("Grace Church was lovely", []),
        ("Hope Lodge gave us a room", []),
        ("the Lupus Foundation helped", []),
    ],
    NameListRecognizer: [
        ("They had 6: Efimiya, Mary, Ariana, Isabel, Teresa and Jodi.", ["Efimiya", "Mary", "Ariana", "Isabel", "Teresa", "Jodi"]),
        ("our founders: Eklund, Michael and Hodge.", ["Eklund", "Michael", "Hodge"]),
        ("Tamoxifen, Letrozole and Arimidex", []),
        ("Florida, Georgia and Virginia", []),
        ("Monday, Tuesday and Friday", []),
    ],
    StreetAddressRecognizer: [
        # an ordinal street and a named cross street
        ("the Walgreens on 5th and Main", ["5th and Main"]),
        ("meet at 3rd & Pine St", ["3rd & Pine St"]),
        ("at 5th Ave and 42nd St", ["5th Ave and 42nd St"]),
        ("I'm on 2nd and 3rd line treatment", []),
        ("on 3rd and final round", []),
        ("on 2nd and Humira", []),
        ("I live at 1423 Maple Avenue, Springfield, IL 62704.", ["1423 Maple Avenue, Springfield, IL 62704"]),
        ("send it to 77 N. Oak St Apt 4B please", ["77 N. Oak St Apt 4B"]),
        ("mail to PO Box 1234", ["PO Box 1234"]),
        ("she lives at 6750 Koskikatu 25 Apt. 864\nArtilleros\n, CO\n Uruguay 64677", ["6750 Koskikatu 25 Apt. 864\nArtilleros\n, CO\n Uruguay 64677"]),
        ("Hans\n\n20789 Allika 46\n Suite 501\n Riisa\n\n Estonia 62488", ["20789 Allika 46\n Suite 501\n Riisa\n\n Estonia 62488"]),
        ("lives at 86036 Rua do Arenque 1634, Goiânia", ["86036 Rua do Arenque 1634, Goiânia"]),
        ("the office is on Villacher Strasse 89 now", ["Villacher Strasse 89"]),
        ("> 228 Ringvej 144\n> Apt. 902\n> Qaqortoq", ["228 Ringvej 144\n> Apt. 902\n> Qaqortoq"]),
        ("meet at the corner of 11 Botley Road and Herceg Gateway", ["the corner of 11 Botley Road and Herceg Gateway"]),
        ("we live at the corner of Oak and 3rd now", ["the corner of Oak and 3rd"]),
        ("my address is PSC 6293, Box 8158\nAPO AP 04336", ["PSC 6293, Box 8158\nAPO AP 04336"]),
        ("1317 Kimberly Way Laidlaw Green", ["1317 Kimberly Way Laidlaw Green"]),
        ("I live at 12 Main St and I love it", ["12 Main St"]),
        ("écrivez au 26 rue des Lilas, Apt. 735 merci", ["26 rue des Lilas, Apt. 735"]),
        ("Send it to 12 rue de la Paix and I will pay", ["12 rue de la Paix"]),
        ("we met at 4 bis, avenue Foch last year", ["4 bis, avenue Foch"]),
        ("the flat at 3482 Via Franscini 71 Suite 838 is ours", ["3482 Via Franscini 71 Suite 838"]),
        ("it's 1593 Pagari 18 Suite 932", ["1593 Pagari 18 Suite 932"]),
        ("I took 2 Advil 200 mg at noon", []),
        ("Round 3 of chemo in suite 5 tomorrow", []),
        ("2019 Stage 4\nThen chemo", []),
        ("Via 3 doses daily I feel better", []),
        ("she lives at 3 hours away from me", []),
        ("I took 2 pills on the way home", []),
        ("my A1C was 7 last time", []),
    ],
    ZipCodeRecognizer: [
        ("Springfield, IL 62704", ["62704"]),
        ("my zip code is 60614", ["60614"]),
        ("I walked 12000 steps", []),
        ("anyone in the 90210 area?", ["90210"]),
        ("the 60614 zip code has two clinics", ["60614"]),
        ("ZIP: 394 13", ["394 13"]),
        ("my zip is 6 0 6 1 4 if that helps", ["6 0 6 1 4"]),
        ("My zip is 6 0 6 1 4.", ["6 0 6 1 4"]),
        ("zip is 6 0 6 1 4 5 6", []),
        ("zip code: 6 0 6 1 4 - 2 2 1 9", ["6 0 6 1 4 - 2 2 1 9"]),
        ("mail it, I'm at 60614-2219 now", ["60614-2219"]),
        ("from 2019-2021 I was sick", []),
        ("call 555-867-5309", []),
        ("the 2020-2021 season", []),
        ("walked 10000-12000 steps", []),
        ("a 12345-6789-0 part number", []),
        ("the zip is 6 0 6", []),
        ("postal code B0J 2H0", ["B0J 2H0"]),
        ("my zip code is in my profile", []),
    ],
    WrittenPhoneRecognizer: [
        # an area code alone
        ("my area code is 512", ["512"]),
        ("the 904 area code", ["904"]),
        ("what area code?", []),
        ("area code 5123", []),
        ("area code 123", []),  # no area code starts with 0 or 1
        ("call (555) 867-5309 anytime", ["(555) 867-5309"]),
        ("text me 555.867.5309", ["555.867.5309"]),
        ("my cell is +1 555 867 5309", ["+1 555 867 5309"]),
        ("the hotline 555-867-5309 ext 12", ["555-867-5309", "ext 12"]),
        ("my A1C went from 9.1 to 6.8", []),
        ("Phone:\n467 3395", ["467 3395"]),
        ("they're not answering at 71-33-52-22", ["71-33-52-22"]),
        ("(37) 788-063-Office", ["(37) 788-063"]),
        ("my phone died on 2021-03-04", []),
        ("my number is 7 on the list", []),
        ("Call me on 312 five five five 0 1 8 8 if you want", ["312 five five five 0 1 8 8"]),
        ("three one two 555 oh one eight eight", ["three one two 555 oh one eight eight"]),
        ("text me five five five 0 1 8 8 tonight", ["five five five 0 1 8 8"]),
        ("312 double five 5 0188", ["312 double five 5 0188"]),
        ("one or two times a day", []),
        ("take 1 or 2 tablets three times a day for 5 days", []),
        ("5 one way, 3 two ways", []),
        ("in 2019 one 2 three", []),
        ("five 5 mg tablets", []),
        # a bare call / text / ring / dial before the number, with 6+ digits
        ("call 01012345678 anytime", ["01012345678"]),
        ("text 555 0199 after six", ["555 0199"]),
        ("ring 020 7946 0958", ["020 7946 0958"]),
        ("I had to call 3 times", []),
        ("call 911 if it gets worse", []),
        ("I text 2 or 3 friends", []),
    ],
    AgeRecognizer: [
        ("I'm 47 and newly diagnosed", ["47"]),
        ("my 92-year-old mother", ["92"]),
        ("diagnosed at 38 with MS", ["38"]),
        ("he is 71 yo", ["71"]),
        ("I'm 3 weeks into treatment", []),
        ("I'm 5 days post op", []),
        ("My father retired at the age of 61", ["61"]),
        ("I'll turn 47 on Sunday", ["47"]),
        ("Nana is ninety-seven and sharp", ["ninety-seven"]),
        ("she turned ninety eight in May", ["ninety eight"]),
        ("he is a hundred and two.", ["a hundred and two"]),
        ("a ninety-one-year-old survivor", ["ninety-one"]),
        ("ninety two years young", ["ninety two"]),
        ("my wife, is 93 years young", ["93"]),
        ("Aunt Rosa, 96, had it too", ["96"]),
        ("(Edith Walker, 94) started Leqembi", ["94"]),
        ("Mom (91) is on donepezil", ["91"]),
        ("Grandma is 99 and Grandpa's 97", ["99", "97"]),
        # a birth year that puts someone over 89 this year
        ("Mom was born in 1920 and still sharp", ["1920"]),
        ("my dad (b. 1921) has dementia", ["1921"]),
        ("born on the 3rd of June, 1922 in Ohio", ["1922"]),
        ("born 14 March 1923", ["1923"]),
        ("DOB 1/2/1924 on the form", ["1924"]),
        ("date of birth: 1925-01-02", ["1925"]),
        ("Dad's birthday is March 3, 1926", ["1926"]),
        ("DOB 1/2/1990", []),
        ("I was born in 1985", []),
        ("born in the 1950s", []),
        ("she passed away at 93", ["93"]),
        ("my grandpa turned 91", ["91"]),
        ("I'm ninety days post op", []),
        ("is a hundred times better", []),
        ("my BP is ninety over sixty", []),
        ("the copay is a hundred dollars", []),
        ("there is a hundred ways to do it", []),
        ("Metformin, 100, twice", []),
        ("Lisinopril (100) daily", []),
        ("Rosa, 96 mg of it", []),
        ("Rosa, 45, had it too", []),  # under 90 the appositive shape is too loose
        ("a 92% chance", []),
        ("back in 2096", []),
        ("room 95, page 95", []),
        ("my glucose was at 95 this morning", []),
        ("Dad is 95 pounds lighter", []),
        ("Grandma's 100th birthday", []),
    ],
    ForumHandleRecognizer: [
        ("@sunflower_jen82 thank you!", ["@sunflower_jen82"]),
        ("as u/mikeT_1975 said", ["u/mikeT_1975"]),
        ("U/MoniqueCarb6 nailed it.", ["U/MoniqueCarb6"]),  # capitalised by autocorrect
        ("see /U/foo_bar", ["/U/foo_bar"]),
        ("R/diabetes is great", []),  # a subreddit names no one
        ("email me at jen@example.com", []),
    ],
    ClinicianNameRecognizer: [
        ("Dr. Patel said it was fine", ["Patel"]),
        ("Dr Okafor at the clinic", ["Okafor"]),
        ("my oncologist Sarah Lee called", ["Sarah Lee"]),
        ("my nurse Linda was kind", ["Linda"]),
        ("Dr. Google is not a doctor", []),
        ("Nurse Ratched would not let me sleep", ["Ratched"]),
        ("Dr. J said it was fine", ["J"]),  # an initial after the title
        ("the Dr. I saw was rushed", []),
        ("Dr. A few days later", []),
        ("Drs. Lee and Park agreed", ["Lee and Park"]),  # every name after the plural title
        ("Drs Smith, Okafor and Lee", ["Smith, Okafor and Lee"]),
        ("Nurse Practitioner visits are covered", []),
        ("The Nurse Navigator called", []),
        ("my oncologist said no", []),
    ],
    FamilyNameRecognizer: [
        ("my husband Mike drove me", ["Mike"]),
        ("My daughter Sarah is 12", ["Sarah"]),
        ("my DH Tom helps", ["Tom"]),
        ("my husband and I went", []),
        ("my husband I guess", []),
        # lower case right after one relative: a listed first name, everyday-word names included
        ("my hubby rob has been great", ["rob"]),
        ("my MIL barb came over", ["barb"]),
        ("my son max loves it", ["max"]),
        ("my sister kim drove", ["kim"]),
        ("my husband will drive", []),  # a modal
        ("my mom rose to the occasion", []),  # an irregular verb form
        ("my son just started", []),  # an adverb
        ("my dad hopes so", []),  # a verb with -s
        ("my wife retired last year", []),
        ("my baby girl is 3", []),
        ("my friend group meets", []),
        ("my kids rob me blind", []),  # a plural: the verb may follow
    ],
    GreetingNameRecognizer: [
        ("hey kwame nice video", ["kwame"]),  # lower case after a greeting: no English word
        ("hi tanner how are you", ["tanner"]),  # ... or a first name a list knows
        ("hey sorry I missed it", []),
        ("hey man what happened", []),
        ("hey lol that was fun", []),
        ("hi tamoxifen works for me", []),
        ("Hi Sarah, welcome!", ["Sarah"]),
        ("thanks Jenny! that helps", ["Jenny"]),
        ("That helps a lot.\nHugs, Mike", ["Mike"]),
        ("Hope this helps\n— Jen", ["Jen"]),
        ("Thanks everyone for the advice", []),
        ("Hi all, quick question", []),
        # a lower-case sign-off with a listed first name
        ("thanks for listening\nlove, barb", ["barb"]),
        ("love it", []),
        ("much love, mom", []),
        ("hugs mama", []),
        ("cheers mate", []),
        ("love ozempic", []),
        # the last line signs off with a first name and says more about the writer
        ("thanks all\n- Marguerite, 54, stage IIIA", ["Marguerite"]),
        ("--Barb (mom of a T1D kid)", ["Barb"]),
        ("my list:\n- Nausea, mild\n- Fatigue (mostly pm)", []),
        ("- Marguerite, 54\nand more to say", []),  # not the last line
        # initials closing the post
        ("Thanks all, - T.J.", ["T.J."]),
        ("That helps.\nBest, M.", ["M."]),
        ("Take care ~ K\n", ["K"]),
        ("Thanks! -JK", ["JK"]),
        ("Love, X", []),
        ("Thanks, OK", []),
        ("I love B", []),
        ("2 MORE WEEKS ! XD", []),  # emoticons and kisses after "!" are no initials
        ("guns . XOXO", []),
        ("WEEKEND !! xD", []),
        ("vitamins A - E", []),
    ],
    FacilityRecognizer: [
        ("treated at Mercy General Hospital last year", ["Mercy General Hospital"]),
        ("St. Vincent Medical Center was great", ["St. Vincent Medical Center"]),
        ("went to Riverside Cancer Institute", ["Riverside Cancer Institute"]),
        ("the hospital was busy", []),
        ("i get treated at lakeview medical center now", ["lakeview medical center"]),
        ("dr. patel at good samaritan infusion center agreed", ["good samaritan infusion center"]),
        ("We sold the house to pay for memory care.", []),
        ("the local cancer center called", []),
    ],
    FirstNameContextRecognizer: [
        ("my dad stanley is at rehab", ["stanley"]),
        ("my neighbor mary-kate helped", ["mary-kate"]),  # each part a listed first name
        ("my nurse follow-up is monday", []),
        ("our social worker ruthie finally called", ["ruthie"]),
        ("my diabetes educator becca was great", ["becca"]),
        ("My mother-in-law Marjorie is 73", ["Marjorie"]),
        ("What Pam said! Same here.", ["Pam"]),
        ("Jen,\n\nThe area agency on aging helped.", ["Jen"]),
        ("Sarah and I went to the clinic", ["Sarah"]),
        ("Hope said the shots sting", ["Hope"]),  # a name that is an everyday word, before a speech verb
        # a writer introducing themselves: "<first name> here" and a pause, at a line's start
        ("Dawn here. Diagnosed 2019.", ["Dawn"]),
        ("Hi all, Joy here, newly diagnosed", ["Joy"]),
        ("Hello everyone! Barb here - mom of two", ["Barb"]),
        ("Summer here is awful", []),
        ("Winter here, ugh", []),
        ("Same here.", []),
        ("Morning here.", []),
        ("I am new. Dawn here\nstage 2", []),  # not at a line's start
        ("Joy (45F) here, lurker", ["Joy"]),
        ("Hi, I'm Hope. New here.", ["Hope"]),
        ("I am Grace, 34, stage 2", ["Grace"]),
        ("I'm Joy and I was diagnosed in May", ["Joy"]),
        ("I'm hopeful. Hope helps.", []),
        ("I'm Sure it works", []),
        ("so I'm Done.", []),  # no listed name
        ("I hope said drug works", []),
        ("I keep forgetting Ibrance and I'm not sure why", []),
        ("my dad thinks it works", []),
        ("Everyone said the same", []),
    ],
    CityRecognizer: [
        ("I drive from Asheville for every appointment", ["Asheville"]),
        ("Anyone else in the Akron area?", ["Akron"]),
        ("it is 41 Magnolia Avenue, Kalamazoo, MI 49064", ["Kalamazoo"]),
        ("I moved to Texas last year", []),
        ("I go to Mass on Sundays", []),
    ],
    ShoutedNameRecognizer: [
        ("BEST OF RADEK", ["RADEK"]),
        ("IS THAT KELSEY ? ! !", ["KELSEY"]),
        ("KELSEY'S mum said hi", ["KELSEY"]),
        ("I HAVE COPD AND ADHD", []),  # acronyms: no name list knows them
        ("2 WEEKS LATER IT SHOWS", []),  # inflected English words
        ("started HUMIRA today", []),  # a drug
        ("Radek wrote it", []),  # not in capitals: known_name.py's case
    ],
    WellKnownPlaceRecognizer: [
        # US metro areas by their nicknames
        ("we're in the Twin Cities", ["Twin Cities"]),
        ("anyone in dfw?", ["dfw"]),
        ("DFW area support group", ["DFW"]),
        ("I live in the tri-state area", ["tri-state area"]),
        ("Toronto was freezing this morning", ["Toronto"]),  # a big city, no cue
        ("we flew into Los Angeles for the trial", ["Los Angeles"]),
        ("my sister in Boston says hi", ["Boston"]),  # web2 also lists "boston" (a card game): added by hand
        ("NEW YORK HERE WE COME", ["NEW YORK"]),
        ("my oncologist's office in New York City.", ["New York City"]),
        ("Toronto's winters are rough", ["Toronto"]),  # possessive left out of the span
        ("i live in amsterdam now", ["amsterdam"]),  # lower case, after a cue
        ("moved to LA after the transplant", ["LA"]),  # a short form, after a cue
        ("back in DC for the scan", ["DC"]),
        ("so you were in WI too?", ["WI"]),  # a state code after a cue (kept unless places are strict)
        ("i went to india for surgery", ["india"]),  # a country after a cue (kept unless places are strict)
        ("Philly doctors are great", ["Philly"]),
        ("flights to mexico city are cheap", ["mexico city"]),  # lower case after a cue
        ("we drove through east portland", []),  # lower case without a cue
        ("my turkey sandwich", []),  # a country in lower case needs a cue
        ("china is so cold", []),
        ("switched to LA formulation", []),  # LA = long-acting: no place after it
        ("my LA dose was raised", []),
        ("diagnosed in MS clinic", []),  # MS is never a state here
        ("Phoenix is a myth", []),  # an everyday word in Webster's list: city.py needs a cue
        ("Reading helps me sleep", []),
        ("had Kawasaki disease as a kid", []),  # a disease name
        ("talk to me or to us", []),  # lower-case state codes are words
    ],
    ObfuscatedEmailRecognizer: [
        ("my email is ginaiverson at outlook dot com.", ["ginaiverson at outlook dot com"]),
        ("reach me: jane [at] example [dot] org", ["jane [at] example [dot] org"]),
        ("we met at noon dot the clinic", []),
        ("My email is bob{at}mailbox{dot}com and", ["bob{at}mailbox{dot}com"]),
        ("jane.doe61 [ at ] yahoo [ dot ] com", ["jane.doe61 [ at ] yahoo [ dot ] com"]),
        ("jane <at> example (dot) org", ["jane <at> example (dot) org"]),
        ("jane (at) example [ dot ] org", ["jane (at) example [ dot ] org"]),
        ("bob_smith AT protonmail DOT me works", ["bob_smith AT protonmail DOT me"]),
        ("write to jdoe at example.com", ["jdoe at example.com"]),
        ("Find me at facebook.com/jane.doe.77", []),  # the URL recognizers take the address, not "me at"
        ("find us at example.org", []),
        ("look at webmd.com for it", []),
        ("me at hotmail dot com", ["me at hotmail dot com"]),  # a worded host is an address whatever the local part
        # a webmail provider without its ending
        ("my email is jdoe1962 at yahoo", ["jdoe1962 at yahoo"]),
        ("jane dot doe at gmail if you want", ["jane dot doe at gmail"]),
        ("email me: jdoe at hotmail", ["jdoe at hotmail"]),
        ("I'm at gmail all day", []),
        ("the people at yahoo never replied", []),
        ("look at gmail for the link", []),
    ],
    WordedUrlRecognizer: [
        ("instagram dot com slash jane_doe_pink.", ["instagram dot com slash jane_doe_pink"]),
        ("ask janes_page dot net slash sunny for it", ["janes_page dot net slash sunny"]),
        ("facebook dot com / jane.doe", ["facebook dot com / jane.doe"]),
        ("youtube dot com slash c slash janedoe", ["youtube dot com slash c slash janedoe"]),
        ("my blog is janedoe [dot] org", ["janedoe [dot] org"]),
        ("the dot com bubble", []),
        ("back in the dot com era", []),
        ("connect the dot to the next one", []),
        ("a dot com address", []),
    ],
    PaymentHandleRecognizer: [
        ("cashapp $JaneD1988 if you can", ["$JaneD1988"]),
        ("send it to $jane_doe", ["$jane_doe"]),
        ("it cost $40, then $1,500, then $5k", []),
        ("about US$50 or $USD 20", []),
        ("Venmo @jane-doe-88 thanks", ["@jane-doe-88"]),
        ("my venmo: janedoe", ["janedoe"]),
        ("venmo is JaneDoe88", ["JaneDoe88"]),
        ("paypal.me/janedoe88 works", ["paypal.me/janedoe88"]),
        ("Venmo is great for splitting bills", []),
        ("I paid with Venmo last week", []),
        ("venmo me if you want", []),
        ("PayPal - no fees", []),
    ],
    SocialHandleRecognizer: [
        # a platform named by an everyday word, before a colon
        ("snap: janedoe", ["janedoe"]),
        ("Threads: @jenk", ["@jenk"]),
        ("oh snap: that hurt", []),
        ("signal: weak today", []),
        ("snapchat: jenny", ["jenny"]),  # a first name, though English lists "jenny"
        ("IG: jenny_k92", ["jenny_k92"]),
        ("my kik is jenny92", ["jenny92"]),
        ("add me on telegram: jennyk92", ["jennyk92"]),
        ("find me on tiktok JennyK92 lol", ["JennyK92"]),
        ("my insta is jen.k.92 if anyone wants", ["jen.k.92"]),
        ("snapchat: jennyk", ["jennyk"]),  # a plain word after a colon
        ("my handle on the old forum was CancerMom77", ["CancerMom77"]),
        ("my username over there is jk_1962", ["jk_1962"]),
        ("discord jenny#1234", ["jenny#1234"]),
        ("my instagram is private", []),
        ("the facebook group is great", []),
        ("I can't handle it", []),
        ("can't handle 3x a day", []),
        ("on instagram 2 years now", []),
        ("let off steam today", []),
        ("issue#1234 without the platform", []),
        ("Blogging and Twitter : Two amazing products", []),
    ],
    CoordinatesRecognizer: [
        ("we're at 40.7128, -74.0060 if you drop by", ["40.7128, -74.0060"]),
        ("(51.5072,-0.1276)", ["51.5072,-0.1276"]),
        ("40°42'46\"N 74°00'21\"W", ["40°42'46\"N 74°00'21\"W"]),
        ("40.7128° N, 74.0060° W", ["40.7128° N, 74.0060° W"]),
        ("SG 1.025, 1.030", []),
        ("doses 0.1250, 0.2500", []),
        ("version 1.2.3", []),
        ("readings 95.1234, 200.5678", []),  # 200 is no longitude... and 95 no latitude
        ("it was 102°F, 39°C", []),
    ],
    SsnRecognizer: [
        ("my SSN is 219 09 9999 for the form", ["219 09 9999"]),
        ("social security number 219.09.9999", ["219.09.9999"]),
        ("Dad's SSN: 123 45 6789", ["123 45 6789"]),  # a published sample number, still taken after the word
        ("social security 219099999", ["219099999"]),
        ("it was 219-09-9999 on the card", ["219-09-9999"]),
        ("219 09 9999 with no word", []),  # spaced digits alone are left to Presidio and the phone rules
        ("000-12-3456 and 666-12-3456 and 219-00-9999", []),  # never issued
        ("call 555-867-5309", []),
        ("on 2019-03-14", []),
        ("social security 219-09-99999", []),
    ],
    KnownNameRecognizer: [
        ("we finally met Ilona Varga at the support group", ["Ilona Varga"]),
        ("the Petrović twins came too", ["Petrović"]),
        ("Kelsey's mum brought soup", ["Kelsey"]),
        ("Linus , do you still take it?", ["Linus"]),  # first in a sentence: the name itself is no English word
        ("ask hubert about the forms", ["hubert"]),  # a first name in lower case
        ("then Aino K. Lehtinen called back", ["Aino K. Lehtinen"]),  # initial inside the name
        ("Okonkwo and Lindqvist wrote the paper", ["Okonkwo", "Lindqvist"]),  # the other side of "and"
        ("I spoke to Dragoljub Mrkonjić on Friday", ["Dragoljub Mrkonjić"]),  # two words no list knows
        ("we read the Mrkonjić letters", ["Mrkonjić"]),  # one with accents
        ("ask DrewFanClub about it", ["DrewFanClub"]),  # a run-together handle
        ("my NovoLog pen and CoQ10", []),  # camel-case drug and supplement names stay
        ("Cleopatra Dzhumabaeva called", ["Cleopatra Dzhumabaeva"]),  # a listed first name, then a word no list knows
        ("Okonkwo and Adams were there", ["Okonkwo", "Adams"]),  # a Census surname beside "and"
        ("Dear Kelsey, thank you", ["Kelsey"]),  # the greeting is not part of the name
        ("my onc Dr Lindqvist said", ["Lindqvist"]),
        ("the Naïve approach", []),  # accented but an English word
        ("ok. Don’t argue. You’ve got this.", []),  # curly apostrophes are not accents
        ("then Todd drove me home", ["Todd"]),  # a name English also uses as a noun, inside a sentence
        ("Todd drove me home", []),  # ... but not first in a sentence
        ("Mason jars are great for overnight oats", []),
        ("Bridget's advice is spot on", ["Bridget"]),  # a noun-like first name opening a sentence as a possessive
        ("Mason's advice helped", ["Mason"]),
        ("Todd's paralysis after the seizure", []),  # an eponymous sign
        ("my doctor at Grace Church clinic", []),
        ("I have Wilson's disease and Ramsay Hunt syndrome", []),  # eponyms
        ("woke up with a charley horse again", []),
        ("my Endo switched me to Humira", []),  # specialty slang, a drug
        ("Percocet and Lipitor", []),
        ("IDRIS ELBA IN CAPITALS", []),  # shouting and acronyms are left to the other rules
        ("lol hey babe", []),  # chat words some locale lists as names
        ("I started Arthrotec and Lyrica", []),
        # a single word no list knows, shaped like a name (deid/name_shape.py)
        ("This song by ex-Zombie Sedej is a classic", ["Sedej"]),
        ("early Muslija is the best", ["Muslija"]),
        # ... not drugs, supplements, apps or brands shaped otherwise
        ("Xarelto and Eliquis both gave me bruises", []),
        ("my Fitbit says I slept badly after the Melatonin", []),
        ("Trulicity, Entresto and Dupixent", []),
        # lower-case name parts: a Census first name before a name, a word after an initial
        ("naomi ryan | sewer pipe cleaner", ["naomi ryan"]),
        ("leidy t muris | labor relations director", ["leidy t muris"]),
        ("will ryan come too", ["ryan"]),  # "will" is an everyday word, not a first name here
        # a lower-case word no list knows, shaped like a name at the capitalised threshold
        ("oluwaseun is so funny", ["oluwaseun"]),
        ("salute to wanjiru for this", ["wanjiru"]),
        # ... not laughter, stretched words, typos of English words, accented English words, drugs
        ("hahahaha that was great bwahaha", []),
        ("sooooo tired aaaaaaaa", []),
        ("that is so wierd , did you recieve it", []),
        ("the señorita song", []),
        ("metformin and trulicity and ozempic", []),
        ("lmfao no way", []),
    ],
    TitleNameRecognizer: [
        ("please send it to Mr. Tapio Lehtonen", ["Tapio Lehtonen"]),
        ("I spoke with ms. Oyelaran at the desk", ["Oyelaran"]),
        ("Mrs Patel's dog barked", ["Patel"]),
        ("Frau Becker and Sra. López", ["Becker", "López"]),
        ("Mr. Brown was kind", ["Brown"]),  # an English word a surname list knows
        ("Ms. Willa de Vries", ["Willa de Vries"]),
        ("waiting for Mr. Right", []),
        ("my MS. Also the fatigue", []),  # all capitals: multiple sclerosis
        ("my Ms Nurse called", []),  # bare "Ms" is also MS: only a first name after it
        ("Ms Lipitor", []),
    ],
    AddressedNameRecognizer: [
        ("Nkechi: are you coming?", ["Nkechi"]),  # a speaker label
        ("ok then. Tomasz: hi | Ana:\"I am here\"", ["Tomasz", "Ana"]),
        ("Radek, can you send it?", ["Radek"]),  # called out before a question
        ("Update: scan was clear", []),
        ("Diagnosis: MS since 2019", []),
        ("Humira: works for me", []),
        ("Sorry, can I ask something", []),
        ("mum: eat something", []),
    ],
    PersonVerbRecognizer: [
        ("Kwame is such a legend", ["Kwame"]),  # what is said of people
        ("Bongani is so funny", ["Bongani"]),
        ("maya is so cute", ["maya"]),  # lower case: a first name a list knows
        ("Humira is a lifesaver", []),
        ("Lyrica is a beast", []),  # a drug
        ("this is so cute", []),
        ("Nkechi lives near the coast", ["Nkechi"]),
        ("Dilnoza spent a year abroad", ["Dilnoza"]),
        ("Scott told me to rest", ["Scott"]),  # a first name list knows it
        ("Everyone told me to rest", []),
        ("Humira told me nothing", []),  # a drug
        ("Nurse told me to wait", []),  # an English word
    ],
    DayMonthDateRecognizer: [
        ("I started treatment on 7/16. Going ok.", ["7/16"]),
        ("My next scan is 3/6.", ["3/6"]),
        ("my pain is 7/10 today", []),
        ("dose was 2.5 mg", []),
        # a month and year in digits
        ("dx 03/2019 and started chemo", ["03/2019"]),
        ("since 11-2021 I have had it", ["11-2021"]),
        ("A1C 6.5/2019 target", []),
        # a day before a month name: capitalised, or with an ordinal or "of"
        ("surgery 14 March, then rest", ["14 March"]),
        ("on the 3rd of june we met", ["the 3rd of june"]),
        ("on 3rd may", ["3rd may"]),
        ("3 may be enough", []),
        ("took 2 mar", []),
    ],
    BareHandleRecognizer: [
        ("thanks sunflower_jen82 for this", ["sunflower_jen82"]),
        ("jenny82 said it", ["jenny82"]),
        ("agree with mike_t", ["mike_t"]),
        ("as MikeT1975 said", ["MikeT1975"]),
        ("read the post by hopeful_hannah", ["hopeful_hannah"]),
        ("CancerMom77 said", ["CancerMom77"]),  # no name, but shaped like nothing else
        ("t1d_warrior82 wrote", ["t1d_warrior82"]),
        # months, everyday-word names, medical words and products name nobody
        ("jan2024 scan", []),
        ("max10 dose", []),
        ("covid19 again", []),
        ("Type_2 diabetes", []),
        ("T1D_mom said", []),
        ("tamoxifen_mom", []),
        ("Ozempic2023", []),
        ("I took CoQ10 along with it", []),
        ("see the file_name field", []),
        ("PlayStation5", []),
        # with a prefix, in an e-mail or a URL: other recognizers' business
        ("@jenny82", []),
        ("u/jenny82", []),
        ("jenny82@gmail.com", []),
        ("site.com/jenny82", []),
    ],
    SpelledNameRecognizer: [
        ("my name is J e n n y", ["J e n n y"]),
        ("J.e.n.n.y. says hi", ["J.e.n.n.y"]),
        ("ask j-e-n-n-y", ["j-e-n-n-y"]),
        ("my son T y l e r is 7", ["T y l e r"]),
        ("K * A * T * E", ["K * A * T * E"]),
        ("J. E. N. N. Y.", ["J. E. N. N. Y"]),
        ("k o w a l s k i family", ["k o w a l s k i"]),  # a surname that is no English word
        ("s m i t h family", []),  # a surname that is an English word
        ("L . O . V . E", []),  # emphasis: a verb, though a name list holds "Love"
        ("F R E E", []),
        # acronyms and letters that join to no name, and medical terms, stay
        ("I V F round 2", []),
        ("U.S.A. rules", []),
        ("T I A last year", []),
        ("my A.N.A. was positive", []),
        ("N A S H and fibrosis", []),
        ("her name is a n a", ["a n a"]),  # lower case: the name
        ("B R C A", []),
        ("e.g. this, i.e. that", []),
        ("it effects my R.E.M. Sleep", []),
        ("o m g", []),
        ("J e n n y x", []),  # the letters run on: "jennyx" is no name
    ],
    ForeignScriptRecognizer: [
        ("I'm Maciej, originally from ΚΑΤΩ ΠΟΛΕΜΙΔΙΑ, and i'm 23", ["ΚΑΤΩ ΠΟΛΕΜΙΔΙΑ"]),
        ("my friend Дмитрий Соколов says hi", ["Дмитрий Соколов"]),
        ("we met at 北京饭店 last year", ["北京饭店"]),
        ("send it to Οδός Ερμού 12\nΑθήνα 10563\nthanks", ["Οδός Ερμού 12\nΑθήνα 10563"]),
        # scientific Greek, units, and posts written in another script stay
        ("on a β-blocker and TNF-α inhibitors, 500 μg of B12, 3 μmol/L, IL-1β high", []),
        ("Δ9-THC gummies, α and β", []),
        ("Все хорошо, спасибо, я живу в Москве и принимаю метформин", []),
        ("plain English post with Ozempic 0.5", []),
    ],
}


@pytest.mark.parametrize(
    "recognizer_cls,text,expected",
    [(cls, text, expected) for cls, cases in CASES.items() for text, expected in cases],
    ids=lambda v: v.__name__ if isinstance(v, type) else None,
)
def test_recognizer_table(recognizer_cls, text, expected):
    assert found(recognizer_cls(), text) == expected


MEMBERS = MemberNameRecognizer(["sunflower_jen82", "Jenny Walsh", "Hope Adams", "jen.w"])


@pytest.mark.parametrize(
    "text,expected",
    [
        ("thanks Jenny!", ["Jenny"]),
        ("thanks jenny", ["jenny"]),
        ("Jenny's advice helped", ["Jenny"]),
        ("JENNY WALSH posted this", ["JENNY WALSH"]),
        ("ask sunflower_jen82 about it", ["sunflower_jen82"]),
        ("Hope said hi", ["Hope"]),
        ("I hope it gets better", []),  # a name that is an everyday word: only capitalised
        ("I asked jen.w yesterday", ["jen.w"]),
        ("Jennyfer is someone else", []),
    ],
)
def test_member_names(text, expected):
    assert found(MEMBERS, text) == expected


@pytest.mark.parametrize(
    "word,listed",
    [("zsófia", True), ("kelsey", True), ("okonkwo", True), ("lindqvist", True),
     ("grace", False), ("hope", False), ("lipitor", False), ("georgia", False), ("the", False), ("church", False)],
)
def test_world_name_lists_hold_no_english_drug_or_place_word(word, listed):
    from deid.gazetteers import world_first_names, world_surnames

    assert (word in world_first_names() or word in world_surnames()) is listed


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Will you ask about the patch?", []),  # the verb asking a question
        ("May I add one thing?", []),
        ("faith, hope and Will power got me through", []),  # willpower
        ("Will said the patch helped", ["Will"]),
        ("ask Will, he knows", ["Will"]),  # a comma: the name, then the pronoun
        ("Will's tip worked", ["Will"]),
        ("May Chen sent the link", ["May Chen"]),
    ],
)
def test_member_names_that_are_verbs(text, expected):
    assert found(MemberNameRecognizer(["Will_Turner", "Will Turner", "May Chen"]), text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Find me at facebook.com/groups/ourgroup", []),  # the writer, then a web address
        ("reach us at example.org for the form", []),
        ("write to him at work dot com", ["him at work dot com"]),  # a worded host is an address written out: privacy first
        ("find me at rosa.lind at outlook dot com", ["rosa.lind at outlook dot com"]),  # the address after the pronoun
        ("mail meg at outlook dot com", ["meg at outlook dot com"]),  # a local part that starts like "me"
    ],
)
def test_obfuscated_email_pronoun_before_at_is_no_mailbox(text, expected):
    assert found(ObfuscatedEmailRecognizer(), text) == expected
