import pytest

from threatlens_train.common import CLS_ID, SEP_ID
from threatlens_train.features import (WINDOW_CONTENT, best_window_for_span, combine_windows, join_content,
                                       make_windows, window_starts)


@pytest.mark.parametrize("n,expected", [
    (0, [0]), (1, [0]), (254, [0]), (255, [0, 1]), (444, [0, 190]), (445, [0, 190, 191]),
    (500, [0, 190, 246]), (1000, [0, 190, 380, 570, 746]),
])
def test_window_starts(n, expected):
    assert window_starts(n) == expected


@pytest.mark.parametrize("n", [0, 1, 5, 253, 254, 255, 300, 443, 444, 445, 634, 635, 2000, 4321])
def test_windows_cover_everything_and_end_at_n(n):
    content = list(range(1000, 1000 + n))
    wins = make_windows(content)
    seen = set()
    for w in wins:
        assert w[0] == CLS_ID and w[-1] == SEP_ID
        assert len(w) <= WINDOW_CONTENT + 2
        seen.update(w[1:-1])
    assert seen == set(content)
    if n > WINDOW_CONTENT:
        assert all(len(w) == WINDOW_CONTENT + 2 for w in wins)
        starts = window_starts(n)
        assert starts[-1] + WINDOW_CONTENT == n
        assert all(b - a <= 190 for a, b in zip(starts, starts[1:]))


def test_empty_document_is_cls_sep():
    assert make_windows([]) == [[CLS_ID, SEP_ID]]


def test_join_content():
    assert join_content([1, 2], [3]) == [1, 2, SEP_ID, 3]
    assert join_content([], [3]) == [3]
    assert join_content([1], []) == [1]
    assert join_content([], []) == []


def test_combine_windows_weights_by_length():
    import numpy as np

    e = combine_windows(np.array([[1.0, 0.0], [0.0, 1.0]]), [3, 1])
    assert np.allclose(e, [0.75, 0.25])


def test_best_window_for_span():
    # 500 content tokens: windows start at 0, 190, 246
    wi, pos = best_window_for_span(500, list(range(240, 260)))
    assert wi == 1 and pos == [i - 190 + 1 for i in range(240, 260)]
    wi, pos = best_window_for_span(500, [10, 11])
    assert wi == 0 and pos == [11, 12]
    wi, pos = best_window_for_span(500, [499])
    assert wi == 2 and pos == [499 - 246 + 1]
