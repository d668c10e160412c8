//! Embeds every file under `catalogues/` so the library works with no files at hand: each YAML
//! file is converted here to compact JSON, which the library parses at run time without a YAML
//! reader (smaller and faster to start, which the WebAssembly build needs). With the `yaml`
//! feature the YAML texts are embedded too, for linting and for tools that show the source.
//! The list is generated so that adding a catalogue file needs no code change.

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
    let mut yaml_list = String::new();
    let mut json_list = String::new();
    for f in &files {
        let path = root.join(f);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        // A file that is not valid YAML is embedded as `null`: the library's loaders then fail
        // with the file's name, and the test suite (which lints the YAML text) says where.
        let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap_or(serde_json::Value::Null);
        let json_path = json_dir.join(format!("{f}.json"));
        fs::create_dir_all(json_path.parent().expect("has a parent")).expect("create OUT_DIR subfolder");
        fs::write(&json_path, serde_json::to_string(&value).expect("a JSON value serialises"))
            .expect("write converted catalogue");
        yaml_list.push_str(&format!("    ({f:?}, include_str!({:?})),\n", path.display().to_string()));
        json_list.push_str(&format!("    ({f:?}, include_str!({:?})),\n", json_path.display().to_string()));
    }
    let code = format!(
        "/// Every embedded catalogue file as its YAML source: (path under `catalogues/`, text).\n\
         #[cfg(feature = \"yaml\")]\npub static FILES: &[(&str, &str)] = &[\n{yaml_list}];\n\n\
         /// Every embedded catalogue file converted to compact JSON at build time: (path under\n\
         /// `catalogues/`, JSON text). The library loads its embedded data from these.\n\
         pub static JSON_FILES: &[(&str, &str)] = &[\n{json_list}];\n"
    );
    fs::write(Path::new(&out_dir).join("embedded_catalogues.rs"), code).expect("write generated file");
}
