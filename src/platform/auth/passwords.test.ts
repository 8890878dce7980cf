import { describe, expect, it } from "vitest";
import { hashPassword, minPasswordLength, verifyPassword } from "./passwords.js";

describe("passwords", () => {
  it("hashes with argon2id and a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse battery"), hashPassword("correct horse battery")]);
    expect(a.startsWith("$argon2id$")).toBe(true);
    // OWASP baseline parameters: 19 MiB, 2 iterations, 1 lane.
    expect(a).toContain("m=19456,t=2,p=1");
    expect(a).not.toContain("correct horse battery");
    expect(a).not.toBe(b);
  });

  it("verifies the right password and refuses a wrong one, an empty one and a broken hash", async () => {
    const hashed = await hashPassword("correct horse battery");
    expect(await verifyPassword(hashed, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hashed, "correct horse batterY")).toBe(false);
    expect(await verifyPassword(hashed, "")).toBe(false);
    expect(await verifyPassword("not a hash", "correct horse battery")).toBe(false);
  });

  it("answers false for a missing account, after doing the work of a real check", async () => {
    await verifyPassword(undefined, "warm up the dummy hash");
    const t0 = performance.now();
    expect(await verifyPassword(undefined, "guess")).toBe(false);
    // An argon2id check of these parameters takes milliseconds; a shortcut would take microseconds.
    expect(performance.now() - t0).toBeGreaterThan(2);
  });

  it("asks for at least 12 characters", () => {
    expect(minPasswordLength).toBe(12);
  });
});
