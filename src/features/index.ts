// Every feature's routes, in one list: the app registers exactly these.
import type { Feature } from "../platform/http/app.js";
import { accessLogRoutes } from "./access-log/access-log.routes.js";
import { agreementsRoutes } from "./agreements/agreements.routes.js";
import { auditRoutes } from "./audit/audit.routes.js";
import { authRoutes } from "./auth/auth.routes.js";
import { codeListsRoutes } from "./code-lists/code-lists.routes.js";
import { consentsRoutes } from "./consents/consents.routes.js";
import { documentsRoutes } from "./documents/documents.routes.js";
import { duplicatesRoutes } from "./duplicates/duplicates.routes.js";
import { householdsRoutes } from "./households/households.routes.js";
import { jobsRoutes } from "./jobs/jobs.routes.js";
import { legalBasesRoutes } from "./legal-bases/legal-bases.routes.js";
import { notificationsRoutes } from "./notifications/notifications.routes.js";
import { organisationsRoutes } from "./organisations/organisations.routes.js";
import { personsRoutes } from "./persons/persons.routes.js";
import { plansRoutes } from "./plans/plans.routes.js";
import { recordsRoutes } from "./records/records.routes.js";
import { referralsRoutes } from "./referrals/referrals.routes.js";
import { settingsRoutes } from "./settings/settings.routes.js";
import { healthRoutes } from "./system/system.routes.js";
import { timelineRoutes } from "./timeline/timeline.routes.js";
import { usersRoutes } from "./users/users.routes.js";

export const features: { prefix: string; plugin: Feature }[] = [
  { prefix: "", plugin: healthRoutes },
  { prefix: "/api/v1", plugin: authRoutes },
  { prefix: "/api/v1", plugin: organisationsRoutes },
  { prefix: "/api/v1", plugin: usersRoutes },
  { prefix: "/api/v1", plugin: auditRoutes },
  { prefix: "/api/v1", plugin: codeListsRoutes },
  { prefix: "/api/v1", plugin: personsRoutes },
  { prefix: "/api/v1", plugin: householdsRoutes },
  { prefix: "/api/v1", plugin: recordsRoutes },
  { prefix: "/api/v1", plugin: documentsRoutes },
  { prefix: "/api/v1", plugin: timelineRoutes },
  { prefix: "/api/v1", plugin: consentsRoutes },
  { prefix: "/api/v1", plugin: legalBasesRoutes },
  { prefix: "/api/v1", plugin: agreementsRoutes },
  { prefix: "/api/v1", plugin: accessLogRoutes },
  { prefix: "/api/v1", plugin: duplicatesRoutes },
  { prefix: "/api/v1", plugin: referralsRoutes },
  { prefix: "/api/v1", plugin: notificationsRoutes },
  { prefix: "/api/v1", plugin: plansRoutes },
  { prefix: "/api/v1", plugin: settingsRoutes },
  { prefix: "/api/v1", plugin: jobsRoutes },
];
