"""Word lists the statement finder reads names, titles, sources and cues with.

General English newsroom vocabulary only: titles, role nouns, organisation head words, news
outlets and agencies, countries and capitals, weekdays and months. Nothing here names a person.
"""
import re


def words(text):
    """The set of white-space separated words of text."""
    return frozenset(text.split())


def word_pattern(alternatives):
    """A regular expression matching any of the words, factored by shared prefixes.

    "(?:s(?:a(?:id|ys?))|told)" runs several times faster than "(?:said|says|say|told)" because the
    engine dispatches on each letter instead of trying every word at every position.
    """
    trie = {}
    for word in alternatives:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node):
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if "" in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(sorted(branches, key=len, reverse=True)) + ")"


# Titles printed before a name ("Chinese Premier Li Qiang", "Sen. Jane Roe"); matched lower-cased
# without a trailing full stop, each part of a hyphenated word on its own ("Vice-President").
TITLES = words("""
president vice premier prime minister secretary ambassador senator sen rep reps representative congressman
congresswoman gov governor mayor chairman chairwoman chair chief director spokesman spokeswoman spokesperson
general gen lt col adm admiral judge justice king queen prince princess pope foreign defense defence deputy
first lady state attorney speaker leader majority minority commissioner chancellor envoy special executive
officer ceo cfo coo founder candidate nominee adviser advisor senior fellow analyst professor prof dr economist
lawyer pastor rev sheriff councillor councilman councilwoman lawmaker diplomat head manager editor commander
captain capt sergeant sgt detective inspector superintendent former acting interim assistant associate supreme
chairperson treasurer comptroller controller marshal lord baroness baron sheikh emir ayatollah cardinal
archbishop bishop rabbi imam coach striker delegate whip president-elect elect sec atty supt lieut maj
ex top veteran
""")
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": "", "sir": "m", "dame": "f", "madam": "f",
              "mme": "f", "mister": "m", "messrs": ""}

# Nouns that head a role printed in lower case before a name or in an apposition.
ROLE_NOUNS = TITLES | words("""
expert official aide strategist pollster consultant activist organizer organiser journalist reporter writer
columnist historian scientist physician doctor owner partner member staffer operative frontrunner front-runner
hopeful contender challenger incumbent critic supporter donor researcher scholar lecturer teacher engineer
president spokesperson surrogate negotiator mediator observer commentator host anchor correspondent author
investor businessman businesswoman entrepreneur banker trader lobbyist attorney prosecutor counsel agent
officer soldier commander pilot protester organizer campaigner advocate director manager strategist
representative secretary minister chief head leader chairman chairwoman fellow adviser advisor analyst
""")
GENDERED = {
    "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f", "councilwoman": "f", "businesswoman": "f",
    "queen": "f", "princess": "f", "lady": "f", "baroness": "f", "actress": "f", "mother": "f", "wife": "f",
    "daughter": "f", "sister": "f", "grandmother": "f", "dame": "f", "she": "f", "her": "f", "herself": "f",
    "spokesman": "m", "chairman": "m", "congressman": "m", "councilman": "m", "businessman": "m", "king": "m",
    "prince": "m", "baron": "m", "father": "m", "husband": "m", "son": "m", "brother": "m", "grandfather": "m",
    "he": "m", "him": "m", "his": "m", "himself": "m", "sheikh": "m", "emir": "m", "ayatollah": "m",
    "pope": "m", "cardinal": "m",
}

# Last words of organisation names ("Foreign Ministry", "Communist Party", "White House").
ORG_HEADS = words("""
ministry department office agency commission committee council party organisation organization association
institute institution university college school center centre foundation fund bank company corporation corp
inc ltd llc plc group union federation alliance league coalition court congress senate parliament assembly
government administration authority board bureau service services army navy force forces police guard church
campaign club society network house nations reserve pentagon kremlin treasury caucus cabinet
commerce secretariat embassy consulate mission brigade command corps regime junta movement front
""")
# Last words of newspaper and broadcaster names ("Washington Examiner", "Fox News").
OUTLET_HEADS = words("""
times post journal news herald tribune examiner gazette telegraph press review magazine chronicle inquirer
observer independent express mirror globe register courier dispatch bulletin wire tv radio television daily
""")
OUTLETS = frozenset(s.strip() for s in """
reuters, associated press, the associated press, ap, afp, agence france-presse, agence france presse, xinhua,
bloomberg, bloomberg news, cnn, bbc, fox news, nbc, nbc news, cbs, cbs news, abc, abc news, msnbc, npr, pbs,
cnbc, new york times, washington post, wall street journal, politico, axios, guardian, financial times,
washington examiner, south china morning post, al jazeera, tass, ria novosti, kyodo, yonhap, interfax, dpa,
efe, ansa, usa today, the hill, breitbart, breitbart news, huffington post, huffpost, newsweek, time, atlantic,
daily mail, times, telegraph, global times, people's daily, cctv, irna, tasnim, fars, anadolu, upi, bernama,
pti, press trust of india, nikkei, le monde, der spiegel, vox, buzzfeed, buzzfeed news, economist,
independent, sky news, the washington times, washington times, los angeles times, chicago tribune,
the new yorker, new yorker, the intercept, mother jones, national review, the daily beast, daily beast,
the new york post, new york post, the boston globe, boston globe, vice news, axios, semafor, the information,
the times of israel, times of israel, haaretz, kyiv independent, ukrinform, wafa, sana, kcna, yomiuri,
asahi, mainichi, straits times, south china morning post, caixin, the paper, sputnik, rt
""".replace("\n", " ").split(",")) - {""}

COUNTRIES = frozenset(s.strip() for s in """
afghanistan, albania, algeria, argentina, armenia, australia, austria, azerbaijan, bahrain, bangladesh,
belarus, belgium, bolivia, bosnia, brazil, britain, bulgaria, cambodia, canada, chile, china, colombia,
croatia, cuba, cyprus, czech republic, denmark, egypt, estonia, ethiopia, finland, france, georgia, germany,
ghana, greece, hungary, india, indonesia, iran, iraq, ireland, israel, italy, japan, jordan, kazakhstan,
kenya, kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, libya, lithuania, malaysia, mexico, moldova,
mongolia, morocco, myanmar, nepal, netherlands, new zealand, nigeria, north korea, norway, oman, pakistan,
palestine, peru, philippines, poland, portugal, qatar, romania, russia, saudi arabia, serbia, singapore,
slovakia, slovenia, somalia, south africa, south korea, spain, sri lanka, sudan, sweden, switzerland, syria,
taiwan, tajikistan, tanzania, thailand, tunisia, turkey, turkmenistan, uganda, ukraine, united arab emirates,
united kingdom, united states, uzbekistan, venezuela, vietnam, yemen, zimbabwe, the united states, the u.s.,
u.s., the uk, uk, america, the netherlands, europe, the european union, the eu, eu, nato, the kremlin,
beijing, washington, moscow, tehran, london, paris, berlin, tokyo, kyiv, kiev, seoul, pyongyang, brussels,
jerusalem, ankara, riyadh, new delhi, islamabad, kabul, baghdad, damascus, cairo, ottawa, canberra, taipei,
hong kong, beirut, doha, abu dhabi, minsk, warsaw, rome, madrid, vienna, geneva, havana, caracas,
mexico city, brasilia, the pentagon, pentagon, the white house, white house, whitehall, downing street,
alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, florida, hawaii, idaho,
illinois, indiana, iowa, kansas, kentucky, louisiana, maine, maryland, massachusetts, michigan, minnesota,
mississippi, missouri, montana, nebraska, nevada, new hampshire, new jersey, new mexico, new york, north carolina,
north dakota, ohio, oklahoma, oregon, pennsylvania, rhode island, south carolina, south dakota, tennessee, texas,
utah, vermont, virginia, west virginia, wisconsin, wyoming, los angeles, san francisco, chicago, boston,
philadelphia, miami, atlanta, houston, dallas, seattle, denver, detroit, new orleans, las vegas, phoenix,
cleveland, baltimore, brooklyn, manhattan, silicon valley, wall street, capitol hill, hong kong, sydney,
toronto, montreal, vancouver, mumbai, shanghai, shenzhen, istanbul, dubai, lagos, nairobi, johannesburg
""".replace("\n", " ").split(",")) - {""}
PLACE_WORDS = words("""
east west north south central united states kingdom republic island islands sea gulf river valley county city
street avenue square bay coast strait peninsula province region mount lake ocean county district state
middle far near africa asia america europe arabia emirates
""")

# Capitalised words that open sentences or date them, never part of a name or of a title before one.
OPENERS = words("""
the a an this that these those it he she they we i you his her their our my its in on at by for from with
without during after before since until while when where why how what who which if but and or so yet still
also however meanwhile moreover although though earlier later last next then now today tonight yesterday
tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december jan feb aug sept oct nov dec as there here some many most all
both each every no not one two three several other another such according asked speaking despite under over
""")
# Capitalised words that never belong to a person's name: openers, nationality and party adjectives.
NOT_NAMES = OPENERS | words("""
republican republicans democrat democrats democratic conservative conservatives liberal liberals labour gop
independent american americans chinese iranian israeli palestinian russian ukrainian british french german
italian spanish japanese korean indian pakistani afghan iraqi syrian saudi turkish egyptian mexican canadian
australian european african arab arabs muslim muslims jewish catholic western eastern northern southern
lebanese qatari emirati taiwanese vietnamese filipino brazilian venezuelan cuban polish dutch belgian swiss
swedish norwegian danish finnish greek irish scottish welsh nigerian kenyan asian latino latina hispanic
evangelical christians senate house congress state federal national international global world
breaking update updated photo video watch read editor's note advertisement related
dialogue summit forum conference festival games cup championship award prize act treaty accord
agreement war crisis initiative plan program programme project strategy doctrine day week
""")

# Nouns that head an unnamed source ("a former senior Pentagon official", "officials", "police").
LABEL_HEADS = words("""
official officials spokesman spokeswoman spokesperson source sources aide aides analyst analysts expert experts
critic critics observer observers diplomat diplomats lawmaker lawmakers people residents witness witnesses
police investigators prosecutors authorities officers supporters opponents economists researchers scientists
advocates leaders voters insiders organizers organisers representatives negotiators executives staff staffers
statement report study survey poll polls documents filing filings memo letter release document lawsuit
complaint indictment spokespeople person member members adviser advisers advisor advisors officer agency
respondents participants others some many organizers organisers protesters demonstrators activists americans
friends allies colleagues employees workers residents parents students teachers doctors nurses side sides
republicans democrats conservatives liberals progressives americans
ministry department government administration campaign company committee commission council office military
army court embassy group party firm team
""")
# Of those, the heads that name a body: with a capitalised modifier they speak as an organisation
# ("the Chinese commerce ministry"), without one they stay a label ("the company").
BODY_HEADS = words("""
agency ministry department government administration campaign company committee commission council office
military army court embassy group party firm team police
""")

SUBJECT_PRONOUNS = {"he": "m", "she": "f", "they": "", "it": "", "i": "", "we": "", "you": ""}
DETERMINERS = words("a an the one two three four five several some many most other another two-thirds few")
