/**
 * Name data for synthetic people. Given names carry the nicknames a clerk or officer might
 * write instead (Robert → Bob, Rob), because that is the commonest way the same person looks
 * different across agencies' records. All combinations are synthetic.
 */

export type GivenName = { name: string; sex: 'M' | 'F'; nicknames: readonly string[] };

/** name:nick1/nick2 — one token per name, parsed once. */
const MALE_TEXT = `
Robert:Bob/Rob/Bobby William:Bill/Will/Billy James:Jim/Jimmy/Jamie John:Jack/Johnny
Michael:Mike/Mikey David:Dave Richard:Rick/Rich/Dick Joseph:Joe/Joey Thomas:Tom/Tommy
Charles:Chuck/Charlie Christopher:Chris Daniel:Dan/Danny Matthew:Matt Anthony:Tony
Mark: Donald:Don/Donnie Steven:Steve Paul: Andrew:Andy/Drew Joshua:Josh Kenneth:Ken/Kenny
Kevin: Brian: George: Timothy:Tim Ronald:Ron/Ronnie Edward:Ed/Eddie/Ted Jason: Jeffrey:Jeff
Ryan: Jacob:Jake Gary: Nicholas:Nick Eric: Jonathan:Jon Stephen:Steve Larry: Justin:
Scott: Brandon: Benjamin:Ben Samuel:Sam Gregory:Greg Alexander:Alex Frank: Patrick:Pat
Raymond:Ray Jack: Dennis: Jerry: Tyler: Aaron: Jose:Pepe Adam: Nathan:Nate Henry:Hank
Douglas:Doug Zachary:Zach Peter:Pete Kyle: Ethan: Walter:Walt Noah: Jeremy: Christian:
Keith: Roger: Terry: Gerald:Jerry Harold:Harry Sean: Austin: Carl: Arthur:Art Lawrence:Larry
Dylan: Jesse: Jordan: Bryan: Billy: Joe: Bruce: Gabriel:Gabe Logan: Albert:Al Willie:
Alan: Juan: Wayne: Elijah:Eli Randy: Roy: Vincent:Vince Ralph: Eugene:Gene Russell:Russ
Bobby: Mason: Philip:Phil Louis:Lou DeShawn: Tyrone: Malik: Andre: Darnell: Jamal:
Luis: Carlos: Miguel: Omar: Ahmed: Tuan: Minh: Hyun: Raj: Vikram:Vik Dmitri:Dima`;

const FEMALE_TEXT = `
Mary: Patricia:Pat/Patty/Trish Jennifer:Jen/Jenny Linda: Elizabeth:Liz/Beth/Betsy/Lizzie
Barbara:Barb Susan:Sue/Susie Jessica:Jess Sarah: Karen: Lisa: Nancy: Betty: Margaret:Maggie/Peggy/Meg
Sandra:Sandy Ashley: Kimberly:Kim Emily: Donna: Michelle:Shelly Carol: Amanda:Mandy
Dorothy:Dot Melissa:Missy Deborah:Deb/Debbie Stephanie:Steph Rebecca:Becky/Becca Sharon:
Laura: Cynthia:Cindy Kathleen:Kathy/Kate Amy: Angela:Angie Shirley: Anna: Brenda:
Pamela:Pam Emma: Nicole:Nikki Helen: Samantha:Sam Katherine:Kate/Katie/Kathy Christine:Chris
Debra:Deb Rachel: Carolyn: Janet: Catherine:Cathy/Kate Maria: Heather: Diane: Ruth:
Julie: Olivia:Liv Joyce: Virginia:Ginny Victoria:Vicky/Tori Kelly: Lauren: Christina:Tina
Joan: Evelyn: Judith:Judy Megan: Andrea: Cheryl: Hannah: Jacqueline:Jackie Martha:Marty
Gloria: Teresa:Terri Ann: Sara: Madison:Maddie Frances:Fran Kathryn:Kate Janice: Jean:
Abigail:Abby Alice: Judy: Sophia: Grace: Denise: Amber: Doris: Marilyn: Danielle:Dani
Beverly:Bev Isabella:Bella Theresa:Terri Diana: Natalie: Brittany: Charlotte: Marie:
Kayla: Alexis:Lexi Lori: Tamika: Keisha: Latoya: Shanice: Aaliyah: Guadalupe:Lupe
Rosa: Ana: Mai: Linh: Ji-woo: Priya: Fatima: Aisha: Svetlana:Sveta`;

function parseGiven(text: string, sex: 'M' | 'F'): GivenName[] {
  return text
    .trim()
    .split(/\s+/)
    .map((token) => {
      const [name = '', nicks = ''] = token.split(':');
      return { name, sex, nicknames: nicks ? nicks.split('/') : [] };
    });
}

export const MALE_NAMES: readonly GivenName[] = parseGiven(MALE_TEXT, 'M');
export const FEMALE_NAMES: readonly GivenName[] = parseGiven(FEMALE_TEXT, 'F');

/** Common US surnames, heavier on the ones common in Virginia. */
export const SURNAMES: readonly string[] = `
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips
Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo
Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell
Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson
Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera
Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez
McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns
Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt
Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer
Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant
Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight
Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado
Berry Perkins Hoffman Johnston Matthews Pena Richards Willis Carpenter Lawrence Sandoval
Blankenship Puckett Mullins Stanley Bowman Tolliver Saunders Pettit Wimbush Whitlock Gwynn
OConnor McKinney Dinh Pham Choi Park Singh Shah Khan Abdullah Okafor Mensah Ivanov Kowalski`
  .trim()
  .split(/\s+/)
  .map((s) => (s === 'OConnor' ? "O'Connor" : s));

export const NAME_SUFFIXES = ['Jr', 'Sr', 'II', 'III', 'IV'] as const;

/** Street names and monikers that show up as aliases in field interviews and intel. */
export const STREET_ALIASES: readonly string[] = `
Tank Smoke Lil Man Boo Peanut Red Slim Shorty Bear Duke Ghost Trey Moose Chino Flaco
Sonny Buck Juice Scooter Bam Dre Coco Biggie Trigger Ace Spider Blue Hollywood Nitro`
  .trim()
  .split(/\s+/);

/** Descriptors for SAR subjects; race and ethnicity deliberately absent (SAR-06). */
export const BUILDS = ['thin', 'slim', 'medium', 'athletic', 'stocky', 'heavy'] as const;
export const HAIR = ['black', 'brown', 'blond', 'red', 'gray', 'shaved', 'balding'] as const;
export const EYES = ['brown', 'blue', 'green', 'hazel', 'gray'] as const;
export const CLOTHING = [
  'a dark hooded sweatshirt and jeans',
  'a high-visibility vest and hard hat',
  'a gray jacket and a black baseball cap',
  'khaki pants and a navy polo shirt',
  'a camouflage jacket',
  'a black puffer jacket',
  'business attire',
  'a reflective safety vest without company markings',
  'running clothes',
  'a tan work uniform with no visible logo',
] as const;
