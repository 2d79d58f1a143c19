"""Named hospitals, clinics and practices: they place a member in a small area."""
from .base import Rule, RuleRecognizer

_KINDS = (
    r"(?:Hospital|Hospitals|Medical Center|Medical Centre|Health System|Healthcare|Health Care|Clinic|"
    r"Cancer Center|Cancer Centre|Cancer Institute|Infirmary|Medical Group|Memorial|Institute|"
    r"Oncology|Neurology Associates|Associates|Pharmacy|Hospice|Rehab|Rehabilitation Center|Care Center|"
    r"Nursing Home|Health Center|Family Practice|Specialists|MS Center|Diabetes Center|Breast Center)"
)


class FacilityRecognizer(RuleRecognizer):
    ENTITY = "HOSPITAL"
    RULES = (
        Rule(
            "named_facility",
            r"\b(?P<phi>(?:(?:St\.?|Saint|Mt\.?|Mount)\s+)?[A-Z][A-Za-z'&.-]+(?:\s+(?:of\s+)?[A-Z][A-Za-z'&.-]+){0,4}\s+" + _KINDS + r"\b)",
            0.75,
        ),
    )
    EXCLUDE = frozenset(
        {"the hospital", "cancer center", "the clinic", "mental health care", "health care"}
    )
