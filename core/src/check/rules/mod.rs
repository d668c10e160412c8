//! One module per rule family; each adds diagnostics for one concern.

use super::CheckOptions;
use super::compiled::ItemTexts;
use super::record::Publication;
use crate::Catalogue;
use crate::diagnostics::Diagnostic;
use crate::model::Item;

pub(crate) mod annual_report;
pub(crate) mod channels;
pub(crate) mod dates;
pub(crate) mod disclosure;
pub(crate) mod document_number;
pub(crate) mod fields;
pub(crate) mod interpretation;
pub(crate) mod review;
pub(crate) mod screening;
pub(crate) mod timeliness;
pub(crate) mod withdrawal;

/// What every rule sees: the catalogue, the options, the record and its item (when known).
pub(crate) struct Ctx<'a> {
    #[allow(dead_code)] // kept for rules that look up other catalogue data
    pub cat: &'a Catalogue,
    pub opts: &'a CheckOptions,
    pub rec: &'a Publication<'a>,
    pub item: Option<&'a Item>,
    /// The item's texts, for diagnostics to lend.
    pub texts: Option<&'a ItemTexts>,
}

pub(crate) type Rule = fn(&Ctx<'_>, &mut Vec<Diagnostic>);

/// The rules, in the order their diagnostics are reported (fields run first, in the engine).
pub(crate) static RULES: &[Rule] = &[
    document_number::check,
    channels::check,
    timeliness::check,
    review::check,
    interpretation::check,
    disclosure::check,
    dates::check,
    withdrawal::check,
    screening::check,
];
