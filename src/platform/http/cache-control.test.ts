// Person-data responses are never cached: every API answer to a signed-in user carries
// `Cache-Control: private, no-store` (exports and downloads keep their own, stricter headers).
import { describe, expect, it } from "vitest";
import { addRecord, api, caseFileTenant, registerPerson } from "../../test/case-file-factories.js";
import { getTestApp } from "../../test/test-app.js";

describe("Cache-Control on API responses", () => {
  it("answers every GET route of a signed-in user with private, no-store", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client, { givenNames: "Cache" });
    await addRecord(t.cm.client, p.id, "note", { text: "no proxy keeps this" });
    const gets = app.registeredRoutes.filter((r) => r.method === "GET" && r.url.startsWith(`${api}/`));
    expect(gets.length).toBeGreaterThan(30);
    for (const r of gets) {
      const url = r.url.replace(/:[a-zA-Z]+/g, p.id);
      const res = await t.cm.client.get(url);
      expect(String(res.headers["cache-control"]), `${r.url} → ${res.statusCode}`).toMatch(/no-store/);
    }
    const read = await t.cm.client.get(`${api}/persons/${p.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers["cache-control"]).toBe("private, no-store");
  });
});
