//! Information processing fees (信息处理费, 国办函〔2020〕109号). Owned by the calendar work (issue 4).
