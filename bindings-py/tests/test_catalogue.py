"""The catalogue API against facts read in the instruments (条例 Arts 14, 20, 26) and the CLI."""

import json
import subprocess

import pytest

import gongkai


def test_default_has_art20_item_with_its_citation():
    cat = gongkai.Catalogue.default()
    item = cat.item("admin.art20.01")
    # 条例第二十条第（一）项: 行政法规、规章和规范性文件.
    assert item["title"]["zh"] == "行政法规、规章和规范性文件"
    assert {"instrument": "政府信息公开条例", "article": "第二十条第（一）项"} in item["basis"]
    # 条例第二十六条: within 20 working days of being formed or changed.
    assert item["timing"]["days"] == 20
    assert item["source"] == "admin.national"


def test_items_resolved_for_a_county_government():
    items = gongkai.Catalogue.default().items(kind="administrative", tier="county", role="government")
    ids = [i["id"] for i in items]
    assert "admin.art20.01" in ids
    assert len(ids) == len(set(ids))
    assert all("source" in i for i in items)


def test_items_without_filters_is_every_item_and_kind_filters_templates():
    cat = gongkai.Catalogue.default()
    every = cat.items()
    assert len(every) == len(cat)
    admin = cat.items(kind="administrative")
    assert {i["id"] for i in admin} <= {i["id"] for i in every}
    assert "admin.art20.01" in {i["id"] for i in admin}


def test_items_bad_arguments_raise_value_errors():
    cat = gongkai.Catalogue.default()
    with pytest.raises(gongkai.GongkaiError) as e:
        cat.items(kind="administrative", tier="village")
    assert e.value.code == "invalid_argument"
    assert isinstance(e.value, ValueError)
    with pytest.raises(gongkai.GongkaiError) as e:
        cat.items(kind="spaceport")
    assert e.value.code == "unknown_id"
    with pytest.raises(gongkai.GongkaiError):
        cat.items(tier="county")


def test_unknown_item_raises_with_code_and_path():
    with pytest.raises(gongkai.GongkaiError) as e:
        gongkai.Catalogue.default().item("admin.nowhere")
    assert e.value.code == "unknown_id"
    assert e.value.path == "admin.nowhere"
    assert "admin.nowhere" in str(e.value)


def test_item_schema_lists_the_content_elements():
    schema = gongkai.Catalogue.default().schema("admin.art20.01")
    assert schema["type"] == "object"
    assert {"document_title", "document_number", "issue_date"} <= set(schema["properties"])


def test_grounds_include_state_secrets_as_absolute():
    # 条例第十四条: state secrets shall not be disclosed (absolute).
    by_id = {g["id"]: g for g in gongkai.grounds()}
    secret = by_id["ogi.art14.state_secret"]
    assert secret["nature"] == "absolute"
    assert secret["basis"][0]["article"] == "第十四条"
    assert gongkai.Catalogue.default().grounds() == gongkai.grounds()


def test_codes_equal_the_cli(cli):
    out = subprocess.run([cli, "codes", "--format", "json"], capture_output=True, check=True, text=True)
    assert gongkai.codes() == json.loads(out.stdout)
    assert "catalogue_drops_mandatory_item" in {c["code"] for c in gongkai.codes()}


def test_from_path_loads_the_repository_catalogues(repo):
    loaded = gongkai.Catalogue.from_path(repo / "catalogues")
    assert loaded.item("admin.art20.01") == gongkai.Catalogue.default().item("admin.art20.01")
    assert loaded.templates == gongkai.Catalogue.default().templates


def test_from_path_missing_dir_raises_catalogue_error(tmp_path):
    with pytest.raises(gongkai.CatalogueError) as e:
        gongkai.Catalogue.from_path(tmp_path / "absent")
    assert e.value.code == "io_error"
    assert isinstance(e.value, ValueError)


def test_overlay_with_broken_yaml_reports_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: local.x\nversion: '1'\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(gongkai.CatalogueError) as e:
        gongkai.Catalogue.default().with_overlay(bad)
    assert e.value.file == str(bad)
    assert e.value.line is not None and e.value.line >= 3
    assert e.value.code == "invalid_yaml"


def test_overlay_dropping_a_mandatory_item_is_rejected(tmp_path):
    overlay = tmp_path / "drop.yaml"
    overlay.write_text(
        "id: local.drop\nversion: '1'\ntitle: {zh: 某县目录, en: a county catalogue}\n"
        "applies_to: {kinds: [administrative]}\n"
        "basis: [{instrument: 某县政务公开办法, article: 第三条}]\n"
        "remove: [admin.art20.01]\n",
        encoding="utf-8",
    )
    with pytest.raises(gongkai.CatalogueError) as e:
        gongkai.Catalogue.default().with_overlay(overlay)
    assert e.value.code == "catalogue_drops_mandatory_item"


def test_valid_overlay_adds_an_item(tmp_path):
    overlay = tmp_path / "add.yaml"
    overlay.write_text(
        "id: local.add\nversion: '1'\ntitle: {zh: 某县目录, en: a county catalogue}\n"
        "applies_to: {kinds: [administrative]}\n"
        "basis: [{instrument: 某县政务公开办法, article: 第三条}]\n"
        "items:\n"
        "  - id: local.add.01\n"
        "    title: {zh: 县级重点项目, en: county key projects}\n"
        "    category: [重点领域, 重点项目]\n"
        "    basis: [{instrument: 某县政务公开办法, article: 第四条}]\n"
        "    mode: proactive\n"
        "    timing: {kind: within_working_days, days: 10, from: formed_or_changed,"
        " basis: {instrument: 某县政务公开办法, article: 第五条}}\n",
        encoding="utf-8",
    )
    base = gongkai.Catalogue.default()
    cat = base.with_overlay(overlay)
    assert cat.overlays == ["local.add"]
    assert base.overlays == []
    assert cat.item("local.add.01")["source"] == "local.add"
    county = {i["id"] for i in cat.items(kind="administrative", tier="county", role="government")}
    assert "local.add.01" in county


def test_repr_html_escapes_and_lists_templates():
    html = gongkai.Catalogue.default()._repr_html_()
    assert html.startswith("<table")
    assert "admin.national" in html
    assert "<script" not in html
    assert "gongkai.Catalogue" in repr(gongkai.Catalogue.default())


def test_grassroots_rows_have_domain_and_level_as_flat_columns():
    cat = gongkai.Catalogue.default()
    # 社会救助: every row 县级 and 乡、村级 in the local catalogues; 税收管理: 县级 only.
    town = cat.items(kind="administrative", tier="township", role="government", domain="社会救助")
    assert len(town) == 9
    assert {i["domain"] for i in town} == {"社会救助"}
    assert {i["level"] for i in town} == {"县级、乡级、村级"}
    assert cat.items(kind="administrative", tier="township", role="government", domain="tax_administration") == []
    street = cat.items(kind="administrative", tier="subdistrict", level="乡级")
    assert len(street) == 72
    assert len(cat.domains()["domains"]) == 26
    with pytest.raises(gongkai.GongkaiError) as e:
        cat.items(domain="太空")
    assert e.value.code == "invalid_argument"
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(cat.items(kind="administrative", tier="county", role="government"))
    counts = frame.groupby("domain")["id"].count()
    assert counts["社会救助"] == 9 and counts["税收管理"] == 6
    assert frame.loc[frame["id"] == "gr.urban_rural_planning.09"].empty  # 乡级 only


def test_items_go_through_the_facade_query():
    # The same query the browser's `items` makes: a kind alone lists every role's items, a role
    # with a kind but no tier resolves each tier, and a tier without a kind says which argument.
    cat = gongkai.Catalogue.default()
    ids = {i["id"] for i in cat.items(kind="administrative")}
    assert {"admin.art49.report.government", "admin.art49.report.department"} <= ids
    departments = {i["id"] for i in cat.items(kind="administrative", role="department")}
    assert "admin.art49.report.department" in departments and "admin.art49.report.government" not in departments
    with pytest.raises(gongkai.GongkaiError) as e:
        cat.items(tier="county")
    assert (e.value.code, e.value.path) == ("invalid_argument", "kind")
    with pytest.raises(gongkai.GongkaiError) as e:
        cat.items(domain="太空")
    assert (e.value.code, e.value.path) == ("invalid_argument", "domain")
