/**
 * Common US given-name equivalences: a formal name and the short forms, diminutives and
 * spelling variants a clerk or officer writes instead (Robert → Bob). Resolution treats two
 * given names as the same name when they share a formal name, which Jaro-Winkler alone cannot
 * see (Bob/Robert score 0.0 similarity on their letters).
 *
 * Format: `formal:variant/variant/…`, whitespace separated, lower-case ASCII. A variant may
 * belong to several formal names (Pat → Patrick and Patricia); that is why lookups return
 * sets. Compiled from common US usage; extend freely — a wrong entry only makes two names
 * "nickname-equivalent", a level whose weight the model learns from the data.
 */
const TABLE = `
aaron:ron/ronnie abraham:abe/bram adam:ad/addy alan:al/allen/allan albert:al/bert/bertie
alexander:alex/al/xander/sandy/lex alfred:al/alf/fred/freddie andrew:andy/drew/andre
anthony:tony/ant/anton arnold:arnie archibald:archie arthur:art/artie augustus:gus/augie
august:gus/augie barnabas:barney barnaby:barney bartholomew:bart benedict:ben/benny
benjamin:ben/benny/benji/jamie bernard:bernie/barney bradley:brad bradford:brad
broderick:brody/rick calvin:cal cameron:cam carl:karl charles:charlie/chuck/chaz/chas/chip
christian:chris christopher:chris/kit/topher clarence:clare clement:clem clifford:cliff
clinton:clint conrad:connie/con cornelius:neil/connie curtis:curt cyrus:cy
daniel:dan/danny dante:dan david:dave/davy/davey dean:dino dennis:denny derek:derrick/rick
dominic:dom/nick donald:don/donnie/donny douglas:doug dwayne:duane/dwaine edgar:ed/eddie
edmund:ed/eddie/ned edward:ed/eddie/eddy/ted/teddy/ned edwin:ed/eddie/win elijah:eli
elias:eli emmanuel:manny/manuel eugene:gene everett:ev ezekiel:zeke ezra:ez
ferdinand:ferdie/fred francis:frank/frankie/fran franklin:frank/frankie
frederick:fred/freddie/freddy/rick gabriel:gabe garrett:gary/garry gary:garry
geoffrey:geoff/jeff gerald:gerry/jerry gerard:gerry/jerry gilbert:gil/bert gregory:greg
harold:harry/hal harrison:harry henry:hank/harry/hal herbert:herb/bert herman:herm
howard:howie hubert:hugh/bert hugh:hughie ignatius:iggy isaac:ike/zack isaiah:ike
isidore:izzy jacob:jake/jack/coby/jay james:jim/jimmy/jamie/jimbo/jem jason:jay
jasper:jaz jefferson:jeff jeffrey:jeff/geoff jeremiah:jerry/jeremy jeremy:jerry
jerome:jerry joel:joe john:jack/johnny/jon/jonny/hank jonathan:jon/jonny/nathan/john
joseph:joe/joey/jo/jos joshua:josh jose:pepe/joe joachim:jack judson:jud julian:jules
julius:jules kenneth:ken/kenny/kendall kevin:kev kristopher:kris/chris lafayette:lafe
lawrence:larry/laurie/lars/lon laurence:larry/laurie leonard:leo/len/lenny/leon
leopold:leo lewis:lew/lou louis:lou/louie/lew lucas:luke lucian:lou luther:lou
malcolm:mal/mac marcus:marc/mark mark:marc martin:marty/mart matthew:matt/matty
maurice:mo/morris maximilian:max maxwell:max melvin:mel michael:mike/mikey/mick/mickey/mitch
mitchell:mitch mortimer:mort morton:mort moses:mo/moe nathan:nate/nat nathaniel:nate/nat/nathan
nicholas:nick/nicky/nico/cole norman:norm oliver:ollie/al oscar:ozzie oswald:ozzie/oz
patrick:pat/patty/paddy/rick paul:paulie percival:percy peter:pete/petey philip:phil/pip
phillip:phil raphael:rafe/rafael randolph:randy/dolph randall:randy/rand raymond:ray
reginald:reggie/reg/rex richard:rick/ricky/rich/richie/dick/dickie robert:bob/bobby/rob/robbie/robby/bert/bertie
roderick:rod/roddy/rick rodney:rod roger:rog roland:rollie ronald:ron/ronnie/ronny
rudolph:rudy/rolf russell:russ/rusty samuel:sam/sammy/sami sebastian:seb/bastian
sidney:sid solomon:sol stanley:stan stephen:steve/stevie/steven steven:steve/stevie/stephen
stuart:stu/stewart sylvester:sly/vester terence:terry/terrance theodore:ted/teddy/theo
thomas:tom/tommy/thom timothy:tim/timmy tobias:toby vernon:vern victor:vic vincent:vince/vinny/vin
walter:walt/wally warren:ren wesley:wes wilbur:will/willie wilfred:will/fred/wil
william:bill/billy/will/willy/willie/liam/wil/wim winston:win/winnie zachary:zach/zack/zac/zak
zachariah:zach/zack/zeke ahmed:ahmad/ahmet mohammed:mohammad/muhammad/mohamed/mo
alejandro:alex/alejo/jandro alberto:beto/al antonio:tony/tono carlos:carlitos
eduardo:lalo/eddie/ed enrique:quique/kike/henry francisco:paco/pancho/frank/cisco
guillermo:memo/willie ignacio:nacho jesus:chuy/chucho jorge:george joaquin:quino
manuel:manny/manolo miguel:mike/mickey rafael:rafa/ralph ricardo:ricky/rick/richard
roberto:beto/bob/rob salvador:sal/chava santiago:santi/diego vicente:chente/vince
dmitri:dima/dmitry/dimitri vikram:vik aleksandr:sasha/alex/sasha nikolai:kolya/nick
abigail:abby/abbie/gail adelaide:addie/della adeline:addie/adele agatha:aggie
agnes:aggie/nessa alexandra:alex/alexa/lexi/sandra/sandy/sasha alexis:lexi/alex
alice:allie/ali allison:allie/ali alison:allie/ali amanda:mandy/manda amelia:millie/amy/mia
andrea:andi/andie angela:angie/angel anna:ann/anne/annie annabelle:anna/belle/annie
antoinette:toni/netty arabella:bella/ara barbara:barb/barbie/babs/bobbie beatrice:bea/trixie
belinda:linda/bel bernadette:bernie beverly:bev bridget:biddy/bridie/bree
camille:cami caroline:carol/carrie/lina carolyn:carol/carrie cassandra:cassie/sandy/cass
catherine:cathy/cathie/kate/katie/cat/kathy/kay cecilia:cece/celia/sissy charlotte:charlie/lottie/lotte
christina:chris/tina/chrissy/christy christine:chris/tina/chrissy/christy clara:claire
clarissa:clara/rissa constance:connie cynthia:cindy/cyndi daniela:dani danielle:dani/danni
deborah:deb/debbie/debby/debra debra:deb/debbie delores:dee/lola/dolly dolores:dee/lola/lolita
dorothy:dot/dottie/dolly/dora edith:edie eleanor:ellie/nell/nora/elle/lena elaine:lainie
elizabeth:liz/lizzie/lizzy/beth/betsy/betty/bess/bessie/eliza/libby/elsie/lisa/ellie
ellen:ellie/nell emily:em/emmy/millie emma:em/emmy esther:essie/hettie eugenia:genie
evelyn:evie/eve/lynn florence:flo/flossie frances:fran/frannie/fanny/frankie
gabriella:gabby/ella gabrielle:gabby/elle georgia:georgie geraldine:gerry/geri/dina
gertrude:gertie/trudy gloria:glory gwendolyn:gwen/wendy harriet:hattie/harry
helen:nell/nellie/lena helena:lena/nell henrietta:etta/hattie/henny isabel:izzy/bel/belle/isa/bella
isabella:izzy/bella/belle/isa jacqueline:jackie/jacqui/jacky jane:janie/jenny/jan
janet:jan/jenny janice:jan jean:jeanie jeannette:nettie/jean jennifer:jen/jenny/jenn/jennie/jenna
jessica:jess/jessie/jessi joanna:jo/jojo/joanie joan:joanie/jo josephine:jo/josie/jojo/fina
judith:judy/jude julia:julie/jules juliana:julie/jules karen:kari katherine:kate/katie/kathy/kat/kay/kitty/cathy
kathleen:kathy/kate/katie/kath kathryn:kate/katie/kathy kimberly:kim/kimmie kristen:kris/kristy
kristina:kris/tina/krissy laura:laurie/lori lauren:laurie/ren leah:lee leonora:nora/leona/lenore
lillian:lil/lily/lilly louisa:lou/lulu/lou louise:lou/lulu/lou lucille:lucy/lu lucinda:lucy/cindy
lydia:liddy madeline:maddie/maddy/madge/lena madison:maddie/maddy margaret:maggie/meg/peggy/peg/marge/margie/greta/daisy/madge/rita
marjorie:marge/margie/jorie martha:marty/mattie/patsy mary:molly/polly/mae/mamie/mimi/maria
matilda:tilly/mattie maureen:mo melanie:mel melissa:missy/mel/lissa michelle:shelly/shelley/mickey/chelle
mildred:millie/milly miranda:randi/mandy/mira nancy:nan/nance natalie:nat/tally natasha:tasha/nat
nicole:nicky/nikki/nic olivia:liv/livvy/ollie pamela:pam/pammy patricia:pat/patty/patsy/tricia/trish/trisha
penelope:penny priscilla:cilla/prissy rebecca:becky/becca/beck regina:gina/reggie
roberta:bobbie/robbie/bertie rosalind:roz/rosa/rosie rosemary:rosie/romy/rose ruth:ruthie
sabrina:bri/brina samantha:sam/sammie/sammy sandra:sandy/sandi/sandie sarah:sally/sadie/sara
sharon:shari/sherry sophia:sophie/sofia stephanie:steph/stevie/stephie susan:sue/susie/suzy/suzie/susanne
suzanne:sue/suzy/susie sylvia:syl/sylvie tabitha:tabby teresa:terri/terry/tess/tessa/tracy/theresa
theresa:terri/terry/tess/tessa/teresa valerie:val vanessa:nessa/vanna/nessie veronica:ronnie/roni/vera/nica
victoria:vicky/vickie/tori/vic/vikki virginia:ginny/ginger/jinny vivian:viv wilhelmina:willa/mina/minnie
winifred:winnie/freda/fred yolanda:yoli/yolie yvonne:vonnie zoe:zoey
alejandra:ale/alex/jandra beatriz:bea concepcion:concha/conchita dolores:lola/lolita
francisca:paca/panchita/frances guadalupe:lupe/lupita josefina:pepa/pepita/josie
maria:mari/mary/maruca rosario:charo/chayo soledad:sole svetlana:sveta/lana
yekaterina:katya/katia/kate anastasia:nastya/stacy/stacey/ana
`;

/** variant → the formal names it stands for (a formal name stands for itself). */
function compile(text: string): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  const add = (variant: string, formal: string) => {
    const list = map.get(variant) ?? [];
    if (!list.includes(formal)) list.push(formal);
    map.set(variant, list);
  };
  for (const token of text.trim().split(/\s+/)) {
    const [formal = '', variants = ''] = token.split(':');
    add(formal, formal);
    for (const v of variants.split('/')) if (v) add(v, formal);
  }
  for (const list of map.values()) list.sort();
  return map;
}

export const NICKNAMES: ReadonlyMap<string, readonly string[]> = compile(TABLE);
