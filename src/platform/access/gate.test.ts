// The access module as a gate: route files parse, load with the actor's scope, authorize, run a
// command and present — they never touch tables or SQL themselves. Queries and commands (in
// <feature>.queries.ts / <feature>.commands.ts) take the actor and get their scoping `where` from
// the access module. This test reads every route file and fails on one that imports a table
// module or drizzle, or runs a query itself.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return routeFiles(path);
    return e.name.endsWith(".routes.ts") ? [path] : [];
  });
}

/** What a route file does that only queries and commands may do. */
function gateViolations(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/from\s+"([^"]+)"/g)) {
    const target = m[1] ?? "";
    if (/\.tables(\.js)?$/.test(target)) found.push(`imports ${target}`);
    if (target === "drizzle-orm" || target.startsWith("drizzle-orm/")) found.push(`imports ${target}`);
    if (/platform\/db\/client(\.js)?$/.test(target) && /\bqueryRows\b/.test(source)) found.push("uses queryRows");
  }
  for (const m of source.matchAll(/(?<!\bapp)\.(select|selectDistinct|insert|update|delete|execute)\s*\(/g)) {
    found.push(`runs .${m[1]}()`);
  }
  return [...new Set(found)];
}

describe("route files are recipes", () => {
  const files = routeFiles(join(root, "features")).map((f) => relative(root, f));

  it("finds the route files", () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it("the check catches a route that imports a table or queries", () => {
    const probe = [
      'import { eq } from "drizzle-orm";',
      'import { persons } from "../persons/persons.tables.js";',
      "await tx.select().from(persons).where(eq(persons.id, id));",
      'app.delete("/x", {}, async () => db().update(persons).set({}));',
    ].join("\n");
    expect(gateViolations(probe)).toEqual([
      "imports drizzle-orm",
      "imports ../persons/persons.tables.js",
      "runs .select()",
      "runs .update()",
    ]);
    expect(gateViolations('app.delete("/x", opts, handler);')).toEqual([]);
  });

  for (const file of files) {
    it(file, () => {
      expect(gateViolations(readFileSync(join(root, file), "utf8"))).toEqual([]);
    });
  }
});

describe("named bypasses of the access rule", () => {
  it("every exported dpo…/system… function is listed in ARCHITECTURE.md", () => {
    const architecture = readFileSync(join(root, "..", "ARCHITECTURE.md"), "utf8");
    const named = allSourceFiles(root).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/export (?:async )?function ((?:dpo|system)[A-Z]\w*)/g)].map((m) => m[1]),
    );
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((name) => !architecture.includes(`\`${name}\``))).toEqual([]);
  });
});

function allSourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return allSourceFiles(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}
