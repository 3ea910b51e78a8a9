"""Lexical keys: what counts, what breaks a bigram, and the file round trip."""
import numpy as np

from threatlens_train.lexicon import Lexicon, keys


def test_keys_are_unigrams_and_adjacent_bigrams_broken_by_specials():
    # [CLS] a b [SEP] c [PAD]
    assert keys([101, 7, 8, 102, 9, 0]) == [(7,), (8,), (7, 8), (9,)]
    assert keys([]) == []
    assert keys([100, 103]) == []


def test_build_counts_and_unit_rows():
    seqs = [[5, 6, 5, 6], [5, 6], [7]]
    lex = Lexicon.build(seqs, min_df=2)
    assert lex.features == [(5,), (5, 6), (6,)]
    C = lex.counts([[5, 6, 5, 6], [7], []]).toarray()
    assert C.tolist() == [[2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    # (6, 5) occurs once in one sequence only: below min_df, not a feature
    U = lex.unit(C).toarray()
    assert np.allclose(np.linalg.norm(U[0]), 1.0)
    assert np.allclose(U[1:], 0.0)  # rows without known keys stay zero, not NaN


def test_file_round_trip(tmp_path):
    lex = Lexicon.build([[1000, 1001], [1000, 1001, 1002], [1002]], min_df=1)
    lex.write(tmp_path / "lexicon.json")
    back = Lexicon.read(tmp_path / "lexicon.json", idf=lex.idf)
    assert back.features == lex.features
    assert (back.counts([[1000, 1001]]) != lex.counts([[1000, 1001]])).nnz == 0
