// Every route declares who may call it. A route without a policy does not register (see app.ts).
import type { Role } from "../domain.js";

export type Policy =
  | { kind: "public" }
  | {
      kind: "authenticated";
      /** Roles allowed; undefined = any signed-in user. */
      roles?: readonly Role[];
      /** Reachable before the TOTP step is done (login flow, enrolment, logout, me). */
      beforeSecondFactor?: boolean;
    };

export const policy = {
  public: { kind: "public" } as Policy,
  authenticated: (opts: { beforeSecondFactor?: boolean } = {}): Policy => ({
    kind: "authenticated",
    ...opts,
  }),
  roles: (...roles: Role[]): Policy => ({ kind: "authenticated", roles }),
};

declare module "fastify" {
  interface FastifyContextConfig {
    policy?: Policy;
  }
}
