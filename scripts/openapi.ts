// `npm run openapi`: writes the API description the app generates to openapi.json at the repo
// root (committed, so that a reviewer sees API changes in the diff; a test fails when it is stale),
// and the web app's API types generated from it (scripts/web-api-types.ts).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateOpenApi } from "../src/test/openapi.js";
import { generateWebApiTypes, webApiTypesPath } from "./web-api-types.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const doc = await generateOpenApi();
writeIfChanged(path.join(root, "openapi.json"), doc);
writeIfChanged(webApiTypesPath, await generateWebApiTypes(doc));

function writeIfChanged(target: string, content: string) {
  const changed = !fs.existsSync(target) || fs.readFileSync(target, "utf8") !== content;
  if (changed) fs.writeFileSync(target, content);
  process.stdout.write(`${changed ? "wrote" : "unchanged:"} ${path.relative(process.cwd(), target) || target}\n`);
}
