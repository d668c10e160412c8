//! Channels (公开渠道和载体): at least one, and each among the item's catalogue channels.

use super::Ctx;
use crate::check::codes::{CHANNEL_NOT_IN_CATALOGUE, CHANNELS_MISSING};
use crate::diagnostics::{Diagnostic, index_pointer, message};
use crate::model::Text;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let channels = ctx.rec.channels.as_deref().unwrap_or(&[]);
    if channels.is_empty() {
        out.push(
            Diagnostic::new(
                &CHANNELS_MISSING,
                "/channels",
                Text::new("未说明公开渠道", "no publication channel is given"),
            )
            .with_help(Text::new(
                "列出发布渠道，如 `government_website`（政府网站）",
                "list the channels, e.g. `government_website`",
            )),
        );
        return;
    }
    let (Some(item), Some(texts)) = (ctx.item, ctx.texts) else { return };
    if item.channels.is_empty() {
        return;
    }
    for &(i, ch) in channels {
        if !item.channels.iter().any(|c| c == ch) {
            out.push(
                Diagnostic::new(
                    &CHANNEL_NOT_IN_CATALOGUE,
                    channel_pointer(i),
                    message!(
                        "渠道 `{0}` 不在事项 `{1}` 的公开渠道中（{2}）",
                        "channel `{0}` is not among the channels of item `{1}` ({2})",
                        ch,
                        &texts.id,
                        &texts.channels
                    ),
                )
                .with_help(texts.channels_help.message()),
            );
        }
    }
}

/// The help of [`CHANNEL_NOT_IN_CATALOGUE`] for an item with `channels` (quoted as a list).
pub(crate) fn help(channels: &std::sync::Arc<str>) -> crate::diagnostics::Message {
    message!("同时在目录规定的渠道发布：{0}", "also publish on the catalogue's channels: {0}", channels)
}

/// `/channels/i`: lent for the first few (a record names one or two channels), else made.
fn channel_pointer(i: usize) -> std::borrow::Cow<'static, str> {
    const FIRST: [&str; 4] = ["/channels/0", "/channels/1", "/channels/2", "/channels/3"];
    match FIRST.get(i) {
        Some(&p) => p.into(),
        None => index_pointer("/channels", i).into(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn channel_pointers_are_the_element_pointers() {
        for i in 0..12 {
            assert_eq!(super::channel_pointer(i), format!("/channels/{i}"));
        }
    }
}
