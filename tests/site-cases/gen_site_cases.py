#!/usr/bin/env python3
"""Writes the site-inspection conformance cases (tests/site-cases/*.json).

Each case is a small site snapshot with one thing wrong (or none) and the exact set of
(code, path) a correct checker reports, worked out by hand from the indicator it breaks
(国办秘函〔2019〕19号 as restated in inspection notices; catalogues/site-indicators.yaml) and the
2026 holiday notice for working days -- never from gongkai's output. The Rust, Python and JS
suites run the same files. Run it after editing: `python3 tests/site-cases/gen_site_cases.py`.
Case: {"name", "description", "snapshot" | "input", "options": {"as_of", "overlays"}, "expect": [{"code", "path"}]}.
"""
import copy, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = "2026-03-10"

BASE = {
    "kind": "site",
    "as_of": AS_OF,
    "site": {"name": "某县人民政府门户网站", "institution": "某县人民政府办公室"},
    "homepage": {"last_updated": "2026-03-09"},
    "columns": [
        {"id": "yw", "title": "本县要闻", "type": "news", "items": [{"title": "县政府召开常务会议", "published": "2026-03-09"}]},
        {"id": "tzgg", "title": "通知公告", "type": "notice", "items": [{"title": "关于春季招生的公告", "published": "2026-02-26"}]},
        {"id": "zxzx", "title": "咨询建言", "type": "consultation"},
    ],
    "messages": [
        {"id": "ly-1", "column": "zxzx", "received": "2026-03-02T09:00", "replied": "2026-03-03T10:00"},
    ],
    "accounts": [{"id": "wx", "platform": "wechat", "name": "某县发布", "last_post": "2026-03-09", "interaction": True}],
}

CASES = []


def case(name, description, change=None, expect=(), snapshot=None, options=None, raw=None):
    s = copy.deepcopy(BASE) if snapshot is None else snapshot
    if change:
        change(s)
    c = {"name": name, "description": description}
    if raw is not None:
        c["input"] = raw
    else:
        c["snapshot"] = s
    if options:
        c["options"] = options
    c["expect"] = [{"code": code, "path": path} for code, path in expect]
    CASES.append(c)


def news(i, last):
    return {"id": f"dt{i}", "title": f"动态{i}", "type": "news", "items": [{"title": "工作动态", "published": last}]}


case("clean", "a site with nothing wrong passes with no finding")

# Homepage: 14 days without an update; warnings from day 10.
case("homepage-stale", "last homepage update 14 days before the day checked: the two weeks hold no update",
     lambda s: s["homepage"].update(last_updated="2026-02-24"), [("site_homepage_stale", "/homepage")])
case("homepage-13-days", "13 days: not yet a veto, an early warning (1 day left)",
     lambda s: s["homepage"].update(last_updated="2026-02-25"), [("site_homepage_stale_warning", "/homepage")])
case("homepage-undated", "no dated homepage update counts as no update (未注明发布时间的视为不更新)",
     lambda s: s["homepage"].pop("last_updated"), [("site_homepage_stale", "/homepage")])

# Columns not updated: news 2 weeks, first-level notice/policy 6 months, 5 or more.
case("columns-stale-news", "five news columns last updated 2026-02-20 (18 days): five stale columns fail the site",
     lambda s: s["columns"].extend(news(i, "2026-02-20") for i in range(5)),
     [("site_columns_stale", f"/columns/{3 + i}") for i in range(5)])
case("columns-stale-four", "four stale news columns: below the count, a warning on each (the warning level is 3)",
     lambda s: s["columns"].extend(news(i, "2026-02-20") for i in range(4)),
     [("site_columns_stale_warning", f"/columns/{3 + i}") for i in range(4)])
case("columns-stale-notice", "four stale news columns and a first-level notice column last updated 2025-09-10 (6 months on 2026-03-10)",
     lambda s: (s["columns"].extend(news(i, "2026-02-20") for i in range(4)),
                s["columns"][1]["items"][0].update(published="2025-09-10")),
     [("site_columns_stale", "/columns/1")] + [("site_columns_stale", f"/columns/{3 + i}") for i in range(4)])
case("columns-stale-second-level", "a second-level notice column is not counted by the 6-month rule",
     lambda s: (s["columns"].extend(news(i, "2026-02-20") for i in range(4)),
                s["columns"][1].update(level=2), s["columns"][1]["items"][0].update(published="2025-01-10")),
     [("site_columns_stale_warning", f"/columns/{3 + i}") for i in range(4)])

# Long stale: 10 or more columns past their own update cycle.
case("columns-long-stale", "ten columns to be updated every 30 days, last updated 2026-02-01",
     lambda s: s["columns"].extend({"id": f"rs{i}", "title": f"人事信息{i}", "type": "other", "update_days": 30,
                                    "items": [{"title": "任免", "published": "2026-02-01"}]} for i in range(10)),
     [("site_columns_long_stale", f"/columns/{3 + i}") for i in range(10)])

# Blank columns: 5 or more.
case("columns-blank", "five columns with no content",
     lambda s: s["columns"].extend({"id": f"k{i}", "title": f"空栏目{i}", "type": "other", "items": []} for i in range(5)),
     [("site_columns_blank", f"/columns/{3 + i}") for i in range(5)])
case("columns-blank-two", "two blank columns: the warning level",
     lambda s: s["columns"].extend({"id": f"k{i}", "title": f"空栏目{i}", "type": "other", "items": []} for i in range(2)),
     [("site_columns_blank_warning", f"/columns/{3 + i}") for i in range(2)])

# Interaction.
case("message-unanswered", "a valid consultation message received 2025-12-01 still open on 2026-03-10: over 3 months (and past the 5-working-day limit)",
     lambda s: s["messages"].append({"id": "ly-2", "column": "zxzx", "received": "2025-12-01T10:00"}),
     [("site_messages_unanswered", "/messages/1"), ("site_interaction_overdue", "/messages/1")])
case("message-unanswered-petition", "a petition column's message is excluded from the veto and from the consultation deadlines",
     lambda s: (s["columns"].append({"id": "xf", "title": "网上信访", "type": "petition"}),
                s["messages"].append({"id": "xf-1", "column": "xf", "received": "2025-10-01T10:00"})))
case("message-invalid", "an invalid message (spam) is not counted",
     lambda s: s["messages"].append({"id": "ly-2", "column": "zxzx", "received": "2025-10-01T10:00", "valid": False}))
case("no-interaction-channel", "no consultation column: no channel for questions (petition channels do not count)",
     lambda s: (s["columns"].__setitem__(2, {"id": "zxzx", "title": "网上信访", "type": "petition"}), s.update(messages=[])),
     [("site_no_interaction_channel", "/columns")])
case("reply-slow", "received Thursday 2026-02-12, answered 2026-02-27: five working days end 2026-02-26 (15–23 Feb off, 14 Feb worked)",
     lambda s: s["messages"].append({"id": "ly-2", "column": "zxzx", "received": "2026-02-12T09:00",
                                     "responded": "2026-02-13T09:00", "replied": "2026-02-27T09:00"}),
     [("site_reply_slow", "/messages/1")])
case("reply-on-time-over-festival", "the same message answered 2026-02-26 is on time",
     lambda s: s["messages"].append({"id": "ly-2", "column": "zxzx", "received": "2026-02-12T09:00",
                                     "responded": "2026-02-13T09:00", "replied": "2026-02-26T17:00"}))
case("response-late", "first response 72 hours and one minute after receipt, over a weekend: hours on the clock",
     lambda s: s["messages"].append({"id": "ly-2", "column": "zxzx", "received": "2026-03-06T18:00",
                                     "responded": "2026-03-09T18:01", "replied": "2026-03-10T09:00"}),
     [("site_interaction_response_late", "/messages/1")])
case("close-late-overlay", "the county's own rule closes messages in 3 working days: answered on the 4th",
     lambda s: s["messages"].append({"id": "ly-2", "column": "zxzx", "received": "2026-03-02T09:00",
                                     "responded": "2026-03-02T15:00", "replied": "2026-03-06T09:00"}),
     [("site_interaction_close_late", "/messages/1"),
      # The base message, answered 25 hours after receipt, is now over the county's 24 hours.
      ("site_interaction_response_late", "/messages/0")],
     options={"overlays": ["overlays/county-rules.yaml"]})

# Accounts.
case("account-stale", "a WeChat account with no post since 2026-02-24",
     lambda s: s["accounts"][0].update(last_post="2026-02-24"), [("site_account_stale", "/accounts/0")])
case("account-no-interaction", "an account without a working interaction function",
     lambda s: s["accounts"][0].update(interaction=False), [("site_account_no_interaction", "/accounts/0/interaction")])

# Availability and serious errors.
case("site-unavailable", "9 of 168 visits in a week did not open within 15 seconds (5.4%)",
     lambda s: s.update(availability={"visits": 168, "failed": 9}), [("site_site_unavailable", "/availability")])
case("site-unavailable-warning", "6 of 168 (3.6%): the warning level is 3%",
     lambda s: s.update(availability={"visits": 168, "failed": 6}), [("site_site_unavailable_warning", "/availability")])
case("serious-error", "an inspector recorded a forged publication date on the first news item",
     lambda s: s.update(incidents=[{"type": "forged_date", "at": "/columns/0/items/0", "note": "发稿日期晚于实际"}]),
     [("site_serious_error", "/columns/0/items/0")])

# Deductions.
case("personal-data", "a published list shows a full identity-card number",
     lambda s: s["columns"][1]["items"][0].update(text="低保对象：张某某，身份证号110101199003071233"),
     [("site_personal_data_exposed", "/columns/1/items/0/text")])
case("interpretation-one-way", "the policy links to its interpretation, the interpretation does not link back",
     lambda s: s.update(policies=[{"id": "zc-1", "title": "某县实施办法", "interpretation": "jd-1"}],
                        interpretations=[{"id": "jd-1", "title": "《某县实施办法》解读"}]),
     [("site_interpretation_unlinked", "/interpretations/0/policy")])
case("interpretation-both-ways", "linked both ways: no finding",
     lambda s: s.update(policies=[{"id": "zc-1", "title": "某县实施办法", "interpretation": "jd-1"}],
                        interpretations=[{"id": "jd-1", "title": "《某县实施办法》解读", "policy": "zc-1"}]))

# Bad input.
case("input-unknown-column-type", "a column type outside the list",
     lambda s: s["columns"].append({"id": "bk", "title": "博客", "type": "blog", "items": [{"title": "x", "published": "2026-03-01"}]}),
     [("site_unknown_column_type", "/columns/3/type")])
case("input-replied-before-received", "a reply dated before the message was received",
     lambda s: s["messages"][0].update(replied="2026-03-01T10:00"), [("site_dates_out_of_order", "/messages/0/replied")])
case("input-message-without-column", "a message with no column, and one naming a column not in the snapshot",
     lambda s: s["messages"].extend([{"id": "ly-2", "received": "2026-03-05T10:00"},
                                     {"id": "ly-3", "column": "nowhere", "received": "2026-03-05T10:00"}]),
     [("site_message_without_column", "/messages/1/column"), ("site_message_without_column", "/messages/2/column")])
case("input-duplicate-ids", "two columns and two messages with the same id",
     lambda s: (s["columns"].append({"id": "yw", "title": "要闻2", "type": "news", "items": [{"title": "x", "published": "2026-03-09"}]}),
                s["messages"].append({"id": "ly-1", "column": "zxzx", "received": "2026-03-05T10:00", "replied": "2026-03-05T12:00"})),
     [("site_duplicate_id", "/columns/3/id"), ("site_duplicate_id", "/messages/1/id")])
case("input-bad-date", "a date written 2026/03/01 and a time that is not one",
     lambda s: (s["columns"][0]["items"].append({"title": "x", "published": "2026/03/01"}),
                s["messages"][0].update(received="yesterday")),
     [("site_invalid_value", "/columns/0/items/1/published"), ("site_invalid_value", "/messages/0/received")])
case("input-future-date", "an item dated after the day checked",
     lambda s: s["columns"][0]["items"].append({"title": "x", "published": "2026-03-20"}),
     [("site_dates_out_of_order", "/columns/0/items/1/published")])
case("input-not-a-snapshot", "a JSON array is not a snapshot", raw="[1, 2, 3]", expect=[("site_invalid_snapshot", "")])
case("input-not-json", "text that is not JSON", raw="{\"kind\": \"site\",", expect=[("site_invalid_snapshot", "")])
case("input-no-day", "no as_of in the snapshot and none given", lambda s: s.pop("as_of"), [("site_missing_field", "/as_of")])
case("as-of-option", "the as_of option overrides the snapshot's day: 2026-03-23 is 14 days after the homepage update",
     lambda s: None, [("site_homepage_stale", "/homepage"), ("site_account_stale", "/accounts/0")],
     options={"as_of": "2026-03-23"})


def main():
    for f in os.listdir(HERE):
        if f.endswith(".json"):
            os.remove(os.path.join(HERE, f))
    names = set()
    for c in CASES:
        assert c["name"] not in names, c["name"]
        names.add(c["name"])
        with open(os.path.join(HERE, c["name"] + ".json"), "w", encoding="utf-8") as fh:
            json.dump(c, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    print(f"{len(CASES)} site cases")


if __name__ == "__main__":
    main()
