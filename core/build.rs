//! Embeds every file under `catalogues/` so the library works with no files at hand: each YAML
//! file is converted here to compact JSON, which the library parses at run time without a YAML
//! reader (smaller and faster to start, which the WebAssembly build needs). With the `yaml`
//! feature the YAML texts are embedded too, for linting and for tools that show the source.
//! The list is generated so that adding a catalogue file needs no code change.
//!
//! With the `compressed-data` feature (the WebAssembly build) the JSON texts are embedded as one
//! deflated block instead, inflated once on first use: a third of the size. It also writes the
//! members each record type declares, read from the committed `catalogues/schema/record.schema.json`
//! (generated from the Rust types and checked fresh by a test), so the record readers need no
//! schema generator at run time.

use std::{env, fs, path::Path};

fn collect(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "schema") {
                continue;
            }
            collect(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            let rel = path.strip_prefix(root).expect("under root").to_string_lossy().replace('\\', "/");
            out.push(rel);
        }
    }
}

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let root = Path::new(&manifest).join("../catalogues");
    let root = root.canonicalize().unwrap_or(root);
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let json_dir = Path::new(&out_dir).join("catalogues-json");
    let compressed = env::var_os("CARGO_FEATURE_COMPRESSED_DATA").is_some();
    let mut yaml_list = String::new();
    let mut json_list = String::new();
    let mut blob = String::new();
    for f in &files {
        let path = root.join(f);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        // A file that is not valid YAML is embedded as `null`: the library's loaders then fail
        // with the file's name, and the test suite (which lints the YAML text) says where.
        let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap_or(serde_json::Value::Null);
        let json_path = json_dir.join(format!("{f}.json"));
        fs::create_dir_all(json_path.parent().expect("has a parent")).expect("create OUT_DIR subfolder");
        let json = serde_json::to_string(&value).expect("a JSON value serialises");
        yaml_list.push_str(&format!("    ({f:?}, include_str!({:?})),\n", path.display().to_string()));
        if compressed {
            json_list.push_str(&format!("    ({f:?}, {}, {}),\n", blob.len(), blob.len() + json.len()));
            blob.push_str(&json);
        } else {
            json_list.push_str(&format!("    ({f:?}, include_str!({:?})),\n", json_path.display().to_string()));
        }
        fs::write(&json_path, json).expect("write converted catalogue");
    }
    let json_code = if compressed {
        let deflated = miniz_oxide::deflate::compress_to_vec(blob.as_bytes(), 10);
        let blob_path = Path::new(&out_dir).join("catalogues.json.deflate");
        fs::write(&blob_path, deflated).expect("write deflated catalogues");
        format!(
            "/// Every embedded catalogue file converted to compact JSON at build time, deflated as one\n\
             /// block: (path under `catalogues/`, start, end in the inflated text).\n\
             pub static JSON_INDEX: &[(&str, usize, usize)] = &[\n{json_list}];\n\
             /// The JSON texts of `JSON_INDEX`, one after the other, deflated (raw DEFLATE).\n\
             pub static JSON_DEFLATED: &[u8] = include_bytes!({:?});\n",
            blob_path.display().to_string()
        )
    } else {
        format!(
            "/// Every embedded catalogue file converted to compact JSON at build time: (path under\n\
             /// `catalogues/`, JSON text). The library loads its embedded data from these.\n\
             pub static JSON_FILES: &[(&str, &str)] = &[\n{json_list}];\n"
        )
    };
    let code = format!(
        "/// Every embedded catalogue file as its YAML source: (path under `catalogues/`, text).\n\
         #[cfg(feature = \"yaml\")]\npub static FILES: &[(&str, &str)] = &[\n{yaml_list}];\n\n{json_code}\n{}",
        record_members(&root)
    );
    fs::write(Path::new(&out_dir).join("embedded_catalogues.rs"), code).expect("write generated file");
}

/// The members each object type of a record declares, from the committed record schema: a
/// `RECORD_MEMBERS` table (type name, its members sorted) for `gongkai::record::declared_members`,
/// and a `RECORD_VALUES` table of each string enum's values for `gongkai::record::declared_values`.
fn record_members(root: &Path) -> String {
    let path = root.join("schema/record.schema.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let schema: serde_json::Value =
        fs::read_to_string(&path).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(serde_json::Value::Null);
    let (mut rows, mut values) = (String::new(), String::new());
    if let Some(defs) = schema.get("$defs").and_then(|d| d.as_object()) {
        for (name, def) in defs {
            if let Some(props) = def.get("properties").and_then(|p| p.as_object()) {
                let mut names: Vec<&String> = props.keys().collect();
                names.sort_unstable();
                rows.push_str(&format!("    ({name:?}, &{names:?}),\n"));
            }
            // A string enum: `"enum": [...]`, or `"oneOf"` of documented `"const"`s.
            let listed: Vec<&str> = match (def.get("enum"), def.get("oneOf")) {
                (Some(serde_json::Value::Array(e)), _) => e.iter().filter_map(|v| v.as_str()).collect(),
                (_, Some(serde_json::Value::Array(o))) => o.iter().filter_map(|v| v.get("const")?.as_str()).collect(),
                _ => Vec::new(),
            };
            if !listed.is_empty() {
                values.push_str(&format!("    ({name:?}, &{listed:?}),\n"));
            }
        }
    }
    format!(
        "/// The members each object type of a record declares (`catalogues/schema/record.schema.json`):\n\
         /// (type name, members sorted).\npub static RECORD_MEMBERS: &[(&str, &[&str])] = &[\n{rows}];\n\
         /// The values of each string enum of a record, in declaration order: (type name, values).\n\
         pub static RECORD_VALUES: &[(&str, &[&str])] = &[\n{values}];\n"
    )
}
