import { describe, expect, it } from "vitest";
import { rowHash } from "./audit-chain.js";

const genesis = "0".repeat(64);
const row = {
  id: 42,
  tenant_id: "6f1c2a5e-8f0e-4d4b-9a59-1d2b3c4d5e6f",
  occurred_at: new Date("2026-03-01T10:00:00.123Z"),
  request_id: "req-1",
  action: "organisation.updated",
  actor_user_id: "0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5b",
  actor_organisation_id: "1c7a4d2f-3b5e-4f60-9bac-1d2e3f4a5b6c",
  actor_role: "tenant_admin",
  subject_type: "organisation",
  subject_id: "x",
  person_id: null,
  categories: ["identity", "work"],
  purpose: null,
  grounds: [{ kind: "ownership" }],
  details: { before: { name: "A" }, after: { name: "B" } },
};

describe("rowHash", () => {
  it("is a deterministic SHA-256 hex digest", () => {
    const h = rowHash(genesis, row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(rowHash(genesis, { ...row })).toBe(h);
  });

  it("reads the same row the same way from either driver", () => {
    const h = rowHash(genesis, row);
    // node-postgres and PGlite hand back timestamps, arrays, jsonb and bigint in different forms.
    expect(
      rowHash(genesis, {
        ...row,
        id: "42" as unknown as number,
        occurred_at: "2026-03-01 10:00:00.123+00",
        categories: "{identity,work}",
        grounds: JSON.stringify(row.grounds),
        details: JSON.stringify(row.details),
      }),
    ).toBe(h);
    expect(rowHash(genesis, { ...row, categories: [] })).toBe(rowHash(genesis, { ...row, categories: "{}" }));
  });

  it("changes with the previous hash and with every field of the row", () => {
    const h = rowHash(genesis, row);
    expect(rowHash("f".repeat(64), row)).not.toBe(h);
    const changes: Partial<typeof row>[] = [
      { id: 43 },
      { tenant_id: "6f1c2a5e-8f0e-4d4b-9a59-1d2b3c4d5e70" },
      { occurred_at: new Date("2026-03-01T10:00:00.124Z") },
      { request_id: "req-2" },
      { action: "organisation.created" },
      { actor_user_id: "0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5c" },
      { actor_organisation_id: "1c7a4d2f-3b5e-4f60-9bac-1d2e3f4a5b6d" },
      { actor_role: "dpo" },
      { subject_type: "user" },
      { subject_id: "y" },
      { categories: ["identity"] },
      { grounds: [] },
      { details: { before: { name: "A" }, after: { name: "C" } } },
    ];
    const hashes = new Set([h]);
    for (const change of changes) hashes.add(rowHash(genesis, { ...row, ...change }));
    expect(hashes.size).toBe(changes.length + 1);
  });
});
