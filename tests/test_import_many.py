"""`sip import A.docx B.docx -o plans/`: one draft per source, for a consultant moving many plans."""

from __future__ import annotations

import json
from pathlib import Path

from tests.import_fixtures import dese_template_plan, own_headings_plan


def sources(folder: Path) -> list[Path]:
    folder.mkdir()
    lincoln, maple = folder / "lincoln.docx", folder / "maple.docx"
    lincoln.write_bytes(dese_template_plan())
    maple.write_bytes(own_headings_plan())
    return [lincoln, maple]


def test_several_sources_give_one_plan_each_in_the_folder(run_sip, tmp_path: Path) -> None:
    found = sources(tmp_path / "old")
    result = run_sip("import", *found, "-o", tmp_path / "plans")
    assert result.exit_code == 0, result.stderr
    written = sorted(path.name for path in (tmp_path / "plans").iterdir())
    assert written == ["lincoln.yaml", "maple.yaml"]
    for name in written:
        assert run_sip("validate", tmp_path / "plans" / name).exit_code in (0, 1)
    assert "2 plan(s) written to" in result.stderr
    assert f"{tmp_path / 'plans' / 'lincoln.yaml'}: from {found[0]}" in result.stderr


def test_one_source_into_an_existing_folder_is_named_after_it(run_sip, tmp_path: Path) -> None:
    lincoln = sources(tmp_path / "old")[0]
    (tmp_path / "plans").mkdir()
    assert run_sip("import", lincoln, "-o", tmp_path / "plans").exit_code == 0
    assert (tmp_path / "plans" / "lincoln.yaml").is_file()


def test_a_source_that_cannot_be_read_is_reported_and_the_others_written(
    run_sip, tmp_path: Path
) -> None:
    found = sources(tmp_path / "old")
    broken = tmp_path / "old" / "notes.docx"
    broken.write_bytes(b"not a Word document")
    result = run_sip("import", *found, broken, "-o", tmp_path / "plans")
    assert result.exit_code == 2
    assert "notes.docx" in result.stderr and "Traceback" not in result.stderr
    assert "1 source(s) could not be imported" in result.stderr
    assert sorted(p.name for p in (tmp_path / "plans").iterdir()) == ["lincoln.yaml", "maple.yaml"]


def test_nothing_is_written_when_a_plan_exists_or_two_sources_share_a_name(
    run_sip, tmp_path: Path
) -> None:
    found = sources(tmp_path / "old")
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "maple.yaml").write_text("mine\n", encoding="utf-8")
    refused = run_sip("import", *found, "-o", plans)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert sorted(p.name for p in plans.iterdir()) == ["maple.yaml"]
    assert (plans / "maple.yaml").read_text(encoding="utf-8") == "mine\n"
    again = tmp_path / "other" / "lincoln.docx"
    again.parent.mkdir()
    again.write_bytes(found[0].read_bytes())
    clash = run_sip("import", found[0], again, "-o", tmp_path / "new")
    assert clash.exit_code == 2 and "would both be written to" in clash.stderr
    assert not (tmp_path / "new").exists()


def test_the_json_summary_lists_each_plan_and_each_failure(run_sip, tmp_path: Path) -> None:
    found = sources(tmp_path / "old")
    broken = tmp_path / "old" / "notes.docx"
    broken.write_bytes(b"")
    result = run_sip("import", *found, broken, "-o", tmp_path / "plans", "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [Path(entry["plan"]).name for entry in report["plans"]] == ["lincoln.yaml", "maple.yaml"]
    assert [Path(entry["source"]).name for entry in report["failed"]] == ["notes.docx"]


def test_several_sources_need_a_folder_not_a_file(run_sip, tmp_path: Path) -> None:
    found = sources(tmp_path / "old")
    plan = tmp_path / "plan.yaml"
    plan.write_text("mine\n", encoding="utf-8")
    result = run_sip("import", *found, "-o", plan)
    assert result.exit_code == 2 and "folder" in result.stderr
    assert plan.read_text(encoding="utf-8") == "mine\n"
