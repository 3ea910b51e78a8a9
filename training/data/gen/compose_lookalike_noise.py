#!/usr/bin/env python3
"""Compose look-alike non-threat articles and noisy feed items.

Builds training/data/articles/lookalike_noise_composed.jsonl from hand-written
fragment pools. Two families of records:

* ``none`` look-alikes: stories that borrow security vocabulary ("hack",
  "breach", "virus", "ransom", "attack", "phishing", "Typhoon", "Panda",
  "Cobalt", "secure enclave", security-company share prices) without reporting
  any cyber-security threat.
* noisy short feed items for every threat label and attribution level:
  headline-only entries, truncated one-line summaries, RSS boilerplate,
  cookie banners, newsletter junk, ALL-CAPS headlines, law-firm breach alerts,
  press-release phrasing and social-media one-liners.

Labels are derived from the fragments that are chosen, never guessed after the
fact: each threat item is built from an event (its labels), an attribution
fragment (level, actors, sources, extra labels) and an optional denial
fragment. Wrapping (truncation, boilerplate) never removes the sentences that
carry attribution or denial. Deterministic: fixed random seed.

Usage: python compose_lookalike_noise.py [--out PATH] [--none N] [--threat N]
"""
import argparse
import json
import os
import random

SEED = 20240611
SCRIPT = "compose_lookalike_noise.py"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "articles", "lookalike_noise_composed.jsonl")

# ---------------------------------------------------------------------------
# Shared pools
# ---------------------------------------------------------------------------

FIRST = ["Marta", "Jonas", "Aisha", "Tomasz", "Léa", "Ravi", "Sun-hee", "Mateus", "Ingrid", "Kwame",
         "Nguyễn Văn", "Zofia", "Hiroshi", "Camila", "Oskar", "Fatou", "Björn", "Priya", "Dmitri", "Elif",
         "Joaquín", "Anneke", "Chidi", "Małgorzata", "Søren", "Thandiwe", "Lucía", "Yusuf", "Greta", "Wei",
         "Ahmad", "Siobhán", "Emeka", "Paulina", "Rafael", "Noor", "Mikko", "Beatriz", "Dang", "Helga"]
LAST = ["Kowalczyk", "Müller", "Okonkwo", "Fernandes", "Lindgren", "Yamamoto", "Dubois", "Haddad", "Novák",
        "Ødegaard", "Papadopoulos", "Reyes", "Schröder", "Achterberg", "Nakamura", "Mensah", "Wójcik",
        "Castellanos", "Brennan", "Iyer", "Zielińska", "Vasquez", "Häkkinen", "Đặng", "Ferreira", "O'Connell",
        "Aydın", "Kruger", "Bianchi", "Sørensen", "Lefèvre", "Adeyemi", "Petrović", "Jansen", "Cruz",
        "Tanaka", "Gallagher", "Moreau", "Kaplan", "Rossi"]
CITIES = ["Łódź", "São Paulo", "Kraków", "Munich", "Zürich", "Hồ Chí Minh City", "Reykjavík", "Malmö",
          "Bogotá", "İzmir", "Poznań", "Göteborg", "Montréal", "Bilbao", "Tampere", "Brno", "Porto",
          "Nairobi", "Lagos", "Osaka", "Busan", "Cluj-Napoca", "Wrocław", "Rotterdam", "Ghent", "Lyon",
          "Valparaíso", "Medellín", "Kaunas", "Tartu", "Leeds", "Cork", "Adelaide", "Auckland", "Halifax",
          "Córdoba", "Thessaloniki", "Trondheim", "Bratislava", "Đà Nẵng", "Chennai", "Cebu"]
SITES = ["TechPulse", "The Daily Ledger", "Gadget Weekly", "Metro Courier", "Northern Star", "SportZone",
         "Health Wire", "Market Minute", "The Tribune Online", "City Post", "Outdoor Life Digest",
         "GameSpace", "Weather Now", "The Angler's Journal", "Capital Markets Daily", "Reel Talk",
         "CyberWire Today", "InfoSec Brief", "ThreatDesk", "Security Affairs Daily", "SecOps Weekly",
         "The Patch Report", "Breach Tracker", "Cloud Defender Blog", "Nordic Tech Wire", "LatAm Cyber Report"]

COOKIE = [
    "We use cookies to give you the best experience. By continuing you agree to our cookie policy. Accept | Settings",
    "This website uses cookies. Accept all | Reject all | Manage preferences",
    "We value your privacy. We and our 214 partners store and access information on your device. ACCEPT  MORE OPTIONS",
    "Cookies help us deliver our services. By using our services, you agree to our use of cookies. Learn more  Got it",
    "Your privacy choices: we use essential cookies and, with your consent, analytics cookies. Allow all | Only essential",
    "By clicking 'Accept', you agree to the storing of cookies on your device to enhance site navigation. Accept Cookies",
]
NEWSLETTER = [
    "Sign up for our free newsletter and get the top stories every morning. Subscribe",
    "Don't miss a story. Join 50,000 readers who get our weekly briefing. Enter your email →",
    "Like this article? Subscribe to our daily digest. Unsubscribe at any time.",
    "Get breaking news alerts straight to your inbox. Sign up now - it's free!",
    "Want more like this? Follow us on LinkedIn and X, and subscribe to our podcast.",
    "Newsletter: The Friday Wrap. Your email address [____________] Sign up",
    "Support independent journalism. Become a member from just €4 a month.",
]
READMORE = ["Read more", "Read more »", "Continue reading →", "Read the full story", "[Read More]", "Full story »",
            "Click here to read more.", "… read more", "More on this story below."]
RSS_TAIL = [
    "The post {t} appeared first on {s}.",
    "The post {t} appeared first on {s}",
    "Source: {s}",
    "This article originally appeared on {s}.",
    "{t} was originally published in {s}.",
    "(via {s})",
]
TRUNC = ["...", "…", " […]", " [...]", "…"]
SOCIAL_TAGS = ["", " 🔥", " 👀", " #news", " 🧵", " (1/3)", " 😬", " ⬇️", " lol", " #thread"]

def person(rng):
    return "%s %s" % (rng.choice(FIRST), rng.choice(LAST))

def truncate(text, rng):
    """Cut a sentence in the middle and end it with an ellipsis marker."""
    words = text.split()
    if len(words) < 8:
        return text.rstrip(".") + rng.choice(TRUNC)
    cut = rng.randint(max(5, len(words) // 2), len(words) - 2)
    return " ".join(words[:cut]).rstrip(",;:") + rng.choice(TRUNC)

def wrap(title, sentences, protected, rng, mode=None):
    """Turn a title plus body sentences into a feed item.

    ``protected`` is the number of leading sentences that must survive (they
    carry attribution or denial). Returns (title, body, style).
    """
    modes = ["headline_only", "truncated", "rss", "readmore", "cookie", "newsletter",
             "caps", "social", "plain", "plain"]
    mode = mode or rng.choice(modes)
    site = rng.choice(SITES)
    if mode == "headline_only":
        return title, "", "feed_noise"
    if mode == "caps":
        body = ""
        if sentences and (protected > 0 or rng.random() < 0.5):
            keep = sentences[:max(1, protected)]
            body = " ".join(keep)
            if rng.random() < 0.5:
                body += " " + rng.choice(READMORE)
        return title.upper(), body, "feed_noise"
    if mode == "social":
        txt = title + rng.choice(SOCIAL_TAGS)
        if rng.random() < 0.3 and protected == 0:
            return "", txt, "social"
        return txt, "", "social"
    keep = sentences[:max(protected, 1 if mode != "plain" else len(sentences))]
    extra = sentences[len(keep):]
    if mode == "truncated":
        if extra:
            keep = keep + [truncate(extra[0], rng)]
        elif protected == 0 and keep:
            keep = keep[:-1] + [truncate(keep[-1], rng)]
        else:
            keep = keep + [rng.choice(["More details to follow…", "Developing story…", "Updates to follow […]"])]
        return title, " ".join(keep), "headline_summary"
    if mode == "rss":
        if extra and rng.random() < 0.5:
            keep = keep + [truncate(extra[0], rng)]
        return title, " ".join(keep) + " " + rng.choice(RSS_TAIL).format(t=title, s=site), "feed_noise"
    if mode == "readmore":
        return title, " ".join(keep) + " " + rng.choice(READMORE), "feed_noise"
    if mode == "cookie":
        body = " ".join(sentences) if rng.random() < 0.5 else " ".join(keep)
        if rng.random() < 0.5:
            return title, body + "\n\n" + rng.choice(COOKIE), "feed_noise"
        return title, rng.choice(COOKIE) + "\n\n" + body, "feed_noise"
    if mode == "newsletter":
        return title, " ".join(sentences) + "\n\n" + rng.choice(NEWSLETTER), "feed_noise"
    return title, " ".join(sentences), None

# ---------------------------------------------------------------------------
# None look-alikes: per-topic pools. Slots are filled from slot_values().
# ---------------------------------------------------------------------------

TEAMS = ["Rovers", "Athletic", "United", "Lokomotiv", "Sporting", "Dynamo", "Wanderers", "Real Oviedo",
         "Górnik Zabrze", "Bohemians", "Ferencváros", "Besiktas", "Atlético Nacional", "Brøndby", "Lech Poznań",
         "Olimpia", "Racing Club", "Hibernian", "Vitória", "Slavia", "Rapid Wien", "Malmö FF", "Hajduk"]
GADGET_BRANDS = ["Nimbus", "Lumex", "Aurelia", "Sonara", "Veltro", "Qunlai", "Mobius", "Kestrel", "Orrin",
                 "Halden", "Tessera", "Brightwave", "Zephyra", "Novacell", "Pinegrove", "Arkos"]
SEC_COMPANIES = ["CyberShield Holdings", "SecureVault", "Varonex Systems", "Fortiq", "Sentinel Data",
                 "NetWarden", "Ironclad Software", "Bastion Networks", "Cloudgate", "Helix Identity",
                 "Palo Alto Networks", "CrowdStrike", "Zscaler", "Okta", "Check Point", "Fortinet",
                 "SentinelOne", "Rapid7", "Tenable", "Qualys", "Darktrace", "Cloudflare", "Akamai"]
STORM_NAMES = ["Storm Agnes", "Storm Babet", "Storm Ciarán", "Storm Henk", "Storm Isha", "Storm Jocelyn",
               "Storm Kathleen", "Storm Éowyn", "Storm Darragh", "Storm Bert", "Storm Boris", "Storm Daniel",
               "Storm Zoltan", "Storm Otto", "Storm Gerrit", "Storm Lilian"]
TYPHOONS = ["Typhoon Haikui", "Typhoon Koinu", "Typhoon Gaemi", "Typhoon Shanshan", "Typhoon Yagi",
            "Typhoon Krathon", "Typhoon Kong-rey", "Typhoon Doksuri", "Typhoon Saola", "Typhoon Lan",
            "Typhoon Mawar", "Typhoon Khanun", "Typhoon Bebinca", "Typhoon Usagi", "Typhoon Man-yi"]
TYPHOON_PLACES = ["Okinawa", "Luzon", "Taiwan's east coast", "Hainan", "Guangdong", "Kyushu", "Shikoku",
                  "northern Vietnam", "Zhejiang", "Fujian", "the Ryukyu Islands", "Jeju"]
BLIZZ_PLACES = ["North Dakota", "the Sierra Nevada", "Minnesota", "Manitoba", "the Alps near Innsbruck",
                "Hokkaido", "Buffalo", "Saskatchewan", "Wyoming", "the Scottish Highlands", "Kazakhstan's north"]
ZOOS = ["Vienna's Schönbrunn zoo", "Berlin Zoo", "Edinburgh Zoo", "Ouwehands Dierenpark", "Madrid Zoo",
        "Zoo Atlanta", "Adelaide Zoo", "Beauval zoo", "Pairi Daiza", "Chengdu's breeding base", "Tokyo's Ueno Zoo",
        "Ahtari Zoo", "Copenhagen Zoo", "Moscow Zoo", "Kuala Lumpur's Zoo Negara"]
GAMES = ["Cyber Dusk 2099", "Cyber Rally X", "CyberFront Tactics", "Cyber Shinobi", "Cyber Farm Simulator",
         "Cyberdrift", "Cyber Knights Arena", "Neon Cyber Golf", "Cyber Samba", "Cyber Siege Online",
         "CyberPets", "Cyber Courier", "Cyber Kaiju", "Cyber Chess Royale"]
NOVELS = ["The Ransom of Lake Orta", "A Ransom in Salt", "Ransom at Midnight Station", "Twelve Days of Ransom",
          "The Ransom Letters", "King's Ransom", "No Ransom for Clara", "The Dunmore Ransom", "Ransom Road",
          "The Quiet Ransom", "A Ransom of Crows"]
FISH = ["pike", "carp", "brown trout", "salmon", "catfish", "zander", "sea bass", "mahseer", "tarpon", "perch"]
LAKES = ["Lough Derg", "Lake Vänern", "the River Tay", "Lake Balaton", "the Ebro", "Lake Taupō", "the Shannon",
         "Lake Constance", "the Danube near Győr", "Lago Maggiore", "Lake Inari", "the Kenai River"]

def slot_values(rng):
    return {
        "city": rng.choice(CITIES), "city2": rng.choice(CITIES), "name": person(rng), "name2": person(rng),
        "n": rng.choice([3, 4, 5, 6, 7, 9, 11, 12, 14, 17, 21, 27, 33, 40]),
        "big": rng.choice(["1,200", "3,400", "12,000", "48,000", "150,000", "210,000", "2.3 million"]),
        "pct": rng.choice(["2.1", "3.4", "4.8", "6", "7.5", "9.2", "11", "12.6", "14", "18", "22"]),
        "price": rng.choice(["$199", "$349", "$499", "€179", "€249", "£129", "$899", "$1,299", "€1,099", "¥49,800"]),
        "team1": rng.choice(TEAMS), "team2": rng.choice(TEAMS), "brand": rng.choice(GADGET_BRANDS),
        "company": rng.choice(SEC_COMPANIES), "storm": rng.choice(STORM_NAMES), "typhoon": rng.choice(TYPHOONS),
        "tplace": rng.choice(TYPHOON_PLACES), "bplace": rng.choice(BLIZZ_PLACES), "zoo": rng.choice(ZOOS),
        "game": rng.choice(GAMES), "novel": rng.choice(NOVELS), "fish": rng.choice(FISH), "lake": rng.choice(LAKES),
        "kg": rng.choice(["8", "11", "14", "17", "19", "23", "31", "38", "41"]),
        "gold": rng.choice(["$2,050", "$2,180", "$2,310", "$2,405", "$2,470", "$2,530", "$2,650", "$2,720"]),
        "cobalt": rng.choice(["$21,500", "$24,000", "$26,800", "$29,000", "$33,500"]),
        "score": rng.choice(["2-1", "3-2", "1-0", "4-1", "2-2", "0-3", "3-1", "1-2"]),
        "minute": rng.choice(["12th", "27th", "38th", "54th", "67th", "81st", "88th", "90th"]),
        "wind": rng.choice(["90", "110", "120", "135", "150", "165", "180", "200"]),
    }

NONE_TOPICS = {}

def topic(key, style, titles, ledes, details, quotes, roles):
    NONE_TOPICS[key] = dict(style=style, titles=titles, ledes=ledes, details=details, quotes=quotes, roles=roles)

topic("biohack", "feature",
      ["How I hacked my sleep in {n} days", "Biohacking {city}: inside the cold-plunge craze",
       "Diet hack or fad? Nutritionists weigh in on {n}-hour fasting", "The productivity hack that saved my mornings",
       "'Sleep hacking' gadgets: do any of them work?", "Hack your focus: the {n}-minute rule explained",
       "Biohackers flock to {city} longevity summit", "Can you hack your metabolism? Science says: barely",
       "This breakfast hack went viral. We asked a dietitian", "Hacking the afternoon slump without coffee",
       "Biohacker's $40,000 routine, ranked from useful to absurd", "Forget apps: the oldest sleep hack is darkness"],
      ["A growing number of people in {city} are trying to 'hack' their bodies with cold water, fasting and wearable trackers.",
       "The idea of biohacking, treating the body like a system to be tuned, has moved from fringe forums to gym chains.",
       "Productivity influencers promise that a few small hacks can reclaim hours of the day.",
       "For {n} days, I followed every sleep hack my colleagues recommended, from mouth tape to a sunrise lamp.",
       "Intermittent fasting has been called the ultimate diet hack, but researchers remain divided.",
       "The newest wellness trend sweeping {city} involves ice baths at dawn and a lot of data.",
       "Sleep trackers promise to reveal what goes wrong at night, and a whole industry of 'sleep hacks' has followed.",
       "Time-blocking, inbox zero, the two-minute rule: the productivity hacks keep coming."],
      ["Most of the evidence behind the trend comes from small studies.",
       "Doctors say regular bedtimes and daylight exposure beat any gadget.",
       "A cold plunge tub can cost as much as {price}, or several thousand for premium models.",
       "Sales of magnesium supplements in {city} pharmacies rose {pct}% last year.",
       "Participants logged their heart rate, mood and sleep for {n} weeks.",
       "Several of the most popular hacks turned out to make no measurable difference.",
       "The summit drew more than {big} visitors over two days.",
       "Dietitians caution that extreme fasting can be risky for people with certain conditions.",
       "Critics say the movement sells control more than health.",
       "The rings and bands are good at measuring when you sleep, less so at telling you why you slept badly.",
       "An afternoon walk did more for focus than any supplement in the trial."],
      ["If you want to hack your sleep, go to bed at the same time every night",
       "Most of these hacks work because people start paying attention, not because of the gadget",
       "I tried everything, and the thing that worked was putting my phone in another room",
       "It's wellness with a dashboard",
       "There's no shortcut for rest, as boring as that sounds",
       "Cold water gives you a buzz. Whether it does anything else is another question",
       "I'm not against experimenting, I'm against spending a fortune on it"],
      ["a sleep researcher", "a dietitian in {city}", "a self-described biohacker", "a sports physician",
       "the founder of a wellness start-up", "a neuroscientist at a university hospital", "a personal trainer"])

topic("growth", "blog",
      ["Growth hacking is over. What comes next?", "{n} growth hacks that still work for small shops",
       "The growth hacker who built a {city} start-up to {big} users", "Referral loops: the growth hack everyone copies",
       "Why your growth hacks stopped working", "From growth hacking to retention: a founder's confession",
       "Inside {city}'s growth-hacking bootcamp", "Marketers say 'hack' too much. Here's why it matters"],
      ["Growth hacking, the art of squeezing fast user growth out of clever tricks, defined a decade of start-ups.",
       "A {city} founder says a single referral tweak tripled sign-ups.",
       "Marketers once swore by viral invite loops and waitlists. Many now say those growth hacks have run their course.",
       "At a marketing conference in {city}, the buzzword of the day was not growth but retention."],
      ["Ad costs have risen sharply and app-store rules limit what tracking is possible.",
       "The company now spends more on onboarding than on acquisition.",
       "Attendees paid {price} for a two-day course on conversion tricks.",
       "A/B tests on the checkout page lifted conversions by {pct}%.",
       "Several speakers warned against fake scarcity and dark patterns.",
       "The start-up has {big} registered users but only a fraction are active monthly."],
      ["The exploit got patched, so to speak. Cheap growth is gone",
       "Retention is the new growth hack",
       "We hacked our way to users we couldn't keep",
       "A trick is not a strategy"],
      ["a marketing consultant", "the start-up's co-founder", "a venture investor", "a conference organiser"])

topic("lifehack", "listicle",
      ["{n} kitchen hacks that will change how you cook", "{n} travel hacks for long-haul flights",
       "Cleaning hacks from professional housekeepers", "The IKEA hack that went viral in {city}",
       "Life hacks for tiny apartments", "{n} parenting hacks we actually use", "Laundry hacks that save money",
       "Camping hacks for rainy weekends", "Budget hacks for students in {city}", "Hacks for keeping houseplants alive",
       "Garden hacks: {n} tricks for a better harvest", "Moving-day hacks nobody tells you about"],
      ["Readers sent us their favourite tricks, and we tested them.",
       "Some of these hacks are old; a few were new even to us.",
       "Small fixes can make a big difference, especially in a flat in {city}.",
       "We asked {n} professionals for the shortcuts they use every day.",
       "A shelf, a bracket and a bit of paint turned a basic bookcase into a room divider."],
      ["Freeze leftover herbs in olive oil in an ice-cube tray.",
       "Roll clothes instead of folding them to save suitcase space.",
       "A squeegee lifts pet hair off carpets better than most vacuums.",
       "Put a wooden spoon across a boiling pot to stop it frothing over.",
       "Label the cables before you unplug anything.",
       "Use a shower caddy to keep a baby's bath things in one place.",
       "Vinegar and baking soda clear most slow drains.",
       "Pack a 'first night' box with kettle, mugs, chargers and toilet paper.",
       "A tennis ball in the dryer keeps down jackets fluffy.",
       "Coffee grounds make a decent slug barrier around lettuces."],
      ["I wish someone had told me this years ago", "It sounds silly, but it works",
       "Honestly, the cheapest tricks are the best ones"],
      ["a reader from {city}", "a professional organiser", "a chef", "our home editor"])

topic("launch", "product_launch",
      ["{brand} unveils new laptop with 'secure enclave' for passkeys", "{brand} Phone {n} launches with dedicated security chip",
       "{brand} tablet promises 'bank-grade' encryption and {n}-day battery", "Hands-on: {brand}'s new camera encrypts every photo",
       "{brand} smartwatch adds secure element for contactless payments", "{brand} launches 'privacy-first' phone at {price}",
       "{brand} X{n} review: the secure enclave is the least interesting part", "{brand} doorbell camera touts on-device AI, no cloud"],
      ["{brand} on Tuesday launched its latest device, pitching a separate security chip that stores fingerprints and passkeys.",
       "At a launch event in {city}, {brand} showed off a {n}-inch model with what it calls a secure enclave.",
       "The new {brand} handset arrives with marketing that leans heavily on privacy.",
       "{brand}'s latest camera signs and encrypts each photo on the device, a feature aimed at news photographers.",
       "Priced at {price}, the new {brand} device goes on sale next month."],
      ["The chip keeps biometric data away from the main processor, the company said.",
       "Battery life is rated at {n} hours of video playback.",
       "Reviewers will get units next week.",
       "The display is brighter than last year's and the hinge has been redesigned.",
       "Pre-orders open on Friday in Europe and Japan.",
       "The company promised {n} years of software updates.",
       "Analysts expect the device to compete mainly on price.",
       "A matte finish comes in three colours."],
      ["Your data never leaves the device", "We built privacy into the silicon",
       "It's the fastest machine we've ever made", "People want a phone they can trust, and one that lasts"],
      ["{brand}'s head of product", "the company's chief executive", "a product manager at {brand}", "an industry analyst"])

topic("stocks", "market_report",
      ["{company} shares fall {pct}% after soft guidance", "{company} stock jumps after earnings beat",
       "{company} raises full-year outlook; shares at record", "Why {company} stock slid today",
       "Security stocks rally as tech sector rebounds", "{company} beats revenue estimates, billings slow",
       "Analysts upgrade {company} to 'buy'", "{company} to join S&P 500 index", "Cybersecurity ETF sees record inflows",
       "{company} announces $1bn share buyback", "{company} CFO to step down; shares little changed"],
      ["Shares of {company} moved {pct}% in extended trading after quarterly results.",
       "{company} reported revenue ahead of Wall Street estimates on Thursday.",
       "Investors sold shares in {company} after the company trimmed its outlook.",
       "Security software stocks climbed with the broader market on Wednesday.",
       "{company}'s stock has gained {pct}% since January."],
      ["Annual recurring revenue grew {pct}%.", "The company cited longer sales cycles among mid-sized customers.",
       "Gross margins were stable at around 78%.", "Analysts had expected slightly higher billings.",
       "Trading volumes were above average.", "The company did not change its hiring plans.",
       "Free cash flow reached a quarterly record.", "The board approved a new buyback programme.",
       "Guidance for the next quarter was slightly below consensus.", "Shares are trading at about {n} times forward sales."],
      ["Deal slippage, not churn, explains the outlook", "Demand is healthy across every region",
       "It's priced for perfection", "We see this as a buying opportunity", "The quarter was solid, not spectacular"],
      ["the chief financial officer", "an analyst at a {city} brokerage", "a portfolio manager", "the chief executive"])

topic("tabloid", "court",
      ["Phone-hacking trial: former editor 'never asked' about sources", "Tabloid phone-hacking claims: judge sets trial date",
       "Actor settles phone-hacking claim against newspaper group", "Private investigator tells court of 'hundreds' of jobs for tabloid",
       "Phone hacking: publisher says claims brought 'too late'", "Singer's phone-hacking case against tabloid begins",
       "Newspaper group pays damages over voicemail interception", "Phone-hacking trial hears of 'blagged' phone bills"],
      ["A former tabloid journalist told the High Court he did not know how stories were obtained.",
       "Lawyers for a television presenter told the court voicemails were intercepted over several years.",
       "A newspaper publisher has agreed to pay damages to {n} claimants over historic phone hacking.",
       "The long-running litigation over tabloid phone hacking returned to court on Monday."],
      ["The publisher denies unlawful information gathering at the title.",
       "The claims relate to events between 1998 and 2011.",
       "The trial is expected to last {n} weeks.",
       "The judge will rule on whether the claims were brought in time.",
       "Settlement terms were not disclosed.",
       "The claimants include a former footballer and a soap actress."],
      ["I knew it wasn't the sort of thing you'd put on an invoice", "They took years of my life",
       "This case is about accountability", "I never asked, and nobody told me"],
      ["the claimants' barrister", "a former features editor", "one of the claimants", "a media lawyer"])

topic("sport", "sports_report",
      ["Defence breached twice as {team1} collapse", "{team1} attack too quick for {team2}",
       "{team2}'s defence finally breached in {minute} minute", "{team1} {score} {team2}: late attack seals it",
       "Report: {team1}'s back line breached by simple long ball", "{team1} attack firing ahead of derby",
       "Goalkeeper denies {team2} attack in goalless draw", "Cricket: pace attack rips through top order",
       "Rugby: {team1} breach the blitz defence at last", "Basketball: {team2}'s zone defence cracked in third quarter"],
      ["{team1}'s defence held for an hour before it was breached.",
       "{team1} beat {team2} {score}, with the attack doing the damage in the first half.",
       "A corner nobody attacked cost {team2} in the {minute} minute.",
       "The visitors' attack looked sharper from the first whistle."],
      ["The manager said his side switched off at set pieces.", "It was {team1}'s fourth win in five matches.",
       "{team2} drop to mid-table.", "A crowd of {big} watched in the rain.",
       "The striker has now scored in {n} straight games.", "Both sides finished with ten men.",
       "The result leaves the title race wide open."],
      ["We switched off. You can't do that at this level", "Our attack won it, but our defence nearly lost it",
       "We defended like it was a training game", "That's the best our front three have played all season"],
      ["{team1}'s manager", "the {team2} captain", "the goalkeeper", "a pundit"])

topic("virus", "health_news",
      ["Respiratory virus cases climb in {city} care homes", "Norovirus outbreak hits cruise ship",
       "Flu virus season starts early, doctors warn", "New measles cases linked to {city} school",
       "Scientists map bat viruses in cave survey", "Stomach virus forces school closure in {city}",
       "Virus outbreak at {city} hospital ward contained", "RSV vaccine uptake lower than hoped"],
      ["Health officials in {city} have reported a rise in infections with a respiratory virus.",
       "A norovirus outbreak sickened {n} passengers aboard a cruise ship.",
       "Doctors say the flu season arrived several weeks early this year.",
       "Researchers have catalogued {n} new viruses in bat samples."],
      ["Most cases were mild.", "{n} patients were admitted to hospital.",
       "Officials urged eligible adults to get vaccinated.", "Visiting hours were restricted.",
       "The ship returned to port a day early for cleaning.", "None of the viruses has been shown to infect people."],
      ["Wash your hands and stay home if you're sick", "We expect cases to peak in the next two weeks",
       "This is a normal seasonal pattern, just earlier"],
      ["a public health official", "an infectious disease specialist", "a hospital spokesperson"])

topic("ransom_fiction", "review",
      ["Review: '{novel}' is a gripping kidnap thriller", "'{novel}': ransom, lies and a family falling apart",
       "Book of the week: {novel}", "'{novel}' adaptation starts filming in {city}",
       "Kidnapper demanded ransom for stolen painting, court hears", "Farmer jailed for demanding ransom for stolen dog",
       "Police deny ransom was paid for stolen artwork", "Crime podcast revisits 1970s ransom kidnapping in {city}"],
      ["{name}'s new novel opens with a kidnapping and a ransom demand.",
       "The thriller follows a family negotiating a ransom for a missing son.",
       "A man from {city} was jailed for demanding a ransom for a stolen pet.",
       "Police in {city} denied reports that a ransom had been paid for a stolen painting."],
      ["The ransom drop on a foggy ferry is the book's best scene.", "The prose is tight and the twist earned.",
       "The animal was found unharmed.", "It is the author's third novel.", "Filming begins in the spring.",
       "No arrests have been made in the decades-old case."],
      ["I wanted to write about the bureaucracy of fear", "No money changed hands",
       "It's a thriller that cares about its characters"],
      ["the author", "a police spokeswoman", "our reviewer", "the director"])

topic("hackathon", "local_news",
      ["Students build flood app at {city} hackathon", "{city} hackathon winners tackle bus delays",
       "Hackathon season: {n} events for student developers", "Civic hackathon draws {big} coders to {city}",
       "High-school team wins national hackathon", "Hospital hackathon produces bed-tracking tool",
       "Women-only hackathon returns to {city}", "Farmers and coders meet at agri-hackathon"],
      ["A team of students from {city} won a weekend hackathon with an app that warns of flooding.",
       "More than {big} participants took part in a 36-hour hackathon in {city}.",
       "The city's annual civic hackathon ended on Sunday with {n} prototypes.",
       "A hackathon hosted by a hospital in {city} asked coders to fix everyday problems on the wards."],
      ["The winners take home {price} in prize money.", "Judges included city officials and engineers.",
       "Several teams plan to keep working on their projects.", "The event was free and food was provided.",
       "Participants came from {n} countries.", "The winning app uses open transport data."],
      ["We wanted to show the system isn't chaos, just undocumented", "It was 36 hours and about 40 coffees",
       "The best ideas came from nurses, not coders"],
      ["a member of the winning team", "the organiser", "a city official", "one of the judges"])

topic("game", "review",
      ["'{game}' review: neon, noise and not much else", "'{game}' tops Steam charts in first weekend",
       "'{game}' delayed to next year", "Hands-on with '{game}' at Gamescom", "'{game}' patch fixes save bug",
       "'{game}' studio in {city} announces sequel", "Is '{game}' worth it on the Switch?"],
      ["'{game}' casts you as a courier in a drowning megacity.", "The studio behind '{game}' is based in {city}.",
       "'{game}' sold {big} copies in its first week.", "The hacking mini-game in '{game}' gets old by hour ten."],
      ["The story lands harder than expected.", "Performance on older consoles is shaky.", "Score: {n}/10.",
       "A free update adds a photo mode.", "The soundtrack is the highlight.", "Online co-op arrives later."],
      ["We wanted a cyberpunk story about family", "It's the game we always wanted to make"],
      ["the game's director", "a reviewer", "the studio's founder"])

topic("fishing", "local_news",
      ["Phishing for compliments: angler lands {kg}-pound {fish}", "Gone phishing? No, fishing: best spots on {lake}",
       "Record {fish} caught on {lake}", "Angling club's 'phishing' pun T-shirts sell out",
       "Fly-fishing season opens on {lake}", "Teen angler lands {kg}-kilo {fish}"],
      ["An angler from {city} has landed a {kg}-pound {fish} on {lake}.",
       "The fishing season opened on {lake} with a record catch.",
       "A local angling club has been selling T-shirts reading 'Gone Phishing'."],
      ["The fish was weighed and released.", "The catch came at dawn on a home-made lure.",
       "Club membership has doubled in two years.", "Water levels were unusually low."],
      ["My grandsons said I was phishing for compliments", "It took forty minutes to land her"],
      ["the angler", "the club secretary", "a fisheries officer"])

topic("bluetooth", "review",
      ["Tested: the {brand} Buds {n} fix Bluetooth dropouts", "Best Bluetooth speakers under {price}",
       "{brand} headphones review: great sound, fiddly app", "Bluetooth trackers compared: which finds your keys?",
       "The {brand} Bluetooth keyboard is a commuter's dream", "Bluetooth 5.4 explained: what changes for your earbuds"],
      ["The {brand} earbuds use a new Bluetooth chip that promises fewer dropouts.",
       "We tested {n} Bluetooth speakers at the beach, in the rain and in the bath.",
       "The {brand} headphones pair instantly with phones and laptops."],
      ["Battery life is around {n} hours.", "Noise cancelling is good rather than great.", "They cost {price}.",
       "Multipoint switching worked reliably.", "The case charges wirelessly.", "Call quality outdoors is mediocre."],
      ["You forget they're there, which is the point", "For the price, hard to beat"],
      ["our reviewer", "{brand}'s audio lead"])

topic("weather", "weather",
      ["{storm} brings {wind} km/h gusts", "{typhoon} makes landfall in {tplace}", "Blizzard shuts roads across {bplace}",
       "{typhoon}: flights cancelled, schools shut", "{storm}: red warning issued", "Blizzard warning for {bplace}",
       "{typhoon} weakens after hitting {tplace}", "Power cuts as {storm} sweeps in"],
      ["{storm} brought down trees and power lines overnight.", "{typhoon} made landfall near {tplace} with winds of {wind} km/h.",
       "A blizzard dumped up to {n} inches of snow on {bplace}.", "Forecasters issued warnings as {storm} approached the coast."],
      ["About {big} households lost power.", "Hundreds of flights were cancelled.", "Schools and offices closed.",
       "The storm is expected to weaken by Wednesday.", "Emergency shelters opened in several towns.",
       "No deaths were reported.", "Rail services were suspended."],
      ["Stay indoors and avoid the coast", "This is a dangerous storm", "Please don't travel unless you must"],
      ["a forecaster", "a civil-defence official", "the regional governor"])

topic("zoo", "local_news",
      ["Panda cub makes debut at {zoo}", "Red panda escapes, found in neighbour's tree", "Giant panda twins born at {zoo}",
       "Zoo's bear cubs named in public vote", "Kitten rescue café opens in {city}", "Spider exhibit draws crowds at {zoo}",
       "Zoo welcomes snow leopard cubs", "Panda loan extended for ten years"],
      ["A giant panda cub at {zoo} stepped out in front of visitors for the first time.",
       "Keepers at {zoo} say the new arrivals are healthy.", "A red panda spent a night in a garden tree near {zoo}."],
      ["The cub weighs just over {kg} kilograms.", "Names will be chosen by public vote.",
       "Visitor numbers have doubled since the birth.", "The enclosure reopens on Saturday."],
      ["She's curious and very clumsy", "We're delighted"],
      ["the head keeper", "the zoo's director"])

topic("cobalt", "business",
      ["Cobalt prices slump to {n}-year low", "Cobalt miners in Lualaba brace for cuts", "Cobalt strike at Katanga mine",
       "Battery makers cut cobalt use", "Cobalt explorer shares double on bid talk", "Congo weighs cobalt export quota"],
      ["Cobalt prices fell to {cobalt} a tonne this week.", "Miners in the Democratic Republic of Congo face a price slump.",
       "Workers at a cobalt and copper mine in Katanga began a strike over pay."],
      ["Analysts blame oversupply from Indonesia.", "Battery demand has slowed.", "Artisanal diggers say buyers pay half what they used to.",
       "The government has not commented.", "Shares rose {pct}% in Toronto."],
      ["The market is flooded", "We can't feed our families on these prices"],
      ["a commodities analyst", "a union leader", "a miner"])

topic("gold", "market_report",
      ["Gold hits record above {gold}", "Gold prices slip as dollar firms", "Gold rally: should you buy?",
       "Central banks keep buying gold", "Gold steadies ahead of Fed decision", "Gold miners' shares jump"],
      ["Gold climbed above {gold} an ounce on Friday.", "Gold prices eased from record highs.", "Central banks added gold to reserves for the {n}th month."],
      ["Silver rose {pct}%.", "Investors sought havens.", "Traders are watching interest-rate signals.", "Jewellery demand softened."],
      ["The demand from central banks is the story", "Gold is behaving like insurance"],
      ["a commodities strategist", "a bullion dealer in {city}"])

QUOTE_FRAMES = [
    '"{q}," said {p}, {r}.', '"{q}," {p}, {r}, told reporters.', '{p}, {r}, put it bluntly: "{q}."',
    'According to {p}, {r}, "{q}."', '"{q}" - {p}, {r}.', '"{q}," says {p}.', 'As {p}, {r}, told us: "{q}."',
    '"{q}," {r} {p} said in a statement.', '"{q}," added {p}, {r}.', '{p} ({r}) was more cautious: "{q}."',
    '"{q}," {p} wrote on LinkedIn.', 'Asked about it, {p}, {r}, laughed: "{q}."',
]

def make_quote(rng, quotes, roles, slots):
    q = rng.choice(quotes).format(**slots)
    r = rng.choice(roles).format(**slots)
    return rng.choice(QUOTE_FRAMES).format(q=q, p=slots["name2"], r=r)

def gen_none(rng):
    key = rng.choice(sorted(NONE_TOPICS))
    t = NONE_TOPICS[key]
    s = slot_values(rng)
    title = rng.choice(t["titles"]).format(**s)
    lede = cap(rng.choice(t["ledes"]).format(**s))
    det = [cap(d.format(**s)) for d in rng.sample(t["details"], min(len(t["details"]), rng.randint(0, 4)))]
    sents = [lede] + det
    if rng.random() < 0.55:
        qt = make_quote(rng, t["quotes"], t["roles"], s)
        pos = rng.randint(1, len(sents))
        sents.insert(pos, qt)
    if rng.random() < 0.25 and len(sents) > 2:
        # occasionally lead with a detail rather than the lede
        sents[0], sents[1] = sents[1], sents[0]
    if rng.random() < 0.06:
        title = ""  # a few untitled items
    mode = rng.choice(["plain", "plain", "plain", None, None])
    if not title:
        mode = "plain"
    t2, body, style = wrap(title, sents, 0, rng, mode=mode)
    if not t2 and not body:
        body = lede
    return t2, body, style or t["style"], ["none"], "none", [], [], False


# ---------------------------------------------------------------------------
# Threat feed items
# ---------------------------------------------------------------------------

# name, state, agency (None where no agency is usually named)
APTS = [("APT28", "Russia", "GRU"), ("APT29", "Russia", "SVR"), ("Sandworm", "Russia", "GRU"),
        ("Turla", "Russia", "FSB"), ("Gamaredon", "Russia", "FSB"), ("Star Blizzard", "Russia", "FSB"),
        ("APT31", "China", "Ministry of State Security"), ("APT40", "China", "Ministry of State Security"),
        ("Volt Typhoon", "China", None), ("Salt Typhoon", "China", None), ("Mustang Panda", "China", None),
        ("APT41", "China", None), ("Flax Typhoon", "China", None),
        ("Lazarus Group", "North Korea", "Reconnaissance General Bureau"), ("Kimsuky", "North Korea", "Reconnaissance General Bureau"),
        ("Andariel", "North Korea", "Reconnaissance General Bureau"), ("APT35", "Iran", "IRGC"),
        ("Charming Kitten", "Iran", "IRGC"), ("MuddyWater", "Iran", "Ministry of Intelligence and Security"),
        ("OceanLotus", "Vietnam", None), ("SideWinder", "India", None)]
STATE_ADJ = {"Russia": "Russian", "China": "Chinese", "North Korea": "North Korean", "Iran": "Iranian",
             "Vietnam": "Vietnamese", "India": "Indian"}
AGENCY_PHRASE = {"GRU": "Russia's GRU military intelligence", "SVR": "Russia's SVR foreign intelligence service",
                 "FSB": "Russia's FSB security service", "Ministry of State Security": "China's Ministry of State Security",
                 "Reconnaissance General Bureau": "North Korea's Reconnaissance General Bureau",
                 "IRGC": "Iran's Islamic Revolutionary Guard Corps", "Ministry of Intelligence and Security": "Iran's Ministry of Intelligence and Security"}
DENIERS = {"Russia": ["The Kremlin", "Russia's embassy", "Moscow", "Kremlin spokesman Dmitry Peskov"],
           "China": ["Beijing", "China's foreign ministry", "The Chinese embassy", "A Chinese foreign ministry spokesperson"],
           "North Korea": ["Pyongyang's state media", "North Korea's foreign ministry"],
           "Iran": ["Tehran", "Iran's mission to the United Nations", "Iran's foreign ministry"],
           "Vietnam": ["Hanoi", "Vietnam's foreign ministry"], "India": ["New Delhi", "India's foreign ministry"]}
DENIAL_FRAMES = ["{d} denied the accusation, calling it groundless.", "{d} rejected the claims as 'baseless slander'.",
                 "{d} denied any involvement.", "{d} dismissed the allegations as politically motivated.",
                 "{d} said the country 'firmly opposes all forms of cyberattack' and denied responsibility.",
                 "{d} called the report 'fabricated' and denied it.", "{d} rejected the attribution, saying it lacked evidence.",
                 "{d} denied the allegations on Thursday.", "In response, {d} denied that the state had any role.",
                 "{d} called the accusation 'absurd'.", "{d} denied it, accusing the West of hypocrisy."]
CRIM_DENIAL = ["{a} denied involvement in a message to a journalist.", "In a post on its site, {a} denied being behind the attack.",
               "{a} later denied responsibility, saying an affiliate had acted alone."]

RANSOM = ["LockBit", "Akira", "Play", "Rhysida", "Black Basta", "BlackCat", "Cl0p", "Medusa", "Qilin",
          "Hunters International", "RansomHub", "8Base", "BianLian", "Cactus", "INC Ransom", "Lynx", "Royal", "Black Suit"]
HACKTIV = ["NoName057(16)", "Anonymous Sudan", "Killnet", "Cyber Army of Russia Reborn", "Team Insane PK",
           "SiegedSec", "Belarusian Cyber Partisans", "GhostSec", "Cyber Toufan", "Handala", "Mysterious Team Bangladesh",
           "IT Army of Ukraine", "Holy League", "RipperSec"]
CRIMS = ["Scattered Spider", "ShinyHunters", "IntelBroker", "TA577", "FIN7", "Lapsus$", "TA505", "USDoD", "Evil Corp"]
LEAKERS = ["ShinyHunters", "IntelBroker", "USDoD", "a seller using the name 'Sp1d3r'", "a user called 'xerox77'"]

VENDORS = ["Mandiant", "ESET", "Microsoft", "Google's Threat Intelligence Group", "Proofpoint", "Recorded Future",
           "Cisco Talos", "Check Point Research", "Unit 42", "Sekoia", "Trend Micro", "SentinelLabs",
           "Secureworks", "Symantec", "WithSecure", "Group-IB", "Kaspersky", "Bitdefender"]
GOVS = ["the UK's NCSC", "CISA and the FBI", "the Dutch MIVD", "France's ANSSI", "Germany's BSI", "CERT-UA",
        "CERT Polska", "Australia's ASD", "Canada's Cyber Centre", "the Czech NÚKIB", "South Korea's NIS",
        "the European Union", "Estonia's foreign ministry", "the US State Department", "Japan's National Police Agency",
        "New Zealand's GCSB", "Belgium's foreign ministry", "Sweden's Säpo"]
LEGAL = ["The US Justice Department unsealed an indictment charging {n} alleged members of {a}.",
         "Prosecutors in {city} charged {n} people linked to {a}.", "The US Treasury sanctioned {n} individuals tied to {a}.",
         "The EU imposed sanctions on {a} and {n} of its alleged operators.",
         "A court in {city} convicted an alleged member of {a}.", "Police arrested a suspected {a} member in {city}."]

COMPANIES = [("Lojas Aurora", "Brazilian retailer Lojas Aurora"), ("Müller Präzisionswerkzeuge", "Bavarian toolmaker Müller Präzisionswerkzeuge"),
             ("Nordvik Shipping", "Norwegian ferry operator Nordvik Shipping"), ("Clínica São Lucas", "São Paulo hospital group Clínica São Lucas"),
             ("Kowalski Logistyka", "Łódź-based freight firm Kowalski Logistyka"), ("Hafen Bremen Terminal", "German port operator Hafen Bremen Terminal"),
             ("Transportes Ibéricos", "Spanish haulier Transportes Ibéricos"), ("Vølund Energi", "Danish utility Vølund Energi"),
             ("Greenfield Credit Union", "Ohio lender Greenfield Credit Union"), ("Harbor View Dental", "dental chain Harbor View Dental"),
             ("Meridian Health", "California clinic operator Meridian Health"), ("Ōtsuka Seimitsu", "Japanese parts maker Ōtsuka Seimitsu"),
             ("Café Nguyễn", "Vietnamese coffee chain Café Nguyễn"), ("Riverside Orthopaedics", "US clinic Riverside Orthopaedics"),
             ("Banco del Sur", "Argentine lender Banco del Sur"), ("Zürcher Versicherung", "Swiss insurer Zürcher Versicherung"),
             ("Helsinki Metro", "Helsinki's metro operator"), ("Lisbon airport", "Lisbon airport"), ("Port of Nagoya", "the Port of Nagoya"),
             ("Şahin Tekstil", "Turkish textile maker Şahin Tekstil"), ("Kraków transit", "Kraków's public transport authority"),
             ("Tromsø council", "Tromsø municipality"), ("Ghent University", "Ghent University"), ("Lagos State Water", "Lagos State Water Corporation"),
             ("Ålesund hospital", "a hospital in Ålesund"), ("Château Brasserie", "Belgian brewer Château Brasserie"),
             ("Pacific Freight", "Australian logistics group Pacific Freight"), ("Osaka Dental University", "Osaka Dental University"),
             ("Centrale Milano", "Milanese catering firm Centrale Milano"), ("Universidad de Córdoba", "Universidad de Córdoba")]
STATE_VICTIMS = [("Estonia's Ministry of Foreign Affairs", "Estonia"), ("the Czech Foreign Ministry", "Czechia"),
                 ("Poland's Ministry of Digital Affairs", "Poland"), ("the Dutch Ministry of Defence", "Netherlands"),
                 ("Kenya's National Treasury", "Kenya"), ("the Philippine Department of Foreign Affairs", "Philippines"),
                 ("Colombia's Ministry of Health", "Colombia"), ("the German Bundestag", "Germany"),
                 ("Denmark's Ministry of Finance", "Denmark"), ("Lithuania's Seimas", "Lithuania"),
                 ("Pakistan's Ministry of Defence", "Pakistan"), ("Brazil's Ministry of Foreign Affairs", "Brazil"),
                 ("Norway's parliament", "Norway"), ("Belgium's foreign ministry", "Belgium"), ("Italy's Ministry of Transport", "Italy"),
                 ("the Slovak statistics office", "Slovakia"), ("Mongolia's Ministry of Energy", "Mongolia"),
                 ("Ukraine's Ministry of Energy", "Ukraine"), ("Finland's parliament", "Finland"), ("Taiwan's Presidential Office", "Taiwan")]

def cap(s):
    return s[:1].upper() + s[1:]

def actor_ref(rng, kind):
    """Return (short name for headlines, phrase for body, actors list, state or None)."""
    if kind == "apt":
        name, state, agency = rng.choice(APTS)
        adj = STATE_ADJ[state]
        r = rng.random()
        if r < 0.3:
            return name, name, [name], None
        if r < 0.55 and agency:
            return name, "%s, a group tied to %s" % (name, AGENCY_PHRASE[agency]), [name, agency, state], state
        if r < 0.8:
            return name, "%s, which is linked to the %s state" % (name, adj), [name, state], state
        return "%s state hackers" % adj, rng.choice(["%s state-backed hackers", "hackers working for the %s government",
                                                     "%s state-sponsored spies"]) % adj, [state], state
    pool = {"ransom": RANSOM, "hacktiv": HACKTIV, "crim": CRIMS, "leak": LEAKERS}[kind]
    name = rng.choice(pool)
    phrase = name
    if kind == "ransom" and rng.random() < 0.4:
        phrase = rng.choice(["the %s ransomware gang", "the %s group", "affiliates of the %s operation"]) % name
    if kind == "hacktiv" and rng.random() < 0.4:
        phrase = rng.choice(["the hacktivist group %s", "%s, a self-styled hacktivist collective", "the %s group"]) % name
    return name, phrase, [name], None

CLAIM_SENT = ["{a} claimed responsibility on its Telegram channel.", "{a} listed {v} on its leak site and gave it {n} days to pay.",
              "In a post on a dark-web forum, {a} said it was behind {thing}.", "{a} took credit for {thing} in a message to reporters.",
              "A post attributed to {a} claimed the group had stolen {n} gigabytes of files.",
              "{a} published what it said were samples of stolen documents.", "{a} said on X that it had carried out {thing}.",
              "The group calling itself {a} claimed the operation on Telegram, posting screenshots.",
              "{a} added the organisation to its list of victims overnight.", "Hours later, {a} boasted about {thing} online."]
SUSP_VENDOR = ["Researchers at {vendor} linked {thing} to {a} with moderate confidence.",
               "{vendor} said the activity bears the hallmarks of {a}.",
               "The tools overlap with those previously used by {a}, according to {vendor}, which stopped short of a firm attribution.",
               "{vendor} assessed that {a} was likely responsible, citing shared infrastructure.",
               "Analysts at {vendor} believe {a} to be behind {thing}.", "{vendor} tentatively attributed {thing} to {a}.",
               "Code similarities point to {a}, {vendor} said, though it cautioned the evidence was not conclusive."]
SUSP_MEDIA = ["People familiar with the investigation said {a} was believed to be responsible.",
              "According to two officials who spoke on condition of anonymity, investigators suspect {a}.",
              "Local media reported that {a} was the main suspect.", "Sources close to the inquiry said {a} was thought to be behind {thing}.",
              "A person briefed on the matter said early evidence pointed to {a}."]
ATTR_GOV = ["{gov} formally attributed {thing} to {a}.", "{gov} said {a} was responsible for {thing}.",
            "In a joint statement, {gov} named {a} as the perpetrator.", "{gov} publicly blamed {a} for {thing}.",
            "{gov} said it was 'almost certain' that {a} carried out {thing}."]
ATTR_VENDOR = ["{vendor} said with high confidence that {a} was behind {thing}.",
               "{vendor} attributed {thing} to {a} with high confidence, citing infrastructure it has tracked for years."]
ATTR_VICTIM = ["{v} confirmed that {a} was behind the attack.", "In a statement, {v} said {a} was responsible."]
NO_EVIDENCE = ["{v} said it had found no evidence that customer data was accessed.",
               "{v} said there was no indication that personal data had been taken.",
               "A spokesperson for {v} said investigators had found no evidence of data exfiltration so far.",
               "{v} said core systems were not affected.", "{v} stressed that payments and customer accounts were safe.",
               "{v} said it had no evidence that any information had been misused.",
               "Officials at {v} said services were restored within hours."]
NONE_ATTR = ["The attackers have not been identified.", "No group has claimed responsibility.",
             "Investigators have not said who was behind it.", "It was not clear who was responsible.",
             "The investigation is ongoing.", "Police have opened an inquiry.", "The company did not say how the attackers got in.",
             "No ransom demand has been made public.", "Authorities declined to speculate on a culprit."]

# Events: labels, thing-noun, neutral headlines (none level), noun phrases for attributed headlines,
# neutral summary sentences, and allowed attribution options: (level, actor kind, source kind).
EVENTS = {}

def event(key, labels, thing, heads, nps, summ, options, victims="company"):
    EVENTS[key] = dict(labels=labels, thing=thing, heads=heads, nps=nps, summ=summ, options=options, victims=victims)

event("ransom", ["ransomware"], "the attack",
      ["{V} hit by ransomware", "Ransomware attack cripples {v}", "{V} confirms ransomware incident",
       "Ransomware forces {v} offline", "{V} systems encrypted in ransomware attack", "{V} refuses to pay ransom after attack",
       "Ransomware: {v} restores from backups"],
      ["ransomware attack on {v}", "ransomware hit on {v}", "the ransomware attack against {v}"],
      ["Staff were told to switch off computers after files were encrypted.", "Systems were taken offline as a precaution.",
       "The attackers demanded payment in bitcoin.", "Operations reverted to manual processes.",
       "Backups were used to restore most services.", "A ransom note appeared on screens on Monday morning."],
      [("none", None, None), ("claimed", "ransom", "self"), ("claimed", "ransom", "self"), ("suspected", "ransom", "vendor"),
       ("suspected", "ransom", "media"), ("attributed", "ransom", "victim"), ("attributed", "ransom", "government")])
event("ransom_leak", ["ransomware", "data_breach"], "the attack",
      ["Ransomware gang leaks {v} data", "{V} data posted online after ransomware attack", "Stolen {v} files dumped on leak site",
       "Double-extortion attack hits {v}", "{V}: ransomware attackers stole employee records"],
      ["ransomware attack and data theft at {v}", "double-extortion attack on {v}", "data leak following ransomware attack on {v}"],
      ["The attackers encrypted servers and stole files before demanding payment.", "Leaked files include payroll records and passport scans.",
       "The company said it would notify affected staff.", "The dump is about {n} gigabytes."],
      [("none", None, None), ("claimed", "ransom", "self"), ("claimed", "ransom", "self"), ("suspected", "ransom", "vendor")])
event("breach", ["data_breach"], "the breach",
      ["{V} discloses data breach", "Data breach at {v} exposes customer records", "{V} database left exposed online",
       "Misconfigured server leaks {v} records", "{V} notifies customers of data security incident", "{V} confirms unauthorised access to records",
       "Hacker selling {v} customer data, researchers warn"],
      ["data theft at {v}", "data breach at {v}", "theft of customer records from {v}"],
      ["Names, email addresses and dates of birth were exposed.", "About {big} records were affected.",
       "A researcher found the database without a password.", "The company is offering credit monitoring.",
       "The data included phone numbers and partial card details.", "Notification letters went out this week."],
      [("none", None, None), ("none", None, None), ("claimed", "leak", "self"), ("suspected", "crim", "media")])
event("phish", ["phishing"], "the campaign",
      ["Phishing emails impersonate {v}", "Smishing texts target {v} customers", "New phishing kit mimics {v} login page",
       "Scam calls pretend to be from {v}", "BEC scam costs {v} millions", "Fake invoices hit {v} suppliers"],
      ["phishing campaign impersonating {v}", "invoice fraud targeting {v}", "credential-phishing wave against staff at {v}"],
      ["The messages link to a convincing fake login page.", "Victims are asked to pay a small 'delivery fee'.",
       "The emails come from look-alike domains.", "Police urged people to check before paying.",
       "Fraudsters changed bank details on a legitimate invoice."],
      [("none", None, None), ("none", None, None), ("suspected", "crim", "vendor"), ("attributed", "crim", "vendor")])
event("malware", ["malware"], "the campaign",
      ["New infostealer spreads via fake updates", "Botnet hijacks routers at {v}", "Banking trojan targets {v} customers",
       "Cryptominer found on {v} servers", "RAT hidden in fake job offers", "Loader malware distributed through ads",
       "Wiper malware hits {v}"],
      ["malware campaign against {v}", "the infostealer campaign", "the botnet behind attacks on {v}"],
      ["The malware steals browser passwords and session cookies.", "Infected devices connect to a command-and-control server.",
       "The payload arrives inside a signed installer.", "Thousands of devices were infected.", "Researchers published indicators of compromise."],
      [("none", None, None), ("suspected", "crim", "vendor"), ("suspected", "apt", "vendor"), ("attributed", "apt", "vendor")])
event("vuln", ["vulnerability"], "the exploitation",
      ["Critical flaw patched in VPN appliance", "Zero-day exploited in the wild, vendor warns", "CISA adds flaw to KEV catalog",
       "Patch now: remote code execution bug in file-transfer software", "PoC exploit released for router flaw",
       "CVE-2024-{cve} rated CVSS 9.8", "Monthly patches fix {n} vulnerabilities"],
      ["exploitation of a zero-day at {v}", "attacks exploiting the VPN flaw", "zero-day attacks on {v}"],
      ["Administrators are urged to update immediately.", "The flaw allows an unauthenticated attacker to run code.",
       "A fix is available in the latest release.", "Exploitation attempts rose after a proof-of-concept was published."],
      [("none", None, None), ("none", None, None), ("suspected", "apt", "vendor")])
event("ddos", ["ddos"], "the attack",
      ["DDoS attack knocks {v} website offline", "{V} hit by DDoS flood", "Record DDoS attack mitigated",
       "DDoS disrupts {v} online services", "{V} site down for hours after DDoS"],
      ["DDoS attacks on {v}", "the DDoS flood against {v}", "denial-of-service attacks on {v}"],
      ["The website was unreachable for about {n} hours.", "Traffic peaked at several terabits per second.",
       "Online services were slow but not compromised.", "The flood came from thousands of hijacked devices."],
      [("none", None, None), ("claimed", "hacktiv", "self"), ("claimed", "hacktiv", "self"), ("suspected", "hacktiv", "media"),
       ("attributed", "hacktiv", "legal")], victims="any")
event("supply", ["supply_chain"], "the compromise",
      ["Trojanized software update hits {v}", "Malicious npm packages target developers", "MSP compromise spreads to clients",
       "Third-party provider breach affects {v}", "Backdoored library found in popular package",
       "Build server compromise poisons {v} update"],
      ["supply-chain attack on {v}", "the trojanized update", "compromise of a software supplier to {v}"],
      ["Customers installed the tainted update over several weeks.", "The packages were downloaded thousands of times.",
       "The provider's remote-management tool was abused to push a script.", "The vendor has revoked its signing certificate."],
      [("none", None, None), ("suspected", "apt", "vendor"), ("attributed", "apt", "government")])
event("hacktiv", ["hacktivism"], "the operation",
      ["Hacktivists deface {v} website", "{V} website defaced with political slogans", "Influence operation targets voters",
       "Hack-and-leak targets {v}", "Pro-Russian hacktivists hit {v}", "Defacement wave hits municipal sites"],
      ["defacement of {v} websites", "the influence operation", "the hack-and-leak targeting {v}"],
      ["The homepage displayed a political message for several hours.", "Fake news sites mimicked established outlets.",
       "Documents were posted on Telegram.", "The sites were restored the same day."],
      [("none", None, None), ("claimed", "hacktiv", "self"), ("claimed", "hacktiv", "self"), ("suspected", "apt", "vendor"),
       ("attributed", "apt", "government")], victims="any")
event("cyber", ["cyberattack"], "the attack",
      ["Cyber attack disrupts {v}", "{V} hit by cyber incident", "{V} systems down after cyberattack",
       "IT outage at {v} caused by hackers", "{V} investigating 'cyber incident'", "Crypto platform drained of ${n}m",
       "{V} says attack halted production"],
      ["cyberattack on {v}", "cyber incident at {v}", "the attack on {v}"],
      ["Services were suspended while systems were checked.", "Production lines stopped for two days.",
       "Customers were told to expect delays.", "The organisation disconnected from the internet as a precaution.",
       "Unauthorised withdrawals drained a hot wallet."],
      [("none", None, None), ("none", None, None), ("none", None, None), ("claimed", "hacktiv", "self"),
       ("suspected", "apt", "media"), ("suspected", "crim", "media"), ("attributed", "apt", "government")], victims="any")
event("espionage", ["espionage"], "the intrusion",
      ["Spies breached {v} network", "Cyber-espionage campaign targets {v}", "Spyware found on phones of {v} officials",
       "{V} emails stolen in espionage operation", "Hackers spied on {v} for months", "APT campaign hits {v}"],
      ["cyber-espionage campaign against {v}", "the breach of {v}", "spying on {v}"],
      ["Diplomatic emails were exfiltrated over several months.", "The attackers used custom malware to stay hidden.",
       "The intrusion was discovered during a routine audit.", "Officials said classified networks were not affected."],
      [("none", None, None), ("suspected", "apt", "vendor"), ("suspected", "apt", "media"), ("attributed", "apt", "government"),
       ("attributed", "apt", "government"), ("attributed", "apt", "legal")], victims="state")

HEAD_CLAIMED = ["{A} claims {np}", "{A} says it was behind {np}", "{A} takes credit for {np}",
                "{A} claims responsibility for {np}", "Hacker group {A} claims {np}"]
HEAD_SUSP_VENDOR = ["{Np} linked to {A}, researchers say", "Researchers tie {np} to {A}", "{A} likely behind {np}",
                    "{A} suspected in {np}", "{Np} bears hallmarks of {A}"]
HEAD_SUSP_MEDIA = ["{A} believed to be behind {np}, sources say", "{A} suspected in {np}", "Officials suspect {A} in {np} - report"]
HEAD_ATTR_GOV = ["{Gov} blames {A} for {np}", "{Gov} attributes {np} to {A}", "{A} was behind {np}, says {gov}",
                 "{Gov} names {A} as culprit in {np}"]
HEAD_ATTR_LEGAL = ["{A} members charged over {np}", "Sanctions imposed on {A} over {np}", "Suspect tied to {A} arrested over {np}",
                   "Indictment names {A} in {np}"]
HEAD_ATTR_VENDOR = ["{A} behind {np}, {vendor} says with high confidence"]
HEAD_ATTR_VICTIM = ["{V} confirms {A} was behind attack", "{V} says {A} responsible for {np}"]

EVENT_WEIGHTS = {"ransom": 5, "ransom_leak": 2, "breach": 4, "phish": 4, "malware": 4, "vuln": 4, "ddos": 3,
                 "supply": 3, "hacktiv": 3, "cyber": 5, "espionage": 5}
NOISE_MODES = ["headline_only", "headline_only", "truncated", "truncated", "rss", "readmore", "cookie",
               "newsletter", "caps", "social", "plain"]

def pick_victim(rng, kind):
    if kind == "state" or (kind == "any" and rng.random() < 0.35):
        name, _ = rng.choice(STATE_VICTIMS)
        return name, name
    short, desc = rng.choice(COMPANIES)
    return short, desc

def fmt_sent(tmpl, fill):
    """Format one sentence; close an appositive actor phrase with a comma when the sentence goes on."""
    out = tmpl.format(**fill)
    ph = fill.get("a", "")
    if ", " in ph and (ph + " ") in out:
        out = out.replace(ph + " ", ph + ", ", 1)
    return cap(out)

def gen_threat(rng):
    key = rng.choices(sorted(EVENT_WEIGHTS), weights=[EVENT_WEIGHTS[k] for k in sorted(EVENT_WEIGHTS)])[0]
    ev = EVENTS[key]
    level, kind, src = rng.choice(ev["options"])
    vkind = "state" if (src == "government" and rng.random() < 0.7) else ev["victims"]
    vshort, vdesc = pick_victim(rng, vkind)
    s = slot_values(rng)
    s["cve"] = rng.randint(20000, 49999)
    vendor, gov = rng.choice(VENDORS), rng.choice(GOVS)
    fill = dict(s, v=vdesc, V=cap(vshort), vendor=vendor, gov=gov, Gov=cap(gov), thing=ev["thing"])
    labels = list(ev["labels"])
    mode = rng.choice(NOISE_MODES)
    body_ok = mode not in ("headline_only", "social")
    actors, sources, denied = [], [], False
    summ = [fmt_sent(x, fill) for x in rng.sample(ev["summ"], min(len(ev["summ"]), rng.randint(1, 3)))]
    lead = []
    if level == "none":
        title = rng.choice(ev["heads"]).format(**fill)
        if rng.random() < 0.6:
            summ.insert(rng.randint(0, len(summ)), rng.choice(NONE_ATTR))
    else:
        short, phrase, full_actors, state = actor_ref(rng, kind)
        while src == "legal" and short != full_actors[0]:
            short, phrase, full_actors, state = actor_ref(rng, kind)  # charges name a group, not a state
        short_actors = [full_actors[0]] if short == full_actors[0] else [state]
        fill.update(a=phrase, A=short)
        np_ = rng.choice(ev["nps"]).format(**fill)
        fill.update(np=np_, Np=cap(np_))
        head_attr = (not body_ok) or rng.random() < 0.5
        if level == "claimed":
            hp, sp = HEAD_CLAIMED, CLAIM_SENT
        elif level == "suspected":
            hp, sp = (HEAD_SUSP_VENDOR, SUSP_VENDOR) if src == "vendor" else (HEAD_SUSP_MEDIA, SUSP_MEDIA)
        else:
            hp, sp = {"government": (HEAD_ATTR_GOV, ATTR_GOV), "legal": (HEAD_ATTR_LEGAL, LEGAL),
                      "vendor": (HEAD_ATTR_VENDOR, ATTR_VENDOR), "victim": (HEAD_ATTR_VICTIM, ATTR_VICTIM)}[src]
        title = rng.choice(hp).format(**fill) if head_attr else rng.choice(ev["heads"]).format(**fill)
        sources = [src]
        if body_ok:
            lead = [fmt_sent(rng.choice(sp), fill)]
            actors = list(full_actors)
            if head_attr:
                for x in short_actors:
                    if x not in actors:
                        actors.append(x)
            if level in ("suspected", "attributed"):
                if state and rng.random() < 0.4:
                    lead.append(rng.choice(DENIAL_FRAMES).format(d=rng.choice(DENIERS[state])))
                    denied = True
                elif kind in ("ransom", "crim") and level == "suspected" and rng.random() < 0.2:
                    lead.append(rng.choice(CRIM_DENIAL).format(a=short))
                    denied = True
        else:
            actors = list(short_actors)
        # labels that follow from the actor and the source
        if kind == "apt" and key in ("vuln", "supply", "malware", "cyber") and "espionage" not in labels and key != "cyber":
            labels.append("espionage")
        if kind == "hacktiv" and "hacktivism" not in labels:
            labels.append("hacktivism")
        if src == "legal" and kind != "apt":
            labels = ["policy"] + labels
        elif src in ("government", "legal"):
            labels.append("policy")
    extra = []
    if key in ("ransom", "ransom_leak", "cyber", "espionage", "breach") and rng.random() < 0.3:
        extra.append(fmt_sent(rng.choice(NO_EVIDENCE), fill))
    # order: one summary sentence, then protected attribution/denial, then the rest
    sentences = summ[:1] + lead + summ[1:] + extra
    protected = (1 + len(lead)) if lead else 0
    if lead and rng.random() < 0.4:
        sentences = lead + summ + extra
        protected = len(lead)
    title2, body, style = wrap(title, sentences, protected, rng, mode=mode)
    return title2, body, style or "wire_brief", labels, level, actors, sources, denied

# ---------------------------------------------------------------------------
# Law-firm alerts, breach notices, press releases, policy items, trend reports
# ---------------------------------------------------------------------------

LAW_FIRMS = ["Edelson Lechtzin LLP", "Lynch Carpenter", "Murphy Law Firm", "Strauss Borrelli PLLC", "Console & Associates",
             "Shamis & Gentile", "Federman & Sherwood", "Markovits, Stock & DeMarco", "Siri & Glimstad", "Levi & Korsinsky"]
LAW_HEADS = ["DATA BREACH ALERT: {firm} investigates {v} data breach", "{firm} investigates claims on behalf of {v} data breach victims",
             "{V} data breach: {firm} reviewing potential class action", "Were you affected by the {v} data breach? {firm} can help",
             "ATTENTION: {v} data breach lawsuit investigation", "{firm} announces investigation of {v} data breach"]
LAW_BODY = ["On or about {date}, {v} began sending notices of a data security incident affecting approximately {big} individuals.",
            "{v} announced that an unauthorized party may have accessed files containing names and Social Security numbers.",
            "According to a notice filed with the state attorney general, {big} people were affected.",
            "Information potentially exposed includes names, dates of birth, account numbers and medical information."]
LAW_TAIL = ["If you received a notice letter, you may be entitled to compensation. Contact us for a free consultation.",
            "Attorney Advertising. Prior results do not guarantee a similar outcome.",
            "Click here to learn more about your rights. There is no cost to you.",
            "Call our toll-free number or fill out the form below. Time limits may apply."]
DATES = ["March 2", "April 19", "May 14", "June 3", "July 22", "August 28", "September 9", "October 15", "November 4", "December 1"]

def gen_lawfirm(rng):
    short, desc = rng.choice(COMPANIES)
    f = dict(slot_values(rng), v=short, V=short, firm=rng.choice(LAW_FIRMS), date=rng.choice(DATES))
    title = rng.choice(LAW_HEADS).format(**f)
    sents = [x.format(**f) for x in rng.sample(LAW_BODY, rng.randint(1, 3))] + rng.sample(LAW_TAIL, rng.randint(1, 2))
    if rng.random() < 0.3:
        sents = sents[:1] + [truncate(sents[1], rng)] if len(sents) > 1 else sents
    return title, " ".join(sents), "breach_notice", ["data_breach"], "none", [], [], False

NOTICE_HEADS = ["Notice of Data Security Incident - {v}", "{v} provides notice of data privacy event",
                "{v} Notifies Patients of Data Security Incident", "NOTICE OF DATA EVENT: {v}", "{v} announces cybersecurity incident"]
NOTICE_BODY = ["{v} is providing notice of an event that may affect the privacy of certain information.",
               "On {date}, {v} became aware of suspicious activity in its email environment.",
               "The investigation determined that certain files may have been viewed or taken by an unauthorized actor.",
               "{v} has no evidence that any information has been misused.",
               "Out of an abundance of caution, {v} is offering complimentary credit monitoring.",
               "{v} takes the privacy and security of information in its care very seriously.",
               "Individuals may call the dedicated assistance line, Monday through Friday, 8 a.m. to 8 p.m."]

def gen_notice(rng):
    short, desc = rng.choice(COMPANIES)
    f = dict(v=short, date=rng.choice(DATES))
    sents = [NOTICE_BODY[0].format(**f)] + [x.format(**f) for x in rng.sample(NOTICE_BODY[1:], rng.randint(1, 4))]
    title, body, style = wrap(rng.choice(NOTICE_HEADS).format(**f), sents, 0, rng,
                              mode=rng.choice(["plain", "plain", "truncated", "readmore", "caps"]))
    return title, body, "breach_notice" if style in (None, "feed_noise") else style, ["data_breach"], "none", [], [], False

STARTUPS = ["Nebula Shield", "Helios Lattice", "Kryptos Labs", "Bastion AI", "Vigil Systems", "Ostrava Secure",
            "Fjord Identity", "Tupi Security", "Sakura Defense", "Warden Cloud", "Okapi Secure", "Lumen Trust"]
POLICY_ITEMS = [
    ("{st} raises ${n}m Series B for cloud security", ["{st}, based in {city}, said the round would fund hiring.", "Existing investors joined the round."]),
    ("Security startup {st} closes €{n}m seed round", ["The company builds passwordless login tools.", "It employs {n} people in {city}."]),
    ("EU lawmakers approve Cyber Resilience Act", ["Manufacturers will have to report actively exploited flaws.", "Fines can reach 2.5% of turnover."]),
    ("Regulator fines {v} over security failings", ["The data-protection authority said basic safeguards were missing.", "The company said it would appeal."]),
    ("Government publishes national cyber strategy", ["The plan promises more funding for the national CERT.", "Critics say it lacks detail."]),
    ("New bill would require hospitals to report cyber incidents within 72 hours", ["Hospital groups warned of extra costs.", "A vote is expected next month."]),
    ("CISOs expect flat budgets next year, survey finds", ["The survey polled {big} security leaders.", "Staff shortages remain the top concern."]),
    ("NIS2 deadline: what companies in {city} need to know", ["Thousands of firms fall under the directive.", "Penalties can be significant."]),
    ("Parliament debates ban on ransom payments by public bodies", ["Supporters say it would cut off criminal income.", "Councils worry about recovery costs."]),
    ("Court upholds fine against telecom over unpatched servers", ["The judgment confirms a €{n}m penalty.", "The operator has paid the fine."]),
    ("Cyber insurance premiums fall for the first time in years", ["Brokers cite better controls among clients.", "Capacity has increased."]),
    ("{st} acquired by larger rival in ${n}0m deal", ["The deal is expected to close next quarter.", "Terms were otherwise not disclosed."]),
]
REPORTS = [("ransomware", "Ransomware attacks rose {pct}% last quarter, report finds"),
           ("phishing", "Phishing volumes hit record high, says email security firm"),
           ("ddos", "DDoS attacks grew {pct}% year on year, network provider says"),
           ("malware", "Infostealer infections doubled in 2024, researchers say"),
           ("vulnerability", "Exploited zero-days fell slightly last year, study shows"),
           ("data_breach", "Breach notifications up {pct}% in Europe, law firm says"),
           ("supply_chain", "Malicious open-source packages up {pct}% in a year"),
           ("hacktivism", "Hacktivist defacements surge around elections, report says")]

def gen_policy(rng):
    s = slot_values(rng)
    f = dict(s, st=rng.choice(STARTUPS), v=rng.choice(COMPANIES)[1])
    mode = rng.choice(NOISE_MODES)
    if rng.random() < 0.3:
        lab, head = rng.choice(REPORTS)
        title = head.format(**f)
        sents = [rng.choice(["The figures come from telemetry across {big} customers.", "Healthcare and manufacturing were hit hardest.",
                             "The report covers the first half of the year.", "Europe saw the steepest rise."]).format(**f)]
        t, b, st = wrap(title, sents, 0, rng, mode=mode)
        return t, b, st or "wire_brief", [lab], "none", [], [], False
    head, sents = rng.choice(POLICY_ITEMS)
    t, b, st = wrap(head.format(**f), [x.format(**f) for x in sents], 0, rng, mode=mode)
    return t, b, st or "wire_brief", ["policy"], "none", [], [], False

PR_BOILER = ["About {st}: {st} helps organisations in {n} countries protect their data. Media contact: press@{low}.example",
             "###", "SOURCE {st}", "Forward-looking statements: this release contains statements that involve risks and uncertainties."]

def gen_funding_pr(rng):
    s = slot_values(rng)
    st = rng.choice(STARTUPS)
    f = dict(s, st=st, low=st.lower().replace(" ", ""))
    title = rng.choice(["{st} Secures ${n} Million to Expand Identity Security Platform", "{st} Announces Series A Funding",
                        "{st} Raises ${n}M Led by Growth Investors"]).format(**f)
    body = "%s, %s -- %s today announced it has raised $%d million. \"%s,\" said CEO %s. %s" % (
        f["city"].upper(), rng.choice(DATES), st, rng.randint(5, 90),
        rng.choice(["This investment lets us scale faster", "Security teams deserve better tools", "We're thrilled to welcome our new partners"]),
        f["name"], rng.choice(PR_BOILER).format(**f))
    return title, body, "press_release", ["policy"], "none", [], [], False

NONE_PR = ["{brand} Launches {brand} Vault, the Smart Safe with Biometric Unlock", "{brand} Unveils Rugged Phone with Secure Element",
           "{brand} Introduces Bluetooth Tracker with Anti-Stalking Alerts"]

def gen_none_pr(rng):
    s = slot_values(rng)
    f = dict(s, st=s["brand"], low=s["brand"].lower())
    title = rng.choice(NONE_PR).format(**f)
    body = "%s -- %s today introduced a new product, available from %s at %s. \"%s,\" said %s, head of product. %s" % (
        f["city"].upper(), s["brand"], rng.choice(DATES), s["price"],
        rng.choice(["Customers told us they wanted peace of mind", "It's our best design yet", "Simple, secure and beautiful"]),
        s["name"], rng.choice(PR_BOILER).format(**f))
    return title, body, "press_release", ["none"], "none", [], [], False


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--none", type=int, default=430)
    ap.add_argument("--threat", type=int, default=330)
    args = ap.parse_args()
    rng = random.Random(SEED)
    recs, seen = [], set()

    def add(item):
        title, body, style, labels, att, actors, sources, denied = item
        k = (title, body)
        if k in seen or not (title or body):
            return False
        seen.add(k)
        recs.append({"title": title, "body": body, "threat_types": labels, "primary": labels[0], "attribution": att,
                     "actors": actors, "sources": sources, "denied": denied, "style": style,
                     "origin": "composed:" + SCRIPT})
        return True

    n = 0
    while n < args.none:
        gen = gen_none_pr if rng.random() < 0.05 else gen_none
        n += add(gen(rng))
    n = 0
    while n < args.threat:
        r = rng.random()
        gen = gen_lawfirm if r < 0.06 else gen_notice if r < 0.10 else gen_policy if r < 0.20 else \
            gen_funding_pr if r < 0.23 else gen_threat
        n += add(gen(rng))
    rng.shuffle(recs)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for i, r in enumerate(recs, 1):
            fh.write(json.dumps(dict({"id": "lnc-%04d" % i}, **r), ensure_ascii=False) + "\n")
    print("wrote %d records to %s" % (len(recs), args.out))


if __name__ == "__main__":
    main()
