#!/usr/bin/env python3
"""Generate the labelled screening corpus: realistic Chinese government-text paragraphs with
valid identifiers and near-misses inserted, each positive labelled with its kind and its span in
Unicode scalars (Python str indices).

    python3 scripts/gen_corpus.py [--paragraphs 2400] [--seed 20250501] [-o tests/corpus/corpus.jsonl]

Deterministic for a given seed. Label kinds: resident_id, resident_id_legacy, mobile, bank_card,
email, passport, travel_permit, vehicle_plate, credit_code, classified_marking, internal_marking,
organisational_contact. Near-misses carry no label: a finding on one is a false positive.
"""

import argparse
import json
import random
import string

REGIONS = ["110105", "110108", "310101", "310115", "320102", "330106", "340524", "370102", "420102",
           "440305", "440524", "450103", "510104", "530102", "610113", "620102", "650102", "230103",
           "210102", "130102", "410105", "430102", "360102", "350102", "500103", "520102", "640104"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅志强晓东海燕玉兰淑珍"
RARE = ["𠮷", "𡈼", "𪚥", "𠀀"]  # CJK Ext-B characters (astral plane) as they occur in names
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
MOBILE_PREFIXES = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147",
                   "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "170", "171",
                   "173", "175", "176", "177", "178", "180", "181", "182", "183", "184", "185", "186",
                   "187", "188", "189", "191", "193", "195", "196", "197", "198", "199"]
CARD_BINS = ["622202", "621700", "622848", "621483", "622588", "436742", "625965", "356833", "524094"]
DOMAINS = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "outlook.com", "gmail.com", "139.com"]
PINYIN = ["zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
          "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "wei", "jun", "hua", "ming", "fang"]

FILLER = [
    "为进一步做好政府信息公开工作，根据《中华人民共和国政府信息公开条例》有关规定，现将有关事项通知如下。",
    "各区人民政府，市政府各委、办、局，各有关单位：",
    "本机关认真贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，不断提升政务公开质量和实效。",
    "经审查，当事人的上述行为违反了《中华人民共和国行政许可法》第八十一条的规定。",
    "依据《中华人民共和国行政处罚法》第二十八条的规定，责令当事人改正违法行为，并处罚款。",
    "如不服本处罚决定，可在收到本决定书之日起六十日内向市人民政府申请行政复议，也可以在六个月内依法提起行政诉讼。",
    "拟录用人员名单公示如下，公示期为五个工作日，公示期间如有异议，可以书面形式实名反映。",
    "根据考试成绩和综合评价结果，经研究决定，以下人员进入体检环节。",
    "本年度共收到政府信息公开申请一百二十三件，全部按期答复，未发生逾期答复情况。",
    "各单位要高度重视，明确责任分工，确保各项工作任务按时保质完成。",
    "财政预算、决算信息应当在批准后二十日内向社会公开，并对重要事项作出说明。",
    "申请人可以通过信函、传真、网上申请等方式提出政府信息公开申请。",
    "对申请公开的政府信息，行政机关能够当场答复的，应当当场予以答复。",
    "本通知自印发之日起施行，有效期五年，此前有关规定与本通知不一致的，以本通知为准。",
    "特此公告。",
    "附件：相关材料清单（共三页）。",
    "经复核，该户家庭人均收入低于当地最低生活保障标准，符合申请条件，予以批准。",
    "招标人对本次采购活动中涉及的商业秘密和国家秘密负有保密义务，不得泄露。",
    "涉及工作秘密的内容，应当按照有关规定在公开前进行审查。",
    "城市更新项目涉及房屋征收的，应当依法公开征收补偿方案和补偿标准。",
    "全年共组织开展执法检查四十二次，立案查处违法案件十七起，结案率百分之百。",
    "现就做好二〇二四年度行政许可事项清单动态调整工作通知如下。",
    "请各单位于本月底前将自查报告报送市政务公开办公室，逾期未报的予以通报。",
    "会议强调，要坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。",
    "本单位内部文件不予公开的理由已在答复书中作出说明。",
    "项目总投资约人民币三亿元，其中财政资金占百分之四十。",
    "发挥政务公开平台作用，及时回应社会关切，增强政府公信力。",
    "区民政局联合街道办事处开展困难群众走访慰问活动，共走访困难家庭八十六户。",
]

NEAR_MISSES = [
    lambda r: f"京政发〔{r.randint(2015, 2025)}〕{r.randint(1, 60)}号",
    lambda r: f"国办函〔{r.randint(2015, 2025)}〕{r.randint(1, 120)}号",
    lambda r: f"{r.randint(2015, 2025)}年{r.randint(1, 12)}月{r.randint(1, 28)}日",
    lambda r: f"{r.randint(2015, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    lambda r: f"罚款人民币{r.randint(1, 999)},{r.randint(0, 999):03d}.{r.randint(0, 99):02d}元",
    lambda r: f"金额{r.randint(10000, 99999999)}元",
    lambda r: f"订单号：{r.randint(2015, 2025)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(10**9, 10**10 - 1)}",
    lambda r: f"交易流水号{r.randint(2015, 2025)}{mobile_digits(r)}{r.randint(100, 999)}",
    lambda r: f"业务编号{r.choice('0123')}{resident_id(r)}{r.randint(10, 99)}",
    lambda r: f"案卷号{r.randint(2015, 2025)}-{mobile_digits(r)}-{r.randint(1, 99):02d}",
    lambda r: f"办公电话：0{r.randint(10, 999)}-{r.randint(10**7, 10**8 - 1)}",
    lambda r: f"传真：0{r.randint(10, 99)}-{r.randint(1000, 9999)} {r.randint(1000, 9999)}",
    lambda r: f"邮政编码{r.randint(100000, 850000)}",
    lambda r: f"身份证号{mask_id(resident_id(r))}",
    lambda r: f"手机号{mask_mobile(mobile_digits(r))}",
    lambda r: f"卡号尾号{r.randint(1000, 9999)}",
    lambda r: f"银行卡号************{r.randint(1000, 9999)}",
    lambda r: f"号码{bad_check_id(r)}",
    lambda r: f"卡号{bad_luhn_card(r)}",
    lambda r: "执行GB 11643-1999标准",
    lambda r: f"第{r.randint(1, 99)}号令",
    lambda r: f"时间戳{r.randint(1600000000000, 1799999999999)}",
    lambda r: "依法保守国家秘密、商业秘密和个人隐私",
    lambda r: f"G{r.randint(1, 9999)}次列车",
    lambda r: f"账户余额{r.randint(1, 99)}.{r.randint(10**8, 10**9 - 1)}",
    lambda r: f"文号：沪府规〔{r.randint(2018, 2025)}〕{r.randint(1, 30)}号",
]


def mobile_digits(r):
    return r.choice(MOBILE_PREFIXES) + "".join(r.choice(string.digits) for _ in range(8))


def id_check(body):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(d) * x for d, x in zip(body, w)) % 11]


def birth(r, lo=1930, hi=2010):
    y = r.randint(lo, hi)
    m = r.randint(1, 12)
    d = r.randint(1, 28)
    return y, m, d


def resident_id(r):
    y, m, d = birth(r, 1880, 2010) if r.random() < 0.03 else birth(r)
    body = f"{r.choice(REGIONS)}{y:04d}{m:02d}{d:02d}{r.randint(0, 999):03d}"
    return body + id_check(body)


def bad_check_id(r):
    good = resident_id(r)
    wrong = r.choice([c for c in "0123456789X" if c != good[-1]])
    return good[:-1] + wrong


def legacy_id(r):
    y, m, d = birth(r, 1930, 1999)
    return f"{r.choice(REGIONS)}{y % 100:02d}{m:02d}{d:02d}{r.randint(0, 999):03d}"


def mask_id(v):
    return v[:6] + "*" * (len(v) - 10) + v[-4:]


def mask_mobile(v):
    return v[:3] + "****" + v[-4:]


def luhn_complete(prefix_and_body):
    digits = [int(c) for c in prefix_and_body + "0"]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix_and_body + str((10 - total % 10) % 10)


def card(r):
    n = r.choice([16, 19])
    body = r.choice(CARD_BINS)
    body += "".join(r.choice(string.digits) for _ in range(n - 1 - len(body)))
    return luhn_complete(body)


def bad_luhn_card(r):
    good = card(r)
    return good[:-1] + str((int(good[-1]) + r.randint(1, 9)) % 10)


CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(r):
    body = r.choice(["91", "92", "93", "11", "12", "13", "51", "52", "53", "Y1"])
    body += r.choice(REGIONS)
    body += "".join(r.choice(CREDIT_CHARS) for _ in range(9))
    w = [pow(3, i, 31) for i in range(17)]
    c = (31 - sum(CREDIT_CHARS.index(ch) * x for ch, x in zip(body, w)) % 31) % 31
    return body + CREDIT_CHARS[c]


def plate(r):
    p = r.choice(PROVINCES) + r.choice(PLATE_LETTERS)
    if r.random() < 0.2:
        return p + r.choice("DF") + "".join(r.choice(string.digits) for _ in range(5))
    tail = [r.choice(string.digits) for _ in range(5)]
    for i in r.sample(range(5), r.randint(0, 2)):
        tail[i] = r.choice(PLATE_LETTERS)
    return p + "".join(tail)


def name(r):
    given = "".join(r.choice(GIVEN) for _ in range(r.randint(1, 2)))
    if r.random() < 0.05:
        given = r.choice(RARE) + given[:1]
    return r.choice(SURNAMES) + given


def mobile_formatted(r):
    m = mobile_digits(r)
    style = r.randrange(6)
    if style == 0:
        return f"+86 {m}"
    if style == 1:
        return f"{m[:3]}-{m[3:7]}-{m[7:]}"
    if style == 2:
        return f"{m[:3]} {m[3:7]} {m[7:]}"
    if style == 3:
        return f"0086-{m}"
    return m


def card_formatted(r):
    c = card(r)
    if r.random() < 0.3:
        return " ".join(c[i:i + 4] for i in range(0, len(c), 4))
    return c


def email(r):
    local = r.choice(PINYIN) + r.choice(["", ".", "_"]) + r.choice(PINYIN) + str(r.randint(0, 9999))
    return f"{local}@{r.choice(DOMAINS)}"


def passport(r):
    if r.random() < 0.5:
        return "E" + "".join(r.choice(string.digits) for _ in range(8))
    if r.random() < 0.5:
        return "E" + r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + "".join(r.choice(string.digits) for _ in range(7))
    return "G" + "".join(r.choice(string.digits) for _ in range(8))


def travel_permit(r):
    return "C" + "".join(r.choice(string.digits) for _ in range(8))


# Sentences carrying a positive: (template with {v}, kind, value generator).
POSITIVES = [
    ("当事人{n}，身份证号：{v}，住址：{a}。", "resident_id", resident_id),
    ("{n}（公民身份号码{v}）未按规定办理相关手续。", "resident_id", resident_id),
    ("申请人{n}，证件号码{v}。", "resident_id", resident_id),
    ("原身份证号{v}已换发新证。", "resident_id_legacy", legacy_id),
    ("联系电话：{v}。", "mobile", mobile_formatted),
    ("{n}，手机{v}，系该店经营者。", "mobile", mobile_formatted),
    ("如有疑问请联系{n}同志，电话{v}。", "mobile", mobile_formatted),
    ("补贴资金已发放至银行卡号{v}。", "bank_card", card_formatted),
    ("退款账号：{v}（{n}）。", "bank_card", card_formatted),
    ("{n}的电子邮箱为{v}。", "email", email),
    ("请将材料发送至{v}，联系人{n}。", "email", email),
    ("{n}持护照（护照号{v}）入境。", "passport", passport),
    ("往来港澳通行证号码：{v}。", "travel_permit", travel_permit),
    ("车牌号{v}的小型汽车在禁停路段停放。", "vehicle_plate", plate),
    ("涉案车辆号牌为{v}，已依法扣留。", "vehicle_plate", plate),
    ("统一社会信用代码：{v}。", "credit_code", credit_code),
    ("咨询电话：{v}。", "organisational_contact", mobile_digits),
    ("监督举报电话：{v}（工作日）。", "organisational_contact", mobile_digits),
]

# (before, labelled marking, after): the label covers what a reader would black out.
MARKINGS = [
    ("", "秘密★{p}", "", "classified_marking"),
    ("", "机密★{p}", "", "classified_marking"),
    ("", "绝密★{p}", "", "classified_marking"),
    ("密级：", "机密", "", "classified_marking"),
    ("", "机密", "", "classified_marking"),
    ("", "内部资料，注意保存", "", "internal_marking"),
    ("【", "内部资料", "】", "internal_marking"),
    ("", "内部文件 注意保存", "", "internal_marking"),
]

ADDRESSES = ["北京市朝阳区建国路88号", "上海市浦东新区世纪大道100号", "广州市天河区体育西路2号",
             "成都市武侯区人民南路四段1号", "杭州市西湖区文三路90号"]


def paragraph(r):
    pieces = []  # (text, label kind or None)
    if r.random() < 0.12:
        before, marking, after, kind = r.choice(MARKINGS)
        period = r.choice(["1年", "10年", "20年", "6个月", "长期", "30年"])
        pieces.append((before, None))
        pieces.append((marking.format(p=period), kind))
        pieces.append((after + "\n", None))
    sentences = r.randint(3, 8)
    for _ in range(sentences):
        roll = r.random()
        if roll < 0.35:
            template, kind, gen = r.choice(POSITIVES)
            value = gen(r)
            before, after = template.split("{v}")
            who = name(r)
            pieces.append((before.format(n=who, a=r.choice(ADDRESSES)), None))
            pieces.append((value, kind))
            pieces.append((after.format(n=who, a=r.choice(ADDRESSES)), None))
        elif roll < 0.6:
            filler = r.choice(FILLER)
            cut = r.randint(0, len(filler) - 1)
            pieces.append((filler[:cut] + "（" + r.choice(NEAR_MISSES)(r) + "）" + filler[cut:], None))
        else:
            pieces.append((r.choice(FILLER), None))
    text = ""
    labels = []
    for piece, kind in pieces:
        if kind is not None:
            labels.append({"kind": kind, "start": len(text), "end": len(text) + len(piece)})
        text += piece
    return {"text": text, "labels": labels}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=2400)
    ap.add_argument("--seed", type=int, default=20250501)
    ap.add_argument("-o", "--output", default="tests/corpus/corpus.jsonl")
    args = ap.parse_args()
    r = random.Random(args.seed)
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        for _ in range(args.paragraphs):
            out.write(json.dumps(paragraph(r), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
