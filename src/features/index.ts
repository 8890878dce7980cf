// Every feature's routes, in one list: the app registers exactly these.
import type { Feature } from "../platform/http/app.js";
import { auditRoutes } from "./audit/audit.routes.js";
import { authRoutes } from "./auth/auth.routes.js";
import { organisationsRoutes } from "./organisations/organisations.routes.js";
import { systemRoutes } from "./system/system.routes.js";
import { usersRoutes } from "./users/users.routes.js";

export const features: { prefix: string; plugin: Feature }[] = [
  { prefix: "", plugin: systemRoutes },
  { prefix: "/api/v1", plugin: authRoutes },
  { prefix: "/api/v1", plugin: organisationsRoutes },
  { prefix: "/api/v1", plugin: usersRoutes },
  { prefix: "/api/v1", plugin: auditRoutes },
];
