import type { OrganisationType, Role } from "../domain.js";

/** The authenticated caller of a request; every query that touches tenant data takes one. */
export type Actor = {
  tenantId: string;
  userId: string;
  organisationId: string;
  organisationType: OrganisationType;
  role: Role;
  name: string;
  email: string;
  locale: "de" | "en";
  sessionId: string;
  secondFactorDone: boolean;
  totpEnabled: boolean;
};
