// A tiny static server for the demo and the bench page: serves bindings-wasm/ on 127.0.0.1.
//   node bindings-wasm/demo/serve.mjs            → http://127.0.0.1:8787/demo/
//   PORT=0 node bindings-wasm/demo/serve.mjs     → any free port (printed)
// Build the package first: bash bindings-wasm/build.sh
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, normalize, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
  ".png": "image/png", ".ts": "text/plain; charset=utf-8",
};

export function serve(port = Number(process.env.PORT ?? 8787)) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let path = decodeURIComponent(url.pathname);
    if (path === "/") {
      res.writeHead(302, { location: "/demo/" }).end();
      return;
    }
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || file.includes(`${sep}node_modules${sep}`)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}`);
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve();
  console.log(`gongkai demo: http://127.0.0.1:${server.address().port}/demo/  (bench: /bench/)`);
}
