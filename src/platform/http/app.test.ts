import { describe, expect, it } from "vitest";
import { createTenant, login } from "../../test/factories.js";
import { getTestApp } from "../../test/test-app.js";

describe("app smoke", () => {
  it("answers health and signs in the tenant admin", async () => {
    const app = await getTestApp();
    expect((await app.inject({ url: "/health" })).json()).toEqual({ status: "ok" });
    const t = await createTenant(app.database.db);
    const c = await login(app, t.admin.email);
    const me = await c.get("/api/v1/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().user.role).toBe("tenant_admin");
  });
});
