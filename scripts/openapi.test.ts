// The web app's API types (web/src/app/api-schema.gen.ts) are generated from the committed
// openapi.json; this fails when a schema changed and `npm run openapi` was not run.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateWebApiTypes, webApiTypesPath } from "./web-api-types.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const openapiJson = fs.readFileSync(path.join(root, "openapi.json"), "utf8");

describe("the web app's generated API types", () => {
  it("are what openapi.json generates", async () => {
    const generated = await generateWebApiTypes(openapiJson);
    const committed = fs.existsSync(webApiTypesPath) ? fs.readFileSync(webApiTypesPath, "utf8") : "";
    if (committed !== generated) {
      const [was, now] = [committed.split("\n"), generated.split("\n")];
      const line = now.findIndex((text, i) => text !== was[i]);
      expect.fail(
        `${path.relative(root, webApiTypesPath)} is stale: run npm run openapi (first difference at line ${line + 1}: ${JSON.stringify(now[line])})`,
      );
    }
  });

  it("change with a schema, so a stale file is caught", async () => {
    const doc = JSON.parse(openapiJson);
    doc.components.schemas.Person.properties.staleCheck = { type: "string" };
    doc.components.schemas.Person.required.push("staleCheck");
    const generated = await generateWebApiTypes(JSON.stringify(doc));
    expect(generated).not.toBe(fs.readFileSync(webApiTypesPath, "utf8"));
    expect(generated).toContain("staleCheck: string;");
  });
});
