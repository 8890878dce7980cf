// API tests of households: members with relations, members the organisation may not see stay
// hidden, one household per person, invisible ids answer 404 with nothing created, removal,
// renaming with optimistic concurrency, registering a person straight into a household, and the
// household's address (what a new member takes over) from visible members only.
import { describe, expect, it } from "vitest";
import {
  api,
  auditRows,
  caseFileTenant,
  counts,
  expectProblem,
  personLedByIntegrationOffice,
  registerPerson,
} from "../../test/case-file-factories.js";
import { client, getTestApp } from "../../test/test-app.js";

const households = `${api}/households`;

describe("households", () => {
  it("answers 401, 403 and 400 before creating anything", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const body = { name: "Familie Haddad", members: [{ personId: p.id, relation: "head" }] };
    expectProblem(await client(app).post(households, body), 401, "unauthenticated");
    for (const role of ["steering", "dpo", "volunteer", "volunteer_coordinator"] as const) {
      const u = await t.user(t.io.id, role);
      expectProblem(await u.client.post(households, body), 403, "forbidden");
    }
    const invalid: [Record<string, unknown>, string][] = [
      [{ members: [] }, "name"],
      [{ name: "  ", members: [] }, "name"],
      [{ name: "X", members: [{ personId: p.id, relation: "cousin" }] }, "members.0.relation"],
      [{ name: "X", members: [{ personId: "p1", relation: "head" }] }, "members.0.personId"],
      [{ name: "X", members: [{ personId: p.id }] }, "members.0.relation"],
      [{ name: "X", members: [], address: "Hauptstr. 1" }, "address"],
    ];
    for (const [b, path] of invalid)
      expectProblem(await t.cm.client.post(households, b), 400, "validation-error", [path]);
    expect(await counts.households(db, t.tenantId)).toBe(0);
    expect(await counts.householdMembers(db, t.tenantId)).toBe(0);
  });

  it("creates a household with members and relations, audited", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const father = await registerPerson(t.cm.client, { givenNames: "Khaled", birthDate: "1980" });
    const mother = await registerPerson(t.cm.client, { givenNames: "Rania", birthDate: "1984-06" });
    const child = await registerPerson(t.cm.client, { givenNames: "Lina", birthDate: "2018-02-11" });
    const res = await t.cm.client.post(households, {
      name: "Familie Haddad",
      members: [
        { personId: child.id, relation: "child" },
        { personId: father.id, relation: "head" },
        { personId: mother.id, relation: "spouse" },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const h = res.json();
    expect(h).toMatchObject({ name: "Familie Haddad", version: 1 });
    expect(h.members).toEqual([
      { personId: father.id, relation: "head", givenNames: "Khaled", familyName: father.familyName, birthDate: "1980" },
      {
        personId: mother.id,
        relation: "spouse",
        givenNames: "Rania",
        familyName: mother.familyName,
        birthDate: "1984-06",
      },
      {
        personId: child.id,
        relation: "child",
        givenNames: "Lina",
        familyName: child.familyName,
        birthDate: "2018-02-11",
      },
    ]);
    expect(await counts.households(db, t.tenantId)).toBe(1);
    expect(await counts.householdMembers(db, t.tenantId)).toBe(3);
    // The person shows the household.
    const person = await t.cm.client.get(`${api}/persons/${child.id}`);
    expect(person.json().household).toEqual({ id: h.id, name: "Familie Haddad", relation: "child" });
    const read = await t.cm.client.get(`${households}/${h.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(h);
    expect(await auditRows(db, t.tenantId, { action: "household.created" })).toHaveLength(1);
    const reads = await auditRows(db, t.tenantId, { action: "household.read" });
    expect(reads.map((r) => r.personId).sort()).toEqual([father.id, mother.id, child.id].sort());
  });

  it("shows only the members the organisation may see", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const other = await caseFileTenant(app);
    const own = await personLedByIntegrationOffice(t, t.jc.client, { givenNames: "Samir" });
    const leadsOnly = await registerPerson(t.cm.client, { givenNames: "Verborgen" });
    const res = await t.cm.client.post(households, {
      name: "WG Bahnhofstraße",
      members: [
        { personId: own.id, relation: "head" },
        { personId: leadsOnly.id, relation: "other" },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const h = res.json();
    expect(h.members).toHaveLength(2);

    const seen = await t.jc.client.get(`${households}/${h.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().members.map((m: { personId: string }) => m.personId)).toEqual([own.id]);
    expect(seen.body).not.toContain(leadsOnly.id);
    expect(seen.body).not.toContain("Verborgen");
    // An organisation that sees no member and did not create it: the household does not exist.
    const welfare = await t.user((await t.organisation("welfare")).id, "caseworker");
    expectProblem(await welfare.client.get(`${households}/${h.id}`), 404, "not-found");
    expectProblem(await other.cm.client.get(`${households}/${h.id}`), 404, "not-found");
    expectProblem(await welfare.client.patch(`${households}/${h.id}`, { name: "Meins" }), 404, "not-found");
  });

  it("keeps a person in one household: adding them elsewhere answers 409", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const a = await registerPerson(t.cm.client);
    const b = await registerPerson(t.cm.client);
    const first = (
      await t.cm.client.post(households, { name: "Eins", members: [{ personId: a.id, relation: "head" }] })
    ).json();
    const second = (
      await t.cm.client.post(households, { name: "Zwei", members: [{ personId: b.id, relation: "head" }] })
    ).json();
    const add = await t.cm.client.post(`${households}/${second.id}/members`, { personId: a.id, relation: "sibling" });
    expectProblem(add, 409, "conflict");
    const again = await t.cm.client.post(`${households}/${first.id}/members`, { personId: a.id, relation: "head" });
    expectProblem(again, 409, "conflict");
    const create = await t.cm.client.post(households, {
      name: "Drei",
      members: [{ personId: a.id, relation: "head" }],
    });
    expectProblem(create, 409, "conflict");
    expect(await counts.households(db, t.tenantId)).toBe(2);
    expect(await counts.householdMembers(db, t.tenantId)).toBe(2);
    expect((await t.cm.client.get(`${households}/${second.id}`)).json().members).toHaveLength(1);
  });

  it("answers 404 for member ids the organisation cannot see, and creates nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const other = await caseFileTenant(app);
    const own = await registerPerson(t.jc.client);
    const foreign = await registerPerson(t.cm.client);
    const otherTenant = await registerPerson(other.cm.client);
    for (const id of [foreign.id, otherTenant.id, crypto.randomUUID()]) {
      const res = await t.jc.client.post(households, {
        name: "Familie",
        members: [
          { personId: own.id, relation: "head" },
          { personId: id, relation: "child" },
        ],
      });
      expectProblem(res, 404, "not-found");
    }
    expect(await counts.households(db, t.tenantId)).toBe(0);
    expect(await counts.householdMembers(db, t.tenantId)).toBe(0);
    const h = (
      await t.jc.client.post(households, { name: "Familie", members: [{ personId: own.id, relation: "head" }] })
    ).json();
    for (const id of [foreign.id, otherTenant.id]) {
      expectProblem(
        await t.jc.client.post(`${households}/${h.id}/members`, { personId: id, relation: "child" }),
        404,
        "not-found",
      );
      expectProblem(await t.jc.client.delete(`${households}/${h.id}/members/${id}`), 404, "not-found");
    }
    expect(await counts.householdMembers(db, t.tenantId)).toBe(1);
    // A household of another organisation cannot receive members either.
    const theirs = (
      await t.cm.client.post(households, { name: "Andere", members: [{ personId: foreign.id, relation: "head" }] })
    ).json();
    const own2 = await registerPerson(t.jc.client);
    expectProblem(
      await t.jc.client.post(`${households}/${theirs.id}/members`, { personId: own2.id, relation: "child" }),
      404,
      "not-found",
    );
    expect(await counts.householdMembers(db, t.tenantId)).toBe(2);
  });

  it("adds and removes members", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const head = await registerPerson(t.cm.client, { givenNames: "Olena", birthDate: "1979" });
    const son = await registerPerson(t.cm.client, { givenNames: "Taras", birthDate: "2010" });
    const h = (
      await t.cm.client.post(households, { name: "Familie K.", members: [{ personId: head.id, relation: "head" }] })
    ).json();
    const added = await t.cm.client.post(`${households}/${h.id}/members`, { personId: son.id, relation: "child" });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().members.map((m: { personId: string; relation: string }) => [m.personId, m.relation])).toEqual([
      [head.id, "head"],
      [son.id, "child"],
    ]);
    expectProblem(
      await t.cm.client.post(`${households}/${h.id}/members`, { personId: son.id, relation: "grandchild" }),
      400,
      "validation-error",
      ["relation"],
    );
    expectProblem(await client(app).delete(`${households}/${h.id}/members/${son.id}`), 401, "unauthenticated");
    const removed = await t.cm.client.delete(`${households}/${h.id}/members/${son.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await counts.householdMembers(db, t.tenantId)).toBe(1);
    expect(
      (await t.cm.client.get(`${households}/${h.id}`)).json().members.map((m: { personId: string }) => m.personId),
    ).toEqual([head.id]);
    expect((await t.cm.client.get(`${api}/persons/${son.id}`)).json().household).toBeNull();
    expectProblem(await t.cm.client.delete(`${households}/${h.id}/members/${son.id}`), 404, "not-found");
    // Removed, the person may join another household.
    const other = await t.cm.client.post(households, {
      name: "Neu",
      members: [{ personId: son.id, relation: "head" }],
    });
    expect(other.statusCode, other.body).toBe(201);
    const updates = await auditRows(db, t.tenantId, { action: "household.updated", personId: son.id });
    expect(updates.map((u) => u.details)).toEqual(expect.arrayContaining([{ added: "child" }, { removed: "child" }]));
  });

  it("renames with optimistic concurrency: a stale version answers 409 and keeps the name", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const h = (
      await t.cm.client.post(households, { name: "Alt", members: [{ personId: p.id, relation: "head" }] })
    ).json();
    const url = `${households}/${h.id}`;
    expectProblem(await t.cm.client.patch(url, { name: "" }), 400, "validation-error", ["name"]);
    expectProblem(await t.cm.client.patch(url, { name: "Neu", members: [] }), 400, "validation-error", ["members"]);
    const ok = await t.cm.client.patch(url, { name: "Neu", version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: "Neu", version: 2 });
    expectProblem(await t.cm.client.patch(url, { name: "Veraltet", version: 1 }), 409, "version-conflict");
    expectProblem(await t.cm.client.patch(url, { name: "Veraltet" }, { "if-match": '"1"' }), 409, "version-conflict");
    const read = (await t.cm.client.get(url)).json();
    expect(read).toMatchObject({ name: "Neu", version: 2 });
    const viaHeader = await t.cm.client.patch(url, { name: "Familie Neu" }, { "if-match": '"2"' });
    expect(viaHeader.json()).toMatchObject({ name: "Familie Neu", version: 3 });
  });

  it("answers the address of the first visible member that has one, never an invisible member's", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const street = { street: "Lindenweg 4", postalCode: "40210", city: "Musterstadt" };
    // The head has no address on file; the spouse has, and the hidden member another one.
    const head = await personLedByIntegrationOffice(t, t.jc.client, { givenNames: "Omar" });
    const spouse = await personLedByIntegrationOffice(t, t.jc.client, { givenNames: "Hiba", address: street });
    const hidden = await registerPerson(t.cm.client, {
      givenNames: "Verborgen",
      address: { street: "Geheimgasse 9", postalCode: "40999", city: "Anderswo" },
    });
    const h = (
      await t.cm.client.post(households, {
        name: "Familie Omar",
        members: [
          { personId: hidden.id, relation: "other" },
          { personId: head.id, relation: "head" },
          { personId: spouse.id, relation: "spouse" },
        ],
      })
    ).json();
    expect(h.address).toEqual({ ...street, addition: null });
    // The Jobcenter sees head and spouse only: the spouse's address, nothing of the hidden member.
    const seen = await t.jc.client.get(`${households}/${h.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().address).toEqual({ ...street, addition: null });
    expect(seen.body).not.toContain("Geheimgasse");
    // Without the spouse, no visible member has an address: null, not the hidden member's.
    expect((await t.cm.client.delete(`${households}/${h.id}/members/${spouse.id}`)).statusCode).toBe(204);
    const after = await t.jc.client.get(`${households}/${h.id}`);
    expect(after.json().address).toBeNull();
    expect(after.body).not.toContain("Geheimgasse");
    // The integration office sees the hidden member, whose address is now the household's.
    expect((await t.cm.client.get(`${households}/${h.id}`)).json().address).toMatchObject({ street: "Geheimgasse 9" });
  });

  it("registers a person straight into a household", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const other = await caseFileTenant(app);
    const mother = await registerPerson(t.cm.client, { givenNames: "Fatima" });
    const h = (
      await t.cm.client.post(households, {
        name: "Familie Ahmadi",
        members: [{ personId: mother.id, relation: "head" }],
      })
    ).json();
    const baby = await registerPerson(t.cm.client, {
      givenNames: "Noor",
      birthDate: "2025-09",
      householdId: h.id,
      householdRelation: "child",
    });
    expect(baby.household).toEqual({ id: h.id, name: "Familie Ahmadi", relation: "child" });
    const members = (await t.cm.client.get(`${households}/${h.id}`)).json().members;
    expect(members.map((m: { personId: string; relation: string }) => [m.personId, m.relation])).toEqual([
      [mother.id, "head"],
      [baby.id, "child"],
    ]);
    // A household the organisation cannot see: 404, and no person is registered.
    const before = await counts.persons(db, t.tenantId);
    const theirs = await registerPerson(other.cm.client);
    const otherHousehold = (
      await other.cm.client.post(households, { name: "Fremd", members: [{ personId: theirs.id, relation: "head" }] })
    ).json();
    for (const householdId of [otherHousehold.id, crypto.randomUUID()]) {
      const res = await t.cm.client.post(`${api}/persons`, {
        givenNames: "Nadia",
        householdId,
        householdRelation: "child",
      });
      expectProblem(res, 404, "not-found");
    }
    const invisibleToJobcenter = await t.jc.client.post(`${api}/persons`, {
      givenNames: "Nadia",
      householdId: h.id,
      householdRelation: "child",
    });
    expectProblem(invisibleToJobcenter, 404, "not-found");
    expect(await counts.persons(db, t.tenantId)).toBe(before);
    expect(await counts.householdMembers(db, t.tenantId)).toBe(2);
  });
});
