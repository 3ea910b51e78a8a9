from threatlens_train.data import group_near_duplicates, shingles, stratified_group_split
from threatlens_train.features import SpanJob, load_tokenizer, paragraph_with
from threatlens_train.common import MODEL_OUT

import pytest

BASE = ("Attackers breached the payroll platform of a logistics firm in Rotterdam and copied the personal records "
        "of roughly eleven thousand drivers before the intrusion was spotted by an outside monitoring service last week")


def test_near_duplicates_grouped():
    texts = [BASE, BASE.replace("eleven", "twelve"), "A completely different story about a bank fine in Ohio.",
             BASE.upper(), "Short one"]
    groups, stats = group_near_duplicates(texts)
    assert groups[0] == groups[1] == groups[3]
    assert groups[2] != groups[0] and groups[4] != groups[0]
    assert stats["exact_duplicates"] == 1 and stats["near_duplicate_pairs"] >= 1


def test_shingles_short_text():
    assert len(shingles("two words")) == 1
    assert shingles("") == set()


def test_split_keeps_groups_together_and_is_stratified():
    strata = ["a"] * 100 + ["b"] * 40
    groups = [i // 2 for i in range(140)]
    sp = stratified_group_split(strata, groups)
    for i in range(0, 140, 2):
        assert sp[i] == sp[i + 1]
    for lab, n in (("a", 100), ("b", 40)):
        idx = [i for i, s in enumerate(strata) if s == lab]
        tr = sum(sp[i] == "train" for i in idx) / n
        assert 0.6 <= tr <= 0.8
        assert any(sp[i] == "test" for i in idx) and any(sp[i] == "validation" for i in idx)
    assert stratified_group_split(strata, groups) == sp


def test_added_records_never_move_earlier_assignments():
    strata = ["a"] * 100 + ["b"] * 40
    groups = list(range(140))
    before = stratified_group_split(strata, groups)
    # 60 new records, one of them a near-duplicate of record 0 (same group)
    strata2 = strata + ["a"] * 30 + ["b"] * 30
    groups2 = groups + [0] + list(range(1000, 1059))
    after = stratified_group_split(strata2, groups2, fixed=before + [None] * 60)
    assert after[:140] == before
    assert after[140] == before[0]  # joins its near-duplicate's split
    new = after[141:]
    assert 0.55 <= new.count("train") / len(new) <= 0.85


@pytest.mark.skipif(not (MODEL_OUT / "tokenizer.json").exists(), reason="tokenizer not copied yet")
def test_span_tokens_cover_only_the_target():
    from threatlens_train.features import Featurizer

    tok = load_tokenizer()
    job = paragraph_with("APT31 was charged by prosecutors.", ["The weather was fine.", "Shares rose 3%."], 1)
    assert job.text[job.start:job.end] == "APT31 was charged by prosecutors."
    f = Featurizer.__new__(Featurizer)
    f.tok = tok
    ids, idx = f.span_tokens(job)
    words = tok.decode([ids[i] for i in idx])
    assert words.replace(" ", "") == "apt31waschargedbyprosecutors."
    alone = SpanJob("APT31 was charged by prosecutors.", 0, 34)
    assert len(f.span_tokens(alone)[1]) == len(idx)
