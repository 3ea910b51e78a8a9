#!/usr/bin/env python3
"""Compose training articles for the espionage, hacktivism and policy labels.

Builds training/data/articles/espionage_policy_composed.jsonl from hand-written
fragment pools (ledes, attribution sentences at every level, denials, victim
statements, quotes, background paragraphs, closers, feed boilerplate). Labels
are derived from the fragments that were chosen, never guessed afterwards:
every fragment that names a responsible party carries the actor keys it uses,
and every fragment that implies a threat type carries that label.

Run from the repository root:
    /work/venv/bin/python training/data/gen/compose_espionage_policy.py
"""
import json
import os
import random
import re

SEED = 20250611
OUT = os.path.join("training", "data", "articles", "espionage_policy_composed.jsonl")
SCRIPT = "composed:compose_espionage_policy.py"

rng = random.Random(SEED)


def pick(seq):
    return seq[rng.randrange(len(seq))]


def chance(p):
    return rng.random() < p


# ---------------------------------------------------------------------------
# Countries (victims and attributing governments)
# gov: (short name, long name) of a body that makes official attributions.
# ---------------------------------------------------------------------------
COUNTRIES = {
    "United Kingdom": dict(adj="British", capital="London", cities=["Manchester", "Leeds", "Glasgow", "Cardiff", "Belfast"],
                           gov=[("the NCSC", "the UK's National Cyber Security Centre"), ("the Foreign Office", "the UK Foreign, Commonwealth and Development Office")]),
    "United States": dict(adj="American", capital="Washington", cities=["Houston", "Seattle", "Denver", "Atlanta", "Pittsburgh"],
                          gov=[("CISA", "the Cybersecurity and Infrastructure Security Agency"), ("the FBI", "the FBI and CISA in a joint advisory")]),
    "Netherlands": dict(adj="Dutch", capital="The Hague", cities=["Rotterdam", "Utrecht", "Eindhoven", "Groningen"],
                        gov=[("the MIVD", "the Dutch Military Intelligence and Security Service (MIVD)"), ("the AIVD", "the Dutch General Intelligence and Security Service (AIVD)")]),
    "Germany": dict(adj="German", capital="Berlin", cities=["München", "Düsseldorf", "Köln", "Stuttgart", "Leipzig"],
                    gov=[("the BfV", "Germany's domestic intelligence agency, the Bundesamt für Verfassungsschutz"), ("the BSI", "Germany's Federal Office for Information Security (BSI)")]),
    "France": dict(adj="French", capital="Paris", cities=["Lyon", "Toulouse", "Besançon", "Nantes"],
                   gov=[("ANSSI", "France's national cybersecurity agency ANSSI"), ("the Quai d'Orsay", "the French foreign ministry")]),
    "Ukraine": dict(adj="Ukrainian", capital="Kyiv", cities=["Lviv", "Dnipro", "Kharkiv", "Odesa", "Zhytomyr"],
                    gov=[("CERT-UA", "Ukraine's government computer emergency response team, CERT-UA"), ("the SBU", "the Security Service of Ukraine (SBU)")]),
    "Poland": dict(adj="Polish", capital="Warsaw", cities=["Łódź", "Kraków", "Gdańsk", "Wrocław", "Poznań"],
                   gov=[("CERT Polska", "CERT Polska, the national incident response team"), ("the ABW", "Poland's Internal Security Agency (ABW)")]),
    "Czech Republic": dict(adj="Czech", capital="Prague", cities=["Brno", "Ostrava", "Plzeň"],
                           gov=[("NÚKIB", "the Czech National Cyber and Information Security Agency (NÚKIB)")]),
    "Lithuania": dict(adj="Lithuanian", capital="Vilnius", cities=["Kaunas", "Klaipėda"],
                      gov=[("the NKSC", "Lithuania's National Cyber Security Centre")]),
    "Estonia": dict(adj="Estonian", capital="Tallinn", cities=["Tartu", "Pärnu"],
                    gov=[("the RIA", "Estonia's Information System Authority (RIA)")]),
    "Finland": dict(adj="Finnish", capital="Helsinki", cities=["Tampere", "Oulu", "Jyväskylä"],
                    gov=[("Supo", "the Finnish Security and Intelligence Service (Supo)")]),
    "Norway": dict(adj="Norwegian", capital="Oslo", cities=["Bergen", "Tromsø", "Trondheim"],
                   gov=[("the PST", "Norway's Police Security Service (PST)")]),
    "Japan": dict(adj="Japanese", capital="Tokyo", cities=["Osaka", "Nagoya", "Sapporo", "Fukuoka"],
                  gov=[("the NISC", "Japan's National Center of Incident Readiness and Strategy for Cybersecurity"), ("the National Police Agency", "Japan's National Police Agency")]),
    "South Korea": dict(adj="South Korean", capital="Seoul", cities=["Busan", "Daejeon", "Incheon"],
                        gov=[("the NIS", "South Korea's National Intelligence Service")]),
    "Taiwan": dict(adj="Taiwanese", capital="Taipei", cities=["Kaohsiung", "Taichung", "Hsinchu"],
                   gov=[("the Investigation Bureau", "Taiwan's Ministry of Justice Investigation Bureau")]),
    "Philippines": dict(adj="Philippine", capital="Manila", cities=["Cebu", "Davao", "Quezon City"],
                        gov=[("the DICT", "the Philippine Department of Information and Communications Technology")]),
    "Australia": dict(adj="Australian", capital="Canberra", cities=["Sydney", "Melbourne", "Perth", "Brisbane"],
                      gov=[("the ASD", "the Australian Signals Directorate")]),
    "Canada": dict(adj="Canadian", capital="Ottawa", cities=["Toronto", "Montréal", "Québec City", "Calgary"],
                   gov=[("the Cyber Centre", "the Canadian Centre for Cyber Security")]),
    "Israel": dict(adj="Israeli", capital="Jerusalem", cities=["Tel Aviv", "Haifa", "Be'er Sheva"],
                   gov=[("the INCD", "the Israel National Cyber Directorate")]),
    "India": dict(adj="Indian", capital="New Delhi", cities=["Mumbai", "Bengaluru", "Pune", "Hyderabad"],
                  gov=[("CERT-In", "India's national computer emergency response team, CERT-In")]),
    "Belgium": dict(adj="Belgian", capital="Brussels", cities=["Antwerpen", "Liège", "Gent"],
                    gov=[("the CCB", "Belgium's Centre for Cybersecurity")]),
    "Italy": dict(adj="Italian", capital="Rome", cities=["Milano", "Torino", "Napoli"],
                  gov=[("the ACN", "Italy's National Cybersecurity Agency (ACN)")]),
    "Spain": dict(adj="Spanish", capital="Madrid", cities=["Barcelona", "Sevilla", "Bilbao"],
                  gov=[("the CCN", "Spain's National Cryptologic Centre (CCN)")]),
    "Switzerland": dict(adj="Swiss", capital="Bern", cities=["Zürich", "Genève", "Basel"],
                        gov=[("the BACS", "Switzerland's Federal Office for Cybersecurity")]),
    "Brazil": dict(adj="Brazilian", capital="Brasília", cities=["São Paulo", "Rio de Janeiro", "Belo Horizonte"], gov=[]),
    "Vietnam": dict(adj="Vietnamese", capital="Hà Nội", cities=["Hồ Chí Minh City", "Đà Nẵng"], gov=[]),
    "Turkey": dict(adj="Turkish", capital="Ankara", cities=["İstanbul", "İzmir"], gov=[]),
    "Pakistan": dict(adj="Pakistani", capital="Islamabad", cities=["Karachi", "Lahore"], gov=[]),
    "Nepal": dict(adj="Nepali", capital="Kathmandu", cities=["Pokhara"], gov=[]),
    "Saudi Arabia": dict(adj="Saudi", capital="Riyadh", cities=["Jeddah", "Dammam"], gov=[]),
    "United Arab Emirates": dict(adj="Emirati", capital="Abu Dhabi", cities=["Dubai", "Sharjah"], gov=[]),
    "Latvia": dict(adj="Latvian", capital="Riga", cities=["Daugavpils", "Liepāja"], gov=[("CERT.LV", "Latvia's national incident response team CERT.LV")]),
    "Denmark": dict(adj="Danish", capital="Copenhagen", cities=["Aarhus", "Odense"], gov=[("the PET", "the Danish Security and Intelligence Service (PET)")]),
    "Sweden": dict(adj="Swedish", capital="Stockholm", cities=["Göteborg", "Malmö"], gov=[("Säpo", "the Swedish Security Service (Säpo)")]),
    "Romania": dict(adj="Romanian", capital="Bucharest", cities=["Cluj-Napoca", "Timișoara"], gov=[("the SRI", "Romania's Intelligence Service (SRI)")]),
    "Moldova": dict(adj="Moldovan", capital="Chișinău", cities=["Bălți"], gov=[]),
    "Georgia": dict(adj="Georgian", capital="Tbilisi", cities=["Batumi"], gov=[]),
}

# ---------------------------------------------------------------------------
# State-backed espionage actors (real names; aliases are vendor names).
# ---------------------------------------------------------------------------
SPIES = [
    dict(actor="APT28", aliases=["Fancy Bear", "Forest Blizzard", "Sofacy"], state="Russia", agency="the GRU",
         agency_name="GRU", targets=["Germany", "France", "Ukraine", "Poland", "Czech Republic", "Norway", "Belgium", "Lithuania", "Denmark", "United States"]),
    dict(actor="APT29", aliases=["Cozy Bear", "Midnight Blizzard", "Nobelium"], state="Russia", agency="the SVR foreign intelligence service",
         agency_name="SVR", targets=["United States", "United Kingdom", "Germany", "Netherlands", "Italy", "Poland", "Norway"]),
    dict(actor="Sandworm", aliases=["Seashell Blizzard", "Voodoo Bear", "APT44"], state="Russia", agency="GRU Unit 74455",
         agency_name="GRU", targets=["Ukraine", "Poland", "Denmark", "Georgia", "Moldova"]),
    dict(actor="Turla", aliases=["Secret Blizzard", "Venomous Bear", "Snake"], state="Russia", agency="the FSB",
         agency_name="FSB", targets=["Ukraine", "Germany", "Switzerland", "Romania", "Estonia", "Latvia"]),
    dict(actor="Gamaredon", aliases=["Primitive Bear", "Aqua Blizzard", "Armageddon"], state="Russia", agency="the FSB",
         agency_name="FSB", targets=["Ukraine", "Moldova", "Latvia"]),
    dict(actor="Star Blizzard", aliases=["Callisto", "ColdRiver", "Seaborgium"], state="Russia", agency="the FSB's Centre 18",
         agency_name="FSB", targets=["United Kingdom", "United States", "Ukraine", "Netherlands", "Estonia"]),
    dict(actor="APT31", aliases=["Zirconium", "Judgment Panda", "Violet Typhoon"], state="China", agency="the Ministry of State Security",
         agency_name="Ministry of State Security", targets=["Finland", "Czech Republic", "United Kingdom", "Belgium", "United States", "Netherlands"]),
    dict(actor="APT40", aliases=["Leviathan", "Kryptonite Panda", "Gingham Typhoon"], state="China", agency="the Ministry of State Security's Hainan bureau",
         agency_name="Ministry of State Security", targets=["Australia", "Philippines", "United States", "Canada", "Japan"]),
    dict(actor="APT41", aliases=["Brass Typhoon", "Wicked Panda", "Winnti"], state="China", agency=None,
         agency_name=None, targets=["Italy", "Taiwan", "Japan", "India", "United States", "Spain"]),
    dict(actor="Volt Typhoon", aliases=["Bronze Silhouette", "Vanguard Panda"], state="China", agency=None,
         agency_name=None, targets=["United States", "Philippines", "Australia", "Canada"]),
    dict(actor="Salt Typhoon", aliases=["GhostEmperor", "FamousSparrow", "UNC2286"], state="China", agency=None,
         agency_name=None, targets=["United States", "Canada", "Taiwan", "Italy", "South Korea"]),
    dict(actor="Mustang Panda", aliases=["Bronze President", "TA416", "Earth Preta"], state="China", agency=None,
         agency_name=None, targets=["Philippines", "Vietnam", "Taiwan", "Czech Republic", "Nepal", "Belgium"]),
    dict(actor="APT10", aliases=["Stone Panda", "menuPass", "Potassium"], state="China", agency="the Ministry of State Security's Tianjin bureau",
         agency_name="Ministry of State Security", targets=["Japan", "United States", "United Kingdom", "India"]),
    dict(actor="Kimsuky", aliases=["Velvet Chollima", "Emerald Sleet", "APT43"], state="North Korea", agency="the Reconnaissance General Bureau",
         agency_name="Reconnaissance General Bureau", targets=["South Korea", "Japan", "United States", "Germany"]),
    dict(actor="Lazarus Group", aliases=["Hidden Cobra", "Diamond Sleet", "Zinc"], state="North Korea", agency="the Reconnaissance General Bureau",
         agency_name="Reconnaissance General Bureau", targets=["South Korea", "United States", "India", "Israel", "Spain"]),
    dict(actor="Andariel", aliases=["Onyx Sleet", "Silent Chollima", "APT45"], state="North Korea", agency="the Reconnaissance General Bureau",
         agency_name="Reconnaissance General Bureau", targets=["South Korea", "United States", "Japan", "India"]),
    dict(actor="APT37", aliases=["ScarCruft", "Reaper", "Ricochet Chollima"], state="North Korea", agency=None,
         agency_name=None, targets=["South Korea", "Japan", "Vietnam"]),
    dict(actor="APT35", aliases=["Charming Kitten", "Mint Sandstorm", "Phosphorus"], state="Iran", agency="the Islamic Revolutionary Guard Corps",
         agency_name="Islamic Revolutionary Guard Corps", targets=["Israel", "United States", "United Kingdom", "Saudi Arabia", "Germany"]),
    dict(actor="APT33", aliases=["Peach Sandstorm", "Elfin", "Refined Kitten"], state="Iran", agency=None,
         agency_name=None, targets=["Saudi Arabia", "United Arab Emirates", "United States", "Israel"]),
    dict(actor="MuddyWater", aliases=["Mango Sandstorm", "Static Kitten", "Seedworm"], state="Iran", agency="the Ministry of Intelligence and Security",
         agency_name="Ministry of Intelligence and Security", targets=["Turkey", "Israel", "Saudi Arabia", "Pakistan", "United Arab Emirates"]),
    dict(actor="OilRig", aliases=["APT34", "Hazel Sandstorm", "Helix Kitten"], state="Iran", agency="the Ministry of Intelligence and Security",
         agency_name="Ministry of Intelligence and Security", targets=["Israel", "United Arab Emirates", "Saudi Arabia", "Turkey"]),
    dict(actor="Ghostwriter", aliases=["UNC1151", "Storm-0257"], state="Belarus", agency=None,
         agency_name=None, targets=["Poland", "Lithuania", "Latvia", "Ukraine", "Germany"]),
    dict(actor="Sidewinder", aliases=["Rattlesnake", "APT-C-17"], state="India", agency=None,
         agency_name=None, targets=["Pakistan", "Nepal", "Vietnam"]),
    dict(actor="Transparent Tribe", aliases=["APT36", "Mythic Leopard", "Earth Karkaddan"], state="Pakistan", agency=None,
         agency_name=None, targets=["India"]),
    dict(actor="APT32", aliases=["OceanLotus", "Canvas Cyclone", "SeaLotus"], state="Vietnam", agency=None,
         agency_name=None, targets=["Philippines", "Germany", "Australia"]),
]

STATE_INFO = {
    "Russia": dict(adj="Russian", capital="Moscow", embassy="the Russian embassy", ministry="Russia's foreign ministry", spokes="Kremlin spokesperson"),
    "China": dict(adj="Chinese", capital="Beijing", embassy="the Chinese embassy", ministry="China's foreign ministry", spokes="foreign ministry spokesperson"),
    "North Korea": dict(adj="North Korean", capital="Pyongyang", embassy="North Korea's mission to the United Nations", ministry="North Korea's foreign ministry", spokes="state news agency KCNA"),
    "Iran": dict(adj="Iranian", capital="Tehran", embassy="Iran's mission to the United Nations", ministry="Iran's foreign ministry", spokes="foreign ministry spokesperson"),
    "Belarus": dict(adj="Belarusian", capital="Minsk", embassy="the Belarusian embassy", ministry="Belarus's foreign ministry", spokes="government spokesperson"),
    "India": dict(adj="Indian", capital="New Delhi", embassy="the Indian high commission", ministry="India's external affairs ministry", spokes="ministry spokesperson"),
    "Pakistan": dict(adj="Pakistani", capital="Islamabad", embassy="Pakistan's high commission", ministry="Pakistan's foreign office", spokes="foreign office spokesperson"),
    "Vietnam": dict(adj="Vietnamese", capital="Hà Nội", embassy="the Vietnamese embassy", ministry="Vietnam's foreign ministry", spokes="ministry spokesperson"),
    "United States": dict(adj="American", capital="Washington", embassy="the US embassy", ministry="the State Department", spokes="State Department spokesperson"),
    "Israel": dict(adj="Israeli", capital="Jerusalem", embassy="the Israeli embassy", ministry="Israel's foreign ministry", spokes="government spokesperson"),
    "Ukraine": dict(adj="Ukrainian", capital="Kyiv", embassy="the Ukrainian embassy", ministry="Ukraine's foreign ministry", spokes="ministry spokesperson"),
    "Taiwan": dict(adj="Taiwanese", capital="Taipei", embassy="Taiwan's representative office", ministry="Taiwan's Mainland Affairs Council", spokes="council spokesperson"),
}

VENDORS = ["Mandiant", "Microsoft Threat Intelligence", "ESET", "Kaspersky", "Recorded Future's Insikt Group",
           "Palo Alto Networks' Unit 42", "Cisco Talos", "Proofpoint", "Check Point Research", "Sekoia",
           "Trend Micro", "CrowdStrike", "Symantec", "Volexity", "SentinelLabs", "Google Threat Intelligence Group",
           "WithSecure", "Bitdefender", "Positive Technologies", "Group-IB", "Secureworks", "Elastic Security Labs",
           "Lookout", "Citizen Lab", "Orange Cyberdefense", "Hunt.io", "Arctic Wolf", "Seqrite Labs", "AhnLab", "Genians",
           "Team Cymru", "Darktrace", "Intezer", "NVISO", "Fortinet's FortiGuard Labs", "Zscaler ThreatLabz"]

OUTLETS = ["Reuters", "the Financial Times", "Le Monde", "Der Spiegel", "NRK", "Yle", "the Washington Post",
           "Nikkei", "Süddeutsche Zeitung", "De Volkskrant", "Gazeta Wyborcza", "Politico Europe", "The Record",
           "the Guardian", "Bloomberg", "NHK", "Folha de S.Paulo", "Helsingin Sanomat", "Delfi", "Kyodo News"]

PEOPLE = ["Katarzyna Wróbel", "João Mendes", "Anja Müller", "Nguyễn Thị Lan", "Søren Dahl", "Émilie Laurent",
          "Mehmet Yılmaz", "Aino Virtanen", "Tomás Ó Briain", "Hiroshi Tanaka", "Priya Raghunathan", "Daniel Okafor",
          "Lena Schröder", "Marek Novák", "Ingrid Haugen", "Rafael Gutiérrez", "Chen Yu-ting", "Olena Kovalenko",
          "Sarah Whitcombe", "Jonas Petraitis", "Mariana Costa", "Kim Min-seo", "David Levi", "Fatima Al-Sayed",
          "Pieter de Vries", "Giulia Bianchi", "Tuomas Lehtinen", "Agnieszka Zielińska", "Rohan Mehta", "Camille Dubois",
          "Björn Lindqvist", "Eszter Kovács", "Martin Hrubý", "Laura Jiménez", "Sean McAllister", "Yuki Sato",
          "Andrei Popescu", "Mirela Dumitru", "Kaito Yamamoto", "Nadia Haddad", "Thomas Berger", "Elif Demir"]

RESEARCHER_ROLES = ["a senior threat analyst at {vendor}", "head of threat research at {vendor}",
                    "a principal researcher with {vendor}", "who leads the intelligence team at {vendor}",
                    "an incident responder at {vendor}", "director of threat intelligence at {vendor}"]
OFFICIAL_ROLES = ["a spokesperson for {gov_short}", "deputy director of {gov_short}", "a senior official at {gov_short}",
                  "the minister responsible for digital affairs", "a government spokesperson", "chair of the parliamentary intelligence committee"]

# Extra victim-only countries (used by hacktivism and state-versus-state stories)
COUNTRIES.update({
    "Russia": dict(adj="Russian", capital="Moscow", cities=["Yekaterinburg", "Novosibirsk", "Kazan", "Belgorod"], gov=[]),
    "Belarus": dict(adj="Belarusian", capital="Minsk", cities=["Hrodna", "Brest", "Homyel"], gov=[]),
    "China": dict(adj="Chinese", capital="Beijing", cities=["Shanghai", "Shenzhen", "Xi'an", "Harbin", "Wuhan"], gov=[]),
    "Iran": dict(adj="Iranian", capital="Tehran", cities=["Isfahan", "Mashhad", "Tabriz"], gov=[]),
    "Bangladesh": dict(adj="Bangladeshi", capital="Dhaka", cities=["Chattogram", "Sylhet"], gov=[]),
})


# ---------------------------------------------------------------------------
# Small machinery: formatting that records which blamed parties a fragment
# names, so that actors/sources/labels follow from the text exactly.
# ---------------------------------------------------------------------------
class Doc:
    def __init__(self):
        self.ctx = {}
        self.keymap = {}      # placeholder -> blamed party name
        self.blamed = []
        self.sources = []
        self.denied = False

    def f(self, tpl, capitalize=True):
        for k in re.findall(r"\{(\w+)\}", tpl):
            if k in self.keymap and self.keymap[k] and self.keymap[k] not in self.blamed:
                self.blamed.append(self.keymap[k])
        out = fix_articles(tpl.format(**self.ctx))
        return cap(out) if capitalize else out

    def src(self, *names):
        for n in names:
            if n not in self.sources:
                self.sources.append(n)


def fix_articles(s):
    """'a Estonian' -> 'an Estonian' (proper adjectives starting with a vowel sound)."""
    return re.sub(r"\b([Aa]) (?=(?:A|I|O(?!ne\b)|E(?!u))[a-z])", lambda m: m.group(1) + "n ", s)


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def ok(tpl, ctx):
    """A template is usable only when every placeholder has a value."""
    return all(ctx.get(k) for k in re.findall(r"\{(\w+)\}", tpl))


def pick_ok(pool, ctx):
    good = [t for t in pool if ok(t, ctx)]
    return pick(good)


def join_paras(paras):
    return "\n\n".join(p for p in paras if p)


def cve():
    return "CVE-%d-%d" % (pick([2023, 2024, 2025]), rng.randrange(1000, 49999))


# ---------------------------------------------------------------------------
# Espionage pools
# ---------------------------------------------------------------------------
VICTIMS = [
    ("the {vadj} Ministry of Foreign Affairs", "{vadj} foreign ministry"),
    ("the {vadj} defence ministry", "{vadj} defence ministry"),
    ("the parliament in {vcap}", "{vadj} parliament"),
    ("a {vadj} shipbuilder based in {vcity}", "{vadj} shipbuilder"),
    ("a think tank in {vcity} that advises the government on security policy", "{vcity} think tank"),
    ("the city government of {vcity}", "{vcity} city hall"),
    ("a satellite operator headquartered in {vcity}", "{vadj} satellite operator"),
    ("several {vadj} embassies in Asia and Africa", "{vadj} embassies"),
    ("a university research institute in {vcity} working on semiconductor design", "{vadj} chip research institute"),
    ("the {vadj} national police", "{vadj} police"),
    ("a regional electricity grid operator in {vcountry}", "{vadj} grid operator"),
    ("the office of the {vadj} prime minister", "{vadj} prime minister's office"),
    ("a law firm in {vcap} representing the government in a trade arbitration", "{vcap} law firm"),
    ("a {vadj} telecommunications provider", "{vadj} telecom operator"),
    ("the {vadj} finance ministry", "{vadj} finance ministry"),
    ("a defence contractor in {vcity} that builds armoured vehicles", "{vadj} defence contractor"),
    ("the {vadj} space agency", "{vadj} space agency"),
    ("a drone manufacturer near {vcity}", "{vadj} drone maker"),
    ("the {vadj} energy ministry", "{vadj} energy ministry"),
    ("journalists at an investigative newsroom in {vcap}", "{vcap} newsroom"),
    ("the national statistics office in {vcap}", "{vadj} statistics office"),
    ("the port authority in {vcity}", "{vcity} port authority"),
    ("the {vadj} election commission", "{vadj} election commission"),
    ("{vadj} diplomats posted abroad", "{vadj} diplomats"),
    ("officials at the {vadj} agriculture ministry", "{vadj} agriculture ministry"),
    ("a hospital research unit in {vcity} running vaccine trials", "{vcity} hospital research unit"),
    ("the {vadj} customs service", "{vadj} customs service"),
    ("a {vadj} maker of radar components", "{vadj} radar supplier"),
    ("the interior ministry in {vcap}", "{vadj} interior ministry"),
    ("a water utility serving {vcity}", "{vcity} water utility"),
    ("members of the {vadj} parliament's defence committee", "{vadj} lawmakers"),
    ("the central bank of {vcountry}", "{vadj} central bank"),
    ("a rail signalling firm in {vcity}", "{vadj} rail firm"),
    ("the {vadj} ministry of justice", "{vadj} justice ministry"),
    ("a nuclear research centre outside {vcity}", "{vadj} nuclear research centre"),
    ("an aerospace supplier in {vcity}", "{vadj} aerospace supplier"),
]

LURES = ["invitations to a diplomatic reception", "agendas for an upcoming NATO meeting", "fake CVs from job applicants",
         "interview requests from a supposed journalist", "password-expiry notices from the IT department",
         "an embassy wine-tasting invitation", "draft texts of a trade agreement", "humanitarian aid updates",
         "conference invitations from a real university", "invoices from a known supplier", "fake court summonses",
         "questions from a think-tank researcher", "visa application forms", "a survey on energy security",
         "updates on an arms-control conference", "shipping manifests", "a fake security bulletin"]
PRODUCTS = ["Ivanti Connect Secure gateways", "Fortinet FortiGate firewalls", "Citrix NetScaler appliances",
            "on-premises Microsoft Exchange servers", "Cisco ASA devices", "Palo Alto Networks PAN-OS firewalls",
            "Zimbra Collaboration servers", "Roundcube webmail", "SharePoint Server", "Barracuda email gateways",
            "Sophos firewalls", "Atlassian Confluence servers", "VMware vCenter", "SonicWall SMA appliances",
            "Check Point VPN gateways", "edge routers"]
MALNAMES = ["GlassFerry", "LoftMole", "SilentQuill", "TinTurnip", "HazelNest", "CopperLark", "NightFennel",
            "OrchidDrop", "BrineShell", "PaperKite", "MossLantern", "QuietOtter", "RustFinch", "VelvetPike",
            "ShadowPad", "PlugX", "a modified Cobalt Strike beacon"]

# vector -> (secondary label, phrase pools)
VECTORS = {
    None: (None, ["gained access to {victim}", "broke into the network of {victim}", "compromised email accounts at {victim}",
                  "quietly infiltrated systems at {victim}", "spent months inside the network of {victim}",
                  "stole internal correspondence from {victim}", "got into {victim}'s internal network"]),
    "phishing": ("phishing", ["sent spear-phishing emails carrying {lure} to staff at {victim}",
                              "tricked employees of {victim} into entering their passwords on fake login pages disguised as {lure}",
                              "targeted {victim} with booby-trapped {lure}",
                              "used {lure} to lure officials at {victim} into opening malicious attachments"]),
    "vulnerability": ("vulnerability", ["exploited a flaw in {product} ({cve}) to get into {victim}",
                                        "used a zero-day vulnerability in {product} to breach {victim}",
                                        "abused an unpatched bug in {product}, tracked as {cve}, to reach {victim}",
                                        "exploited {cve}, a critical vulnerability in {product}, at {victim}"]),
    "malware": ("malware", ["planted a previously undocumented backdoor called {malname} on computers at {victim}",
                            "infected machines at {victim} with {malname}, a remote-access implant",
                            "deployed custom malware dubbed {malname} inside {victim}",
                            "used a USB-spreading worm to infect computers at {victim}"]),
    "supply_chain": ("supply_chain", ["reached {victim} through a compromised IT service provider",
                                      "slipped a backdoor into a software update used by {victim}",
                                      "hijacked the update server of a small software vendor whose customers include {victim}",
                                      "got into {victim} by first breaching a managed service provider that ran its servers"]),
}

WHAT_TAKEN = ["diplomatic cables", "negotiating positions for an upcoming summit", "the emails of senior officials",
              "blueprints and test data", "contact lists of staff and their families", "internal memos on sanctions policy",
              "files about arms deliveries", "calendar data and meeting notes", "research data on a new battery technology",
              "documents about a pending gas pipeline deal", "personnel records of intelligence officers",
              "material on the country's stance toward Taiwan", "the mailboxes of the legal department",
              "technical specifications for naval radar", "data on critical-minerals contracts"]

SUBJ = {
    "none": ["hackers", "unidentified attackers", "an unknown threat actor", "cyber spies", "intruders",
             "a hacking group", "attackers", "an espionage crew that has not been identified"],
    "suspected": ["hackers believed to be working for {state}", "suspected {adj} state-backed hackers",
                  "a group thought to be {actor}", "cyber spies linked to {state}", "hackers suspected of ties to {adj} intelligence"],
    "attributed": ["{actor}", "{adj} state hackers", "{actor}, a group tied to {agency},", "hackers working for {agency}",
                   "the {adj} state-sponsored group {actor}"],
}

LEDES = [
    "{subj} {vector} and made off with {taken}, {who_said} said {when}.",
    "{when_cap}, {who_said} disclosed that {subj} {vector}.",
    "{subj} {vector}, according to {who_said}, in what appears to be a long-running intelligence-gathering operation.",
    "A cyber espionage campaign in which {subj} {vector} went undetected for {dur}, {who_said} said.",
    "{subj} {vector} and siphoned off {taken} over {dur}, {who_said} said in a statement {when}.",
    "Investigators say {subj} {vector}, then spent {dur} quietly collecting {taken}.",
    "{who_said_cap} said {when} that {subj} {vector} as part of a spying operation.",
    "In an intrusion discovered only {disc}, {subj} {vector} and accessed {taken}.",
]
WHO_SAID = ["officials", "the ministry", "investigators", "the country's cyber agency", "people briefed on the case",
            "a government statement", "incident responders", "the organisation"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "this week", "late on Sunday", "on Saturday"]
DUR = ["at least eight months", "nearly two years", "several weeks", "about five months", "more than a year", "roughly 14 months"]
DISC = ["last month", "during a routine audit", "after an ally tipped off authorities", "when an administrator noticed odd traffic",
        "after a foreign partner agency raised the alarm", "while a contractor was migrating servers"]

ATT = {
    "none": [
        "Officials have not said who they believe was responsible.",
        "No group has been publicly linked to the intrusion, and the investigation is continuing.",
        "Investigators declined to speculate about the origin of the attack.",
        "Asked whether a foreign government was behind it, a spokesperson said it was \"too early to say\".",
        "The firm that handled the response said it had not been able to tie the activity to any known cluster.",
        "The ministry described the attackers only as \"a sophisticated actor\" and gave no further details.",
        "\"Attribution is not our priority right now; containment is,\" one official said.",
        "The government said the operation was probably carried out by a state actor, but would not say which.",
        "Security researchers who examined the samples said the tooling was generic and did not point to any particular country.",
        "A spokesperson said the matter had been referred to the intelligence services and declined to comment on who was behind it.",
        "It was not clear who was behind the breach.",
        "Police said they were treating the incident as espionage but had no suspect.",
        "The identity of the intruders remains unknown.",
        "Officials would only say that the attack was \"highly targeted\" and that it showed signs of careful planning.",
        "{vendor}, which was called in to investigate, said it was still analysing the malware and had made no attribution.",
        "Neither the ministry nor its outside investigators have named a suspect.",
    ],
    "suspected_vendor": [
        "{vendor} said the tools and infrastructure overlap with those of {actor}, a group it believes works on behalf of {state}, though it assessed the link with moderate confidence.",
        "Researchers at {vendor} tentatively linked the campaign to {actor}, citing reused code and a shared hosting provider.",
        "According to {vendor}, the operation bears the hallmarks of {actor}, also known as {alias}.",
        "{vendor} stopped short of a firm attribution but said the activity was consistent with {adj} state-sponsored operations.",
        "The implant's compile times matched working hours in {capital}, one of several clues that led {vendor} to suspect {actor}.",
        "Analysts at {vendor} said they suspected {actor} but cautioned that false flags were possible.",
        "{vendor} tracks the cluster under its own name but notes significant overlaps with {alias}, which other firms associate with {state}.",
        "{vendor} said it was \"moderately confident\" the intrusion was the work of {actor}.",
        "The researchers believe, with medium confidence, that {actor} is responsible, pointing to a loader seen only in that group's earlier operations.",
        "A report by {vendor} said the campaign was likely run by {adj} intelligence, based on the targets chosen and the decoy documents used.",
        "{vendor} described {actor} as the most probable culprit, while noting that some of the tools are shared among several {adj} groups.",
        "Code similarities point to {actor}, {vendor} wrote, though the firm said it could not rule out another {adj} unit using the same toolkit.",
    ],
    "suspected_media": [
        "Two people familiar with the investigation told {outlet} that {adj} intelligence was the main suspect.",
        "According to {outlet}, which cited unnamed officials, investigators believe {actor} was behind the breach.",
        "A government source, who asked not to be named, said the intrusion was \"almost certainly\" the work of {state}.",
        "Officials privately suspect {actor}, {outlet} reported, although no public attribution has been made.",
        "Several people briefed on the inquiry said suspicion had fallen on hackers working for {agency}, {outlet} reported.",
        "{outlet} reported that security officials had linked the attack to {state}, but the government has declined to comment publicly.",
        "One senior official, speaking on condition of anonymity, said the methods resembled those of {actor}.",
        "Leaked internal briefing notes seen by {outlet} describe the intruders as probably {adj}.",
    ],
    "attributed_gov": [
        "{gov} attributed the intrusion to {actor}, which it said operates on behalf of {agency}.",
        "In a statement, {gov_short} said it had high confidence that {actor} was responsible.",
        "{gov} publicly named {state} as responsible, saying {actor} carried out the operation.",
        "The government formally attributed the campaign to {adj} state actors, the first time it has done so publicly.",
        "{gov_short} said the activity was conducted by {agency}, using infrastructure it had previously tied to {actor}.",
        "A joint advisory from {gov_short} and partner agencies in the Five Eyes countries named {actor} as the culprit.",
        "\"We are in no doubt that {actor}, part of {agency}, is behind this,\" {gov_short} said.",
        "{gov} said its investigation showed that the attack was carried out by {actor}, a group run by {agency}.",
        "The foreign minister said {state} was responsible and that the {adj} ambassador had been summoned.",
        "According to {gov}, the intrusion was the work of {actor}, also known as {alias}.",
        "In an unusually direct statement, {gov_short} blamed {adj} state-sponsored hackers and published technical indicators.",
        "{gov_short} and its allies jointly attributed the campaign to {actor} and {agency}.",
    ],
    "attributed_vendor": [
        "{vendor} said it attributes the operation to {actor} with high confidence.",
        "{vendor} assessed with high confidence that {actor}, which it links to {agency}, carried out the attack.",
        "Researchers at {vendor} said they were \"highly confident\" the intrusion was the work of {actor}, a group it has followed for years.",
        "{vendor} said the command servers, the malware and the choice of victims left \"no real doubt\" that {actor} was responsible, calling its assessment high confidence.",
    ],
    "attributed_victim": [
        "In a notice to staff, the {vshort} said it had identified the intruders as {actor}.",
        "The {vshort} itself confirmed that the attackers were {adj} state hackers, after a forensic review.",
        "A spokesperson for the {vshort} said the organisation had established that {actor} was behind the intrusion.",
    ],
}

DENIALS = [
    "{ministry} rejected the accusation as \"groundless\".",
    "{capital} has consistently denied conducting cyber operations against other countries.",
    "A {spokes} called the claims a politically motivated smear and said {state} was itself a victim of hacking.",
    "{embassy} said {state} \"firmly opposes all forms of cyber attacks\" and accused {vcap} of hyping the issue.",
    "{state} denies any involvement.",
    "The {spokes} said the allegations were \"fabricated\" and \"not worth commenting on\".",
    "{capital} dismissed the accusations, saying they lacked evidence.",
    "{ministry} denied the charge and said it would lodge a protest.",
    "{embassy} in {vcap} called the report \"baseless speculation\".",
    "In {capital}, officials denied the country had anything to do with the hack.",
]
NOCOMMENT = [
    "{embassy} did not respond to a request for comment.",
    "{ministry} did not immediately reply to questions.",
    "{embassy} could not be reached for comment.",
]
VICTIM_STATEMENTS = [
    "The {vshort} said there was no evidence that classified information had been accessed.",
    "A spokesperson for the {vshort} said the affected systems were isolated within hours and that no sensitive data appeared to have left the network.",
    "The {vshort} confirmed the incident but said core services were unaffected.",
    "In a brief statement, the {vshort} said it had informed the data protection authority as a precaution.",
    "The {vshort} said it was working with national authorities and had reset all staff passwords.",
    "The {vshort} said it could not yet say what, if anything, had been taken.",
    "Staff at the {vshort} were told to stop using their work phones for several days while devices were checked.",
    "According to the {vshort}, the breach was limited to an unclassified network used for administrative email.",
    "The {vshort} said it had found no sign that operational systems were touched.",
    "\"We have no indication that personal data of citizens was affected,\" the {vshort} said.",
]
QUOTES = [
    "\"They were patient, quiet and very selective about what they took,\" said {person}, {rrole}.",
    "\"This is classic intelligence collection: inboxes, calendars, negotiating positions,\" said {person}, {rrole}.",
    "\"Edge devices remain the soft underbelly of government networks,\" {person}, {rrole}, said.",
    "{person}, {rrole}, said the intruders had \"clearly studied the organisation before they moved\".",
    "\"If you are a ministry and you are not assuming someone is already inside, you are behind,\" said {person}, {rrole}.",
    "\"We see the same pattern every few months: a new lure, the same objective,\" said {person}, {rrole}.",
    "\"What worries me is the dwell time,\" said {person}, {rrole}. \"Months, not days.\"",
    "{person}, {rrole}, called the operation \"disciplined\" and said the attackers deleted logs as they went.",
    "\"These people are not after money. They want to know what you are going to do before you do it,\" said {person}, {rrole}.",
    "\"The targeting tells you more than the malware does,\" said {person}, {rrole}.",
    "\"We are taking this extremely seriously,\" said {person}, {orole}.",
    "\"Our priority is to understand the full scope and to close every door they used,\" {person}, {orole}, told reporters.",
    "{person}, {orole}, said the government would \"respond at a time and in a manner of our choosing\".",
]
BACKGROUND = [
    "Governments across Europe have reported a steady rise in state-sponsored intrusions since 2022, much of it aimed at foreign and defence ministries.",
    "Cyber espionage rarely makes headlines the way ransomware does, because victims often prefer to keep quiet and the attackers do not announce themselves.",
    "Security agencies have repeatedly warned that internet-facing devices such as VPN gateways and firewalls are now the favourite entry point for spies.",
    "The intrusion is the latest in a series of breaches at public bodies in {vcountry} this year.",
    "Espionage campaigns typically aim to collect information quietly over long periods, in contrast to criminal attacks that seek a quick payout.",
    "Last year a parliamentary report in {vcap} criticised the slow pace of security upgrades across government departments.",
    "Diplomatic networks are prized targets because they carry assessments and negotiating positions that are rarely made public.",
    "Officials say many ministries still run ageing email servers that are hard to monitor.",
    "The breach comes as {vcountry} prepares to host a summit of foreign ministers later this year.",
    "Experts note that public attribution of cyber attacks remains a political decision as much as a technical one.",
    "Analysts say defence suppliers are often easier to penetrate than the ministries they serve.",
    "Several allied governments have recently increased funding for their national cyber agencies in response to similar incidents.",
    "Such operations often begin months before they are noticed, with attackers mapping the network and harvesting credentials.",
    "National incident response teams received a record number of reports last year, according to official figures.",
]
ACTOR_BACKGROUND = [
    "{actor}, also tracked as {alias}, has been active for more than a decade and is known for its focus on government and defence targets.",
    "{actor} has previously been linked to intrusions at foreign ministries and think tanks across several continents.",
    "The group known as {actor} typically relies on carefully written lures and rarely reuses infrastructure for long.",
    "{actor} was first documented publicly in the mid-2010s and has since been reported under a variety of names, including {alias}.",
    "Security firms have tied {actor} to campaigns against diplomats, military organisations and research institutes.",
]
CLOSERS = [
    "The investigation is continuing.",
    "{gov_short} urged organisations to apply the latest patches and review remote-access logs.",
    "The ministry said it would brief parliament's intelligence committee next week.",
    "Officials said further details would be published once the investigation is complete.",
    "The agency has published indicators of compromise for network defenders.",
    "Lawmakers have called for an independent review of government IT security.",
    "Affected staff have been offered support and new devices.",
    "",
    "",
]
FEED_SITES = ["SecurityWeek Digest", "CyberWire Roundup", "InfoSec Daily", "The Threat Ledger", "Packet Storm Notes",
              "Cyber Defence Briefing", "Daily Security Bulletin", "SOC Morning Report"]
GENERIC_TAILS = ["Read the full story for", "The announcement comes as", "Analysts said the move", "More details are expected",
                 "The figures compare with", "It follows"]
TRUNC_TAILS = [
    "Security researchers have long warned that",
    "The incident follows a string of",
    "According to the advisory, the attackers first",
    "Officials added that a full review of",
    "It is the second time this year that",
    "The ministry, which employs around",
]

TITLES = {
    "none": ["{Vshort} hit by cyber espionage attack", "Hackers breached {vshort}, stealing internal email",
             "{vcountry} investigates spying intrusion at {vshort}", "Espionage suspected in breach of {vshort}",
             "{Vshort} confirms network intrusion", "Spies got into {vshort} network for months",
             "Breach at {vshort} raises espionage fears", "{vadj} officials probe cyber attack on {vshort}"],
    "suspected": ["Suspected {adj} hackers breached {vshort}", "{actor} linked to spying on {vshort}",
                  "Researchers tie {vshort} intrusion to {actor}", "{adj} spies suspected in hack of {vshort}",
                  "{vshort} breach bears hallmarks of {actor}", "Hack of {vshort} points to {state}, sources say"],
    "attributed_gov": ["{vcountry} blames {actor} for hack of {vshort}", "{vcountry} accuses {state} of cyber espionage against {vshort}",
                       "{gov_short_cap} names {actor} as culprit in {vshort} breach", "{vcountry} pins {vshort} intrusion on {adj} intelligence",
                       "Government says {adj} state hackers broke into {vshort}"],
    "attributed_vendor": ["{vendor} pins {vshort} espionage campaign on {actor}", "{actor} behind {vshort} intrusion, researchers say",
                          "Researchers: {actor} spied on {vshort}"],
    "attributed_victim": ["{Vshort} says {actor} was behind breach", "{Vshort} identifies {adj} state hackers as intruders"],
}


def base_ctx(doc, vcountry):
    c = COUNTRIES[vcountry]
    doc.ctx.update(vcountry=vcountry, vadj=c["adj"], vcap=c["capital"], vcity=pick(c["cities"]),
                   vendor=pick(VENDORS), outlet=pick(OUTLETS), person=pick(PEOPLE),
                   when=pick(WHEN), dur=pick(DUR), disc=pick(DISC))
    doc.ctx["when_cap"] = cap(doc.ctx["when"])
    if c["gov"]:
        g = pick(c["gov"])
        doc.ctx.update(gov_short=g[0], gov=g[1], gov_short_cap=cap(g[0]))
    else:
        doc.ctx.update(gov_short="", gov="", gov_short_cap="")
    doc.ctx["rrole"] = pick(RESEARCHER_ROLES).format(vendor=doc.ctx["vendor"])
    doc.ctx["orole"] = pick(OFFICIAL_ROLES).format(gov_short=doc.ctx["gov_short"] or "the national cyber agency")


def set_spy(doc, spy):
    st = STATE_INFO[spy["state"]]
    doc.ctx.update(actor=spy["actor"], alias=pick(spy["aliases"]), state=spy["state"], adj=st["adj"],
                   capital=st["capital"], agency=spy["agency"] or "", embassy=st["embassy"],
                   ministry=st["ministry"], spokes=st["spokes"])
    for k in ("actor", "alias"):
        doc.keymap[k] = spy["actor"]
    for k in ("state", "adj", "capital", "embassy", "ministry"):
        doc.keymap[k] = spy["state"]
    doc.keymap["agency"] = spy["agency_name"]


def set_victim(doc):
    v = pick(VICTIMS)
    doc.ctx["victim"] = v[0].format(**doc.ctx)
    doc.ctx["vshort"] = v[1].format(**doc.ctx)
    doc.ctx["Vshort"] = cap(doc.ctx["vshort"])


def feed_wrap(doc, title, sentences, tails=None):
    """Truncated feed summary: full sentences, then a cut-off neutral tail."""
    body = " ".join(sentences) + " " + pick(tails or TRUNC_TAILS) + pick([" ...", "...", " […]", " [...]", "…"])
    if chance(0.5):
        body += "\n\nThe post " + title + " appeared first on " + pick(FEED_SITES) + "."
    return body


def gen_espionage_campaign():
    doc = Doc()
    spy = pick(SPIES)
    vcountry = pick(spy["targets"])
    base_ctx(doc, vcountry)
    set_victim(doc)
    level = pick(["none", "none", "none", "suspected_vendor", "suspected_vendor", "suspected_media",
                  "attributed_gov", "attributed_gov", "attributed_vendor", "attributed_victim"])
    if level == "attributed_gov" and not doc.ctx["gov"]:
        level = "suspected_vendor"
    if level != "none":
        set_spy(doc, spy)
    vec = pick([None, None, "phishing", "vulnerability", "vulnerability", "malware", "supply_chain"])
    label2, vpool = VECTORS[vec]
    doc.ctx.update(lure=pick(LURES), product=pick(PRODUCTS), cve=cve(), malname=pick(MALNAMES), taken=pick(WHAT_TAKEN),
                   who_said=pick(WHO_SAID))
    doc.ctx["who_said_cap"] = cap(doc.ctx["who_said"])
    doc.ctx["vector"] = pick(vpool).format(**doc.ctx)
    subj_level = "none" if level == "none" else ("suspected" if level.startswith("suspected") else "attributed")
    if subj_level != "none" and chance(0.45):
        subj_level = "none"   # many stories keep the lede neutral and attribute later
    doc.ctx["subj"] = doc.f(pick_ok(SUBJ[subj_level], doc.ctx), capitalize=False)
    lede = doc.f(pick(LEDES))
    att = doc.f(pick_ok(ATT[level], doc.ctx))
    tkey = "none" if level == "none" else ("suspected" if level.startswith("suspected") else level)
    title = doc.f(pick_ok(TITLES[tkey], doc.ctx)) if chance(0.93) else ""

    if level == "none":
        attribution = "none"
    elif level.startswith("suspected"):
        attribution = "suspected"
        doc.src("vendor" if level == "suspected_vendor" else "media")
    else:
        attribution = "attributed"
        doc.src({"attributed_gov": "government", "attributed_vendor": "vendor", "attributed_victim": "victim"}[level])
    labels = ["espionage"] + ([label2] if label2 else [])
    if level == "attributed_gov":
        labels.append("policy")

    style = pick(["wire_brief", "wire_brief", "headline_summary", "story", "story", "story", "story", "feed_noise", "advisory"])
    if style == "advisory" and level != "attributed_gov":
        style = "story"
    deny = None
    if level != "none":
        r = rng.random()
        if r < 0.35:
            deny = doc.f(pick(DENIALS))
            doc.denied = True
        elif r < 0.5 and style != "headline_summary":
            deny = doc.f(pick(NOCOMMENT))
    if style == "headline_summary":
        body = lede + " " + att if (level != "none" or chance(0.5)) else lede
        if deny:
            body += " " + deny
        if not title:
            title = doc.f(pick_ok(TITLES[tkey], doc.ctx))
    elif style == "wire_brief":
        parts = [lede, att]
        if chance(0.4):
            parts.insert(1, doc.f(pick(VICTIM_STATEMENTS)))
        if deny:
            parts.append(deny)
        body = " ".join(parts)
    elif style == "feed_noise":
        sents = [lede, att] if level != "none" or chance(0.5) else [lede]
        if deny:
            sents.append(deny)
        if not title:
            title = doc.f(pick_ok(TITLES[tkey], doc.ctx))
        body = feed_wrap(doc, title, sents)
    elif style == "advisory":
        intro = doc.f(pick([
            "{gov} has published an advisory describing how {subj} {vector}.",
            "A technical advisory released {when} by {gov_short} sets out how {subj} {vector}.",
            "{gov_short_cap} issued guidance {when} after {subj} {vector}.",
        ]))
        paras = [intro, att]
        paras.append(doc.f(pick([
            "The advisory lists IP addresses, file hashes and domain names used in the operation and recommends that administrators hunt for them in logs going back at least twelve months.",
            "It urges network owners to patch internet-facing systems, enforce phishing-resistant multi-factor authentication and monitor for unusual mailbox rules.",
            "Defenders are advised to review remote-access logs, rotate credentials for service accounts and isolate any device that matches the published indicators.",
            "The document includes detection rules and a timeline of the intrusion reconstructed from the victim's logs.",
        ])))
        if chance(0.6):
            paras.append(doc.f(pick(QUOTES)))
        if deny:
            paras.append(deny)
        body = join_paras(paras)
    else:
        middle = []
        if chance(0.6):
            middle.append(doc.f(pick(VICTIM_STATEMENTS)))
        for _ in range(rng.randrange(0, 3)):
            middle.append(doc.f(pick(QUOTES)))
        bgs = [doc.f(b) for b in rng.sample(BACKGROUND, rng.randrange(1, 4)) if ok(b, doc.ctx)]
        middle.extend(bgs)
        if level != "none" and chance(0.5):
            middle.append(doc.f(pick(ACTOR_BACKGROUND)))
        rng.shuffle(middle)
        # attribution early, in the middle, or only near the end
        pos = pick([0, len(middle) // 2, len(middle)])
        middle.insert(pos, att)
        if deny:
            middle.insert(middle.index(att) + 1, deny)
        closer = pick_ok(CLOSERS, doc.ctx)
        body = join_paras([lede] + list(dict.fromkeys(middle)) + ([doc.f(closer)] if closer else []))
    # state-named victims never become actors; actors come only from blaming fragments
    actors = list(doc.blamed) if attribution != "none" else []
    return title, body, labels, attribution, actors, list(doc.sources), doc.denied, style


# ---------------------------------------------------------------------------
# Indictments and sanctions of state hackers (espionage primary, policy second)
# ---------------------------------------------------------------------------
SUSPECT_NAMES = {
    "Russia": ["Dmitry Sokolov", "Artyom Belyaev", "Kirill Zhukov", "Sergei Lavrenko", "Maksim Orlov", "Yegor Tarasov",
               "Nikolai Vetrov", "Pavel Gromov", "Anton Zaitsev", "Roman Kuzmin"],
    "China": ["Zhou Wei", "Li Haoran", "Xu Jianguo", "Chen Mingzhi", "Wang Lei", "Tang Zhiyuan", "Huang Kaiwen",
              "Zhao Shuning", "Liu Qiang", "Sun Bowen"],
    "North Korea": ["Ri Chol-min", "Kim Song-il", "Jon Myong-ho", "Pak Un-su", "Han Kwang-jin", "Choe Yong-nam"],
    "Iran": ["Reza Karimi", "Hossein Tavakoli", "Amir Rostami", "Mahdi Nouri", "Saeed Farahani", "Behzad Moradi"],
}
LEGAL_LEDES = [
    "The US Justice Department {when} unsealed charges against {suspects}, {adj} nationals it says belong to {actor}, accusing them of a years-long hacking campaign against {victim} and other targets.",
    "Britain {when} sanctioned {suspects} and a front company in {fcity}, saying they carried out cyber espionage for {agency} as part of {actor}.",
    "The European Union has placed {suspects} under sanctions for their alleged role in {actor}'s intrusions into {victim}.",
    "Germany's federal prosecutor has obtained an arrest warrant for {suspect1}, whom investigators describe as an officer of {agency} and a member of {actor}.",
    "A federal grand jury in {uscity} returned an indictment accusing {suspects} of hacking {victim} on behalf of {agency}.",
    "Washington {when} offered a reward of up to $10 million for information on {suspects}, who prosecutors say are members of {actor}.",
    "The US Treasury's Office of Foreign Assets Control sanctioned {suspects}, accusing them of working with {actor} to break into {victim}.",
    "Prosecutors in {vcap} {when} charged {suspect1} in absentia with espionage, alleging that he was part of the {adj} group {actor} that breached {victim}.",
    "Australia imposed targeted financial sanctions on {suspects}, saying they were part of {actor}, the group behind intrusions into {victim}.",
]
LEGAL_DETAILS = [
    "According to the indictment, the defendants used spear-phishing emails and stolen passwords to reach mailboxes of officials and then exfiltrated gigabytes of documents.",
    "Court papers say the group exploited unpatched servers, installed web shells and harvested credentials over several years.",
    "The sanctions freeze any assets the individuals hold in the jurisdiction and bar residents from doing business with them.",
    "Each defendant faces charges of conspiracy to commit computer intrusion and wire fraud, which carry maximum sentences of 20 years.",
    "The charging documents describe a front company that recruited hackers and paid them bonuses for successful intrusions.",
    "Prosecutors allege the group targeted critics of {capital} living abroad as well as government networks.",
    "The indictment lists more than a dozen victim organisations, identified only by their sector.",
    "Investigators reconstructed the operation from server logs seized with the help of foreign partners.",
]
LEGAL_CONTEXT = [
    "None of the accused is in custody, and {state} does not extradite its citizens, making a trial unlikely.",
    "The move is largely symbolic but, officials argue, it raises the cost of such operations by exposing the people behind them.",
    "It was coordinated with partner governments, several of which issued statements of support.",
    "The action follows a joint advisory by Five Eyes agencies that described the same group's techniques.",
    "Officials said the charges were meant to show that state hackers can be identified by name.",
    "Lawyers note that indictments of foreign intelligence officers rarely lead to arrests unless a suspect travels.",
]
LEGAL_TITLES = [
    "{suspect1} named in legal action over {actor} hacking", "{actor} members targeted over espionage campaign",
    "Legal action against {adj} hackers who spied on {vshort}", "{adj} intelligence hackers behind {vshort} breach face consequences",
    "Authorities name {actor} suspects over {vshort} intrusion", "{actor}: suspects identified in {vshort} espionage case",
]


def gen_espionage_legal():
    doc = Doc()
    spy = pick([s for s in SPIES if s["state"] in SUSPECT_NAMES])
    vcountry = pick(spy["targets"])
    base_ctx(doc, vcountry)
    set_victim(doc)
    set_spy(doc, spy)
    names = rng.sample(SUSPECT_NAMES[spy["state"]], rng.randrange(1, 4))
    doc.ctx["suspect1"] = names[0]
    doc.ctx["suspects"] = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    doc.keymap["suspect1"] = names[0]
    doc.ctx["fcity"] = pick(COUNTRIES["China"]["cities"] if spy["state"] == "China" else ["Moscow", "St Petersburg", "Pyongyang", "Tehran", "Karaj", "Shenyang"])
    doc.ctx["uscity"] = pick(["Pittsburgh", "Washington", "San Diego", "Brooklyn", "Alexandria, Virginia", "Houston"])
    lede = doc.f(pick_ok(LEGAL_LEDES, doc.ctx))
    if "{suspects}" in lede or doc.ctx["suspects"] in lede:
        for n in names:
            if n not in doc.blamed:
                doc.blamed.append(n)
    labels = ["espionage", "policy"]
    style = pick(["court", "wire_brief", "story", "story", "headline_summary"])
    title = doc.f(pick_ok(LEGAL_TITLES, doc.ctx))
    sources = ["legal"]
    denied = False
    if style == "headline_summary":
        return title, lede, labels, "attributed", list(doc.blamed), sources, denied, style
    paras = [lede]
    n_det = 1 if style == "wire_brief" else rng.randrange(1, 4)
    for t in rng.sample(LEGAL_DETAILS, n_det):
        paras.append(doc.f(t))
    if style != "wire_brief" and chance(0.6):
        paras.append(doc.f(pick(LEGAL_CONTEXT)))
    if style != "wire_brief" and chance(0.35) and doc.ctx["gov"]:
        paras.append(doc.f(pick([
            "{gov} said separately that it had independently attributed the same activity to {actor}.",
            "In a parallel statement, {gov_short} confirmed that {actor} was behind the intrusion at {victim}.",
        ])))
        sources.append("government")
    if chance(0.45):
        paras.append(doc.f(pick(DENIALS)))
        denied = True
    elif chance(0.3):
        paras.append(doc.f(pick(NOCOMMENT)))
    if style != "wire_brief" and chance(0.4):
        paras.insert(rng.randrange(1, len(paras) + 1), doc.f(pick(QUOTES[10:] + QUOTES[:4])))
    body = " ".join(paras) if style == "wire_brief" else join_paras(paras)
    return title, body, labels, "attributed", list(doc.blamed), sources, denied, style


# ---------------------------------------------------------------------------
# States accusing states (diplomatic statements; the accused is the actor)
# ---------------------------------------------------------------------------
ACCUSATIONS = [
    dict(accuser="China", body="China's National Computer Virus Emergency Response Center", accused="United States",
         agency="National Security Agency", agency_txt="the US National Security Agency",
         victims=["a university in Xi'an that does aviation research", "systems used by the Asian Winter Games in Harbin",
                  "the National Time Service Center", "a major Chinese defence contractor", "a provincial power company",
                  "a satellite research institute in Shenzhen"]),
    dict(accuser="China", body="China's Ministry of State Security", accused="Taiwan",
         agency="Information, Communications and Electronic Force Command", agency_txt="Taiwan's Information, Communications and Electronic Force Command",
         victims=["government websites in Guangdong", "a water utility in Fujian", "military-linked research institutes"]),
    dict(accuser="China", body="a report by China's cybersecurity association", accused="United States",
         agency="Central Intelligence Agency", agency_txt="the US Central Intelligence Agency",
         victims=["Chinese telecom operators", "a research institute in Wuhan", "companies in the rail sector"]),
    dict(accuser="Russia", body="the FSB", accused="United States", agency="National Security Agency",
         agency_txt="US intelligence services", victims=["iPhones belonging to Russian diplomats", "Russian telecom operators",
                                                        "the email of staff at a Russian embassy"]),
    dict(accuser="Russia", body="Russia's foreign ministry", accused="Ukraine", agency="Main Directorate of Intelligence",
         agency_txt="Ukraine's military intelligence directorate", victims=["a Russian regional government", "Russian internet providers",
                                                                           "a defence plant in the Urals"]),
    dict(accuser="Iran", body="Iran's civil defence organisation", accused="Israel", agency=None,
         agency_txt="Israeli intelligence", victims=["the oil ministry's network", "email accounts at the atomic energy organisation",
                                                    "a government data centre in Tehran"]),
    dict(accuser="North Korea", body="North Korea's state news agency KCNA", accused="United States", agency=None,
         agency_txt="American spy agencies", victims=["state research institutes"]),
]
DIPLO_LEDES = [
    "{abody} accused {agency_txt} of hacking {dvictim}, in the latest exchange of cyber espionage allegations between {accuser} and {accused}.",
    "{accuser_adj} authorities said {when} that {agency_txt} had stolen data from {dvictim}, naming what they described as the attackers' tools and servers.",
    "{accuser} has accused {accused} of cyber espionage, saying {agency_txt} broke into {dvictim}.",
    "In a report published {when}, {abody} said {dvictim} had been hacked by {agency_txt}.",
    "{accuser_capital} said {when} that {agency_txt} had carried out intrusions into {dvictim} over several years.",
]
DIPLO_MORE = [
    "The report did not include technical evidence that could be independently verified.",
    "State media amplified the allegations, publishing what it said were the IP addresses used in the attacks.",
    "Analysts said the publication appeared timed to coincide with Western accusations against {accuser_capital}.",
    "It is the third such report this year, and like the others it named specific units and individuals.",
    "{accuser_adj} officials called on {accused_capital} to \"stop its irresponsible cyber attacks\".",
    "The statement said the intrusions had been traced through servers in several third countries.",
    "Western security researchers said the claims were difficult to assess without samples of the malware.",
]
DIPLO_DENY = [
    "{accused_capital} rejected the allegations.",
    "A spokesperson for {accused_gov} denied the accusations and called them propaganda.",
    "{accused_gov} dismissed the claims as \"baseless\".",
]
DIPLO_NODENY = [
    "{accused_gov} did not respond to a request for comment.",
    "{accused_gov} declined to comment.",
    "Officials in {accused_capital} have not publicly responded.",
]
DIPLO_TITLES = [
    "{accuser_capital} accuses {accused_capital} of hacking {dvictim_short}", "{accuser} says {agency_short} hacked {dvictim_short}",
    "{accuser} blames {accused} for cyber espionage", "{accuser_adj} report accuses {accused} of spying on {dvictim_short}",
]
ACCUSED_GOV = {"United States": "the US State Department", "Taiwan": "Taiwan's defence ministry", "Ukraine": "Kyiv's foreign ministry",
               "Israel": "Israel's prime minister's office"}


def gen_espionage_diplomatic():
    doc = Doc()
    a = pick(ACCUSATIONS)
    acc = STATE_INFO[a["accuser"]]
    dv = pick(a["victims"])
    short = re.sub(r"^(a|the|an) ", "", dv)
    short = short.split(" that ")[0].split(" belonging")[0]
    accused_info = STATE_INFO[a["accused"]]
    doc.ctx.update(abody=a["body"], accuser=a["accuser"], accuser_adj=acc["adj"], accuser_capital=acc["capital"],
                   accused=a["accused"], accused_capital=accused_info["capital"], agency_txt=a["agency_txt"],
                   agency_short=a["agency_txt"].replace("the US ", "the ").replace("Ukraine's ", ""),
                   dvictim=dv, dvictim_short=short, when=pick(WHEN), accused_gov=ACCUSED_GOV.get(a["accused"], "the government"))
    doc.keymap.update(accused=a["accused"], accused_capital=a["accused"], accused_gov=a["accused"],
                      agency_txt=a["agency"] or a["accused"], agency_short=a["agency"] or a["accused"])
    doc.blamed = []
    lede = doc.f(pick(DIPLO_LEDES))
    paras = [lede] + [doc.f(t) for t in rng.sample(DIPLO_MORE, rng.randrange(1, 3))]
    if chance(0.5):
        paras.append(doc.f(pick(DIPLO_DENY)))
        doc.denied = True
    elif chance(0.5):
        paras.append(doc.f(pick(DIPLO_NODENY)))
    title = doc.f(pick(DIPLO_TITLES))
    if a["accused"] not in doc.blamed:
        doc.blamed.append(a["accused"])
    style = pick(["wire_brief", "story", "policy", "headline_summary"])
    if style == "headline_summary":
        body = lede
        doc.denied = False
    else:
        body = join_paras(paras) if style != "wire_brief" else " ".join(paras)
    return title, body, ["espionage", "policy"], "attributed", list(doc.blamed), ["government"], doc.denied, style


# ---------------------------------------------------------------------------
# Hacktivism
# ---------------------------------------------------------------------------
EUROPE_PRO_UA = ["Poland", "Germany", "Italy", "Lithuania", "Czech Republic", "Spain", "Belgium", "Denmark", "Finland",
                 "Switzerland", "Netherlands", "Latvia", "Estonia", "Romania", "Sweden", "France", "United Kingdom"]
HACKTIVISTS = [
    dict(group="NoName057(16)", stance="pro-Russian", targets=EUROPE_PRO_UA + ["Ukraine"], kinds=["ddos"] * 4, state=None),
    dict(group="Killnet", stance="pro-Russian", targets=EUROPE_PRO_UA + ["United States", "Japan"], kinds=["ddos"], state=None),
    dict(group="Cyber Army of Russia Reborn", stance="pro-Russian", targets=["United States", "Poland", "France", "Ukraine"],
         kinds=["ddos", "ics"], state="Russia"),
    dict(group="People's Cyber Army", stance="pro-Russian", targets=["Ukraine", "Poland", "Lithuania"], kinds=["ddos"], state=None),
    dict(group="Z-Pentest", stance="pro-Russian", targets=["Poland", "United States", "Czech Republic"], kinds=["ics"], state=None),
    dict(group="Anonymous Sudan", stance="anti-Western", targets=["Israel", "United States", "United Kingdom", "France", "Sweden"],
         kinds=["ddos"], state=None),
    dict(group="Mysterious Team Bangladesh", stance="anti-India", targets=["India"], kinds=["ddos", "deface"], state=None),
    dict(group="Team Insane PK", stance="pro-Pakistan", targets=["India"], kinds=["ddos", "deface"], state=None),
    dict(group="Indian Cyber Force", stance="pro-India", targets=["Pakistan", "Bangladesh"], kinds=["ddos", "deface", "leak"], state=None),
    dict(group="SiegedSec", stance="pro-LGBTQ, anti-government", targets=["United States"], kinds=["leak"], state=None),
    dict(group="GhostSec", stance="anti-regime", targets=["Israel", "Russia", "Iran"], kinds=["leak", "deface", "ics"], state=None),
    dict(group="Handala", stance="pro-Palestinian", targets=["Israel"], kinds=["leak", "wiper"], state="Iran"),
    dict(group="Cyber Toufan", stance="pro-Palestinian", targets=["Israel"], kinds=["leak", "wiper"], state=None),
    dict(group="IT Army of Ukraine", stance="pro-Ukrainian", targets=["Russia", "Belarus"], kinds=["ddos"], state=None),
    dict(group="Belarusian Cyber Partisans", stance="anti-Lukashenko", targets=["Belarus", "Russia"], kinds=["leak", "wiper"], state=None),
    dict(group="Anonymous", stance="anti-war", targets=["Russia", "Iran"], kinds=["deface", "leak"], state=None),
    dict(group="CyberAv3ngers", stance="anti-Israel", targets=["Israel", "United States"], kinds=["ics", "deface"], state="Iran"),
    dict(group="Predatory Sparrow", stance="anti-regime", targets=["Iran"], kinds=["wiper", "leak"], state="Israel"),
    dict(group="DieNet", stance="pro-Iranian", targets=["United States", "Israel"], kinds=["ddos"], state=None),
    dict(group="Keymous+", stance="self-described anti-imperialist", targets=["France", "Morocco" if False else "Spain", "United States"], kinds=["ddos"], state=None),
    dict(group="RipperSec", stance="pro-Palestinian", targets=["Israel", "India"], kinds=["ddos", "deface"], state=None),
    dict(group="Holy League", stance="pro-Russian", targets=["France", "Italy", "Belgium"], kinds=["ddos"], state=None),
    dict(group="Server Killers", stance="pro-Russian", targets=["Italy", "Romania", "Poland"], kinds=["ddos"], state=None),
    dict(group="Dark Storm Team", stance="pro-Palestinian", targets=["United States", "Israel", "Denmark"], kinds=["ddos"], state=None),
    dict(group="Moroccan Black Cyber Army", stance="nationalist", targets=["Spain", "France"], kinds=["ddos", "deface"], state=None),
]
GRIEVANCES = {
    "pro-Russian": ["{vcountry}'s military aid to Ukraine", "new sanctions on Moscow", "the expulsion of Russian diplomats",
                    "plans to send air-defence systems to Kyiv", "a speech by the {vadj} president supporting Ukraine"],
    "pro-Palestinian": ["the war in Gaza", "arms exports to Israel", "{vcountry}'s support for Israel", "strikes on Gaza"],
    "anti-Israel": ["the war in Gaza", "the use of Israeli-made equipment", "{vcountry}'s support for Israel"],
    "pro-Iranian": ["US strikes in the region", "sanctions on Tehran", "support for Israel"],
    "pro-Ukrainian": ["Russia's invasion of Ukraine", "the bombing of Ukrainian cities", "attacks on Ukraine's power grid"],
    "anti-Lukashenko": ["political prisoners held by the Lukashenko government", "Belarus's role in the war against Ukraine"],
    "anti-India": ["the treatment of Muslims in India", "a crackdown in Kashmir", "recent border clashes"],
    "pro-Pakistan": ["Indian cross-border strikes", "the situation in Kashmir"],
    "pro-India": ["attacks on Indian soldiers", "terror attacks blamed on groups based in Pakistan", "anti-India hacking campaigns"],
    "anti-regime": ["the government's repression of protesters", "censorship", "the jailing of activists"],
    "anti-war": ["the war in Ukraine", "the execution of protesters", "state censorship"],
    "anti-Western": ["Western support for Israel", "a Quran burning in {vcountry}", "Western foreign policy"],
}


def grievance(stance):
    for k, v in GRIEVANCES.items():
        if stance.startswith(k) or k in stance:
            return pick(v)
    return pick(["government policy", "{vcountry}'s foreign policy", "corruption in {vcountry}"])


HVICTIMS = {
    "ddos": ["the websites of several {vadj} municipalities", "{vcity}'s public transport operator", "the {vadj} tax authority's online portal",
             "the {vadj} parliament's website", "online banking at two {vadj} banks", "the website of the {vadj} defence ministry",
             "{vcity} airport's website", "a {vadj} regional government portal", "the {vadj} national railway's ticketing site",
             "government websites in {vcountry}", "the website of the {vadj} stock exchange", "the {vadj} president's website",
             "the online services of {vcity}'s city council", "several {vadj} news sites", "the {vadj} health ministry's appointment system",
             "port websites in {vcity}", "the {vadj} election authority's website"],
    "deface": ["the websites of more than a dozen {vadj} schools", "a {vadj} ministry subdomain", "the homepage of {vcity}'s city council",
               "a regional news site in {vcity}", "a {vadj} university's web portal", "the website of a {vadj} political party",
               "several {vadj} local government sites", "a {vadj} police district's web page"],
    "leak": ["a {vadj} defence contractor", "the {vadj} ministry of justice", "a {vadj} police union", "a {vadj} state broadcaster",
             "an arms manufacturer in {vcity}", "the {vadj} tax service", "the internal mail server of a {vadj} ministry",
             "a {vadj} prison service contractor", "a {vadj} city council in {vcity}", "a {vadj} government agency's HR database"],
    "wiper": ["a {vadj} logistics firm", "computers at a {vadj} university", "the administrative systems of a {vadj} hospital",
              "a {vadj} transport ministry's servers", "a {vadj} state-owned steel company"],
    "ics": ["a water pumping station in {vcity}", "a small hydroelectric plant in {vcountry}", "a dairy farm's milking system in {vcountry}",
            "a {vadj} hotel's heating controls", "control panels at a {vadj} wastewater plant", "an oil well monitoring system in {vcountry}"],
}
HACTS = {
    "ddos": ["knocked {hv} offline with a distributed denial-of-service (DDoS) attack", "flooded {hv} with junk traffic, taking it offline for hours",
             "disrupted {hv} with a wave of DDoS attacks", "made {hv} unreachable in a denial-of-service campaign",
             "hit {hv} with a DDoS barrage"],
    "deface": ["defaced {hv}, replacing pages with political slogans", "hijacked {hv} to display a protest message",
               "vandalised {hv} with images and a manifesto"],
    "leak": ["stole and published internal files from {hv}", "leaked gigabytes of documents taken from {hv}",
             "dumped emails and personnel records from {hv} online", "published what it says is data stolen from {hv}"],
    "wiper": ["wiped computers at {hv} with destructive malware", "deployed a wiper that erased data at {hv}",
              "destroyed files at {hv} using data-wiping malware"],
    "ics": ["tampered with {hv} after logging in through an internet-exposed control panel",
            "changed settings on {hv} via an unprotected remote interface", "took over the operator screen of {hv}"],
}
HLABELS = {"ddos": ["ddos"], "deface": [], "leak": ["data_breach"], "wiper": ["malware"], "ics": []}
HSUBJ_NONE = ["hacktivists", "politically motivated hackers", "activist hackers", "an unnamed protest group",
              "self-described hacktivists"]
HCLAIM = [
    "{group} claimed responsibility on its Telegram channel, posting screenshots of the unavailable pages.",
    "In a post on X, {group} said the attack was retaliation for {grievance}.",
    "{group}, a {stance} hacktivist group, listed the targets on Telegram alongside a message blaming {grievance}.",
    "A Telegram channel run by {group} took credit, sharing check-host.net results as proof.",
    "{group} boasted about the operation in a short video posted to its channel.",
    "The group calling itself {group} published a statement claiming the attack and promising more.",
    "Claims of responsibility appeared on {group}'s Telegram channel within an hour.",
    "{group} said on Telegram it had acted in response to {grievance}.",
    "On its Telegram channel, {group} posted a list of targets with the caption \"this is the price of {grievance}\".",
    "{group} later claimed the attack, although its posts often exaggerate the impact.",
]
HSUSPECT = [
    "Researchers at {vendor} said the attack bore the hallmarks of {group}, which has hit similar targets before.",
    "Officials, speaking privately, said {group} was the most likely culprit.",
    "{vendor} linked the traffic to infrastructure previously used by {group}, with moderate confidence.",
    "Analysts believe the campaign was the work of {group}, though no one has claimed it.",
]
HSUSPECT_AFTER_CLAIM = [
    "{vendor} said the claim appeared credible, since the attack traffic matched tools the group has used before.",
    "Researchers said the claim was plausible but could not be independently confirmed.",
    "Security analysts said the group's involvement was likely, pointing to the timing and the targets chosen.",
]
HATTRIB = [
    "{gov} said the attack was carried out by {group}.",
    "{gov_short} confirmed that {group} was responsible and said it was monitoring further activity.",
    "In a statement, {gov} named {group} as the group behind the attack.",
    "{gov_short_cap} attributed the disruption to {group}, a {stance} collective it has tracked since last year.",
]
HSTATE_LINK = {
    "Russia": [("The group has been tied by Western governments to Russia's GRU military intelligence, and two of its leaders were sanctioned by the US Treasury.", "legal"),
               ("US officials have previously linked the group to Russia's GRU.", "government")],
    "Iran": [("Western governments have described the group as a front for Iran's Islamic Revolutionary Guard Corps.", "government"),
             ("Israeli officials say the group operates on behalf of Iran's intelligence ministry.", "government")],
    "Israel": [("The group is widely believed to be linked to Israel, although Israel has never confirmed this.", "media"),
               ("Security analysts have long suspected the group has ties to the Israeli state.", "vendor")],
}
HSTATE_DENY = {
    "Russia": "Moscow denies using hacktivist groups as proxies.",
    "Iran": "Tehran has denied any connection to the group.",
    "Israel": "",
}
HOUTCOME = {
    "ddos": ["The sites were unreachable for about {hours} hours.", "Services were restored by the evening.",
             "Most pages were back online within {hours} hours.", "The outage lasted {hours} hours but no data was affected.",
             "The operator said the attack peaked at several hundred thousand requests per second."],
    "deface": ["The pages were restored the same day.", "Administrators took the sites offline to clean them up.",
               "The defaced pages stayed up for around {hours} hours."],
    "leak": ["The files include names, phone numbers and internal correspondence.", "Some of the leaked documents appear to be genuine, according to reporters who reviewed them.",
             "The dump totals several gigabytes."],
    "wiper": ["Staff were told to unplug their computers.", "Recovery from backups is expected to take weeks."],
    "ics": ["Operators switched to manual control and no one was harmed.", "The device was taken offline and the settings restored."],
}
HVICTIM_STATEMENTS = [
    "The {hvs} said no personal data was compromised and that the attack only affected availability.",
    "A spokesperson for the {hvs} said the incident had \"no impact on internal systems\".",
    "The {hvs} said it had reported the incident to police.",
    "\"These attacks are a nuisance, not a catastrophe,\" said {person}, {orole}.",
    "The {hvs} said there was no evidence that any data had been accessed.",
]
HQUOTES = [
    "\"It is noisy, it is annoying, and it is designed to get headlines,\" said {person}, {rrole}.",
    "\"Most of these groups want attention more than damage,\" {person}, {rrole}, said.",
    "{person}, {rrole}, said the group's Telegram posts \"routinely overstate what actually happened\".",
    "\"Exposed control panels are the real worry here, not the website outages,\" said {person}, {rrole}.",
    "\"We were ready for this and service was restored quickly,\" said {person}, {orole}.",
    "\"The political message is the payload,\" said {person}, {rrole}.",
]
HBACK = [
    "Hacktivist DDoS campaigns tend to spike around elections, summits and votes on military aid.",
    "Such groups rely on volunteers who install attack tools on their own computers, often in exchange for small crypto payments.",
    "Security experts say the impact of hacktivist attacks is usually short-lived, but the publicity is the point.",
    "Groups of this kind often exaggerate their successes on Telegram, posting screenshots that are hard to verify.",
    "The attack came days after {vcountry} announced new measures that angered the group's supporters.",
    "Officials across Europe have warned that politically motivated attacks are increasingly aimed at industrial systems left exposed to the internet.",
    "Hack-and-leak operations mix real stolen data with exaggeration to maximise embarrassment.",
]
HTITLES = {
    "none": ["Hacktivists hit {hvs_short}", "{Hvs_short} targeted in politically motivated attack", "{vcountry}: {hvs_short} disrupted by hacktivists",
             "Protest hackers strike {hvs_short}"],
    "claimed": ["{group} claims attack on {hvs_short}", "Hacktivist group {group} says it hit {hvs_short}", "{group} takes credit for {hvs_short} disruption"],
    "suspected": ["{group} suspected in attack on {hvs_short}", "{hvs_short} attack linked to {group}"],
    "attributed": ["{vcountry} blames {group} for attack on {hvs_short}", "Officials say {group} behind {hvs_short} disruption"],
}


def gen_hacktivism():
    doc = Doc()
    h = pick(HACKTIVISTS)
    vcountry = pick(h["targets"])
    base_ctx(doc, vcountry)
    kind = pick(h["kinds"])
    doc.ctx.update(group=h["group"], stance=h["stance"], hours=str(rng.randrange(2, 13)),
                   stance_short=h["stance"].replace("pro-", "").split(",")[0])
    doc.keymap["group"] = h["group"]
    hv = pick(HVICTIMS[kind]).format(**doc.ctx)
    doc.ctx["hv"] = hv
    hvs = re.sub(r"^(the|a|an|several|two|more than a dozen|the websites of|the website of|online banking at) ", "", hv)
    doc.ctx["hvs"] = "organisation" if len(hvs) > 45 else hvs
    doc.ctx["hvs_short"] = hvs if len(hvs) <= 45 else "{} targets".format(doc.ctx["vadj"])
    doc.ctx["Hvs_short"] = cap(doc.ctx["hvs_short"])
    doc.ctx["grievance"] = grievance(h["stance"]).format(**doc.ctx)
    level = pick(["none", "claimed", "claimed", "claimed", "suspected", "attributed"])
    if level == "attributed" and not doc.ctx["gov"]:
        level = "claimed"
    if level == "none" and kind == "ddos" and chance(0.5):
        level = "claimed"
    labels = ["hacktivism"] + HLABELS[kind]
    act = pick(HACTS[kind]).format(**doc.ctx)
    if level == "none":
        subj = pick(HSUBJ_NONE)
        lede = cap("{} {} {}, {}.".format(subj, act, pick(["on Monday", "overnight", "this week", "on Saturday"]),
                                          pick(["officials said", "the organisation confirmed", "local media reported", "according to a statement"])))
        if kind in ("ddos", "ics"):
            lede += " " + pick(["Officials said the attack appeared to be politically motivated, coming days before a key vote.",
                                "The timing, during a state visit, suggested a political motive.",
                                "Messages left behind denounced the government's foreign policy."])
        att = pick(["No group has claimed responsibility.", "It was not clear who was behind the attack.",
                    "Police have not identified a suspect.", "Investigators have not linked the attack to any known group."])
        sources = []
    else:
        lede = doc.f(pick([
            "{group} {act} {when}.",
            "A {stance} hacktivist group, {group}, {act} {when}.",
            "{when_cap}, hackers from {group} {act}.",
            "Hackers claiming to be from {group} {act}.",
        ]).replace("{act}", act))
        if level == "claimed":
            att = doc.f(pick(HCLAIM))
            sources = ["self"]
        elif level == "suspected":
            if chance(0.5):
                att = doc.f(pick(HCLAIM)) + " " + doc.f(pick(HSUSPECT_AFTER_CLAIM))
                sources = ["self", "vendor"]
            else:
                att = doc.f(pick(HSUSPECT))
                sources = ["media"] if att.startswith("Officials, speaking") else ["vendor"]
                lede = cap("{} {} {}, {}.".format(pick(HSUBJ_NONE), act, doc.ctx["when"],
                                                  pick(["officials said", "the organisation confirmed", "local media reported"])))
        else:
            att = doc.f(pick(HATTRIB))
            sources = ["government"]
            labels.append("policy")
            if chance(0.5):
                att = doc.f(pick(HCLAIM)) + " " + att
                sources = ["self", "government"]
    paras = [lede, att]
    denied = False
    if level != "none" and h["state"] and chance(0.5):
        link, src = pick(HSTATE_LINK[h["state"]])
        paras.append(link)
        doc.blamed.append(h["state"])
        if src not in sources:
            sources.append(src)
        if level == "claimed":
            level = "suspected"
        if HSTATE_DENY[h["state"]] and chance(0.6):
            paras.append(HSTATE_DENY[h["state"]])
            denied = True
    outcome = pick(HOUTCOME[kind]).format(**doc.ctx)
    vstate = doc.f(pick(HVICTIM_STATEMENTS)) if chance(0.5) else ""
    style = pick(["wire_brief", "wire_brief", "story", "story", "headline_summary", "feed_noise", "blog"])
    tkey = level
    title = doc.f(pick(HTITLES[tkey])) if chance(0.95) or style in ("headline_summary", "feed_noise") else ""
    if style == "headline_summary":
        body = lede if level == "none" else " ".join([lede, att] + paras[2:])
    elif style == "wire_brief":
        body = " ".join([p for p in [lede, outcome, att] + paras[2:] if p])
    elif style == "feed_noise":
        body = feed_wrap(doc, title, [lede, att] + paras[2:], GENERIC_TAILS + ["The group has previously", "Officials said the attack"])
    else:
        mid = [outcome, vstate] + [doc.f(b) for b in rng.sample(HBACK, rng.randrange(1, 3))]
        if chance(0.4):
            mid.append(doc.f(pick(HQUOTES)))
        rng.shuffle(mid)
        pos = pick([0, 1, len(mid)])
        mid.insert(pos, att)
        extra = paras[2:]
        body = join_paras([lede] + [m for m in mid if m] + extra)
    actors = list(dict.fromkeys(doc.blamed)) if level != "none" else []
    return title, body, labels, ("claimed" if level == "claimed" else level), actors, sources, denied, style


# ---------------------------------------------------------------------------
# Influence operations (hacktivism label per the taxonomy)
# ---------------------------------------------------------------------------
INFLUENCE_OPS = [
    dict(name="Doppelganger", state="Russia", agency="Social Design Agency", agency_txt="the Moscow-based Social Design Agency",
         targets=["Germany", "France", "Ukraine", "United States", "Poland"]),
    dict(name="Storm-1516", state="Russia", agency=None, agency_txt=None, targets=["United States", "Germany", "France", "Moldova"]),
    dict(name="Matryoshka", state="Russia", agency=None, agency_txt=None, targets=["France", "Ukraine", "Germany", "Moldova"]),
    dict(name="Spamouflage", state="China", agency="Ministry of Public Security", agency_txt="China's Ministry of Public Security",
         targets=["Taiwan", "United States", "Canada", "Australia", "Philippines"]),
    dict(name="Storm-2035", state="Iran", agency=None, agency_txt=None, targets=["United States", "Israel"]),
    dict(name="Ghostwriter", state="Belarus", agency=None, agency_txt=None, targets=["Poland", "Lithuania", "Latvia", "Germany"]),
]
IO_ACTIONS = [
    "ran a network of fake news sites impersonating {vadj} newspapers",
    "used hundreds of fake accounts to spread fabricated stories about {vadj} politicians",
    "circulated doctored videos claiming election fraud in {vcountry}",
    "pushed articles written with AI tools that attacked {vadj} support for Ukraine",
    "spread a forged ministry letter on social media to inflame a debate over migration in {vcountry}",
    "paid influencers to share false claims about the {vadj} health system",
    "cloned the websites of {vadj} media outlets to publish invented interviews",
    "flooded comment sections with coordinated posts ahead of the {vadj} election",
]
IO_ATT = {
    "none": ["Researchers who documented the network said they could not determine who was running it.",
             "The platform said it had removed the accounts but did not say who operated them.",
             "The operators of the network remain unknown."],
    "suspected": ["{vendor} said the network was likely linked to {name}, a campaign previously tied to {state}, but described its confidence as moderate.",
                  "Researchers said the tactics closely resembled those of {name}, which has been linked to {adj} state interests.",
                  "Analysts at {vendor} believe the operation is part of {name}, though they cautioned that attribution of such networks is difficult."],
    "attributed_gov": ["{gov} said the campaign was run by {name}, a {adj} state-backed operation.",
                       "{gov_short_cap} attributed the operation to {name} and said it was directed from {capital}.",
                       "In a technical report, {gov} tied the network to {agency_txt}."],
    "attributed_legal": ["The US Treasury sanctioned {agency_txt} over its role in {name}, freezing its assets.",
                         "The EU added {agency_txt} to its sanctions list, citing its role in the {name} campaign.",
                         "US prosecutors seized dozens of web domains used by {name}, saying they were run on behalf of the {adj} government."],
}
IO_MORE = [
    "The content drew little genuine engagement, researchers said, but some posts were picked up by real accounts with large followings.",
    "Platforms removed most of the accounts within days of being alerted.",
    "Disinformation campaigns of this kind have become a fixture before elections across Europe.",
    "Officials warned that similar activity could intensify in the weeks before the vote.",
    "The fake sites copied the layout and logos of real outlets, changing only the domain name.",
    "Several of the fabricated stories were later cited by politicians, giving them a wider audience.",
]
IO_DENY = {"Russia": "The Kremlin dismissed the findings as \"Russophobic\".", "China": "Beijing called the accusations \"groundless\".",
           "Iran": "Iran's mission to the UN denied the accusations.", "Belarus": "Minsk rejected the report."}
IO_TITLES = {
    "none": ["Fake news network targets {vadj} voters", "Researchers uncover disinformation campaign aimed at {vcountry}"],
    "suspected": ["{name}-style influence campaign targets {vcountry}", "Disinformation network aimed at {vcountry} linked to {state}"],
    "attributed": ["{vcountry} blames {state} for disinformation campaign", "{name} influence operation exposed by {gov_short}",
                   "Sanctions target {name} disinformation network"],
}


def gen_influence():
    doc = Doc()
    op = pick(INFLUENCE_OPS)
    vcountry = pick(op["targets"])
    base_ctx(doc, vcountry)
    st = STATE_INFO[op["state"]]
    doc.ctx.update(name=op["name"], state=op["state"], adj=st["adj"], capital=st["capital"], agency_txt=op["agency_txt"] or "")
    doc.keymap.update(name=op["name"], state=op["state"], adj=op["state"], capital=op["state"], agency_txt=op["agency"])
    level = pick(["none", "suspected", "suspected", "attributed_gov", "attributed_legal"])
    if level == "attributed_gov" and not doc.ctx["gov"]:
        level = "suspected"
    if level == "attributed_legal" and not op["agency_txt"]:
        level = "attributed_gov" if doc.ctx["gov"] else "suspected"
    action = pick(IO_ACTIONS).format(**doc.ctx)
    subj = pick(["A coordinated influence operation", "An online disinformation network", "A propaganda campaign",
                 "A network of inauthentic accounts"])
    lede = "{} {}, {} said {}.".format(subj, action, pick(["researchers", "officials", "a platform report", "fact-checkers"]), doc.ctx["when"])
    att = doc.f(pick_ok(IO_ATT[level], doc.ctx))
    labels = ["hacktivism"]
    sources = []
    attribution = "none"
    if level == "suspected":
        attribution, sources = "suspected", ["vendor"]
    elif level == "attributed_gov":
        attribution, sources = "attributed", ["government"]
        labels.append("policy")
    elif level == "attributed_legal":
        attribution, sources = "attributed", ["legal"]
        labels.append("policy")
    paras = [lede, att] + [doc.f(t) for t in rng.sample(IO_MORE, rng.randrange(0, 3))]
    denied = False
    if level != "none" and chance(0.4):
        paras.append(IO_DENY[op["state"]])
        denied = True
        if op["state"] not in doc.blamed:
            doc.blamed.append(op["state"])
    tk = "attributed" if level.startswith("attributed") else level
    title = doc.f(pick_ok(IO_TITLES[tk], doc.ctx))
    style = pick(["wire_brief", "story", "blog", "headline_summary"])
    body = " ".join(paras[:2]) if style == "headline_summary" else join_paras(paras)
    if style == "headline_summary" and denied:
        body += " " + IO_DENY[op["state"]]
    return title, body, labels, attribution, (list(doc.blamed) if attribution != "none" else []), sources, denied, style


# ---------------------------------------------------------------------------
# Policy: laws, fines, arrests, takedowns, sanctions, strategy, funding, surveys
# ---------------------------------------------------------------------------
JURIS = [
    ("United Kingdom", "MPs", "the Cyber Security and Resilience Bill"), ("Germany", "the Bundestag", "the NIS2 implementation act"),
    ("France", "the National Assembly", "a bill transposing NIS2"), ("Poland", "the Sejm", "amendments to the national cybersecurity system act"),
    ("Netherlands", "the Tweede Kamer", "the Cybersecurity Act (Cyberbeveiligingswet)"), ("Australia", "Parliament", "the Cyber Security Act"),
    ("Japan", "the Diet", "the active cyber defence law"), ("United States", "the Senate", "a bill to reauthorise a cyber information-sharing law"),
    ("Brazil", "Congress", "a national cybersecurity framework bill"), ("India", "Parliament", "the Digital Personal Data Protection rules"),
    ("Canada", "the House of Commons", "Bill C-8 on critical cyber systems"), ("Italy", "the Senate", "a new cybersecurity decree"),
    ("Czech Republic", "the Chamber of Deputies", "a new cybersecurity act"), ("Switzerland", "the Federal Council", "an ordinance on mandatory attack reporting"),
    ("Spain", "the Congress of Deputies", "a cybersecurity coordination law"), ("Vietnam", "the National Assembly", "a revised cybersecurity law"),
]
LAW_EFFECTS = [
    ("require operators of essential services to report serious incidents within 24 hours", None),
    ("extend security obligations to managed service providers and data centres", None),
    ("give the regulator power to fine companies up to 2% of global turnover", None),
    ("ban public bodies from paying ransoms to cyber criminals", "ransomware"),
    ("force companies to report ransom payments within 72 hours", "ransomware"),
    ("require smart-device makers to drop default passwords", None),
    ("let the intelligence services monitor foreign internet traffic to detect attacks earlier", None),
    ("make executives personally accountable for cyber risk management", None),
    ("create a national register of critical software suppliers", None),
    ("oblige hospitals to meet minimum security standards", None),
    ("set up a state-funded centre to help small firms recover from attacks", None),
    ("require companies to notify customers of data breaches within 72 hours", "data_breach"),
    ("allow police to hack back against servers used in attacks", None),
    ("impose security rules on undersea cable operators", None),
]
LAW_LEDES = [
    "{legis} {when} approved {law}, which would {effect}.",
    "{legis} began debating {law} {when}. The draft would {effect}.",
    "The government of {vcountry} has published {law}, a long-awaited measure that would {effect}.",
    "{law}, passed by {legis} {when}, will {effect}.",
    "Lawmakers in {vcap} are divided over {law}, which would {effect}.",
]
LAW_MORE = [
    "Industry groups welcomed the goal but warned that the reporting deadlines were unrealistic for smaller firms.",
    "Privacy advocates said parts of the bill gave the state too much access to private networks.",
    "The measure still needs approval from the upper house before it can take effect.",
    "Officials estimate that several thousand organisations will fall under the new rules.",
    "The minister said the law would bring {vcountry} in line with its European partners.",
    "Critics noted that the regulator responsible for enforcing the rules has fewer than 100 staff.",
    "\"This is about resilience, not punishment,\" said {person}, {orole}.",
    "Opposition lawmakers said the bill was drafted in haste and lacked funding.",
    "The rules are expected to apply from next year, with a grace period for smaller companies.",
    "Business associations have asked for clearer guidance on which incidents must be reported.",
]
REGULATORS = [
    ("United Kingdom", "the Information Commissioner's Office", "£"), ("France", "the CNIL", "€"), ("Ireland", "the Data Protection Commission", "€"),
    ("Italy", "the Garante", "€"), ("Spain", "the AEPD", "€"), ("Netherlands", "the Autoriteit Persoonsgegevens", "€"),
    ("Poland", "the UODO", "zł"), ("Brazil", "the ANPD", "R$"), ("United States", "the SEC", "$"), ("United States", "the FTC", "$"),
    ("Australia", "the OAIC", "A$"), ("Germany", "the Hamburg data protection authority", "€"), ("Norway", "Datatilsynet", "kr"),
]
COMPANIES = ["Nordavia Telecom", "Helix Pharmacies", "Kobold Logistik", "Santos & Filhos Seguros", "Vireo Health", "Mirex Retail",
             "Brightwater Energy", "Alder Mutual", "Castellan Bank", "Fjord Air", "Lumen Dental Group", "Oakridge Academy Trust",
             "Velo Rentals", "Quintara Insurance", "Harbourline Ferries", "Ostrava Steelworks", "Minh Phát Electronics",
             "Gdańsk Shipping Services", "Pampa Agro", "Redwick Council", "Marlowe Hotels", "Tindra Fintech"]
FINE_REASONS = [
    ("after hackers stole the personal data of about {n}k customers", "data_breach"),
    ("over a breach that exposed patients' medical records", "data_breach"),
    ("for leaving a customer database open on the internet without a password", "data_breach"),
    ("for failing to report a data breach in time", "data_breach"),
    ("over security failings that allowed attackers to steal payment card details", "data_breach"),
    ("for failing to patch a known vulnerability for months before a breach", "data_breach"),
    ("for misleading investors about the scale of a cyber incident", None),
    ("for inadequate security controls uncovered during an audit", None),
    ("for failing to appoint a security officer as required by law", None),
]
FINE_MORE = [
    "The regulator said the company had ignored warnings from its own IT staff.",
    "The company said it would appeal.",
    "It is one of the largest penalties the regulator has imposed.",
    "The firm said it had since invested heavily in its security programme.",
    "The regulator reduced the fine after the company cooperated with the investigation.",
    "Consumer groups said the penalty was too small to change behaviour.",
    "The decision can be challenged in court within 30 days.",
]
STARTUPS = ["Quillgate Security", "Sentrova", "Harbor Shield Labs", "Kestrel Identity", "Nordwall Cyber", "Tessellate Defence",
            "Bastionly", "Cipherbloom", "Ostrog Security", "Lumina Threat Labs", "Vigilo", "Sigurd Systems"]
CRIME_GROUPS = [
    ("LockBit", "ransomware", "an affiliate of the LockBit ransomware gang"), ("ALPHV/BlackCat", "ransomware", "a developer for the ALPHV/BlackCat ransomware operation"),
    ("Conti", "ransomware", "a former member of the Conti ransomware group"), ("REvil", "ransomware", "an affiliate of REvil"),
    ("Black Basta", "ransomware", "a suspected negotiator for Black Basta"), ("Phobos", "ransomware", "an administrator of the Phobos ransomware service"),
    ("8Base", "ransomware", "an operator of the 8Base ransomware group"), ("Ragnar Locker", "ransomware", "a key developer of Ragnar Locker"),
    ("Hive", "ransomware", "an affiliate of the Hive ransomware programme"), ("NetWalker", "ransomware", "a NetWalker affiliate"),
    ("RedLine", "malware", "the alleged developer of the RedLine infostealer"), ("Raccoon Stealer", "malware", "an operator of the Raccoon Stealer malware"),
    ("Qakbot", "malware", "a suspected administrator of the Qakbot botnet"), ("DanaBot", "malware", "a member of the DanaBot malware crew"),
    ("Emotet", "malware", "a suspected Emotet botnet operator"),
    ("StormStress", "ddos", "the operator of a DDoS-for-hire service called StormStress"), ("NetDown", "ddos", "the founder of the NetDown booter service"),
    ("QuickBoot", "ddos", "a man who ran the QuickBoot stresser website"),
    ("LabHost", "phishing", "a seller of phishing kits on the LabHost platform"), ("a BEC ring", "phishing", "a member of a business email compromise ring"),
    ("a smishing gang", "phishing", "the alleged leader of a smishing gang that impersonated parcel firms"),
    ("BreachForums", "data_breach", "an administrator of the BreachForums marketplace"),
    ("Scattered Spider", "data_breach", "a suspected member of the Scattered Spider hacking group"),
    ("ShinyHunters", "data_breach", "a hacker police say belongs to ShinyHunters"),
]
CRIMINAL_NAMES = [("Mikhail Orlenko", "Russian"), ("Artem Stryzhak", "Ukrainian"), ("Jonas Kraft", "German"), ("Lucas Ferreira", "Brazilian"),
                  ("Tyler Brandt", "American"), ("Rui Pereira", "Portuguese"), ("Vadim Gorshkov", "Russian"), ("Daniel Kowalczyk", "Polish"),
                  ("Kevin Osei", "British"), ("Arnaud Lefèvre", "French"), ("Bogdan Ionescu", "Romanian"), ("Ilya Savchuk", "Russian"),
                  ("Marcus Whitfield", "British"), ("Emre Aksoy", "Turkish"), ("Nguyễn Văn Hùng", "Vietnamese"), ("Sebastián Ríos", "Spanish"),
                  ("Oleksandr Melnyk", "Ukrainian"), ("Jakub Dvořák", "Czech"), ("Ethan Caldwell", "American"), ("Giorgi Beridze", "Georgian"),
                  ("Thiago Almeida", "Brazilian"), ("Noah Fischer", "Swiss"), ("Dmytro Koval", "Ukrainian"), ("Kirill Parfenov", "Russian")]
LAW_AGENCIES = [("Europol", "Netherlands", "the Rotterdam district court", "Rotterdam"), ("the FBI", "United States", "federal court in New Jersey", "Newark"),
                ("the FBI", "United States", "a Brooklyn federal court", "New York"), ("the UK's National Crime Agency", "United Kingdom", "Southwark Crown Court", "London"),
                ("Dutch police", "Netherlands", "the Amsterdam district court", "Amsterdam"), ("Germany's BKA", "Germany", "a Düsseldorf regional court", "Düsseldorf"),
                ("Poland's Central Cybercrime Bureau", "Poland", "a court in Kraków", "Kraków"), ("Spain's Guardia Civil", "Spain", "Spain's National Court", "Madrid"),
                ("Ukraine's cyber police", "Ukraine", "a Kyiv district court", "Kyiv"), ("the French gendarmerie", "France", "a Paris criminal court", "Paris"),
                ("Brazil's Federal Police", "Brazil", "a federal court in São Paulo", "São Paulo"), ("the Australian Federal Police", "Australia", "a Sydney court", "Sydney"),
                ("Japan's National Police Agency", "Japan", "the Tokyo District Court", "Tokyo")]
ARREST_LEDES = [
    "{agency} {when} arrested {suspect}, {age}, who prosecutors describe as {desc}.",
    "{suspect}, a {age}-year-old {nat} national described as {desc}, has been charged in {court}.",
    "A court in {court_city} sentenced {suspect} to {years} years in prison for his role as {desc}.",
    "{suspect}, {desc}, pleaded guilty {when} to computer fraud charges in {court}.",
    "Police have arrested {desc} in {arrest_city}, identifying him as {suspect}, {age}.",
    "{suspect}, accused of being {desc}, has been extradited to the United States to face charges.",
    "{agency} said {when} it had detained {suspect}, {age}, alleging he is {desc}.",
]
ARREST_MORE = {
    "ransomware": ["Prosecutors say the group encrypted the networks of hundreds of companies and extorted tens of millions of dollars.",
                   "According to the charges, he received a share of ransom payments from victims including hospitals and schools.",
                   "Investigators traced ransom payments through cryptocurrency exchanges to wallets they say he controlled."],
    "malware": ["Investigators say the malware infected millions of computers and stole browser passwords and session cookies.",
                "The botnet was used to deliver other malicious software to infected machines, police said.",
                "Prosecutors say he rented the malware to other criminals for a monthly subscription."],
    "ddos": ["Police say the service was used to launch tens of thousands of DDoS attacks against schools, games servers and government sites.",
             "Customers could knock websites offline for a few dollars, according to the charges."],
    "phishing": ["Prosecutors say the kits were used to steal login details from hundreds of thousands of bank customers.",
                 "According to police, the gang sent millions of text messages pretending to be delivery companies."],
    "data_breach": ["Prosecutors say he stole and sold data belonging to millions of customers of several large companies.",
                    "Police say the group broke into corporate networks and put stolen databases up for sale."],
}
DENIAL_LEGAL = ["Through his lawyer, he denied the allegations.", "His lawyer said he would plead not guilty.",
                "He denies all charges.", "His defence said the evidence against him was circumstantial and that he denied wrongdoing."]
NONDENIAL_LEGAL = ["His lawyer declined to comment.", "It was not immediately clear whether he had a lawyer.",
                   "He faces up to 20 years in prison if convicted.", "A hearing is scheduled for next month."]
TAKEDOWN_LEDES = [
    "An international police operation led by {agency} has taken down servers used by {grp}, and {suspect} was arrested.",
    "{agency} said {when} it had seized the infrastructure of {grp} and charged {suspect} over his alleged role.",
    "Law enforcement agencies from {n} countries dismantled {grp} in an operation codenamed {op}; {suspect} was among those detained.",
]
OPS = ["Operation Lantern", "Operation Talisman", "Operation Brass Key", "Operation Cronos", "Operation Endgame", "Operation Nightjar",
       "Operation Kestrel", "Operation Saltmarsh", "Operation Morning Frost"]
SANCTION_CRIM_LEDES = [
    "The US Treasury {when} sanctioned {suspect}, saying he is {desc}.",
    "Britain, the United States and Australia jointly sanctioned {suspect}, {desc}, freezing his assets.",
    "The EU imposed sanctions on {suspect}, who it said is {desc}.",
]
GENERAL = [
    ("{vcountry} unveils national cyber strategy", "The government of {vcountry} {when} published a five-year cybersecurity strategy that promises more funding for its national cyber agency, a new reserve of volunteer experts and mandatory security training for civil servants."),
    ("Cyber agency budget to rise", "{vadj} ministers agreed to increase the budget of the national cyber agency by a fifth next year, citing a growing number of attacks on public bodies. Opposition parties said the money would mostly go to salaries."),
    ("Survey: security leaders worry about AI", "A survey of {n}00 chief information security officers by {vendor} found that most expect AI tools to make attacks harder to spot, while fewer than a third said their teams had the skills to respond."),
    ("Security start-up raises funds", "{startup}, a {vcity}-based start-up that sells tools for detecting identity-based attacks, raised ${n}0 million in a Series B round led by a US venture firm."),
    ("Report: skills gap persists", "The global cybersecurity workforce shortage remains above four million people, according to an industry study published {when}. Employers said budget cuts, not a lack of applicants, were now the main obstacle."),
    ("UN member states adopt cybercrime convention", "UN member states {when} adopted a convention on cybercrime after years of negotiations. Human rights groups warned that its broad wording could be used to prosecute journalists and security researchers."),
    ("NATO allies agree on cyber defence pledge", "NATO allies agreed to strengthen national cyber defences and to share more threat information, according to a summit statement. The pledge did not name any country."),
    ("Insurers tighten cyber cover", "Cyber insurers in {vcountry} are demanding stricter security controls before renewing policies, brokers said, with multi-factor authentication and offline backups now standard requirements."),
    ("Government to train 10,000 cyber specialists", "The {vadj} government announced a programme to train 10,000 cybersecurity specialists by 2030, with grants for universities in {vcity} and other cities."),
    ("Acquisition in the security sector", "{vendor} agreed to buy a smaller rival, {startup}, in a deal valued at about ${n}00 million, the companies said {when}."),
    ("Board-level cyber oversight lags, study finds", "Fewer than half of listed companies in {vcountry} have a board member with cyber expertise, a study by a {vcity} business school found."),
    ("Ministry launches bug bounty", "The {vadj} digital ministry {when} launched a public bug bounty programme covering government websites, offering rewards of up to €{n}0,000 for serious flaws."),
    ("Cyber agencies publish joint guidance on secure by design", "Cyber agencies from {n} countries published joint guidance urging software makers to eliminate default passwords and entire classes of memory-safety bugs."),
    ("Regulator consults on incident reporting", "The {vadj} financial regulator opened a consultation on a single template for reporting cyber incidents, aiming to spare banks from filing separate reports to several agencies."),
]


def gen_policy():
    doc = Doc()
    kind = pick(["law", "law", "fine", "fine", "arrest", "arrest", "arrest", "takedown", "sanction", "general", "general", "general"])
    if kind == "law":
        vcountry, legis, law = pick(JURIS)
        base_ctx(doc, vcountry)
        effect, lab = pick(LAW_EFFECTS)
        doc.ctx.update(legis=legis, law=law, effect=effect)
        paras = [doc.f(pick(LAW_LEDES))] + [doc.f(t) for t in rng.sample(LAW_MORE, rng.randrange(0, 4))]
        title = doc.f(pick(["{vcountry} moves on {law}", "Lawmakers back cyber rules in {vcountry}", "New law would {effect}",
                            "{vadj} cyber bill: what changes", "{legis} approves cyber security law"]))
        labels = ["policy"] + ([lab] if lab else [])
        style = pick(["policy", "wire_brief", "headline_summary"])
        body = paras[0] if style == "headline_summary" else (" ".join(paras[:2]) if style == "wire_brief" else join_paras(paras))
        return title, body, labels, "none", [], [], False, style
    if kind == "fine":
        vcountry, reg, cur = pick(REGULATORS)
        base_ctx(doc, vcountry if vcountry in COUNTRIES else "United Kingdom")
        reason, lab = pick(FINE_REASONS)
        company = pick(COMPANIES)
        amount = "{}{}".format(cur, pick(["1.2 million", "450,000", "3.5 million", "12 million", "780,000", "2.1 million", "95,000", "26 million"]))
        doc.ctx.update(n=str(rng.randrange(12, 900)))
        lede = "{} fined {} {} {}.".format(cap(reg), company, amount, reason.format(**doc.ctx))
        paras = [lede] + [doc.f(t) for t in rng.sample(FINE_MORE, rng.randrange(0, 3))]
        title = pick(["{} fined {} over security failings".format(company, amount), "Regulator penalises {}".format(company),
                      "{} hit with {} penalty".format(company, amount), ""])
        labels = ["policy"] + ([lab] if lab else [])
        style = pick(["wire_brief", "policy", "headline_summary"])
        body = lede if style == "headline_summary" else join_paras(paras)
        if not title and style == "headline_summary":
            title = "{} fined {}".format(company, amount)
        return title, body, labels, "none", [], [], False, style
    if kind in ("arrest", "takedown", "sanction"):
        grp, lab, desc = pick(CRIME_GROUPS)
        agency, acountry, court, court_city = pick(LAW_AGENCIES)
        base_ctx(doc, acountry)
        suspect, nat = pick(CRIMINAL_NAMES)
        doc.ctx.update(agency=agency, suspect=suspect, desc=desc, age=str(rng.randrange(19, 48)),
                       nat=nat, court=court, court_city=court_city,
                       arrest_city=pick(["Kyiv", "Madrid", "Łódź", "Thessaloniki", "Phuket", "Yerevan", "Bangkok", "Málaga"]),
                       years=str(rng.randrange(2, 14)), grp=("the " + grp + " operation") if not grp.startswith("a ") else grp,
                       n=str(rng.randrange(4, 19)), op=pick(OPS))
        doc.keymap.update(suspect=suspect, desc=grp if not grp.startswith("a ") else None, grp=grp if not grp.startswith("a ") else None)
        if kind == "arrest":
            lede = doc.f(pick(ARREST_LEDES))
        elif kind == "takedown":
            lede = doc.f(pick(TAKEDOWN_LEDES))
        else:
            lede = doc.f(pick(SANCTION_CRIM_LEDES))
        paras = [lede, pick(ARREST_MORE[lab])]
        denied = False
        if kind != "sanction" and chance(0.3) and "pleaded guilty" not in lede and "sentenced" not in lede:
            paras.append(pick(DENIAL_LEGAL))
            denied = True
        elif chance(0.4):
            paras.append(pick(NONDENIAL_LEGAL))
        if chance(0.4):
            paras.append(doc.f(pick(["\"No one is out of reach,\" said {person}, a spokesperson for {agency}.",
                                      "{agency} said the investigation had taken more than two years and involved partners in {n} countries.",
                                      "Officials said more arrests were expected."])))
        tpool = {"arrest": ["{suspect} faces court over {lab_txt}", "Alleged {grp_short} member in the dock", "Suspect held in {lab_txt} case",
                            "{grp_short} case: {suspect} before the courts", "{agency} case targets {lab_txt}"],
                 "takedown": ["Police dismantle {grp_short} infrastructure", "{agency} takes down {grp_short}", "Takedown hits {lab_txt}"],
                 "sanction": ["Sanctions target {grp_short} figure", "{suspect} sanctioned over {lab_txt}"]}[kind]
        if "sentenced" in lede:
            tpool = ["{grp_short} suspect sentenced", "{suspect} jailed over {lab_txt}"]
        elif "pleaded guilty" in lede:
            tpool = ["{suspect} pleads guilty over {lab_txt}", "Guilty plea in {grp_short} case"]
        elif "extradited" in lede:
            tpool = ["{suspect} extradited over {lab_txt}", "Alleged {grp_short} member extradited to US"]
        title = cap(pick(tpool).format(
            suspect=suspect, agency=agency, grp_short=grp.replace("a ", "") if grp.startswith("a ") else grp,
            lab_txt={"ransomware": "ransomware attacks", "malware": "malware operation", "ddos": "DDoS-for-hire service",
                     "phishing": "phishing scheme", "data_breach": "data theft"}[lab]))
        blamed = [suspect] + ([grp] if not grp.startswith("a ") and grp in " ".join(paras + [title]) else [])
        style = pick(["court", "wire_brief", "press_release", "headline_summary"])
        if style == "press_release":
            paras[0] = "PRESS RELEASE – " + paras[0]
        body = lede if style == "headline_summary" else (" ".join(paras) if style == "wire_brief" else join_paras(paras))
        if style == "headline_summary":
            denied = False
        return title, body, ["policy", lab], "attributed", blamed, ["legal"], denied, style
    title, body = pick(GENERAL)
    base_ctx(doc, pick(list(COUNTRIES)))
    doc.ctx.update(n=str(rng.randrange(2, 9)), company=pick(COMPANIES), startup=pick(STARTUPS))
    title, body = doc.f(title), doc.f(body)
    style = pick(["policy", "wire_brief", "blog", "press_release"])
    if chance(0.25):
        body = feed_wrap(doc, title, [body], GENERIC_TAILS)
        style = "feed_noise"
    return title, body, ["policy"], "none", [], [], False, style


# ---------------------------------------------------------------------------
GENERATORS = [
    (gen_espionage_campaign, 270),
    (gen_espionage_legal, 60),
    (gen_espionage_diplomatic, 45),
    (gen_hacktivism, 170),
    (gen_influence, 45),
    (gen_policy, 200),
]


def main():
    records = []
    seen = set()
    for gen, n in GENERATORS:
        made = 0
        tries = 0
        while made < n and tries < n * 20:
            tries += 1
            title, body, labels, att, actors, sources, denied, style = gen()
            key = (title, body)
            if key in seen:
                continue
            seen.add(key)
            labels = list(dict.fromkeys(labels))
            title = re.sub(r" {2,}", " ", fix_articles(title)).strip()
            body = re.sub(r"[ \t]{2,}", " ", fix_articles(body)).strip()
            records.append(dict(title=title, body=body, threat_types=labels, primary=labels[0], attribution=att,
                                actors=list(dict.fromkeys(actors)) if att != "none" else [],
                                sources=list(dict.fromkeys(sources)) if att != "none" else [],
                                denied=bool(denied) and att != "none", style=style, origin=SCRIPT))
            made += 1
    rng.shuffle(records)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        for i, r in enumerate(records, 1):
            r = dict(id="epc-%04d" % i, **r)
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote", len(records), "records to", OUT)


if __name__ == "__main__":
    main()
