// Node entry: instantiates the WebAssembly module synchronously from the file next to this one,
// so `import { check } from "gongkai"` works without calling `init()`. `init` stays available
// (and resolves at once) so code written for browsers runs unchanged.
import { readFileSync } from "node:fs";
import { initSync } from "./gongkai.js";

const exports = initSync({ module: readFileSync(new URL("./gongkai_bg.wasm", import.meta.url)) });

export * from "./gongkai.js";

/** Already initialised under node; returns the module's exports like the browser `init`. */
export default async function init() {
  return exports;
}
