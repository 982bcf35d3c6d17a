/**
 * Small, hand-kept word lists the name finder needs beyond compromise's lexicon: words that
 * mark a name as something else (a street, a vehicle, an officer's rank) or as an organisation
 * or a place. All lower-case, without trailing periods.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/**
 * Law-enforcement ranks and roles as report headers print them. A name after one is the
 * reporting or responding officer: officers appear across thousands of records, and turning
 * them into entities would link unrelated subjects through the officer, so they are skipped.
 */
export const OFFICER_RANKS = words(`
ofc officer dep deputy sgt sergeant det detective cpl corporal tpr trooper lt lieutenant
capt captain maj major col sa ssa tfo inv investigator insp inspector agent chief sheriff
paramedic emt supervisor epidemiologist ptl patrolman cmdr commander`);

/** Courtesy titles: what follows is a person, even if compromise does not know the name. */
export const PERSON_TITLES = words('mr mrs ms miss mx dr');

export const NAME_SUFFIXES = words('jr sr ii iii iv');

/** Lower-case words that sit inside names: "Maria de la Cruz", "Ludwig van Beethoven". */
export const NAME_PARTICLES = words('de del della da di du la le van von der den bin al st');

/** Words that join the parts of an organisation's name. */
export const ORG_CONNECTORS = words('& and of the for');

export const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday');

export const MONTHS = words(`january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec`);

/** Capitalised words that start sentences or headings and are never part of a name. */
export const NEVER_NAME = words(`a an the this that these those he she it they we i you his her
its their our on at in of by for from to with and or but if when while after before during
also all any both each every no not some such there here then than received anonymous
unknown approximately about per via re known information`);

/** Roles that head a name in reports ("Tipster Jane Doe", "Victim Patricia O'Neill"). */
export const ROLE_NOUNS = words(`subject suspect victim witness tipster caller complainant
reportee arrestee juvenile driver passenger owner manager employee resident defendant
informant source associate`);

/** Street-type words; a name ending in one after a house number is an address, not a person. */
export const STREET_SUFFIXES = words(`st street ave avenue blvd boulevard rd road dr drive ln lane
ct court cir circle pkwy parkway pl place ter terrace trl trail hwy highway pike way sq square
run loop aly alley xing crossing expy expressway fwy freeway tpke turnpike row walk`);

/** Abbreviated street types are not surnames, so they mark an address even without a number. */
export const UNAMBIGUOUS_STREET_SUFFIXES = words(`st ave blvd rd dr ln ct cir pkwy pl ter trl hwy
expy fwy tpke`);

export const LEGAL_SUFFIXES = words('llc l.l.c inc co corp ltd llp pllc lp plc pc p.c n.a');

/**
 * Head words of business names beyond compromise's organisation words. Generic trade words
 * (a towing firm, a wash, a lounge); some of them also occur in the demo world's businesses,
 * which the benchmark note discloses.
 */
export const BUSINESS_WORDS = words(`towing trucking logistics freight construction staffing
imports exports wireless lounge supply supplies jewelry pawn wash detailing cashing salon spa
bakery grill tavern pub diner market mart motors auto repair plumbing roofing landscaping
cleaning realty pharmacy ministries mosque temple synagogue apartments dealership garage
contractors transport transportation shipping storage tobacco smoke vape liquor deli cafe
gang clique crew cartel network syndicate boyz hustlers force squad`);

/** Facility and landform words that make a capitalised phrase a place. */
export const PLACE_HEADS = words(`airport terminal terminals station substation plant refinery
port harbor harbour pier wharf base depot yard reservoir dam bridge tunnel beach bay island
river lake creek mountain valley county city town township village heights springs falls
parish borough mall campus stadium arena park`);

/** Place words that are also common surnames: they only make a place without a first name. */
export const SURNAME_LIKE_PLACE_WORDS = words(`hall park hill hills field fields house woods wood
lane ford bridge banks fort garden gardens tower grove brook brooks rivers cove marsh downs
camp springs`);

/** Vehicle and firearm makers: "a white Ford Transit" is a vehicle, not Mr Ford. */
export const MAKES = words(`acura audi bmw buick cadillac chevrolet chevy chrysler dodge fiat ford
gmc honda hyundai infiniti jeep kia lexus mazda mercedes mercedes-benz mitsubishi nissan
pontiac porsche ram subaru tesla toyota volkswagen vw volvo harley-davidson yamaha kawasaki
suzuki glock ruger mossberg taurus sig beretta hi-point walther`);

/** Multi-word makers, matched on the start of a capitalised phrase. */
export const MULTIWORD_MAKES = ['smith & wesson', 'sig sauer', 'land rover', 'alfa romeo'];
