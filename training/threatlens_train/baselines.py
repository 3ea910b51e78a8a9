"""Baselines evaluated on the same splits: keyword rules and TF-IDF + logistic regression."""
from __future__ import annotations

import re
import warnings

import numpy as np

from .common import ATTRIBUTION_LEVELS, SEED, THREAT_LABELS

# ------------------------------------------------------------------------------ keyword rules
# Hand-written cue lists. A label fires when any cue matches; hits in the title count double
# when choosing the primary label.
KEYWORDS: dict[str, list[str]] = {
    "espionage": [r"espionage", r"\bapt ?\d+", r"state[- ]sponsored", r"state[- ]backed", r"spy(ing)?\b", r"\bspies\b",
                  r"intelligence (service|agency)", r"cyber ?spy", r"nation[- ]state", r"typhoon\b", r"spyware",
                  r"ministry of state security", r"\bgru\b", r"\bsvr\b", r"lazarus", r"\bmss\b"],
    "ransomware": [r"ransom", r"lockbit", r"blackcat", r"\balphv\b", r"akira", r"clop", r"black ?basta", r"leak site",
                   r"double extortion", r"encrypted (files|systems|servers)", r"extortion", r"\brhysida\b",
                   r"scattered spider", r"play ransomware", r"qilin", r"medusa"],
    "data_breach": [r"data breach", r"\bbreach(ed)?\b", r"records (were )?(exposed|stolen|leaked)", r"exposed database",
                    r"personal (data|information)", r"customer data", r"leaked", r"misconfigured", r"unsecured",
                    r"stolen data", r"breach notification", r"data (was|were) (stolen|accessed|exposed)"],
    "phishing": [r"phish", r"smish", r"vishing", r"business email compromise", r"\bbec\b", r"social engineering",
                 r"\blure", r"fake login", r"credential harvesting", r"impersonat", r"scam", r"fraudulent (email|text)"],
    "malware": [r"malware", r"infostealer", r"stealer", r"trojan", r"\brat\b", r"botnet", r"loader", r"wiper",
                r"backdoor", r"\bc2\b", r"command[- ]and[- ]control", r"cryptominer", r"stalkerware", r"implant"],
    "vulnerability": [r"cve-\d{4}", r"vulnerabilit", r"zero[- ]day", r"0-day", r"\bpatch", r"exploit", r"\bflaw",
                      r"\bcvss\b", r"security update", r"\bkev\b", r"remote code execution", r"advisory"],
    "ddos": [r"ddos", r"denial[- ]of[- ]service", r"\bflood", r"knocked offline", r"\btbps\b", r"\bgbps\b",
             r"noname057", r"killnet", r"anonymous sudan"],
    "supply_chain": [r"supply[- ]chain", r"trojani[sz]ed update", r"malicious (npm|pypi|package)", r"\bnpm\b", r"\bpypi\b",
                     r"third[- ]party (provider|vendor|supplier)", r"managed service provider", r"\bmsp\b", r"software update",
                     r"build (system|server|pipeline)", r"open[- ]source package", r"dependency"],
    "hacktivism": [r"hacktivis", r"defac", r"pro-russian", r"pro-palestinian", r"pro-ukrainian", r"influence operation",
                   r"disinformation", r"hack-and-leak", r"propaganda", r"ideolog", r"anonymous"],
    "cyberattack": [r"cyber ?attack", r"cyber incident", r"cybersecurity incident", r"it outage", r"systems (were )?(hit|down)",
                    r"hacked", r"\bhack\b", r"security incident", r"disrupt", r"drained", r"hot wallet"],
    "policy": [r"\bbill\b", r"legislat", r"regulat", r"\bfined?\b", r"sentenced", r"indict", r"charged", r"arrest",
               r"sanction", r"\blaw\b", r"court", r"pleaded", r"extradit", r"takedown", r"seized", r"strategy",
               r"report (finds|found)", r"survey", r"funding", r"directive", r"minister"],
}
CYBER_CONTEXT = re.compile(r"cyber|hack|malware|ransom|phish|breach|vulnerab|exploit|ddos|attack|infosec|security", re.I)

ATTRIBUTION_CUES: dict[str, list[str]] = {
    "attributed": [r"attributed (the|this|it)", r"formally attribut", r"\bcharged\b", r"indict", r"sanction", r"convicted",
                   r"with high confidence", r"almost certainly", r"publicly (named|blamed|attributed)", r"pleaded guilty",
                   r"sentenced", r"confirmed (that )?(the )?(attack|intrusion) (was|had been) (carried out|conducted)"],
    "suspected": [r"believed to be", r"suspected", r"linked (to|with)", r"hallmarks", r"moderate confidence",
                  r"attribute[sd]? .{0,40} to", r"assess(ed|es)? (that|with)", r"tied to", r"likely", r"associated with",
                  r"according to (people|sources|officials) familiar", r"overlap"],
    "claimed": [r"claimed responsibility", r"claimed (the|an|it)", r"took (credit|responsibility)", r"leak site",
                r"listed .{0,40} on its", r"posted .{0,40} telegram", r"on telegram", r"claims to have"],
}
DENIAL_CUES = [r"\bdenie[sd]\b", r"\bdeny\b", r"\bdenying\b", r"rejected (the )?(accusation|allegation|claim)s?",
               r"baseless", r"groundless", r"smear", r"unfounded", r"dismissed (the )?(accusation|allegation|claim)s?"]


class KeywordBaseline:
    def __init__(self):
        self.kw = {k: [re.compile(p, re.I) for p in v] for k, v in KEYWORDS.items()}
        self.att = {k: [re.compile(p, re.I) for p in v] for k, v in ATTRIBUTION_CUES.items()}
        self.den = [re.compile(p, re.I) for p in DENIAL_CUES]

    def threat(self, title: str, body: str) -> tuple[np.ndarray, np.ndarray]:
        """Returns (hard multi-label 0/1 [12], one-hot primary [12])."""
        scores = np.zeros(len(THREAT_LABELS))
        for j, lab in enumerate(THREAT_LABELS):
            for rx in self.kw.get(lab, []):
                scores[j] += 2 * len(rx.findall(title or "")) + len(rx.findall(body or ""))
        ml = (scores > 0).astype(float)
        prim = np.zeros(len(THREAT_LABELS))
        if ml.sum() == 0 or not CYBER_CONTEXT.search(f"{title} {body}"):
            ml[:] = 0
            ml[THREAT_LABELS.index("none")] = 1
            prim[THREAT_LABELS.index("none")] = 1
            return ml, prim
        s = scores.copy()
        # `cyberattack` and `policy` only win the primary when nothing more specific fires
        specific = [j for j, lab in enumerate(THREAT_LABELS) if lab not in ("cyberattack", "policy", "none")]
        if s[specific].max() > 0:
            prim[specific[int(np.argmax(s[specific]))]] = 1
            ml[THREAT_LABELS.index("cyberattack")] = 0
        else:
            prim[int(np.argmax(s))] = 1
        return ml, prim

    def attribution(self, text: str) -> np.ndarray:
        out = np.zeros(len(ATTRIBUTION_LEVELS))
        for lvl in ("attributed", "suspected", "claimed"):
            if any(rx.search(text or "") for rx in self.att[lvl]):
                out[ATTRIBUTION_LEVELS.index(lvl)] = 1
                return out
        out[0] = 1
        return out

    def denial(self, text: str) -> float:
        return float(any(rx.search(text or "") for rx in self.den))


# ------------------------------------------------------------------------------ TF-IDF + LR

class TfidfBaseline:
    def __init__(self):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion

        self.vec = FeatureUnion([
            ("word", TfidfVectorizer(ngram_range=(1, 2), min_df=1, max_features=50000, sublinear_tf=True)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, max_features=80000,
                                     sublinear_tf=True)),
        ])

    def fit(self, texts: list[str]):
        self.vec.fit(texts)
        return self

    def transform(self, texts):
        return self.vec.transform(texts)

    @staticmethod
    def fit_multilabel(X, Y, C=4.0):
        from sklearn.linear_model import LogisticRegression

        models = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for j in range(Y.shape[1]):
                if Y[:, j].min() == Y[:, j].max():
                    models.append(float(Y[0, j]))
                else:
                    models.append(LogisticRegression(C=C, max_iter=2000, random_state=SEED).fit(X, Y[:, j]))
        return models

    @staticmethod
    def predict_multilabel(models, X):
        cols = []
        for m in models:
            cols.append(np.full(X.shape[0], m) if isinstance(m, float) else m.predict_proba(X)[:, 1])
        return np.column_stack(cols)

    @staticmethod
    def fit_multiclass(X, y, C=4.0):
        from sklearn.linear_model import LogisticRegression

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return LogisticRegression(C=C, max_iter=3000, random_state=SEED).fit(X, y)

    @staticmethod
    def predict_multiclass(model, X, n_classes):
        P = np.zeros((X.shape[0], n_classes))
        P[:, model.classes_] = model.predict_proba(X)
        return P


class TfidfDocuments:
    """The document baseline: TF-IDF + LR for threat types, primary and attribution, fitted on
    the train records, threat thresholds tuned on the validation records."""

    def __init__(self, train: list[dict], validation: list[dict]):
        from .evaluate import threat_indicator, tune_thresholds

        self.tb = TfidfBaseline().fit([_text(r) for r in train])
        X = self.tb.transform([_text(r) for r in train])
        self.mt = self.tb.fit_multilabel(X, threat_indicator(train))
        self.mp = self.tb.fit_multiclass(X, np.array([THREAT_LABELS.index(r["primary"]) for r in train]))
        self.ma = self.tb.fit_multiclass(X, np.array([ATTRIBUTION_LEVELS.index(r["attribution"]) for r in train]))
        self.thresholds = tune_thresholds(threat_indicator(validation), self.predict(validation)[0],
                                          THREAT_LABELS) if validation else {}

    def predict(self, recs: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(threat probs, primary probs, attribution probs)."""
        X = self.tb.transform([_text(r) for r in recs])
        return (self.tb.predict_multilabel(self.mt, X), self.tb.predict_multiclass(self.mp, X, len(THREAT_LABELS)),
                self.tb.predict_multiclass(self.ma, X, len(ATTRIBUTION_LEVELS)))


def _text(r: dict) -> str:
    return f"{r.get('title') or ''}\n{r.get('body') or ''}"
