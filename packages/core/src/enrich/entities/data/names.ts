/**
 * Name parts that make a capitalized sequence a person without any other cue, and the family names that fix the
 * order of East Asian names. Lowercase, diacritics removed.
 */
const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Common given names in international news (English-speaking, European, Middle Eastern, South Asian, African). */
export const GIVEN_NAMES = words(`
  aaron abdul abdullah abraham adam adrian ahmed alan albert alberto alex alexander alexandra alexei alexey ali
  alice alicia allen amanda amy ana andre andrea andreas andrew andrzej angela angelina ann anna anne annalena
  anthony antonio antony ari ariel arnold arthur ashley ayman barack barbara ben benjamin bernard bernie beth betsy
  bill billy bob bobby boris brad brandon brett brian bruce bryan carl carla carlos carol caroline catherine charles
  charlie chris christian christina christine christopher chuck claire claudia colin cory craig cristina dan daniel
  danny dave david dean debbie deborah denis dennis diana diane dianne dick dmitry dominic donald doug douglas ed
  eddie edward elena elizabeth ellen elon emily emma emmanuel enrique eric erik evan fernando francis francisco
  frank franz fred friedrich gabriel gary george georgia gerald gina giorgia giuseppe glenn gordon grace greg
  gregory hakan hamid hans harold harry hassan heather heinrich helen henry hillary howard hugh ian igor ilhan ivan
  jack jacob jacques jake james jamie jan jane janet jared jason javier jean jeff jeffrey jen jennifer jens jeremy
  jerome jerry jesse jessica jim jimmy joan joanna joe joel johan johann john johnny jon jonathan jordan jorge jose
  joseph josh joshua juan judith julia julian julie justin karen karl kamala kate katherine kathleen kathy keir
  keith kelly ken kenneth kevin kevin kim kirsten kristi kurt larry laura lauren lawrence leon leonard lindsey linda
  lisa liz lloyd louis lucas luis luiz lula mahmoud marco marcus margaret maria marie marine mario mark marsha
  martin mary matt matteo matthew maria max maxine melania michael michel michelle miguel mike mikhail mitch
  mohamed mohammad mohammed muhammad nancy naftali narendra natalia nathan neil nicholas nick nicola nicolas
  nikki nikolai nina noah olaf oliver olivia omar oscar pablo pamela patricia patrick paul pedro pete peter philip
  pierre rachel rafael rahul ralph ramon randy ray raymond recep rex ricardo richard rick rishi rob robert roberto
  robin rodrigo roger ron ronald rosa ruth ryan sadiq sam samantha samuel sandra sara sarah scott sean sebastian
  sergei sergey shane sharon sheryl simon sophie stephen steve steven stewart susan suzanne ted teresa theresa
  thomas tim timothy tina todd tom tony tucker tulsi ursula valerie vanessa victor viktor vincent vivek vladimir
  volodymyr walter wang wayne william willie wolfgang xavier yair yolanda yoav yuri yusuf zachary zoe
`);

/** Family names that are also common words: "Motoko Rich" is a person, "Caixin Global" is not. */
export const WORD_SURNAMES = words(`
  rich brown green white black young king bush rice gates banks hill wood woods stone rose long price cook bell
  ward bird moon may little page hall wall lane love fox hunt ford field fields sharp strong wise short small
  church mason baker carpenter smith taylor turner walker carter cooper parker miller fisher hunter porter potter
  weaver fuller shepherd marshall bishop knight castle lord power powers graham grant frank free gray grey golden
  silver steel iron wolf lamb swan crane nash best good goodman hope faith joy sweet noble wells waters brooks rivers
  lake hart burns cross house blue reed read swift cash rush pence ross mills bond lee
`);

/** Family names that stand first in Chinese names as the press writes them ("Xi Jinping", "Gui Yongtao"). */
export const CHINESE_SURNAMES = words(`
  wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang
  deng han feng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren yao shen zhong
  cui tan fan liao shi jin jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan duan lei long tao mao hao gu
  gong shao wan qian dai mo kong xiang chang gui xi kang wen hua geng ning zhan bi qi yi
`);

/** Family names that stand first in Korean names ("Lee Jae-myung", "Kim Jong-un", "Moon Jae-in"). */
export const KOREAN_SURNAMES = words(`
  kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh shin sin seo suh
  kwon hwang ahn an song jeon chun hong ko yoo yu moon mun yang son bae baek paek heo hur nam noh roh ha
`);
