"""Record, member, policy, account, card, device, licence and vehicle numbers (Safe Harbor
identifiers 8-16), taken when a word says what the number is: "MRN 00483921", "member ID
XJH4458812", "policy # 4417-22-981", "my card 2623322164608847", "serial number SN-88213A",
"plate 7ABC123", "VIN 1HGCM82633A004352", "my ID is 99812345", "accession # A24-118832",
"NHS number 943 476 5919"; and a device's MAC address ("00:1A:2B:3C:4D:5E") on its own. A bare
number of up to 8 digits is not taken (doses, lab values, step counts). Two bare shapes are: the
Medicare Beneficiary Identifier, whose shape (CMS: 11 characters, C A AN N A AN N A A N N,
letters without S L O I B Z) is distinctive enough on its own, and an unbroken run of 9-20
digits ("ref 01012345678", "order #1234567890123"): no dose, count or lab value is written that
way, while phone numbers in other countries' forms, account, order and tracking numbers are
(Safe Harbor 18, any other unique number), unless a unit follows ("10000000000 CFU")."""
import re

from .base import Rule, RuleRecognizer

_CUE = (
    r"(?i:medical record(?:\s+number)?|mrn|chart number|patient (?:id|number)|member(?:ship)?(?:\s+id)?|subscriber(?:\s+id)?|"
    r"policy|group(?:\s+number)|health plan(?:\s+id)?|insurance(?:\s+id)?|claim|case|account|acct|"
    r"(?:credit |debit )?card|cc|serial(?:\s+number)?|s/n|sn|device(?:\s+id)?|lot|"
    r"licen[cs]e(?:\s+number)?|driver'?s licen[cs]e|dl|license plate|plate|registration|vin|passport|"
    r"medicare(?:\s+(?:beneficiary\s+)?(?:identifier|card))?|mbi|medicaid|nhs|accession|specimen|requisition|"
    r"id(?!\w)|i\.d\.?)"
)
_SEP = r"(?:\s*(?i:number|no\.?|num|id|#|:)){0,3}\s*(?i:is|was)?\s*[:#]?\s*"
_MBI_ALPHA = "[AC-HJKMNP-RT-Y]"
_MBI = (
    r"[1-9]" + _MBI_ALPHA + r"[AC-HJKMNP-RT-Y0-9]\d-?" + _MBI_ALPHA + r"[AC-HJKMNP-RT-Y0-9]\d-?"
    + _MBI_ALPHA + r"{2}\d{2}"
)
# What a long digit run may count instead of identify: probiotic CFU, units, copies, cells, a dose.
_UNIT = r"(?:(?i:cfus?|iu|units?|copies|cells|mg|mcg|µg|ug|ng|ml|g|kg|per)\b|%|/)"
_LONG_RUN = r"(?<![\w.,/:-])(?P<phi>\d{9,20})(?![\w-]|[.,]\d|\s?" + _UNIT + r")"
_VALUE = r"(?P<phi>(?=[A-Z0-9-]*\d)[A-Z0-9](?:[A-Z0-9]|[- ](?=[A-Z0-9])){4,22}[A-Z0-9])"


class IdentifierNumberRecognizer(RuleRecognizer):
    ENTITY = "ID_NUMBER"
    REQUIRES = r"\d"  # a value needs 4+ digits (5 for a VIN)
    RULES = (
        Rule("after_cue", r"\b" + _CUE + _SEP + _VALUE + r"\b", 0.7),
        Rule("medicare_mbi", r"(?<![\w-])(?P<phi>" + _MBI + r")(?![\w-])", 0.6, requires=r"[1-9]" + _MBI_ALPHA),
        Rule("long_number", _LONG_RUN, 0.36, requires=r"\d{9}"),
        Rule("vin", r"\b(?P<phi>[A-HJ-NPR-Z0-9]{17})\b", 0.3),  # with "VIN" nearby (context) it counts
        # a device's hardware (MAC) address, "00:1A:2B:3C:4D:5E" (Safe Harbor 13, device identifiers)
        Rule("mac_address", r"(?<![\w:.-])(?P<phi>[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\2){4}[0-9A-Fa-f]{2})(?![\w:-])", 0.6, requires=r"[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-]"),
    )
    CONTEXT = ("vin", "vehicle", "car")

    def accept(self, value: str, rule: Rule) -> bool:
        digits = sum(c.isdigit() for c in value)
        if rule.name == "vin":
            return digits >= 5 and any(c.isalpha() for c in value)
        if rule.name == "mac_address":  # "10-12-14-16-18-20" is a list of numbers
            return ":" in value or any(c.isalpha() for c in value)
        return digits >= 4 and not re.fullmatch(r"(?:19|20)\d\d", value) and not re.search(r"\s\d{1,2}$", value)
