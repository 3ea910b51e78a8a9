#!/usr/bin/env python3
"""Compose training articles for the ransomware, data_breach, cyberattack and ddos labels.

Each record is assembled from hand-written fragment pools (ledes, attribution
sentences at every level, denials, victim statements, quotes, background,
closers, feed boilerplate).  Every fragment pool is tied to the labels it
implies, so `threat_types`, `attribution`, `actors`, `sources` and `denied`
follow from the fragments that were actually placed in the text.

Output: training/data/articles/ransomware_breach_composed.jsonl (ids "rbc-NNNN").
Deterministic: fixed seed.
"""
import json
import os
import random
import re

SEED = 731_2025
N_RECORDS = 960
SCRIPT = "compose_ransomware_breach.py"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "articles",
                   "ransomware_breach_composed.jsonl")

R = random.Random(SEED)


def pick(seq):
    return R.choice(seq)


# --------------------------------------------------------------------------
# Actors (real names).  Victims, people and events below are invented.
# --------------------------------------------------------------------------
RANSOM_GANGS = [
    "LockBit", "Akira", "Play", "Black Basta", "Rhysida", "Medusa", "BianLian",
    "8Base", "RansomHub", "Qilin", "Hunters International", "INC Ransom",
    "Lynx", "DragonForce", "BlackSuit", "Cactus", "Fog", "SafePay",
    "Interlock", "Embargo", "Everest", "Money Message", "Trigona", "Cl0p",
    "ALPHV", "Royal", "Vice Society", "Daixin Team", "Karakurt",
    "RansomHouse", "Lorenz", "Snatch", "Abyss", "Monti", "Kairos", "Termite",
    "Gunra", "WorldLeaks", "Sarcoma", "Cicada3301", "Helldown", "Chaos",
    "Nova", "Space Bears", "BlackLock", "Cuba", "Ragnar Locker", "Hive",
    "NoEscape", "Mallox", "Stormous", "Dark Angels", "Nitrogen", "Devman",
]
BREACH_ACTORS = [
    "ShinyHunters", "IntelBroker", "USDoD", "Desorden", "Scattered Spider",
    "Lapsus$", "Kiberphant0m", "Sp1d3r", "Scattered LAPSUS$ Hunters",
    "GhostR", "Satanic", "Nam3L3ss", "Chucky", "Bjorka", "Coinbase Cartel",
]
DDOS_GROUPS = [
    "NoName057(16)", "Killnet", "Anonymous Sudan", "Cyber Army of Russia Reborn",
    "People's Cyber Army", "Mysterious Team Bangladesh", "RipperSec", "DieNet",
    "Server Killers", "Holy League", "Dark Storm Team", "UserSec", "Keymous+",
    "Z-Pentest", "Mr Hamza", "SN_BlackMeta", "Cyber Islamic Resistance",
    "Team Insane PK", "Garuna Ops", "Beregini", "TwoNet",
]
# (state, agency, group) triples for state-attributed disruptive attacks
STATE_ACTORS = [
    ("Russia", "GRU", "Sandworm"), ("Russia", "GRU", "APT28"),
    ("Russia", "GRU", "Cadet Blizzard"), ("Iran", "Islamic Revolutionary Guard Corps", "CyberAv3ngers"),
    ("Iran", "Ministry of Intelligence and Security", "MuddyWater"),
    ("North Korea", "Reconnaissance General Bureau", "Lazarus Group"),
    ("China", "Ministry of State Security", "APT41"),
    ("Belarus", "KGB of Belarus", "Ghostwriter"),
]
CRYPTO_ACTORS = [
    ("Lazarus Group", "North Korea"), ("TraderTraitor", "North Korea"),
    ("APT38", "North Korea"), ("BlueNoroff", "North Korea"), ("Jade Sleet", "North Korea"),
]
# state-side accusers: (who, country noun)
GOV_ATTR = [
    ("the FBI", "US"), ("the US Justice Department", "US"), ("CISA", "US"),
    ("the UK's National Cyber Security Centre", "UK"), ("Germany's BSI", "Germany"),
    ("France's ANSSI", "France"), ("the Australian Cyber Security Centre", "Australia"),
    ("the Canadian Centre for Cyber Security", "Canada"), ("the Dutch NCSC", "the Netherlands"),
    ("Poland's Ministry of Digital Affairs", "Poland"), ("Italy's national cybersecurity agency ACN", "Italy"),
    ("Japan's National Police Agency", "Japan"), ("South Korea's National Intelligence Service", "South Korea"),
    ("Ukraine's SBU", "Ukraine"), ("Lithuania's National Cyber Security Centre", "Lithuania"),
    ("the Czech cybersecurity agency NÚKIB", "Czechia"), ("Spain's CCN-CERT", "Spain"),
    ("Denmark's Centre for Cyber Security", "Denmark"), ("Sweden's Säpo", "Sweden"),
    ("Estonia's Information System Authority", "Estonia"),
]
VENDORS = [
    "Mandiant", "Palo Alto Networks' Unit 42", "Sophos", "Secureworks", "CrowdStrike",
    "Recorded Future", "ESET", "Kaspersky", "Trend Micro", "Arctic Wolf", "Huntress",
    "Check Point", "Microsoft Threat Intelligence", "Cisco Talos", "WithSecure",
    "Group-IB", "Elliptic", "Chainalysis", "TRM Labs", "Halcyon", "ReliaQuest",
    "Rapid7", "S-RM", "Coveware", "NCC Group", "Orange Cyberdefense", "Intrinsec",
    "Bitdefender", "Northwave", "Hudson Rock", "Cyble", "Radware", "Cloudflare", "NETSCOUT",
]
CHAIN_VENDORS = ["Elliptic", "Chainalysis", "TRM Labs", "ZachXBT, the on-chain investigator,",
                 "Arkham Intelligence", "CertiK", "PeckShield", "SlowMist", "Cyvers"]
OUTLETS = ["Reuters", "the Financial Times", "Bloomberg", "Le Monde", "Der Spiegel",
           "the Record", "BleepingComputer", "Heise", "NRK", "Yle", "Gazeta Wyborcza",
           "Folha de S.Paulo", "the Sydney Morning Herald", "Nikkei", "the Globe and Mail",
           "El País", "Corriere della Sera", "NOS", "Dagens Nyheter", "the Irish Times"]
LAWFIRMS = ["Marlowe Lindqvist LLP", "Haverford & Cole", "Lynch Carpenter Weiss", "Baird Okafor LLP",
            "Strauss Borrelli Kline", "Whitmore Jansen Law", "Cassidy & Rourke PLLC", "Siri Morgan Law Group",
            "Edelstein Voss LLP", "Abernathy Kessler", "Pellegrino & Shah", "Delacroix Hartman LLP"]
PUBLISHERS = ["SecureNewsDaily", "Cyber Brief Wire", "InfoSec Ledger", "The Breach Report",
              "PatchWatch", "ThreatPost Digest", "Security Affairs Weekly", "DataGuard Journal",
              "Cyber Frontline", "The SOC Desk", "Cyberwire Roundup", "BreachSense"]

# --------------------------------------------------------------------------
# Victims
# --------------------------------------------------------------------------
PLACES = [
    ("Łódź", "Poland"), ("Kraków", "Poland"), ("Poznań", "Poland"), ("São Paulo", "Brazil"),
    ("Curitiba", "Brazil"), ("Belo Horizonte", "Brazil"), ("München", "Germany"),
    ("Düsseldorf", "Germany"), ("Nürnberg", "Germany"), ("Zürich", "Switzerland"),
    ("Genève", "Switzerland"), ("Göteborg", "Sweden"), ("Malmö", "Sweden"), ("Tromsø", "Norway"),
    ("Århus", "Denmark"), ("Reykjavík", "Iceland"), ("Liège", "Belgium"), ("Besançon", "France"),
    ("Rennes", "France"), ("Montréal", "Canada"), ("Québec City", "Canada"), ("Bogotá", "Colombia"),
    ("Medellín", "Colombia"), ("Córdoba", "Argentina"), ("Brno", "Czechia"), ("Plzeň", "Czechia"),
    ("Győr", "Hungary"), ("Cluj-Napoca", "Romania"), ("İzmir", "Turkey"), ("Hà Nội", "Vietnam"),
    ("Ho Chi Minh City", "Vietnam"), ("Osaka", "Japan"), ("Nagoya", "Japan"), ("Pune", "India"),
    ("Chennai", "India"), ("Johannesburg", "South Africa"), ("Nairobi", "Kenya"),
    ("Auckland", "New Zealand"), ("Perth", "Australia"), ("Brisbane", "Australia"),
    ("Leeds", "the UK"), ("Cardiff", "the UK"), ("Aberdeen", "the UK"), ("Belfast", "the UK"),
    ("Dayton, Ohio", "the US"), ("Tulsa, Oklahoma", "the US"), ("Spokane, Washington", "the US"),
    ("Fresno, California", "the US"), ("Savannah, Georgia", "the US"), ("Albany, New York", "the US"),
    ("El Paso, Texas", "the US"), ("Madison, Wisconsin", "the US"), ("Bilbao", "Spain"), ("Sevilla", "Spain"),
    ("Porto", "Portugal"), ("Bologna", "Italy"), ("Torino", "Italy"), ("Tartu", "Estonia"),
    ("Kaunas", "Lithuania"), ("Graz", "Austria"), ("Linz", "Austria"), ("Eindhoven", "the Netherlands"),
    ("Groningen", "the Netherlands"), ("Oulu", "Finland"), ("Galway", "Ireland"), ("Monterrey", "Mexico"),
    ("Guadalajara", "Mexico"), ("Santiago", "Chile"), ("Lima", "Peru"), ("Bandung", "Indonesia"),
]
NAME_STEMS = [
    "Harwell", "Nordvik", "Castellan", "Brightwater", "Kessler", "Vantor", "Ashgrove", "Meridian",
    "Pinecrest", "Solano", "Lindqvist", "Oakhurst", "Tidewater", "Halvorsen", "Brennan", "Caldera",
    "Westmark", "Rosenthal", "Vilanova", "Duarte", "Kowalski", "Szabó", "Novák", "Müller & Sohn",
    "Nguyễn Phát", "Bergström", "Fairhaven", "Redfern", "Stonebridge", "Larkspur", "Arcadia",
    "Quarry Hill", "Bluewater", "Kingsley", "Hollis", "Marchetti", "Okonkwo", "Tanaka", "Ferreira",
    "Delmont", "Granite Peak", "Saltmarsh", "Eastgate", "Silverline", "Brookhaven", "Cortez",
    "Vasquez", "Jovanović", "Petrov & Partners", "Hoffmann", "Zieliński", "Dąbrowski", "Lefèvre",
    "Gauthier", "O'Rourke", "McAllister", "Abernethy", "Whitcombe", "Thornfield", "Ravensworth",
]
SECTORS = {
    "hospital": dict(noun=["hospital group", "regional health system", "clinic network", "hospital"],
                     suf=["Health", "Healthcare", "Medical Center", "Regional Hospital", "Klinikum", "Clinics"],
                     data=["patient names and dates of birth", "medical record numbers", "diagnosis and treatment details",
                           "health insurance information", "Social Security numbers", "lab results"],
                     impact=["diverted ambulances to neighbouring hospitals", "postponed elective surgeries",
                             "switched to paper patient charts", "cancelled outpatient appointments",
                             "could not access imaging results for several days"]),
    "manufacturer": dict(noun=["manufacturer", "auto-parts supplier", "machine-tool maker", "packaging maker",
                               "chemicals producer", "electronics maker"],
                         suf=["Industries", "Manufacturing", "Precision", "Werke", "Components", "Fabrication"],
                         data=["employee payroll files", "engineering drawings", "supplier contracts",
                               "HR records including passport scans", "customer invoices"],
                         impact=["halted production lines", "sent shift workers home", "stopped shipping orders",
                                 "ran its plants at reduced capacity", "paused deliveries to carmakers"]),
    "council": dict(noun=["council", "municipality", "city government", "county administration", "town hall"],
                    suf=["District Council", "City Council", "County", "Municipality", "Borough Council"],
                    data=["residents' names and addresses", "council tax records", "benefits claim files",
                          "planning applications", "staff payroll data"],
                    impact=["took its website and phone lines offline", "suspended council tax payments online",
                            "delayed benefits payments", "closed its customer service centre",
                            "could not process planning applications"]),
    "school": dict(noun=["school district", "university", "college", "academy trust"],
                   suf=["University", "School District", "College", "Academy Trust", "Institute of Technology"],
                   data=["student records", "staff Social Security numbers", "exam results",
                         "parents' contact details", "research data"],
                   impact=["cancelled classes", "postponed exams", "took learning platforms offline",
                           "reverted to paper registers", "closed campus Wi-Fi"]),
    "retail": dict(noun=["retailer", "supermarket chain", "fashion chain", "online shop", "department store group"],
                   suf=["Stores", "Retail Group", "Markets", "Outfitters", "Home & Garden"],
                   data=["customer names and email addresses", "order histories", "loyalty-card details",
                         "partial payment card numbers", "delivery addresses"],
                   impact=["suspended online orders", "left store shelves half-empty", "could only take cash at some tills",
                           "paused click-and-collect", "delayed deliveries"]),
    "logistics": dict(noun=["logistics firm", "freight forwarder", "port operator", "trucking company", "courier"],
                      suf=["Logistics", "Freight", "Transport", "Shipping", "Terminals"],
                      data=["shipment manifests", "driver licence scans", "customer contracts",
                            "employee bank details"],
                      impact=["delayed container pickups", "left trucks queuing at depots", "stopped tracking parcels",
                              "switched to manual dispatch"]),
    "legal": dict(noun=["law firm", "legal practice", "notary office", "accountancy firm"],
                  suf=["LLP", "& Partners", "Legal", "Associates", "Advocaten"],
                  data=["client case files", "tax returns", "identity documents", "settlement agreements"],
                  impact=["locked lawyers out of case files", "asked courts for adjournments",
                          "shut down its email for a week"]),
    "finance": dict(noun=["credit union", "insurer", "regional bank", "mortgage lender", "payments firm"],
                    suf=["Credit Union", "Mutual", "Bank", "Financial", "Insurance"],
                    data=["account numbers", "Social Security numbers", "loan applications",
                          "policyholder details", "tax identification numbers"],
                    impact=["took online banking offline", "delayed loan approvals", "closed branches for a day",
                            "suspended card payments"]),
    "utility": dict(noun=["water utility", "energy supplier", "district heating company", "gas distributor"],
                    suf=["Water", "Energy", "Utilities", "Stadtwerke", "Power"],
                    data=["customer billing records", "bank account details", "meter data", "staff records"],
                    impact=["could not send bills", "closed its customer portal", "ran control rooms manually"]),
    "dental": dict(noun=["dental group", "optician chain", "physiotherapy practice", "veterinary group"],
                   suf=["Dental", "Family Dental", "Eyecare", "Physio", "Veterinary Partners"],
                   data=["patient names", "insurance details", "treatment records", "dates of birth"],
                   impact=["cancelled appointments", "could not access patient records"]),
    "hospitality": dict(noun=["hotel chain", "restaurant group", "travel agency", "casino operator"],
                        suf=["Hotels", "Resorts", "Hospitality", "Travel", "Gaming"],
                        data=["guest passport scans", "reservation records", "loyalty programme data",
                              "card payment details"],
                        impact=["checked guests in by hand", "could not issue room keys", "closed its booking site"]),
}
SUF_NOUN = {"University": "university", "School District": "school district", "College": "college",
            "Academy Trust": "academy trust", "Institute of Technology": "university", "Credit Union": "credit union",
            "Mutual": "insurer", "Bank": "bank", "Insurance": "insurer", "Hotels": "hotel chain",
            "Resorts": "resort operator", "Travel": "travel agency", "Gaming": "casino operator",
            "Dental": "dental group", "Family Dental": "dental practice", "Eyecare": "optician chain",
            "Physio": "physiotherapy practice", "Veterinary Partners": "veterinary group",
            "District Council": "council", "City Council": "council", "County": "county administration",
            "Municipality": "municipality", "Borough Council": "council", "Water": "water utility",
            "Energy": "energy supplier", "Stadtwerke": "municipal utility", "Power": "energy supplier",
            "Utilities": "utility", "LLP": "law firm", "Advocaten": "law firm", "Legal": "legal practice",
            "Regional Hospital": "hospital", "Klinikum": "hospital", "Medical Center": "hospital",
            "Clinics": "clinic network"}
GOV_VICTIMS = [
    "the Ministry of Finance of {country}", "{country}'s Ministry of Health", "the national statistics office of {country}",
    "{country}'s Ministry of Foreign Affairs", "the {country} tax authority", "{country}'s Ministry of Justice",
    "the national land registry of {country}", "{country}'s parliament", "the {country} social security agency",
    "{country}'s Ministry of Education", "the customs service of {country}",
]
FIRST = ["Anna", "Jürgen", "Nguyễn Thị", "João", "Sofia", "Mark", "Agnieszka", "Pierre", "Mariana", "Kenji",
         "Fatima", "David", "Ingrid", "Tomasz", "Lucía", "Ahmed", "Claire", "Henrik", "Priya", "Olusegun",
         "Magdalena", "Lars", "Beatriz", "Rhys", "Chiara", "Erik", "Zsófia", "Dmitri", "Aoife", "Rafael",
         "Helena", "Siddharth", "Margit", "Jean-Luc", "Wanjiru", "Thomas", "Yuki", "Carmen", "Piotr", "Leila"]
LAST = ["Kowalska", "Müller", "Lan", "Pereira", "Lindqvist", "Delaney", "Wróbel", "Lambert", "Souza", "Watanabe",
        "Haddad", "Okafor", "Berg", "Nowak", "Fernández", "Khan", "Dubois", "Sørensen", "Nair", "Adeyemi",
        "Zielińska", "Andersson", "Costa", "Pritchard", "Romano", "Johansson", "Horváth", "Ivanov", "Byrne",
        "Oliveira", "Virtanen", "Rao", "Szabó", "Moreau", "Kamau", "Fischer", "Sato", "Ruiz", "Dąbrowski", "Amini"]
ROLES = ["spokesperson", "spokeswoman", "spokesman", "chief executive", "chief information officer",
         "head of communications", "IT director", "mayor", "chief operating officer", "press officer",
         "chief information security officer", "managing director"]
EXPERT_ROLES = ["a threat researcher at {vendor}", "an incident-response lead at {vendor}",
                "head of threat intelligence at {vendor}", "a former NCSC official now at {vendor}",
                "an analyst at {vendor}", "a lecturer in cyber security at the University of {city2}",
                "a ransomware negotiator", "a partner at a cyber-insurance broker"]
CITIES2 = ["Warwick", "Twente", "Kent", "Surrey", "Lancaster", "Oxford", "Tartu", "Wrocław", "Leuven", "Coimbra"]

# --------------------------------------------------------------------------
# Shared fragments
# --------------------------------------------------------------------------
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Friday night", "Sunday morning", "Tuesday evening", "Monday morning"]

VICTIM_QUOTES = [
    "\"We are working around the clock to restore our systems safely and securely,\" said {spk}, {vs}'s {role}.",
    "\"Our priority is to keep serving our customers while we rebuild,\" {spk}, the company's {role}, said in an emailed statement.",
    "\"This is a criminal act and we are treating it as such,\" {role} {spk} told local reporters.",
    "{spk}, {role} at {vs}, said staff had \"responded quickly to contain the incident\" and thanked customers for their patience.",
    "\"I want to apologise to everyone affected,\" {spk} said. \"We know how worrying this is.\"",
    "\"We took the decision to shut systems down ourselves, as a precaution,\" said {spk}. \"That is why some services are slower than usual.\"",
    "\"We are not in a position to say more while the investigation is running,\" a spokesperson said.",
    "Asked whether any ransom had been demanded, {spk} declined to comment, citing advice from investigators.",
    "\"Backups were intact, which made all the difference,\" {spk}, {vs}'s {role}, said on {day}.",
    "\"It has been a very difficult week for our teams,\" {role} {spk} wrote in a message to staff seen by reporters.",
    "{spk} said the organisation had \"activated its incident response plan within the hour\".",
    "\"We will be contacting anyone whose information was involved directly,\" said {spk}. \"Please do not respond to unsolicited calls claiming to be from us.\"",
    "\"There is no indication at this stage that the attack is continuing,\" {spk} told a press briefing.",
    "In a short video posted online, {role} {spk} said the organisation was \"shaken but operating\".",
    "\"We have not paid, and we will not pay,\" {spk} said bluntly.",
    "\"Our external experts tell us the environment is now clean,\" said {spk}, adding that monitoring would continue for months.",
    "A message on {vs}'s website read: \"We are currently experiencing technical difficulties. We apologise for any inconvenience.\"",
    "\"Customers do not need to take any action at this time,\" the {role}, {spk}, said.",
    "\"We were targeted by people who do this for money, and we refuse to reward them,\" {spk} told a local radio station.",
    "Reached by phone, {spk} said only that the {vnoun} was \"cooperating fully with the authorities\".",
    "\"We had drilled for this scenario; it still hurts,\" admitted {spk}.",
    "{spk}, speaking for {vs}, said a hotline had been set up and extra staff brought in to answer questions.",
    "\"People rely on us every day, and we are very sorry for the disruption,\" said {spk}.",
    "\"We'll publish a fuller account once forensic work concludes,\" {role} {spk} said.",
    "\"Everything that could be done manually, we are doing manually,\" {spk} said.",
    "\"We reported the matter to police the same day,\" said {spk}.",
]
EXPERT_QUOTES = [
    "\"Organisations like this hold a lot of sensitive data on thin IT budgets, which makes them attractive,\" said {exp}, {exprole}.",
    "\"The first 48 hours decide most of the outcome,\" said {exp}, {exprole}. \"If you have offline backups, you have options.\"",
    "{exp}, {exprole}, said the timing, just before a holiday weekend, was \"textbook\".",
    "\"Paying does not guarantee that stolen files are deleted; we have seen the same data resurface months later,\" said {exp}, {exprole}.",
    "\"Remote-access appliances without multi-factor authentication remain the most common way in,\" {exp}, {exprole}, said.",
    "\"Downtime is the real cost. The ransom is often the smaller number,\" said {exp}, {exprole}.",
    "According to {exp}, {exprole}, recovery for a mid-sized organisation typically takes three to six weeks.",
    "\"Attackers go where defences are weakest, and right now that is the supply of small regional operators,\" said {exp}, {exprole}.",
    "\"Disclosing early, even with incomplete facts, builds trust,\" argued {exp}, {exprole}.",
    "\"These incidents are rarely as sophisticated as the press releases suggest,\" said {exp}, {exprole}.",
    "\"Boards still underestimate how long a rebuild takes,\" {exp}, {exprole}, told us.",
    "{exp}, {exprole}, warned that victims should expect follow-up scam calls and emails exploiting the news.",
    "\"Regulators will look at how quickly people were told,\" said {exp}, {exprole}.",
    "\"It is a volume business for the criminals,\" said {exp}, {exprole}. \"They hit hundreds of targets and see who pays.\"",
]
CLOSERS = [
    "The investigation is continuing.",
    "It was not clear when full services would resume.",
    "Police have been informed.",
    "The company said it would provide updates on its website.",
    "Regulators have been notified, the company said.",
    "No further details were given.",
    "The {vnoun} said it would contact affected individuals directly.",
    "A hotline has been set up for concerned customers.",
    "The incident has been reported to the national data protection authority.",
    "It is the second such incident in the region this year.",
    "Officials said they expected most services to be back by the end of the week.",
    "The organisation has not said how the attackers got in.",
    "Shares in the company fell 3% in early trading.",
    "The incident comes weeks after the {vnoun} announced a new IT modernisation programme.",
    "Customers have been told to watch out for phishing emails referencing the incident.",
    "Staff were told to avoid discussing the incident on social media.",
    "The company's annual results, due next month, may be delayed.",
    "Local lawmakers have called for a review of the organisation's cyber defences.",
    "An insurer has been notified, according to a filing.",
    "Further updates are expected after forensic work concludes.",
    "Cyber insurance is expected to cover part of the cost, the {vnoun} said.",
    "",
]
FEED_TAILS = [
    "\nThe post {title} appeared first on {pub}.",
    "\nThe post {title} appeared first on {pub}.",
    " Read more",
    " Continue reading →",
    "\nSource: {pub}",
    "\nThis article originally appeared on {pub}.",
    " […]",
    "...",
    " [...]",
    "\n\nRelated: {pub} weekly breach roundup",
    "\nSubscribe to {pub} for daily updates.",
]

# --------------------------------------------------------------------------
# Ransomware fragments
# --------------------------------------------------------------------------
RW_LEDES = [
    "{v}, a {vnoun} based in {place}, said a ransomware attack had encrypted parts of its network and {impact}.",
    "A ransomware attack on {v} has {impact}, the {vnoun} said on {day}.",
    "Ransomware struck {v} {day}, encrypting servers and forcing the {vnoun} to disconnect from the internet.",
    "{v} is recovering from a ransomware attack that {impact}, according to a notice posted on its website.",
    "Staff at {v} in {place} arrived to find ransom notes on their screens after attackers encrypted file servers {day}.",
    "The {vnoun} {v} said it {impact} after discovering that some of its systems had been encrypted by ransomware.",
    "Operations at {v} remain disrupted nearly a week after a ransomware attack, the {place}-based {vnoun} said.",
    "{v} has confirmed that it fell victim to ransomware, saying the attack {impact}.",
    "A ransomware infection detected {day} has {impact} at {v}, one of the largest employers in {place}.",
    "{place}-based {v} disclosed in a regulatory filing that a ransomware attack had encrypted \"certain IT systems\".",
    "For the third day running, {v} {impact} as it works to recover from ransomware.",
    "Ransomware has hit {v}, a {vnoun} that serves customers across {country}.",
    "Employees of {v} were told to unplug their computers {day} after ransomware began spreading through the network.",
    "A cyberattack on {v} that {impact} was caused by ransomware, the {vnoun} confirmed on {day}.",
    "{v}, which operates in {place} and several other cities in {country}, said ransomware had locked staff out of core systems.",
    "In a brief statement, {v} said it was \"dealing with a ransomware incident\" that {impact}.",
    "Criminals encrypted servers at {v} and demanded payment in bitcoin, the {vnoun} said.",
    "A ransom demand appeared on printers across {v}'s offices {day}, shortly before systems went dark.",
    "The {vnoun} {v} has been knocked back to pen and paper by ransomware.",
    "Ransomware is to blame for the outage that {impact} at {v}, the organisation said after days of silence.",
]
RW_TITLES_NEUTRAL = [
    "{vs} hit by ransomware attack", "Ransomware attack disrupts {vnoun} in {place}",
    "{v} says ransomware encrypted its systems", "Ransomware forces {vs} to go manual",
    "{place} {vnoun} recovering from ransomware", "Ransomware attack on {vs}: what we know",
    "{vs} confirms ransomware incident", "Ransomware cripples {vnoun} IT systems",
    "{vs} still disrupted days after ransomware attack", "Ransomware strikes {vs}",
    "{vnoun} {vs} reveals ransomware attack", "Ransomware outage hits {vs} customers",
]
RW_TITLES_CLAIMED = [
    "{a} claims ransomware attack on {v}", "{a} ransomware gang lists {vs} on leak site",
    "{a} says it hit {vs}, threatens to leak data", "{a} adds {place} {vnoun} to victim list",
    "Ransomware group {a} claims {vs} breach", "{vs} named on {a} leak site",
    "{a} gang claims responsibility for {vs} outage", "{a} posts {vs} files after deadline passes",
]
# titles that do not imply stolen data (used when the claim is about encryption only)
RW_TITLES_CLAIMED_ENC = [
    "{a} claims ransomware attack on {v}", "{a} says it hit {vs}", "Ransomware group {a} claims {vs} attack",
    "{a} gang claims responsibility for {vs} outage", "{a} takes credit for {place} {vnoun} attack",
]
RW_TITLES_SUSPECTED = [
    "{vs} ransomware attack linked to {a}", "{a} suspected in {vs} ransomware attack",
    "Researchers see {a} hallmarks in {vs} attack", "{vs} outage may be work of {a}, sources say",
    "Was {a} behind the {vs} attack?",
]
RW_TITLES_ATTRIBUTED = [
    "{a} behind {vs} ransomware attack, {who} says", "{who} names {a} in {vs} attack",
    "{vs} attack was carried out by {a}, {who} confirms", "{a} ransomware confirmed in {vs} incident",
]
# claims: (text, implies_data_theft)
RW_CLAIMS = [
    ("{a} added {vs} to its leak site on {day}, claiming to have stolen {gb} GB of data including {data}.", True),
    ("The {a} ransomware group has listed {vs} on its dark-web extortion site and set a deadline of {dur} days.", True),
    ("In a post on its Tor site, {a} said it had encrypted {vs}'s servers and urged the company to \"make contact before it is too late\".", False),
    ("{a} claimed responsibility for the attack on {day}, publishing screenshots of what it said were {data}.", True),
    ("A group calling itself {a} has claimed the attack, saying it exfiltrated {gb} GB before deploying its encryptor.", True),
    ("The ransom note left on {vs}'s systems was signed by {a}, which directed staff to a chat portal to negotiate.", False),
    ("{a}, a ransomware operation active since at least 2022, posted {vs}'s logo on its site alongside a countdown clock.", True),
    ("On {day}, {a} began publishing files it said came from {vs}, after what it described as failed negotiations.", True),
    ("The {a} gang claimed it had stolen {data} and threatened to auction the material.", True),
    ("{a} said in a message on its leak site that {vs} had \"ignored\" its demands and that {gb} GB of files would follow.", True),
    ("According to a listing on {a}'s extortion portal, the group obtained {data} and gave {vs} {dur} days to pay.", True),
    ("{a} claimed the intrusion on its Telegram channel, boasting that it had locked \"every server and every backup\".", False),
    ("In messages to journalists, a person claiming to speak for {a} said the gang had been inside the network for two weeks.", True),
    ("{a} published a 2 GB sample as \"proof of life\" and demanded a seven-figure payment.", True),
    ("The {a} operators claimed the attack in a post that also mocked the company's security.", False),
    ("Leak-site monitors flagged a new {a} entry for {vs} on {day}, listing {data} among the stolen material.", True),
]
RW_DATA_NONE = [
    "Investigators found that files had been copied from the network before the encryption began, and {vs} said it would notify people whose {data} were involved.",
    "The {vnoun} said the attackers also took copies of some files, which may include {data}.",
    "Forensic analysis later showed that {data} had been exfiltrated in the days before the attack.",
    "{vs} warned that personal information, including {data}, may have been stolen as part of the attack.",
    "A data-theft element has now been confirmed: the attackers downloaded {data} before triggering the encryption.",
]
# suspected: (text, sources)
RW_SUSPECTED = [
    ("Researchers at {vendor} said the intrusion bore the hallmarks of {a}, citing the encryptor's file extension and the wording of the ransom note.", ["vendor"]),
    ("{outlet}, citing two people familiar with the investigation, reported that {a} was believed to be responsible.", ["media"]),
    ("Security firm {vendor} said it assessed with moderate confidence that affiliates of {a} carried out the attack.", ["vendor"]),
    ("According to a person briefed on the response, investigators suspect the {a} ransomware operation.", ["media"]),
    ("The tools and tactics used match those previously linked to {a}, {exp}, {exprole}, said after reviewing samples.", ["vendor"]),
    ("Two sources told {outlet} that the ransom note recovered from the network appeared to be from {a}, though this has not been confirmed.", ["media"]),
    ("{vendor} linked the attack to {a}, pointing to overlaps in infrastructure, though it stopped short of a firm attribution.", ["vendor"]),
    ("Threat-intelligence analysts believe the attack is likely the work of {a}, which has targeted several similar {vnoun}s this year.", ["vendor"]),
    ("An official familiar with the case, who asked not to be named, said {a} was the main suspect.", ["media"]),
    ("The negotiation portal and Tor address in the note are consistent with {a}, according to researchers at {vendor}.", ["vendor"]),
    ("Local media reported, without citing sources, that the {a} gang may be behind the attack.", ["media"]),
    ("{a} is suspected, {outlet} reported, although the group has not listed the company on its site.", ["media"]),
]
# attributed: (text, sources, adds_policy)
RW_ATTRIBUTED = [
    ("In a statement, {vs} confirmed that the {a} ransomware group was responsible.", ["victim"], False),
    ("{vs} later confirmed to customers that {a} had carried out the attack.", ["victim"], False),
    ("Notification letters sent by {vs} name {a} as the group behind the intrusion.", ["victim"], False),
    ("{agency} said on {day} that affiliates of {a} were behind the attack and urged similar organisations to check for the group's tools.", ["government"], True),
    ("In an advisory published this week, {agency} named {a} as responsible for the incident at {vs} and several others like it.", ["government"], True),
    ("Prosecutors have since charged a suspected {a} affiliate in connection with the attack, according to court papers unsealed on {day}.", ["legal"], True),
    ("{vendor}, which was brought in to investigate, said it assessed with high confidence that {a} carried out the attack.", ["vendor"], False),
    ("{vs}'s chief executive told shareholders that the attack \"was carried out by the criminal group {a}\".", ["victim"], False),
    ("Police said an alleged member of {a} had been arrested in {arrest_place} over the attack and would appear in court next month.", ["legal"], True),
    ("{agency} formally attributed the attack to {a} after a joint investigation with the {vnoun}.", ["government"], True),
    ("In its filing with the regulator, {vs} identified the attackers as {a}.", ["victim"], False),
    ("{vs} confirmed the {a} claim, saying the group had accessed its network through a compromised VPN account.", ["victim", "self"], False),
]
RW_DENIALS = [
    "{a} denied involvement in a post on its leak site, calling the reports \"fake news\".",
    "In a message to reporters, a representative of {a} said the group \"had nothing to do\" with the attack.",
    "{a} rejected the attribution, insisting on its Telegram channel that it does not target {vnoun}s.",
    "The group denied responsibility, claiming a rival had copied its ransom note.",
    "A spokesperson for {a}, reached via the group's chat portal, denied that it was behind the incident.",
    "{a} said in a statement on its site that it had \"never touched\" {vs}'s network.",
]
GANG_NO_COMMENT = [
    "{a} did not respond to a message sent to its negotiation portal.",
    "The group did not reply to a request for comment sent via its leak site.",
    "{a} has not commented publicly.",
]
NO_EVIDENCE = [
    "{vs} said it had found no evidence that personal data was accessed.",
    "The {vnoun} stressed that there was \"no evidence at this time\" that customer information had been taken.",
    "So far, {vs} said, there is no indication that patient or customer data left the network.",
    "{vs} said its investigation had not found any evidence of data exfiltration.",
    "\"We have no evidence that any personal information has been misused,\" {spk} said.",
]
RW_BACKGROUND = [
    "Ransomware gangs increasingly steal data before encrypting it, so that victims who restore from backups can still be pressured to pay.",
    "Most modern ransomware operations work as a service: developers rent out the malware to affiliates, who break into networks and share the proceeds.",
    "{vnoun}s have become a favoured target because downtime is so costly that they are more likely to pay quickly.",
    "Law enforcement operations in recent years have disrupted several major gangs, but affiliates tend to move to new brands within weeks.",
    "Official guidance in most countries advises against paying ransoms, arguing that payments fund further attacks and do not guarantee data deletion.",
    "Incident responders say the time between initial access and encryption has shrunk from weeks to, in some cases, less than a day.",
    "Blockchain analysts estimate that total ransom payments fell last year as more victims refused to pay, even as the number of attacks rose.",
    "Leak sites, usually hosted on the Tor network, are used to name victims and publish stolen files when they refuse to pay.",
    "Stolen credentials for VPNs and remote-desktop services, often bought from access brokers, remain the most common entry point.",
    "In {country}, organisations are required to report significant incidents to the national authority within 72 hours.",
    "Insurers have tightened cover for ransomware in recent years, demanding multi-factor authentication and offline backups.",
    "The sector has seen a string of attacks this year, with several {vnoun}s in {country} hit since January.",
    "Ransom demands for mid-sized organisations typically run from a few hundred thousand to several million dollars.",
    "After the takedown of LockBit's infrastructure in 2024, researchers observed a fragmentation of the ransomware ecosystem into many smaller groups.",
    "Some gangs have abandoned encryption entirely and now rely only on the threat of publishing stolen data.",
    "Negotiators say gangs often lower demands by more than half when victims can show they have working backups.",
]

# --------------------------------------------------------------------------
# Data breach fragments
# --------------------------------------------------------------------------
DB_LEDES = [
    "{v}, a {vnoun} in {place}, has disclosed a data breach affecting about {n} people.",
    "Hackers stole {data} belonging to roughly {n} customers of {v}, the {vnoun} said on {day}.",
    "{v} is notifying {n} individuals that their {data} may have been exposed in a security incident.",
    "Personal information of {n} people, including {data}, was taken in a breach at {v}, according to a filing with the {state_ag}.",
    "The {place}-based {vnoun} {v} said an unauthorised party accessed a database containing {data}.",
    "A breach at {v} exposed {data} for around {n} people, the company confirmed after days of speculation online.",
    "{v} said it discovered unusual activity on its network in {month} and later determined that files containing {data} had been copied.",
    "An intruder gained access to a customer database at {v} and downloaded records for about {n} accounts.",
    "{data} for some {n} customers of {v} have been stolen, the {vnoun} told customers in an email on {day}.",
    "{v} has begun sending breach notification letters to {n} people after an incident it first detected in {month}.",
    "The {vnoun} {v} confirmed {day} that attackers accessed a cloud environment holding {data}.",
    "About {n} people who did business with {v} may have had their {data} exposed, the company said.",
    "A data breach at {v}, one of the larger {vnoun}s in {country}, has exposed {data}.",
    "{v} said an attacker used stolen employee credentials to pull {data} from an internal system.",
    "Information on {n} people was compromised in a breach of {v}'s customer portal, the {vnoun} said.",
    "Records belonging to {n} people, including {data}, were accessed without authorisation at {v}.",
]
GOV_DB_LEDES = [
    "{gv} said personal data of about {n} citizens was stolen from one of its systems.",
    "A breach at {gv} exposed records on {n} people, officials confirmed on {day}.",
    "{gv} has admitted that an intruder copied a database of applicants' personal details.",
    "Officials at {gv} said a server holding {n} records had been accessed without authorisation.",
]
DB_TITLES_NEUTRAL = [
    "{vs} data breach affects {n} people", "{v} discloses data breach", "Hackers steal customer data from {vs}",
    "{vs} notifies customers of data breach", "Data breach at {place} {vnoun} exposes {n} records",
    "{vs} breach exposed {data_short}", "{vnoun} {vs} confirms data theft", "{n} people affected by {vs} breach",
    "{vs} says hackers accessed customer database", "Breach at {vs}: customers urged to stay alert",
]
DB_TITLES_CLAIMED = [
    "{a} claims {vs} breach, offers data for sale", "Hacker {a} leaks alleged {vs} database",
    "{a} says it stole {n} records from {vs}", "Alleged {vs} data posted by {a} on hacking forum",
]
DB_TITLES_SUSPECTED = [
    "{vs} data theft linked to {a}", "{a} suspected in {vs} breach", "Researchers tie {vs} breach to {a} campaign",
]
DB_TITLES_ATTRIBUTED = [
    "{vs} says {a} behind data breach", "{who} names {a} over {vs} data theft", "{a} identified as source of {vs} leak",
]
DB_CLAIMS = [
    "A seller using the name {a} has advertised what they say is the full database on a hacking forum, asking ${price} in cryptocurrency.",
    "{a} claimed responsibility on a cybercrime forum and posted a sample of about 1,000 rows as proof.",
    "The hacker known as {a} said in a forum post that the data was obtained through an exposed API and offered it to \"serious buyers\".",
    "{a} took credit for the breach on Telegram, posting screenshots of an administrator panel.",
    "On {day}, {a} published a 40 MB sample and said the rest would be released for free if no one bought it.",
    "The {a} group listed the data on its leak channel, claiming {n} unique records.",
    "In a message to this publication, {a} claimed to have accessed the system for more than a month before being noticed.",
    "A post attributed to {a} on a breach forum offered the records alongside a boast about the company's \"weak passwords\".",
    "{a} said it had downloaded the data and tried to extort the company, which it said refused to answer.",
    "The data first appeared in a listing by {a}, who claimed to have obtained it from the company's CRM.",
]
DB_SUSPECTED = [
    ("Researchers at {vendor} said the intrusion matched a wider campaign they attribute to {a}, in which attackers abuse stolen cloud credentials.", ["vendor"]),
    ("People familiar with the investigation told {outlet} that {a} is suspected.", ["media"]),
    ("{vendor} linked the theft with moderate confidence to {a}, citing the same voice-phishing script used against other firms.", ["vendor"]),
    ("The breach is believed to be connected to {a}, according to an analyst at {vendor} who has tracked the group's recent activity.", ["vendor"]),
    ("An unnamed official told {outlet} that investigators were looking at {a} as a possible culprit.", ["media"]),
    ("Security researchers say the tactics resemble those of {a}, though no claim has been posted.", ["vendor"]),
]
DB_ATTRIBUTED = [
    ("{vs} confirmed that the data had been stolen by {a}, saying it had verified the group's sample.", ["victim"], False),
    ("In its notice, {vs} says the breach was carried out by {a}.", ["victim"], False),
    ("{agency} said {a} was responsible and warned other organisations using the same platform.", ["government"], True),
    ("Prosecutors have charged an alleged member of {a} over the breach, according to an indictment unsealed on {day}.", ["legal"], True),
    ("{vendor} said it had high confidence that {a} was behind the theft, based on access logs and the group's own communications.", ["vendor"], False),
    ("Police arrested a suspected member of {a} in {arrest_place} in connection with the breach, {vs} said.", ["legal", "victim"], True),
]
# insider theft: named individuals
INSIDER_NAMES = ["Daniel Whitlock", "Marek Nowicki", "Paulo Henrique Alves", "Trần Minh Quân", "Sabine Krüger",
                 "Ravi Menon", "Olivia Hart", "Kemal Aydın", "Jonas Eklund", "Grace Mwangi", "Sergio Domínguez",
                 "Aleksandra Wójcik", "Hiroshi Kondo", "Bartholomew Price", "Nadia El-Sayed", "Liam Ó Súilleabháin"]
INSIDER_LEDES = [
    "{v} says a former employee, {ins}, downloaded {data} for about {n} customers before leaving the company.",
    "An internal investigation at {v} found that {ins}, a member of its customer service team, had been copying {data} and selling it.",
    "{v} has told {n} customers that an employee, {ins}, accessed their {data} without a business reason.",
    "A former {vnoun} contractor, {ins}, took a copy of {data} on a USB stick, {v} said in a notice to regulators.",
    "{ins}, who worked in {v}'s IT department, exported a customer database to a personal cloud account, the company said.",
]
INSIDER_FOLLOW = [
    ("{ins} has been dismissed and the matter referred to police, the company said.", ["victim"], False),
    ("Prosecutors in {place} have charged {ins} with unauthorised access to computer data.", ["legal", "victim"], True),
    ("{ins} was arrested on {day} and released on bail pending further inquiries, police said.", ["legal", "victim"], True),
    ("The company said it had obtained a court order requiring {ins} to return and delete the data.", ["victim", "legal"], True),
]
BUCKET_LEDES = [
    "A misconfigured cloud storage bucket belonging to {v} exposed {data} for about {n} people, a security researcher found.",
    "{v} left an Elasticsearch database open to the internet without a password, exposing {n} records including {data}.",
    "An unsecured Amazon S3 bucket linked to {v} contained {data}, according to researchers who found it during a routine scan.",
    "Researchers discovered a publicly accessible database belonging to {v}, a {vnoun} in {place}, holding {n} records.",
    "A backup file containing {data} was sitting on an open web server operated by {v}, researchers said.",
    "{n} records, including {data}, were exposed by a storage server at {v} that required no authentication.",
    "An Azure blob container used by {v} was configured for public access, exposing {data}, researchers found.",
]
BUCKET_FOLLOW = [
    "The database was secured within hours of the researcher's report.",
    "{vs} locked down the bucket two days after being contacted, but did not say how long it had been exposed.",
    "It is not known whether anyone other than the researchers accessed the data.",
    "The researcher said they made several attempts to contact the company before it responded.",
    "{vs} said it had found no evidence that the data had been downloaded by any unauthorised party.",
    "The exposure appears to stem from a configuration change made during a cloud migration, the company said.",
    "Access logs for the bucket were not enabled, so the company cannot rule out that others downloaded the files.",
]
NOTICE_PARAS = [
    "What Happened? On {mdate}, we detected suspicious activity on our network. We promptly took steps to secure our systems and began an investigation with the help of third-party cybersecurity specialists.",
    "{v} recently learned of unusual activity involving certain systems in our environment. Upon discovery, we immediately launched an investigation with outside experts to determine the nature and scope of the activity.",
    "On or about {mdate}, {v} became aware of a potential security incident affecting its network. We immediately took steps to contain the activity and engaged a leading forensic firm.",
    "We are writing to inform you of an incident that may have involved some of your personal information. On {mdate}, {v} identified suspicious activity in an employee email account.",
    "{v} is providing notice of a recent event that may affect the security of certain personal information. We take this event and the privacy of the information in our care very seriously.",
    "The investigation determined that an unauthorized party accessed and may have acquired certain files between {mdate} and several days later.",
    "What Information Was Involved? The information may include your name, together with {data}.",
    "Following a comprehensive review, we determined on {mdate2} that the affected files contained {data}.",
    "What We Are Doing. We have implemented additional security measures, reset credentials, and notified law enforcement. We are also offering complimentary credit monitoring and identity protection services for 24 months.",
    "What You Can Do. We encourage you to remain vigilant by reviewing your account statements and monitoring your free credit reports for suspicious activity.",
    "We have no evidence that any information has been misused as a result of this incident.",
    "For More Information. If you have questions, please call our dedicated assistance line, available Monday through Friday, excluding major U.S. holidays.",
    "We sincerely regret any concern this may cause and remain committed to protecting the information entrusted to us.",
    "Out of an abundance of caution, we are notifying potentially affected individuals and providing resources to help protect their information.",
]
PR_LEDES = [
    "{place} — {v} today announced that it recently detected suspicious activity on a portion of its IT network.",
    "{v} (\"the Company\") today disclosed that it has identified a cybersecurity incident involving unauthorized access to certain internal systems.",
    "{place}, {mdate} — {v} is providing an update regarding the data security incident first disclosed on {mdate2}.",
    "{v} today issued the following statement regarding a recent security incident.",
    "{v} has become aware of unauthorized activity affecting a limited number of systems and has taken immediate action to contain it.",
]
PR_PARAS = [
    "Upon detecting the activity, the Company activated its incident response protocols, engaged external cybersecurity experts and notified law enforcement.",
    "The Company's investigation is ongoing, and it is working to determine whether any personal information was affected.",
    "The Company has found no evidence that its customer-facing platforms or products were affected.",
    "The Company's operations continue without material interruption.",
    "The Company will notify any affected individuals and regulators as appropriate and in accordance with applicable law.",
    "The Company takes the privacy and security of information in its care extremely seriously and regrets any inconvenience this may cause.",
    "As of the date of this release, the Company has not determined that the incident is reasonably likely to materially impact its financial condition.",
    "Based on the investigation to date, an unauthorized third party obtained copies of certain files, which may include {data}.",
]
LAW_LEDES = [
    "DATA BREACH ALERT: {lawfirm} is investigating claims on behalf of individuals whose personal information may have been compromised in a data breach at {v}.",
    "{lawfirm} Announces Investigation into {v} Data Breach.",
    "{lawfirm} is investigating a data breach at {v} that may have exposed {data} of current and former customers.",
    "ATTENTION: Received a notice from {v}? {lawfirm} is investigating the recent data breach and whether affected individuals are entitled to compensation.",
    "{lawfirm}, a national class action firm, is looking into claims arising from the {v} data security incident.",
]
LAW_PARAS = [
    "On or about {mdate}, {v} began sending letters informing individuals that their {data} may have been accessed by an unauthorized person.",
    "According to the notice filed with the {state_ag}, the breach affected approximately {n} people.",
    "If you received a data breach notice from {v}, you may be entitled to compensation. Contact our attorneys for a free consultation.",
    "Victims of data breaches face an increased risk of identity theft and fraud, and may be able to recover damages for time lost and out-of-pocket expenses.",
    "There is no cost to you. We are paid only if we recover money for you.",
    "Attorney Advertising. Prior results do not guarantee a similar outcome.",
    "To learn more, visit our website or call our data breach team today.",
]
DB_BACKGROUND = [
    "Stolen personal data is commonly resold on criminal forums, where it fuels identity fraud and targeted phishing.",
    "Regulators in {country} can fine companies that fail to protect personal data or are slow to report breaches.",
    "Breaches at third-party providers have become a leading cause of data exposure, as companies share more records with outside vendors.",
    "Security researchers regularly find databases left open to the internet, often the result of rushed cloud deployments.",
    "Health records fetch higher prices than card data on criminal markets because they cannot be cancelled or changed.",
    "Class-action lawsuits now routinely follow breach disclosures in the United States, often within days.",
    "Identity-theft specialists advise affected people to place a fraud alert or credit freeze and to treat unexpected calls with suspicion.",
    "Campaigns abusing single sign-on and customer-relationship platforms have hit dozens of organisations in the past year.",
    "Data protection law requires notification of affected people when a breach is likely to result in a high risk to their rights.",
    "The number of publicly reported breaches in {country} has risen steadily for five years, according to the data protection authority.",
    "Insider incidents, though less common than external attacks, are often discovered only months later during audits.",
]

# --------------------------------------------------------------------------
# Cyberattack (method not stated) fragments
# --------------------------------------------------------------------------
CA_LEDES = [
    "{v} said a cyber incident had {impact}, and that it had taken some systems offline as a precaution.",
    "A cyber attack on {v} has {impact}, the {vnoun} said on {day}, without giving details of the attack.",
    "{v}, a {vnoun} in {place}, is dealing with what it called \"a cyber security incident\" that {impact}.",
    "Production at {v} remains disrupted after a cyber attack detected {day}, the company said.",
    "The {vnoun} {v} said it had been \"the target of a malicious cyber attack\" and {impact}.",
    "An IT outage at {v} that {impact} was caused by hackers, the {vnoun} confirmed.",
    "{v} has {impact} following what it describes as unauthorised access to its IT systems.",
    "A \"cyber incident\" at {v} has left staff unable to use email and core systems for a third day.",
    "{v} said on {day} it was responding to a cyber attack and could not yet say when normal service would resume.",
    "Hackers disrupted systems at {v}, which {impact}, according to a statement on the {vnoun}'s website.",
    "Operations at {v} were thrown into disarray {day} by a cyber attack that the company is still investigating.",
    "The {place}-based {vnoun} {v} disclosed a cybersecurity incident in a stock-exchange filing, saying it {impact}.",
    "{v} has confirmed it suffered a cyber attack, which {impact}.",
    "A cyber attack at {v} {impact}, the {vnoun} said, declining to describe the nature of the attack.",
    "Residents and customers of {v} faced disruption after a cyber attack that {impact}.",
]
GOV_CA_LEDES = [
    "{gv} said a cyber attack had taken several of its online services offline.",
    "A cyber attack has disrupted systems at {gv}, officials said on {day}.",
    "{gv} was hit by a cyber attack that disabled its internal network and public portal, the government said.",
    "Online services run by {gv} have been down since {day} after what officials called a serious cyber attack.",
    "Officials at {gv} said hackers had penetrated its systems, forcing staff to work on paper.",
]
CA_TITLES_NEUTRAL = [
    "Cyber attack disrupts {vs}", "{vs} hit by cyber incident", "Cyber incident halts operations at {vs}",
    "{place} {vnoun} targeted in cyber attack", "{vs} systems down after cyber attack",
    "{vs} says hackers disrupted operations", "IT outage at {vs} blamed on cyber attack",
    "{vs} still recovering from 'cyber incident'", "Cyber attack: {vs} switches to manual processes",
]
GOV_CA_TITLES = [
    "Cyber attack hits {gv_title}", "{gv_title} systems down after cyber attack", "{gv_title} targeted by hackers",
]
CRYPTO_VICTIMS = ["Korvex", "Solvane Exchange", "Meridex", "BitHarbor", "Aurelia Finance", "Nimbus Bridge", "Quasar DEX",
                  "Tessera Protocol", "Halcyon Swap", "Vireo Wallet", "Lumen Markets", "Ostrava Coin", "Pampas Bit",
                  "Saigon Digital Exchange", "Yuzu Pay", "Fjord Chain", "Cobalt Vault", "Atlas Lend", "Karoo Exchange"]
CRYPTO_KIND = ["cryptocurrency exchange", "decentralised finance protocol", "cross-chain bridge", "crypto wallet provider",
               "lending platform", "crypto payments firm"]
CRYPTO_LEDES = [
    "{cv}, a {ckind}, said about ${amt} million in digital assets was drained from one of its hot wallets {day}.",
    "Hackers stole roughly ${amt} million from {cv}, the {ckind} said, pausing deposits and withdrawals.",
    "{cv} lost ${amt} million in what it called \"a security incident affecting a hot wallet\".",
    "Attackers siphoned ${amt} million in ether and stablecoins from {cv} in a series of transactions over about 20 minutes.",
    "The {ckind} {cv} has halted withdrawals after ${amt} million was taken from wallets it controls.",
    "About ${amt} million worth of tokens was moved out of {cv}'s hot wallets to unknown addresses, on-chain data show.",
    "{cv} said an attacker had withdrawn ${amt} million from its platform and that users would be compensated from a reserve fund.",
]
CRYPTO_FOLLOW = [
    "The company has not said how the attackers gained access.",
    "Cold storage, which holds most customer funds, was not affected, {cv} said.",
    "{cv} offered the attacker a 10% bounty for returning the rest of the funds.",
    "Part of the stolen funds was quickly swapped for bitcoin and sent through mixing services.",
    "The platform said it was working with law enforcement and blockchain analytics firms to trace the money.",
    "Several exchanges said they had frozen a small portion of the funds.",
    "Users were urged not to interact with the platform's contracts until further notice.",
]
CRYPTO_SUSPECTED = [
    ("Blockchain analysts at {chv} said the laundering pattern was consistent with previous operations by North Korea's {a}.", ["vendor"]),
    ("{chv} said early indicators point to {a}, the North Korean group behind several large exchange thefts, though it cautioned that the analysis was preliminary.", ["vendor"]),
    ("People familiar with the investigation told {outlet} that North Korean hackers from {a} were suspected.", ["media"]),
    ("The theft bears the hallmarks of {a}, according to {chv}, which traced funds through bridges it has seen the group use before.", ["vendor"]),
]
CRYPTO_ATTRIBUTED = [
    ("The FBI said on {day} that North Korea's {a} was responsible for the theft and published wallet addresses linked to the laundering.", ["government"], True),
    ("In a public service announcement, the FBI attributed the theft to {a}, a group operating on behalf of North Korea.", ["government"], True),
    ("{cv} said an investigation with outside experts confirmed that {a}, a North Korean state-backed group, was behind the attack.", ["victim"], False),
    ("{agency} attributed the heist to North Korea's {a} and urged platforms to block the associated addresses.", ["government"], True),
    ("{chv} said it was highly confident that {a} carried out the theft, citing on-chain links to earlier attacks attributed to the group.", ["vendor"], False),
]
STATE_ATTRIBUTED = [
    ("{gov} said on {day} that {grp}, a unit of {state}'s {agency2}, was behind the attack.", ["government"]),
    ("The government of {acc_country} formally attributed the attack to {state}, saying {grp} had carried it out on behalf of the {agency2}.", ["government"]),
    ("{gov} published a technical report concluding that {state}'s {agency2} orchestrated the attack through the group known as {grp}.", ["government"]),
    ("In a statement, {acc_country}'s foreign minister said there was \"clear evidence\" that {state} was responsible and summoned its ambassador.", ["government"]),
    ("Prosecutors charged officers of {state}'s {agency2} in absentia over the attack, naming {grp} as the unit responsible.", ["legal"]),
    ("{acc_country} and its allies jointly attributed the attack to {state}'s {agency2}, in a statement citing high confidence.", ["government"]),
]
STATE_SUSPECTED = [
    ("Officials speaking on condition of anonymity told {outlet} that {state} was the prime suspect.", ["media"]),
    ("Researchers at {vendor} said the attack was likely the work of {grp}, a group they link to {state}'s {agency2}, but said their assessment was of moderate confidence.", ["vendor"]),
    ("Analysts say the attack fits a pattern of activity linked to {state}, though no government has made a formal attribution.", ["vendor"]),
    ("According to {outlet}, investigators believe {grp}, which is tied to {state}, may be behind the incident.", ["media"]),
]
STATE_DENIALS = [
    "{state}'s foreign ministry rejected the accusation as \"baseless\".",
    "The {state} embassy said the allegations were \"another provocation\" and denied any involvement.",
    "{state} has denied involvement and accused {acc_country} of spreading disinformation.",
    "A spokesperson for {state}'s government called the claims \"absurd\" and said {state} does not conduct cyber attacks.",
    "Officials in {state} denied the allegations.",
]
HACKTIVIST_CA_CLAIMS = [
    "A group calling itself {a} claimed responsibility on Telegram, saying the attack was retaliation for {cause}.",
    "{a}, a self-described hacktivist group, said on its channel that it had \"taken control\" of the systems and posted screenshots.",
    "The hacktivist group {a} claimed the attack in a post that cited {cause}.",
    "{a} posted a video on Telegram that it said showed an interface from the {vnoun}'s network, claiming it had disrupted operations.",
]
PRO_RU = {"NoName057(16)", "Killnet", "Cyber Army of Russia Reborn", "People's Cyber Army", "Server Killers",
          "UserSec", "Z-Pentest", "Beregini", "TwoNet", "Dark Storm Team"}
RU_CAUSES = ["the country's support for Ukraine", "arms deliveries to Kyiv", "sanctions on Russia", "new NATO deployments",
             "the seizure of Russian assets", "a visit by Ukraine's president"]


def fix_group(text, group):
    """Drop the 'pro-Russian' description for groups that are not pro-Russian."""
    if group in PRO_RU:
        return text
    return (text.replace("The pro-Russian hacktivist group", "The hacktivist group")
            .replace("pro-Russian hacktivist group", "hacktivist group")
            .replace("Pro-Russian group", "Hacktivist group").replace("a pro-Russian group", "a hacktivist group"))


CAUSES = ["the country's support for Ukraine", "arms deliveries to Kyiv", "the war in Gaza", "sanctions on Russia",
          "a recent Quran-burning protest", "the arrest of a group member", "the government's stance on Israel",
          "new NATO deployments", "the treatment of Muslims in India", "a court ruling against the group's allies"]
CA_BACKGROUND = [
    "Companies often describe ransomware and other intrusions as \"cyber incidents\" in early statements while investigations are ongoing.",
    "Public bodies in {country} have faced a series of disruptive attacks in the past two years.",
    "The national cyber security agency said it was aware of the incident and was supporting the organisation.",
    "Industrial firms are especially exposed because their operational systems are often connected to office networks.",
    "The incident follows a string of attacks on local governments, which often run ageing software on thin budgets.",
    "Cyber incidents at single suppliers can ripple quickly through just-in-time production chains.",
    "Regulators require listed companies to disclose material cyber incidents promptly.",
    "Experts say early, vague statements are common because organisations do not yet know what happened.",
]
CRYPTO_BACKGROUND = [
    "North Korean hackers have stolen billions of dollars in cryptocurrency in recent years, according to UN monitors, helping fund the country's weapons programmes.",
    "Hot wallets, which are connected to the internet to process withdrawals, are a frequent target for thieves.",
    "Thefts from decentralised finance platforms and bridges accounted for a large share of crypto hacks last year.",
    "Stolen crypto is typically laundered through mixers, cross-chain bridges and over-the-counter brokers.",
    "Exchanges increasingly coordinate to freeze stolen funds, though only a fraction is usually recovered.",
]

# --------------------------------------------------------------------------
# DDoS fragments
# --------------------------------------------------------------------------
DDOS_VICTIMS = [
    ("the websites of {n_sites} municipalities in {country}", "municipal websites"),
    ("{country}'s largest banks", "bank websites"), ("several {country} government portals", "government portals"),
    ("the websites of {country}'s main airports", "airport websites"), ("the {country} parliament's website", "parliament website"),
    ("public transport operators in {place}", "transport sites"), ("{country}'s ministry of defence website", "defence ministry site"),
    ("the online tax-filing portal in {country}", "tax portal"), ("the websites of regional hospitals in {country}", "hospital sites"),
    ("an election information site in {country}", "election site"), ("the stock exchange in {place}", "stock exchange site"),
    ("the city of {place}'s website", "city website"), ("{country}'s port authorities", "port websites"),
    ("energy companies in {country}", "energy firms' websites"), ("news outlets in {country}", "news sites"),
]
DDOS_LEDES_NONE = [
    "A distributed denial-of-service attack knocked {dv} offline for several hours on {day}.",
    "Access to {dv} was cut off for much of {day} after a DDoS attack flooded the servers with traffic.",
    "{dv_cap} suffered a DDoS attack that slowed online services to a crawl, officials said.",
    "Users could not reach {dv} for about {hours} hours after what operators described as a large denial-of-service attack.",
    "A wave of junk traffic took down {dv} on {day}, in what authorities confirmed was a DDoS attack.",
    "Online services at {dv} were disrupted by a distributed denial-of-service attack, according to the national CERT.",
]
DDOS_TITLES_NEUTRAL = [
    "DDoS attack knocks {dv_short} offline", "{dv_short} hit by denial-of-service attack",
    "DDoS attack disrupts {dv_short} in {country}", "{country} {dv_short} slowed by DDoS",
    "Denial-of-service attack takes down {dv_short}",
]
DDOS_TITLES_CLAIMED = [
    "{a} claims DDoS attacks on {country} {dv_short}", "Pro-Russian group {a} targets {country} {dv_short}",
    "Hacktivists {a} claim {dv_short} outage in {country}", "{a} says it knocked {country} {dv_short} offline",
]
DDOS_TITLES_ATTRIBUTED = [
    "{who} blames {a} for DDoS attacks on {dv_short}", "{a} behind DDoS wave, {who} says",
]
DDOS_CLAIMS = [
    "{a} claimed responsibility on Telegram, saying the attacks were a response to {cause}.",
    "The pro-Russian hacktivist group {a} posted a list of targets on its channel and claimed to have taken them down.",
    "In a Telegram post, {a} boasted that it had \"sent {country} a greeting\" and shared links to uptime checkers showing the sites as unavailable.",
    "{a}, which has carried out similar attacks across Europe, said it was punishing {country} for {cause}.",
    "The group {a} claimed the disruption in posts on X and Telegram, naming each targeted site.",
    "{a} said on Telegram that the attacks would continue \"until {country} changes course\".",
    "A channel run by {a} took credit for the outage and urged followers to join its volunteer DDoS project.",
    "{a} claimed the attack and posted screenshots of error pages alongside a message about {cause}.",
]
DDOS_SUSPECTED = [
    ("An official who asked not to be named said the attack was probably the work of {a}, which had named the targets on Telegram beforehand.", ["media"]),
    ("Researchers at {vendor} said the traffic patterns matched those of previous campaigns by {a}.", ["vendor"]),
    ("{outlet} reported that authorities suspect {a}, a pro-Russian group that has hit similar targets.", ["media"]),
    ("The attacks are believed to be linked to {a}, the national CERT said, though it has not confirmed the group's involvement.", ["government"]),
]
DDOS_ATTRIBUTED = [
    ("{agency} said {a} was behind the attacks and that it was working with partners to counter the group's infrastructure.", ["government"]),
    ("Police in several countries took down servers used by {a} this week, which prosecutors say coordinated the attacks.", ["legal"]),
    ("Prosecutors have charged two alleged members of {a} over the attacks, according to court documents released on {day}.", ["legal"]),
    ("{agency} formally attributed the DDoS campaign to {a} and said more than 60 sites had been targeted.", ["government"]),
]
DDOS_GROUP_DENIALS = [
    "{a} later denied being behind this particular outage, saying on Telegram that it had \"other targets\" that day.",
    "In a post, {a} rejected the accusation and claimed the sites had simply crashed on their own.",
]
DDOS_FOLLOW = [
    "No data was compromised, the operators said; DDoS attacks aim to overwhelm servers rather than break into them.",
    "Service was restored within a few hours after traffic filtering was put in place.",
    "The national cyber security centre said the attacks had limited impact and were mainly designed to attract attention.",
    "Internal systems were not affected, only the public-facing websites.",
    "Officials said core services, including payments, continued to work normally.",
    "The attacks came on the same day as a high-profile political visit, officials noted.",
    "Some sites moved behind a commercial DDoS protection service after the first wave.",
]
DDOS_BACKGROUND = [
    "Pro-Russian hacktivist groups have targeted European government and transport websites with DDoS attacks since 2022, often timed to political events.",
    "DDoS attacks rarely cause lasting damage but are cheap to launch and generate headlines.",
    "Some hacktivist groups recruit volunteers and pay them in cryptocurrency for running attack tools.",
    "Europol and national police have repeatedly targeted DDoS-for-hire services, seizing domains and arresting administrators.",
    "Security providers report that the number of large network-layer floods has grown sharply over the past year.",
]
RECORD_LEDES = [
    "{prov} said it had automatically mitigated a DDoS attack peaking at {tbps} terabits per second, the largest it has recorded.",
    "A record {tbps} Tbps flood aimed at a hosting customer was blocked by {prov}'s systems in under a minute, the company said.",
    "{prov} reported a UDP flood of {tbps} Tbps against an unnamed customer, lasting about {secs} seconds.",
    "Network operator {prov} said it blocked a hyper-volumetric DDoS attack that reached {mrps} million requests per second.",
    "A DDoS attack of {tbps} Tbps, launched from an estimated {bots} compromised devices, was absorbed by {prov}, the company said in its quarterly report.",
    "In its latest threat report, {prov} described mitigating a {tbps} Tbps attack against a telecommunications provider in {country}.",
]
RECORD_FOLLOW = [
    "The company did not identify who was behind the attack.",
    "The traffic came mostly from compromised routers, cameras and other internet-of-things devices.",
    "Such short, intense bursts are designed to overwhelm defences before humans can react, the company said.",
    "The customer's services stayed online throughout, {prov} said.",
    "{prov} said attacks above 1 Tbps had become several times more common over the past year.",
    "Researchers believe many of these floods come from botnets rented out to paying customers.",
]
DDOS_PROVIDERS = ["Cloudflare", "Akamai", "Gcore", "Radware", "NETSCOUT", "Imperva", "Fastly", "Microsoft Azure",
                  "OVHcloud", "Qrator Labs", "Link11", "Myra Security", "StormWall", "Zenlayer"]
RANSOM_DDOS = [
    "The attackers sent an email demanding payment in bitcoin to stop the flood, the company said, adding that it would not pay.",
    "A ransom note threatening a longer attack unless {vs} paid arrived shortly after the first wave.",
]

# Advisories naming a ransomware gang (no single victim)
ADV_LEDES = [
    "{agency} and partner agencies published a joint advisory on {day} warning that {a} affiliates have hit more than {k} organisations in sectors including healthcare, manufacturing and local government.",
    "A new advisory from {agency} details the tactics of the {a} ransomware operation, which it says has compromised at least {k} victims since it emerged.",
    "{agency} has issued an alert naming {a} as responsible for a surge of attacks on {sector_pl} over the past three months.",
    "In an advisory released this week, {agency} attributed a series of intrusions at {sector_pl} to affiliates of {a}.",
    "{agency} warned {sector_pl} to prioritise patching after linking at least {k} recent attacks to the {a} group.",
]
ADV_PARAS = [
    "According to the advisory, affiliates typically gain access through unpatched VPN appliances or stolen credentials, then use legitimate remote-management tools to move through the network.",
    "The agencies said the group steals data before encrypting systems and threatens to publish it on a leak site if victims do not pay.",
    "The advisory lists indicators of compromise, including IP addresses, file hashes and the names of tools the affiliates deploy.",
    "Recommended mitigations include phishing-resistant multi-factor authentication, offline backups, network segmentation and monitoring for unusual use of remote-access software.",
    "The agencies said they do not encourage paying ransoms and asked victims to report incidents regardless of whether they pay.",
    "The advisory says the affiliates have been observed disabling endpoint security software before deploying the encryptor.",
    "Victims have included hospitals, schools and local governments, the agencies said, without naming them.",
    "The document is the latest in a series of joint advisories describing individual ransomware operations.",
]
SECTOR_PL = ["hospitals and clinics", "local governments", "manufacturers", "schools and universities", "law firms",
             "logistics companies", "water utilities", "financial institutions"]
STATE_AG_US = ["Maine Attorney General's office", "Texas Attorney General", "California Attorney General",
               "Vermont Attorney General's office", "Massachusetts Attorney General", "US Department of Health and Human Services"]
STATE_TARGETS = {
    "Russia": ["Poland", "Ukraine", "Germany", "Czechia", "Lithuania", "Estonia", "Denmark", "the Netherlands", "Moldova", "Finland"],
    "Iran": ["Albania", "Israel", "Bahrain", "United Arab Emirates"],
    "North Korea": ["South Korea", "Japan"],
    "China": ["Taiwan", "the Philippines", "Japan"],
    "Belarus": ["Lithuania", "Poland", "Latvia"],
}
CAPITALS = {"Poland": "Warsaw", "Ukraine": "Kyiv", "Germany": "Berlin", "Czechia": "Prague", "Lithuania": "Vilnius",
            "Estonia": "Tallinn", "Denmark": "Copenhagen", "the Netherlands": "The Hague", "Moldova": "Chișinău",
            "Finland": "Helsinki", "Albania": "Tirana", "Israel": "Tel Aviv", "Bahrain": "Manama",
            "United Arab Emirates": "Dubai", "South Korea": "Seoul", "Japan": "Tokyo", "Taiwan": "Taipei",
            "the Philippines": "Manila", "Latvia": "Rīga"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


# --------------------------------------------------------------------------
# Engine
# --------------------------------------------------------------------------
def cap(s):
    return s[:1].upper() + s[1:] if s else s


def num_people():
    r = R.random()
    if r < 0.35:
        return f"{R.randint(1, 99)},{R.randint(0, 999):03d}"
    if r < 0.6:
        return f"{R.randint(100, 950)},{R.randint(0, 9)}00"
    if r < 0.85:
        return f"{R.randint(1, 9)}.{R.randint(1, 9)} million"
    return f"{R.randint(11, 60)} million"


def join_list(items):
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def base_ctx(sector=None, gov_victim=False, country=None):
    sec = sector or pick(list(SECTORS))
    S = SECTORS[sec]
    place, ctry = pick(PLACES)
    if country:
        ctry = country
        place = CAPITALS.get(country, place)
    stem = pick(NAME_STEMS)
    suf = pick(S["suf"])
    city = place.split(",")[0]
    if sec == "council" and ctry in ("the UK", "the US"):
        v, vs = f"{city} {suf}", city
    elif sec == "council":
        v, vs = pick([f"the Municipality of {city}", f"the City of {city}", f"{city} city hall"]), city
    else:
        v, vs = f"{stem} {suf}", stem
    data = R.sample(S["data"], k=min(len(S["data"]), R.randint(1, 3)))
    vendor = pick(VENDORS)
    gov_who, _ = pick(GOV_ATTR)
    mdate = f"{pick(MONTHS)} {R.randint(1, 28)}"
    c = dict(
        sector=sec, v=v, vs=vs, vnoun=SUF_NOUN.get(suf, pick(S["noun"])), place=place, city=city, country=ctry,
        data=join_list(data), data_short=data[0], impact=pick(S["impact"]),
        spk=f"{pick(FIRST)} {pick(LAST)}", role=pick(ROLES), exp=f"{pick(FIRST)} {pick(LAST)}",
        vendor=vendor, outlet=pick(OUTLETS), agency=gov_who, n=num_people(), gb=R.choice([12, 46, 85, 120, 230, 310, 480, 700, 1100, 1600]),
        dur=R.choice([3, 5, 7, 10, 14]), day=pick(DAYS), month=pick(MONTHS), mdate=mdate,
        mdate2=f"{pick(MONTHS)} {R.randint(1, 28)}", price=R.choice(["5,000", "12,000", "30,000", "75,000", "150,000", "400,000"]),
        arrest_place=pick(PLACES)[0], lawfirm=pick(LAWFIRMS), pub=pick(PUBLISHERS), k=R.choice([20, 35, 60, 90, 150, 300]),
        sector_pl=pick(SECTOR_PL),
        state_ag=pick(STATE_AG_US) if ctry == "the US" else f"data protection authority in {ctry}",
    )
    c["exprole"] = pick(EXPERT_ROLES).format(vendor=pick([x for x in VENDORS if x not in CHAIN_VENDORS + ["Cloudflare", "NETSCOUT", "Radware"]]), city2=pick(CITIES2))
    if gov_victim:
        gv = pick(GOV_VICTIMS).format(country=ctry)
        c.update(v=gv, vs=gv.replace("the ", "", 1), vnoun="ministry" if "Ministry" in gv else "agency",
                 gv=gv, gv_title=cap(gv.replace("the ", "", 1)))
    return c


def fmt(text, c):
    return text.format_map(c)


class Rec:
    def __init__(self, labels, level="none", actors=(), sources=(), denied=False):
        self.labels = list(labels)
        self.level = level
        self.actors = list(actors)
        self.sources = list(sources)
        self.denied = denied
        self.lede = ""
        self.required = []   # label-bearing paragraphs after the lede (kept together, never truncated)
        self.optional = []   # neutral paragraphs
        self.titles = []
        self.summary = None  # one-line summary carrying the attribution
        self.fixed_style = None

    def add_label(self, lab):
        if lab not in self.labels:
            self.labels.append(lab)

    def add_sources(self, srcs):
        for s_ in srcs:
            if s_ not in self.sources:
                self.sources.append(s_)


def optional_pool(c, kinds, k_range=(1, 5)):
    pools = {
        "vq": VICTIM_QUOTES, "eq": EXPERT_QUOTES, "rwbg": RW_BACKGROUND, "dbbg": DB_BACKGROUND,
        "cabg": CA_BACKGROUND, "cbg": CRYPTO_BACKGROUND, "dbg": DDOS_BACKGROUND, "ddf": DDOS_FOLLOW,
    }
    out = []
    k = R.randint(*k_range)
    for _ in range(k):
        kind = pick(kinds)
        if kind == "eq" and any(c["exp"] in o for o in out):
            continue
        t = fmt(pick(pools[kind]), c)
        if t not in out:
            out.append(t)
    return out


# ---- ransomware -----------------------------------------------------------
def sc_ransomware(level):
    c = base_ctx()
    gang = pick(RANSOM_GANGS)
    c["a"] = gang
    r = Rec(["ransomware"])
    r.lede = fmt(pick(RW_LEDES), c)
    titles = [fmt(t, c) for t in R.sample(RW_TITLES_NEUTRAL, 2)]
    data = False
    if level == "none":
        if R.random() < 0.45:
            r.required.append(fmt(pick(RW_DATA_NONE), c)); data = True
        if R.random() < 0.3:
            r.optional.append(fmt(pick(NO_EVIDENCE), c)) if not data else None
        r.summary = r.lede
    elif level == "claimed":
        txt, data = pick(RW_CLAIMS)
        claim = fmt(txt, c)
        r.level, r.actors, r.sources = "claimed", [gang], ["self"]
        block = [claim]
        # rival affiliate dispute (still a claim, not a denial)
        if R.random() < 0.12:
            rival = pick([g for g in RANSOM_GANGS if g != gang])
            block.append(f"Complicating the picture, a second group, {rival}, posted the same company on its own site days later, claiming it had carried out the attack and accusing {gang} of reselling an affiliate's data.")
            r.actors.append(rival)
        elif R.random() < 0.3:
            block.append(fmt(pick(GANG_NO_COMMENT), c))
        if R.random() < 0.35:
            block.append(fmt(pick(NO_EVIDENCE + [
                "{vs} said it was aware of the claims and was investigating, but had not confirmed that any data was taken.",
                "The {vnoun} has not confirmed the group's claims.",
                "{vs} declined to comment on the listing.",
            ]), c))
        if R.random() < 0.2:
            block.append(fmt("{vs} later confirmed that {a} was responsible.", c))
            r.level = "attributed"; r.add_sources(["victim"])
        if R.random() < 0.5:
            r.required.append(" ".join(block))
        else:
            r.required.extend(block)
        title_pool = RW_TITLES_CLAIMED if data else RW_TITLES_CLAIMED_ENC
        titles = [fmt(t, c) for t in R.sample(title_pool, 2)] + titles[:1]
        r.summary = claim
    elif level == "suspected":
        txt, srcs = pick(RW_SUSPECTED)
        s_ = fmt(txt, c)
        r.level, r.actors, r.sources = "suspected", [gang], list(srcs)
        block = [s_]
        if R.random() < 0.25:
            block.append(fmt(pick(RW_DENIALS), c)); r.denied = True
        elif R.random() < 0.4:
            block.append(fmt(pick(GANG_NO_COMMENT), c))
        r.required.append(" ".join(block))
        if R.random() < 0.45:
            r.required.append(fmt(pick(RW_DATA_NONE), c)); data = True
        titles = [fmt(t, c) for t in R.sample(RW_TITLES_SUSPECTED, 2)] + titles[:1]
        r.summary = s_
    else:  # attributed
        txt, srcs, pol = pick(RW_ATTRIBUTED)
        a_ = fmt(txt, c)
        r.level, r.actors, r.sources = "attributed", [gang], list(srcs)
        if "self" in srcs:
            data = True
        if pol:
            r.add_label("policy")
        block = [a_]
        if "victim" not in srcs and R.random() < 0.2:
            block.append(fmt(pick(RW_DENIALS), c)); r.denied = True
        r.required.append(" ".join(block))
        if R.random() < 0.5:
            r.required.append(fmt(pick(RW_DATA_NONE), c)); data = True
        who = {"victim": c["vs"], "government": c["agency"].replace("the ", "", 1), "legal": "prosecutors",
               "vendor": c["vendor"]}[srcs[0]]
        c["who"] = who
        titles = [cap(fmt(t, c)) for t in R.sample(RW_TITLES_ATTRIBUTED, 2)] + titles[:1]
        r.summary = a_
    if data:
        # data theft is part of the story: double extortion
        r.labels.insert(1, "data_breach")
    r.titles = titles
    r.optional = r.optional + optional_pool(c, ["vq", "vq", "eq", "rwbg", "rwbg"], (0, 5))
    return r, c


def sc_rw_advisory():
    c = base_ctx()
    gang = pick(RANSOM_GANGS)
    c["a"] = gang
    r = Rec(["ransomware", "policy"], "attributed", [gang], ["government"])
    r.lede = fmt(pick(ADV_LEDES), c)
    paras = R.sample(ADV_PARAS, R.randint(2, 5))
    if "steals data" in " ".join(paras):
        r.labels.insert(1, "data_breach")
    r.required = []
    r.optional = [fmt(p_, c) for p_ in paras]
    # keep label-bearing data paragraph out of truncation
    for p_ in list(r.optional):
        if "steals data" in p_:
            r.optional.remove(p_); r.required.append(p_)
    short_agency = c["agency"].replace("the ", "", 1)
    r.titles = [cap(f"{short_agency} advisory warns of {gang} ransomware attacks"),
                cap(f"{short_agency} issues alert on {gang} ransomware"),
                f"Joint advisory: {gang} affiliates target {c['sector_pl']}"]
    r.summary = r.lede
    r.fixed_style = pick(["advisory", "advisory", "wire_brief"])
    return r, c


# ---- data breach ------------------------------------------------------------
def sc_breach(level, gov=False):
    c = base_ctx(gov_victim=gov)
    actor = pick(BREACH_ACTORS + RANSOM_GANGS[:0])
    c["a"] = actor
    r = Rec(["data_breach"])
    r.lede = fmt(pick(GOV_DB_LEDES if gov else DB_LEDES), c)
    titles = [cap(fmt(t, c)) for t in R.sample(DB_TITLES_NEUTRAL, 2)]
    if level == "none":
        if R.random() < 0.35:
            r.optional.append(fmt(pick(NO_EVIDENCE[-1:] + [
                "The company said it had no evidence that the information had been misused.",
                "There is no indication that the data has been published or sold, the {vnoun} said.",
                "Payment card data was not stored in the affected system, {vs} said.",
            ]), c))
        if R.random() < 0.3:
            r.optional.append(fmt(pick([
                "It has not said who was responsible or how the intruder got in.",
                "No group has claimed responsibility.",
                "The identity of the attackers is not known.",
                "{vs} did not say whether a ransom had been demanded.",
            ]), c))
        r.summary = r.lede
    elif level == "claimed":
        cl = fmt(pick(DB_CLAIMS), c)
        r.level, r.actors, r.sources = "claimed", [actor], ["self"]
        block = [cl]
        if R.random() < 0.5:
            block.append(fmt(pick([
                "{vs} said it was investigating the claim.",
                "{vs} said it had found no evidence that its systems had been compromised and that the data might come from an older, unrelated incident.",
                "The {vnoun} did not respond to requests for comment.",
                "{vs} said it was aware of the post and had engaged forensic experts.",
                "A spokesperson said the company had \"no evidence at this time\" that customer data was accessed.",
            ]), c))
        r.required.extend(block)
        titles = [cap(fmt(t, c)) for t in R.sample(DB_TITLES_CLAIMED, 2)] + titles[:1]
        r.summary = cl
    elif level == "suspected":
        txt, srcs = pick(DB_SUSPECTED)
        t_ = fmt(txt, c)
        r.level, r.actors, r.sources = "suspected", [actor], list(srcs)
        block = [t_]
        if R.random() < 0.2:
            block.append(fmt(pick([
                "{a} denied involvement in a message posted to a cybercrime forum.",
                "A Telegram account associated with {a} rejected the link, saying the group \"was not involved this time\".",
            ]), c)); r.denied = True
        r.required.append(" ".join(block))
        titles = [cap(fmt(t, c)) for t in R.sample(DB_TITLES_SUSPECTED, 2)] + titles[:1]
        r.summary = t_
    else:
        txt, srcs, pol = pick(DB_ATTRIBUTED)
        t_ = fmt(txt, c)
        r.level, r.actors, r.sources = "attributed", [actor], list(srcs)
        if pol:
            r.add_label("policy")
        r.required.append(t_)
        c["who"] = {"victim": c["vs"], "government": c["agency"].replace("the ", "", 1), "legal": "Prosecutors",
                    "vendor": c["vendor"]}[srcs[0]]
        titles = [cap(fmt(t, c)) for t in R.sample(DB_TITLES_ATTRIBUTED, 2)] + titles[:1]
        r.summary = t_
    r.titles = titles
    r.optional += optional_pool(c, ["vq", "eq", "dbbg", "dbbg"], (0, 4))
    return r, c


def sc_insider():
    c = base_ctx()
    ins = pick(INSIDER_NAMES)
    c["ins"] = ins
    r = Rec(["data_breach"], "attributed", [ins], [])
    r.lede = fmt(pick(INSIDER_LEDES), c)
    txt, srcs, pol = pick(INSIDER_FOLLOW)
    r.add_sources(["victim"] + [s_ for s_ in srcs if s_ != "victim"])
    if pol:
        r.add_label("policy")
    r.required.append(fmt(txt, c))
    r.titles = [cap(fmt(t, c)) for t in [
        "{vs} says employee stole customer data", "Insider took {n} customer records, {vs} says",
        "Former employee behind {vs} data leak", "{vs} blames staff member for data breach"]]
    r.optional += optional_pool(c, ["vq", "dbbg", "eq"], (0, 3))
    r.summary = r.lede
    return r, c


def sc_bucket():
    c = base_ctx()
    r = Rec(["data_breach"])
    r.lede = fmt(pick(BUCKET_LEDES), c)
    r.optional = [fmt(t, c) for t in R.sample(BUCKET_FOLLOW, R.randint(1, 3))]
    r.optional += optional_pool(c, ["dbbg", "eq"], (0, 2))
    r.titles = [cap(fmt(t, c)) for t in [
        "Exposed database leaks {n} {vs} records", "Misconfigured cloud bucket exposes {vs} customer data",
        "{vs} left {data_short} open to the internet", "Unsecured server at {place} {vnoun} exposed {n} records",
        "Researchers find {vs} data in open storage bucket"]]
    r.summary = r.lede
    return r, c


def sc_notice():
    c = base_ctx()
    r = Rec(["data_breach"])
    paras = [fmt(p_, c) for p_ in NOTICE_PARAS]
    opening = paras[:5]
    body = [pick(opening)] + [paras[5] if R.random() < 0.5 else paras[7], paras[6]] + \
        R.sample(paras[8:], R.randint(1, 5))
    r.lede = body[0]
    r.optional = body[1:]
    r.fixed_style = "breach_notice"
    r.titles = [f"Notice of Data Security Incident – {c['v']}", f"{c['v']} Notice of Data Event", "Notice of Data Breach",
                f"{c['v']}: Important information about a data security incident", ""]
    r.summary = r.lede
    r.keep_order = True
    return r, c


def sc_press():
    c = base_ctx()
    r = Rec(["data_breach"])
    r.lede = fmt(pick(PR_LEDES), c)
    paras = [fmt(p_, c) for p_ in R.sample(PR_PARAS, R.randint(2, 5))]
    if not any("obtained copies" in p_ for p_ in paras):
        paras.insert(0, fmt(PR_PARAS[-1], c))
    r.optional = paras
    r.fixed_style = "press_release"
    r.titles = [f"{c['v']} Provides Update on Cybersecurity Incident", f"{c['v']} Statement on Data Security Incident",
                f"{c['v']} Announces Cybersecurity Incident"]
    r.summary = r.lede
    r.keep_order = True
    return r, c


def sc_lawfirm():
    c = base_ctx()
    r = Rec(["data_breach"])
    r.lede = fmt(pick(LAW_LEDES), c)
    paras = [fmt(LAW_PARAS[0], c)] + [fmt(p_, c) for p_ in R.sample(LAW_PARAS[1:], R.randint(2, 5))]
    r.optional = paras
    r.fixed_style = "breach_notice"
    r.titles = [f"{c['v']} Data Breach Investigation", f"DATA BREACH ALERT: {c['v']}",
                f"{c['lawfirm']} Investigates {c['v']} Data Breach",
                f"Were You Affected by the {c['v']} Data Breach? {c['lawfirm']} Investigating"]
    r.summary = r.lede
    r.keep_order = True
    return r, c


# ---- cyberattack (method not stated) --------------------------------------
def sc_cyber_none(gov=False):
    c = base_ctx(gov_victim=gov)
    r = Rec(["cyberattack"])
    r.lede = fmt(pick(GOV_CA_LEDES if gov else CA_LEDES), c)
    if R.random() < 0.4:
        r.optional.append(fmt(pick([
            "It did not say whether ransomware was involved or whether a ransom had been demanded.",
            "The {vnoun} has not described the nature of the attack.",
            "No group has claimed responsibility, and officials declined to speculate on who was behind it.",
            "Investigators have not yet determined how the attackers got in.",
            "Asked whether data had been stolen, {spk} said it was \"too early to say\".",
            "{vs} said there was no evidence that personal data had been accessed.",
        ]), c))
    r.optional += optional_pool(c, ["vq", "vq", "cabg", "eq"], (0, 4))
    r.titles = [cap(fmt(t, c)) for t in (GOV_CA_TITLES if gov else R.sample(CA_TITLES_NEUTRAL, 3))]
    r.summary = r.lede
    return r, c


def crypto_ctx():
    c = base_ctx()
    a, st = pick(CRYPTO_ACTORS)
    c.update(cv=pick(CRYPTO_VICTIMS), ckind=pick(CRYPTO_KIND), amt=R.choice([3, 8, 12, 27, 41, 58, 96, 140, 230, 305]),
             chv=pick(CHAIN_VENDORS), a=a)
    return c


def sc_crypto(level):
    c = crypto_ctx()
    r = Rec(["cyberattack"])
    r.lede = fmt(pick(CRYPTO_LEDES), c)
    follow = [fmt(t, c) for t in R.sample(CRYPTO_FOLLOW, R.randint(1, 3))]
    titles = [fmt(t, c) for t in ["{cv} loses ${amt}m in hot wallet hack", "Hackers drain ${amt} million from {cv}",
                                   "{cv} pauses withdrawals after ${amt}m theft", "${amt}m stolen from {ckind} {cv}"]]
    if level == "suspected":
        txt, srcs = pick(CRYPTO_SUSPECTED)
        t_ = fmt(txt, c)
        r.level, r.actors, r.sources = "suspected", [c["a"], "North Korea"], list(srcs)
        r.required.append(t_)
        titles = [fmt(t, c) for t in ["North Korea's {a} suspected in ${amt}m {cv} theft",
                                       "{cv} hack bears hallmarks of {a}, analysts say"]]
        r.summary = t_
    elif level == "attributed":
        txt, srcs, pol = pick(CRYPTO_ATTRIBUTED)
        t_ = fmt(txt, c)
        r.level, r.actors, r.sources = "attributed", [c["a"], "North Korea"], list(srcs)
        if pol:
            r.add_label("policy")
        block = [t_]
        if R.random() < 0.25:
            block.append("North Korea has consistently denied involvement in cyber thefts.")
            r.denied = True
        r.required.append(" ".join(block))
        titles = [fmt(t, c) for t in ["North Korea's {a} behind ${amt}m {cv} heist", "{cv} theft attributed to North Korean hackers"]]
        r.summary = t_
    else:
        r.summary = r.lede
    r.titles = titles
    r.optional = follow + optional_pool(c, ["cbg", "eq"], (0, 2))
    return r, c


def sc_state(level):
    state, agency2, grp = pick(STATE_ACTORS)
    acc = pick(STATE_TARGETS[state])
    c = base_ctx(gov_victim=R.random() < 0.55, country=acc)
    c.update(state=state, agency2=agency2, grp=grp, acc_country=acc)
    gov = [g for g, ctry in GOV_ATTR if ctry == acc]
    c["gov"] = gov[0] if gov else f"{acc}'s national cyber security agency"
    r = Rec(["cyberattack"])
    r.lede = fmt(pick(GOV_CA_LEDES if "gv" in c else CA_LEDES), c)
    if level == "attributed":
        txt, srcs = pick(STATE_ATTRIBUTED)
        r.add_label("policy")
    else:
        txt, srcs = pick(STATE_SUSPECTED)
    t_ = fmt(txt, c)
    actors = [state] + [c[k] for k in ("grp", "agency2") if "{" + k + "}" in txt]
    r.level, r.actors, r.sources = level, actors, list(srcs)
    block = [t_]
    if R.random() < 0.55:
        block.append(fmt(pick(STATE_DENIALS), c)); r.denied = True
    r.required.append(" ".join(block))
    vt = c.get("gv_title", c["vs"])
    if level == "attributed":
        titles = [f"{acc} blames {state} for cyber attack on {vt}", f"{acc} says {state} behind attack on {vt}",
                  f"{state} accused over cyber attack on {vt}"]
    else:
        titles = [f"{state} suspected in cyber attack on {vt}", f"Cyber attack on {vt}: suspicion falls on {state}"]
    r.titles = titles + [cap(fmt(pick(CA_TITLES_NEUTRAL), c))]
    r.optional += optional_pool(c, ["vq", "cabg", "eq"], (0, 3))
    r.summary = t_
    return r, c


def sc_hacktivist_claim():
    c = base_ctx(gov_victim=R.random() < 0.3)
    g = pick(DDOS_GROUPS)
    c.update(a=g, cause=pick(RU_CAUSES if g in PRO_RU else CAUSES))
    r = Rec(["cyberattack", "hacktivism"], "claimed", [g], ["self"])
    r.lede = fmt(pick(GOV_CA_LEDES if "gv" in c else CA_LEDES), c)
    block = [fmt(pick(HACKTIVIST_CA_CLAIMS), c)]
    if R.random() < 0.5:
        block.append(fmt(pick(["Officials said they could not verify the group's claims.",
                               "{vs} declined to comment on the claim.",
                               "The {vnoun} said it was aware of the posts and was investigating."]), c))
    r.required.append(" ".join(block))
    vt = c.get("gv_title", c["vs"])
    r.titles = [f"{g} claims cyber attack on {vt}", f"Hacktivists claim responsibility for {vt} disruption",
                cap(fmt(pick(CA_TITLES_NEUTRAL), c))]
    r.optional += optional_pool(c, ["vq", "cabg"], (0, 3))
    r.summary = block[0]
    return r, c


# ---- DDoS -------------------------------------------------------------------
def ddos_ctx():
    c = base_ctx()
    dv, dshort = pick(DDOS_VICTIMS)
    c["n_sites"] = R.choice(["five", "a dozen", "20", "nine", "several"])
    dv = dv.format(**c)
    c.update(dv=dv, dv_cap=cap(dv), dv_short=dshort, hours=R.choice(["two", "three", "four", "six"]),
             a=pick(DDOS_GROUPS))
    c["cause"] = pick(RU_CAUSES if c["a"] in PRO_RU else CAUSES)
    return c


def sc_ddos(level):
    c = ddos_ctx()
    r = Rec(["ddos"])
    r.lede = fmt(pick(DDOS_LEDES_NONE), c)
    titles = [cap(fmt(t, c)) for t in R.sample(DDOS_TITLES_NEUTRAL, 2)]
    if level == "none":
        if R.random() < 0.15:
            c["vs"] = "the operator"
            r.optional.append(fmt(pick(RANSOM_DDOS), c))
        if R.random() < 0.3:
            r.optional.append("It was not clear who was behind the attack.")
        r.summary = r.lede
    else:
        r.add_label("hacktivism")
        if level == "claimed":
            t_ = fmt(pick(DDOS_CLAIMS), c); srcs = ["self"]
            titles = [cap(fmt(t, c)) for t in R.sample(DDOS_TITLES_CLAIMED, 2)] + titles[:1]
        elif level == "suspected":
            txt, srcs = pick(DDOS_SUSPECTED); t_ = fmt(txt, c)
        else:
            txt, srcs = pick(DDOS_ATTRIBUTED); t_ = fmt(txt, c)
            r.add_label("policy")
            c["who"] = "prosecutors" if srcs == ["legal"] else c["agency"].replace("the ", "", 1)
            titles = [cap(fmt(t, c)) for t in DDOS_TITLES_ATTRIBUTED] + titles[:1]
        r.level, r.actors, r.sources = level, [c["a"]], list(srcs)
        block = [t_]
        if level != "claimed" and R.random() < 0.15:
            block.append(fmt(pick(DDOS_GROUP_DENIALS), c)); r.denied = True
        r.required.append(" ".join(block))
        r.summary = t_
    r.titles = titles
    r.optional += optional_pool(c, ["ddf", "ddf", "dbg"], (1, 4))
    return r, c


def sc_ddos_record():
    c = ddos_ctx()
    c.update(prov=pick(DDOS_PROVIDERS), tbps=R.choice(["3.8", "5.6", "6.5", "7.3", "11.5", "22.2", "4.2", "2.9", "9.1"]),
             secs=R.choice([35, 45, 80, 120]), mrps=R.choice([201, 398, 650, 1020]), bots=R.choice(["13,000", "110,000", "300,000", "1.2 million"]))
    r = Rec(["ddos"])
    r.lede = fmt(pick(RECORD_LEDES), c)
    r.optional = [fmt(t, c) for t in R.sample(RECORD_FOLLOW, R.randint(1, 4))]
    r.titles = [fmt(t, c) for t in ["{prov} blocks record {tbps} Tbps DDoS attack", "Record-breaking DDoS attack hits {tbps} Tbps",
                                     "{prov}: hyper-volumetric DDoS floods are getting bigger", "{tbps} Tbps: new DDoS record mitigated"]]
    r.summary = r.lede
    return r, c


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------
def truncate(text):
    words = text.split()
    if len(words) < 6:
        return text
    cut = R.randint(max(3, len(words) // 3), max(4, len(words) - 2))
    return " ".join(words[:cut]).rstrip(",.;:") + pick(["...", " […]", "…", " [...]"])


def render(r, c):
    if c.get("a") in set(DDOS_GROUPS):
        r.titles = [fix_group(t, c["a"]) for t in r.titles]
        r.lede = fix_group(r.lede, c["a"])
        r.required = [fix_group(t, c["a"]) for t in r.required]
        r.optional = [fix_group(t, c["a"]) for t in r.optional]
        r.summary = fix_group(r.summary or "", c["a"])
    r.lede = cap(r.lede)
    r.required = [cap(t) for t in r.required]
    r.optional = [cap(t) for t in r.optional]
    r.titles = [cap(t) for t in r.titles]
    title = pick(r.titles) if r.titles else ""
    has_attr = r.level != "none"
    style = r.fixed_style
    if style is None:
        style = R.choices(["news", "wire_brief", "headline_summary", "feed_noise", "title_only", "blog"],
                          weights=[42, 22, 12, 14, 4 if not (has_attr or r.required) else 0, 6])[0]
    closer = fmt(pick(CLOSERS), c)
    if style in ("news", "blog", "advisory"):
        mid = list(r.optional)
        R.shuffle(mid)
        # place the label-bearing block anywhere, sometimes late in the story
        pos = R.randint(0, len(mid)) if R.random() < 0.7 else len(mid)
        paras = [r.lede] + mid[:pos] + r.required + mid[pos:]
        if closer and R.random() < 0.7:
            paras.append(closer)
        if style == "blog":
            paras.insert(0, pick(["Another week, another incident.", "Quick update on a story we have been following.",
                                  "Here is what we know so far.", "A short one today.",
                                  "Readers have been asking about this one, so here is a summary."]))
            if R.random() < 0.5:
                paras.append(fmt(pick(FEED_TAILS[:2]), dict(c, title=title)).strip())
        body = "\n\n".join(p_ for p_ in paras if p_)
        style_name = style if style != "news" else pick(["news", "news", "feature_short", "regional_news"])
    elif style in ("breach_notice", "press_release"):
        paras = [r.lede] + r.required + r.optional
        body = "\n\n".join(paras)
        style_name = style
    elif style == "wire_brief":
        extra = [pick(r.optional)] if r.optional and R.random() < 0.6 else []
        body = " ".join([r.lede] + r.required + extra)
        style_name = style
    elif style == "headline_summary":
        if has_attr:
            body = " ".join(r.required)
        else:
            body = " ".join([r.lede] + r.required)
        style_name = style
    elif style == "feed_noise":
        paras = [r.lede] + r.required
        if r.optional:
            paras.append(truncate(pick(r.optional)))
            body = " ".join(paras)
        else:
            body = truncate(" ".join(paras)) if not has_attr else " ".join(paras)
        tail = fmt(pick(FEED_TAILS), dict(c, title=title or "Breach update"))
        if not tail.startswith("\n") and body.endswith((".", "…", "]")) and tail.strip() in ("…", "...", "[...]", "[…]"):
            tail = ""
        body = body + tail
        style_name = style
    else:  # title only
        body = ""
        style_name = "feed_noise"
        if not title:
            title = cap(r.lede)
    return title, body, style_name


SCENARIOS = [
    # (builder, count)
    (lambda: sc_ransomware("none"), 95),
    (lambda: sc_ransomware("claimed"), 115),
    (lambda: sc_ransomware("suspected"), 60),
    (lambda: sc_ransomware("attributed"), 65),
    (sc_rw_advisory, 20),
    (lambda: sc_breach("none"), 60),
    (lambda: sc_breach("none", gov=True), 15),
    (lambda: sc_breach("claimed"), 55),
    (lambda: sc_breach("suspected"), 25),
    (lambda: sc_breach("attributed"), 25),
    (sc_insider, 22),
    (sc_bucket, 40),
    (sc_notice, 35),
    (sc_press, 25),
    (sc_lawfirm, 30),
    (lambda: sc_cyber_none(), 55),
    (lambda: sc_cyber_none(gov=True), 20),
    (lambda: sc_crypto("none"), 22),
    (lambda: sc_crypto("suspected"), 14),
    (lambda: sc_crypto("attributed"), 14),
    (lambda: sc_state("attributed"), 25),
    (lambda: sc_state("suspected"), 14),
    (sc_hacktivist_claim, 16),
    (lambda: sc_ddos("none"), 25),
    (lambda: sc_ddos("claimed"), 45),
    (lambda: sc_ddos("suspected"), 14),
    (lambda: sc_ddos("attributed"), 14),
    (sc_ddos_record, 25),
]

LABELS = {"espionage", "ransomware", "data_breach", "phishing", "malware", "vulnerability", "ddos",
          "supply_chain", "hacktivism", "cyberattack", "policy", "none"}


def build():
    recs = []
    for fn, count in SCENARIOS:
        made = 0
        while made < count:
            r, c = fn()
            title, body, style = render(r, c)
            text = title + "\n" + body
            # every named actor must appear in the text; otherwise drop (keeps labels honest)
            if any(a not in text for a in r.actors):
                continue
            if re.search(r"\{[a-z_0-9]+\}", text):
                raise ValueError("unfilled placeholder: " + text)
            recs.append(dict(title=title, body=body, threat_types=r.labels, primary=r.labels[0],
                             attribution=r.level, actors=r.actors, sources=r.sources, denied=r.denied,
                             style=style, origin="composed:" + SCRIPT))
            made += 1
    R.shuffle(recs)
    out = []
    for i, rec in enumerate(recs, 1):
        out.append(dict(id=f"rbc-{i:04d}", **rec))
    return out


def check(recs):
    ids = set()
    for r in recs:
        assert r["id"] not in ids
        ids.add(r["id"])
        assert set(r["threat_types"]) <= LABELS and r["primary"] == r["threat_types"][0]
        assert len(set(r["threat_types"])) == len(r["threat_types"])
        assert "none" not in r["threat_types"] or r["threat_types"] == ["none"]
        assert r["attribution"] in ("none", "claimed", "suspected", "attributed")
        assert (r["attribution"] == "none") == (not r["actors"]) == (not r["sources"])
        assert r["title"] or r["body"]
        assert not r["denied"] or r["actors"]


def main():
    recs = build()
    check(recs)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} records to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
