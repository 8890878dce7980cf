// The catalogue of audit actions. Every audit row's `action` is one of these.
export const auditActions = [
  "auth.login.succeeded",
  "auth.login.failed",
  "auth.login.throttled",
  "auth.totp.failed",
  "auth.totp.enrolled",
  "auth.logout",
  "organisation.created",
  "organisation.updated",
  "user.created",
  "user.updated",
  "tenant.created",
  "audit.searched",
  "audit.verified",
] as const;
export type AuditAction = (typeof auditActions)[number];
