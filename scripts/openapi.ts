// `npm run openapi`: writes the API description the app generates to openapi.json at the repo
// root (committed, so that a reviewer sees API changes in the diff; a test fails when it is stale).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateOpenApi } from "../src/test/openapi.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "openapi.json");
const doc = await generateOpenApi();
const changed = !fs.existsSync(target) || fs.readFileSync(target, "utf8") !== doc;
if (changed) fs.writeFileSync(target, doc);
process.stdout.write(`${changed ? "wrote" : "unchanged:"} ${path.relative(process.cwd(), target) || target}\n`);
