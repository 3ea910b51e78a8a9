"""Metric helpers: the service's threat-type rule and the paired bootstrap."""
import numpy as np

from threatlens_train.evaluate import multilabel_report, paired_bootstrap

LABELS = ["ransomware", "data_breach", "none"]


def test_primary_is_always_predicted_and_none_excludes_the_rest():
    Y = np.array([[1, 1, 0], [0, 0, 1], [1, 0, 0]])
    P = np.array([[0.9, 0.2, 0.1], [0.1, 0.7, 0.3], [0.1, 0.1, 0.1]])
    thr = {lab: 0.5 for lab in LABELS}
    # primary: data_breach (below threshold, added), none (drops data_breach), ransomware
    rep = multilabel_report(Y, P, LABELS, thr, primary=np.array([1, 2, 0]))
    assert rep["micro_f1"] == 1.0
    # without a primary classifier the second record keeps data_breach and misses none
    rep = multilabel_report(Y, P, LABELS, thr)
    assert rep["per_label"]["none"]["recall"] == 0.0


def test_paired_bootstrap_interval_contains_the_difference():
    rng = np.random.default_rng(1)
    a = rng.random(200) < 0.9
    b = rng.random(200) < 0.6
    r = paired_bootstrap(200, lambda i: a[i].mean(), lambda i: b[i].mean(), rounds=300)
    assert r["ci95"][0] <= r["diff"] <= r["ci95"][1]
    assert r["ci95"][0] > 0 and r["share_not_better"] == 0.0
    same = paired_bootstrap(200, lambda i: a[i].mean(), lambda i: a[i].mean(), rounds=50)
    assert same["diff"] == 0.0 and same["share_not_better"] == 1.0


def test_holdout_overlap_flags_copies_only():
    from threatlens_train.holdout_eval import overlap_with_training

    train = [{"title": "Ransomware gang hits port operator", "body": "The LockBit affiliate encrypted terminal "
              "systems at the port of Gdańsk on Monday, the operator said in a statement."}]
    copy = [dict(train[0])]
    fresh = [{"title": "City council restores email", "body": "Officials in Ulm said a phishing campaign had "
              "targeted staff accounts over the weekend and that no resident data was touched."}]
    assert overlap_with_training(copy, train)["at_or_over_near_duplicate_threshold"] == 1
    r = overlap_with_training(fresh, train)
    assert r["at_or_over_near_duplicate_threshold"] == 0 and r["max_jaccard"] < 0.1
