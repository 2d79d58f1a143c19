"""The recognizers this project adds to Presidio's defaults."""
from .age import AgeRecognizer
from .clinician_name import ClinicianNameRecognizer
from .facility import FacilityRecognizer
from .family_name import FamilyNameRecognizer
from .forum_handle import ForumHandleRecognizer
from .greeting_name import GreetingNameRecognizer
from .phone import WrittenPhoneRecognizer
from .street_address import StreetAddressRecognizer
from .zip_code import ZipCodeRecognizer

CUSTOM_RECOGNIZERS = (
    AgeRecognizer,
    ClinicianNameRecognizer,
    FacilityRecognizer,
    FamilyNameRecognizer,
    ForumHandleRecognizer,
    GreetingNameRecognizer,
    WrittenPhoneRecognizer,
    StreetAddressRecognizer,
    ZipCodeRecognizer,
)
