"""The commands' normal output in the chosen language (the global --lang): Chinese labels
and sentences with the app's number formats (万), the same numbers as in English, columns
that line up with wide characters, and JSON that does not depend on the language."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from funnel_desktop.cli import global_options, output
from funnel_desktop.cli.output import left, right, width

TODAY = "2026-11-24"

#: Two or more Latin letters in a row: an English word the translation missed.
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def leftover_english(text: str, user_data: set[str]) -> list[str]:
    """The English words of ``text`` once the database's own names (user data) are taken
    out."""
    for word in sorted(user_data, key=len, reverse=True):
        text = text.replace(word, " ")
    return ENGLISH_WORD.findall(text)


def names_in(metrics: dict) -> set[str]:
    """Pipeline and stage names of a ``metrics --json`` answer."""
    out = {metrics["pipeline"]}
    out |= {s["stage"] for s in metrics["conversion"]["reached"]}
    out |= {s["name"] for s in metrics["stages"]}
    return out


def both(run: Any, *argv: str) -> tuple[str, str]:
    """The output of a command in English and in Chinese (both must succeed)."""
    texts = []
    for lang in ("en", "zh"):
        code, out, err = run("--lang", lang, *argv)
        assert (code, err) == (0, ""), err
        texts.append(out)
    return texts[0], texts[1]


def table_lines(text: str, head: str) -> list[str]:
    """The lines of the table whose header line starts with ``head``, up to a blank line."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(head))
    out = []
    for line in lines[start:]:
        if not line.strip():
            break
        out.append(line)
    return out


# -- metrics ---------------------------------------------------------------------------------
def test_metrics_in_chinese_and_english(run: Any, demo_file: Path, metrics_json: Any) -> None:
    d = metrics_json(demo_file)
    assert (d["open"]["count"], d["open"]["amount"]) == (51, 1_606_000)
    assert (d["win_rate"]["won"], d["win_rate"]["lost"]) == (90, 102)
    en, zh = both(run, "metrics", "--db", str(demo_file), "--today", TODAY)
    # English: the same facts as before, now with the app's formats
    assert en.startswith("B2B six stages  2025-11-25 – 2026-11-24  (as of 2026-11-24)")
    assert "Win rate: 46.9% by count (90 won, 102 lost)" in en
    assert "Lead-to-win: 33.2% (67 won of 202 created)" in en
    assert re.search(r"Open pipeline +51 +¥1,606,000", en)
    assert "Forecast by month (weighted open · won):" in en
    # Chinese: the labels and sentences translated, amounts in 万 (1,606,000 = 160.6万)
    assert zh.startswith("B2B six stages  2025-11-25 – 2026-11-24（截至 2026-11-24）")
    for label in ("阶段", "可能性", "商机数", "金额", "加权金额", "进行中合计"):
        assert label in zh
    assert re.search(r"进行中合计 +51 +¥160.6万", zh)
    assert "赢单率：按数量 46.9%（赢单 90 个，输单 102 个）" in zh
    assert "总体赢单率：33.2%（本期创建 202 个商机，赢单 67 个）" in zh
    assert "阶段转化率（按到达各阶段的商机计）：" in zh
    assert "首阶段到赢单：33.2%（不是赢单率）" in zh
    assert "按月预测（进行中加权金额 · 赢单金额）：" in zh and "2026年11月" in zh
    assert leftover_english(zh, names_in(d)) == []
    # the same numbers: every conversion step's counts and rate in both
    for s in d["conversion"]["steps"]:
        counts = f"{s['reached_to']}/{s['reached_from']}"
        assert counts in en and counts in zh
        assert f"{s['rate'] * 100:.1f}%" in en and f"{s['rate'] * 100:.1f}%" in zh


def test_metrics_columns_line_up_with_wide_characters(run: Any, demo_file: Path) -> None:
    en, zh = both(run, "metrics", "--db", str(demo_file), "--today", TODAY)
    for text, head in ((en, "Stage"), (zh, "阶段")):
        lines = table_lines(text, head)
        assert len(lines) == 6  # header, four open stages, the total
        assert len({width(line) for line in lines}) == 1  # right-aligned to the same column
        # every column ends at the same terminal column in every row
        ends = [[m.end() for m in re.finditer(r"\S+(?= {2,}|$)", line)] for line in lines]
        assert all(width(lines[0][:e]) == width(line[:f]) for line, row in zip(
            lines, ends, strict=True) for e, f in zip(ends[0][-3:], row[-3:], strict=True))


def test_metrics_json_does_not_depend_on_the_language(run: Any, demo_file: Path) -> None:
    en, zh = both(run, "metrics", "--db", str(demo_file), "--today", TODAY, "--json")
    assert en == zh and '"win_rate"' in en and "赢单" not in zh


# -- health ----------------------------------------------------------------------------------
def test_health_in_chinese_through_the_app_writer(run: Any, demo_file: Path,
                                                  metrics_json: Any) -> None:
    # a finding of more than ten deals lists ten "and N more": no open deal has a next step
    with sqlite3.connect(demo_file) as con:
        con.execute("UPDATE deal SET next_step = '', next_step_due = NULL WHERE closed_at IS NULL")
    con.close()
    en, zh = both(run, "health", "--db", str(demo_file), "--today", TODAY)
    # judged on --today; conversion and activity over the last 90 days, as in the app
    assert en.startswith("B2B six stages  as of 2026-11-24; conversion and activity over "
                         "2026-08-27 – 2026-11-24")
    assert zh.startswith("B2B six stages  截至 2026-11-24；转化率和跟进按 2026-08-27 – "
                         "2026-11-24 统计")
    assert "[high] Expected close date already passed: 3 open deals (¥576,000)" in en
    assert "[高] 已过预计成交日期：3 个进行中商机（¥57.6万），最多已超过 17 天。" in zh
    assert "deals: #219, #258, #289" in en and "商机：#219, #258, #289" in zh
    assert "No next step: 51 open deals" in en
    assert "and 41 more" in en and "等，另有 41 个" in zh
    assert leftover_english(zh, names_in(metrics_json(demo_file))) == []
    # the same findings, in the same order, about the same deals
    en_lines, zh_lines = en.splitlines(), zh.splitlines()
    assert len(en_lines) == len(zh_lines)
    severity = {"high": "高", "medium": "中", "low": "低"}
    for e, z in zip(en_lines[1:], zh_lines[1:], strict=True):
        if e.startswith("["):
            assert z.startswith(f"[{severity[e[1:e.index(']')]]}]")
        else:
            assert re.findall(r"#\d+", e) == re.findall(r"#\d+", z)


def test_health_json_keeps_english_text(run: Any, demo_file: Path) -> None:
    import json

    en, zh = both(run, "health", "--db", str(demo_file), "--today", TODAY, "--json")
    assert en == zh
    texts = [f["text"] for f in json.loads(en)["findings"]]
    assert texts[1] == ("Expected close date already passed: 3 open deals (¥576,000), by up "
                        "to 17 days. Update their dates or close them.")


def test_health_renders_through_the_findingwriter_only() -> None:
    from funnel_desktop.cli import health

    assert not hasattr(health, "english")


# -- plan ------------------------------------------------------------------------------------
def test_plan_in_chinese_and_english(run: Any, demo_file: Path, metrics_json: Any) -> None:
    en, zh = both(run, "plan", "--db", str(demo_file), "--today", TODAY, "--target", "50万",
                  "--bands")
    assert en.startswith("Target ¥500,000 · average won deal ¥57,000 (history 2025-11-25 – "
                         "2026-11-24)")
    assert zh.startswith("目标 ¥50万 · 平均成交金额 ¥5.7万（历史数据 2025-11-25 – 2026-11-24）")
    assert "Wins needed: 11" in en and "所需赢单数：11" in zh
    assert "¥10,000 – ¥30,000: 4 (history: 32 won)" in en
    assert "¥1万 – ¥3万：4（历史赢单 32 个）" in zh
    assert leftover_english(zh, names_in(metrics_json(demo_file))) == []
    en_rows, zh_rows = table_lines(en, "Stage"), table_lines(zh, "阶段")
    assert zh_rows[0].split() == ["阶段", "转化率", "所需", "进行中", "缺口"]
    assert len({width(r) for r in en_rows}) == 1 and len({width(r) for r in zh_rows}) == 1
    for e, z in zip(en_rows[1:], zh_rows[1:], strict=True):  # stage names are user data
        assert e.split()[-4:] == z.split()[-4:]
    assert en_rows[1].split()[-4:] == ["84%", "36", "11", "25"]


def test_plan_json_does_not_depend_on_the_language(run: Any, demo_file: Path) -> None:
    en, zh = both(run, "plan", "--db", str(demo_file), "--today", TODAY, "--target", "500000",
                  "--json")
    assert en == zh and '"wins_needed": ' in en and '"target": 500000' in en


# -- check -----------------------------------------------------------------------------------
def test_check_in_chinese_and_english(run: Any, demo_file: Path) -> None:
    en, zh = both(run, "check", "--db", str(demo_file))
    assert en.splitlines()[1:] == [
        "integrity: ok", "foreign-key problems: 0",
        en.splitlines()[3], "OK"]
    assert "deals: 300" in en and "customers: 120" in en
    assert zh.splitlines()[0] == f"{demo_file}：结构版本 5（本程序版本：5）"
    assert zh.splitlines()[1:3] == ["完整性：正常", "外键问题：0"]
    assert "商机 300" in zh and "客户 120" in zh and zh.splitlines()[-1] == "检查通过"
    assert leftover_english(zh, {str(demo_file)}) == []
    number = re.compile(r"\d+(?:,\d{3})*")
    assert number.findall(en.split("\n", 1)[1]) == number.findall(zh.split("\n", 1)[1])
    en_json, zh_json = both(run, "check", "--db", str(demo_file), "--json")
    assert en_json == zh_json


# -- the other commands' one-line summaries ---------------------------------------------------
def test_summaries_of_demo_export_and_backup(run: Any, tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite"
    code, out, _ = run("--lang", "zh", "demo", "--db", str(db), "--today", TODAY)  # names in zh
    assert out == f"{db}：300 个商机（进行中 51 个，赢单 111 个，输单 138 个），120 个客户\n"
    code, out, _ = run("--lang", "zh", "export", "--db", str(db), "--what", "customers",
                       "--out", str(tmp_path / "c.csv"))
    assert out == f"{tmp_path / 'c.csv'}：120 个客户\n"
    code, out, _ = run("--lang", "zh", "backup", "--db", str(db), "--list")
    assert (code, out) == (0, "没有备份\n")


# -- the language itself ----------------------------------------------------------------------
def test_without_lang_the_stored_preference_or_system_language_speaks(
        run: Any, demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "default_language", lambda: "zh")
    code, out, _ = run("check", "--db", str(demo_file))
    assert code == 0 and out.splitlines()[-1] == "检查通过"
    code, out, _ = run("--lang", "en", "check", "--db", str(demo_file))
    assert out.splitlines()[-1] == "OK"


def test_help_is_translated(run: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from funnel_desktop.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "zh", "metrics", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "统计期开始日期" in out and "细分筛选" in out and "--from START" in out
    with pytest.raises(SystemExit):
        main(["metrics", "--help"])
    assert "period start, YYYY-MM-DD" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "expected"), [
    (["--lang", "zh", "metrics", "--db", "x"], ("zh", "metrics", False)),
    (["--db", "metrics", "--lang=en", "plan", "--help"], ("en", "plan", True)),
    (["--lang", "zh", "demo", "--lang", "en"], ("zh", "demo", False)),
    (["import", "f.csv", "--lang", "zh"], (None, "import", False)),
    (["--lang", "fr", "check"], (None, "check", False)),
    (["--help"], (None, None, True)),
])
def test_the_global_language_is_read_before_the_parser_is_built(
        argv: list[str], expected: tuple[str | None, str | None, bool]) -> None:
    assert global_options(argv) == expected


def test_widths_count_wide_characters_twice() -> None:
    assert width("阶段") == 4 and width("Stage") == 5 and width("¥12.5万") == 7
    assert left("商机", 6) == "商机  " and right("商机", 6) == "  商机"
    assert right("123456789", 4) == "123456789"


def test_import_problems_in_chinese(run: Any, tmp_path: Path) -> None:
    import json

    data = tmp_path / "deals.csv"
    data.write_text("ref;name;value;stage\nA;Server;1.234,50;Engaging\nB;Cloud;x;Engaging\n"
                    "C;Disk;10;Nowhere\n", encoding="utf-8-sig")
    preset = tmp_path / "preset.json"
    preset.write_text(json.dumps({
        "columns": {"ref": "deal.external_id", "name": "deal.title", "value": "deal.amount",
                    "stage": "deal.stage"},
        "stage_map": {"Engaging": "open:2"}, "amount_format": "1.234,56"}), encoding="utf-8")
    code, out, err = run("--lang", "zh", "import", str(data), "--mapping", str(preset),
                         "--db", str(tmp_path / "t.sqlite"))
    assert code == 2
    assert out.startswith("将导入 3 行：商机新建 1 个、更新 0 个、无变化 0 个；")
    assert "有 2 行存在问题；修正或跳过这些行之前不会导入任何数据。" in out
    assert "  问题：第 3 行，“value”列：" in out and "  问题：第 4 行，“stage”列：" in out
    # the note on "Nowhere" names the preset's key stage_map and its stages, as written
    assert leftover_english(out, {"value", "stage", "Nowhere", "map"}) == []
    assert err.startswith("funnel-desktop: ") and leftover_english(err[16:], set()) == []


def test_demo_and_import_name_things_in_the_command_lines_language(run: Any,
                                                                    tmp_path: Path) -> None:
    """Without their own --lang, demo and import name a new database's stages and lists in
    the global language; their own --lang still wins."""
    import sqlite3

    def stage_names(path: Path) -> list[str]:
        with sqlite3.connect(path) as con:
            return [r[0] for r in con.execute("SELECT name FROM stage ORDER BY id")]

    zh, en = tmp_path / "zh.sqlite", tmp_path / "en.sqlite"
    assert run("--lang", "zh", "demo", "--db", str(zh), "--deals", "20", "--today", TODAY)[0] == 0
    assert run("--lang", "zh", "demo", "--db", str(en), "--deals", "20", "--today", TODAY,
               "--lang", "en")[0] == 0
    assert stage_names(zh)[0] == "培育与识别"
    assert stage_names(en)[0] == "Nurture & identify"


def test_argparse_speaks_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's own words — usage, the option list's heading, its errors — follow --lang
    (they were English in a Chinese run); English stays argparse's."""
    from funnel_desktop.cli import main

    def refused(*argv: str) -> str:
        with pytest.raises(SystemExit) as done:
            main(list(argv))
        assert done.value.code == 2
        out, err = capsys.readouterr()
        assert out == ""
        return err

    err = refused("--lang", "zh", "demo", "--deals", "abc")
    assert err.startswith("用法：funnel-desktop demo") and "错误" in err
    assert "参数 --deals：无效的值（应为 int）：'abc'" in err
    assert "usage" not in err and "invalid" not in err
    assert "缺少必需的参数：--db" in refused("--lang", "zh", "demo")
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "metrics", "--help"])
    help_text = capsys.readouterr().out
    assert "选项" in help_text and "显示此帮助并退出" in help_text and "options" not in help_text
    err = refused("--lang", "en", "demo", "--deals", "abc")
    assert "usage: funnel-desktop demo" in err
    assert "error: argument --deals: invalid int value: 'abc'" in err
