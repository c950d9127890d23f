/**
 * Word lists the recogniser decides with. All lowercase, keyed by the word as written without its final period.
 * They are general English news vocabulary: nothing here names a particular story.
 */
const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Courtesy titles: whatever follows is a person ("Mr. Kim", "Dr. Tedros"). */
export const HONORIFICS = words("mr mrs ms miss mx dr sir dame lord lady prof rev messrs mme mlle herr");

/** The last word of a capitalized title before a name ("Prime Minister", "Economy Minister", "Chief Justice"). */
export const ROLE_HEADS = words(`
  president minister secretary chancellor premier governor senator sen rep representative congressman
  congresswoman ambassador director chairman chairwoman chair chairperson leader mayor spokesman spokeswoman
  spokesperson counsel admiral adm colonel col captain capt lieutenant lt sergeant sgt commander marshal judge
  justice speaker king queen prince princess emperor empress pope cardinal archbishop bishop sheikh sultan emir
  ayatollah ceo cfo coo cto commissioner dean professor adviser advisor treasurer envoy pm fm gov lawmaker
  superintendent inspector detective coach founder rabbi imam chief gen general agent officer mp mep vice-president
  secretary-general
  director-general attorney-general prosecutor diplomat minister-president
`);

/** Lowercase role nouns that, right before a capitalized name, make it a person ("spokesman Jiang Bin"). */
export const ROLE_NOUNS = words(`
  spokesman spokeswoman spokesperson director minister president dean professor analyst economist adviser advisor
  ambassador senator lawmaker chairman chairwoman chair chief leader dictator counsel attorney lawyer official
  secretary executive founder editor reporter correspondent author researcher fellow scientist judge commander
  general envoy governor mayor premier chancellor strategist pollster historian columnist commentator candidate
  nominee rival challenger opponent successor predecessor host coach manager actor actress singer billionaire
  businessman businesswoman tycoon entrepreneur investor activist dissident journalist writer novelist poet artist
  prosecutor investigator negotiator diplomat aide deputy colleague wife husband son daughter father mother brother
  sister spouse lobbyist donor ceo cfo chairperson king queen prince princess emperor pope president-elect
  congressman congresswoman representative speaker treasurer architect physician doctor surgeon
`);

/** Words that make a capitalized sequence an organisation when they head it ("… Party", "Ministry of …"). */
export const ORG_HEADS = words(`
  party ministry department university college school institute academy agency council commission committee bank
  corp corporation inc incorporated ltd limited co llc plc ag gmbh group holdings company companies industries
  enterprises partners associates foundation fund trust association federation union league alliance coalition
  organization organisation office bureau service services administration authority board reserve exchange club
  society network networks media news times post journal daily herald forum tribune gazette magazine press broadcasting
  television radio airlines airways motors motor electric electronics technologies technology systems software
  labs laboratories pharmaceuticals pharma energy petroleum oil steel chemical chemicals manufacturing securities
  insurance capital investments financial bancorp brands foods entertainment studios pictures communications
  telecom cabinet government parliament congress senate assembly diet court tribunal forces army navy guard police
  command corps brigade fleet hospital center centre museum library church movement front brotherhood house kai
  secretariat politburo directorate inc. conglomerate railways railway shipping logistics semiconductor semiconductors enforcement embassy consulate mission
`);

/** Heads of laws, treaties and agreements ("… Act", "… Agreement for …", "Treaty on …"). */
export const LAW_HEADS = words(`
  act acts law laws bill treaty agreement agreements accord accords convention protocol charter pact amendment
  resolution declaration directive regulation regulations code partnership deal statute ordinance constitution
`);

/** Heads of named events ("APEC Summit", "Korean War", "World Cup"). */
export const EVENT_HEADS = words(`
  summit conference olympics games war election elections cup expo festival championship championships revolution
  crisis massacre uprising incident talks dialogue olympiad plenum plenary sessions meeting day
`);

/** Heads of places, with the kind they make. */
export const PLACE_HEADS: ReadonlyMap<string, "city" | "region" | "other"> = new Map([
  ...[...words("prefecture province county region district oblast territory territories emirate")].map(
    (w) => [w, "region"] as const,
  ),
  ["city", "city"],
  ...[
    ...words(`island islands peninsula sea ocean strait river mountain mountains lake bay gulf valley desert canal
      coast street avenue square airport harbor harbour port base reef shoal heights plateau basin park bridge station
      palace tower castle stadium plaza`),
  ].map((w) => [w, "other"] as const),
]);

/**
 * Capitalized at the start of a sentence or quote, these are ordinary words; they never begin a name. Months and
 * weekdays are never entities at all (see CALENDAR).
 */
export const FUNCTION_WORDS = words(`
  the a an this that these those it its he she they we i you his her their our my your there here when where why
  how what which who whom whose while if but and or nor so yet for because although though as at by in on of to
  from with without into onto upon after before during since until amid among amongst between despite under over
  about above below through throughout beyond against toward towards via per like unlike once then now also even
  still just only indeed however meanwhile moreover furthermore nevertheless thus hence therefore instead perhaps
  maybe yes no not all both each every either neither some any many much most more few several such other another
  last next first second third former latter whether unless whereas besides although let let's according asked
  today yesterday tomorrow tonight recently earlier later already again never always often sometimes do does did
  is are was were be been has have had will would can could should may might must shall sure well please thanks
  dear hello overall additionally similarly specifically finally initially currently notably importantly clearly
  analysis opinion editorial update breaking exclusive watch listen read photo video subscribe
`);

export const CALENDAR = words(`
  january february march april may june july august september october november december jan feb mar apr jun jul
  aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri
  sat sun spring summer autumn fall winter christmas easter ramadan
`);

/**
 * Peoples, faiths and political leanings (OntoNotes' NORP): capitalized, but none of our types. Demonyms of
 * countries are counted toward the country instead (gazetteer).
 */
export const GROUP_WORDS = words(`
  korean koreans koreas arab arabs kurd kurds kurdish scottish welsh english catalan tibetan tibetans uighur uighurs uyghur
  uyghurs muslim muslims christian christians jewish jew jews catholic catholics protestant protestants hindu hindus
  buddhist buddhists sikh sikhs islamic islamist islamists republican democrat democratic conservative conservatives
  liberal liberals socialist socialists communist communists marxist western eastern northern southern latino latinos
  latina hispanic hispanics native indigenous sunni sunnis shia shiite shiites zionist orthodox evangelical
  evangelicals nazi nazis fascist fascists persian slavic anglo caucasian white black asian-american african-american
`);

/** Particles that join the parts of one name ("Nippon Ishin no Kai", "Charles de Gaulle", "bin Salman"). */
export const NAME_PARTICLES = words(
  "no de da del della di du van von der den ter bin ibn al el le la dos das y",
);

/** Ship prefixes: "USS George Washington" is a ship, not the capital. */
export const VESSEL_PREFIXES = words("uss hms hmas hmcs ins jds rfa mv ss");

/** Post-nominals dropped from person slugs ("Robert S. Mueller III"); "Jr." and "Sr." stay: they tell people apart. */
export const NAME_SUFFIXES = words("ii iii iv phd md esq");

/** Speech verbs that make their subject or object a person when it is a bare name ("said Gui", "Kim told"). */
export const SPEECH_VERBS = words(`
  said says told tells added asked wrote writes warned argued noted stressed insisted claimed explained recalled
  stated declared announced tweeted posted replied responded acknowledged admitted urged suggested believes thinks
`);

/** Verbs and auxiliaries after a capital that make it the acting government ("Beijing announced …"). */
export const STATE_VERBS = words(`
  will would might may can could should must has have had is was needs need wants want said says announced
  warned criticized criticised accused urged demanded insisted rejected responded retaliated imposed sanctioned
  threatened agreed signed pledged vowed refused denied condemned protested expects hopes seeks sought plans
  planned decided approved blocked banned launched moved appears seems continues remains sees saw views viewed
  did does considers called summoned recalled expelled welcomed opposed supports supported backed tried
`);

/** Nouns after a capital's possessive that make it the government ("Washington's esteem", "Beijing's stance"). */
export const STATE_NOUNS = words(`
  esteem stance policy policies position view views response demands demand interests ally allies allies' pressure
  support approval decision plans plan strategy approach ties relations diplomacy government leadership officials
  sanctions tariffs retaliation warning warnings claims objections concerns priorities influence commitment
  commitments blessing behalf side rivalry rival grip reaction calculus intentions intention wishes shift shifts
  move moves push bid agenda goals aims efforts security military defense defence diplomats envoy leaders
`);

/** Words after "between X and", "with", … that signal a capital used as a government. */
export const STATE_PREPOSITIONS = words(
  "with between and against toward towards by from involving versus vs",
);
