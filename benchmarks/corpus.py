"""A deterministic corpus of made-up Vietnamese provincial news articles, for benchmarks.

    python benchmarks/corpus.py --n 1000 --seed 1 --out /tmp/corpus

writes ``000000.txt`` … (first line the headline, then a date line and the body). Article ``i``
depends only on ``(seed, i)``, so the first 1,000 articles of a 10,000-article corpus are the
1,000-article corpus. Every template and word list here and in ``corpus_prose.py`` is our own; the
figures come in the shapes provincial reports use: money with qualifiers, ranges and compound
amounts, percentages, changes against the same period, shares of plan, counts, areas, ratios,
targets and terms.

Two mixes (``--mix``):

- ``report`` (the default): articles with the make-up of real provincial reports. Most sentences
  are prose (assessments, directions, what the meeting did, captions, a line of related
  headlines); a sentence carries figures with probability ``FIGURE_SENTENCE_SHARE``, so that the
  articles are at least as dense in figures as the densest of the five real seed articles
  (``REAL_DENSITY``; ``tests/test_bench_corpus.py`` checks the corpus against the seeds).
- ``dense``: every paragraph after the lead is figure sentences, about four times as many figures
  per sentence as real reports: a stress test for the per-figure work of the indicators stage.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

if str(Path(__file__).resolve().parent) not in sys.path:  # corpus_prose.py, corpus_words.py beside it
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_prose import ASSESSMENTS, CAPTIONS, DIRECTIONS, NARRATIVE, RELATED, TOPICS  # noqa: E402
from corpus_words import (  # noqa: E402
    APPROX,
    COUNTS,
    DEPARTMENTS,
    DISTRICT_POSTS,
    DOCUMENTS,
    GIVEN,
    HALF,
    MIDDLE,
    PROVINCE_POSTS,
    PROVINCES,
    SAME_PERIOD,
    SURNAMES,
)

MIXES = ("report", "dense")
# the five real seed articles as :func:`density` reads them, pooled and the densest of them on each
# measure (``tests/test_bench_corpus.py`` measures the seeds again when ../shared is there)
REAL_DENSITY = {"pooled": {"figure_sentences": 0.188, "indicators_per_sentence": 0.338},
                "densest": {"figure_sentences": 0.264, "indicators_per_sentence": 0.519}}
PROSE = ASSESSMENTS + DIRECTIONS + NARRATIVE
FIGURE_SENTENCE_SHARE = 0.33  # of the body's paragraph sentences, in the ``report`` mix

def _vn(value: float, decimals: int = 0) -> str:
    """A number the Vietnamese way: "." groups thousands, "," is the decimal mark."""
    whole = f"{int(value):,}".replace(",", ".")
    if decimals:
        frac = f"{value:.{decimals}f}".split(".")[1]
        return f"{whole},{frac}"
    return whole


class Writer:
    """One article's random choices (a ``random.Random`` seeded from ``(seed, index)``)."""

    def __init__(self, seed: int, index: int) -> None:
        self.r = random.Random(f"vnnews-corpus:{seed}:{index}")
        self.province = self.r.choice(sorted(PROVINCES))
        self.district = self.r.choice(PROVINCES[self.province])
        self.year = self.r.randint(2019, 2025)
        self._prose: list[str] = []

    def pick(self, options: tuple[str, ...]) -> str:
        return self.r.choice(options)

    def name(self) -> str:
        return f"{self.pick(SURNAMES)} {self.pick(MIDDLE)} {self.pick(GIVEN)}"

    def period(self) -> str:
        return self.pick(HALF).format(y=self.year)

    def money(self) -> str:
        r = self.r
        shape = r.randrange(8)
        if shape == 0:
            return f"{self.pick(APPROX)}{_vn(r.randint(120, 48_000))} tỷ đồng"
        if shape == 1:
            return f"{self.pick(APPROX)}{_vn(r.uniform(10, 9_999), r.choice((1, 2)))} tỷ đồng"
        if shape == 2:
            return f"{self.pick(APPROX)}{_vn(r.randint(150, 980))} triệu đồng"
        if shape == 3:
            return f"{r.randint(1, 40)} tỷ {r.choice((100, 250, 500, 750))} triệu đồng"
        if shape == 4:
            low = r.randint(2, 30)
            return f"từ {low} đến {low + r.randint(1, 5)} tỷ đồng"
        if shape == 5:
            low = r.randint(10, 60)
            return f"{low} - {low + r.randint(1, 4)} nghìn tỷ đồng"
        if shape == 6:
            return f"{self.pick(APPROX)}{_vn(r.uniform(1, 950), 1)} triệu USD"
        return f"{self.pick(APPROX)}{_vn(r.uniform(1, 30), 1)} nghìn tỷ đồng"

    def percent(self, low: float = 0.5, high: float = 99.0) -> str:
        """A percentage between ``low`` and ``high``: plain, decimal, range or in words."""
        r = self.r
        shape = r.randrange(6)
        if shape == 0:
            start = round(r.uniform(low, high * 0.9), 1)
            return f"{_vn(start, 1)} - {_vn(start + max(0.5, round(high / 10, 1)), 1)}%"
        if shape == 1:
            return f"{r.randint(int(low) + 1, int(high))}%"
        if shape == 2:
            return f"{r.randint(int(low) + 1, int(high))} phần trăm"
        if shape == 3:
            return f"{r.randint(int(low) + 1, int(high))} %"
        return f"{self.pick(APPROX)}{_vn(r.uniform(low, high), r.choice((1, 2)))}%"

    def growth(self) -> str:
        return self.percent(0.5, 15.0)

    def share(self) -> str:
        return self.percent(40.0, 100.0)

    def count(self, noun: str) -> str:
        low, high = COUNTS[noun]
        return f"{self.pick(APPROX)}{_vn(self.r.randint(low, high))} {noun}"

    def document(self) -> str:
        r = self.r
        kind, abbr, issuer = r.choice(DOCUMENTS)
        number = r.randint(1, 3_500) if "UBND" in abbr or "HĐND" in abbr else r.randint(1, 60)
        sep = "/" if abbr.startswith(("QĐ", "KH", "UBND", "NQ-")) else "-"
        day, month = r.randint(1, 28), r.randint(1, 12)
        year = self.year - r.randint(0, 2)
        shape = r.randrange(4)
        if shape == 0:
            return f"{kind} số {number:02d}{sep}{abbr} ngày {day}/{month}/{year} của {issuer}"
        if shape == 1:
            return f"{kind} số {number}, ngày {day}/{month}/{year} của {issuer}"
        if shape == 2:
            return f"{kind} {number:02d}{sep}{abbr}"
        return f"Nghị quyết Trung ương {r.randint(4, 8)} khóa {r.choice(('XII', 'XIII'))}"

    # ------------------------------------------------------------ sentences

    def lead(self) -> str:
        r = self.r
        day, month = r.randint(1, 28), r.randint(1, 12)
        body = r.choice((f"Ban Chấp hành Đảng bộ tỉnh {self.province}",
                         f"Huyện ủy {self.district} ({self.province})", f"UBND tỉnh {self.province}",
                         f"HĐND tỉnh {self.province}", f"Thành ủy {self.district}"))
        what = r.choice(("tổ chức hội nghị lần thứ {n}, nhiệm kỳ 2020-2025",
                         "tổ chức hội nghị sơ kết {p}", "tổ chức kỳ họp thứ {n}",
                         "tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ {p}"))
        return (f"{r.choice(('Sáng', 'Chiều', 'Ngày'))} {day}/{month}, {body} "
                f"{what.format(n=r.randint(2, 18), p=self.period())}, thảo luận, cho ý kiến vào kết quả "
                f"thực hiện nhiệm vụ phát triển kinh tế - xã hội và phương hướng, nhiệm vụ thời gian tới.")

    def attendees(self) -> str:
        people = [f"{self.name()}, {self.pick(PROVINCE_POSTS)}" for _ in range(self.r.randint(2, 4))]
        people.append(f"{self.name()}, {self.pick(DISTRICT_POSTS)} {self.district}")
        return "Dự hội nghị có các đồng chí: " + "; ".join(people) + "."

    def economy(self) -> str:
        r, p = self.r, self.period()
        cap = p[0].upper() + p[1:]
        same = self.pick(SAME_PERIOD).format(p=self.year - 1)
        options = (
            f"{cap}, tổng thu ngân sách nhà nước trên địa bàn đạt {self.money()}, bằng "
            f"{self.share()} dự toán, tăng {self.growth()} {same}.",
            f"{cap}, thu nội địa ước đạt {self.money()}, vượt {self.percent(1, 60)} dự toán; thu "
            f"từ hoạt động xuất nhập khẩu giảm {self.growth()} {same}.",
            f"Tốc độ tăng trưởng kinh tế (GRDP) {p} ước đạt {self.growth()}, đứng thứ {r.randint(2, 30)} "
            f"cả nước và thứ {r.randint(1, 6)} trong vùng.",
            f"Toàn tỉnh thu hút {r.randint(5, 60)} dự án đầu tư trực tiếp nước ngoài với tổng vốn đăng ký "
            f"{self.money()} và {r.randint(10, 90)} dự án trong nước với số vốn {self.money()}.",
            f"Giá trị sản xuất công nghiệp {p} đạt {self.money()}, tăng {self.growth()} so với cùng kỳ; "
            f"kim ngạch xuất khẩu đạt {self.money()}, gấp {_vn(r.uniform(1.1, 3.5), 1)} lần cùng kỳ.",
            f"Giải ngân vốn đầu tư công đến hết {p} đạt {self.money()}, bằng {self.share()} kế hoạch "
            f"vốn giao; chi ngân sách địa phương ước thực hiện {self.money()}.",
            f"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng {p} đạt {self.money()}, tăng "
            f"{self.growth()}; doanh thu du lịch đạt {self.money()}.",
            f"Trên địa bàn có thêm {self.count('doanh nghiệp')} thành lập mới, giải quyết việc làm cho "
            f"{self.count('lao động')}; tỷ lệ hộ nghèo giảm còn {self.percent(0.5, 6)}.",
            f"Toàn tỉnh gieo cấy {self.count('ha')} lúa, năng suất bình quân đạt {_vn(r.uniform(52, 68), 1)} "
            f"tạ/ha; cứng hóa {self.count('km')} đường giao thông nông thôn.",
        )
        return r.choice(options)

    def party_work(self) -> str:
        r, p = self.r, self.period()
        options = (
            f"Công tác xây dựng Đảng được chú trọng; {p} toàn Đảng bộ kết nạp {self.count('đảng viên')}, "
            f"đạt {self.share()} chỉ tiêu giao.",
            f"Ủy ban Kiểm tra các cấp đã kiểm tra {self.count('tổ chức cơ sở đảng')} khi có dấu hiệu vi "
            f"phạm, thi hành kỷ luật {r.randint(2, 40)} đảng viên.",
            f"Tỷ lệ người dân tham gia bảo hiểm y tế đạt {self.percent(85, 99)}; toàn tỉnh có "
            f"{self.count('xã')} đạt chuẩn nông thôn mới, chiếm {self.share()} tổng số xã.",
            f"Đến nay đã có {self.count('tổ chức cơ sở đảng')} hoàn thành kiện toàn bộ máy, trong đó "
            f"{self.count('xã')} sắp xếp lại theo {self.document()}.",
            f"Lực lượng chức năng phát hiện, xử lý {self.count('vụ')} vi phạm, thu nộp ngân sách "
            f"{self.money()}.",
        )
        return r.choice(options)

    def decisions(self) -> str:
        return self.r.choice((
            f"Thực hiện {self.document()} về việc giao chỉ tiêu, nhiệm vụ trọng tâm năm {self.year}, "
            f"{self.pick(DEPARTMENTS)} đã tham mưu ban hành {self.document()}.",
            f"Trên cơ sở {self.document()}, {self.pick(DEPARTMENTS)} phối hợp với UBND huyện "
            f"{self.district} rà soát, bố trí {self.money()} cho các công trình trọng điểm.",
            f"Hội nghị thống nhất ban hành {self.document()} nhằm đánh giá cán bộ bằng sản phẩm cụ thể.",
        ))

    def speech(self) -> str:
        r = self.r
        person = f"{self.name()}, {self.pick(PROVINCE_POSTS)} {r.choice(('', self.province)) or ''}".rstrip()
        return (f"Phát biểu chỉ đạo hội nghị, đồng chí {person} ghi nhận những kết quả đạt được và đề nghị "
                f"các cấp ủy, chính quyền tập trung tháo gỡ khó khăn, vướng mắc, đẩy nhanh tiến độ giải "
                f"phóng mặt bằng các dự án trọng điểm.")

    def targets(self) -> str:
        y = self.year + 1
        return self.r.choice((
            f"Năm {y}, tỉnh {self.province} phấn đấu tốc độ tăng trưởng GRDP đạt {self.growth()}; thu "
            f"ngân sách nhà nước đạt {self.money()}; thu hút {self.money()} vốn FDI.",
            f"Mục tiêu đến năm 2025, huyện {self.district} có {self.count('xã')} đạt chuẩn nông thôn mới "
            f"nâng cao, tỷ lệ đô thị hóa đạt {self.percent(20, 60)}.",
            f"Chỉ tiêu giao năm {y} là kết nạp {self.count('đảng viên')}, tỷ lệ tổ chức cơ sở đảng hoàn "
            f"thành tốt nhiệm vụ đạt {self.share()} trở lên.",
            f"Giai đoạn 2021-2025, {self.district} phấn đấu thu hút {self.count('dự án')} với tổng vốn "
            f"{self.money()}, xây mới {self.count('trường')} đạt chuẩn quốc gia.",
        ))

    def title(self) -> str:
        return self.r.choice((
            f"{self.province}: Phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội năm {self.year}",
            f"{self.district} ({self.province}): Sơ kết {self.period()}",
            f"Tỉnh ủy {self.province} giao chỉ tiêu, nhiệm vụ trọng tâm năm {self.year}",
            f"{self.province} thu ngân sách đạt {self.money()}",
            f"HĐND tỉnh {self.province} khai mạc kỳ họp thứ {self.r.randint(3, 20)}",
        ))

    def figures(self) -> str:
        """A sentence that reports figures: the economy or Party work."""
        return self.economy() if self.r.random() < 0.6 else self.party_work()

    def prose(self) -> str:
        """A sentence without figures: an assessment, a direction or what the meeting did (each
        written once per article until all have been used)."""
        if not self._prose:
            self._prose = self.r.sample(PROSE, len(PROSE))
        return self.fill(self._prose.pop())

    def fill(self, template: str) -> str:
        return template.format(province=self.province, district=self.district, dept=self.pick(DEPARTMENTS),
                               name=self.name(), post=self.pick(PROVINCE_POSTS), year=self.year,
                               topic=self.pick(TOPICS))

    def report(self) -> str:
        """An article with the make-up of a real report (the ``report`` mix)."""
        r = self.r
        date = (f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{self.year} "
                f"{r.randint(6, 21):02d}:{r.randint(0, 59):02d}")
        paragraphs = [self.lead()]
        if r.random() < 0.6:
            paragraphs.append(self.attendees())
        if r.random() < 0.5:
            paragraphs.append(self.fill(r.choice(CAPTIONS)))
        for _ in range(r.randint(4, 7)):
            sentences = (self.figures() if r.random() < FIGURE_SENTENCE_SHARE else self.prose()
                         for _ in range(r.randint(2, 5)))
            paragraphs.append(" ".join(sentences))
        paragraphs.insert(r.randint(1, len(paragraphs)), self.decisions())
        paragraphs += [self.speech(), self.fill(r.choice(DIRECTIONS)), self.targets()]
        if r.random() < 0.5:
            paragraphs.append("".join(self.fill(h) for h in r.sample(RELATED, 3)))
        return "\n\n".join([self.title(), self.name(), date, *paragraphs]) + "\n"

    def article(self) -> str:
        """An article of the ``dense`` mix: every paragraph after the lead reports figures."""
        r = self.r
        date = (f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{self.year} "
                f"{r.randint(6, 21):02d}:{r.randint(0, 59):02d}")
        paragraphs = [self.lead(), self.attendees()]
        for _ in range(r.randint(3, 6)):
            picks = (self.economy if r.random() < 0.6 else self.party_work for _ in range(r.randint(2, 4)))
            paragraphs.append(" ".join(pick() for pick in picks))
        paragraphs.insert(r.randint(2, len(paragraphs)), self.decisions())
        paragraphs += [self.speech(), " ".join(self.targets() for _ in range(r.randint(1, 3)))]
        return "\n\n".join([self.title(), self.name(), date, *paragraphs]) + "\n"


def article_text(seed: int, index: int, mix: str = "report") -> str:
    """Article ``index`` of the corpus for ``seed`` (the headline on the first line)."""
    if mix not in MIXES:
        raise ValueError(f"unknown mix {mix!r}: expected one of {', '.join(MIXES)}")
    writer = Writer(seed, index)
    return writer.report() if mix == "report" else writer.article()


def iter_corpus(n: int, seed: int, mix: str = "report") -> Iterator[tuple[str, str]]:
    """``(file name, text)`` of the ``n`` articles, streaming."""
    for i in range(n):
        yield f"{i:06d}.txt", article_text(seed, i, mix)


def density(paths: list[Path]) -> dict[str, float]:
    """How dense in figures the articles at ``paths`` are, as this pipeline reads them: the share
    of sentences that carry a money, percentage or quantity figure, indicator rows per sentence,
    and characters per sentence."""
    from bisect import bisect_right

    from pipeline.readers import iter_articles
    from pipeline.runner import extract_all
    from pipeline.sentences import sentences

    n_sentences = with_figure = indicators = chars = 0
    for art in extract_all(iter_articles(list[str | Path](paths), [])):
        bounds = sentences(art.text)
        starts = [a for a, _ in bounds]
        figures = {bisect_right(starts, s.start) - 1
                   for key in ("money", "percentages", "quantities") for s in art.spans.get(key, [])}
        n_sentences += len(bounds)
        with_figure += len(figures - {-1})
        indicators += len(art.spans.get("indicators", []))
        chars += sum(b - a for a, b in bounds)
    n = max(n_sentences, 1)
    return {"figure_sentences": round(with_figure / n, 3),
            "indicators_per_sentence": round(indicators / n, 3), "chars_per_sentence": round(chars / n, 1)}


def write_corpus(out: Path, n: int, seed: int, mix: str = "report") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in iter_corpus(n, seed, mix):
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mix", choices=MIXES, default="report",
                        help="report: the make-up of real reports; dense: figures in every sentence")
    parser.add_argument("--out", type=Path, required=True, help="directory to write NNNNNN.txt into")
    args = parser.parse_args()
    write_corpus(args.out, args.n, args.seed, args.mix)
    print(f"wrote {args.n} articles ({args.mix} mix) to {args.out}")


if __name__ == "__main__":
    main()
