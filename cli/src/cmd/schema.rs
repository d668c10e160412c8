//! `gongkai schema record|template|overlay|grounds|institutions|item ID`.

use std::process::ExitCode;

use gongkai::Catalogue;

use crate::output::{CmdResult, print_json};

#[derive(clap::Args)]
pub struct Args {
    /// Which schema: `record`, `template`, `overlay`, `grounds`, `institutions`, or `item`.
    what: String,
    /// The item id, for `item`.
    id: Option<String>,
}

pub fn run(args: Args) -> CmdResult {
    let cat = Catalogue::embedded();
    let value = match args.what.as_str() {
        "item" => {
            let id = args.id.ok_or("`schema item` needs an item id, e.g. `gongkai schema item admin.art20.01`")?;
            gongkai::facade::item_schema_with(cat, &id)
                .map_err(|e| format!("{}: `gongkai catalogue list` shows the ids", e.message))?
        }
        // template, overlay, grounds, institutions, record, … : the committed files' own text
        other => {
            let name = format!("{other}.schema.json");
            match gongkai::registry::generated_files(cat).into_iter().find(|(n, _)| *n == name) {
                Some((_, text)) => serde_json::from_str(&text)?,
                None => {
                    return Err(format!(
                        "unknown schema `{other}`: expected record, template, overlay, grounds, institutions or item ID"
                    )
                    .into());
                }
            }
        }
    };
    print_json(&value)?;
    Ok(ExitCode::SUCCESS)
}
