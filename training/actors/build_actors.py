#!/usr/bin/env python3
"""Build the ThreatLens actor knowledge base (models/threatlens-minilm/actors.json).

Inputs
  * MISP galaxy clusters shipped with pymispgalaxies: threat-actor, ransomware,
    microsoft-activity-group and mitre-intrusion-set (aliases only), country
    (ISO codes for sponsor-state names).
  * training/actors/states.json   hand-curated nation states and state agencies
  * training/actors/sponsors.json hand-curated, publicly stated state sponsorship

Output: one compact JSON document, byte-identical for identical inputs.

Run from the repository root:
    /work/venv/bin/python training/actors/build_actors.py [--out PATH] [--report]

Matching contract for the consumer (the Rust attribution step):
  * `name` and every entry of `aliases` match as whole words (case-insensitive),
    except entries listed in `cased`, which only match with the capitalisation
    written (an all-uppercase spelling of a multi-word `cased` alias is accepted too).
  * entries of `context_aliases` are ordinary English words; they only count when
    written capitalised as here and a word from `context_words` stands within
    three words of them, e.g. "the Cobalt group", "Play ransomware". When the
    canonical `name` is itself an ordinary word it is listed in
    `context_aliases` too and the same rule applies to it.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(REPO, "models", "threatlens-minilm", "actors.json")

# Bump when states.json, sponsors.json or the curated tables below change.
KB_DATE = "2025.11.27"

LICENSE_MISP = "CC0-1.0 / BSD-2-Clause"

KINDS = ("nation_state", "state_agency", "apt_group", "criminal_group",
         "hacktivist_group", "individual")

# ---------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------

# Ordinary English words (and a few very common proper nouns) that also occur
# as actor names or aliases. A single-word alias found here is only matched
# with context. Lower case, space separated, grouped loosely by theme.
COMMON_WORDS = set("""
black white red blue green yellow orange purple violet pink brown grey gray
silver golden gold scarlet crimson azure indigo teal cyan magenta amber
emerald ruby sapphire jade onyx pearl ivory ebony copper bronze iron steel
tin lead zinc nickel cobalt platinum titanium mercury chrome chromium
diamond crystal marble granite slate stone obsidian opal topaz garnet citrine
bear panda kitten cat dog wolf fox tiger lion leopard jackal hyena spider
snake viper cobra python mamba adder scorpion rat mouse bat owl hawk eagle
falcon raven crow sparrow swallow pigeon dove parrot shark whale dolphin
octopus squid crab lobster turtle tortoise frog toad lizard gecko dragon
beetle cicada bee honeybee wasp hornet ant termite moth butterfly worm
leech tick flea louse vermin gorilla monkey ape baboon lemur sloth koala
kangaroo buffalo bison moose elk deer goat sheep lamb horse pony mule
donkey camel llama yak boar pig hog badger otter beaver mole weasel ferret
mink lynx puma cougar panther jaguar cheetah ocelot meerkat mongoose
penguin pelican heron crane stork swan goose duck gull albatross kiwi
salmon trout tuna cod carp pike eel dogfish catfish silverfish piranha
storm typhoon hurricane cyclone tornado tempest blizzard sleet hail snow
rain flood thunder lightning frost ice fog mist haze cloud wind breeze
gale monsoon drought sandstorm dust tsunami avalanche eclipse aurora
sun moon moonlight sunlight star comet meteor planet galaxy nebula orbit
sky ocean sea lake river island mountain desert forest jungle swamp
valley canyon cave volcano glacier dune basin summit peak ridge cliff
shadow ghost phantom spectre specter spirit demon devil angel wraith
zombie vampire witch wizard sorcerer reaper banshee goblin troll giant
knight king queen prince princess emperor empress lord baron duke pirate
ninja samurai viking spartan hunter hunters ranger scout soldier sniper
agent spy guardian sentinel watchdog keeper pioneer nomad pilgrim
castle tower fortress bridge gate wall temple palace church harbor harbour
anchor arrow blade sword dagger spear shield hammer axe pickaxe cleaver
machete knife bullet cannon rocket missile bomb trident scythe chain
mask crown ring key lock door window mirror mirage lantern torch candle
fire flame blaze ember ash smoke spark flash light dark darkness night day
dawn dusk midnight noon winter summer spring autumn fall season
cloak veil curtain blanket ribbon thread needle pin nail
royal noble grand great big little small tiny giant mega ultra super
wicked evil good bad wild brave lucky happy angry silent quiet loud fast
quick slow hidden secret lost found broken frozen burning flying sleeping
fancy cozy charming static venomous primitive energetic berserk gothic
magic mystic cosmic stellar solar lunar electric digital cyber virtual
play player game games gamer sport goal cup match score team teams club
gang group crew squad party band order union league alliance family
money cash coin bank market trade deal price cost value profit budget
justice freedom liberty truth honor honour glory faith hope peace war
sabbath trinity genesis exodus providence karma destiny fate chaos
cactus lotus rose lily tulip orchid daisy ivy oak pine cedar maple willow
apple cherry lemon lime mango peach plum grape berry melon banana olive
pepper ginger cinnamon vanilla sugar honey salt sugar coffee tea wine beer
radar sonar laser signal pulse wave beacon echo vector matrix pixel
nitro turbo rapid hyper atom atomic nuclear fusion
summit polaris calypso pandora athena apollo zeus hermes titan atlas
medusa hydra sphinx phoenix griffin pegasus kraken cerberus chimera
hades midas ares thor odin loki freya sparta troy rome
popeye superman batman joker hulk
alibaba amazon lexus jaguar mustang
cuba nevada texas georgia jordan chad
strider voyeur rancor sauron gremlin pupa morpho siesta mirage
pioneer nazar slingshot wildcard dune butterfly castle cicada cardinal
hive onyx meow toxic beast cloak interlock embargo risen locus synapse
monte relic cheers entropy endurance grief groove lilith noname cyclops
ramp sarcoma playboy hellcat argonauts invader morpheus everest sun
silent sugar genesis chaos kraken hydra thor silence snatch scarab maze
global nova mantis nemesis punisher slam slug pear frag grep lambda quantum
vulcan shade spook rook warlock anubis obscura homeland bluesky axiom amoeba
antlion bitter packrat zircon longhorn lurid elfin direwolf naga tengu
""".split())

# Chemical elements that a general reader meets in everyday text (Microsoft's
# former naming scheme used them); matched only with context. Rare elements
# such as Strontium, Zirconium, Hafnium or Nobelium are not ordinary words and
# stay unconditional aliases.
ELEMENTS = set("""
hydrogen helium lithium carbon nitrogen oxygen neon sodium magnesium aluminium
aluminum silicon phosphorus sulphur sulfur chlorine argon potassium calcium
titanium chromium manganese iron cobalt nickel copper zinc arsenic bromine
krypton silver tin iodine tungsten platinum gold mercury lead radium uranium
plutonium radon
""".split())

# Every element name, used only to title-case shouty Microsoft-era names
# ('HAFNIUM' -> 'Hafnium').
ALL_ELEMENTS = ELEMENTS | set("""
beryllium boron fluorine scandium vanadium gallium germanium selenium rubidium
strontium yttrium zirconium niobium molybdenum technetium ruthenium rhodium
palladium cadmium indium antimony tellurium xenon caesium cesium barium
lanthanum cerium praseodymium neodymium promethium samarium europium gadolinium
terbium dysprosium holmium erbium thulium ytterbium lutetium hafnium tantalum
rhenium osmium iridium thallium bismuth polonium astatine francium actinium
thorium protactinium neptunium americium curium berkelium californium
einsteinium fermium mendelevium nobelium lawrencium rutherfordium dubnium
seaborgium bohrium hassium meitnerium darmstadtium roentgenium copernicium
nihonium flerovium moscovium livermorium tennessine oganesson
""".split())

# Aliases that are too generic to identify anyone, or collide with well-known
# organisations and products; always dropped.
GENERIC = set("""
unknown unknowns hackers hacker admin admins administrator group team crew
gang apt actor actors threat attacker attackers anonymous? criminals
ransomware ransom malware virus trojan botnet leak leaks leaked dataleak
data mydata leakeddata blog news test none null other others various
ups gop cia fbi nsa usa tsb uuc uca cca usdod lexus alibaba jerseymikes
superman popeye offline unsafe
""".split())
GENERIC.discard("anonymous?")

# Display-name fixes applied after title-casing.
RENAME = {
    "LAPSUS": "Lapsus$",
    "GhostEmperor": "Salt Typhoon",
    "SaintBear": "Ember Bear",
    "Silent Chollima": "Andariel",
    "Stardust Chollima": "APT38",
    "Troldesh orShade, XTBL": "Troldesh",
    "Samas-Samsam": "SamSam",
    "Babuk-Locker": "Babuk",
    "Lockbit3": "LockBit",
    "lockbit4": "LockBit",
    "Vicesociety": "Vice Society",
    "Bianlian": "BianLian",
    "BlackBasta": "Black Basta",
    "black suit": "BlackSuit",
    "inc ransom": "INC Ransom",
    "ransomhub": "RansomHub",
    "8base": "8Base",
    "Ransomhouse": "RansomHouse",
    "Ragnar Locker": "Ragnar Locker",
    "hunters": "Hunters International",
    "clop torrents": "Clop",
    "embrago": "Embargo",
    "killsec3": "KillSec",
    "killsec": "KillSec",
    "cloak.su": "Cloak",
    "Avos": "AvosLocker",
    "babuk-bjorka": "Babuk",
    "siegedsec": "SiegedSec",
    "dragonforce": "DragonForce",
    "QuantumLocker": "Quantum",
    "Darkside": "DarkSide",
    "Netwalker": "NetWalker",
    "Operation C-Major": "Transparent Tribe",
    # the galaxy's 2019 DNS-hijacking actor; news uses "Cold River" for
    # Callisto, so the shared name is left ambiguous and dropped
    "Cold River": "Nahr Elbard",
}

# Threat-actor entries that describe the same group as another entry; the
# first is folded into the second (names become aliases).
MERGE_TA = {
    "UNC2452": "APT29",
    "Charming Kitten": "APT35",
    "IRIDIUM": "Sandworm",
    "DEV-0586": "Ember Bear",
}

# Aliases used in news that the galaxy lacks.
EXTRA_ALIASES = {
    "APT29": ["Midnight Blizzard", "Cozy Bear", "Nobelium", "The Dukes"],
    "APT28": ["Fancy Bear", "Forest Blizzard", "Sofacy", "Strontium"],
    "Salt Typhoon": ["GhostEmperor", "FamousSparrow"],
    "Clop": ["Cl0p", "CL0P"],
    "BlackCat": ["ALPHV", "ALPHV/BlackCat", "Noberus"],
    "Sodinokibi": ["REvil"],
    "Callisto": ["ColdRiver", "Cold River", "Star Blizzard"],
    "Scattered Spider": ["Octo Tempest", "UNC3944", "0ktapus"],
    "Lazarus Group": ["Lazarus"],
    "Wizard Spider": ["Trickbot gang"],
    "Volt Typhoon": ["Vanguard Panda", "Bronze Silhouette", "Voltzite"],
    "Sandworm": ["Seashell Blizzard", "APT44", "Voodoo Bear"],
    "Cyber Partisans": ["Belarusian Cyber Partisans"],
}

# Ransomware-cluster entries without a leak-site link that are nevertheless
# well-known operations, kept as criminal groups.
RANSOM_KEEP = {"Ryuk", "Cerber", "Dharma", "Zeppelin", "Cuba", "Royal"}
# Ransomware names that are artefacts of the source, not gangs.
RANSOM_DROP = {"Unknown", "Dataleak", "ransomware blog", "wiper leak", "mydata",
               "leakeddata", "help_restoremydata", "Offline ransomware",
               "Virus-Encoder", "aGl0bGVyCg", "Mydecryptor", "Rransom",
               "Payloadbin", "Lv", "Mbc", "Ep918", "Fake Globe Ransomware",
               "crypt ransomware", "red ransomware", "insane ransomware",
               "Fsteam", "contfr", "Onepercent"}

# Kind overrides where the cluster metadata is silent or misleading.
KIND_OVERRIDE = {
    "Handala": "hacktivist_group", "SiegedSec": "hacktivist_group",
    "lulzsec muslims": "hacktivist_group", "Abraham's Ax": "hacktivist_group",
    "Anonymous Sudan": "hacktivist_group", "Killnet": "hacktivist_group",
    "NoName057(16)": "hacktivist_group", "Cyber Av3ngers": "hacktivist_group",
    "Lapsus$": "criminal_group", "ShinyHunters": "criminal_group",
    "Scattered Spider": "criminal_group", "Evil Corp": "criminal_group",
    "Wizard Spider": "criminal_group", "TA505": "criminal_group",
    "FIN7": "criminal_group", "Lazarus Group": "apt_group", "APT38": "apt_group",
}
COUNTRY_OVERRIDE = {"APT38": "KP"}

# Aliases listed under several entries, assigned to the narrower group (the
# galaxy lists the North Korean sub-groups under Lazarus Group as well).
ALIAS_OWNER = {
    "bluenoroff": "APT38", "beagleboyz": "APT38", "sapphire sleet": "APT38",
    "copernicium": "APT38", "nickel gladstone": "APT38",
    "stardust chollima": "APT38",
}

# Words that make a context alias count when they stand within three words of
# it (either side), e.g. "the Cobalt group", "Play ransomware", "a group
# calling itself Medusa". Deliberately narrow: "operation", "campaign" or
# "malware" are left out because they sit next to code names of operations and
# tools ("an operation code-named Medusa", "the Snake implant").
CONTEXT_WORDS = sorted(set("""
group gang actor actors hackers hacker APT crew team operators affiliates
affiliate ransomware cluster collective syndicate adversary spies cyberspies
hacktivists hacktivist persona state-sponsored state-backed
""".split()), key=str.lower)

# Vendor naming families. `suffix` names end with the word; `prefix` names start
# with it (followed by digits). country null: the family says nothing about it.
FAMILIES = [
    {"suffix": "Typhoon", "vendor": "Microsoft", "country": "CN"},
    {"suffix": "Blizzard", "vendor": "Microsoft", "country": "RU"},
    {"suffix": "Sandstorm", "vendor": "Microsoft", "country": "IR"},
    {"suffix": "Sleet", "vendor": "Microsoft", "country": "KP"},
    {"suffix": "Cyclone", "vendor": "Microsoft", "country": "VN"},
    {"suffix": "Dust", "vendor": "Microsoft", "country": "TR"},
    {"suffix": "Hail", "vendor": "Microsoft", "country": "KR"},
    {"suffix": "Rain", "vendor": "Microsoft", "country": "LB"},
    {"suffix": "Tempest", "vendor": "Microsoft", "country": None, "kind": "criminal_group"},
    {"suffix": "Tsunami", "vendor": "Microsoft", "country": None, "note": "private-sector offensive actors"},
    {"suffix": "Flood", "vendor": "Microsoft", "country": None, "note": "influence operations"},
    {"suffix": "Panda", "vendor": "CrowdStrike", "country": "CN"},
    {"suffix": "Bear", "vendor": "CrowdStrike", "country": "RU"},
    {"suffix": "Kitten", "vendor": "CrowdStrike", "country": "IR"},
    {"suffix": "Chollima", "vendor": "CrowdStrike", "country": "KP"},
    {"suffix": "Tiger", "vendor": "CrowdStrike", "country": "IN"},
    {"suffix": "Leopard", "vendor": "CrowdStrike", "country": "PK"},
    {"suffix": "Buffalo", "vendor": "CrowdStrike", "country": "VN"},
    {"suffix": "Crane", "vendor": "CrowdStrike", "country": "KR"},
    {"suffix": "Wolf", "vendor": "CrowdStrike", "country": "TR"},
    {"suffix": "Spider", "vendor": "CrowdStrike", "country": None, "kind": "criminal_group"},
    {"suffix": "Jackal", "vendor": "CrowdStrike", "country": None, "kind": "hacktivist_group"},
    {"suffix": "Taurus", "vendor": "Palo Alto Networks Unit 42", "country": "CN"},
    {"suffix": "Ursa", "vendor": "Palo Alto Networks Unit 42", "country": "RU"},
    {"suffix": "Serpens", "vendor": "Palo Alto Networks Unit 42", "country": "IR"},
    {"suffix": "Pisces", "vendor": "Palo Alto Networks Unit 42", "country": "KP"},
    {"suffix": "Libra", "vendor": "Palo Alto Networks Unit 42", "country": None, "kind": "criminal_group"},
    {"prefix": "Bronze", "vendor": "Secureworks", "country": "CN"},
    {"prefix": "Iron", "vendor": "Secureworks", "country": "RU"},
    {"prefix": "Cobalt", "vendor": "Secureworks", "country": "IR"},
    {"prefix": "Nickel", "vendor": "Secureworks", "country": "KP"},
    {"prefix": "Gold", "vendor": "Secureworks", "country": None, "kind": "criminal_group"},
    {"prefix": "APT", "vendor": "Mandiant", "country": None, "pattern": "APT ?[0-9]{1,3}"},
    {"prefix": "UNC", "vendor": "Mandiant", "country": None, "pattern": "UNC[0-9]{2,5}"},
    {"prefix": "FIN", "vendor": "Mandiant", "country": None, "kind": "criminal_group", "pattern": "FIN[0-9]{1,3}"},
    {"prefix": "Storm-", "vendor": "Microsoft", "country": None, "pattern": "Storm-[0-9]{4}"},
    {"prefix": "DEV-", "vendor": "Microsoft", "country": None, "pattern": "DEV-[0-9]{4}"},
    {"prefix": "TA", "vendor": "Proofpoint", "country": None, "pattern": "TA[0-9]{3,4}"},
    {"prefix": "UAC-", "vendor": "CERT-UA", "country": None, "pattern": "UAC-[0-9]{4}"},
]

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

SPONSOR_COUNTRY = {
    "china": "CN", "people's republic of china": "CN",
    "russian federation": "RU", "russia": "RU",
    "iran (islamic republic of)": "IR", "iran": "IR",
    "korea (democratic people's republic of)": "KP",
    "korea (republic of)": "KR",
    "united states": "US", "us": "US", "palestine": "PS", "vietnam": "VN",
    "viet nam": "VN", "united arab emirates": "AE", "lebanon": "LB",
}


def galaxy_dir() -> str:
    import pymispgalaxies  # noqa: F401  (only used to locate the data)
    base = os.path.dirname(pymispgalaxies.__file__)
    return os.path.join(base, "data", "misp-galaxy", "clusters")


def load_cluster(name: str) -> dict:
    with open(os.path.join(galaxy_dir(), name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def clean(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u00a0", " ").strip()
    return re.sub(r"\s+", " ", s)


def ckey(alias: str) -> str:
    """Collision key: case, spaces, hyphens and underscores ignored, so that
    'APT 38', 'APT-38' and 'APT38' are the same name."""
    return re.sub(r"[\s\-_]+", "", alias.lower())


def is_common(word: str) -> bool:
    w = word.lower().strip(".-'’")
    return w in COMMON_WORDS or w in ELEMENTS


def tidy_case(alias: str) -> str:
    """Title-case shouty vendor names ('WICKED PANDA' -> 'Wicked Panda',
    'NOBELIUM' -> 'Nobelium'); leave acronyms and code names alone."""
    words = alias.split(" ")
    multi = len(words) > 1
    out = []
    for w in words:
        if w.isalpha() and w.isupper() and len(w) >= 4 and (multi or is_common(w) or w.lower() in ALL_ELEMENTS):
            out.append(w.capitalize())
        elif w.isalpha() and w.islower() and multi and len(w) >= 3:
            out.append(w.capitalize())
        else:
            out.append(w)
    return " ".join(out)


def usable(alias: str) -> tuple[bool, str]:
    """Whether an alias can be matched at all (reason when not)."""
    a = alias
    if len(a) < 3:
        return False, "short"
    if re.fullmatch(r"[\d\W_]+", a):
        return False, "numeric"
    if ":" in a or a.endswith("?"):
        return False, "annotation"
    if a.lower() in GENERIC or a.lower().rstrip("s") in GENERIC:
        return False, "generic"
    return True, ""


def needs_context(alias: str) -> bool:
    """Rule: a single word that is an ordinary English word (embedded list) is
    only matched in context. Multi-word names stay unconditional."""
    if " " in alias:
        return False
    return is_common(alias)


def needs_case(alias: str) -> bool:
    """Rule: multi-word names built only from ordinary words ('Fancy Bear',
    'Volt Typhoon') and short uppercase acronyms match only as written."""
    words = alias.split(" ")
    if len(words) > 1:
        return all(is_common(w) for w in words)
    return alias.isupper() and alias.isalpha() and len(alias) <= 4


def iso_for_sponsor(name: str) -> str | None:
    return SPONSOR_COUNTRY.get(name.strip().lower())


VENDOR_CODE_RE = re.compile(r"^(Storm-\d+|DEV-\d+|UNC\d+|TA\d+|UAC-\d+)$")

HACKTIVIST_RE = re.compile(r"hacktivis|defac|politically motivated|pro-russian|pro-palestin|pro-ukrain", re.I)
CRIMINAL_RE = re.compile(r"financially[- ]motivated|cyber ?crim|criminal|extortion|ransomware|carding|"
                         r"banking trojan|fraud|for profit|monetary gain", re.I)
STATE_RE = re.compile(r"espionage|state[- ]sponsored|state[- ]backed|nation[- ]state|intelligence", re.I)


def ta_kind(v: dict) -> str:
    meta = v.get("meta") or {}
    sponsor = meta.get("cfr-suspected-state-sponsor")
    if sponsor and sponsor != "Unknown":
        return "apt_group"
    motive = str(meta.get("motive", ""))
    inc = meta.get("cfr-type-of-incident", [])
    inc = [inc] if isinstance(inc, str) else list(inc)
    desc = v.get("description", "") or ""
    if "Hacktivist" in motive or "Defacement" in inc or HACKTIVIST_RE.search(desc):
        return "hacktivist_group"
    if "Cybercrime" in motive or any(i in inc for i in ("Financial Theft", "Extortion", "Business Email Compromise")):
        return "criminal_group"
    if inc == ["Denial of service"]:
        return "hacktivist_group"
    if CRIMINAL_RE.search(desc) and not STATE_RE.search(desc):
        return "criminal_group"
    return "apt_group"


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------

class Actor:
    def __init__(self, name, kind, country, origin, priority):
        self.name = name
        self.kind = kind
        self.country = country
        self.origin = origin      # "state", "agency", "ta", "rw"
        self.priority = priority  # lower wins collisions
        self.aliases: list[str] = []
        self.cased: set[str] = set()
        self.forced_context: set[str] = set()
        self.sponsor = None
        self.unit = None
        self.parent = None

    def add(self, alias: str):
        alias = clean(alias)
        if alias and alias not in self.aliases:
            self.aliases.append(alias)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--report", action="store_true", help="list every collision and dropped alias")
    args = ap.parse_args()

    ta = load_cluster("threat-actor")
    rw = load_cluster("ransomware")
    mag = load_cluster("microsoft-activity-group")
    mis = load_cluster("mitre-intrusion-set")
    with open(os.path.join(HERE, "states.json"), encoding="utf-8") as f:
        states = json.load(f)
    with open(os.path.join(HERE, "sponsors.json"), encoding="utf-8") as f:
        sponsors = json.load(f)["rows"]

    actors: list[Actor] = []
    by_name: dict[str, Actor] = {}
    dropped: list[tuple[str, str, str]] = []

    def register(a: Actor):
        if a.origin != "curated" and not usable(a.name)[0]:
            dropped.append((a.name, a.name, "unusable name, actor dropped"))
            return
        actors.append(a)
        by_name[a.name.lower()] = a

    # 1. hand-curated states and agencies (highest priority)
    for kind, key in (("nation_state", "states"), ("state_agency", "agencies")):
        for e in states[key]:
            a = Actor(e["name"], kind, e.get("country"), "curated", 0)
            a.parent = e.get("parent")
            for al in e.get("aliases", []):
                a.add(al)
            a.cased.update(e.get("cased", []))
            for al in e.get("context_aliases", []):
                a.add(al)
                a.forced_context.add(al)
            register(a)

    # 2. MISP threat actors
    ta_vals = sorted(ta["values"], key=lambda v: v["value"].lower())
    merged_into: dict[str, str] = {}
    for v in ta_vals:
        raw = clean(v["value"])
        if raw in MERGE_TA:
            merged_into[raw] = MERGE_TA[raw]
            continue
        name = RENAME.get(raw) or RENAME.get(tidy_case(raw)) or tidy_case(raw)
        meta = v.get("meta") or {}
        country = meta.get("country") or None
        if not (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)):
            country = iso_for_sponsor(str(meta.get("cfr-suspected-state-sponsor", "")))
        country = COUNTRY_OVERRIDE.get(name, country)
        a = Actor(name, KIND_OVERRIDE.get(name, ta_kind(v)), country, "ta", 1)
        if name != raw:
            a.add(raw)
        for s in meta.get("synonyms") or []:
            a.add(s)
        if name.lower() in by_name:
            other = by_name[name.lower()]
            for al in [raw] + a.aliases:
                other.add(al)
            continue
        register(a)
    for v in ta_vals:
        raw = clean(v["value"])
        if raw in merged_into:
            tgt = by_name[merged_into[raw].lower()]
            tgt.add(raw)
            for s in (v.get("meta") or {}).get("synonyms") or []:
                tgt.add(s)

    # 3. ransomware gangs
    for v in sorted(rw["values"], key=lambda v: v["value"].lower()):
        raw = clean(v["value"])
        meta = v.get("meta") or {}
        if raw in RANSOM_DROP:
            continue
        if not (meta.get("links") or raw in RANSOM_KEEP):
            continue
        base = re.sub(r"\s+ransomware$", "", raw, flags=re.I)
        name = RENAME.get(raw) or RENAME.get(base) or (
            " ".join(w.capitalize() for w in base.split(" ")) if base.islower() or base.isupper() else base)
        syns = [clean(s) for s in meta.get("synonyms") or []]
        country = meta.get("country") if isinstance(meta.get("country"), str) else None
        target = by_name.get(name.lower())
        if target is None:
            for s in syns:  # a synonym naming an existing actor, e.g. LAPSUS$
                if s.lower() in by_name and by_name[s.lower()].origin in ("ta", "rw"):
                    target = by_name[s.lower()]
                    break
        if target is None:
            # also fold into a threat actor that lists this name as a synonym
            cands = [x for x in actors if x.origin == "ta" and name.lower() in {al.lower() for al in x.aliases}]
            if len(cands) == 1:
                target = cands[0]
        if target is not None and target.origin == "ta" and VENDOR_CODE_RE.match(target.name):
            # a gang known by its own name is tracked under a vendor code
            # (Akira under Storm-1567): the gang name becomes canonical
            old = target.name
            del by_name[old.lower()]
            target.name = name
            target.aliases = [x for x in target.aliases if x.lower() != name.lower()]
            target.add(old)
            by_name[name.lower()] = target
        if target is not None and target.origin != "curated":
            for al in [raw, name] + syns:
                if al != target.name:
                    target.add(al)
            if target.kind == "apt_group" and target.origin == "rw":
                target.kind = "criminal_group"
            continue
        a = Actor(name, KIND_OVERRIDE.get(name, KIND_OVERRIDE.get(raw, "criminal_group")), country, "rw", 2)
        if raw != name:
            a.add(raw)
        for s in syns:
            a.add(s)
        register(a)

    # 4. curated extra aliases
    for name, extra in EXTRA_ALIASES.items():
        tgt = by_name.get(name.lower())
        if tgt is None:
            print(f"warning: EXTRA_ALIASES target {name!r} not found", file=sys.stderr)
            continue
        for al in extra:
            tgt.add(al)

    # 5. Microsoft / MITRE names as extra aliases for groups already present
    lookup = defaultdict(set)
    for a in actors:
        if a.origin in ("ta", "rw"):
            for n in [a.name] + a.aliases:
                lookup[n.lower()].add(id(a))
    by_id = {id(a): a for a in actors}
    unmatched = 0
    for cl in (mag, mis):
        for v in sorted(cl["values"], key=lambda v: v["value"]):
            names = [clean(re.sub(r"\s+-\s+G\d{4}$", "", v["value"]))]
            names += [clean(s) for s in (v.get("meta") or {}).get("synonyms") or []]
            hits = set()
            for n in names:
                hits |= lookup.get(n.lower(), set())
            if len(hits) != 1:
                canon = [by_id[h] for h in hits if by_id[h].name.lower() in {n.lower() for n in names}]
                if len(canon) != 1:
                    unmatched += 1
                    continue
                hits = {id(canon[0])}
            tgt = by_id[hits.pop()]
            for n in names:
                tgt.add(n)

    # 6. sponsors
    for row in sponsors:
        tgt = by_name.get(row["actor"].lower())
        if tgt is None:
            print(f"error: sponsors.json actor {row['actor']!r} not in the base", file=sys.stderr)
            return 1
        sp = by_name.get(row["sponsor"].lower())
        if sp is None or sp.kind not in ("state_agency", "nation_state"):
            print(f"error: sponsor {row['sponsor']!r} is not a curated state or agency", file=sys.stderr)
            return 1
        tgt.sponsor = sp.name
        tgt.unit = row.get("unit")
        if not tgt.country:
            tgt.country = sp.country

    # 7. normalise aliases: case, usability, de-duplication
    for a in actors:
        seen: dict[str, str] = {}
        for al in a.aliases:
            t = al if a.origin == "curated" else tidy_case(al)
            ok, why = usable(t) if a.origin != "curated" else (len(t) >= 2, "short")
            if not ok:
                dropped.append((a.name, al, why))
                continue
            k = t.lower()
            if k == a.name.lower():
                continue
            prev = seen.get(k)
            if prev is None or (prev.isupper() and not t.isupper()):
                seen[k] = t
        a.aliases = list(seen.values())

    # 8. collisions: an alias owned by several actors
    owners = defaultdict(list)
    for a in actors:
        owners[ckey(a.name)].append((a, True))
        for al in a.aliases:
            owners[ckey(al)].append((a, False))
    resolved, removed = [], []
    for key in sorted(owners):
        own = owners[key]
        if len({id(a) for a, _ in own}) < 2:
            continue
        owner = {ckey(k): v for k, v in ALIAS_OWNER.items()}.get(key)
        if owner:
            keep = by_name[owner.lower()]
            for a, is_name in own:
                if a is not keep and not is_name:
                    a.aliases = [x for x in a.aliases if ckey(x) != key]
            if not any(ckey(x) == key for x in keep.aliases) and ckey(keep.name) != key:
                keep.aliases.append(next(x for o, n in own for x in [o.name] + o.aliases if ckey(x) == key))
            resolved.append((key, keep.name, sorted({a.name for a, _ in own if a is not keep})))
            continue
        canon = [a for a, is_name in own if is_name]
        best = min(own, key=lambda t: (t[0].priority, not t[1]))[0]
        if canon or best.origin == "curated":
            keep = canon[0] if canon and canon[0].priority <= best.priority else best
            for a, is_name in own:
                if a is not keep and not is_name:
                    a.aliases = [x for x in a.aliases if ckey(x) != key]
            resolved.append((key, keep.name, sorted({a.name for a, _ in own if a is not keep})))
        else:
            for a, _ in own:
                a.aliases = [x for x in a.aliases if ckey(x) != key]
            removed.append((key, sorted({a.name for a, _ in own})))

    # 9. emit
    out_actors = []
    for a in sorted(actors, key=lambda a: (KINDS.index(a.kind), a.name.lower())):
        plain, ctx = [], []
        for al in a.aliases:
            (ctx if (al in a.forced_context or needs_context(al)) else plain).append(al)
        if a.origin != "curated" and needs_context(a.name):
            ctx.insert(0, a.name)
        cased = sorted(x for x in set([a.name] + plain + ctx) if x in a.cased or (a.origin != "curated" and needs_case(x)))
        rec = {"name": a.name, "kind": a.kind, "country": a.country,
               "aliases": sorted(plain, key=str.lower), "context_aliases": sorted(ctx, key=str.lower),
               "cased": cased, "sponsor": a.sponsor}
        if a.unit:
            rec["unit"] = a.unit
        if a.parent:
            rec["parent"] = a.parent
        out_actors.append(rec)

    doc = {
        "version": f"{KB_DATE}+ta{ta['version']}.rw{rw['version']}.mag{mag['version']}.mis{mis['version']}",
        "sources": [
            {"name": "MISP galaxy threat-actor", "version": ta["version"], "license": LICENSE_MISP},
            {"name": "MISP galaxy ransomware", "version": rw["version"], "license": LICENSE_MISP},
            {"name": "MISP galaxy microsoft-activity-group", "version": mag["version"], "license": LICENSE_MISP},
            {"name": "MISP galaxy mitre-intrusion-set", "version": mis["version"], "license": LICENSE_MISP},
            {"name": "ThreatLens curated states, agencies and sponsors", "version": KB_DATE, "license": "project licence"},
        ],
        "actors": out_actors,
        "families": FAMILIES,
        "context_words": CONTEXT_WORDS,
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(data + "\n")

    n_alias = sum(len(r["aliases"]) for r in out_actors)
    n_ctx = sum(len(r["context_aliases"]) for r in out_actors)
    kinds = defaultdict(int)
    for r in out_actors:
        kinds[r["kind"]] += 1
    print(f"wrote {os.path.relpath(args.out, REPO)} ({len(data) + 1} bytes)")
    print(f"actors: {len(out_actors)} ({', '.join(f'{k}={kinds[k]}' for k in KINDS if kinds[k])})")
    print(f"aliases: {n_alias} plain, {n_ctx} context-only, "
          f"{sum(len(r['cased']) for r in out_actors)} case-sensitive")
    print(f"sponsored actors: {sum(1 for r in out_actors if r['sponsor'])}")
    print(f"collisions: {len(resolved)} kept by the owning name or curated entry, "
          f"{len(removed)} ambiguous aliases dropped; {len(dropped)} unusable aliases dropped; "
          f"{unmatched} Microsoft/MITRE entries without a unique match")
    if args.report:
        for key, keep, others in resolved:
            print(f"  kept    {key!r} -> {keep} (removed from {', '.join(others)})")
        for key, names in removed:
            print(f"  dropped {key!r} shared by {', '.join(names)}")
        for name, al, why in dropped:
            print(f"  unusable {al!r} of {name} ({why})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
