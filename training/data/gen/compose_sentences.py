#!/usr/bin/env python3
"""Compose sentence-level attribution training records.

Writes training/data/sentences/sentences_composed.jsonl: single sentences built
from hand-written pools of actors, states, agencies, vendors, victims, verbs,
hedges, channels and clauses. Every template fixes the label parts it uses
(level, source, kind, denial), so the labels follow from the parts chosen.

Deterministic: the same seed yields the same file.

    python training/data/gen/compose_sentences.py [--n 2000] [--seed 7] [--out PATH]
"""
import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "sentences", "sentences_composed.jsonl"))
SCRIPT = "compose_sentences.py"

# ---------------------------------------------------------------- states ----
# key: (country name, adjective, metonyms used as accuser/denier, agencies, deniers)
STATES = {
    "RU": dict(name="Russia", adj="Russian", meto=["Moscow", "the Kremlin"],
               agencies=["the GRU", "the SVR", "the FSB", "Russian military intelligence",
                         "Russia's Foreign Intelligence Service"],
               deniers=["The Kremlin", "Moscow", "Russia's foreign ministry", "Dmitry Peskov",
                        "The Russian embassy", "Maria Zakharova, the foreign ministry spokeswoman"]),
    "CN": dict(name="China", adj="Chinese", meto=["Beijing"],
               agencies=["the Ministry of State Security", "the People's Liberation Army",
                         "China's Ministry of Public Security"],
               deniers=["Beijing", "China's foreign ministry", "The Chinese embassy",
                        "A spokesperson for the Chinese embassy", "Lin Jian, a foreign ministry spokesman",
                        "Mao Ning, the foreign ministry spokeswoman"]),
    "KP": dict(name="North Korea", adj="North Korean", meto=["Pyongyang"],
               agencies=["the Reconnaissance General Bureau", "North Korea's military intelligence"],
               deniers=["Pyongyang", "North Korea's UN mission", "The state news agency KCNA"]),
    "IR": dict(name="Iran", adj="Iranian", meto=["Tehran"],
               agencies=["the Islamic Revolutionary Guard Corps", "Iran's Ministry of Intelligence and Security",
                         "the IRGC"],
               deniers=["Tehran", "Iran's foreign ministry", "Iran's mission to the United Nations"]),
    "BY": dict(name="Belarus", adj="Belarusian", meto=["Minsk"],
               agencies=["Belarusian military intelligence", "the Belarusian KGB"],
               deniers=["Minsk", "The Belarusian foreign ministry"]),
    "US": dict(name="the United States", adj="American", meto=["Washington"],
               agencies=["the NSA", "the CIA", "US intelligence"],
               deniers=["Washington", "The State Department", "A US embassy spokesperson"]),
    "UA": dict(name="Ukraine", adj="Ukrainian", meto=["Kyiv"],
               agencies=["Ukraine's military intelligence (HUR)", "the SBU"],
               deniers=["Kyiv", "Ukraine's foreign ministry"]),
    "IL": dict(name="Israel", adj="Israeli", meto=["Israel"],
               agencies=["Israeli intelligence", "Unit 8200"],
               deniers=["Israeli officials", "The Israeli prime minister's office"]),
    "TW": dict(name="Taiwan", adj="Taiwanese", meto=["Taipei"],
               agencies=["Taiwan's Information, Communications and Electronic Force Command"],
               deniers=["Taipei", "Taiwan's defence ministry"]),
}

# --------------------------------------------------------------- actors -----
# (surface form, state key or None, kind) -- many aliases on purpose
APT = [
    ("APT28", "RU"), ("Fancy Bear", "RU"), ("Forest Blizzard", "RU"), ("Sofacy", "RU"), ("Pawn Storm", "RU"),
    ("APT29", "RU"), ("Cozy Bear", "RU"), ("Midnight Blizzard", "RU"), ("Nobelium", "RU"),
    ("Sandworm", "RU"), ("Seashell Blizzard", "RU"), ("Voodoo Bear", "RU"), ("APT44", "RU"),
    ("Turla", "RU"), ("Secret Blizzard", "RU"), ("Venomous Bear", "RU"), ("Gamaredon", "RU"),
    ("Star Blizzard", "RU"), ("Cold River", "RU"), ("Cadet Blizzard", "RU"), ("Laundry Bear", "RU"),
    ("APT31", "CN"), ("Zirconium", "CN"), ("Judgment Panda", "CN"), ("Violet Typhoon", "CN"),
    ("APT40", "CN"), ("Leviathan", "CN"), ("Gingham Typhoon", "CN"), ("APT41", "CN"), ("Wicked Panda", "CN"),
    ("Brass Typhoon", "CN"), ("Volt Typhoon", "CN"), ("Vanguard Panda", "CN"), ("Bronze Silhouette", "CN"),
    ("Salt Typhoon", "CN"), ("Flax Typhoon", "CN"), ("Silk Typhoon", "CN"), ("Hafnium", "CN"),
    ("Mustang Panda", "CN"), ("APT10", "CN"), ("APT27", "CN"), ("Emissary Panda", "CN"),
    ("UNC3886", "CN"), ("Storm-0558", "CN"), ("MirrorFace", "CN"),
    ("Lazarus", "KP"), ("the Lazarus Group", "KP"), ("Hidden Cobra", "KP"), ("Diamond Sleet", "KP"),
    ("Kimsuky", "KP"), ("APT43", "KP"), ("Emerald Sleet", "KP"), ("Andariel", "KP"), ("Onyx Sleet", "KP"),
    ("APT37", "KP"), ("ScarCruft", "KP"), ("TraderTraitor", "KP"), ("Jade Sleet", "KP"),
    ("Charming Kitten", "IR"), ("APT35", "IR"), ("Mint Sandstorm", "IR"), ("APT42", "IR"),
    ("MuddyWater", "IR"), ("Mango Sandstorm", "IR"), ("APT33", "IR"), ("Peach Sandstorm", "IR"),
    ("APT34", "IR"), ("OilRig", "IR"), ("CyberAv3ngers", "IR"),
    ("Ghostwriter", "BY"), ("UNC1151", "BY"),
]
CRIME = ["LockBit", "ALPHV", "BlackCat", "Cl0p", "Clop", "Akira", "Black Basta", "Rhysida", "Medusa", "Play",
         "Qilin", "Agenda", "RansomHub", "BlackSuit", "Royal", "Hunters International", "INC Ransom",
         "DragonForce", "Scattered Spider", "Octo Tempest", "UNC3944", "ShinyHunters", "Lapsus$", "Conti",
         "REvil", "Sodinokibi", "Hive", "Vice Society", "8Base", "Cactus", "BianLian", "Everest",
         "Interlock", "Lynx", "SafePay", "Evil Corp", "FIN7", "Karakurt", "Snatch", "Trigona",
         "Money Message", "Dark Angels", "Embargo", "Fog", "Termite", "World Leaks", "Cuba"]
HACKTIVIST = ["Killnet", "NoName057(16)", "Anonymous Sudan", "Cyber Army of Russia Reborn", "Z-Pentest",
              "IT Army of Ukraine", "Handala", "Cyber Toufan", "GhostSec", "SiegedSec",
              "the Belarusian Cyber Partisans", "Kiberpartizany", "Predatory Sparrow", "Gonjeshke Darande",
              "Solntsepek", "Holy League", "Mr Hamza", "Dark Storm Team", "RipperSec", "Team Insane PK",
              "Mysterious Team Bangladesh", "Indian Cyber Force", "Silent Crow", "Blackjack",
              "Cyber Resistance", "SN_BlackMeta", "Arab Anonymous", "Server Killers", "Keymous+",
              "DieNet", "Mr. Hamza", "TwoNet"]
# names used by the actors themselves (vendor tracking names do not post claims)
NOT_SELF_NAMED = {"Evil Corp", "FIN7", "UNC3944", "Octo Tempest", "Sodinokibi", "Agenda", "Scattered Spider"}
CLAIMERS = [x for x in CRIME + HACKTIVIST if x not in NOT_SELF_NAMED]

# ------------------------------------------------------------ attributors ---
GOV = [
    ("the UK's National Cyber Security Centre", {"GB"}), ("the NCSC", {"GB"}), ("the British government", {"GB"}),
    ("the Foreign Office", {"GB"}), ("CISA", {"US"}), ("the FBI", {"US"}), ("the NSA", {"US"}),
    ("the U.S. State Department", {"US"}), ("the White House", {"US"}),
    ("Germany's Federal Office for the Protection of the Constitution", {"DE"}), ("the BfV", {"DE"}),
    ("the German foreign ministry", {"DE"}), ("the Dutch military intelligence service MIVD", {"NL"}),
    ("the AIVD", {"NL"}), ("France's ANSSI", {"FR"}), ("the French foreign ministry", {"FR"}),
    ("Poland's Internal Security Agency", {"PL"}), ("Poland's digital affairs minister", {"PL"}),
    ("the Czech National Cyber and Information Security Agency", {"CZ"}), ("the Czech foreign ministry", {"CZ"}),
    ("Japan's National Police Agency", {"JP"}), ("the Australian Signals Directorate", {"AU"}),
    ("Canada's Communications Security Establishment", {"CA"}), ("Estonia's foreign ministry", {"EE"}),
    ("the European Union's foreign policy chief", {"EU"}), ("the Council of the EU", {"EU"}),
    ("South Korea's National Intelligence Service", {"KR"}), ("CERT-UA", {"UA"}), ("Ukraine's SBU", {"UA"}),
    ("Finland's Security and Intelligence Service", {"FI"}), ("Lithuania's National Cyber Security Centre", {"LT"}),
    ("Denmark's Centre for Cyber Security", {"DK"}), ("the Norwegian police security service PST", {"NO"}),
    ("Sweden's Säpo", {"SE"}), ("New Zealand's GCSB", {"NZ"}), ("Italy's National Cybersecurity Agency", {"IT"}),
    ("Spain's National Intelligence Centre", {"ES"}), ("Belgium's Centre for Cybersecurity", {"BE"}),
    ("Switzerland's Federal Intelligence Service", {"CH"}), ("Taiwan's National Security Bureau", {"TW"}),
    ("the Philippine Department of Information and Communications Technology", {"PH"}),
]
LEGAL_BODIES = ["the Justice Department", "federal prosecutors in Pittsburgh", "prosecutors in the Southern District of New York",
                "a grand jury in Washington", "the U.S. Treasury", "OFAC", "the UK's Foreign Office",
                "the European Council", "German federal prosecutors", "the Dutch Public Prosecution Service",
                "Australia's foreign minister", "a court in Kyiv", "Polish prosecutors", "the National Crime Agency",
                "French investigating magistrates", "Spanish police", "the Paris prosecutor's office"]
VENDORS = ["Mandiant", "Microsoft Threat Intelligence", "CrowdStrike", "ESET", "Kaspersky", "Recorded Future",
           "Proofpoint", "Check Point Research", "Trend Micro", "Sekoia", "Secureworks", "Symantec",
           "Palo Alto Networks' Unit 42", "Cisco Talos", "WithSecure", "Group-IB", "Google's Threat Intelligence Group",
           "SentinelOne", "Dragos", "Volexity", "Bitdefender", "Sophos", "Elliptic", "Chainalysis", "TRM Labs",
           "Positive Technologies", "AhnLab", "Genians", "Citizen Lab", "Amnesty's Security Lab", "Lookout",
           "Rapid7", "Huntress", "Arctic Wolf", "Orange Cyberdefense", "Hunt & Hackett", "Fox-IT",
           "researchers at a Tel Aviv security firm", "a Prague-based security company", "analysts at a Seoul security firm"]
MEDIA = ["people familiar with the investigation", "two officials speaking on condition of anonymity",
         "a person briefed on the matter", "three sources close to the inquiry", "unnamed security officials",
         "a senior official who asked not to be named", "sources cited by the newspaper",
         "diplomats who spoke on background", "officials quoted by the broadcaster",
         "an intelligence source", "former officials familiar with the case"]
MEDIA_OUTLETS = ["Reuters", "The Washington Post", "Bloomberg", "Der Spiegel", "Le Monde", "the Financial Times",
                 "Yle", "Politico", "The Record", "NHK", "Yonhap", "Gazeta Wyborcza", "NRC", "Dagens Nyheter",
                 "De Standaard", "La Repubblica"]

# --------------------------------------------------------------- victims ----
# (text, country) -- invented or generic organisations; states appear as victims too
VICTIMS = [
    ("a regional hospital in Bavaria", "DE"), ("Germany's federal geodata agency", "DE"), ("a Munich law firm", "DE"),
    ("the Bundestag's mail server", "DE"), ("a German arms supplier", "DE"), ("a Hamburg shipping line", "DE"),
    ("Norway's parliament", "NO"), ("a Norwegian municipality", "NO"), ("a Norwegian hydropower dam", "NO"),
    ("Poland's foreign ministry", "PL"), ("a Polish defence contractor", "PL"), ("a Polish water utility", "PL"),
    ("the Polish news agency's wire", "PL"), ("the Slovak land registry", "SK"), ("a Slovak gas distributor", "SK"),
    ("the Czech foreign ministry", "CZ"), ("a Czech railway operator", "CZ"), ("a Brno university", "CZ"),
    ("the Dutch police", "NL"), ("a Dutch semiconductor supplier", "NL"), ("a Rotterdam port operator", "NL"),
    ("Belgium's parliament", "BE"), ("a Belgian defence ministry contractor", "BE"),
    ("France's health ministry", "FR"), ("a French satellite maker", "FR"), ("a Lyon hospital", "FR"),
    ("Italy's tax agency", "IT"), ("an Italian shipping company", "IT"), ("a Milan fashion house", "IT"),
    ("a Spanish energy utility", "ES"), ("the Catalan regional government", "ES"),
    ("a Texas water utility", "US"), ("the US Treasury", "US"), ("a Pennsylvania water authority", "US"),
    ("a Californian school district", "US"), ("a US defence contractor", "US"), ("an American telecom carrier", "US"),
    ("a Washington think tank", "US"), ("a Florida county government", "US"), ("a US presidential campaign", "US"),
    ("the UK Electoral Commission", "GB"), ("the UK parliament's email system", "GB"), ("a London council", "GB"),
    ("a British retailer", "GB"), ("an NHS pathology provider", "GB"), ("a Scottish university", "GB"),
    ("Japan's space agency", "JP"), ("a Japanese defence contractor", "JP"), ("a Tokyo crypto exchange", "JP"),
    ("Australia's parliament", "AU"), ("an Australian telecom", "AU"), ("a Melbourne port", "AU"),
    ("Canada's National Research Council", "CA"), ("a Canadian pipeline operator", "CA"),
    ("Estonian government websites", "EE"), ("Lithuanian state portals", "LT"), ("Latvia's parliament", "LV"),
    ("Finland's parliament", "FI"), ("a Finnish psychotherapy provider", "FI"), ("Danish energy companies", "DK"),
    ("a Swedish church network", "SE"), ("Swiss federal websites", "CH"), ("a Zurich bank", "CH"),
    ("Ukraine's largest mobile operator", "UA"), ("Ukrainian regional power distributors", "UA"),
    ("Ukraine's defence ministry", "UA"), ("a Kyiv heating utility", "UA"),
    ("South Korean defence firms", "KR"), ("a Seoul crypto exchange", "KR"), ("South Korea's nuclear operator", "KR"),
    ("Taiwan's presidential office", "TW"), ("a Taiwanese chipmaker", "TW"), ("Taiwanese media outlets", "TW"),
    ("the Philippine coast guard", "PH"), ("Singapore's critical infrastructure", "SG"),
    ("India's power grid", "IN"), ("an Indian airline", "IN"), ("Israeli water systems", "IL"),
    ("an Israeli hospital", "IL"), ("Albania's government network", "AL"), ("Montenegro's state servers", "ME"),
    ("Moldova's election commission", "MD"), ("Georgia's central election commission", "GE"),
    ("China's foreign ministry", "CN"), ("Northwestern Polytechnical University", "CN"),
    ("a Chinese aerospace institute", "CN"), ("China's National Time Service Center", "CN"),
    ("Russia's central bank", "RU"), ("Russian Railways' ticketing system", "RU"), ("a Russian state insurer", "RU"),
    ("Aeroflot", "RU"), ("Iran's fuel distribution network", "IR"), ("an Iranian steel plant", "IR"),
    ("Iran's state broadcaster", "IR"), ("Belarus's state railway", "BY"), ("the Belarusian passport office", "BY"),
    ("a Dubai crypto exchange", "AE"), ("a Brazilian payment processor", "BR"),
    ("Costa Rica's finance ministry", "CR"), ("a Kenyan e-government portal", "KE"),
    ("a NATO information-sharing portal", "NATO"), ("the OPCW", "NL"), ("the European Commission's network", "EU"),
]
# activity phrases by who typically does them; a trailing "*" marks a plural subject
ACTIVITIES = {
    "apt": ["the intrusion into {v}", "the breach of {v}", "the spear-phishing campaign against {v}*",
            "the hack of {v}", "the compromise of {v}", "months of espionage against {v}*",
            "the theft of diplomatic emails from {v}", "the hack-and-leak operation targeting {v}",
            "last year's break-in at {v}", "the wiper attack at {v}", "the sabotage of {v}",
            "the password-spraying campaign against {v}", "the theft of research data from {v}",
            "the implant found on servers at {v}", "the long-running intrusion at {v}",
            "the cyber attack that crippled {v}", "the disruption at {v}"],
    "crime": ["the ransomware attack on {v}", "the attack on {v}", "the theft of data from {v}",
              "the breach of {v}", "the extortion attempt against {v}", "the encryption of servers at {v}",
              "the cyber attack that crippled {v}", "the data theft at {v}", "the outage at {v}",
              "the intrusion at {v}", "the attack that shut down systems at {v}"],
    "hack": ["the DDoS attacks on {v}*", "the defacement of the website of {v}", "the outage at {v}",
             "the disruption at {v}", "the attack on {v}", "the leak of documents from {v}",
             "the hack of {v}", "the wave of junk traffic aimed at {v}", "the data dump from {v}"],
}
WHEN = ["last week", "on Tuesday", "on Friday", "in March", "earlier this year", "in 2023", "last autumn",
        "over the weekend", "in January", "two years ago", "this spring", "in late 2024", "on Monday", "in June"]

# ---------------------------------------------------------------- verbs -----
ATTR_VERBS = ["attributed {a} to {x}", "blamed {x} for {a}", "said {x} was responsible for {a}",
              "named {x} as the perpetrator of {a}", "formally attributed {a} to {x}",
              "said {x} carried out {a}", "publicly blamed {x} for {a}", "pinned {a} on {x}",
              "identified {x} as the group behind {a}", "concluded that {x} was behind {a}"]
FIRM_ADV = ["", "", "", "with high confidence ", "conclusively ", "unequivocally ", "definitively "]
HIGH_VENDOR = ["assessed with high confidence that {x} conducted {a}", "attributed {a} to {x} with high confidence",
               "said it was highly confident that {x} was behind {a}",
               "said it had high confidence that {x} carried out {a}",
               "tied {a} to {x} with high confidence, citing shared infrastructure and code"]
HEDGED_VENDOR = ["said {a} was likely the work of {x}", "linked {a} to {x} with moderate confidence",
                 "said {a} bears the hallmarks of {x}", "believes {x} is probably behind {a}",
                 "tentatively attributed {a} to {x}", "said the tooling used in {a} overlaps with {x}",
                 "said {a} is consistent with past operations by {x}",
                 "suspects {x} of {a}", "said {a} may have been carried out by {x}",
                 "assessed with medium confidence that {x} was responsible for {a}",
                 "said the lures used in {a} closely resemble those of {x}",
                 "said {x} is the most likely culprit in {a}"]
HEDGED_PASSIVE = ["{A} is believed to be the work of {x}", "{A} has been linked to {x}",
                  "{A} is suspected to have been carried out by {x}", "{A} was likely orchestrated by {x}",
                  "{A} appears to have been the work of {x}", "{A} has been loosely tied to {x}"]
LEGAL_VERBS = ["charged {n} alleged members of {x} over {a}", "indicted {n} people it says belong to {x} for {a}",
               "sanctioned {n} individuals tied to {x} for their role in {a}",
               "unsealed charges accusing {x} of {a}", "imposed sanctions on {x} over {a}",
               "announced an indictment naming {x} as responsible for {a}"]
NUMS = ["two", "three", "four", "five", "six", "seven", "eleven"]
CLAIM_CHANNELS = ["on its leak site", "on its Telegram channel", "in a post on X", "on its dark web blog",
                  "on a cybercrime forum", "in a message to journalists", "on its extortion portal",
                  "in a Telegram post written in Russian and English", "in a video posted online",
                  "on BreachForums", "in a statement sent over Tox", "on its data-leak site"]
CLAIM_VERBS = ["claimed responsibility for {a} {ch}", "took credit for {a} {ch}", "said {ch} that it was behind {a}",
               "boasted {ch} of {a}", "listed {v} {ch}", "added {v} to its victim list {ch}",
               "posted samples it said were stolen from {v} {ch}", "threatened {ch} to leak files taken from {v}",
               "said {ch} that it had encrypted systems at {v}", "announced {ch} that it had taken {v} offline"]
DENIAL_VERBS = ["rejected the accusation", "denied any involvement", "dismissed the claims as baseless",
                "called the report a smear", "said it had nothing to do with the attack",
                "denied the allegations and demanded evidence", "called the accusations groundless",
                "described the attribution as politically motivated and false", "firmly denied the charges",
                "said the claims were fabricated", "rejected the findings as \"absurd\"",
                "denied that its agencies were responsible"]
GENERIC_ATTACKERS = ["hackers", "unknown attackers", "a threat actor", "cybercriminals", "an unidentified group",
                     "intruders", "attackers", "a hacker", "ransomware operators", "an unknown adversary",
                     "criminals", "a financially motivated actor", "a previously unseen group",
                     "a state-sponsored actor the researchers would not name"]
GENERIC_VERBS = ["targeted {v} with malicious emails", "broke into {v}", "disrupted {v}",
                 "stole data from {v}", "encrypted servers at {v}", "knocked {v} offline",
                 "defaced the website of {v}", "gained access to {v} through a stolen password",
                 "planted malware on computers at {v}", "hit {v} with a flood of junk traffic"]
NEGATIONS = ["Investigators have not attributed {a} to any group.", "No one has claimed responsibility for {a}.",
             "Officials said it was too early to say who was behind {a}.",
             "{G} declined to name a suspect in {a}.", "It remains unclear who carried out {a}.",
             "{G} said it had found no evidence linking {a} to a foreign state.",
             "Attribution for {a} is still pending, {G} said.",
             "Police said they had not yet identified those responsible for {a}.",
             "The investigation into {a} has not pointed to any particular actor, {G} said.",
             "{G} stressed that {a} had not been linked to any known group."]


def cap(s):
    return s[:1].upper() + s[1:] if s else s


class Composer:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.seen = set()
        self.out = []

    def pick(self, seq):
        return self.r.choice(seq)

    def victim(self, avoid=None):
        while True:
            v, c = self.pick(VICTIMS)
            if avoid is None or c != avoid:
                return v, c

    def activity(self, v, cat="apt"):
        """Return an activity phrase; self.plural tells whether it takes a plural verb."""
        t = self.pick(ACTIVITIES[cat])
        self.plural = t.endswith("*")
        return t.rstrip("*").format(v=v)

    def activity_sg(self, v, cat="apt"):
        """Like activity() but always a singular subject."""
        while True:
            a = self.activity(v, cat)
            if not self.plural:
                return a

    def be(self):
        return "were" if self.plural else "was"

    @staticmethod
    def cat_of(x):
        if x in CRIME:
            return "crime"
        if x in HACKTIVIST:
            return "hack"
        return "apt"

    def apt(self):
        name, st = self.pick(APT)
        return name, st

    def add(self, text, level, actors, victims, source, kind, template, denial=False):
        text = " ".join(text.split())
        if not text.endswith((".", "\"", "?")):
            text += "."
        text = cap(text)
        if text in self.seen:
            return False
        self.seen.add(text)
        self.out.append({"text": text, "level": level, "denial": denial, "actors": actors,
                         "victims": victims, "source": source, "kind": kind,
                         "origin": f"composed:{SCRIPT}#{template}"})
        return True

    # ------------------------------------------------------ attributed ----
    def t_gov_formal(self):
        x, st = self.apt()
        g, gc = self.pick(GOV)
        v, _ = self.victim(avoid=st)
        a = self.activity(v)
        verb = self.pick(ATTR_VERBS)
        adv = self.pick(FIRM_ADV)
        if "formally" in verb or verb.startswith("said") or verb.startswith("concluded") or "identified" in verb:
            adv = ""
        form = self.r.randint(0, 3)
        if form == 0:
            s = f"{g} {adv}{verb.format(a=a, x=x)} {self.pick(WHEN)}"
        elif form == 1:
            s = f"{cap(self.pick(WHEN))}, {g} {adv}{verb.format(a=a, x=x)}"
        elif form == 2:
            s = f"In a statement, {g} {verb.format(a=a, x=x)}, describing the group as an arm of the {STATES[st]['adj']} state"
        else:
            s = f"{g} {verb.format(a=a, x=x)}, the first time it has publicly named the group"
        return self.add(s, "attributed", [x], [v], "government", "formal", "gov_formal")

    def t_gov_state(self):
        st = self.pick(["RU", "CN", "KP", "IR", "BY"])
        S = STATES[st]
        g, _ = self.pick(GOV)
        v, _ = self.victim(avoid=st)
        a = self.activity(v)
        who = self.pick([f"{S['adj']} state-backed hackers", f"{S['adj']} state-sponsored actors",
                         S["name"], self.pick(S["agencies"]), f"hackers working for {self.pick(S['agencies'])}"])
        actors = [S["name"]] if who == S["name"] else [who]
        form = self.r.randint(0, 2)
        if form == 0:
            s = f"{g} said {who} {self.pick(['were', 'was'])} responsible for {a}"
            s = s.replace(" were responsible", " was responsible") if who == S["name"] or who.startswith("the ") else s
        elif form == 1:
            s = f"{a} {self.be()} carried out by {who}, {g} announced"
        else:
            s = f"According to {g}, {who} {self.pick(['conducted', 'ran', 'carried out'])} {a}"
        return self.add(s, "attributed", actors, [v], "government", "formal", "gov_state")

    def t_gov_quote(self):
        st = self.pick(["RU", "CN", "KP", "IR"])
        S = STATES[st]
        g, _ = self.pick(GOV)
        v, _ = self.victim(avoid=st)
        who = self.pick(S["agencies"] + [S["name"]])
        q = self.pick([f"\"We can say clearly that {who} was behind this,\" a spokesperson for {g} said",
                       f"\"The evidence leaves no doubt: {who} attacked {v},\" an official from {g} told reporters",
                       f"\"This attack was conducted by {who},\" {g} said in a written statement"])
        return self.add(q, "attributed", [who if who != S["name"] else S["name"]], [v], "government", "formal", "gov_quote")

    def t_joint(self):
        x, st = self.apt()
        gs = self.r.sample([g for g, _ in GOV], 3)
        v, _ = self.victim(avoid=st)
        s = self.pick([f"{cap(gs[0])}, {gs[1]} and {gs[2]} jointly attributed {self.activity(v)} to {x}",
                       f"A joint advisory from {gs[0]} and {gs[1]} named {x} as the actor behind {self.activity(v)}",
                       f"{x} was named in a joint advisory by {gs[0]} and partner agencies as responsible for {self.activity(v)}"])
        return self.add(s, "attributed", [x], [v], "government", "formal", "joint")

    def t_legal(self):
        if self.r.random() < 0.6:
            x, st = self.apt()
        else:
            x, st = self.pick(CRIME), None
        body = self.pick(LEGAL_BODIES)
        v, _ = self.victim(avoid=st)
        a = self.activity(v, self.cat_of(x))
        form = self.r.randint(0, 2)
        if form == 0:
            s = f"{body} {self.pick(LEGAL_VERBS).format(n=self.pick(NUMS), x=x, a=a)}"
        elif form == 1:
            s = f"{cap(self.pick(NUMS))} alleged members of {x} were charged {self.pick(WHEN)} over {a}"
        else:
            nat = STATES[st]["adj"] if st else self.pick(["Russian", "Ukrainian", "British", "Moldovan", "Latvian", "Kazakh", "Canadian"])
            s = f"{'An' if nat[0] in 'AEIOU' else 'A'} {nat} national accused of working for {x} was {self.pick(['sentenced to nine years', 'convicted', 'extradited to the United States', 'arrested in Spain and charged'])} in connection with {a}"
        return self.add(s, "attributed", [x], [v], "legal", "legal", "legal")

    def t_vendor_high(self):
        x, st = self.apt() if self.r.random() < 0.7 else (self.pick(CRIME), None)
        vend = self.pick(VENDORS)
        v, _ = self.victim(avoid=st)
        a = self.activity(v, self.cat_of(x))
        s = f"{vend} {self.pick(HIGH_VENDOR).format(x=x, a=a)}"
        return self.add(s, "attributed", [x], [v], "vendor", "vendor_high", "vendor_high")

    def t_victim_confirms(self):
        x = self.pick(CRIME + [n for n, _ in APT[:20]])
        v, _ = self.victim()
        s = self.pick([f"{v} confirmed in a filing that {x} was behind the attack",
                       f"In a letter to customers, {v} said the intrusion had been carried out by {x}",
                       f"Officials at {v} acknowledged that {x} had stolen internal files",
                       f"{v} told staff that investigators had confirmed {x} was responsible",
                       f"A spokesperson for {v} confirmed that the attackers were affiliated with {x}"])
        return self.add(s, "attributed", [x], [v], "victim", "victim_confirms", "victim_confirms")

    def t_accuse_other(self):
        pairs = [("CN", "US"), ("RU", "UA"), ("RU", "US"), ("IR", "IL"), ("IR", "US"), ("CN", "TW"),
                 ("KP", "US"), ("BY", "UA")]
        acc, tgt = self.pick(pairs)
        A, T = STATES[acc], STATES[tgt]
        v = self.pick([x for x, c in VICTIMS if c == acc] or [f"{A['adj']} government networks"])
        who = self.pick(T["agencies"] + [T["name"]])
        accuser = self.pick(A["meto"] + A["deniers"][1:2])
        s = self.pick([f"{accuser} accused {who} of hacking {v}",
                       f"{accuser} publicly blamed {who} for {self.activity(v)}",
                       f"State media quoted officials in {A['meto'][0]} as saying {who} had broken into {v}",
                       f"{A['adj']} authorities said {who} was behind {self.activity(v)} and issued arrest warrants"])
        return self.add(s, "attributed", [who], [v], "government", "accusation_of_other_state", "accuse_other")

    def t_attr_denied(self):
        x, st = self.apt()
        g, _ = self.pick(GOV)
        v, _ = self.victim(avoid=st)
        d = self.pick(STATES[st]["deniers"])
        s = self.pick([f"{g} attributed {self.activity(v)} to {x}, an accusation {d} {self.pick(['swiftly rejected', 'denied', 'called slander'])}",
                       f"{d}{',' if ', ' in d else ''} denied involvement after {g} blamed {x} for {self.activity(v)}"])
        return self.add(s, "attributed", [x], [v], "government", "formal", "attr_denied", denial=True)

    # ------------------------------------------------------- suspected ----
    def t_vendor_hedged(self):
        x, st = self.apt() if self.r.random() < 0.7 else (self.pick(CRIME), None)
        vend = self.pick(VENDORS)
        v, _ = self.victim(avoid=st)
        a = self.activity_sg(v, self.cat_of(x))
        form = self.r.randint(0, 2)
        if form == 0:
            s = f"{vend} {self.pick(HEDGED_VENDOR).format(x=x, a=a)}"
        elif form == 1:
            s = f"{cap(self.pick(HEDGED_PASSIVE).format(A=cap(a), x=x))}, according to {vend}"
        else:
            s = f"{cap(a)} {self.pick(['bears the hallmarks of', 'looks like the work of', 'resembles earlier operations by', 'shares code with tools used by'])} {x}, {vend} said, though it stopped short of a firm attribution"
        return self.add(s, "suspected", [x], [v], "vendor", "vendor_hedged", "vendor_hedged")

    def t_suspected_state(self):
        st = self.pick(["RU", "CN", "KP", "IR", "BY"])
        S = STATES[st]
        v, _ = self.victim(avoid=st)
        a = self.activity(v)
        who = self.pick([f"suspected {S['adj']} hackers", f"{S['adj']} state-linked hackers, researchers believe,",
                         f"a group thought to be working for {self.pick(S['agencies'])}"])
        actor = who.replace(", researchers believe,", "")
        verbs = ["is likely behind", "was probably behind", "may have carried out"] if who.startswith("a group") \
            else ["are behind", "were likely behind", "may have carried out"]
        s = self.pick([f"{who} {self.pick(verbs)} {a}",
                       f"{cap(a)} {self.be()} probably carried out by {actor}, {self.pick(VENDORS)} said"])
        s = s.replace("suspected", "Suspected", 1) if s.startswith("suspected") else s
        return self.add(s, "suspected", [actor], [v], "vendor", "vendor_hedged", "suspected_state")

    def t_media_anon(self):
        if self.r.random() < 0.5:
            x, st = self.apt()
        else:
            st = self.pick(["RU", "CN", "KP", "IR"])
            x = self.pick([STATES[st]["name"], f"{STATES[st]['adj']} intelligence", self.pick(STATES[st]["agencies"])])
        v, _ = self.victim(avoid=st)
        a = self.activity(v)
        src = self.pick(MEDIA)
        outlet = self.pick(MEDIA_OUTLETS)
        form = self.r.randint(0, 2)
        if form == 0:
            s = f"{cap(src)} said {x} was suspected of {a}"
        elif form == 1:
            s = f"{outlet} reported, citing {src}, that {x} was believed to be behind {a}"
        else:
            s = f"{x} is the prime suspect in {a}, according to {src}"
        return self.add(s, "suspected", [x], [v], "media", "media_anonymous", "media_anon")

    def t_gov_hedged(self):
        st = self.pick(["RU", "CN", "KP", "IR", "BY"])
        S = STATES[st]
        g, _ = self.pick(GOV)
        v, _ = self.victim(avoid=st)
        who = self.pick([S["name"], f"{S['adj']} actors", f"{S['adj']} services"])
        s = self.pick([f"{g} said the attack on {v} was \"probably\" the work of {who}, but cautioned that the investigation was not complete",
                       f"A minister said it \"cannot be ruled out\" that {who} attacked {v}, adding that formal attribution would come later",
                       f"{g} said it suspected {who} of the attack on {v} but had not reached a conclusion"])
        return self.add(s, "suspected", [who], [v], "government", "government_hedged", "gov_hedged")

    def t_suspected_denied(self):
        x, st = self.apt()
        v, _ = self.victim(avoid=st)
        d = self.pick(STATES[st]["deniers"])
        s = f"{self.pick(VENDORS)} linked {self.activity(v)} to {x} with moderate confidence, while {d}{',' if ', ' in d else ''} {self.pick(DENIAL_VERBS)}"
        return self.add(s, "suspected", [x], [v], "vendor", "vendor_hedged", "suspected_denied", denial=True)

    # --------------------------------------------------------- claimed ----
    def t_claim(self):
        x = self.pick(CLAIMERS)
        v, _ = self.victim()
        a = self.activity(v, self.cat_of(x))
        ch = self.pick(CLAIM_CHANNELS)
        verb = self.pick(CLAIM_VERBS).format(a=a, ch=ch, v=v)
        form = self.r.randint(0, 3)
        if form == 0:
            s = f"{x} {verb}"
        elif form == 1:
            s = f"{cap(self.pick(WHEN))}, {x} {verb}"
        elif form == 2:
            s = f"{x} {verb}, though {self.pick(['the organisation has not confirmed the claim', 'the victim has yet to comment', 'the claim could not be independently verified', 'officials have not commented'])}"
        else:
            s = f"Responsibility for {a} was claimed by {x} {ch}"
        return self.add(s, "claimed", [x], [v], "self", "claim", "claim")

    def t_claim_quote(self):
        x = self.pick(CLAIMERS)
        v, _ = self.victim()
        q = self.pick([f"\"We are behind the attack on {v},\" {x} wrote {self.pick(CLAIM_CHANNELS)}",
                       f"\"{cap(v)} ignored us, so now everyone will see their files,\" read a post by {x}",
                       f"A post signed by {x} said the group had \"punished\" {v}"])
        return self.add(q, "claimed", [x], [v], "self", "claim", "claim_quote")

    # ------------------------------------------------------------ none ----
    def t_denial(self):
        st = self.pick(list(STATES))
        S = STATES[st]
        d = self.pick(S["deniers"])
        form = self.r.randint(0, 2)
        if form == 0:
            s = f"{d}{',' if ', ' in d else ''} {self.pick(DENIAL_VERBS)}"
        elif form == 1:
            s = f"{cap(self.pick(WHEN))}, {d}{',' if ', ' in d else ''} {self.pick(DENIAL_VERBS)}"
        else:
            s = f"Asked about the report, {d}{',' if ', ' in d else ''} {self.pick(DENIAL_VERBS)}"
        return self.add(s, "none", [], [], None, "denial", "denial", denial=True)

    def t_group_denial(self):
        x = self.pick(CLAIMERS)
        v, _ = self.victim()
        s = self.pick([f"{x} denied being behind the attack on {v}, saying someone was using its name",
                       f"In a post, {x} insisted it had not targeted {v}",
                       f"A person speaking for {x} said the group had nothing to do with {self.activity(v, self.cat_of(x))}"])
        return self.add(s, "none", [], [v], None, "denial", "group_denial", denial=True)

    def t_generic(self):
        v, _ = self.victim()
        who = self.pick(GENERIC_ATTACKERS)
        s = f"{who} {self.pick(GENERIC_VERBS).format(v=v)} {self.pick(WHEN)}"
        return self.add(s, "none", [], [v], None, "generic_hackers", "generic")

    def t_victim_state(self):
        st = self.pick(["RU", "CN", "KP", "IR", "BY", "US", "IL"])
        v = self.pick([x for x, c in VICTIMS if c == st] or [f"{STATES[st]['adj']} government websites"])
        s = self.pick([f"{cap(v)} was hit by a cyber attack {self.pick(WHEN)}, according to a statement that did not name the attackers",
                       f"{self.pick(GENERIC_ATTACKERS)} {self.pick(GENERIC_VERBS).format(v=v)}",
                       f"{STATES[st]['adj']} officials said {v} had been targeted but gave no details about who was responsible"])
        return self.add(s, "none", [], [v], None, "victim_only", "victim_state")

    def t_negation(self):
        v, _ = self.victim()
        a = self.activity(v)
        g = self.pick([g for g, _ in GOV] + VENDORS)
        s = self.pick(NEGATIONS).format(a=a, G=cap(g) if True else g)
        s = s.replace(f", {cap(g)} said", f", {g} said").replace(f"{cap(g)} declined", f"{cap(g)} declined")
        return self.add(s, "none", [], [v], None, "negation", "negation")

    def t_context(self):
        x = self.pick([n for n, _ in APT] + CRIME)
        s = self.pick([f"Unlike {x}, the group behind this campaign does not publish its victims",
                       f"The technique is similar to one {x} has used, but researchers found no connection",
                       f"Defenders familiar with {x} may recognise the lure, although the new activity appears unrelated",
                       f"The report compares the malware's design with tools used by {x}, without suggesting a link",
                       f"Tracking names such as {x} are assigned by vendors and often overlap",
                       f"{x} has been active for years and is among the most studied groups in the field"])
        return self.add(s, "none", [], [], None, "context_mention", "context")

    def t_impact(self):
        v, _ = self.victim()
        s, kind = self.pick([
            (f"Services at {v} were restored after {self.pick(['three days', 'a week', 'nearly a month', '48 hours'])}", "remediation"),
            (f"{v} said it had reset passwords and hired an outside incident response firm", "remediation"),
            (f"Staff at {v} switched to paper records while systems were rebuilt", "impact"),
            (f"The incident at {v} exposed names, email addresses and phone numbers of about {self.r.randint(2, 900)},000 people", "impact"),
            (f"{v} said the attack had not affected its core operations", "impact"),
            (f"Officials at {v} urged users to change their passwords and watch for suspicious emails", "remediation")])
        return self.add(s, "none", [], [v], None, kind, "impact")

    # -----------------------------------------------------------------------
    PLAN = [  # (method, weight): roughly a quarter per level, none split between denials and the rest
        ("t_gov_formal", 8), ("t_gov_state", 4), ("t_gov_quote", 2), ("t_joint", 3), ("t_legal", 6),
        ("t_vendor_high", 4), ("t_victim_confirms", 3), ("t_accuse_other", 3), ("t_attr_denied", 2),
        ("t_vendor_hedged", 14), ("t_suspected_state", 5), ("t_media_anon", 8), ("t_gov_hedged", 4),
        ("t_suspected_denied", 2),
        ("t_claim", 24), ("t_claim_quote", 4),
        ("t_denial", 8), ("t_group_denial", 3), ("t_generic", 7), ("t_victim_state", 6), ("t_negation", 6),
        ("t_context", 4), ("t_impact", 4),
    ]

    def run(self, n):
        methods = [m for m, _ in self.PLAN]
        weights = [w for _, w in self.PLAN]
        tries = 0
        while len(self.out) < n and tries < n * 50:
            tries += 1
            getattr(self, self.r.choices(methods, weights)[0])()
        for i, rec in enumerate(self.out, 1):
            rec["id"] = f"snc-{i:04d}"
        return [{k: rec[k] for k in ("id", "text", "level", "denial", "actors", "victims", "source", "kind", "origin")}
                for rec in self.out]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    recs = Composer(args.seed).run(args.n)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {}
    for r in recs:
        counts[r["level"]] = counts.get(r["level"], 0) + 1
    print(f"wrote {len(recs)} records to {args.out}: {counts}, denial={sum(r['denial'] for r in recs)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
