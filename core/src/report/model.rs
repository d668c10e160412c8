//! The annual report (政府信息公开工作年度报告) as data: tables 二, 三 and 四 of the uniform
//! format, 2021 (国办公开办函〔2021〕30号) or 2019 trial (国办公开办函〔2019〕60号).
//!
//! Cells are counts; a blank cell (`null`, absent, `""`, `"-"`, `"—"`, `"/"`) is kept as blank so
//! the checks can flag it and count it as 0.

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Which version of the uniform format a report follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub enum ReportFormat {
    /// 国办公开办函〔2021〕30号, used for reports on 2021 and later.
    #[default]
    #[serde(rename = "2021")]
    F2021,
    /// 国办公开办函〔2019〕60号 (试行), used for reports on 2019 and 2020: row (六) has no sub-rows.
    #[serde(rename = "2019")]
    F2019,
}

impl ReportFormat {
    /// The notice that sets the format.
    pub fn instrument(self) -> &'static str {
        match self {
            ReportFormat::F2021 => "国办公开办函〔2021〕30号",
            ReportFormat::F2019 => "国办公开办函〔2019〕60号",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::F2021 => "2021",
            ReportFormat::F2019 => "2019",
        }
    }
}

/// One cell: a count as printed, or blank.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cell(pub Option<f64>);

impl Cell {
    pub const BLANK: Cell = Cell(None);

    pub fn count(n: u64) -> Cell {
        Cell(Some(n as f64))
    }

    pub fn is_blank(&self) -> bool {
        self.0.is_none()
    }

    /// The value, blank counted as 0.
    pub fn value(self) -> f64 {
        self.0.unwrap_or(0.0)
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            None => s.serialize_none(),
            Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => s.serialize_i64(v as i64),
            Some(v) => s.serialize_f64(v),
        }
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(f64),
            Text(String),
            Null,
        }
        match Option::<Raw>::deserialize(d)? {
            None | Some(Raw::Null) => Ok(Cell::BLANK),
            Some(Raw::Number(n)) => Ok(Cell(Some(n))),
            Some(Raw::Text(t)) => {
                let t = t.trim();
                if matches!(t, "" | "-" | "—" | "——" | "/" | "／" | "无") {
                    return Ok(Cell::BLANK);
                }
                let digits: String = t.chars().filter(|c| *c != ',' && *c != '，').collect();
                digits
                    .parse::<f64>()
                    .map(|n| Cell(Some(n)))
                    .map_err(|_| serde::de::Error::custom(format!("expected a count or a blank cell, found `{t}`")))
            }
        }
    }
}

impl JsonSchema for Cell {
    fn schema_name() -> Cow<'static, str> {
        "Cell".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A count (a whole number ≥ 0). `null` or a missing key is a blank cell: flagged, counted as 0.",
            "anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}]
        })
    }
}

/// The seven applicant columns of table 三 (申请人情况).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Row {
    /// 自然人
    pub natural_person: Cell,
    /// 法人或其他组织 — 商业企业
    pub commercial: Cell,
    /// 法人或其他组织 — 科研机构
    pub research: Cell,
    /// 法人或其他组织 — 社会公益组织
    pub social_welfare: Cell,
    /// 法人或其他组织 — 法律服务机构
    pub legal_services: Cell,
    /// 法人或其他组织 — 其他
    pub other: Cell,
    /// 总计
    pub total: Cell,
}

/// A column of table 三.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Column {
    NaturalPerson,
    Commercial,
    Research,
    SocialWelfare,
    LegalServices,
    Other,
    Total,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::NaturalPerson,
        Column::Commercial,
        Column::Research,
        Column::SocialWelfare,
        Column::LegalServices,
        Column::Other,
        Column::Total,
    ];
    /// The six applicant types whose sum is 总计.
    pub const APPLICANTS: [Column; 6] = [
        Column::NaturalPerson,
        Column::Commercial,
        Column::Research,
        Column::SocialWelfare,
        Column::LegalServices,
        Column::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Column::NaturalPerson => "natural_person",
            Column::Commercial => "commercial",
            Column::Research => "research",
            Column::SocialWelfare => "social_welfare",
            Column::LegalServices => "legal_services",
            Column::Other => "other",
            Column::Total => "total",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Column::NaturalPerson => "自然人",
            Column::Commercial => "商业企业",
            Column::Research => "科研机构",
            Column::SocialWelfare => "社会公益组织",
            Column::LegalServices => "法律服务机构",
            Column::Other => "其他",
            Column::Total => "总计",
        }
    }

    /// The column of a request record's applicant type.
    pub fn of(applicant: crate::deadlines::ApplicantType) -> Column {
        use crate::deadlines::ApplicantType as A;
        match applicant {
            A::NaturalPerson => Column::NaturalPerson,
            A::Commercial => Column::Commercial,
            A::Research => Column::Research,
            A::SocialWelfare => Column::SocialWelfare,
            A::LegalServices => Column::LegalServices,
            A::Other => Column::Other,
        }
    }
}

impl Row {
    pub fn get(&self, c: Column) -> Cell {
        match c {
            Column::NaturalPerson => self.natural_person,
            Column::Commercial => self.commercial,
            Column::Research => self.research,
            Column::SocialWelfare => self.social_welfare,
            Column::LegalServices => self.legal_services,
            Column::Other => self.other,
            Column::Total => self.total,
        }
    }

    pub fn get_mut(&mut self, c: Column) -> &mut Cell {
        match c {
            Column::NaturalPerson => &mut self.natural_person,
            Column::Commercial => &mut self.commercial,
            Column::Research => &mut self.research,
            Column::SocialWelfare => &mut self.social_welfare,
            Column::LegalServices => &mut self.legal_services,
            Column::Other => &mut self.other,
            Column::Total => &mut self.total,
        }
    }

    /// A row of zeros (every cell filled).
    pub fn zeros() -> Row {
        let mut r = Row::default();
        for c in Column::ALL {
            *r.get_mut(c) = Cell::count(0);
        }
        r
    }

    /// Add one to an applicant column and to 总计.
    pub fn add_one(&mut self, c: Column) {
        let cell = self.get_mut(c);
        *cell = Cell(Some(cell.value() + 1.0));
        self.total = Cell(Some(self.total.value() + 1.0));
    }
}

/// Which formats a row of table 三 belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowFormats {
    Both,
    Only2021,
    Only2019,
}

/// A row of table 三: JSON key, label as printed, whether it is an outcome row (counted in （七）总计),
/// and which formats have it.
#[derive(Clone, Copy, Debug)]
pub struct RowSpec {
    pub key: &'static str,
    pub label: &'static str,
    pub outcome: bool,
    pub formats: RowFormats,
}

impl RowSpec {
    pub fn in_format(&self, f: ReportFormat) -> bool {
        match self.formats {
            RowFormats::Both => true,
            RowFormats::Only2021 => f == ReportFormat::F2021,
            RowFormats::Only2019 => f == ReportFormat::F2019,
        }
    }
}

macro_rules! table3 {
    ($( $field:ident, $label:literal, $outcome:literal, $formats:ident; )*) => {
        /// Table 三 — requests received and handled (收到和处理政府信息公开申请情况): one [`Row`] per
        /// row of the printed table, keyed as `cn-law.md` §3.3 suggests. A missing row is a row of
        /// blank cells.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct Table3 {
            $(
                #[doc = $label]
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<Row>,
            )*
        }

        /// Every row of table 三 in printed order (both formats; see [`RowSpec::in_format`]).
        pub static TABLE3_ROWS: &[RowSpec] = &[
            $( RowSpec { key: stringify!($field), label: $label, outcome: $outcome, formats: RowFormats::$formats }, )*
        ];

        impl Table3 {
            /// A row by its key.
            pub fn row(&self, key: &str) -> Option<&Row> {
                match key {
                    $( stringify!($field) => self.$field.as_ref(), )*
                    _ => None,
                }
            }

            /// A row by its key, created blank when absent. `None` for an unknown key.
            pub fn row_mut(&mut self, key: &str) -> Option<&mut Row> {
                match key {
                    $( stringify!($field) => Some(self.$field.get_or_insert_with(Row::default)), )*
                    _ => None,
                }
            }
        }
    };
}

table3! {
    new, "一、本年新收政府信息公开申请数量", false, Both;
    carried_in, "二、上年结转政府信息公开申请数量", false, Both;
    r1_granted, "三、本年度办理结果（一）予以公开", true, Both;
    r2_partial, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", true, Both;
    r3_1, "（三）不予公开 1.属于国家秘密", true, Both;
    r3_2, "（三）不予公开 2.其他法律行政法规禁止公开", true, Both;
    r3_3, "（三）不予公开 3.危及“三安全一稳定”", true, Both;
    r3_4, "（三）不予公开 4.保护第三方合法权益", true, Both;
    r3_5, "（三）不予公开 5.属于三类内部事务信息", true, Both;
    r3_6, "（三）不予公开 6.属于四类过程性信息", true, Both;
    r3_7, "（三）不予公开 7.属于行政执法案卷", true, Both;
    r3_8, "（三）不予公开 8.属于行政查询事项", true, Both;
    r4_1, "（四）无法提供 1.本机关不掌握相关政府信息", true, Both;
    r4_2, "（四）无法提供 2.没有现成信息需要另行制作", true, Both;
    r4_3, "（四）无法提供 3.补正后申请内容仍不明确", true, Both;
    r5_1, "（五）不予处理 1.信访举报投诉类申请", true, Both;
    r5_2, "（五）不予处理 2.重复申请", true, Both;
    r5_3, "（五）不予处理 3.要求提供公开出版物", true, Both;
    r5_4, "（五）不予处理 4.无正当理由大量反复申请", true, Both;
    r5_5, "（五）不予处理 5.要求行政机关确认或重新出具已获取信息", true, Both;
    r6_1, "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", true, Only2021;
    r6_2, "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", true, Only2021;
    r6_3, "（六）其他处理 3.其他", true, Only2021;
    r6, "（六）其他处理", true, Only2019;
    r7_total, "（七）总计", false, Both;
    carried_out, "四、结转下年度继续办理", false, Both;
}

/// One group of table 四: 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CaseGroup {
    /// 结果维持
    pub upheld: Cell,
    /// 结果纠正
    pub corrected: Cell,
    /// 其他结果
    pub other: Cell,
    /// 尚未审结
    pub pending: Cell,
    /// 总计
    pub total: Cell,
}

impl CaseGroup {
    pub const PARTS: [(&'static str, &'static str); 4] =
        [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结")];

    pub fn get(&self, key: &str) -> Cell {
        match key {
            "upheld" => self.upheld,
            "corrected" => self.corrected,
            "other" => self.other,
            "pending" => self.pending,
            _ => self.total,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> &mut Cell {
        match key {
            "upheld" => &mut self.upheld,
            "corrected" => &mut self.corrected,
            "other" => &mut self.other,
            "pending" => &mut self.pending,
            _ => &mut self.total,
        }
    }

    pub fn zeros() -> CaseGroup {
        let z = Cell::count(0);
        CaseGroup { upheld: z, corrected: z, other: z, pending: z, total: z }
    }
}

/// Table 四 — administrative reconsideration and litigation (政府信息公开行政复议、行政诉讼情况).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Table4 {
    /// 行政复议
    pub reconsideration: CaseGroup,
    /// 行政诉讼 — 未经复议直接起诉
    pub litigation_direct: CaseGroup,
    /// 行政诉讼 — 复议后起诉
    pub litigation_after_reconsideration: CaseGroup,
}

impl Table4 {
    pub const GROUPS: [(&'static str, &'static str); 3] = [
        ("reconsideration", "行政复议"),
        ("litigation_direct", "行政诉讼（未经复议直接起诉）"),
        ("litigation_after_reconsideration", "行政诉讼（复议后起诉）"),
    ];

    pub fn group(&self, key: &str) -> &CaseGroup {
        match key {
            "litigation_direct" => &self.litigation_direct,
            "litigation_after_reconsideration" => &self.litigation_after_reconsideration,
            _ => &self.reconsideration,
        }
    }

    pub fn group_mut(&mut self, key: &str) -> &mut CaseGroup {
        match key {
            "litigation_direct" => &mut self.litigation_direct,
            "litigation_after_reconsideration" => &mut self.litigation_after_reconsideration,
            _ => &mut self.reconsideration,
        }
    }
}

/// One row of table 二. Columns differ by format: 2021 uses `issued`/`repealed`/`in_force` for
/// 规章 and 规范性文件, `decisions` for 许可/处罚/强制 and `amount` (万元) for 收费; 2019 uses
/// `made`/`published`/`published_total`, `previous_items`/`change`/`decisions`, and for
/// 政府集中采购 `projects`/`amount`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Table2Row {
    /// 2021: 本年制发件数
    #[serde(skip_serializing_if = "Cell::is_blank")]
    pub issued: Cell,
    /// 2021: 本年废止件数
    #[serde(skip_serializing_if = "Cell::is_blank")]
    pub repealed: Cell,
    /// 2021: 现行有效件数
    #[serde(skip_serializing_if = "Cell::is_blank")]
    pub in_force: Cell,
    /// 2019: 本年新制作数量
    #[serde(skip_serializing_if = "Cell::is_blank")]
    pub made: Cell,
    /// 2019: 本年新公开数量
    #[serde(skip_serializing_if = "Cell::is_blank")]
    pub published: Cell,
    /// 2019: 对外公开总数量
    #[serde(skip_serializing_if = "Cell::is_blank")]
    pub published_total: Cell,
    /// 2019: 上一年项目数量
    #[serde(skip_serializing_if = "Cell::is_blank")]
    pub previous_items: Cell,
    /// 2019: 本年增/减 (may be negative)
    #[serde(skip_serializing_if = "Cell::is_blank")]
    #[schemars(with = "Option<i64>")]
    pub change: Cell,
    /// 本年处理决定数量 (2021) / 处理决定数量 (2019)
    #[serde(skip_serializing_if = "Cell::is_blank")]
    pub decisions: Cell,
    /// 2019: 采购项目数量
    #[serde(skip_serializing_if = "Cell::is_blank")]
    pub projects: Cell,
    /// 本年收费金额 / 采购总金额, in 万元 (may have decimals)
    #[serde(skip_serializing_if = "Cell::is_blank")]
    #[schemars(with = "Option<f64>")]
    pub amount: Cell,
}

impl Table2Row {
    pub fn cells(&self) -> [(&'static str, Cell); 11] {
        [
            ("issued", self.issued),
            ("repealed", self.repealed),
            ("in_force", self.in_force),
            ("made", self.made),
            ("published", self.published),
            ("published_total", self.published_total),
            ("previous_items", self.previous_items),
            ("change", self.change),
            ("decisions", self.decisions),
            ("projects", self.projects),
            ("amount", self.amount),
        ]
    }
}

/// Table 二 — proactive disclosure (主动公开政府信息情况), by 条例 Art 20 item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Table2 {
    /// 第二十条第（一）项 规章
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<Table2Row>,
    /// 第二十条第（一）项 行政规范性文件 (2019: 规范性文件)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normative_documents: Option<Table2Row>,
    /// 第二十条第（五）项 行政许可
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licensing: Option<Table2Row>,
    /// 2019 only: 第二十条第（五）项 其他对外管理服务事项
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_services: Option<Table2Row>,
    /// 第二十条第（六）项 行政处罚
    #[serde(skip_serializing_if = "Option::is_none")]
    pub penalties: Option<Table2Row>,
    /// 第二十条第（六）项 行政强制
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enforcement: Option<Table2Row>,
    /// 第二十条第（八）项 行政事业性收费
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fees: Option<Table2Row>,
    /// 2019 only: 第二十条第（九）项 政府集中采购
    #[serde(skip_serializing_if = "Option::is_none")]
    pub procurement: Option<Table2Row>,
}

impl Table2 {
    /// (key, label, row) for each row present.
    pub fn rows(&self) -> Vec<(&'static str, &'static str, &Table2Row)> {
        let all = [
            ("rules", "规章", &self.rules),
            ("normative_documents", "行政规范性文件", &self.normative_documents),
            ("licensing", "行政许可", &self.licensing),
            ("other_services", "其他对外管理服务事项", &self.other_services),
            ("penalties", "行政处罚", &self.penalties),
            ("enforcement", "行政强制", &self.enforcement),
            ("fees", "行政事业性收费", &self.fees),
            ("procurement", "政府集中采购", &self.procurement),
        ];
        all.into_iter().filter_map(|(k, l, r)| r.as_ref().map(|r| (k, l, r))).collect()
    }

    /// The columns a row has in a format (`cn-law.md` §3.2).
    pub fn columns(format: ReportFormat, row: &str) -> &'static [&'static str] {
        match (format, row) {
            (ReportFormat::F2021, "rules" | "normative_documents") => &["issued", "repealed", "in_force"],
            (ReportFormat::F2021, "licensing" | "penalties" | "enforcement") => &["decisions"],
            (ReportFormat::F2021, "fees") => &["amount"],
            (ReportFormat::F2019, "rules" | "normative_documents") => &["made", "published", "published_total"],
            (ReportFormat::F2019, "licensing" | "other_services" | "penalties" | "enforcement") => {
                &["previous_items", "change", "decisions"]
            }
            (ReportFormat::F2019, "fees") => &["previous_items", "change"],
            (ReportFormat::F2019, "procurement") => &["projects", "amount"],
            _ => &[],
        }
    }
}

/// An annual report's tables and the facts needed to check it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnualReport {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version: `"2021"` (国办公开办函〔2021〕30号) or `"2019"` (国办公开办函〔2019〕60号).
    #[serde(default)]
    pub format: ReportFormat,
    /// The calendar year reported on (统计期限 1 January – 31 December).
    pub year: i32,
    /// The organ, e.g. `杭州市人民政府办公厅`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// `government` (due 31 March) or `department` (due 31 January): 条例 Art 49.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The date the report was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Table 二 (主动公开).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table2: Option<Table2>,
    /// Table 三 (依申请公开).
    #[serde(default)]
    pub table3: Table3,
    /// Table 四 (行政复议、行政诉讼).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table4: Option<Table4>,
}

impl AnnualReport {
    /// Parse a report from JSON; a syntax or shape error names the line and column.
    pub fn from_json(file: &str, text: &str) -> crate::Result<AnnualReport> {
        serde_json::from_str(text).map_err(|e| crate::Error::Json {
            location: crate::Location {
                file: file.to_owned(),
                line: Some(e.line() as u32),
                column: Some(e.column() as u32),
                path: None,
            },
            message: crate::diagnostics::wording::own_words(e.to_string().split(" at line ").next().unwrap_or("")).1,
        })
    }
}
