/**
 * Place data for Virginia that the map cannot give: how many people live where (so records
 * cluster where people are), which mailing towns sit inside a county, ZIP prefixes, area
 * codes and street names. Long tables are kept as text parsed once, so they stay one line
 * per fact instead of one line per token after formatting.
 */

export const VIRGINIA_STATE_FIPS = '51';

export const REGION_KEYS = [
  'nova',
  'hampton_roads',
  'richmond',
  'central',
  'valley',
  'southside',
  'southwest',
] as const;
export type RegionKey = (typeof REGION_KEYS)[number];

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** Metro regions are listed by county FIPS; the rest are assigned from the map (geography.ts). */
export const METRO_REGIONS: Readonly<Partial<Record<RegionKey, readonly string[]>>> = {
  nova: words('51059 51600 51610 51013 51510 51107 51153 51683 51685 51179 51061'),
  hampton_roads: words('51710 51810 51550 51740 51800 51650 51700 51199 51095 51830 51735 51093'),
  richmond: words('51760 51087 51041 51085 51730 51570 51670 51145 51075 51127 51149 51053'),
};

/** Rounded 2020 census populations in thousands; unlisted places count as small. */
const POPULATION_TEXT = `
51059:1150 51153:482 51810:459 51107:420 51041:364 51087:334 51550:249 51710:238 51013:238
51760:226 51700:186 51510:159 51179:157 51177:140 51650:137 51003:112 51085:109 51770:100
51121:99 51740:97 51161:96 51800:94 51069:91 51165:83 51680:79 51019:79 51095:78 51015:77
51061:72 51199:70 51143:60 51031:55 51191:54 51067:54 51047:52 51660:51 51089:50 51540:46
51171:44 51149:43 51590:42 51683:42 51187:41 51185:41 51073:38 51093:38 51109:37 51137:36
51195:36 51730:33 51145:30 51840:28 51630:27 51053:28 51670:23 51600:24 51610:15 51685:17
51830:15 51570:18 51001:33 51131:12`;

export const COUNTY_POPULATION_K: ReadonlyMap<string, number> = new Map(
  words(POPULATION_TEXT).map((pair) => {
    const [fips, k] = pair.split(':');
    return [fips ?? '', Number(k)] as const;
  }),
);

export const DEFAULT_COUNTY_POPULATION_K = 14;
export const DEFAULT_CITY_POPULATION_K = 10;

/** Mailing towns inside the larger counties; other counties borrow the nearest city's name. */
const TOWNS_TEXT = `
51059 Fairfax|Annandale|Reston|Herndon|Centreville|Springfield|McLean|Vienna|Burke|Chantilly|Lorton
51107 Leesburg|Ashburn|Sterling|Purcellville|South Riding
51153 Woodbridge|Dale City|Manassas|Gainesville|Dumfries|Haymarket
51013 Arlington
51087 Henrico|Glen Allen|Sandston|Highland Springs|Richmond
51041 Chesterfield|Midlothian|Chester|North Chesterfield
51179 Stafford|Falmouth
51177 Spotsylvania|Fredericksburg
51085 Mechanicsville|Ashland|Hanover
51003 Charlottesville|Crozet|Earlysville
51161 Roanoke|Vinton|Salem
51121 Blacksburg|Christiansburg
51069 Winchester|Stephens City|Middletown
51165 Harrisonburg|Bridgewater|Broadway
51015 Staunton|Fishersville|Verona
51019 Bedford|Forest|Moneta
51095 Williamsburg|Toano
51199 Yorktown|Grafton
51061 Warrenton|Bealeton|Marshall
51143 Chatham|Danville|Gretna
51031 Rustburg|Altavista|Lynchburg
51191 Abingdon|Glade Spring|Damascus
51067 Rocky Mount|Boones Mill
51047 Culpeper
51089 Martinsville|Collinsville|Ridgeway
51171 Woodstock|Strasburg|New Market
51187 Front Royal
51185 Tazewell|Richlands|Bluefield
51073 Gloucester
51093 Smithfield|Windsor
51109 Louisa|Mineral
51137 Orange|Gordonsville
51195 Wise|Big Stone Gap|Coeburn
51149 Prince George|Disputanta
51145 Powhatan
51053 Dinwiddie|McKenney
51101 King William|West Point
51181 Surry|Dendron
51017 Warm Springs|Hot Springs
51001 Accomac|Chincoteague|Onancock
51131 Eastville|Cape Charles|Exmore`;

export const COUNTY_TOWNS: ReadonlyMap<string, readonly string[]> = new Map(
  TOWNS_TEXT.trim()
    .split('\n')
    .map((line) => [line.slice(0, 5), line.slice(6).split('|')] as const),
);

/** ZIP prefixes with a rough centre (prefix:lat:lon); a county takes the nearest one. */
const ZIP3_TEXT = `
201:39.03:-77.5 220:38.84:-77.3 221:38.68:-77.4 222:38.88:-77.1 223:38.8:-77.07 224:38.3:-77.5
225:37.95:-76.8 226:39.15:-78.2 227:38.5:-78.0 228:38.45:-78.9 229:38.0:-78.5 230:37.75:-77.5
231:37.3:-76.8 232:37.54:-77.44 233:36.75:-76.25 234:36.83:-76.05 235:36.88:-76.28
236:37.05:-76.4 237:36.8:-76.55 238:37.2:-77.4 239:37.3:-78.4 240:37.27:-79.95 241:36.75:-79.9
242:36.75:-82.0 243:36.85:-80.9 244:38.15:-79.1 245:37.4:-79.15 246:37.15:-81.5
245:36.7:-78.9 233:37.7:-75.7`;

export const ZIP3_CENTRES: readonly { zip3: string; lat: number; lon: number }[] = words(
  ZIP3_TEXT,
).map((entry) => {
  const [zip3, lat, lon] = entry.split(':');
  return { zip3: zip3 ?? '', lat: Number(lat), lon: Number(lon) };
});

export const AREA_CODES: Readonly<Record<RegionKey, readonly string[]>> = {
  nova: ['703', '571', '703'],
  hampton_roads: ['757'],
  richmond: ['804'],
  central: ['434', '540'],
  valley: ['540'],
  southside: ['434'],
  southwest: ['276', '540'],
};

export const STREET_NAMES: readonly string[] = `
Main|Church|Washington|Jefferson|Broad|Market|High|Mill|Oak|Maple|Cedar|Pine|Holly|Dogwood
Magnolia|Chestnut|Poplar|Sycamore|Walnut|Laurel|Franklin|Madison|Monroe|Jackson|Wilson
Patrick Henry|Colonial|Liberty|Commerce|Lakeside|Riverside|Hillcrest|Fairview|Woodland|Meadow
Forest|Ridge|Valley View|Shenandoah|Blue Ridge|Tidewater|Chesapeake|Potomac|James River
Rappahannock|Battlefield|Courthouse|Old Mill|Hunters Creek|Fox Run|Sunset|Harbor|Bay Shore
Granby|Hampton|Princess Anne|Little River|Braddock|Gallows|Richmond|Forest Hill|Midlothian
Williamson|Brambleton|Kempsville|Nine Mile|Laskin|Mercury|Warwick|Jefferson Park|Cary
Grove|Monument|Ivy|Locust|Spring|Park|Lake|Willow|Birch|Elm|Hickory|Aspen|Linden|Quarry`
  .trim()
  .split(/[|\n]/);

/** [full, abbreviation]: records disagree on which one they use. */
export const STREET_SUFFIXES: readonly (readonly [string, string])[] = `
Street:St Road:Rd Avenue:Ave Drive:Dr Lane:Ln Court:Ct Boulevard:Blvd Way:Way Place:Pl
Circle:Cir Parkway:Pkwy Terrace:Ter Highway:Hwy Pike:Pike Trail:Trl`
  .trim()
  .split(/\s+/)
  .map((pair) => {
    const [full, abbr] = pair.split(':');
    return [full ?? '', abbr ?? ''] as const;
  });

export const HIGHWAYS_BY_REGION: Readonly<Record<RegionKey, readonly string[]>> = {
  nova: ['I-495', 'I-66', 'I-95', 'Route 7', 'Route 28', 'Route 1', 'the Dulles Toll Road'],
  hampton_roads: ['I-64', 'I-264', 'I-664', 'I-464', 'Route 58', 'Hampton Boulevard'],
  richmond: ['I-95', 'I-64', 'I-295', 'Route 288', 'Route 360', 'the Powhite Parkway'],
  central: ['I-64', 'Route 29', 'Route 15', 'Route 250'],
  valley: ['I-81', 'Route 11', 'I-66', 'Route 33'],
  southside: ['Route 58', 'Route 29', 'I-85', 'Route 360'],
  southwest: ['I-81', 'I-77', 'Route 460', 'Route 23'],
};
