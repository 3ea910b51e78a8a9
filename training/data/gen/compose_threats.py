#!/usr/bin/env python3
"""Compose training articles about phishing, malware, vulnerabilities and
supply-chain compromises from hand-written fragment pools.

Every record's labels follow from the fragments chosen for it: the scenario
fixes the threat types, the attribution fragment fixes the attribution level,
actors and sources, and an optional denial fragment sets `denied`.

Output: training/data/articles/threats_composed.jsonl (ids "thc-NNNN").
Usage:  python compose_threats.py [--n 900] [--seed 7177]
"""
import argparse
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "articles", "threats_composed.jsonl")
SCRIPT = "compose_threats.py"

# ---------------------------------------------------------------------------
# Actors.  Each state-linked group carries the country and (where public) the
# agency it is tied to.  Text mentions decide which names go into `actors`.
# ---------------------------------------------------------------------------
STATE_GROUPS = [
    # name, aliases used in text, country, adjective, agency (or None)
    ("Lazarus Group", ["Lazarus", "Lazarus Group", "Hidden Cobra"], "North Korea", "North Korean", "Reconnaissance General Bureau"),
    ("Kimsuky", ["Kimsuky", "APT43", "Velvet Chollima"], "North Korea", "North Korean", "Reconnaissance General Bureau"),
    ("Andariel", ["Andariel", "Onyx Sleet"], "North Korea", "North Korean", "Reconnaissance General Bureau"),
    ("APT29", ["APT29", "Cozy Bear", "Midnight Blizzard"], "Russia", "Russian", "SVR"),
    ("APT28", ["APT28", "Fancy Bear", "Forest Blizzard"], "Russia", "Russian", "GRU"),
    ("Sandworm", ["Sandworm", "Seashell Blizzard", "APT44"], "Russia", "Russian", "GRU"),
    ("Turla", ["Turla", "Secret Blizzard", "Venomous Bear"], "Russia", "Russian", "FSB"),
    ("Gamaredon", ["Gamaredon", "Primitive Bear", "Aqua Blizzard"], "Russia", "Russian", "FSB"),
    ("APT31", ["APT31", "Zirconium", "Violet Typhoon"], "China", "Chinese", "Ministry of State Security"),
    ("APT41", ["APT41", "Wicked Panda", "Brass Typhoon"], "China", "Chinese", None),
    ("Volt Typhoon", ["Volt Typhoon", "Bronze Silhouette"], "China", "Chinese", None),
    ("Mustang Panda", ["Mustang Panda", "Earth Preta", "RedDelta"], "China", "Chinese", None),
    ("APT40", ["APT40", "Leviathan", "Gingham Typhoon"], "China", "Chinese", "Ministry of State Security"),
    ("UNC5221", ["UNC5221"], "China", "Chinese", None),
    ("Salt Typhoon", ["Salt Typhoon", "GhostEmperor"], "China", "Chinese", None),
    ("APT42", ["APT42", "Mint Sandstorm"], "Iran", "Iranian", "Islamic Revolutionary Guard Corps"),
    ("Charming Kitten", ["Charming Kitten", "APT35"], "Iran", "Iranian", "Islamic Revolutionary Guard Corps"),
    ("MuddyWater", ["MuddyWater", "Mango Sandstorm"], "Iran", "Iranian", "Ministry of Intelligence and Security"),
    ("Transparent Tribe", ["Transparent Tribe", "APT36"], "Pakistan", "Pakistani", None),
    ("SideWinder", ["SideWinder", "Rattlesnake"], "India", "Indian", None),
    ("UNC1151", ["UNC1151", "Ghostwriter"], "Belarus", "Belarusian", None),
]
CRIME_GROUPS = [
    ("TA505", ["TA505", "Hive0065"]),
    ("FIN7", ["FIN7", "Carbon Spider", "Sangria Tempest"]),
    ("Scattered Spider", ["Scattered Spider", "UNC3944", "Octo Tempest"]),
    ("Storm-1811", ["Storm-1811"]),
    ("TA577", ["TA577"]),
    ("TA558", ["TA558"]),
    ("Evil Corp", ["Evil Corp", "Indrik Spider"]),
    ("FIN8", ["FIN8", "Syssphinx"]),
    ("Smishing Triad", ["Smishing Triad"]),
    ("TA4557", ["TA4557"]),
    ("Storm-0324", ["Storm-0324", "Sagrid"]),
    ("Mustard Tempest", ["Mustard Tempest", "SocGholish operators"]),
    ("Water Curupira", ["Water Curupira"]),
    ("Coral Sleet", ["Coral Sleet"]),
]
HACKTIVISTS = ["NoName057(16)", "Cyber Army of Russia Reborn", "Handala", "CyberVolk",
               "IT Army of Ukraine", "Anonymous Sudan", "Cyber Av3ngers", "SiegedSec",
               "Mysterious Team Bangladesh", "KillNet", "Holy League", "RipperSec"]
SELLERS = ["'Nullbyte'", "'zer0day_lab'", "'Medusa_X'", "'Kr4ken'", "'bl4ckmoon'",
           "'Pr0xyKing'", "'ghostwriter99'", "'Lynx_dev'", "'DarkFiles'", "'Salamandra'"]

GOV_BODIES = {
    "US": ["CISA", "the FBI", "the NSA", "the US Department of Justice", "the State Department"],
    "UK": ["the UK's National Cyber Security Centre", "the British Foreign Office"],
    "DE": ["Germany's BSI", "the German Foreign Office", "Germany's domestic intelligence agency, the BfV"],
    "FR": ["France's ANSSI", "the French foreign ministry"],
    "NL": ["the Dutch NCSC", "the Dutch military intelligence service MIVD", "the Dutch AIVD"],
    "UA": ["CERT-UA", "the Security Service of Ukraine (SBU)"],
    "PL": ["CERT Polska", "Poland's digital affairs ministry"],
    "CZ": ["the Czech cyber agency NÚKIB"],
    "AU": ["the Australian Signals Directorate", "Australia's ACSC"],
    "CA": ["the Canadian Centre for Cyber Security"],
    "JP": ["Japan's National Police Agency", "JPCERT/CC"],
    "KR": ["South Korea's National Intelligence Service"],
    "NZ": ["New Zealand's NCSC"],
    "EU": ["the EU's High Representative", "the Council of the European Union"],
}
VENDORS = ["Mandiant", "Microsoft Threat Intelligence", "Google's Threat Intelligence Group", "ESET",
           "Kaspersky", "Palo Alto Networks' Unit 42", "Cisco Talos", "Proofpoint", "Recorded Future",
           "Secureworks", "CrowdStrike", "SentinelOne", "Check Point Research", "Trend Micro",
           "Sekoia", "WithSecure", "Bitdefender", "Trellix", "Symantec", "Volexity", "Lookout",
           "Sophos X-Ops", "Huntress", "Group-IB", "Positive Technologies", "AhnLab", "Rapid7",
           "Elastic Security Labs", "Zscaler ThreatLabz", "Socket", "ReversingLabs", "Checkmarx",
           "Phylum", "JFrog", "HarfangLab", "Orange Cyberdefense", "Intezer", "Jamf Threat Labs"]
MEDIA = ["Reuters", "Bloomberg", "The Record", "Le Monde", "Der Spiegel", "the Financial Times",
         "Nikkei", "Politico", "the Washington Post", "NRC", "Yonhap", "The Guardian", "Süddeutsche Zeitung"]

# ---------------------------------------------------------------------------
# Victims.  A victim is never an actor.
# ---------------------------------------------------------------------------
VICTIM_ORGS = [
    ("a regional hospital group in {city}", "healthcare"),
    ("a logistics company based in {city}", "logistics"),
    ("a mid-sized law firm in {city}", "legal"),
    ("a municipal water utility near {city}", "utilities"),
    ("a chain of dental clinics", "healthcare"),
    ("a university in {city}", "education"),
    ("a car-parts manufacturer in {city}", "manufacturing"),
    ("a cryptocurrency exchange", "finance"),
    ("a credit union", "finance"),
    ("a regional bank in {city}", "finance"),
    ("a wind-turbine maker", "energy"),
    ("an accounting firm in {city}", "professional services"),
    ("a hotel group", "hospitality"),
    ("a think tank in {city}", "policy research"),
    ("a defence subcontractor", "defence"),
    ("a school district", "education"),
    ("a telecoms operator", "telecoms"),
    ("a shipping line headquartered in {city}", "maritime"),
    ("a food-delivery start-up", "retail"),
    ("an online fashion retailer", "retail"),
    ("a pharmaceutical distributor", "healthcare"),
    ("a software house in {city}", "technology"),
    ("a satellite-communications provider", "telecoms"),
    ("an insurance broker", "finance"),
]
STATE_VICTIMS = [
    "the Lithuanian Ministry of Foreign Affairs", "Ukraine's Ministry of Defence",
    "the Czech Ministry of Finance", "Germany's Federal Foreign Office", "the Polish Sejm",
    "the Norwegian parliament", "Taiwan's Ministry of Economic Affairs",
    "the Philippine Department of Foreign Affairs", "India's Ministry of External Affairs",
    "the South Korean Ministry of Unification", "Slovakia's land registry office",
    "the Estonian Ministry of Justice", "the Italian Ministry of Enterprises",
    "Moldova's central election commission", "the Finnish parliament",
    "the Dutch Ministry of Defence", "the French Ministry of Armed Forces",
    "the Romanian Ministry of Energy", "the Mexican Ministry of Economy",
    "Brazil's Ministry of Health", "Japan's Ministry of Land, Infrastructure and Transport",
    "Israel's Ministry of Health", "the Belgian federal police", "the Albanian government",
]
CITIES = ["Łódź", "São Paulo", "Kraków", "Düsseldorf", "Malmö", "Porto", "Brno", "Gdańsk",
          "Zürich", "Münster", "Curitiba", "Bogotá", "Hà Nội", "Đà Nẵng", "Toulouse", "Lyon",
          "Göteborg", "Tromsø", "Ljubljana", "Zagreb", "Kraljevo", "Cluj-Napoca", "Tartu",
          "Leeds", "Cork", "Rotterdam", "Ghent", "Osaka", "Busan", "Pune", "Adelaide",
          "Wellington", "Calgary", "Austin", "Columbus", "Nashville", "Monterrey", "Valparaíso",
          "İzmir", "Thessaloniki", "Bilbao", "Málaga", "Reykjavík", "Poznań", "Kaunas"]
PEOPLE = ["Marta Kowalczyk", "Jonas Müller", "Nguyễn Thị Lan", "Rafael Azevedo", "Sofie Janssens",
          "Tomasz Wiśniewski", "Elif Demir", "Priya Raman", "Kenji Sato", "Agnieszka Nowak",
          "Lukas Schäfer", "Camille Bernard", "Diego Fernández", "Ana Lúcia Costa", "Omar Haddad",
          "Hannah Lindqvist", "Mateusz Zieliński", "Chloé Dubois", "Yusuf Arslan", "Ingrid Solberg",
          "Park Ji-ho", "Zoë van Dijk", "Søren Mikkelsen", "Ioana Stan", "Björn Åkesson",
          "Lucía Ortega", "Ravi Menon", "Fatima Zahra Benali", "Daniel Okafor", "Eva Horáková"]
ROLES = ["a threat researcher at {vendor}", "principal analyst at {vendor}",
         "head of incident response at a {city} consultancy", "a former government CERT official",
         "chief information security officer at a European bank", "a malware analyst",
         "director of threat intelligence at {vendor}", "a lecturer in cyber security at a university in {city}",
         "an independent security researcher", "a vulnerability researcher at {vendor}",
         "vice president of research at {vendor}", "a fraud investigator"]

# ---------------------------------------------------------------------------
# Scenario material.  Each scenario: labels (primary first), title templates,
# ledes, details, and technical / advice paragraphs.
# ---------------------------------------------------------------------------
BRANDS = ["Microsoft 365", "DocuSign", "DHL", "PayPal", "Netflix", "Booking.com", "Amazon",
          "Adobe Acrobat Sign", "WeTransfer", "Dropbox", "Okta", "Zoom", "the tax authority",
          "a national postal service", "Coinbase", "a toll operator", "Google Workspace", "Instagram",
          "LinkedIn", "a parcel locker service", "the local electricity supplier", "Apple ID"]
STEALERS = ["Lumma", "RedLine", "Vidar", "StealC", "Raccoon", "Atomic Stealer", "Rhadamanthys",
            "Meta Stealer", "RisePro", "Acreed", "Amadey", "Poseidon"]
LOADERS = ["DarkGate", "Latrodectus", "GootLoader", "SmokeLoader", "PikaBot", "BumbleBee",
           "IcedID", "HijackLoader", "SocGholish", "GuLoader", "Matanbuchus", "Oyster"]
RATS = ["AsyncRAT", "Remcos", "NjRAT", "QuasarRAT", "XWorm", "DCRat", "NetSupport RAT",
        "PlugX", "ShadowPad", "SparkRAT", "Gh0st RAT", "AgentTesla"]
BOTNETS = ["Mirai", "Gafgyt", "Mozi", "Aisuru", "Eleven11bot", "Kimwolf", "Raptor Train",
           "Matrix", "Murdoc", "BadBox 2.0", "Quad7", "Ballista"]
WIPERS = ["AcidPour", "HermeticWiper", "CaddyWiper", "BiBi", "ZeroCleare", "PathWiper",
          "a previously unseen wiper", "a new wiper dubbed 'Lullaby'", "Shamoon-like wiper"]
MINERS = ["XMRig", "a Monero miner", "a customised XMRig build", "a Go-based cryptominer"]
STALKER = ["mSpy", "TheTruthSpy", "SpyX", "Cocospy", "a 'family safety' app", "an app marketed as a partner tracker",
           "a hidden monitoring app sold for $40 a month", "pcTattletale"]
BANKERS = ["Grandoreiro", "Anatsa", "Octo", "ToxicPanda", "Mekotio", "Coper", "Hook", "TrickMo"]
PRODUCTS = [("Fortinet", "FortiOS SSL VPN"), ("Ivanti", "Connect Secure"), ("Citrix", "NetScaler ADC"),
            ("Palo Alto Networks", "PAN-OS GlobalProtect"), ("Cisco", "IOS XE web UI"),
            ("Microsoft", "Exchange Server"), ("Microsoft", "SharePoint Server"), ("Atlassian", "Confluence Data Center"),
            ("VMware", "vCenter Server"), ("Progress", "MOVEit Transfer"), ("SonicWall", "SMA 100 appliances"),
            ("Zyxel", "NAS devices"), ("Apache", "Tomcat"), ("Jenkins", "Jenkins controller"),
            ("Veeam", "Backup & Replication"), ("SAP", "NetWeaver"), ("Oracle", "E-Business Suite"),
            ("Check Point", "Quantum Security Gateways"), ("Juniper", "Junos OS J-Web"), ("F5", "BIG-IP"),
            ("GitLab", "GitLab CE/EE"), ("Automattic-listed plugin developer WPForms", "a form-builder plugin"),
            ("CrushFTP", "CrushFTP server"), ("Cleo", "Harmony file transfer"), ("Apple", "WebKit"),
            ("Google", "Chrome V8 engine"), ("Mozilla", "Firefox"), ("Samsung", "Exynos modem firmware"),
            ("Qualcomm", "Adreno GPU driver"), ("Linux kernel maintainers", "the Linux kernel netfilter subsystem"),
            ("OpenSSH developers", "OpenSSH sshd"), ("Roundcube", "Roundcube Webmail"), ("Zimbra", "Zimbra Collaboration"),
            ("Siemens", "SIMATIC S7 PLC firmware"), ("Schneider Electric", "Modicon controllers"),
            ("D-Link", "DIR-series routers"), ("TP-Link", "Archer routers"), ("Hikvision", "IP cameras")]
BUGTYPES = ["an authentication bypass", "a command-injection flaw", "a heap-based buffer overflow",
            "a path-traversal bug", "an SQL-injection vulnerability", "a deserialization flaw",
            "a use-after-free bug", "a server-side request forgery issue", "a type-confusion flaw",
            "an out-of-bounds write", "a hard-coded credential", "an improper access-control flaw",
            "a race condition", "a cross-site scripting flaw", "a privilege-escalation bug"]
REGISTRIES = [("npm", "JavaScript"), ("PyPI", "Python"), ("RubyGems", "Ruby"), ("crates.io", "Rust"),
              ("NuGet", ".NET"), ("Packagist", "PHP"), ("the Go module mirror", "Go"),
              ("the VS Code Marketplace", "VS Code"), ("Docker Hub", "container"), ("Maven Central", "Java"),
              ("the Chrome Web Store", "browser-extension"), ("the Open VSX registry", "editor-extension")]
PKG_NAMES = ["reqeusts", "colourama", "expres-session", "lodahs", "discord-selfbot-tools", "solana-web3-utils",
             "pytorch-nightly-cpu", "node-fetch-native2", "eslint-config-fast", "aws-sdk-helpers",
             "crypto-wallet-sync", "react-table-pro", "py-httpx", "tailwind-ui-kit", "fastlog-rs",
             "ethers-provider-fix", "dotenv-safe-loader", "jwt-decode-secure", "noblox.js-proxy",
             "selenium-stealth-driver", "openai-api-wrapper", "pygame-community-tools", "chalk-template-next",
             "twilio-sms-helper", "graphql-shield-plus", "vue-router-extend", "num2words-lite", "bitcoinlib-tools"]
SOFTWARE = ["an accounting package widely used by small firms", "a remote-monitoring and management tool",
            "a VoIP desktop client", "a PDF viewer's auto-updater", "a point-of-sale terminal suite",
            "a video-conferencing plug-in", "a tax-filing application", "a school-management platform",
            "a hospital scheduling system", "a firmware updater for office printers", "an input-method editor",
            "a password manager's browser extension", "a network-monitoring suite", "a CAD viewer",
            "an e-signature add-in", "a popular Chinese-language messaging app", "a VPN client for businesses"]
MSPS = ["a managed service provider serving dental practices", "an IT outsourcer used by several local councils",
        "a cloud-hosting reseller", "a payroll software vendor", "an MSP supporting law firms in {city}",
        "a help-desk contractor for retailers", "a managed detection provider", "an IT contractor for hospitals",
        "a backup-as-a-service provider", "a regional managed IT firm in {city}"]

CVSS_HIGH = ["9.8", "10.0", "9.1", "9.6", "9.0", "8.8", "9.4", "9.3"]
CVSS_MED = ["7.5", "8.1", "7.8", "6.5", "7.2", "8.6", "5.4", "6.1"]

def cve(rng):
    return "CVE-%d-%d" % (rng.choice([2023, 2024, 2025]), rng.randint(1000, 59999))

# -- phishing -----------------------------------------------------------------
PHISH_KINDS = {
    "credential": dict(
        titles=["{brand}-themed phishing hits {sector} staff", "Fake {brand} login pages harvest passwords at {victim_short}",
                "Credential-phishing wave impersonates {brand}", "New phishing campaign targets {sector} with {brand} lures",
                "Warning issued over {brand} phishing emails", "Phishers spoof {brand} in attack on {victim_short}",
                "Adversary-in-the-middle kit used to bypass MFA in {brand} lures", "{brand} lookalike pages steal logins from {sector} workers"],
        ledes=["Employees at {victim} received emails impersonating {brand} that linked to a counterfeit sign-in page, {reporter} said.",
               "A phishing campaign using {brand}-branded emails has been targeting the {sector} sector since {month}, according to {reporter}.",
               "{reporter_cap} warned of a surge in emails that mimic {brand} notifications and steal passwords and session cookies.",
               "Attackers posing as {brand} tricked staff at {victim} into entering their credentials on a cloned login page.",
               "Thousands of messages dressed up as {brand} alerts were sent to {sector} organisations in {month}, {reporter} reported.",
               "A credential-harvesting operation that abuses {brand}'s look and feel has compromised accounts at {victim}.",
               "Fake {brand} notices claiming a document was waiting for signature reached inboxes across the {sector} sector this week."],
        details=["The emails carried a link to a page that relayed the password and the one-time code to the attackers in real time, defeating SMS-based multi-factor authentication.",
                 "The login page was hosted on a compromised WordPress site and only displayed its fake form to visitors from the targeted country.",
                 "Recipients were told that a shared file would expire within 24 hours unless they signed in.",
                 "Some messages embedded a QR code instead of a link, a trick that moves the victim onto a phone where corporate filters do not apply.",
                 "The pages used a commercial phishing-as-a-service kit that checks for security scanners before showing its content.",
                 "Several compromised mailboxes were then used to send further lures to customers and suppliers.",
                 "The attackers registered lookalike domains only hours before each wave, so they had no reputation history.",
                 "A Cloudflare Turnstile check in front of the fake page kept automated scanners from seeing it.",
                 "The links passed through open redirects on legitimate marketing and job sites before reaching the phishing page.",
                 "In at least two cases the attackers set up inbox rules to hide replies from colleagues who spotted the fraud."]),
    "bec": dict(
        titles=["BEC scam diverts {money} from {victim_short}", "Email fraud: {victim_short} wired {money} to criminals",
                "Fake invoice costs {victim_short} {money}", "Business email compromise hits {sector} firm",
                "Police investigate {money} CEO fraud at {victim_short}", "Supplier impersonation scam drains {money}"],
        ledes=["{victim_cap} paid {money} to fraudsters who impersonated a long-standing supplier over email, police in {city} said.",
               "A business email compromise scheme tricked {victim} into changing a supplier's bank details and transferring {money}.",
               "Criminals who took over a contractor's mailbox persuaded {victim} to send {money} to an account they controlled.",
               "An employee at {victim} received what looked like an urgent request from the chief executive and transferred {money}, the company disclosed.",
               "Fraudsters posing as a law firm handling a property purchase diverted {money} from {victim}, investigators said."],
        details=["The fraudulent email arrived as a reply in a genuine invoice thread, copied from the supplier's compromised mailbox.",
                 "The attackers used a domain that differed from the real one by a single letter.",
                 "A forged bank letter on the supplier's letterhead accompanied the request.",
                 "The request came while the executive was travelling, making a quick check harder.",
                 "Part of the money was frozen at a receiving bank in Lithuania; the rest had already been moved on.",
                 "The company's procedure required a call-back to confirm new bank details, but it was skipped.",
                 "The fraudsters spent weeks reading the supplier's email before acting, learning who approved payments and when.",
                 "The transfers were split into several smaller payments to avoid bank alerts."]),
    "smishing": dict(
        titles=["Smishing texts impersonate {brand}", "Fake {brand} SMS messages steal card details", "Warning over text scam using {brand} name",
                "Text-message phishing surges ahead of holidays", "SMS 'unpaid fee' scam spreads across {country_v}"],
        ledes=["People across {country_v} are receiving text messages pretending to come from {brand} and asking for a small payment, {reporter} said.",
               "A smishing campaign that impersonates {brand} has reached hundreds of thousands of phones, according to {reporter}.",
               "Texts claiming an unpaid fee or a missed delivery from {brand} are leading victims to fake payment pages, {reporter} warned.",
               "Mobile users in {city} reported a wave of SMS messages using {brand}'s name to collect card numbers and one-time passcodes."],
        details=["The linked pages ask for a card number and then a one-time passcode, which the criminals use to add the card to a mobile wallet.",
                 "The messages are sent through iMessage and RCS as well as SMS, bypassing carrier filters.",
                 "The sites only load on mobile browsers and show an error on desktop computers.",
                 "Each domain stays live for only a day or two before a new one replaces it.",
                 "Victims are told to reply 'Y' and reopen the message, a trick that activates the link in some messaging apps."]),
    "vishing": dict(
        titles=["Callers posing as IT help desk gain access at {victim_short}", "Voice phishing used to reset MFA at {sector} firm",
                "Vishing attacks on help desks on the rise", "Fake bank security calls drain savings accounts"],
        ledes=["Attackers phoned the IT service desk at {victim}, impersonated an employee and persuaded staff to reset the worker's multi-factor authentication, the company said.",
               "A string of voice-phishing calls targeting help desks in the {sector} sector has led to several account takeovers, {reporter} said.",
               "Callers claiming to be from a bank's fraud department talked customers into moving money to 'safe accounts', police in {city} said."],
        details=["The caller supplied a real employee's name, staff number and manager's name, likely gathered from social media and earlier leaks.",
                 "Once in, the intruders registered their own device and began browsing internal documentation.",
                 "The calls were made from spoofed numbers that displayed the bank's real hotline.",
                 "The attackers followed up the call with a text message containing a link to remote-access software."]),
}
PHISH_TECH = ["Analysts said the phishing kit behind the pages is sold on Telegram for a few hundred dollars a month and includes templates for dozens of brands.",
              "The messages passed SPF and DKIM checks because they were sent from a legitimate but compromised marketing account.",
              "Security teams were advised to search mail logs for the lookalike domains and to revoke sessions for any user who clicked.",
              "The pages were protected by CAPTCHA challenges that kept automated scanners from classifying them.",
              "Unlike older kits, this one captures session tokens, so a changed password alone does not lock the attackers out."]
PHISH_ADVICE = ["Experts recommend phishing-resistant authentication such as FIDO2 security keys or passkeys.",
                "Organisations should verify any change in payment details by phone, using a number already on file.",
                "Users who entered details should change their password and contact their bank immediately.",
                "Reports of suspicious messages can be forwarded to the national reporting service.",
                "Help desks should require video or in-person verification before resetting MFA for privileged accounts.",
                "Blocking newly registered domains at the mail gateway stops a large share of these lures."]

# -- malware -------------------------------------------------------------------
MAL_KINDS = {
    "stealer": dict(names=STEALERS, extra=[],
        titles=["{mal} infostealer spreads through fake software downloads", "{mal} stealer campaign targets {sector}",
                "New {mal} variant steals browser cookies and crypto wallets", "Researchers track surge in {mal} infections",
                "{mal} distributed via cracked software and YouTube links", "Infostealer {mal} behind wave of account takeovers"],
        ledes=["Researchers at {vendor} have observed a rise in infections with the {mal} infostealer, which is being spread through fake download sites.",
               "The {mal} information stealer is being pushed through poisoned search ads and cracked-software sites, {reporter} said.",
               "A new build of {mal}, an infostealer rented out to criminals on a subscription basis, is harvesting passwords and session cookies from {sector} employees.",
               "Stolen browser data from {mal} infections has been used to break into corporate accounts at {victim}, {reporter} said."],
        details=["The malware collects saved passwords, cookies, autofill data and cryptocurrency wallet files and sends them to its command-and-control server within minutes.",
                 "Stolen 'logs' are sold on marketplaces and Telegram channels, where other criminals buy them to access corporate systems.",
                 "The latest version includes a routine to defeat Chrome's app-bound encryption of cookies.",
                 "Infections start with a fake CAPTCHA page that tells users to paste a command into the Windows Run dialog.",
                 "The stealer is sold for between $150 and $1,000 a month depending on features."]),
    "loader": dict(names=LOADERS, extra=[],
        titles=["{mal} loader returns with new delivery tricks", "{mal} malware used as initial access by criminal crews",
                "Researchers dissect latest {mal} loader", "{mal} campaign hits {sector} organisations"],
        ledes=["The {mal} loader, used to gain a first foothold and then deliver other malware, is circulating again, {reporter} said.",
               "{reporter_cap} described a campaign in which {mal} was used to infect machines at {victim} before further payloads were installed.",
               "A new version of the {mal} malware loader uses DLL side-loading and encrypted payloads to evade detection, according to {vendor}."],
        details=["Once installed, the loader fingerprints the machine and downloads a second-stage payload chosen by its operators.",
                 "It refuses to run on machines that are not joined to a corporate domain.",
                 "The operators rent access to infected machines to other groups.",
                 "Its traffic is disguised as requests to a popular analytics service.",
                 "Payloads are hidden inside image files and decrypted in memory."]),
    "rat": dict(names=RATS, extra=[],
        titles=["{mal} remote-access trojan found at {victim_short}", "Campaign spreads {mal} to {sector} companies",
                "{mal} hidden in fake invoice attachments", "Researchers warn of {mal} infections in {country_v}"],
        ledes=["Researchers have found the {mal} remote-access trojan on systems at {victim}, giving attackers full control of infected machines.",
               "A campaign delivering the {mal} RAT has targeted {sector} companies in {country_v}, {reporter} said.",
               "{reporter_cap} said {mal}, a remote-access tool, was being spread through compressed attachments posing as purchase orders."],
        details=["The RAT can log keystrokes, capture the screen, switch on the webcam and download further files.",
                 "Its command server is hidden behind a dynamic DNS service.",
                 "The malware persists through a scheduled task disguised as a software updater.",
                 "Analysts found the payload hidden in a steganographic image downloaded by a small script."]),
    "botnet": dict(names=BOTNETS, extra=["ddos"],
        titles=["{mal} botnet grows to {count} devices", "{mal} variant enslaves routers and cameras for DDoS attacks",
                "Botnet {mal} targets unpatched IoT devices", "Researchers map {mal} botnet infrastructure"],
        ledes=["A {mal} botnet has infected about {count} routers, cameras and video recorders and is being rented out for DDoS attacks, {reporter} said.",
               "{reporter_cap} said the {mal} botnet is exploiting weak passwords and old firmware to recruit devices that it uses to flood websites with traffic.",
               "The operators of {mal}, a botnet made of hijacked internet-of-things devices, are selling DDoS attacks for as little as $20 an hour."],
        details=["Most of the infected devices are in Brazil, India and Vietnam.",
                 "The botnet was used in a flood that peaked at several terabits per second.",
                 "The malware kills competing bots on the device and closes the ports it used to get in.",
                 "Rebooting an infected device removes the malware, but it is usually reinfected within minutes."]),
    "wiper": dict(names=WIPERS, extra=[],
        titles=["Wiper malware destroys data at {victim_short}", "{mal} wiper hits organisations in {country_v}",
                "Destructive malware disguised as ransomware found in {country_v}", "Researchers analyse {mal}"],
        ledes=["Destructive malware identified as {mal} erased data on servers at {victim}, {reporter} said.",
               "{reporter_cap} reported that {mal} was used to overwrite disks at several organisations in {country_v}.",
               "A wiper posing as ransomware, but with no way of recovering files, hit {victim}, according to {reporter}."],
        details=["The malware overwrites the master boot record and then the first megabytes of every file.",
                 "It was pushed to machines through a Group Policy object after the attackers obtained domain administrator rights.",
                 "A ransom note was displayed, but there was no working decryption routine.",
                 "Backups held offline allowed the victim to restore most systems within days."]),
    "miner": dict(names=MINERS, extra=[],
        titles=["Cryptomining malware found on {count} servers", "Attackers hijack cloud servers to mine Monero",
                "Miner campaign targets exposed Docker and Kubernetes", "{mal} found on systems at {victim_short}"],
        ledes=["Attackers are installing {mal} on misconfigured cloud servers, {reporter} said.",
               "{reporter_cap} found {mal} running on about {count} servers after attackers abused exposed Docker APIs.",
               "Staff at {victim} noticed servers running at full load and found {mal} installed."],
        details=["The malware hides its process name and uses a rootkit to conceal its files.",
                 "A propagation module scans for further hosts with the same misconfiguration.",
                 "The operators had earned an estimated few thousand dollars, while victims paid far more in cloud bills."]),
    "stalkerware": dict(names=STALKER, extra=[],
        titles=["Stalkerware {mal} found on thousands of phones", "Phone-monitoring app exposes victims' data",
                "Researchers warn of rise in stalkerware detections", "'Family safety' app is stalkerware, researchers say"],
        ledes=["An app sold as a way to keep an eye on partners, {mal}, has been found on thousands of Android phones, {reporter} said.",
               "{reporter_cap} said stalkerware detections rose in the past year, with {mal} among the most common apps found.",
               "Researchers analysing {mal} found it uploads messages, location and photos to a web dashboard without the phone owner's knowledge."],
        details=["The app hides its icon and disguises itself as a system service.",
                 "Domestic-abuse charities say victims often learn of the app only when the abuser quotes a private message.",
                 "The company's server left some uploaded photos accessible without a password.",
                 "Installing the app requires physical access to the phone for only a few minutes."]),
    "banker": dict(names=BANKERS, extra=[],
        titles=["{mal} banking trojan targets apps in {country_v}", "Android banking malware {mal} returns",
                "{mal} uses overlay attacks to steal bank logins", "Banking trojan {mal} spreads via fake updates"],
        ledes=["The {mal} banking trojan is targeting customers of banks in {country_v} through fake app updates, {reporter} said.",
               "{reporter_cap} said a new version of {mal} abuses Android accessibility services to take over banking sessions.",
               "Customers of banks in {country_v} have been hit by {mal}, a trojan that overlays fake login screens on banking apps."],
        details=["The malware reads one-time codes from notifications and can perform transfers on its own.",
                 "It is distributed through dropper apps that briefly passed the official store's checks.",
                 "Victims are first contacted by SMS claiming their bank app needs an urgent update."]),
}
MAL_TECH = ["The samples were packed with a commercial crypter and signed with a stolen code-signing certificate.",
            "Command-and-control traffic was routed through a content-delivery network to blend in with normal web traffic.",
            "The malware checks for virtual machines and analysis tools before running its payload.",
            "Persistence is achieved through a registry Run key named after a legitimate vendor's updater.",
            "Indicators of compromise, including file hashes and domains, were published alongside the report.",
            "Strings in the code were encrypted with a simple XOR routine that changes between builds.",
            "Payload delivery relies on DLL side-loading through a signed executable from a printer-driver vendor."]
MAL_ADVICE = ["Defenders were urged to block downloads from unapproved software sites and to monitor for unusual PowerShell activity.",
              "Anyone who suspects an infection should reset passwords from a clean device and revoke active sessions.",
              "Security teams should hunt for the published indicators and isolate affected machines.",
              "Keeping devices updated and changing default passwords removes most of the easy targets.",
              "Endpoint detection tools with behavioural rules catch many of these infections where signature scanning fails."]

# -- vulnerability ---------------------------------------------------------------
VULN_KINDS = {
    "advisory": dict(
        titles=["{vendor_p} patches critical {product} flaw ({cve})", "{cve}: {product} bug rated {cvss}",
                "Critical vulnerability in {product} lets attackers take control", "Patch now: {vendor_p} fixes {product} bug",
                "{vendor_p} warns of severe {product} vulnerability", "Security update for {product} fixes {bugtype_short}"],
        ledes=["{vendor_p} has released fixes for {cve}, {bugtype} in {product} that carries a CVSS score of {cvss}.",
               "A vulnerability tracked as {cve} in {product} could allow a remote attacker to run code, {vendor_p} said in an advisory.",
               "Administrators of {product} are being urged to update after {vendor_p} disclosed {bugtype} rated {cvss} out of 10.",
               "{vendor_p} published a security bulletin for {product} covering {cve}, {bugtype} that can be triggered without authentication."],
        details=["The company said it has no evidence that the flaw has been exploited.",
                 "{vendor_p} said it was not aware of any exploitation at the time of publication.",
                 "There is no indication that the vulnerability has been used in attacks, the advisory says.",
                 "A researcher who reported the bug through a bug-bounty programme was credited.",
                 "Fixed versions are available for all supported branches; older releases will not be patched.",
                 "A workaround is available for customers who cannot upgrade immediately."]),
    "kev": dict(
        titles=["CISA adds {product} flaw to KEV catalog", "{cve} added to Known Exploited Vulnerabilities list",
                "CISA orders agencies to patch {product} bug", "Exploited {product} vulnerability lands in CISA KEV"],
        ledes=["CISA has added {cve}, {bugtype} in {product}, to its Known Exploited Vulnerabilities catalog, citing evidence of active exploitation.",
               "US federal civilian agencies have three weeks to patch {cve} in {product} after CISA added it to the KEV catalog.",
               "The US Cybersecurity and Infrastructure Security Agency said {cve}, rated {cvss}, is being exploited and added it to its KEV list."],
        details=["The agency did not say who is exploiting the flaw.",
                 "CISA did not share details of the attacks.",
                 "The catalog entry gives agencies until the end of the month to apply the vendor's fix or stop using the product.",
                 "It is unknown whether the flaw has been used in ransomware campaigns, according to the KEV entry."]),
    "zeroday": dict(
        titles=["Zero-day in {product} exploited in the wild", "{vendor_p} confirms attacks exploiting {product} flaw",
                "Emergency patch for exploited {product} vulnerability", "Hackers exploited {product} bug before patch was available",
                "{product} zero-day used to plant web shells"],
        ledes=["{vendor_p} said attackers exploited {cve}, {bugtype} in {product}, before a patch was available.",
               "An unpatched flaw in {product} was used to break into networks at {victim}, {reporter} said.",
               "{vendor_p} released an emergency update for {product} after confirming that {cve} had been exploited in a limited number of attacks.",
               "Researchers at {vendor} discovered attackers exploiting a previously unknown flaw in {product}, now tracked as {cve}."],
        details=["The attackers used the flaw to install web shells and steal configuration files.",
                 "The intruders wiped logs to hide their activity after gaining access.",
                 "Exploitation began at least two weeks before the vendor's advisory.",
                 "Scans by Shadowserver found thousands of exposed devices still unpatched days later.",
                 "Because the flaw sits in an internet-facing appliance, no user interaction is required."]),
    "poc": dict(
        titles=["Proof-of-concept exploit released for {product} flaw", "PoC for {cve} published; attacks expected",
                "Researchers publish exploit for {product} bug", "Exploit code for {product} vulnerability goes public"],
        ledes=["A proof-of-concept exploit for {cve} in {product} has been published on GitHub, raising the risk of attacks on unpatched systems.",
               "Security researchers released technical details and exploit code for {bugtype} in {product} a week after {vendor_p} shipped a fix.",
               "Working exploit code for {cve}, rated {cvss}, is now public, {reporter} said."],
        details=["Honeypot operators reported scanning for the vulnerable endpoint within hours.",
                 "The researchers said they waited for the patch before publishing.",
                 "There is no confirmed exploitation yet, though scanning activity has increased.",
                 "The exploit chains the bug with a second, lower-severity flaw to achieve code execution."]),
}
VULN_TECH = ["The vulnerable code path is reachable through the management interface, which many organisations expose to the internet.",
             "Successful exploitation gives an attacker root privileges on the appliance.",
             "The flaw stems from insufficient validation of a parameter passed to a system command.",
             "Exploitation requires no authentication and no interaction from a user.",
             "Rapid7 and watchTowr published analyses of the patch within days.",
             "Shadowserver counted more than {count} internet-facing instances."]
VULN_ADVICE = ["Customers should upgrade to the fixed release and check for signs of compromise.",
               "If patching is not possible, the vendor recommends restricting access to the management interface.",
               "Organisations should hunt for web shells and unexpected administrator accounts even after patching.",
               "Patching alone does not evict an attacker who is already inside; credentials should be rotated.",
               "National CERTs advised prioritising internet-facing systems."]

# -- supply chain -----------------------------------------------------------------
SUP_KINDS = {
    "package": dict(extra=["malware"],
        titles=["Malicious {registry} packages steal developer credentials", "{count} typosquatted packages found on {registry}",
                "{registry} package '{pkg}' caught stealing secrets", "Researchers find malware in {lang} packages on {registry}",
                "Rogue {registry} uploads target {lang} developers", "Malicious '{pkg}' package removed from {registry}"],
        ledes=["Researchers at {vendor} found {count} malicious packages on {registry}, including one named '{pkg}', that install an infostealer when added to a project.",
               "A package called '{pkg}' uploaded to {registry} contained code that harvested environment variables, SSH keys and cloud credentials, {reporter} said.",
               "Typosquatted {lang} packages on {registry} were downloaded thousands of times before being removed, according to {vendor}.",
               "{registry} administrators removed '{pkg}' and several related packages after {vendor} reported they carried a hidden backdoor."],
        details=["The malicious code ran in an install-time script, so merely installing the package was enough.",
                 "The packages copied the description and README of the genuine library they imitated.",
                 "Stolen data was sent to a Discord webhook and a Telegram bot.",
                 "One package was added as a dependency to otherwise harmless packages to widen its reach.",
                 "The payload was fetched from a GitHub release only on machines with a developer toolchain installed."]),
    "update": dict(extra=["malware"],
        titles=["Trojanised update of {software_short} delivered malware", "Software update channel hijacked to spread backdoor",
                "Supply-chain attack: {software_short} update carried malware", "Attackers compromised build server to poison updates"],
        ledes=["Attackers compromised the update mechanism of {software} and pushed a version containing a backdoor to customers, {reporter} said.",
               "A signed update for {software} shipped with malicious code after the vendor's build environment was breached.",
               "Customers who installed a recent update of {software} received a remote-access trojan, the vendor confirmed."],
        details=["The malicious update was signed with the vendor's legitimate certificate.",
                 "Only a subset of customers received the backdoor, suggesting the attackers picked their targets.",
                 "The vendor said it had rotated signing keys and rebuilt its build pipeline.",
                 "The backdoor lay dormant for two weeks before contacting its command server."]),
    "msp": dict(extra=[],
        titles=["MSP compromise gives attackers access to client networks", "Attackers abuse IT provider's remote tools to reach customers",
                "Third-party IT supplier breach spreads to {count} clients", "Managed service provider hack hits {sector} customers"],
        ledes=["Attackers who broke into {msp} used its remote-management software to access the networks of its clients, {reporter} said.",
               "{msp_cap} said intruders abused its administrative tools to reach customer systems, affecting about {count} organisations.",
               "Several {sector} organisations were compromised through {msp}, which had privileged access to their networks."],
        details=["The provider said the initial access came through a stolen administrator password.",
                 "Customers were advised to revoke the provider's access until the investigation was complete.",
                 "The intruders used the provider's own remote-access tool, which security software trusted.",
                 "The provider's clients include public bodies as well as private firms."]),
    "ci": dict(extra=[],
        titles=["Compromised GitHub Action leaks CI secrets", "Build pipeline compromise exposes tokens at open-source project",
                "Attackers tampered with popular CI component", "Open-source build tool hijacked to steal secrets"],
        ledes=["A widely used GitHub Action was altered to dump secrets into workflow logs, exposing tokens in thousands of repositories, {reporter} said.",
               "An open-source project said attackers stole a publishing token from its CI system and used it to push a tampered release.",
               "Maintainers of a popular build plug-in said an attacker modified release tags to point to malicious code."],
        details=["The maintainers rotated all credentials and moved to short-lived tokens.",
                 "Projects that pinned the component to a commit hash were not affected.",
                 "The malicious change was live for less than a day.",
                 "The incident began with a pull request that triggered a privileged workflow."]),
}
SUP_TECH = ["The incident is the latest in a string of attacks on open-source ecosystems, where a single compromised dependency can reach thousands of downstream users.",
            "Researchers said pinning dependencies and verifying build provenance would have limited the damage.",
            "The attackers relied on the trust that customers place in software arriving through official channels.",
            "Registries have introduced mandatory two-factor authentication for maintainers of popular packages, but typosquatting remains cheap."]
SUP_ADVICE = ["Developers who installed the affected versions should rotate every secret available on the machine.",
              "Organisations should review which third parties hold privileged access to their networks.",
              "Lock files and dependency pinning reduce exposure to newly published malicious versions.",
              "Customers were told to update to the clean release and check for the published indicators."]

# ---------------------------------------------------------------------------
# Attribution phrasings.  {grp} = group name/alias, {adj} = national adjective,
# {state} = country, {agency} = agency.  Each tuple: (text, uses_state, uses_agency).
# ---------------------------------------------------------------------------
SUSPECTED_VENDOR = [
    ("{vendor} said it assesses with moderate confidence that the activity is the work of {grp}, a group it links to {state}.", True, False),
    ("The campaign bears the hallmarks of {grp}, according to {vendor}, which cited overlapping infrastructure.", False, False),
    ("{vendor} said the tooling overlaps with malware previously associated with {grp}, though it stopped short of a firm attribution.", False, False),
    ("Researchers believe the operation is linked to {grp}, a {adj} state-backed group, but cautioned that the evidence is circumstantial.", True, False),
    ("{vendor} attributed the activity to {grp} \"with low to moderate confidence\", pointing to code reuse and similar lure themes.", False, False),
    ("The infrastructure is consistent with that used by {grp}, {vendor} said, adding that other groups share some of the same tools.", False, False),
    ("Analysts at {vendor} said they suspect {grp}, which has been tied to {state}'s {agency}, based on the targets and working hours.", True, True),
    ("\"It looks a lot like {grp},\" said {person}, {role}. \"But we can't rule out someone borrowing their playbook.\"", False, False),
    ("{vendor} tentatively linked the campaign to {grp}, a cluster it believes operates on behalf of {state}.", True, False),
    ("The malware shares a rare string-encryption routine with tools attributed to {grp}, suggesting a connection, {vendor} said.", False, False),
    ("{vendor} said there were \"notable overlaps\" with earlier {grp} operations but that it was still investigating.", False, False),
    ("Several researchers said the lures and timing pointed to suspected {adj} hackers, possibly {grp}.", True, False),
]
SUSPECTED_MEDIA = [
    ("People familiar with the investigation told {media} that {grp}, a group linked to {state}, is the main suspect.", True, False),
    ("According to {media}, which cited two officials who asked not to be named, investigators suspect {grp}.", False, False),
    ("{media} reported that investigators believe {adj} state hackers were behind the intrusion, citing unnamed sources.", True, False),
    ("Officials speaking on condition of anonymity told {media} that the attack appeared to come from {grp}, which is tied to {state}'s {agency}.", True, True),
]
ATTRIBUTED_GOV = [
    ("In a joint advisory, {gov} and partner agencies attributed the campaign to {grp}, which they said is run by {state}'s {agency}.", True, True),
    ("{gov_cap} formally attributed the activity to {grp} and said it acted on behalf of the {adj} state.", True, False),
    ("{gov_cap} said it had \"high confidence\" that {grp}, part of {state}'s {agency}, was responsible.", True, True),
    ("The government publicly blamed {state} for the operation, naming {grp} as the group behind it, after an assessment by {gov}.", True, False),
    ("{gov_cap} said its investigation established that {grp}, a unit of {state}'s {agency}, carried out the attacks.", True, True),
    ("Officials from {gov} attributed the campaign to {grp} and summoned {state}'s ambassador over it.", True, False),
]
ATTRIBUTED_LEGAL = [
    ("The US Justice Department unsealed charges against alleged members of {grp}, saying they worked for {state}'s {agency}.", True, True),
    ("The US Treasury sanctioned individuals it said were members of {grp}, acting on behalf of {state}.", True, False),
    ("Prosecutors charged two men alleged to belong to {grp} over the campaign, according to an indictment unsealed on {weekday}.", False, False),
    ("The EU imposed sanctions on {grp} over the operation, citing its links to {state}'s {agency}.", True, True),
]
ATTRIBUTED_VENDOR = [
    ("{vendor} said it attributes the campaign to {grp} with high confidence, citing unique malware and shared infrastructure.", False, False),
    ("{vendor} said it had directly observed {grp}, a {adj} state-sponsored group, carrying out the intrusions.", True, False),
    ("\"We are highly confident this is {grp},\" said {person}, {role}, adding that the malware is used by no other group.", False, False),
]
ATTRIBUTED_VICTIM = [
    ("The victim confirmed in a statement that the intrusion was carried out by {grp}, based on its investigation with external responders.", False, False),
    ("{victim_cap} said its investigators, working with national authorities, had identified {grp} as responsible.", False, False),
]
# criminal (non-state) variants: no state/agency placeholders
SUSPECTED_CRIME = [
    ("{vendor} said the campaign bears the hallmarks of {grp}, a financially motivated group.", ),
    ("The operation overlaps with earlier activity by {grp}, {vendor} said, though it described its confidence as moderate.", ),
    ("Researchers believe {grp} is behind the campaign, pointing to the same loader and hosting patterns seen in its past operations.", ),
    ("{vendor} tentatively tied the activity to {grp}, while noting that its tools are also sold to other criminals.", ),
    ("\"This looks like {grp} to us,\" said {person}, {role}, \"but the tooling is shared widely, so we're careful.\"", ),
    ("The lures and infrastructure are consistent with {grp}, according to {vendor}.", ),
    ("People familiar with the matter told {media} that investigators suspect {grp}.", ),
]
ATTRIBUTED_CRIME = [
    ("{vendor} attributed the activity to {grp} with high confidence, based on infrastructure it has tracked for years.", "vendor"),
    ("The FBI said in an alert that the campaign was conducted by {grp}.", "government"),
    ("The company confirmed that {grp} was responsible, according to its incident report.", "victim"),
    ("Prosecutors have charged alleged members of {grp} over the scheme, according to court documents.", "legal"),
    ("{vendor} said it had \"high confidence\" that {grp} carried out the attacks after observing the operators directly.", "vendor"),
]
CLAIMED_HACKTIVIST = [
    "The hacktivist group {grp} claimed responsibility on its Telegram channel, posting screenshots it said came from the victim's systems.",
    "A group calling itself {grp} said on X that it was behind the attack, framing it as retaliation for {state_v}'s support for Ukraine.",
    "{grp} took credit for the operation in a Telegram post; the claim could not be independently verified.",
    "In a message on Telegram, {grp} claimed it had carried out the attack and threatened further action.",
]
CLAIMED_SELLER = [
    "A forum user going by {grp} claimed to be the developer and advertised the tool for sale; the claim could not be verified.",
    "The seller, who uses the handle {grp}, boasted on a Russian-language forum that the code was 'fully undetectable'.",
    "A seller calling themselves {grp} claimed authorship of the kit in a Telegram channel and offered a discount to new customers.",
]
DENIALS = {
    "China": ["China's foreign ministry rejected the accusation as groundless and said Beijing opposes all forms of hacking.",
              "A spokesperson for the Chinese embassy said China 'firmly opposes' what it called politically motivated smears.",
              "Beijing denied any involvement and accused the accusers of hacking operations of their own."],
    "Russia": ["The Kremlin dismissed the accusation as 'unfounded'.",
               "Russia's embassy denied any involvement and said the claims lacked evidence.",
               "Moscow has consistently denied carrying out cyber attacks on other countries."],
    "North Korea": ["North Korea has repeatedly denied involvement in hacking and cryptocurrency theft.",
                    "Pyongyang's state media called such reports a fabrication."],
    "Iran": ["Iran's mission to the United Nations rejected the allegations as baseless.",
             "Tehran denied any role in the campaign."],
    "Pakistan": ["Pakistan's foreign office rejected the report as propaganda."],
    "India": ["India's government did not accept the findings and called them speculative."],
    "Belarus": ["Minsk denied involvement."],
    "_crime": ["In a post on its Telegram channel, {grp} denied involvement.", "A person claiming to speak for {grp} denied the group had any role."],
}
NOT_DENIALS = ["The company said it had found no evidence that customer data was accessed.",
               "{victim_cap} said its core systems were not affected and that it had seen no evidence of data theft.",
               "A spokesperson said there was no indication that personal information had been compromised.",
               "The organisation said services continued to operate normally.",
               "It added that there was no evidence the attackers had moved beyond the affected systems."]
NONE_ATTR = ["The attackers have not been identified.",
             "It is not known who is behind the campaign.",
             "{reporter_cap} did not link the activity to any known group.",
             "Investigators have not said who they believe is responsible.",
             "No group has claimed responsibility, and researchers have not attributed the activity.",
             "The identity of the operators remains unclear.",
             "The researchers said the activity could not be tied to a known threat actor.",
             "Police said inquiries into who was behind it are continuing.",
             ""]

# generic background and closers (label-neutral within the scenario family)
BACKGROUND = {
    "phishing": ["Phishing remains the most common way into corporate networks, according to most incident-response reports.",
                 "Phishing-as-a-service platforms have lowered the bar, letting unskilled criminals run campaigns that defeat one-time codes.",
                 "Business email compromise causes larger losses than most other forms of cybercrime reported to police.",
                 "Criminals increasingly move victims from email to phone calls or chat apps, where corporate filters cannot see them.",
                 "The volume of lures tends to spike around tax deadlines, holidays and major shopping events."],
    "malware": ["Infostealers have become a key part of the cybercrime economy, feeding stolen credentials to ransomware crews and fraudsters.",
                "Malware-as-a-service offerings let criminals rent ready-made tools and infrastructure for a monthly fee.",
                "Law enforcement has disrupted several malware operations in recent years, but many have rebuilt within weeks.",
                "Commodity remote-access tools are cheap and widely shared, which complicates attribution.",
                "Internet-of-things devices with default passwords remain an easy source of recruits for botnets."],
    "vulnerability": ["Edge devices such as VPNs and firewalls have become a favourite target because they sit on the internet and often lack endpoint monitoring.",
                      "The number of vulnerabilities exploited before a patch was available has risen in recent years, according to several vendors.",
                      "CISA's KEV catalog now lists more than a thousand vulnerabilities known to have been exploited.",
                      "Attackers increasingly begin scanning for a flaw within hours of a patch being released.",
                      "Security teams say prioritising known-exploited bugs is more effective than chasing every high CVSS score."],
    "supply_chain": ["Attacks on software suppliers let criminals and spies reach many victims through a single compromise.",
                     "Open-source registries remove thousands of malicious packages each year, but new ones appear daily.",
                     "The SolarWinds and 3CX incidents showed how a trusted update can become a delivery channel.",
                     "Managed service providers are attractive targets because their tools are trusted across many customer networks."],
}
QUOTES_GENERIC = {
    "phishing": ["\"The lures are getting better every month, and the old advice about spotting spelling mistakes no longer works,\" said {person}, {role}.",
                 "\"People aren't the weakest link; they're the last line of defence when everything else has let a message through,\" said {person}, {role}.",
                 "\"Any request to change payment details should trigger a phone call, every single time,\" said {person}, {role}."],
    "malware": ["\"What's stolen in one infection ends up sold to a dozen other criminals,\" said {person}, {role}.",
                "\"These tools are cheap, easy to use and surprisingly well supported by their developers,\" said {person}, {role}.",
                "\"Takedowns buy time, but the developers usually come back,\" said {person}, {role}."],
    "vulnerability": ["\"If it's internet-facing and on the KEV list, it should be patched today, not next month,\" said {person}, {role}.",
                      "\"Patching closes the door, but you still need to check whether someone already walked through it,\" said {person}, {role}.",
                      "\"Edge devices are the new soft underbelly,\" said {person}, {role}."],
    "supply_chain": ["\"You inherit the security of everyone you install code from,\" said {person}, {role}.",
                     "\"One poisoned package can reach thousands of build pipelines in an afternoon,\" said {person}, {role}.",
                     "\"Customers trust their provider's tools implicitly, and that's exactly what the attackers abused,\" said {person}, {role}."],
}
FEED_TAILS = ["The post {title} appeared first on {site}.", "The post {title} appeared first on {site}.",
              "[…]", "...", "Read more at {site}.", "Continue reading on {site} →", "(Full story at {site})"]
SITES = ["Security Affairs Daily", "CyberWire Notes", "Infosec Ledger", "The Patch Report", "ThreatPost Weekly",
         "Red Team Digest", "SecOps Journal", "Hacker Dispatch", "Cyber Risk Today", "BlueTeam Bulletin"]
LAWFIRM = ["{firm} is investigating claims on behalf of individuals whose information may have been exposed after {victim} disclosed that a third-party software provider was compromised.",
           "Attorneys at {firm} are looking into a data breach at {victim} tied to a compromise of its outside IT vendor. Affected individuals may be entitled to compensation.",
           "If you received a notice letter from {victim} about the incident at its software supplier, {firm} would like to speak with you."]
FIRMS = ["Lynch Carpenter LLP", "Murphy Law Firm", "Strauss Borrelli PLLC", "Schubert Jonckheer & Kolbe", "Federman & Sherwood", "Levi & Korsinsky"]
PR_OPEN = ["{city}, {month} — {vendor} today announced new research", "FOR IMMEDIATE RELEASE — {vendor}, a provider of threat intelligence, published findings today",
           "{vendor} researchers today released a report"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
COUNTRY_V = ["Germany", "Brazil", "Poland", "Spain", "Italy", "Japan", "South Korea", "Mexico", "Turkey",
             "Vietnam", "India", "the Netherlands", "Australia", "Canada", "the UK", "France", "Czechia", "Romania"]
REPORTERS = ["researchers at {vendor}", "{vendor}", "the national CERT", "a security vendor", "{vendor}'s threat-intelligence team",
             "an email-security company", "analysts at {vendor}", "the company's incident responders"]
MONEY = ["€480,000", "€1.2 million", "$2.3 million", "£650,000", "€3.1 million", "$870,000", "CHF 1.4 million", "€212,000"]


# Which kinds of actor a scenario kind can plausibly be blamed on, and the
# attribution-level weights (none, claimed, suspected, attributed).
KIND_ACTORS = {
    "credential": ("state crime seller", [38, 8, 30, 24]),
    "bec": ("crime", [70, 0, 18, 12]),
    "smishing": ("crime seller", [65, 12, 18, 5]),
    "vishing": ("crime", [50, 0, 28, 22]),
    "stealer": ("crime seller", [45, 15, 25, 15]),
    "loader": ("crime state seller", [38, 10, 30, 22]),
    "rat": ("state crime seller", [40, 8, 30, 22]),
    "botnet": ("state crime hack", [40, 14, 24, 22]),
    "wiper": ("state hack", [30, 18, 27, 25]),
    "miner": ("crime", [80, 0, 15, 5]),
    "stalkerware": ("seller", [80, 20, 0, 0]),
    "banker": ("crime seller", [55, 12, 23, 10]),
    "advisory": ("state", [88, 0, 8, 4]),
    "kev": ("state crime", [80, 0, 12, 8]),
    "zeroday": ("state crime hack", [35, 6, 33, 26]),
    "poc": ("seller", [90, 10, 0, 0]),
    "package": ("state crime hack", [50, 8, 27, 15]),
    "update": ("state crime", [40, 0, 32, 28]),
    "msp": ("state crime", [40, 0, 32, 28]),
    "ci": ("crime hack", [70, 10, 15, 5]),
}


class Composer:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, seq):
        return self.r.choice(seq)

    def fill(self, s, ctx):
        out = s
        for _ in range(3):
            try:
                out = out.format(**ctx)
            except (KeyError, IndexError):
                raise
            if "{" not in out:
                break
        return out

    # ------------------------------------------------------------------ #
    def base_ctx(self):
        r = self.r
        city = r.choice(CITIES)
        victim_t, sector = r.choice(VICTIM_ORGS)
        victim = victim_t.format(city=city)
        vendor = r.choice(VENDORS)
        short = victim.split(" ", 1)[1]
        for cut in (" in ", " based", " headquartered", " near ", " serving"):
            short = short.split(cut)[0]
        ctx = dict(city=city, victim=victim, victim_cap=victim[0].upper() + victim[1:],
                   victim_short=short,
                   sector=sector, vendor=vendor, month=r.choice(MONTHS), weekday=r.choice(WEEKDAYS),
                   country_v=r.choice(COUNTRY_V), brand=r.choice(BRANDS), money=r.choice(MONEY),
                   count=r.choice(["12", "27", "48", "130", "2,400", "18,000", "35,000", "several hundred", "more than 60", "about 9,000"]),
                   person=r.choice(PEOPLE), media=r.choice(MEDIA), site=r.choice(SITES))
        ctx["role"] = r.choice(ROLES).format(vendor=r.choice(VENDORS), city=r.choice(CITIES))
        rep = r.choice(REPORTERS).format(vendor=vendor)
        ctx["reporter"] = rep
        ctx["reporter_cap"] = rep[0].upper() + rep[1:]
        return ctx

    # ------------------------------------------------------------------ #
    def attribution(self, family, kind, ctx):
        """Return (level, paragraph, actors, sources, denied, denial_text, extra_labels)."""
        r = self.r
        pools, weights = KIND_ACTORS[kind]
        pools = pools.split()
        level = r.choices(["none", "claimed", "suspected", "attributed"], weights)[0]
        if level == "none":
            return "none", self.fill(r.choice(NONE_ATTR), ctx), [], [], False, "", []
        if level == "claimed":
            if "seller" in pools and ("hack" not in pools or r.random() < 0.5):
                grp = r.choice(SELLERS)
                text = r.choice(CLAIMED_SELLER).replace("{grp}", grp)
                return "claimed", text, [grp.strip("'")], ["self"], False, "", []
            grp = r.choice(HACKTIVISTS)
            text = self.fill(r.choice(CLAIMED_HACKTIVIST).replace("{grp}", grp), dict(ctx, state_v=ctx["country_v"]))
            return "claimed", text, [grp], ["self"], False, "", ["hacktivism"]
        if "state" in pools and "crime" in pools:
            state_side = r.random() < 0.55
        else:
            state_side = "state" in pools
        if not state_side:
            name, aliases = r.choice(CRIME_GROUPS)
            grp = r.choice(aliases)
            if level == "suspected":
                t = r.choice(SUSPECTED_CRIME)[0]
                src = ["media"] if "{media}" in t else ["vendor"]
            else:
                t, s = r.choice([a for a in ATTRIBUTED_CRIME if a[1] != "victim" or ctx["victim"] in ctx["_lede"]])
                src = [s]
            text = self.fill(t.replace("{grp}", grp), ctx)
            denied = False
            dtext = ""
            if level != "none" and r.random() < 0.12:
                dtext = r.choice(DENIALS["_crime"]).replace("{grp}", grp)
                denied = True
            extra = ["policy"] if src[0] in ("legal", "government") else []
            return level, text, [name], src, denied, dtext, extra
        name, aliases, state, adj, agency = r.choice(STATE_GROUPS)
        grp = r.choice(aliases)
        if level == "suspected":
            pool, srcname = (SUSPECTED_VENDOR, "vendor") if r.random() < 0.78 else (SUSPECTED_MEDIA, "media")
        else:
            x = r.random()
            if x < 0.45:
                pool, srcname = ATTRIBUTED_GOV, "government"
            elif x < 0.65:
                pool, srcname = ATTRIBUTED_LEGAL, "legal"
            elif x < 0.88:
                pool, srcname = ATTRIBUTED_VENDOR, "vendor"
            elif ctx["victim"] in ctx["_lede"]:
                pool, srcname = ATTRIBUTED_VICTIM, "victim"
            else:
                pool, srcname = ATTRIBUTED_VENDOR, "vendor"
        cands = [p for p in pool if agency or not p[2]]
        t, uses_state, uses_agency = r.choice(cands)
        gov_country = r.choice([k for k in GOV_BODIES if k not in ("UA",) or state == "Russia"])
        gov = r.choice(GOV_BODIES[gov_country])
        c2 = dict(ctx, victim_cap="{victim_cap}", grp=grp, state=state, adj=adj, agency=agency or "", gov=gov, gov_cap=gov[0].upper() + gov[1:])
        text = self.fill(t, c2)
        actors = [name]
        if uses_state:
            actors.append(state)
        if uses_agency and agency:
            actors.append(agency)
        # "suspected {adj} hackers" style without the group name
        if "{grp}" not in t:
            actors = [state] + ([agency] if uses_agency and agency else [])
        sources = [srcname]
        if level == "attributed" and srcname in ("government", "legal") and r.random() < 0.3:
            sources.append("vendor")
            text += " " + self.fill("{vendor} said its own findings were consistent with the assessment.", ctx)
        denied, dtext = False, ""
        if r.random() < (0.45 if level == "attributed" else 0.25):
            dtext = r.choice(DENIALS[state])
            denied = True
            if state not in actors:
                actors.append(state)
        # espionage only when the text ties the group to a state
        extra = ["espionage"] if state in actors else []
        if srcname in ("government", "legal"):
            extra.append("policy")
        return level, text, actors, sources, denied, dtext, extra

    # ------------------------------------------------------------------ #
    def scenario(self):
        r = self.r
        fam = r.choices(["phishing", "malware", "vulnerability", "supply_chain"], [26, 27, 27, 20])[0]
        ctx = self.base_ctx()
        labels = [fam]
        tech, advice = [], []
        if fam == "phishing":
            kind = r.choice(list(PHISH_KINDS))
            k = PHISH_KINDS[kind]
            title = r.choice(k["titles"]); lede = r.choice(k["ledes"])
            details = r.sample(k["details"], r.randint(1, min(3, len(k["details"]))))
            tech = [r.choice(PHISH_TECH)] if kind == "credential" and r.random() < 0.5 else []
            advice = [r.choice(PHISH_ADVICE)]
            if kind in ("credential", "smishing") and r.random() < 0.25:
                st = r.choice(STEALERS)
                details.append(f"In a second wave, the links delivered the {st} infostealer instead of a login page.")
                labels.append("malware")
        elif fam == "malware":
            kind = r.choice(list(MAL_KINDS))
            k = MAL_KINDS[kind]
            ctx["mal"] = r.choice(k["names"])
            titles = k["titles"]
            if ctx["mal"][:2] in ("a ", "an", "a'") or ctx["mal"].startswith("a "):
                titles = [t for t in titles if "{mal}" not in t] or titles
            title = r.choice(titles); lede = r.choice(k["ledes"])
            details = r.sample(k["details"], r.randint(1, min(3, len(k["details"]))))
            labels += k["extra"]
            if kind in ("stealer", "rat", "loader") and r.random() < 0.35:
                details.insert(0, r.choice([
                    "The malware arrives in phishing emails posing as {brand} notifications.",
                    "Victims are lured with fake invoices sent from compromised business mailboxes.",
                    "The infection chain starts with a phishing email carrying a link to a password-protected archive."]))
                labels.append("phishing")
            tech = [r.choice(MAL_TECH)] if r.random() < 0.6 else []
            advice = [r.choice(MAL_ADVICE)] if r.random() < 0.6 else []
        elif fam == "vulnerability":
            kind = r.choice(list(VULN_KINDS))
            k = VULN_KINDS[kind]
            vend, prod = r.choice(PRODUCTS)
            bug = r.choice(BUGTYPES)
            ctx.update(vendor_p=vend, product=prod, cve=cve(r), bugtype=bug, bugtype_short=bug.split(" ", 1)[1],
                       cvss=r.choice(CVSS_HIGH if r.random() < 0.7 else CVSS_MED))
            title = r.choice(k["titles"]); lede = r.choice(k["ledes"])
            details = r.sample(k["details"], r.randint(1, min(2, len(k["details"]))))
            tech = [r.choice(VULN_TECH)] if r.random() < 0.6 else []
            advice = [r.choice(VULN_ADVICE)]
        else:
            kind = r.choice(list(SUP_KINDS))
            k = SUP_KINDS[kind]
            reg, lang = r.choice(REGISTRIES)
            sw = r.choice(SOFTWARE)
            msp = r.choice(MSPS).format(city=ctx["city"])
            ctx.update(registry=reg, lang=lang, pkg=r.choice(PKG_NAMES), software=sw,
                       software_short=sw.replace("a ", "", 1).replace("an ", "", 1), msp=msp, msp_cap=msp[0].upper() + msp[1:])
            title = r.choice(k["titles"]); lede = r.choice(k["ledes"])
            details = r.sample(k["details"], r.randint(1, min(3, len(k["details"]))))
            labels += k["extra"]
            if kind == "msp" and r.random() < 0.4:
                details.append(self.fill("The intruders deployed the {rat} remote-access trojan on customer machines.", dict(ctx, rat=r.choice(RATS))))
                labels.append("malware")
            tech = [r.choice(SUP_TECH)] if r.random() < 0.5 else []
            advice = [r.choice(SUP_ADVICE)] if r.random() < 0.7 else []

        ctx["_lede"] = self.fill(lede, ctx)
        level, attr_text, actors, sources, denied, dtext, extra = self.attribution(fam, kind, ctx)
        # state victims are sometimes swapped in when a state actor is involved
        if "espionage" in extra and r.random() < 0.5 and ctx["victim"] in ctx["_lede"]:
            sv = r.choice(STATE_VICTIMS)
            ctx["victim"] = sv; ctx["victim_cap"] = sv[0].upper() + sv[1:]
            ctx["victim_short"] = sv.replace("the ", "", 1)
        # resolve victim placeholders in the attribution text after a possible swap
        attr_text = attr_text
        for e in extra:
            if e not in labels:
                labels.append(e)
        # primary stays the scenario family unless the story is a state espionage op
        # with phishing/malware only as the vehicle and the text stresses it (rare)
        return fam, kind, ctx, labels, title, lede, details, tech, advice, level, attr_text, actors, sources, denied, dtext

    # ------------------------------------------------------------------ #
    def record(self, idx):
        r = self.r
        (fam, kind, ctx, labels, title, lede, details, tech, advice,
         level, attr_text, actors, sources, denied, dtext) = self.scenario()
        style = r.choices(["wire_brief", "headline_summary", "news_story", "feed_noise", "headline_only",
                           "press_release", "breach_notice", "blog"], [30, 14, 22, 12, 5, 7, 3, 7])[0]
        if style == "press_release":
            ctx["reporter"] = ctx["reporter_cap"] = ctx["vendor"] + "'s researchers"
        F = lambda s: self.fill(s, ctx)
        title = F(title); lede = F(lede)
        details = [F(d) for d in details]; tech = [F(t) for t in tech]; advice = [F(a) for a in advice]
        attr_text = F(attr_text) if attr_text else ""
        dtext = F(dtext) if dtext else ""
        if style == "breach_notice" and fam != "supply_chain":
            style = "news_story"
        if style == "headline_only" and level != "none":
            style = "headline_summary"
        bg = r.choice(BACKGROUND[fam])
        quote = F(r.choice(QUOTES_GENERIC[fam]))
        nd_pool = NOT_DENIALS if ctx["victim"] in lede else [x for x in NOT_DENIALS if "{victim" not in x]
        notden = F(r.choice(nd_pool)) if r.random() < 0.3 else ""
        body_parts = []
        if style == "headline_only":
            body = ""
        elif style == "headline_summary":
            s = lede
            if attr_text:
                s += " " + attr_text
            body = s
        elif style == "feed_noise":
            s = lede + " " + (details[0] if details else "")
            if attr_text and (level != "none" or r.random() < 0.5):
                s += " " + attr_text
                if dtext and denied:
                    s += " " + dtext
            words = s.split()
            tail = r.choice(FEED_TAILS).format(title=title, site=ctx["site"])
            # truncation must not cut the attribution or denial sentence
            keep = len(words)
            if r.random() < 0.5 and level == "none":
                keep = max(12, int(len(words) * r.uniform(0.5, 0.9)))
            head = " ".join(words[:keep])
            if keep < len(words):
                head = head.rstrip(".,;:")
                if not tail.startswith(("[", ".")):
                    head += "..."
            body = head + ("" if tail == "..." and keep < len(words) else " ") + tail
            body = body.strip()
        elif style == "wire_brief":
            parts = [lede] + details[:1]
            if attr_text:
                parts.append(attr_text)
            if dtext:
                parts.append(dtext)
            if notden and r.random() < 0.5:
                parts.append(notden)
            body = " ".join(parts)
        elif style == "press_release":
            ctx["role"] = r.choice(["director of threat intelligence", "chief research officer", "head of the research team",
                                    "principal threat analyst", "chief technology officer"]) + " at " + ctx["vendor"]
            opener = F(r.choice(PR_OPEN))
            first = opener + ". " + lede
            middle = details + tech
            paras = [first, " ".join(middle)]
            if attr_text:
                paras.append(attr_text)
            paras.append(F("\"Our customers are protected, and we are sharing indicators with the community,\" said {person}, {role}."))
            paras.append(F("About {vendor}: {vendor} provides threat intelligence and detection services to organisations worldwide. Media contact: press@example.com"))
            body = "\n\n".join(paras)
            if dtext:
                body += "\n\n" + dtext
        elif style == "breach_notice":
            firm = r.choice(FIRMS)
            paras = [F(r.choice(LAWFIRM).replace("{firm}", firm)), lede + " " + " ".join(details[:2])]
            if attr_text:
                paras.append(attr_text)
            if notden:
                paras.append(notden)
            paras.append("Contact the firm for a free consultation. Attorney advertising.")
            body = "\n\n".join(paras)
            if "data_breach" not in labels:
                labels.append("data_breach")
        else:  # news_story / blog: several paragraphs in varied order
            paras = [lede]
            mid = []
            if details:
                mid.append(" ".join(details))
            if tech:
                mid.append(" ".join(tech))
            if r.random() < 0.7:
                mid.append(quote)
            if notden:
                mid.append(notden)
            r.shuffle(mid)
            paras += mid
            att_block = ""
            if attr_text:
                att_block = attr_text + (" " + dtext if dtext else "")
            elif dtext:
                att_block = dtext
            # attribution sometimes early, sometimes late
            if att_block:
                pos = r.choice([1, len(paras), len(paras)])
                paras.insert(pos, att_block)
            if r.random() < 0.7:
                paras.insert(r.randint(1, len(paras)), bg)
            if advice:
                paras.append(" ".join(advice))
            if style == "blog" and r.random() < 0.5:
                paras.append(F("Indicators of compromise and detection rules are available on {vendor}'s GitHub repository."))
            if r.random() < 0.3:
                # occasionally merge two paragraphs into one
                i = r.randint(0, len(paras) - 2) if len(paras) > 1 else 0
                if len(paras) > 1:
                    paras[i:i + 2] = [paras[i] + " " + paras[i + 1]]
            body = "\n\n".join(p for p in paras if p)
        # titles: a few empty, some lower-case feed style
        if r.random() < 0.03 and body:
            title = ""
        elif style == "feed_noise" and r.random() < 0.3:
            title = title.upper() if r.random() < 0.2 else title
        # denial only counts when the denial sentence made it into the body
        if denied and dtext not in body:
            denied = False
        if level != "none" and attr_text and attr_text not in body:
            # attribution sentence dropped by the chosen style: downgrade honestly
            level, actors, sources, denied = "none", [], [], False
            labels = [l for l in labels if l not in ("espionage", "policy", "hacktivism")]
        fix = lambda t: t.replace("s's ", "s' ")
        title, body = fix(title), fix(body)
        if title:
            title = title[0].upper() + title[1:]
        primary = labels[0]
        return {"id": f"thc-{idx:04d}", "title": title, "body": body, "threat_types": labels, "primary": primary,
                "attribution": level, "actors": actors, "sources": sources, "denied": denied,
                "style": style, "origin": "composed:" + SCRIPT}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=900)
    ap.add_argument("--seed", type=int, default=7177)
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args()
    c = Composer(a.seed)
    seen = set()
    recs = []
    i = 1
    tries = 0
    while len(recs) < a.n and tries < a.n * 5:
        tries += 1
        rec = c.record(i)
        key = (rec["title"], rec["body"])
        if key in seen:
            continue
        seen.add(key)
        recs.append(rec)
        i += 1
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} records to {a.out}")


if __name__ == "__main__":
    main()
