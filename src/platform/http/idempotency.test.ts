import { describe, expect, it } from "vitest";
import { createTenant, login } from "../../test/factories.js";
import { getTestApp } from "../../test/test-app.js";

describe("Idempotency-Key", () => {
  it("replays the first response for the same request, refuses the key for another, creates once", async () => {
    const app = await getTestApp();
    const t = await createTenant(app.database.db);
    const admin = await login(app, t.admin.email);
    const body = { name: "Sprachschule Idempotent", type: "language_school" };
    const first = await admin.request({
      method: "POST",
      url: "/api/v1/organisations",
      payload: body,
      headers: { "idempotency-key": "create-org-1" },
    });
    expect(first.statusCode).toBe(201);
    const again = await admin.request({
      method: "POST",
      url: "/api/v1/organisations",
      payload: body,
      headers: { "idempotency-key": "create-org-1" },
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().id).toBe(first.json().id);
    const list = (await admin.get("/api/v1/organisations?q=Idempotent")).json();
    expect(list.items).toHaveLength(1);

    const other = await admin.request({
      method: "POST",
      url: "/api/v1/organisations",
      payload: { ...body, name: "Other" },
      headers: { "idempotency-key": "create-org-1" },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].path).toBe("headers.idempotency-key");

    const bad = await admin.request({
      method: "POST",
      url: "/api/v1/organisations",
      payload: body,
      headers: { "idempotency-key": "spaces are not allowed" },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("keys are per user: another user's identical key is a new request", async () => {
    const app = await getTestApp();
    const t1 = await createTenant(app.database.db);
    const t2 = await createTenant(app.database.db);
    const a1 = await login(app, t1.admin.email);
    const a2 = await login(app, t2.admin.email);
    const body = { name: "Shared key org", type: "other" };
    const r1 = await a1.request({
      method: "POST",
      url: "/api/v1/organisations",
      payload: body,
      headers: { "idempotency-key": "same" },
    });
    const r2 = await a2.request({
      method: "POST",
      url: "/api/v1/organisations",
      payload: body,
      headers: { "idempotency-key": "same" },
    });
    expect(r1.statusCode).toBe(201);
    expect(r2.statusCode).toBe(201);
    expect(r2.headers["idempotent-replayed"]).toBeUndefined();
    expect(r2.json().id).not.toBe(r1.json().id);
  });
});
