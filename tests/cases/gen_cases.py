#!/usr/bin/env python3
"""Writes the publication and input conformance cases (tests/cases/{publication,input}/*.json).

Each case is a realistic record with one mistake (or none) and the exact set of (code, path)
a correct checker reports, worked out by hand from the rule and the law it encodes — never
from gongkai's output. Run it after editing: `python3 tests/cases/gen_cases.py`.
"""
import copy, json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OVERLAY = ["overlays/conformance.yaml"]

# Working-day items are timed on the PRC calendar (catalogues/calendar/); every base record is on time.
WD = []

COUNTY_GOV = {"kind": "administrative", "tier": "county", "role": "government", "name": "某县人民政府"}

NORMATIVE = {
    "kind": "publication",
    "id": "xian-zf-2026-0003",
    "institution": COUNTY_GOV,
    "item": "fixture.normative",
    "title": "某县人民政府关于印发《某县城乡居民基本医疗保险实施办法》的通知",
    "document_number": "某政发〔2026〕3号",
    "formed": "2026-03-02",
    "published": "2026-03-10",
    "channels": ["government_website"],
    "fields": {
        "document_title": "某县城乡居民基本医疗保险实施办法",
        "document_number": "某政发〔2026〕3号",
        "issue_date": "2026-03-02",
    },
    "body": "各乡镇人民政府，县政府各部门：现将《某县城乡居民基本医疗保险实施办法》印发给你们，请认真贯彻执行。",
    "review": [
        {"stage": "business", "date": "2026-02-25", "reviewer_role": "县医保局局长"},
        {"stage": "legal", "date": "2026-02-26", "reviewer_role": "县司法局"},
        {"stage": "confidentiality", "date": "2026-03-05", "reviewer_role": "县政府办保密审查员"},
    ],
    "interpretation": {
        "published": "2026-03-10",
        "title": "《某县城乡居民基本医疗保险实施办法》政策解读",
        "url": "https://www.example.gov.cn/zcjd/2026/0310.html",
    },
    "disclosure": {"status": "full"},
}

BUDGET = {
    "kind": "publication",
    "id": "xian-czj-2026-ys",
    "institution": COUNTY_GOV,
    "item": "fixture.budget",
    "title": "某县2026年一般公共预算",
    "formed": "2026-03-02",
    "published": "2026-03-20",
    "channels": ["government_website"],
    "fields": {"total": 1234567.5},
    "review": [{"stage": "confidentiality", "date": "2026-03-10", "reviewer_role": "县财政局保密审查员"}],
}

REPORT = {
    "kind": "publication",
    "id": "xian-jyj-2025-ndbg",
    "institution": {"kind": "administrative", "tier": "county", "role": "department", "sector": "education", "name": "某县教育局"},
    "item": "fixture.annual_report",
    "title": "某县教育局2025年政府信息公开工作年度报告",
    "formed": "2026-01-15",
    "published": "2026-01-28",
    "channels": ["government_website"],
    "review": [{"stage": "confidentiality", "date": "2026-01-20"}],
}

PENALTY = {
    "kind": "publication",
    "id": "xian-scjg-cf-2026-12",
    "institution": {"kind": "administrative", "tier": "county", "role": "department", "sector": "other", "name": "某县市场监督管理局"},
    "item": "fixture.numbered",
    "title": "某县市场监督管理局行政处罚决定书",
    "document_number": "某市监处罚〔2026〕12号",
    "formed": "2026-04-01",
    "published": "2026-04-08",
    "channels": ["government_website"],
    "fields": {"party": "某某餐饮有限公司", "fine": 5000, "decided": "2026-04-01"},
    "review": [{"stage": "legal", "date": "2026-03-30"}, {"stage": "confidentiality", "date": "2026-04-07"}],
}

TOWNSHIP = {
    "kind": "publication",
    "id": "xz-2026-liuzhuan-01",
    "institution": {"kind": "administrative", "tier": "township", "role": "government", "name": "某镇人民政府"},
    "item": "fixture.township_only",
    "title": "某镇2026年第一季度农村土地承包经营权流转情况",
    "formed": "2026-04-02",
    "published": "2026-04-03",
    "channels": ["village_notice_board"],
    "review": [{"stage": "confidentiality", "date": "2026-04-02"}],
}

DELETE = object()
CASES = []


def case(name, description, base, changes=None, expect=(), options=None, folder="publication"):
    record = copy.deepcopy(base)
    for path, value in (changes or {}).items():
        set_path(record, path, value)
    opts = {"overlays": OVERLAY}
    opts.update(options or {})
    CASES.append((folder, name, {
        "name": name,
        "description": description,
        "record": record,
        "expect": [{"code": c, "path": p} for c, p in sorted(set(expect))],
        "options": opts,
    }))


def raw_case(name, description, expect, text=None, hex_bytes=None, options=None):
    c = {"name": name, "description": description}
    if text is not None:
        c["input"] = text
    else:
        c["input_hex"] = hex_bytes
    c["expect"] = [{"code": k, "path": p} for k, p in expect]
    c["options"] = options or {}
    CASES.append(("input", name, c))


def set_path(record, path, value):
    keys = path.strip("/").split("/")
    cur = record
    for k in keys[:-1]:
        cur = cur[int(k)] if isinstance(cur, list) else cur[k]
    last = keys[-1]
    if isinstance(cur, list):
        if value is DELETE:
            del cur[int(last)]
        else:
            cur[int(last)] = value
    elif value is DELETE:
        cur.pop(last, None)
    else:
        cur[last] = value


# ── clean records ─────────────────────────────────────────────────────────────────────────
case("clean_normative_document", "a county normative document with 文号, three reviews and an interpretation published the same day", NORMATIVE, expect=WD)
case("clean_budget", "a budget published 18 calendar days after approval (预算法 Art 14: within 20 days)", BUDGET)
case("clean_annual_report", "a department's annual report published before 31 January (条例 Art 49)", REPORT)
case("clean_penalty_decision", "a penalty decision with its 文号 and the required elements", PENALTY, expect=WD)
case("clean_township_item", "a township-only item published by a township government", TOWNSHIP)
case("clean_department_with_sector", "an education bureau (department, sector education) is a known institution", BUDGET,
     {"/institution": {"kind": "administrative", "tier": "county", "role": "department", "sector": "education"}})
case("clean_archived_after_publication", "archived after publication: the chain in order", NORMATIVE, {"/archived": "2026-03-31"}, WD)
case("clean_review_on_publication_day", "a confidentiality review on the day of publication is not after it", NORMATIVE,
     {"/review/2/date": "2026-03-10"}, WD)
case("clean_interpretation_before_document", "an interpretation ready before the document is not late", NORMATIVE,
     {"/interpretation/published": "2026-03-09"}, WD)
case("clean_partial_with_ground_and_reasons", "partial disclosure citing an Art 14 ground with reasons", NORMATIVE,
     {"/disclosure": {"status": "partial", "grounds": ["ogi.art14.state_secret"], "reasons": "附件三涉及国家秘密，已删除"}}, WD)
case("clean_unpublished_not_timed_without_today", "a draft without `published` and no `today` is not timed", BUDGET, {"/published": DELETE})
case("clean_unpublished_before_deadline", "a draft checked on a day before its deadline", BUDGET, {"/published": DELETE}, options={"today": "2026-03-15"})
case("clean_item_without_channels_any_channel", "an item with no catalogue channels accepts any channel", TOWNSHIP,
     {"/channels": ["wechat_official_account", "village_notice_board"]})
case("clean_extra_cms_fields_allowed", "CMS-specific extra keys in `fields` are allowed", BUDGET, {"/fields/cms_column": "预算公开"})
case("clean_null_optionals", "null optional fields count as absent", BUDGET, {"/body": None, "/archived": None, "/document_number": None})
case("clean_document_number_with_hex_brackets", "a 文号 with 〔〕 is well formed", PENALTY, {"/document_number": "某市监处罚〔2026〕7号"}, WD)

# ── record structure ──────────────────────────────────────────────────────────────────────
for name, value, found in [("array", [1, 2], "array"), ("string", "publication", "string"), ("number", 42, "number"), ("null", None, "null")]:
    CASES.append(("publication", f"record_not_object_{name}", {
        "name": f"record_not_object_{name}", "description": f"a record that is a JSON {found}",
        "record": value, "expect": [{"code": "record_not_object", "path": ""}], "options": {}}))
case("kind_missing", "no `kind`", BUDGET, {"/kind": DELETE}, [("record_missing_field", "/kind")])
case("kind_wrong_type", "`kind` is a number", BUDGET, {"/kind": 1}, [("record_wrong_type", "/kind")])
case("kind_unknown", "`kind` is not publication or request", BUDGET, {"/kind": "article"}, [("record_unknown_kind", "/kind")])
case("kind_is_case_sensitive", "`Publication` is not `publication`", BUDGET, {"/kind": "Publication"}, [("record_unknown_kind", "/kind")])
case("item_missing", "no `item`", BUDGET, {"/item": DELETE}, [("record_missing_field", "/item")])
case("item_wrong_type", "`item` is a number", BUDGET, {"/item": 7}, [("record_wrong_type", "/item")])
case("title_missing", "no `title`", BUDGET, {"/title": DELETE}, [("record_missing_field", "/title")])
case("title_wrong_type", "`title` is an array", BUDGET, {"/title": ["某县", "预算"]}, [("record_wrong_type", "/title")])
case("formed_missing", "no `formed`: the time limit cannot start", BUDGET, {"/formed": DELETE}, [("record_missing_field", "/formed")])
case("institution_missing", "no `institution`", BUDGET, {"/institution": DELETE}, [("record_missing_field", "/institution")])
case("institution_wrong_type", "`institution` is a string", BUDGET, {"/institution": "某县人民政府"}, [("record_wrong_type", "/institution")])
case("institution_tier_missing", "an institution without a tier", BUDGET, {"/institution/tier": DELETE}, [("record_missing_field", "/institution/tier")])
case("channels_wrong_type", "`channels` is a string, not a list", BUDGET, {"/channels": "government_website"},
     [("record_wrong_type", "/channels"), ("channels_missing", "/channels")])
case("channel_entry_wrong_type", "a channel that is a number", BUDGET, {"/channels": [1]},
     [("record_wrong_type", "/channels/0"), ("channels_missing", "/channels")])
case("fields_wrong_type", "`fields` is a list: the required elements are missing", BUDGET, {"/fields": ["total"]},
     [("record_wrong_type", "/fields"), ("fields_missing_element", "/fields/total")])
case("body_wrong_type", "`body` is a number", BUDGET, {"/body": 12}, [("record_wrong_type", "/body")])
case("attachments_wrong_type", "`attachments` is an object", BUDGET, {"/attachments": {"name": "a.pdf"}}, [("record_wrong_type", "/attachments")])
case("attachment_wrong_type", "an attachment that is a string", BUDGET, {"/attachments": ["预算表.xlsx"]}, [("record_wrong_type", "/attachments/0")])
case("attachment_text_wrong_type", "an attachment's text is a number", BUDGET, {"/attachments": [{"name": "预算表.xlsx", "text": 3}]},
     [("record_wrong_type", "/attachments/0/text")])
case("review_wrong_type", "`review` is an object, not a list", BUDGET, {"/review": {"stage": "confidentiality"}},
     [("record_wrong_type", "/review"), ("review_confidentiality_missing", "/review")])
case("review_entry_wrong_type", "a review entry that is a string", BUDGET, {"/review": ["保密审查"]},
     [("record_wrong_type", "/review/0"), ("review_confidentiality_missing", "/review")])
case("review_stage_invalid", "a review stage outside business/legal/confidentiality", BUDGET, {"/review/0/stage": "secrecy"},
     [("record_invalid_value", "/review/0/stage"), ("review_confidentiality_missing", "/review")])
case("review_stage_missing", "a review entry without its stage", BUDGET, {"/review/0/stage": DELETE},
     [("record_missing_field", "/review/0/stage"), ("review_confidentiality_missing", "/review")])
case("review_date_missing", "a review entry without a date", BUDGET, {"/review/0/date": DELETE}, [("record_missing_field", "/review/0/date")])
case("review_result_invalid", "a review result outside approved/rejected", BUDGET, {"/review/0/result": "ok"}, [("record_invalid_value", "/review/0/result")])
case("interpretation_wrong_type", "`interpretation` is a URL string", NORMATIVE, {"/interpretation": "https://www.example.gov.cn/zcjd"},
     WD + [("record_wrong_type", "/interpretation"), ("interpretation_missing", "/interpretation")])
case("interpretation_published_missing", "an interpretation without its publication date", NORMATIVE, {"/interpretation/published": DELETE},
     WD + [("record_missing_field", "/interpretation/published")])
case("disclosure_status_invalid", "a disclosure status outside full/partial/withheld", BUDGET, {"/disclosure": {"status": "secret"}},
     [("record_invalid_value", "/disclosure/status")])
case("disclosure_status_missing", "a disclosure without a status", BUDGET, {"/disclosure": {"grounds": []}}, [("record_missing_field", "/disclosure/status")])
case("disclosure_grounds_wrong_type", "`grounds` is a string", BUDGET,
     {"/disclosure": {"status": "withheld", "grounds": "ogi.art14.state_secret", "reasons": "涉密"}},
     [("record_wrong_type", "/disclosure/grounds"), ("disclosure_grounds_missing", "/disclosure/grounds")])
case("disclosure_ground_entry_wrong_type", "a ground that is a number", BUDGET,
     {"/disclosure": {"status": "withheld", "grounds": [14], "reasons": "涉密"}},
     [("record_wrong_type", "/disclosure/grounds/0"), ("disclosure_grounds_missing", "/disclosure/grounds")])
case("consultation_reply_invalid", "a third-party reply outside consent/objection/no_reply", BUDGET,
     {"/disclosure": {"status": "full", "third_party_consultation": {"sent": "2026-03-05", "reply": "maybe"}}},
     [("record_invalid_value", "/disclosure/third_party_consultation/reply")])
case("consultation_sent_missing", "a consultation without the date it was sent", BUDGET,
     {"/disclosure": {"status": "full", "third_party_consultation": {"third_party": "某公司"}}},
     [("record_missing_field", "/disclosure/third_party_consultation/sent")])
case("assessment_conclusion_invalid", "a public-interest conclusion outside withhold/disclose", BUDGET,
     {"/disclosure": {"status": "full", "public_interest_assessment": {"date": "2026-03-06", "conclusion": "maybe"}}},
     [("record_invalid_value", "/disclosure/public_interest_assessment/conclusion")])
case("assessment_date_missing", "a public-interest assessment without a date", BUDGET,
     {"/disclosure": {"status": "full", "public_interest_assessment": {"conclusion": "withhold"}}},
     [("record_missing_field", "/disclosure/public_interest_assessment/date")])

# ── dates ─────────────────────────────────────────────────────────────────────────────────
for name, value in [("impossible_day", "2026-02-30"), ("slashes", "2026/03/02"), ("compact", "20260302"),
                    ("chinese", "2026年3月2日"), ("datetime", "2026-03-02T09:00:00"), ("single_digits", "2026-3-2")]:
    case(f"formed_invalid_{name}", f"`formed` is `{value}`: not YYYY-MM-DD", BUDGET, {"/formed": value}, [("record_invalid_date", "/formed")])
case("published_invalid", "`published` is not a date", BUDGET, {"/published": "yesterday"}, [("record_invalid_date", "/published")])
case("formed_wrong_type", "`formed` is a number (a timestamp)", BUDGET, {"/formed": 1772409600}, [("record_wrong_type", "/formed")])
case("review_date_invalid", "a review date that does not exist", BUDGET, {"/review/0/date": "2026-02-29"}, [("record_invalid_date", "/review/0/date")])
case("published_before_formed", "published before the information was formed", BUDGET, {"/published": "2026-02-27", "/review/0/date": "2026-02-26"}, [("dates_out_of_order", "/published")])
case("archived_before_published", "archived before publication", BUDGET, {"/archived": "2026-03-19"}, [("dates_out_of_order", "/archived")])

# ── institution and item ──────────────────────────────────────────────────────────────────
case("institution_unknown_kind", "an institution kind not in the registry", BUDGET, {"/institution/kind": "ministry"},
     [("record_unknown_institution", "/institution/kind")])
case("institution_unknown_tier", "a tier that administrative bodies do not have", BUDGET, {"/institution/tier": "hospital"},
     [("record_unknown_institution", "/institution/tier")])
case("institution_unknown_role", "a role that administrative bodies do not have", BUDGET, {"/institution/role": "bureau"},
     [("record_unknown_institution", "/institution/role")])
case("institution_unknown_sector", "a sector not in the registry", BUDGET, {"/institution/sector": "tourism"},
     [("record_unknown_institution", "/institution/sector")])
case("item_unknown", "an item id that is in no catalogue", BUDGET, {"/item": "admin.art20.99"}, [("item_unknown", "/item")])
case("item_unknown_typo", "a typo in the item id", BUDGET, {"/item": "fixture.budgte"}, [("item_unknown", "/item")])
case("item_not_applicable_tier", "a county government publishing a township-only item (条例 Art 21 ¶2)", TOWNSHIP,
     {"/institution": COUNTY_GOV}, [("item_not_applicable", "/item")])
case("item_not_applicable_kind", "a university publishing an item of the administrative catalogue", BUDGET,
     {"/institution": {"kind": "university", "tier": "local", "name": "某学院"}},
     [("item_not_applicable", "/item"), ("review_confidentiality_missing", "/review")] if False else [("item_not_applicable", "/item")])

# ── content elements ──────────────────────────────────────────────────────────────────────
for key in ["document_title", "document_number", "issue_date"]:
    case(f"element_missing_{key}", f"the required element `{key}` is missing", NORMATIVE, {f"/fields/{key}": DELETE},
         WD + [("fields_missing_element", f"/fields/{key}")])
case("fields_absent", "no `fields` at all: every required element is missing", NORMATIVE, {"/fields": DELETE},
     WD + [("fields_missing_element", "/fields/document_title"), ("fields_missing_element", "/fields/document_number"),
           ("fields_missing_element", "/fields/issue_date")])
case("element_date_free_text", "a date element written as 3月2日", NORMATIVE, {"/fields/issue_date": "3月2日"},
     WD + [("fields_invalid_element", "/fields/issue_date")])
case("element_text_empty", "an empty title", NORMATIVE, {"/fields/document_title": ""}, WD + [("fields_invalid_element", "/fields/document_title")])
case("element_text_number", "a title that is a number", NORMATIVE, {"/fields/document_title": 3}, WD + [("fields_invalid_element", "/fields/document_title")])
case("element_money_string", "a money element given as a string with 元", BUDGET, {"/fields/total": "1234567.5元"}, [("fields_invalid_element", "/fields/total")])
case("element_money_negative", "a negative amount of money", PENALTY, {"/fields/fine": -100}, WD + [("fields_invalid_element", "/fields/fine")])
for key, value, why in [("count", -1, "a negative count"), ("count", "3", "a count as a string"), ("count", 2.5, "a fractional count"),
                        ("decision_url", "www.example.gov.cn", "a URL without scheme"), ("hotline", "请拨打热线", "a phone number in words"),
                        ("public_notice", "是", "a boolean as text"), ("measures", [], "an empty list"), ("measures", "罚款", "a list as a string"),
                        ("procedure", "特别程序", "a value outside the enum"), ("items", [], "an empty table"), ("items", [1, 2], "table rows that are not objects"),
                        ("rate", "0.5", "a number as a string")]:
    slug = why.replace(" ", "_").replace("-", "")
    case(f"element_{key}_{slug}", f"element `{key}`: {why}", PENALTY, {f"/fields/{key}": value}, WD + [("fields_invalid_element", f"/fields/{key}" + ("/0" if key == "items" and value == [1, 2] else ""))]
         + ([("fields_invalid_element", "/fields/items/1")] if key == "items" and value == [1, 2] else []))
case("element_valid_optionals", "every optional element with a valid value", PENALTY,
     {"/fields/count": 2, "/fields/decision_url": "https://www.example.gov.cn/cf/12.pdf", "/fields/hotline": "0123-12345",
      "/fields/public_notice": True, "/fields/measures": ["警告", "罚款"], "/fields/procedure": "普通程序",
      "/fields/items": [{"fact": "超范围经营"}], "/fields/rate": 0.3}, WD)

# ── 文号 ──────────────────────────────────────────────────────────────────────────────────
case("document_number_mismatch", "the record's 文号 differs from the one in its fields", NORMATIVE,
     {"/fields/document_number": "某政发〔2026〕4号"}, WD + [("document_number_mismatch", "/fields/document_number")])
case("document_number_square_brackets", "the year in square brackets, in both places", NORMATIVE,
     {"/document_number": "某政发[2026]3号", "/fields/document_number": "某政发[2026]3号"}, WD + [("document_number_malformed", "/document_number")])
case("document_number_round_brackets_fields_only", "fullwidth round brackets in the fields' 文号 only (and so a mismatch)", NORMATIVE,
     {"/fields/document_number": "某政发（2026）3号"},
     WD + [("document_number_malformed", "/fields/document_number"), ("document_number_mismatch", "/fields/document_number")])
case("document_number_missing_flagged_item", "a penalty decision published without its 文号", PENALTY, {"/document_number": DELETE},
     WD + [("fields_missing_element", "/document_number")])
case("document_number_blank_flagged_item", "a 文号 of spaces is no 文号", PENALTY, {"/document_number": "  "}, WD + [("fields_missing_element", "/document_number")])

# ── channels ──────────────────────────────────────────────────────────────────────────────
case("channels_missing", "no `channels`", BUDGET, {"/channels": DELETE}, [("channels_missing", "/channels")])
case("channels_empty", "an empty channel list", BUDGET, {"/channels": []}, [("channels_missing", "/channels")])
case("channel_not_in_catalogue", "published only on WeChat, not on the catalogue's channels", BUDGET, {"/channels": ["wechat_official_account"]},
     [("channel_not_in_catalogue", "/channels/0")])
case("channel_one_of_two_not_in_catalogue", "the website and a notice board for a website-only item", BUDGET,
     {"/channels": ["government_website", "notice_board"]}, [("channel_not_in_catalogue", "/channels/1")])
case("channel_gazette_allowed", "the gazette is one of a normative document's channels", NORMATIVE,
     {"/channels": ["government_website", "government_gazette"]}, WD)

# ── time limits ───────────────────────────────────────────────────────────────────────────
case("budget_on_last_day", "published on the 20th calendar day after approval: on time", BUDGET, {"/published": "2026-03-22"})
case("budget_one_day_late", "published on the 21st calendar day after approval (预算法 Art 14)", BUDGET, {"/published": "2026-03-23"},
     [("publication_late", "/published")])
case("budget_late_across_month", "approved 20 January, published 10 February: 21 days", BUDGET,
     {"/formed": "2026-01-20", "/published": "2026-02-10", "/review/0/date": "2026-02-01"}, [("publication_late", "/published")])
case("budget_overdue_unpublished", "not published and today is past the deadline", BUDGET, {"/published": DELETE},
     [("publication_overdue", "/published")], {"today": "2026-04-01"})
case("budget_unpublished_on_deadline", "not published, today is the deadline: not yet overdue", BUDGET, {"/published": DELETE}, [], {"today": "2026-03-22"})
case("annual_report_on_due_date", "published on 31 January", REPORT, {"/published": "2026-01-31"})
case("annual_report_late", "published on 1 February (条例 Art 49: by 31 January)", REPORT, {"/published": "2026-02-01"}, [("publication_late", "/published")])
case("annual_report_stated_period_late", "the 2024 report published in January 2026", REPORT, {"/period": "2024", "/published": "2026-01-20"},
     [("publication_late", "/published")])
case("annual_report_stated_period_on_time", "the 2025 report with its period stated", REPORT, {"/period": "2025"})
# 20 working days (条例 Art 26), counted by hand on the State Council's 2026 schedule
# (国办发明电〔2025〕 notice in catalogues/calendar/2026.yaml), the start day not counted.
case("working_days_march_last_day", "formed Mon 2 March; 20 working days end Mon 30 March (no holidays)", NORMATIVE,
     {"/published": "2026-03-30", "/interpretation/published": "2026-03-30", "/review/2/date": "2026-03-27"})
case("working_days_march_one_day_late", "formed 2 March, published Tue 31 March: 21st working day", NORMATIVE,
     {"/published": "2026-03-31", "/interpretation/published": "2026-03-31", "/review/2/date": "2026-03-27"},
     [("publication_late", "/published")])
case("working_days_spring_festival_on_time", "formed Fri 6 Feb; Spring Festival 15–23 Feb off, 14 and 28 Feb make-up days: due 12 March", NORMATIVE,
     {"/formed": "2026-02-06", "/fields/issue_date": "2026-02-06", "/published": "2026-03-12", "/interpretation/published": "2026-03-12"})
case("working_days_spring_festival_not_weekends_only", "published 10 March: late if holidays were ignored (6 March), on time on the real calendar", NORMATIVE,
     {"/formed": "2026-02-06", "/fields/issue_date": "2026-02-06", "/published": "2026-03-10", "/interpretation/published": "2026-03-10"})
case("working_days_spring_festival_late", "formed 6 Feb, published Fri 13 March: the 21st working day", NORMATIVE,
     {"/formed": "2026-02-06", "/fields/issue_date": "2026-02-06", "/published": "2026-03-13", "/interpretation/published": "2026-03-13"},
     [("publication_late", "/published")])
case("working_days_national_day_on_time", "formed Fri 18 Sept; make-up Sun 20 Sept and Sat 10 Oct count, 25–27 Sept and 1–7 Oct do not: due 22 Oct", PENALTY,
     {"/formed": "2026-09-18", "/fields/decided": "2026-09-18", "/published": "2026-10-22", "/review/0/date": "2026-09-18", "/review/1/date": "2026-10-21"})
case("working_days_national_day_late", "formed 18 Sept, published Fri 23 Oct", PENALTY,
     {"/formed": "2026-09-18", "/fields/decided": "2026-09-18", "/published": "2026-10-23", "/review/0/date": "2026-09-18", "/review/1/date": "2026-10-21"},
     [("publication_late", "/published")])
case("working_days_overdue_unpublished", "formed 2 March, not published, checked on 1 April", NORMATIVE,
     {"/published": DELETE}, [("publication_overdue", "/published")], {"today": "2026-04-01"})
case("working_days_year_without_calendar_data", "formed in 2040: past the provisional years (10 after the last notice), so the limit is not checked (never guessed)", BUDGET,
     {"/item": "fixture.normative", "/formed": "2040-03-05", "/published": "2040-03-12", "/review/0/date": "2040-03-06",
      "/fields": NORMATIVE["fields"] | {"issue_date": "2040-03-05"}, "/interpretation": {"published": "2040-03-12"}},
     [("timeliness_unchecked", "/formed")])
# 20 working days from Monday 2026-09-28 over National Day (10-01..10-07 off, 10-10 a make-up
# working day, per the State Council's 2026 notice): due Friday 2026-10-30, not 10-18.
case("working_days_over_national_day_on_time", "published on the 20th working day after 28 September 2026", NORMATIVE,
     {"/formed": "2026-09-28", "/published": "2026-10-30", "/review/0/date": "2026-09-21", "/review/1/date": "2026-09-22",
      "/review/2/date": "2026-10-29", "/interpretation/published": "2026-10-30", "/fields/issue_date": "2026-09-28"}, WD)
case("working_days_over_national_day_late", "published on 2 November 2026: the 21st working day", NORMATIVE,
     {"/formed": "2026-09-28", "/published": "2026-11-02", "/review/0/date": "2026-09-21", "/review/1/date": "2026-09-22",
      "/review/2/date": "2026-10-29", "/interpretation/published": "2026-11-02", "/fields/issue_date": "2026-09-28"},
     [("publication_late", "/published")])
case("working_days_provisional_year", "formed in 2027, a year with no announced holiday schedule: checked on the statutory days of the 放假办法, and marked provisional", NORMATIVE,
     {"/formed": "2027-01-05", "/published": "2027-01-08", "/review/0/date": "2026-12-28", "/review/1/date": "2026-12-29",
      "/review/2/date": "2027-01-07", "/interpretation/published": "2027-01-08", "/fields/issue_date": "2027-01-05"},
     [("calendar_provisional", "/formed")])
case("working_days_provisional_year_strict", "the same in strict mode: a year with no notice is not checked (never guessed)", NORMATIVE,
     {"/formed": "2027-01-05", "/published": "2027-01-08", "/review/0/date": "2026-12-28", "/review/1/date": "2026-12-29",
      "/review/2/date": "2027-01-07", "/interpretation/published": "2027-01-08", "/fields/issue_date": "2027-01-05"},
     [("timeliness_unchecked", "/formed")], {"strict_calendar": True})
case("timely_item_not_timed", "an item to be published promptly has no number of days to check", TOWNSHIP, {"/published": "2026-06-30"})

# ── review trail ──────────────────────────────────────────────────────────────────────────
case("review_missing", "no review trail at all (条例 Art 17)", BUDGET, {"/review": DELETE}, [("review_confidentiality_missing", "/review")])
case("review_empty", "an empty review trail", BUDGET, {"/review": []}, [("review_confidentiality_missing", "/review")])
case("review_without_confidentiality", "business and legal sign-offs but no confidentiality review", NORMATIVE, {"/review/2": DELETE},
     WD + [("review_confidentiality_missing", "/review")])
case("review_confidentiality_after_publication", "the confidentiality review signed two days after publication", NORMATIVE,
     {"/review/2/date": "2026-03-12"}, WD + [("review_after_publication", "/review/2/date")])
case("review_business_after_publication", "a business sign-off dated after publication", NORMATIVE,
     {"/review/0/date": "2026-03-11"}, WD + [("review_after_publication", "/review/0/date")])
case("review_rejected_but_published", "the confidentiality review refused, yet it was published", NORMATIVE,
     {"/review/2/result": "rejected"}, WD + [("review_rejected", "/review/2/result")])
case("review_rejected_unpublished", "a refused review on a draft is not yet a problem", BUDGET,
     {"/review/0/result": "rejected", "/published": DELETE})

# ── interpretation ────────────────────────────────────────────────────────────────────────
case("interpretation_missing", "a normative document without its interpretation (文件+解读)", NORMATIVE, {"/interpretation": DELETE},
     WD + [("interpretation_missing", "/interpretation")])
case("interpretation_null", "an interpretation given as null", NORMATIVE, {"/interpretation": None}, WD + [("interpretation_missing", "/interpretation")])
case("interpretation_late", "the interpretation ten days after the document", NORMATIVE, {"/interpretation/published": "2026-03-20"},
     WD + [("interpretation_late", "/interpretation/published")])
case("interpretation_late_not_required", "an optional interpretation published after the document is still late", BUDGET,
     {"/interpretation": {"published": "2026-03-25", "title": "预算解读"}}, [("interpretation_late", "/interpretation/published")])
case("interpretation_not_required", "a budget needs no interpretation", BUDGET, {})

# ── disclosure and grounds ────────────────────────────────────────────────────────────────
case("withheld_without_grounds_or_reasons", "withheld with neither ground nor reasons (条例 Art 36(三))", NORMATIVE,
     {"/disclosure": {"status": "withheld"}},
     WD + [("disclosure_grounds_missing", "/disclosure/grounds"), ("disclosure_reasons_missing", "/disclosure/reasons")])
case("partial_without_grounds", "partly disclosed with reasons but no ground (条例 Art 37)", NORMATIVE,
     {"/disclosure": {"status": "partial", "grounds": [], "reasons": "部分内容不宜公开"}}, WD + [("disclosure_grounds_missing", "/disclosure/grounds")])
case("partial_without_reasons", "partly disclosed citing a ground without reasons", NORMATIVE,
     {"/disclosure": {"status": "partial", "grounds": ["ogi.art14.state_secret"]}}, WD + [("disclosure_reasons_missing", "/disclosure/reasons")])
case("partial_blank_reasons", "reasons that are only spaces", NORMATIVE,
     {"/disclosure": {"status": "partial", "grounds": ["ogi.art14.state_secret"], "reasons": "   "}}, WD + [("disclosure_reasons_missing", "/disclosure/reasons")])
case("full_with_grounds", "fully disclosed yet citing a ground", NORMATIVE,
     {"/disclosure": {"status": "full", "grounds": ["ogi.art14.state_secret"]}}, WD + [("disclosure_grounds_with_full", "/disclosure/grounds")])
case("ground_unknown", "a ground id that does not exist", NORMATIVE,
     {"/disclosure": {"status": "withheld", "grounds": ["ogi.art99.whatever"], "reasons": "不宜公开"}}, WD + [("ground_unknown", "/disclosure/grounds/0")])
case("ground_unknown_second", "the second of two grounds does not exist", NORMATIVE,
     {"/disclosure": {"status": "withheld", "grounds": ["ogi.art14.state_secret", "secret"], "reasons": "涉密"}}, WD + [("ground_unknown", "/disclosure/grounds/1")])
case("ground_not_available_to_university", "a university citing a ground for administrative bodies (and an administrative item)", BUDGET,
     {"/institution": {"kind": "university", "tier": "local", "name": "某学院"},
      "/disclosure": {"status": "withheld", "grounds": ["ogi.art14.state_secret"], "reasons": "涉密"}},
     [("item_not_applicable", "/item"), ("ground_not_available", "/disclosure/grounds/0")])

# Art 15 (qualified) and Art 16 (discretionary) grounds from catalogues/grounds.yaml.
PRIVACY = {"status": "partial", "grounds": ["ogi.art15.personal_privacy"], "reasons": "附件中个人身份信息已删除"}
CONSULTED = {"sent": "2026-03-03", "third_party": "某某（被征求意见人）", "reply": "objection", "replied": "2026-03-06"}
ASSESSED = {"date": "2026-03-07", "conclusion": "withhold", "reasons": "不公开不会对公共利益造成重大影响"}
case("qualified_ground_without_records", "Art 15 privacy ground with no consultation and no public-interest assessment", NORMATIVE,
     {"/disclosure": PRIVACY},
     WD + [("ground_qualified_no_consultation", "/disclosure/third_party_consultation"),
           ("ground_qualified_no_public_interest", "/disclosure/public_interest_assessment")])
case("qualified_ground_consulted_not_assessed", "Art 15 ground: third party consulted (Art 32), public interest not assessed", NORMATIVE,
     {"/disclosure": PRIVACY | {"third_party_consultation": CONSULTED}},
     WD + [("ground_qualified_no_public_interest", "/disclosure/public_interest_assessment")])
case("qualified_ground_assessed_not_consulted", "Art 15 trade-secret ground: assessed but the third party never consulted", NORMATIVE,
     {"/disclosure": {"status": "withheld", "grounds": ["ogi.art15.trade_secret"], "reasons": "涉及商业秘密", "public_interest_assessment": ASSESSED}},
     WD + [("ground_qualified_no_consultation", "/disclosure/third_party_consultation")])
case("qualified_ground_with_both_records", "Art 15 ground with consultation and assessment recorded", NORMATIVE,
     {"/disclosure": PRIVACY | {"third_party_consultation": CONSULTED, "public_interest_assessment": ASSESSED}}, WD)
case("qualified_ground_on_full_disclosure", "a third party consented and all was disclosed: the ground should not be cited", NORMATIVE,
     {"/disclosure": {"status": "full", "grounds": ["ogi.art15.personal_privacy"]}}, WD + [("disclosure_grounds_with_full", "/disclosure/grounds")])
case("discretionary_ground_on_statutory_item", "Art 16 process-information ground against a document a law requires to be disclosed", NORMATIVE,
     {"/disclosure": {"status": "withheld", "grounds": ["ogi.art16.process_information"], "reasons": "过程性信息"}},
     WD + [("ground_discretionary_on_statutory", "/disclosure/grounds/0")])
case("discretionary_ground_on_other_item", "the same Art 16 ground on an item no law requires: allowed", BUDGET,
     {"/disclosure": {"status": "partial", "grounds": ["ogi.art16.internal_affairs"], "reasons": "内部人事管理信息"}})
case("discretionary_ground_second_of_two", "an Art 14 ground and an Art 16 ground on a statutory item: only the Art 16 one is wrong", NORMATIVE,
     {"/disclosure": {"status": "partial", "grounds": ["ogi.art14.state_secret", "ogi.art16.internal_affairs"], "reasons": "部分涉密"}},
     WD + [("ground_discretionary_on_statutory", "/disclosure/grounds/1")])
case("discretionary_ground_on_real_normative_item", "admin.art20.01 (条例 Art 20(一), disclosure required by law) withheld as internal affairs", NORMATIVE,
     {"/item": "admin.art20.01", "/interpretation": DELETE,
      "/fields": NORMATIVE["fields"] | {"issuing_organ": "某县人民政府", "publish_date": "2026-03-10", "validity": "现行有效", "full_text": "某政发〔2026〕3号.pdf"},
      "/disclosure": {"status": "withheld", "grounds": ["ogi.art16.internal_affairs"], "reasons": "内部事务"}},
     [("ground_discretionary_on_statutory", "/disclosure/grounds/0")])
case("university_ground_cited_by_county", "a county government citing a university's Art 10 privacy ground", NORMATIVE,
     {"/disclosure": {"status": "partial", "grounds": ["uni.art10.personal_privacy"], "reasons": "涉及个人隐私",
                      "third_party_consultation": CONSULTED, "public_interest_assessment": ASSESSED}},
     WD + [("ground_not_available", "/disclosure/grounds/0")])

# ── 行政处罚法 Art 48 ¶2: withdrawing a published decision that was changed or revoked ──────────
# The decision is revoked on Thu 2026-04-30. Art 85 makes the three days working days: 1–5 May are the
# Labour Day holiday, so the three working days are Wed 6, Thu 7 and Fri 8 May; Sat 9 May is a make-up
# working day and already the fourth. (Counted as calendar days the limit would end on 3 May.)
PENALTY = {
    "kind": "publication",
    "id": "xian-scjg-cf-2026-31",
    "institution": {"kind": "administrative", "tier": "county", "role": "department", "sector": "other",
                    "name": "某县市场监督管理局"},
    "item": "penalty.art48.decision",
    "title": "某县市场监督管理局行政处罚决定书（某市监处罚〔2026〕31号）",
    "document_number": "某市监处罚〔2026〕31号",
    "formed": "2026-04-01",
    "published": "2026-04-08",
    "channels": ["government_website"],
    "fields": {
        "party_name": "某某餐饮有限公司",
        "party_address": "某县城关镇解放路12号",
        "facts_and_evidence": "当事人经营超过保质期的食品，有现场检查笔录、抽样记录为证",
        "penalty_type": "警告；罚款",
        "penalty_basis": "《中华人民共和国食品安全法》第一百二十四条第一款",
        "performance": "自收到本决定书之日起十五日内缴纳罚款",
        "remedies": "可在六十日内申请行政复议，或者在六个月内提起行政诉讼",
        "deciding_organ": "某县市场监督管理局",
        "decision_date": "2026-04-01",
    },
    "review": [{"stage": "legal", "date": "2026-03-30"}, {"stage": "confidentiality", "date": "2026-04-07"}],
}
REVOKED = {"cause": "revoked", "date": "2026-04-30", "reasons": "原处罚决定已被复议机关撤销"}

case("clean_penalty_decision_art59", "a penalty decision carrying every element 行政处罚法 Art 59 lists", PENALTY)
case("penalty_decision_without_remedies", "the decision omits the reconsideration and litigation routes (Art 59(五))",
     PENALTY, {"/fields/remedies": DELETE}, [("fields_missing_element", "/fields/remedies")])
case("withdrawal_on_third_working_day_over_labour_day", "revoked 30 April, withdrawn 8 May: the third working day after the holiday",
     PENALTY, {"/withdrawal": dict(REVOKED, withdrawn="2026-05-08")})
case("withdrawal_late_on_makeup_saturday", "withdrawn on Saturday 9 May, a make-up working day and the fourth working day",
     PENALTY, {"/withdrawal": dict(REVOKED, withdrawn="2026-05-09")}, [("withdrawal_late", "/withdrawal/withdrawn")])
case("withdrawal_overdue_not_withdrawn", "revoked 30 April and still published on 11 May",
     PENALTY, {"/withdrawal": REVOKED}, [("withdrawal_late", "/withdrawal")], {"today": "2026-05-11"})
case("withdrawal_pending_within_limit", "revoked 30 April, not yet withdrawn on 7 May: still within the three working days",
     PENALTY, {"/withdrawal": REVOKED}, [], {"today": "2026-05-07"})
case("withdrawal_without_reasons", "withdrawn on time but no reasons published (Art 48 ¶2 公开说明理由)",
     PENALTY, {"/withdrawal": {"cause": "changed", "date": "2026-04-30", "withdrawn": "2026-05-06"}},
     [("withdrawal_reasons_missing", "/withdrawal/reasons")])
case("withdrawal_cause_invalid", "a cause the law does not name",
     PENALTY, {"/withdrawal": dict(REVOKED, cause="annulled", withdrawn="2026-05-06")},
     [("record_invalid_value", "/withdrawal/cause")])
case("withdrawal_before_change", "withdrawn before the decision was revoked",
     PENALTY, {"/withdrawal": dict(REVOKED, withdrawn="2026-04-20")}, [("dates_out_of_order", "/withdrawal/withdrawn")])
case("withdrawal_date_missing", "a withdrawal without the date the decision was revoked",
     PENALTY, {"/withdrawal": {"cause": "revoked", "withdrawn": "2026-05-06", "reasons": "已撤销"}},
     [("record_missing_field", "/withdrawal/date")])

# ── variants: elements one kind of publication requires (an item's `variants`) ─────────────────
# admin.art20.06 (条例 Art 20(6)) publishes either the basis, conditions and procedure of penalties, or a
# penalty decision. A decision states what 行政处罚法 Art 59 ¶1 lists (published under Art 48 ¶1):
# (一) party's name and address, (二) facts and evidence, (三) type and basis of the penalty, (四) manner and
# time limit of performance, (五) reconsideration and litigation routes, (六) deciding organ and date.
ART59_KEYS = ["party_name", "party_address", "violation_facts", "penalty_content", "penalty_basis",
              "performance", "remedies", "deciding_organ", "decision_date"]
ART20_06 = {
    "kind": "publication",
    "id": "xian-scjg-cf-2026-40",
    "institution": {"kind": "administrative", "tier": "county", "role": "department", "sector": "other",
                    "name": "某县市场监督管理局"},
    "item": "admin.art20.06",
    "title": "某县市场监督管理局行政处罚决定书（某市监处罚〔2026〕40号）",
    "document_number": "某市监处罚〔2026〕40号",
    "formed": "2026-04-01",
    "published": "2026-04-08",
    "channels": ["government_website"],
    "fields": {
        "publication_type": "行政处罚决定",
        "decision_number": "某市监处罚〔2026〕40号",
        "party_name": "某某商贸有限公司",
        "party_address": "某县城关镇人民路8号",
        "violation_facts": "当事人销售未标明生产日期的预包装食品，有现场检查笔录、询问笔录为证",
        "penalty_content": "警告；罚款人民币一万元",
        "penalty_basis": "《中华人民共和国食品安全法》第一百二十五条第一款",
        "performance": "自收到本决定书之日起十五日内缴纳罚款",
        "remedies": "可在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼",
        "deciding_organ": "某县市场监督管理局",
        "decision_date": "2026-04-01",
    },
    "review": [{"stage": "legal", "date": "2026-03-30"}, {"stage": "confidentiality", "date": "2026-04-07"}],
}
case("clean_art20_06_penalty_decision", "admin.art20.06, a penalty decision stating every content of 行政处罚法 Art 59 ¶1", ART20_06)
for key in ART59_KEYS:
    case(f"art20_06_penalty_decision_without_{key}", f"a penalty decision under admin.art20.06 without `{key}` (行政处罚法 Art 59 ¶1)",
         ART20_06, {f"/fields/{key}": DELETE}, [("fields_missing_element", f"/fields/{key}")])
case("art20_06_penalty_decision_type_only", "only `publication_type: 行政处罚决定`: every Art 59 content is missing",
     ART20_06, {"/fields": {"publication_type": "行政处罚决定"}}, [("fields_missing_element", f"/fields/{k}") for k in ART59_KEYS])
RULES_06 = {"publication_type": "实施依据、条件、程序", "legal_basis": "《中华人民共和国行政处罚法》《中华人民共和国行政强制法》",
            "conditions": "违法事实清楚、证据确凿", "procedure": "立案、调查取证、法制审核、告知、听证、决定、送达、执行"}
case("clean_art20_06_rules_need_no_decision_contents", "the basis, conditions and procedure (条例 Art 20(6)): no Art 59 content is required",
     ART20_06, {"/fields": RULES_06, "/title": "某县市场监督管理局行政处罚实施依据、条件、程序"})
case("art20_06_rules_without_procedure", "the basis and conditions of penalties published without the procedure (条例 Art 20(6))",
     ART20_06, {"/fields": {k: v for k, v in RULES_06.items() if k != "procedure"}}, [("fields_missing_element", "/fields/procedure")])
case("art20_06_unknown_publication_type", "a publication type the item does not list selects no variant: only the type is wrong",
     ART20_06, {"/fields": {"publication_type": "处罚决定"}}, [("fields_invalid_element", "/fields/publication_type")])
case("art20_05_result_without_results", "a licensing result (条例 Art 20(5) 办理结果) that lists no result",
     ART20_06, {"/item": "admin.art20.05", "/channels": ["government_website"], "/document_number": DELETE,
                "/title": "某县市场监督管理局2026年4月行政许可办理结果",
                "/fields": {"publication_type": "办理结果", "matter_name": "食品经营许可"}},
     [("fields_missing_element", "/fields/results")])
case("art20_14_notice_without_quota", "a recruitment notice (条例 Art 20(14)) with the posts and eligibility but not the number of places",
     ART20_06, {"/item": "admin.art20.14", "/document_number": DELETE, "/title": "某县2026年考试录用公务员公告",
                "/fields": {"publication_type": "招考公告", "posts": [{"post": "综合管理岗", "places": 2}], "eligibility": "具有大学本科以上学历"}},
     [("fields_missing_element", "/fields/quota")])
case("clean_art20_14_results_need_no_posts", "recruitment results (录用结果) need no posts, quota or eligibility",
     ART20_06, {"/item": "admin.art20.14", "/document_number": DELETE, "/title": "某县2026年考试录用公务员拟录用人员名单",
                "/fields": {"publication_type": "录用结果", "results": [{"name": "王某", "post": "综合管理岗"}]}})

# 预算法 Art 14 ¶1: the government's budget explains its transfer payments and borrowing; ¶2: a department's
# budget explains its running costs (机关运行经费).
BUDGET_07 = {"document_type": "预算", "fiscal_year": 2026, "approving_body": "某县人民代表大会", "approval_date": "2026-03-02",
             "report": "某县2026年预算报告及报表.pdf", "explanation": "见预算报告第三部分",
             "transfer_payments": "上级转移支付收入12.3亿元，已全部列入预算", "debt": "新增政府债务限额3.1亿元，全部用于公益性项目"}
case("clean_art20_07_government_budget", "a county budget explaining its transfer payments and borrowing (预算法 Art 14 ¶1)",
     BUDGET, {"/item": "admin.art20.07", "/fields": BUDGET_07})
case("art20_07_government_budget_without_debt_or_transfers", "a county budget that explains neither its transfer payments nor its borrowing",
     BUDGET, {"/item": "admin.art20.07", "/fields": {k: v for k, v in BUDGET_07.items() if k not in ("transfer_payments", "debt")}},
     [("fields_missing_element", "/fields/debt"), ("fields_missing_element", "/fields/transfer_payments")])
DEPT_07 = {k: v for k, v in BUDGET_07.items() if k not in ("transfer_payments", "debt")} | {"document_type": "部门预算", "approving_body": "某县财政局"}
case("art20_07_department_budget_without_running_costs", "a department budget that does not explain its running costs (预算法 Art 14 ¶2)",
     BUDGET, {"/item": "admin.art20.07", "/institution": {"kind": "administrative", "tier": "county", "role": "department", "sector": "education"},
              "/title": "某县教育局2026年部门预算", "/fields": DEPT_07},
     [("fields_missing_element", "/fields/running_costs")])

# ── annual reports: the 2021 format's 一、总体情况, and reports below county level (条例 Art 49) ─────────
# 国办公开办函〔2021〕30号 一（一）: 总体情况 covers 主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障.
# Art 49 ¶2 names 县级以上地方人民政府: a township's or street office's report is checked for contents and
# gets an info that the 条例 does not itself require it; its date is not checked (no national due date).
GOV_REPORT = {
    "kind": "publication",
    "id": "xian-zf-2025-ndbg",
    "institution": COUNTY_GOV,
    "item": "admin.art49.report.government",
    "title": "某县人民政府2025年政府信息公开工作年度报告",
    "formed": "2026-03-10",
    "published": "2026-03-25",
    "period": "2025",
    "channels": ["government_website"],
    "fields": {
        "overview_proactive": "全年主动公开政府信息1234条，规范性文件全部同步发布解读",
        "overview_requests": "收到政府信息公开申请56件，均在法定期限内答复",
        "overview_information_management": "开展规范性文件清理，动态更新政府信息公开指南和目录",
        "overview_platforms": "优化政府门户网站信息公开专栏，整合政务新媒体",
        "overview_oversight": "将政务公开纳入绩效考核，全年未发生责任追究情形",
        "proactive_disclosure": "见表二",
        "requests": [{"row": "本年新收政府信息公开申请数量", "total": 56}],
        "reconsideration_litigation": [{"row": "行政复议", "total": 1}],
        "problems_improvements": "部分部门信息更新不及时，下一年度建立季度检查机制",
        "assessment_results": "年度考核优秀；开展社会评议一次；无责任追究",
    },
    "review": [{"stage": "confidentiality", "date": "2026-03-20"}],
}
TOWNSHIP_GOV = {"kind": "administrative", "tier": "township", "role": "government", "name": "某镇人民政府"}
STREET_OFFICE = {"kind": "administrative", "tier": "subdistrict", "role": "government", "name": "某街道办事处"}

case("clean_government_annual_report_2021_format", "a county government's report with the 2021 format's 总体情况 parts", GOV_REPORT)
case("annual_report_without_information_management", "总体情况 omits 政府信息管理 (国办公开办函〔2021〕30号 一（一）)",
     GOV_REPORT, {"/fields/overview_information_management": DELETE},
     [("fields_missing_element", "/fields/overview_information_management")])
case("annual_report_without_oversight", "总体情况 omits 监督保障", GOV_REPORT, {"/fields/overview_oversight": DELETE},
     [("fields_missing_element", "/fields/overview_oversight")])
case("township_annual_report_accepted", "a township government's report: accepted, with an info that Art 49 does not require it",
     GOV_REPORT, {"/institution": TOWNSHIP_GOV, "/id": "xz-2025-ndbg"}, [("annual_report_below_county", "/item")])
case("township_annual_report_in_april", "published 20 April: no national due date applies below county level, so not late",
     GOV_REPORT, {"/institution": TOWNSHIP_GOV, "/published": "2026-04-20"}, [("annual_report_below_county", "/item")])
case("street_office_annual_report_missing_platforms", "a street office's report is checked for its contents all the same",
     GOV_REPORT, {"/institution": STREET_OFFICE, "/fields/overview_platforms": DELETE},
     [("annual_report_below_county", "/item"), ("fields_missing_element", "/fields/overview_platforms")])
case("county_annual_report_in_april_is_late", "the same April date is late for a county government (Art 49 ¶2: by 31 March)",
     GOV_REPORT, {"/published": "2026-04-20"}, [("publication_late", "/published")])

# ── public enterprises (条例 Art 55; 交通运输部令2022年第11号 Art 7) ──────────────────────────────
BUS = {
    "kind": "publication",
    "id": "gj-2026-xl-12",
    "institution": {"kind": "public_enterprise", "tier": "enterprise", "sector": "public_transport",
                    "name": "某市公共交通集团有限公司"},
    "item": "pe.transport.operations",
    "title": "12路公交线路运营信息",
    "formed": "2026-03-02",
    "published": "2026-03-02",
    "channels": ["enterprise_website"],
    "fields": {"routes": "12路：火车站—大学城", "stops": "火车站、人民广场、大学城", "service_hours": "6:00—22:00",
               "fares": "2元", "riding_rules": "先下后上，请勿携带易燃易爆物品"},
    "review": [{"stage": "confidentiality", "date": "2026-03-02"}],
}
case("clean_public_transport_operations", "a bus company's route information with Art 7's operating-service elements", BUS)
case("public_transport_without_fares", "route information without the fares", BUS, {"/fields/fares": DELETE},
     [("fields_missing_element", "/fields/fares")])
case("public_transport_item_for_water_company", "a water company publishing a public-transport item",
     BUS, {"/institution/sector": "water_gas_heat"}, [("item_not_applicable", "/item")])

# ── every string screened, members the format does not define (issue 27) ─────────────────
ID_AND_MOBILE = "身份证号11010519491231002X，电话13912345678"
case("screened_in_a_table_row", "a name list as a table element: an ID number and a mobile in a row's cell are found there",
     BUDGET, {"/fields/recipients": [{"name": "张三", "amount": 1200}, {"name": "李四", "contact": ID_AND_MOBILE}]},
     [("screening_resident_id", "/fields/recipients/1/contact"), ("screening_mobile", "/fields/recipients/1/contact")])
case("screened_in_a_nested_object", "a mobile in an object nested in `fields`", BUDGET,
     {"/fields/contact": {"person": {"phone": "联系人手机13912345678"}}},
     [("screening_mobile", "/fields/contact/person/phone")])
case("screened_in_the_title", "an ID number in the title", NORMATIVE,
     {"/title": "关于王某（身份证号11010519491231002X）的处理决定"}, WD + [("screening_resident_id", "/title")])
case("screened_in_an_attachment_name", "a mobile in an attachment's file name", BUDGET,
     {"/attachments": [{"name": "联系人13912345678.xlsx"}]}, [("screening_mobile", "/attachments/0/name")])
case("screened_in_an_unknown_member", "an undefined member is still screened, and named", BUDGET,
     {"/remark": "经办人电话13912345678"}, [("record_unknown_member", "/remark"), ("screening_mobile", "/remark")])
case("unknown_member_publish_date", "`publish_date` for `published`: the record reads as unpublished and is overdue, and the typo is named",
     BUDGET, {"/published": DELETE, "/publish_date": "2026-03-20"},
     [("record_unknown_member", "/publish_date"), ("publication_overdue", "/published")], {"today": "2026-04-01"})
case("unknown_member_nested", "a misspelt member of a review entry", NORMATIVE,
     {"/review/2/reviewer": "县政府办保密审查员"}, WD + [("record_unknown_member", "/review/2/reviewer")])
case("unknown_member_in_institution", "`teir` for `tier`: the tier is missing, and the typo is named", BUDGET,
     {"/institution": {"kind": "administrative", "teir": "county", "role": "government"}},
     [("record_unknown_member", "/institution/teir"), ("record_missing_field", "/institution/tier")])
# What is reported: the options every front door takes (`--select`/`--ignore`/`--strict-members`,
# Python's keyword arguments, the browser's options object) and a record's own suppressions.
case("select_only_screening", "`select: [screening]` reports the mobile and nothing of the unknown member", BUDGET,
     {"/remark": "经办人电话13912345678"}, [("screening_mobile", "/remark")], {"select": ["screening"]})
case("ignore_by_code", "`ignore` drops one code and keeps the rest", BUDGET,
     {"/published": DELETE, "/publish_date": "2026-03-20"},
     [("publication_overdue", "/published")], {"today": "2026-04-01", "ignore": ["record_unknown_member"]})
case("ignore_loses_to_a_more_specific_select", "`ignore: [screening]` with `select: [screening_mobile]` keeps mobiles only",
     BUDGET, {"/remark": "经办人电话13912345678，身份证号11010519491231002X"},
     [("screening_mobile", "/remark")], {"select": ["screening_mobile"], "ignore": ["screening"]})
case("strict_members_error", "`strict_members`: the undefined member is an error (same code, same path)", BUDGET,
     {"/remark": "备注"}, [("record_unknown_member", "/remark")], {"strict_members": True})
case("suppression_in_the_record", "a record's `x-gongkai` suppression drops the code it names", BUDGET,
     {"/remark": "备注", "/x-gongkai": {"ignore": ["record_unknown_member"], "reason": "导出系统的附加列"}})
case("suppression_without_reason", "a suppression with no reason still suppresses, and is itself reported", BUDGET,
     {"/remark": "备注", "/x-gongkai": {"ignore": ["record_unknown_member"]}},
     [("suppression_without_reason", "/x-gongkai/ignore")])
case("clean_x_gongkai_and_schema_allowed", "`x-gongkai` (per-record settings) and `$schema` are allowed", BUDGET,
     {"/x-gongkai": {"ignore": ["channel_not_in_catalogue"], "reason": "测试"},
      "/$schema": "https://gongkai.invalid/schema/record.schema.json"})

# ── input ─────────────────────────────────────────────────────────────────────────────────
raw_case("invalid_json_trailing_comma", "a trailing comma", [("input_invalid_json", "")], text='{"kind": "publication",}')
raw_case("invalid_json_unclosed", "an unclosed object", [("input_invalid_json", "")], text='{"kind": "publication"')
raw_case("invalid_json_single_quotes", "single quotes are not JSON", [("input_invalid_json", "")], text="{'kind': 'publication'}")
raw_case("empty_input", "an empty text", [("input_empty", "")], text="")
raw_case("whitespace_input", "only whitespace", [("input_empty", "")], text="  \n\t ")
raw_case("deep_nesting", "arrays nested 1,000 deep", [("input_too_deep", "")], text="[" * 1000 + "]" * 1000)
raw_case("gbk_bytes", "a record exported in GBK (公开 = B9 AB BF AA)", [("input_not_utf8", "")],
         hex_bytes="7b227469746c65223a22b9abbfaa227d")
raw_case("latin1_bytes", "Latin-1 bytes that are not UTF-8", [("input_not_utf8", "")], hex_bytes="7b2274223a2263616fe9227d")
raw_case("bom_then_record", "a UTF-8 byte-order mark before a record that is an array", [("record_not_object", "")], hex_bytes="efbbbf5b5d")

raw_case("request_dispatch", "request records go to the request checks, which need a receipt date (条例 Art 31)", [("request_invalid_value", "/received")],
         text='{"kind": "request", "id": "ysq-2026-001"}')

# One answer per input: numbers past the record's types, lone surrogates. Every front end (CLI,
# Python check / check_many, JS) reads these texts with the same JSON reader and gives the same
# diagnostic; an integer past 64 bits is a number as JSON readers take it (the nearest float).
case("title_integer_past_64_bits", "`title` is 2^64, an integer past 64 bits", BUDGET, {"/title": 2**64},
     [("record_wrong_type", "/title")])
case("total_integer_past_64_bits", "a number element of 2^64 is a number like any other", BUDGET, {"/fields/total": 2**64})


def budget_text_with_title(raw):
    """BUDGET as JSON text with `title` written as `raw` (JSON a Python dict cannot hold)."""
    return json.dumps({**BUDGET, "title": "@TITLE@"}, ensure_ascii=False).replace('"@TITLE@"', raw)


raw_case("number_out_of_range", "`1e400` is past the range of a 64-bit float: the JSON reader refuses it",
         [("input_invalid_json", "")], text=budget_text_with_title("1e400"), options={"overlays": OVERLAY})
raw_case("number_underflow", "`1e-400` reads as 0, as every JSON reader takes it: a number where text belongs",
         [("record_wrong_type", "/title")], text=budget_text_with_title("1e-400"), options={"overlays": OVERLAY})
raw_case("negative_zero_title", "`-0.0` where text belongs", [("record_wrong_type", "/title")],
         text=budget_text_with_title("-0.0"), options={"overlays": OVERLAY})
raw_case("lone_surrogate_escape", "a lone surrogate escape (\\ud800) is no character: the JSON reader refuses it",
         [("input_invalid_json", "")], text=budget_text_with_title('"\\ud800"'), options={"overlays": OVERLAY})


def main():
    for folder in ("publication", "input"):
        d = os.path.join(HERE, folder)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    names = set()
    for folder, name, c in CASES:
        assert (folder, name) not in names, name
        names.add((folder, name))
        with open(os.path.join(HERE, folder, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(c, f, ensure_ascii=False, indent=2)
            f.write("\n")
    print(f"{len(CASES)} cases")


if __name__ == "__main__":
    main()
