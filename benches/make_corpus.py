#!/usr/bin/env python3
"""Write a deterministic benchmark corpus of cyber-security news articles.

The corpus feeds the throughput benchmarks (the ThreatLens service and
``benches/peer_onnxruntime.py``). Throughput of a windowed encoder depends
strongly on the document length distribution: headlines cost one short
window, long features cost a dozen full 256-token windows. The corpus
therefore mimics the length mix of a real news feed:

* ~30% headline plus a one-line summary (10-40 words in total),
* ~40% short wire stories (80-300 words of body),
* ~22% standard stories (400-900 words of body),
* ~8% long features (1,500-3,000 words of body).

The text is assembled from a bank of hand-written sentences (ransomware,
espionage, breaches, vulnerabilities, phishing, DDoS, policy, general
security commentary, and some non-security news) with slot fillers for
organisations, countries, products and numbers. Everything is drawn from a
single ``random.Random(seed)``, so the same command line always writes a
byte-identical file.

Output: one JSON object per line, ``{"id": "b-00001", "title": ..., "body": ...}``.

Usage::

    python benches/make_corpus.py [--n 1000] [--seed 20251127] \
        [--out benches/data/corpus.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys

# --------------------------------------------------------------------------
# Slot fillers
# --------------------------------------------------------------------------

SLOTS = {
    "org": [
        "Northwind Logistics", "Helios Health Group", "Baltic Freight Lines", "Meridian Credit Union",
        "Crestview Municipal Utilities", "Orion Aerospace", "Sable Insurance", "Kestrel Pharmaceuticals",
        "Lakeshore School District", "Tamarind Retail", "Pinecrest Hospital", "Granite Bank",
        "Bluewater Port Authority", "Vantage Telecom", "Atlas Manufacturing", "Evergreen County",
        "Quartz Energy", "Harbor City Council", "Silverline Rail", "Copperfield University",
        "Juniper Dental Network", "Falcon Defence Systems", "Redwood Water Board", "Mosaic Media",
    ],
    "sector": [
        "healthcare", "manufacturing", "financial services", "local government", "education",
        "energy", "telecommunications", "logistics", "retail", "defence", "water utilities",
        "legal services", "insurance", "aviation", "higher education", "hospitality",
    ],
    "country": [
        "Germany", "the United States", "Japan", "Brazil", "India", "Australia", "Canada",
        "the United Kingdom", "France", "South Korea", "Italy", "Poland", "Mexico", "Spain",
        "the Netherlands", "Taiwan", "Ukraine", "Singapore", "Sweden", "Israel",
    ],
    "state": ["Russia", "China", "Iran", "North Korea"],
    "gang": [
        "LockBit", "Akira", "Black Basta", "Play", "Rhysida", "Medusa", "BlackCat", "Cl0p",
        "Royal", "8Base", "RansomHub", "Qilin", "Hunters International", "BianLian",
    ],
    "apt": [
        "APT28", "APT29", "Lazarus Group", "Volt Typhoon", "Salt Typhoon", "APT41", "Kimsuky",
        "Sandworm", "Turla", "Charming Kitten", "MuddyWater", "Mustang Panda", "Gamaredon",
    ],
    "malware": [
        "QakBot", "Emotet", "IcedID", "Cobalt Strike", "Sliver", "PlugX", "AgentTesla",
        "Lumma Stealer", "RedLine", "DarkGate", "Pikabot", "SocGholish", "ShadowPad",
    ],
    "product": [
        "its VPN appliance", "a popular file-transfer server", "the enterprise firewall",
        "a widely used content management system", "the remote monitoring tool",
        "an email security gateway", "the load balancer firmware", "a helpdesk ticketing platform",
        "the web browser", "a mobile device management suite", "the identity provider",
        "a network-attached storage device", "the hypervisor", "an industrial controller",
    ],
    "vendor": [
        "Fortinet", "Ivanti", "Citrix", "Microsoft", "Cisco", "Palo Alto Networks", "VMware",
        "Atlassian", "SonicWall", "Progress Software", "Juniper Networks", "Google", "Apple",
    ],
    "agency": [
        "CISA", "the FBI", "the UK's National Cyber Security Centre", "Europol", "the NSA",
        "Germany's BSI", "the Australian Signals Directorate", "ENISA", "Japan's JPCERT/CC",
        "the Canadian Centre for Cyber Security",
    ],
    "firm": [
        "Mandiant", "CrowdStrike", "Recorded Future", "Sophos", "ESET", "Kaspersky", "Secureworks",
        "Palo Alto Networks' Unit 42", "Cisco Talos", "Microsoft Threat Intelligence", "Proofpoint",
        "Check Point Research", "Trend Micro", "SentinelOne",
    ],
    "month": [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "person": [
        "Dana Whitfield", "Marcus Oyelaran", "Ingrid Solberg", "Priya Raman", "Tomás Herrera",
        "Yuki Tanaka", "Elena Kovač", "Samuel Achebe", "Claire Dubois", "Rafael Moreno",
    ],
    "role": [
        "chief information security officer", "head of threat intelligence", "incident response lead",
        "principal security researcher", "chief executive", "data protection officer",
        "vice president of security engineering", "director of cyber policy",
    ],
}


def _num(rng: random.Random, key: str) -> str:
    if key == "n_small":
        return str(rng.randint(2, 19))
    if key == "n_records":
        return f"{rng.choice([1.2, 2.4, 3.6, 4.8, 6.1, 7.5, 9.3, 12, 15, 28, 40, 73])} million"
    if key == "n_ransom":
        return f"${rng.choice([0.5, 1, 2, 3.4, 4.5, 5, 8, 10, 22, 50])} million"
    if key == "n_gbps":
        return str(rng.choice([180, 420, 750, 1200, 2300, 3800, 5600]))
    if key == "cvss":
        return f"{rng.choice([7.2, 7.5, 8.1, 8.8, 9.1, 9.4, 9.8, 10.0])}"
    if key == "cve":
        return f"CVE-{rng.randint(2022, 2025)}-{rng.randint(1000, 49999)}"
    if key == "pct":
        return f"{rng.randint(3, 68)} percent"
    if key == "year":
        return str(rng.randint(2019, 2025))
    raise KeyError(key)


NUMERIC = {"n_small", "n_records", "n_ransom", "n_gbps", "cvss", "cve", "pct", "year"}

# --------------------------------------------------------------------------
# Sentence bank
# --------------------------------------------------------------------------

SENTENCES = {
    "ransomware": [
        "{org} said a ransomware attack had encrypted servers at several of its sites.",
        "The {gang} gang claimed responsibility for the attack on its leak site late on {weekday}.",
        "Attackers demanded a ransom of {n_ransom} in exchange for a decryption key.",
        "The company said it had not paid the ransom and was restoring systems from offline backups.",
        "Hospitals in the region diverted ambulances while staff returned to paper records.",
        "Investigators believe the intruders spent nearly two weeks inside the network before deploying the encryptor.",
        "The group has listed more than {n_small} victims in the {sector} sector this year alone.",
        "{gang} operates as a ransomware-as-a-service outfit, renting its tooling to affiliates for a share of each payment.",
        "Stolen files, including payroll records and contracts, appeared on the gang's site after the deadline passed.",
        "The attack disrupted online ordering and left some stores accepting only cash for several days.",
        "Affiliates typically gain access through stolen VPN credentials or unpatched edge devices.",
        "Negotiators said the gang lowered its demand after the victim refused to engage for a week.",
        "Double extortion, in which data is stolen before files are encrypted, has become the norm.",
        "The encryptor targets VMware ESXi hosts, shutting down virtual machines before encrypting their disks.",
        "Backups stored on the same domain were deleted in the first hours of the attack.",
        "Payments to ransomware groups fell by {pct} last year, according to blockchain analysts.",
        "{org} warned customers that personal data may have been copied before the encryption began.",
        "Law enforcement seized the group's servers earlier this year, but its affiliates quickly regrouped under a new name.",
        "The attackers used a legitimate remote access tool to move laterally between servers.",
        "The city's emergency dispatch system was not affected, officials said.",
        "Schools in the district cancelled classes for two days while technicians rebuilt the network.",
        "Researchers found a flaw in the encryptor that allowed some victims to recover files without paying.",
        "The ransom note instructed staff not to contact the police or data recovery firms.",
        "Cyber insurers have tightened their requirements, demanding multi-factor authentication and tested backups.",
        "The outage at {org} delayed shipments across {country} for most of the week.",
        "A spokesperson said the company had engaged external forensic specialists and notified regulators.",
    ],
    "espionage": [
        "Security researchers linked the campaign to {apt}, a group widely believed to work for {state}.",
        "The intruders quietly harvested emails from senior officials for months before they were detected.",
        "{firm} said the operation targeted ministries of foreign affairs in at least {n_small} countries.",
        "The hackers used custom implants designed to blend in with normal network traffic.",
        "Officials in {country} accused {state} of running a sustained cyber-espionage campaign against its government.",
        "{state} denied any involvement and called the accusations baseless.",
        "The group has previously targeted defence contractors, think tanks and telecommunications providers.",
        "Analysts said the attackers were interested in trade negotiations and military procurement.",
        "{apt} has been observed pre-positioning inside critical infrastructure networks, according to {agency}.",
        "The malware, a variant of {malware}, was delivered through compromised software updates.",
        "Investigators found the intruders had access to call records and lawful intercept systems.",
        "The campaign relied on living-off-the-land techniques, using built-in administrative tools to avoid detection.",
        "A joint advisory from {agency} and its partners described the group's tactics in detail.",
        "Researchers said infrastructure overlaps and code similarities pointed to the same operators.",
        "The attackers registered look-alike domains impersonating government portals.",
        "Diplomats were sent spear-phishing emails with invitations to a fake embassy reception.",
        "The breach at {org} was part of a wider effort to steal aerospace designs, prosecutors said.",
        "Attribution in cyberspace remains difficult, and the researchers stressed their assessment was moderate confidence.",
        "The group's operators appear to work office hours in a time zone consistent with {state}.",
        "Sanctions were imposed on {n_small} individuals said to be officers of a military intelligence unit.",
        "Telecommunications firms in {country} were asked to hunt for signs of the intruders on their routers.",
        "The hackers exfiltrated data through cloud storage accounts to disguise the traffic.",
        "A former intelligence official said the scale of the intrusion was unprecedented.",
        "The espionage tooling included a backdoor that could record audio and capture screenshots.",
    ],
    "breach": [
        "{org} disclosed a data breach affecting the personal information of {n_records} customers.",
        "Exposed data included names, addresses, dates of birth and in some cases national identity numbers.",
        "The company said payment card details were not compromised.",
        "The breach was discovered when a security researcher found an unprotected database online.",
        "Attackers accessed a cloud storage bucket that had been left open to the public internet.",
        "Customers were advised to reset their passwords and watch for suspicious messages.",
        "The data protection authority in {country} said it was investigating the incident.",
        "A hacker offered the stolen records for sale on a criminal forum for a few thousand dollars.",
        "The intrusion began with a compromised account belonging to a third-party contractor.",
        "{org} will offer affected customers two years of free credit monitoring.",
        "Regulators fined the company for failing to protect customer data adequately.",
        "The stolen database contained hashed passwords, but researchers warned that many could be cracked.",
        "The company took more than four months to notify affected individuals, drawing criticism.",
        "Medical records and insurance details of patients were among the files accessed.",
        "A class-action lawsuit was filed within days of the disclosure.",
        "The breach stemmed from a misconfigured application programming interface.",
        "Internal emails suggest staff had raised concerns about the system months earlier.",
        "Security analysts said the leaked data could fuel identity theft and targeted fraud.",
        "The attackers also accessed source code repositories, the company acknowledged.",
        "It is the second significant incident at the company in {year}.",
        "The incident affected customers in {country} and several neighbouring markets.",
        "A supply-chain compromise at a software vendor exposed data from hundreds of its clients.",
    ],
    "vulnerability": [
        "{vendor} released emergency patches for a critical flaw in {product}.",
        "The vulnerability, tracked as {cve}, carries a severity score of {cvss} out of 10.",
        "Attackers have been exploiting the bug as a zero-day since at least {month}.",
        "{agency} added the flaw to its catalogue of known exploited vulnerabilities.",
        "The flaw allows an unauthenticated attacker to execute code remotely.",
        "Administrators were urged to apply the update immediately or disconnect affected devices.",
        "Internet scans found more than {n_small},000 exposed systems still running vulnerable versions.",
        "Proof-of-concept exploit code was published on a code-sharing site shortly after the advisory.",
        "The bug is a path traversal issue in the web management interface.",
        "A memory corruption flaw in the parsing library could be triggered by a specially crafted file.",
        "Researchers at {firm} reported the issue to {vendor} through its disclosure programme.",
        "This month's Patch Tuesday fixed {n_small} vulnerabilities, two of them under active attack.",
        "The vendor said a workaround was available for customers unable to upgrade right away.",
        "Federal agencies were given three weeks to patch or remove the affected products.",
        "The vulnerability stems from improper input validation in an authentication endpoint.",
        "Patching alone is not enough, researchers warned, because attackers may already have planted web shells.",
        "The flaw affects versions released over the past {n_small} years.",
        "Exploitation requires no user interaction, making the bug attractive for mass attacks.",
        "A privilege escalation flaw in the operating system kernel was chained with the browser bug.",
        "{vendor} acknowledged the bug had been introduced in a recent feature update.",
        "Bug bounty hunters received a reward of {n_small},000 dollars for the finding.",
        "The vulnerable component is bundled in many third-party products, complicating remediation.",
        "Security teams were advised to hunt for indicators of compromise dating back to {month}.",
        "Honeypots recorded exploitation attempts within hours of the patch being released.",
    ],
    "phishing": [
        "A phishing campaign impersonating {org} is targeting customers with fake invoice emails.",
        "The messages link to a convincing login page that harvests credentials and one-time codes.",
        "Attackers used adversary-in-the-middle kits to bypass multi-factor authentication.",
        "The emails were sent from compromised accounts at legitimate businesses, helping them evade filters.",
        "Recipients were urged to scan a QR code, a technique known as quishing.",
        "Employees at several {sector} firms received voice calls from scammers posing as IT support.",
        "The lure documents carried macros that installed {malware} on the victim's machine.",
        "Business email compromise losses reached billions of dollars last year, according to {agency}.",
        "Finance staff were tricked into wiring money to accounts controlled by the fraudsters.",
        "Text messages claiming to be from a parcel delivery firm led to a fake payment page.",
        "The phishing kit is sold as a subscription service on Telegram channels.",
        "Criminals increasingly use generative AI tools to write fluent, personalised lures.",
        "Security awareness training reduced click rates, but did not eliminate them.",
        "A deepfake video call convinced an employee to transfer {n_ransom} to the attackers.",
        "The campaign abused a trusted file-sharing service to host malicious documents.",
        "Users of a popular password manager were targeted with fake breach notifications.",
        "The attackers registered hundreds of domains that closely resembled real banking sites.",
        "Search engine ads were used to push fake software downloads laced with {malware}.",
        "Some messages were written in {n_small} languages to reach victims across Europe.",
        "Investigators traced the operation to a call centre that ran several scams in parallel.",
    ],
    "ddos": [
        "A distributed denial-of-service attack knocked the websites of several {sector} organisations offline.",
        "The attack peaked at {n_gbps} gigabits per second, according to the mitigation provider.",
        "A pro-{state} hacktivist group claimed the attacks on its Telegram channel.",
        "Government portals in {country} were unreachable for several hours on {weekday}.",
        "The botnet is made up of compromised routers, cameras and other internet-connected devices.",
        "Attackers used HTTP/2 rapid reset techniques to overwhelm web servers with requests.",
        "Online banking services were intermittently unavailable during the attack.",
        "The disruption was largely symbolic, and no data was accessed, officials said.",
        "DDoS-for-hire services let anyone launch attacks for a few dollars an hour.",
        "Police in {country} arrested suspects accused of running a booter service.",
        "The attacks coincided with a national election, raising concerns about interference.",
        "Traffic was filtered upstream by the content delivery network within minutes.",
        "The record-breaking attack lasted less than a minute but generated billions of packets.",
        "Airport websites were hit as part of the campaign, though flights were not affected.",
        "Hacktivist groups have increasingly targeted countries that support Ukraine.",
        "The botnet's command servers were taken down in an international operation.",
    ],
    "policy": [
        "Lawmakers in {country} approved a bill requiring companies to report cyber incidents within 72 hours.",
        "The new rules will apply to operators of essential services, including {sector}.",
        "{agency} published guidance on securing edge devices against state-sponsored attackers.",
        "The government is considering a ban on ransom payments by public bodies.",
        "The European Union's NIS2 directive expands cybersecurity obligations to thousands of additional companies.",
        "Regulators said board members could be held personally responsible for security failures.",
        "The national cybersecurity strategy calls for more investment in skills and research.",
        "Officials announced a cyber sanctions regime targeting individuals behind major attacks.",
        "The administration unveiled a labelling scheme for secure consumer devices.",
        "Industry groups warned that the reporting deadlines were unrealistic for small businesses.",
        "The defence ministry is creating a dedicated cyber command with {n_small},000 personnel.",
        "A parliamentary committee criticised the slow pace of upgrading legacy systems.",
        "Under the agreement, allies will share threat intelligence in near real time.",
        "The proposal would require software vendors to take liability for insecure products.",
        "Privacy advocates raised concerns about expanded surveillance powers in the bill.",
        "Critical infrastructure operators will have to appoint a named security officer.",
        "The United Nations convention on cybercrime was adopted after years of negotiation.",
        "The regulator opened a consultation on minimum security standards for cloud providers.",
        "Funding for the cyber agency was cut by {pct} in the latest budget.",
        "The memorandum commits signatories to secure-by-design principles.",
    ],
    "general": [
        "\"Organisations need to assume that attackers are already inside,\" said {person}, {role} at {firm}.",
        "\"This is a reminder that basic hygiene still matters,\" {person} said.",
        "The incident highlights the risk posed by unmanaged devices at the edge of corporate networks.",
        "Experts recommend multi-factor authentication, regular patching and offline backups.",
        "The company did not respond to a request for comment.",
        "It is not yet clear how many organisations were affected.",
        "Security researchers have tracked similar activity since {year}.",
        "The investigation is ongoing, and more details are expected in the coming weeks.",
        "{firm} published indicators of compromise to help defenders detect the activity.",
        "The attack surface has grown as companies move more workloads to the cloud.",
        "Shortages of skilled staff leave many security teams stretched thin.",
        "Incident responders said the attackers moved unusually fast.",
        "Threat actors often sell initial access to other criminals who carry out the final attack.",
        "The findings were presented at a security conference in {country}.",
        "{person}, {role} at {org}, said the team had worked through the weekend to contain the incident.",
        "Analysts expect copycat attacks now that technical details are public.",
        "Small and medium-sized businesses remain an attractive target because of weaker defences.",
        "Telemetry from endpoint sensors helped responders reconstruct the timeline.",
        "The company has since rotated credentials and reset privileged accounts.",
        "Cyber insurance claims related to the incident are expected to be substantial.",
        "According to {firm}, median attacker dwell time has fallen to just a few days.",
        "Defenders were advised to review logs for unusual authentication activity.",
        "Zero-trust architectures limit how far an intruder can move after an initial compromise.",
        "Open-source intelligence researchers corroborated parts of the account.",
        "The incident was first reported by a local newspaper.",
        "{agency} said it was aware of the reports and was working with the affected organisation.",
    ],
    "nonsecurity": [
        "Shares in the company rose {pct} after it reported better-than-expected quarterly earnings.",
        "The central bank left interest rates unchanged, citing persistent inflation.",
        "Heavy rain caused flooding in parts of {country}, disrupting rail services.",
        "The football club confirmed the signing of a new striker on a four-year contract.",
        "The smartphone maker unveiled a new model with a larger battery and an improved camera.",
        "Retail sales grew modestly in {month}, helped by seasonal discounts.",
        "The airline added new routes to southern Europe for the summer season.",
        "Scientists announced the discovery of a new species of deep-sea fish.",
        "The city council approved plans for a new bridge across the river.",
        "Electric vehicle registrations climbed to a record share of new car sales.",
        "The film festival opened with a premiere attended by hundreds of guests.",
        "Unemployment fell slightly, while wage growth slowed.",
        "The chipmaker said demand for data-centre processors remained strong.",
        "A heatwave prompted health warnings across the region.",
        "The streaming service raised its subscription prices for the second time this year.",
        "Construction of the new stadium is running behind schedule.",
        "The startup raised {n_small} million dollars in a funding round led by venture investors.",
        "Farmers reported a strong harvest despite a dry spring.",
        "The museum will reopen next month after a two-year renovation.",
        "Oil prices edged higher amid concerns about supply.",
        "The tech giant announced plans to open a research centre in {country}.",
        "Commuters faced delays after a signal failure on the main line.",
    ],
}

HEADLINES = {
    "ransomware": [
        "{gang} ransomware attack disrupts {org}",
        "{org} hit by ransomware, systems offline",
        "Ransomware gang demands {n_ransom} from {sector} firm",
        "{gang} claims attack on {org}",
        "Ransomware outage hits {sector} providers in {country}",
    ],
    "espionage": [
        "{apt} linked to espionage campaign against {country} ministries",
        "{state}-backed hackers breached {sector} networks, officials say",
        "{country} accuses {state} of cyber-espionage",
        "Spy campaign targets diplomats with fake invitations",
        "{firm} uncovers new {apt} backdoor",
    ],
    "breach": [
        "{org} data breach exposes {n_records} records",
        "{org} confirms customer data stolen",
        "Misconfigured database leaks {sector} customer records",
        "Hacker sells {n_records} records stolen from {org}",
    ],
    "vulnerability": [
        "{vendor} patches actively exploited zero-day",
        "Critical {vendor} flaw {cve} under attack",
        "{agency} orders agencies to patch {vendor} bug",
        "Thousands of {vendor} devices still unpatched against {cve}",
        "Patch now: {vendor} fixes remote code execution flaw",
    ],
    "phishing": [
        "Phishing campaign impersonates {org}",
        "Scammers use QR codes to steal {sector} logins",
        "Deepfake call costs firm {n_ransom}",
        "New phishing kit bypasses multi-factor authentication",
    ],
    "ddos": [
        "DDoS attack knocks {country} government sites offline",
        "Hacktivists claim DDoS on {sector} websites",
        "Record {n_gbps} Gbps DDoS attack mitigated",
        "Police dismantle DDoS-for-hire service",
    ],
    "policy": [
        "{country} passes cyber incident reporting law",
        "{agency} issues new guidance on edge devices",
        "Government weighs ban on ransom payments",
        "New rules put boards on the hook for cyber failures",
    ],
    "nonsecurity": [
        "Markets rally as earnings beat forecasts",
        "Floods disrupt rail services in {country}",
        "Chipmaker sees strong data-centre demand",
        "City approves new bridge plan",
    ],
}

TOPICS = ["ransomware", "espionage", "breach", "vulnerability", "phishing", "ddos", "policy", "nonsecurity"]
TOPIC_WEIGHTS = [22, 14, 16, 18, 12, 6, 7, 5]

# (kind, share, word range); word range is for title+body for headlines, body otherwise.
KINDS = [
    ("headline", 0.30, (10, 40)),
    ("wire", 0.40, (80, 300)),
    ("standard", 0.22, (400, 900)),
    ("feature", 0.08, (1500, 3000)),
]


def fill(rng: random.Random, template: str) -> str:
    """Substitute every ``{slot}`` in ``template`` with a random filler."""
    out = []
    i = 0
    while True:
        j = template.find("{", i)
        if j < 0:
            out.append(template[i:])
            break
        k = template.index("}", j)
        out.append(template[i:j])
        key = template[j + 1:k]
        out.append(_num(rng, key) if key in NUMERIC else rng.choice(SLOTS[key]))
        i = k + 1
    return "".join(out)


def words(text: str) -> int:
    return len(text.split())


def sentence(rng: random.Random, topic: str) -> str:
    """One sentence, mostly on ``topic``, sometimes general or off-topic."""
    r = rng.random()
    if topic == "nonsecurity":
        pool = "nonsecurity" if r < 0.85 else "general"
    elif r < 0.72:
        pool = topic
    elif r < 0.86:
        pool = "general"
    elif r < 0.96:
        pool = rng.choice([t for t in TOPICS if t not in (topic, "nonsecurity")])
    else:
        pool = "nonsecurity"
    return on_pool(rng, pool)


def on_pool(rng: random.Random, pool: str) -> str:
    """A filled sentence from ``pool``, capitalised (slots like "the FBI" may open it)."""
    s = fill(rng, rng.choice(SENTENCES[pool]))
    return s[0].upper() + s[1:]


def body_text(rng: random.Random, topic: str, target: int) -> str:
    """Paragraphs of 1-5 sentences until ``target`` words are reached."""
    paragraphs: list[str] = []
    total = 0
    last = None
    while total < target:
        para = []
        for _ in range(rng.randint(1, 5)):
            s = sentence(rng, topic)
            if s == last:  # avoid immediate repeats
                s = sentence(rng, topic)
            last = s
            para.append(s)
            total += words(s)
            if total >= target:
                break
        paragraphs.append(" ".join(para))
    return "\n\n".join(paragraphs)


def article(rng: random.Random, kind: str, lo: int, hi: int) -> tuple[str, str]:
    topic = rng.choices(TOPICS, TOPIC_WEIGHTS)[0]
    title = fill(rng, rng.choice(HEADLINES[topic]))
    # Paragraphs stop at the first sentence that reaches the target, so leave
    # room for one sentence (~20 words) below the upper bound.
    target = rng.randint(lo, hi if kind == "headline" else hi - 20)
    if kind == "headline":
        # One-line summary: one to three sentences, total (title + body) within [lo, hi].
        budget = max(target - words(title), 6)
        parts: list[str] = []
        for _ in range(8):
            s = on_pool(rng, topic)
            if words(" ".join(parts + [s])) + words(title) > hi:
                continue
            parts.append(s)
            if words(" ".join(parts)) >= budget:
                break
        if not parts:  # very long title: take the shortest candidate
            parts = [min((on_pool(rng, topic) for _ in range(8)), key=words)]
        return title, " ".join(parts)
    return title, body_text(rng, topic, target)


def kind_schedule(rng: random.Random, n: int) -> list[tuple[str, int, int]]:
    """Exact kind counts (largest remainder) in a shuffled order."""
    raw = [share * n for _, share, _ in KINDS]
    counts = [int(x) for x in raw]
    for i in sorted(range(len(KINDS)), key=lambda i: raw[i] - counts[i], reverse=True)[: n - sum(counts)]:
        counts[i] += 1
    sched = [(k, lo, hi) for (k, _, (lo, hi)), c in zip(KINDS, counts) for _ in range(c)]
    rng.shuffle(sched)
    return sched


def quantiles(xs: list[int], qs: list[float]) -> list[int]:
    s = sorted(xs)
    return [s[min(len(s) - 1, int(q * len(s)))] for q in qs]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=20251127, help="random seed (default 20251127)")
    ap.add_argument("--out", default="benches/data/corpus.jsonl", help="output JSONL path")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    sched = kind_schedule(rng, args.n)
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    lengths: list[int] = []
    by_kind: dict[str, list[int]] = {k: [] for k, _, _ in KINDS}
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for i, (kind, lo, hi) in enumerate(sched, 1):
            title, body = article(rng, kind, lo, hi)
            rec = {"id": f"b-{i:05d}", "title": title, "body": body}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            w = words(title) + words(body)
            lengths.append(w)
            by_kind[kind].append(w)

    qs = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99]
    print(f"wrote {args.out}: {args.n} articles, {sum(lengths)} words (title + body), seed {args.seed}")
    print("word-count quantiles  " + "  ".join(f"p{int(q * 100)}={v}" for q, v in zip(qs, quantiles(lengths, qs)))
          + f"  max={max(lengths)}")
    for kind, ws in by_kind.items():
        if ws:
            print(f"  {kind:9s} {len(ws):5d} ({100 * len(ws) / args.n:4.1f}%)  words min={min(ws)} "
                  f"median={quantiles(ws, [0.5])[0]} max={max(ws)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
