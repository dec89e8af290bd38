import json

import pytest

from pipeline.readers import InputError, published_in_text, read_file, split_title


@pytest.mark.parametrize(
    ("raw", "title", "body_start"),
    [
        ("Tiêu đề ngắn\n\nNội dung bài viết.", "Tiêu đề ngắn", "Nội dung"),
        ("Tiêu đề ngắn\nNội dung ngay dòng sau.", "Tiêu đề ngắn", "Nội dung"),
        ("Chỉ một dòng nội dung dài.", None, "Chỉ một"),
        ("Đây là một câu văn mở đầu, kết thúc bằng dấu chấm.\nCâu tiếp theo.", None, "Đây là"),
        ("x" * 250 + "\nThân bài.", None, "xxx"),
    ],
)
def test_readers_split_title(raw, title, body_start):
    t, body = split_title(raw)
    assert t == title
    assert body.startswith(body_start)


@pytest.mark.parametrize(
    ("body", "published"),
    [
        ("Tiến Dũng\n\n13/07/2022 15:33\n\nNội dung", "2022-07-13"),
        (" date 2021-07 Chiều 21/7, hội nghị", "2021-07"),
        ("Thứ tư, 22/10/2025, 19:25 (GMT+7)\nNội dung", "2025-10-22"),
        ("Quyết định số 529, ngày 11/1/2022 của BTV", None),
        ("Thứ Sáu, 12-07-2024, 18:20\nNội dung", "2024-07-12"),
        ("04/10/2024 15:42 GMT+7\nNội dung", "2024-10-04"),
        ("Thứ Hai, 25/11/2024 11:30 (GMT+07:00)\nNội dung", "2024-11-25"),
        ("Cập nhật 08.03.2023 09:15:30\nNội dung", None),
        ("08.03.2023 09:15:30\nNội dung", "2023-03-08"),
        ("31/13/2024\nNội dung", None),
        ("Ngày 12/7-2024 tỉnh tổ chức", None),
    ],
)
def test_readers_published_in_text(body, published):
    assert published_in_text(body) == published


def test_readers_body_follows_the_gold_body_rule(seeds_dir, seed_gold):
    for row in seed_gold:
        art = read_file(seeds_dir / row["file"])[0]
        for m in row["money"] + row["percentages"]:
            assert art.text[m["start"] : m["end"]] == m["text"]
        assert art.published == row["published"] or row["published"] is None


def test_readers_json_record(tmp_path):
    rec = {"url": "https://baophutho.vn/a-1.htm", "title": "T", "published": "2025-08-01T10:00:00+07:00",
           "text": "Nội dung.", "source": "baophutho"}
    p = tmp_path / "a.json"
    p.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    art = read_file(p)[0]
    got = (art.url, art.published, art.source, art.text)
    assert got == (rec["url"], "2025-08-01", "baophutho", "Nội dung.")


def test_readers_json_without_text_is_refused(tmp_path):
    p = tmp_path / "a.json"
    p.write_text('{"url": "x"}', encoding="utf-8")
    with pytest.raises(InputError, match="no 'text'"):
        read_file(p)


@pytest.mark.parametrize(
    ("text", "textual"),
    [
        ("Thu ngân sách đạt 1.200 tỷ đồng.\n\tTăng 5%.\r\n", True),  # line breaks and tabs are text
        ("Thu ngân sách.\n\nTăng 5%.\n", True),  # only "\n": the quickest check answers
        ("Tăng 5%.\n" * 12 + "\x01", True),  # "\n" and one stray control character in 109
        ("Tăng\n\x01\x02\x03", False),  # after the quick check fails, the count decides
        ("Hội nghị\u2028lần thứ 5\u3000khai mạc", True),  # Unicode line and ideographic spaces
        ("a" * 99 + "\x01", True),  # one stray control character in a hundred is tolerated
        ("a" * 40 + "\x01", False),  # one in forty is not
        ("\x00\x01\x02PK\x03\x04" * 10, False),  # binary
    ],
)
def test_readers_textual_mostly_printable(text, textual):
    from pipeline.readers import _textual

    assert _textual(text) is textual
