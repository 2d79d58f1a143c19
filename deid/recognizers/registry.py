"""The recognizers this project adds to Presidio's defaults."""
from .addressed_name import AddressedNameRecognizer
from .age import AgeRecognizer
from .bare_handle import BareHandleRecognizer
from .city import CityRecognizer
from .coordinates import CoordinatesRecognizer
from .clinician_name import ClinicianNameRecognizer
from .date_mention import DayMonthDateRecognizer
from .facility import FacilityRecognizer
from .family_name import FamilyNameRecognizer
from .first_name_context import FirstNameContextRecognizer
from .foreign_script import ForeignScriptRecognizer
from .forum_handle import ForumHandleRecognizer
from .full_name import FullNameRecognizer
from .greeting_name import GreetingNameRecognizer
from .identifier_number import IdentifierNumberRecognizer
from .known_name import KnownNameRecognizer
from .name_list import NameListRecognizer
from .obfuscated_email import ObfuscatedEmailRecognizer
from .payment_handle import PaymentHandleRecognizer
from .person_verb import PersonVerbRecognizer
from .phone import WrittenPhoneRecognizer
from .self_introduction import SelfIntroductionRecognizer
from .shouted_name import ShoutedNameRecognizer
from .social_handle import SocialHandleRecognizer
from .spelled_name import SpelledNameRecognizer
from .ssn import SsnRecognizer
from .street_address import StreetAddressRecognizer
from .title_name import TitleNameRecognizer
from .well_known_place import WellKnownPlaceRecognizer
from .worded_url import WordedUrlRecognizer
from .zip_code import ZipCodeRecognizer

CUSTOM_RECOGNIZERS = (
    AddressedNameRecognizer,
    AgeRecognizer,
    BareHandleRecognizer,
    CityRecognizer,
    CoordinatesRecognizer,
    ClinicianNameRecognizer,
    DayMonthDateRecognizer,
    FacilityRecognizer,
    FamilyNameRecognizer,
    FirstNameContextRecognizer,
    ForeignScriptRecognizer,
    ForumHandleRecognizer,
    FullNameRecognizer,
    GreetingNameRecognizer,
    IdentifierNumberRecognizer,
    KnownNameRecognizer,
    NameListRecognizer,
    ObfuscatedEmailRecognizer,
    PaymentHandleRecognizer,
    PersonVerbRecognizer,
    SelfIntroductionRecognizer,
    ShoutedNameRecognizer,
    SocialHandleRecognizer,
    SpelledNameRecognizer,
    SsnRecognizer,
    WrittenPhoneRecognizer,
    StreetAddressRecognizer,
    TitleNameRecognizer,
    WellKnownPlaceRecognizer,
    WordedUrlRecognizer,
    ZipCodeRecognizer,
)
