// Referrals between organisations: send, inbox (incoming/outgoing), read, the four transitions,
// what may be shared, and the SLA figures for the steering group.
import { z } from "zod";
import { referralReportRoles } from "../../platform/access/access.js";
import {
  identityGroundsOf,
  personAccessOrThrow,
  personDataRoles,
  referralSharing,
} from "../../platform/access/person-access.js";
import { audit } from "../../platform/audit/audit.js";
import { categories } from "../../platform/domain-categories.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { cursorPart, decodeCursor, listResponse, page } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import { today } from "../../platform/reference/partial-date.js";
import { markSubjectRead } from "../notifications/notifications.commands.js";
import { referralSla } from "./referral-sla.js";
import { type ReferralAction, referralActions } from "./referral-state.js";
import { sendReferral, type TransitionInput, transitionReferral } from "./referrals.commands.js";
import { listReferrals, loadReferral, presentReferral, referralOrThrow } from "./referrals.queries.js";
import {
  acceptSchema,
  completeSchema,
  createReferralSchema,
  declineSchema,
  listReferralsQuery,
  referralSchema,
  slaQuery,
  slaSchema,
  withdrawSchema,
} from "./referrals.schemas.js";

const tags = ["referrals"];
const personPolicy = policy.roles(...personDataRoles);

const bodies: Record<ReferralAction, z.ZodType> = {
  accept: acceptSchema,
  decline: declineSchema,
  complete: completeSchema,
  withdraw: withdrawSchema,
};
const summaries: Record<ReferralAction, string> = {
  accept: "Accept a referral (receiving organisation; sent → accepted)",
  decline: "Decline a referral with a reason (receiving organisation; sent → declined)",
  complete: "Complete a referral with its outcome (receiving organisation; accepted → completed)",
  withdraw: "Withdraw a referral (sending organisation; sent or accepted → withdrawn)",
};

const minusDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

export async function referralsRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.post(
    "/referrals",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Refer a person to another organisation for a service; due dates follow the agreement",
        body: createReferralSchema,
        response: { 201: referralSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const loaded = await db().transaction(async (tx) => {
        const row = await sendReferral(tx, auditContext(req), actor, req.body);
        return loadReferral(tx, actor, row.id);
      });
      if (!loaded) throw new AppError("internal");
      return reply.code(201).send(presentReferral(actor, loaded));
    },
  );

  app.get(
    "/referrals",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Referrals your organisation sent or received, newest first",
        querystring: listReferralsQuery,
        response: { 200: listResponse(referralSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const after = decodeCursor(req.query.cursor, z.tuple([cursorPart.timestamp, cursorPart.uuid]));
      const rows = await listReferrals(db(), actor, { ...req.query, after });
      const result = page(rows, req.query.limit, (r) => [r.referral.sentAt.toISOString(), r.referral.id]);
      const shown = result.items.filter((r) => r.personVisible).map((r) => r.person);
      const grounds = await identityGroundsOf(db(), actor, shown);
      await audit(
        db(),
        auditContext(req),
        ...result.items
          .filter((r) => r.personVisible)
          .map((r) => ({
            action: "referral.read" as const,
            subjectType: "referral",
            subjectId: r.referral.id,
            personId: r.referral.personId,
            categories: ["identity"],
            grounds: grounds.get(r.referral.personId) ?? [],
            purpose: "referral inbox",
          })),
      );
      const on = today();
      return { items: result.items.map((r) => presentReferral(actor, r, on)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    "/referrals/sla",
    {
      config: { policy: policy.roles(...referralReportRoles) },
      schema: {
        tags,
        summary:
          "SLA per receiving organisation: share acknowledged in time, median working days to acknowledge (cells under 5 suppressed)",
        querystring: slaQuery,
        response: { 200: slaSchema },
      },
    },
    async (req) => {
      const to = req.query.to ?? today();
      const from = req.query.from ?? minusDays(to, 90);
      if (from > to)
        throw new AppError("validation-error", "from must not lie after to", {
          errors: [{ path: "query.from", message: "Must not lie after to" }],
        });
      return referralSla(db(), actorOf(req), { from, to });
    },
  );

  app.get(
    "/referrals/:id",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "Read a referral", params: uuidParam, response: { 200: referralSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      const loaded = await referralOrThrow(db(), actor, req.params.id);
      // Opening the referral is reading what its notifications announced.
      await markSubjectRead(db(), actor, "referral", loaded.referral.id);
      if (loaded.personVisible) {
        const grounds = await identityGroundsOf(db(), actor, [loaded.person]);
        await audit(db(), auditContext(req), {
          action: "referral.read",
          subjectType: "referral",
          subjectId: loaded.referral.id,
          personId: loaded.referral.personId,
          categories: ["identity"],
          grounds: grounds.get(loaded.referral.personId) ?? [],
        });
      }
      return presentReferral(actor, loaded);
    },
  );

  for (const action of referralActions) {
    app.post(
      `/referrals/:id/${action}`,
      {
        config: { policy: personPolicy },
        schema: {
          tags,
          summary: summaries[action],
          params: uuidParam,
          body: bodies[action],
          response: { 200: referralSchema },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const body = req.body as TransitionInput;
        const version = expectedVersion(req.headers["if-match"], body.version);
        const loaded = await db().transaction(async (tx) => {
          await transitionReferral(tx, auditContext(req), actor, req.params.id, action, { ...body, version });
          return loadReferral(tx, actor, req.params.id);
        });
        if (!loaded) throw new AppError("internal");
        return presentReferral(actor, loaded);
      },
    );
  }

  app.get(
    "/persons/:id/referral-options",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "What your organisation may share with a receiver in a referral of this person (covered by consent)",
        params: uuidParam,
        querystring: z.strictObject({ toOrganisationId: z.uuid().optional() }),
        response: {
          200: z.object({
            shareableCategories: z.array(z.enum(categories)),
            /** Categories you see but may not share with this receiver, and why. */
            unshareable: z.array(
              z.object({
                category: z.enum(categories),
                reason: z.enum(["no-consent-reaches-receiver", "confidential"]),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const access = await personAccessOrThrow(db(), actor, req.params.id);
      const sharing = await referralSharing(db(), actor, access, req.query.toOrganisationId ?? null);
      return { shareableCategories: sharing.shareable, unshareable: sharing.unshareable };
    },
  );
}
