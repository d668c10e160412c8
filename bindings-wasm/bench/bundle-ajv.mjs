// ajv is CommonJS; the bench page needs one ES module of it (ajv's draft 2020-12 build).
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";

export function bundleAjv(outfile) {
  buildSync({
    entryPoints: [fileURLToPath(new URL("../node_modules/ajv/dist/2020.js", import.meta.url))],
    bundle: true, format: "esm", platform: "browser", outfile, logLevel: "error",
  });
}
