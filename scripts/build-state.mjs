// Decides whether the server or the web app needs (re)building: output missing or older than its sources.
import fs from "node:fs";
import path from "node:path";

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

export function staleParts(root) {
  const parts = [];
  const serverOut = mtime(path.join(root, "dist/server/cli.js"));
  const serverSrc = Math.max(newestMtime(path.join(root, "src")), mtime(path.join(root, "package-lock.json")));
  if (serverOut === 0 || serverOut < serverSrc) parts.push("server");
  const webOut = mtime(path.join(root, "dist/web/index.html"));
  const webSrc = Math.max(newestMtime(path.join(root, "web")), mtime(path.join(root, "package-lock.json")));
  if (webOut === 0 || webOut < webSrc) parts.push("web");
  return parts;
}
