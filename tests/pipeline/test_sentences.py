import pytest

from pipeline.sentences import line_of, line_sentences, sentence_at, sentences, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu ngân sách đạt 1.455 tỷ đồng. Chi ngân sách đạt 900 tỷ đồng.",
         ["Thu ngân sách đạt 1.455 tỷ đồng.", "Chi ngân sách đạt 900 tỷ đồng."]),
        ("Tổng giá trị đạt 7.776,6 tỷ đồng, tăng 5,2%.", ["Tổng giá trị đạt 7.776,6 tỷ đồng, tăng 5,2%."]),
        ("Đ.c Phó Bí thư Nguyễn Văn A phát biểu.", ["Đ.c Phó Bí thư Nguyễn Văn A phát biểu."]),
        ("Dòng một\n\nDòng hai", ["Dòng một", "Dòng hai"]),
        ("Đạt kết quả tốt... Tiếp tục phấn đấu!", ["Đạt kết quả tốt...", "Tiếp tục phấn đấu!"]),
        ("TP. Vinh có 25 phường.", ["TP. Vinh có 25 phường."]),
        ("Xây dựng “mục tiêu kép”. “Năm nay” sẽ khác.", ["Xây dựng “mục tiêu kép”.", "“Năm nay” sẽ khác."]),
    ],
)
def test_sentences_split(text, expected):
    assert [text[s:e] for s, e in sentences(text)] == expected


def test_sentence_at_finds_the_containing_sentence():
    text = "Câu một. Câu hai có 5%."
    bounds = sentences(text)
    assert text[slice(*sentence_at(bounds, text.index("5%")))] == "Câu hai có 5%."
    assert sentence_at(bounds, text.index(" Câu hai")) is None


def test_sentences_cover_the_seeds_without_losing_text(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        bounds = sentences(text)
        covered = sum(1 for s, e in bounds for ch in text[s:e] if not ch.isspace())
        assert covered == sum(1 for ch in text if not ch.isspace())
        assert all(bounds[i][1] <= bounds[i + 1][0] for i in range(len(bounds) - 1))


def _sentences_by_finditer(text):
    """The splitter written plainly: ``_END.finditer`` over each line, the word before a dot by regex."""
    import re

    from pipeline.sentences import _ABBREV, _END, _LINE

    out = []
    for line in _LINE.finditer(text):
        ls, le = line.span()
        cut = ls
        for m in _END.finditer(text, ls, le):
            word = re.compile(r"(\S+)$").search(text, cut, m.start())
            if word and m.group().startswith(".") and not m.group().startswith("..."):
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                    continue
            out.append((cut, m.end()))
            cut = m.end()
        out.append((cut, le))
    stripped = []
    for s, e in out:
        piece = text[s:e]
        s, e = s + len(piece) - len(piece.lstrip()), s + len(piece.rstrip())
        if e > s:
            stripped.append((s, e))
    return stripped


@pytest.mark.parametrize(
    "text",
    [
        "a... B", "x.. Y", "TP. Vinh. Có", "Đ.c A. B", "q. 1. Hai", "a .B", "  . A", "x?! \"B",
        "5.3 . 4 A. B…  C", "a.\n B. c. D", "abc ... D", "a.)” B", ".A . B", "Th.S. Lê A. Ông B",
        "Đạt 7.776,6 tỷ. Tăng 5%.\n\nHai. Ba! Bốn? “Năm”… Sáu",
    ],
)
def test_sentences_try_only_the_end_characters(text):
    assert sentences(text) == _sentences_by_finditer(text)


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2024, thu 5 tỷ đồng. TP. Vinh tăng 7%.\n\n  Dòng hai: a. B c! \n\nĐ.c Nam nói… Thu 3%",
        "Một dòng\nHai dòng.Ba\n",
        "\n\n",
        "",
        "x",
    ],
)
def test_sentences_of_each_line_are_those_of_the_text(text):
    """Every line is split on its own, so splitting one line gives the text's sentences in it."""
    lines = {line_of(text, pos) for pos in range(len(text))}
    assert sorted(s for line in lines for s in line_sentences(text, line)) == sentences(text)
    assert list(split_sentences(text)) == sentences(text)
    for a, b in lines:
        assert "\n" not in text[a:b]
        assert (a == 0 or text[a - 1] == "\n") and (b == len(text) or text[b] == "\n")
