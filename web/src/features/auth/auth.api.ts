// The session: who is signed in (GET /auth/me) and what they may do. The web app never
// re-implements access rules; it reads `abilities`.
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, isApiError } from "../../app/api-client";
import type { Language, OrganisationType, Role } from "../../app/domain";

export type Abilities = {
  manageOrganisations: boolean;
  /** Organisation ids whose directory entry the user edits; "all" for the tenant admin. */
  editDirectoryEntriesOf: "all" | string[];
  manageUsers: boolean;
  manageUsersOf: "all" | string[];
  viewAudit: boolean;
  assignableRoles: Role[];
  /** Works with person data: person list and case files. */
  workWithPersons: boolean;
  /** Registers new persons. */
  registerPersons: boolean;
  /** Data-protection officer's tools. */
  dataProtection: boolean;
  manageLegalBases: boolean;
  manageAgreements: boolean;
  /** The referral deadline figures per organisation. */
  viewReferralReports: boolean;
  /** The tenant's settings (federal state, default deadlines). */
  manageSettings: boolean;
};

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  locale: Language;
};

export type Me = {
  user: SessionUser;
  organisation: { id: string; name: string; type: OrganisationType };
  tenant: { id: string; name: string };
  secondFactor: "done" | "enrol";
  totpEnabled: boolean;
  abilities: Abilities;
};

export type LoginResponse = { user: SessionUser; secondFactor: "done" | "enrol" };
export type TotpSetup = { secret: string; uri: string; qrSvg: string };

export const meQueryKey = ["auth", "me"] as const;

/** `null` when nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api.get<Me>("/auth/me");
    } catch (e) {
      if (isApiError(e) && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 60_000,
});

export function useSession(): Me | null | undefined {
  return useQuery(meQuery).data;
}

/** The signed-in user inside the application frame (the route guard guarantees one). */
export function useMe(): Me {
  const me = useSession();
  if (!me) throw new Error("useMe() outside a signed-in route");
  return me;
}

export const authApi = {
  login: (body: { email: string; password: string; totp?: string }) => api.post<LoginResponse>("/auth/login", body),
  logout: () => api.post<void>("/auth/logout"),
  totpSetup: () => api.post<TotpSetup>("/auth/totp/setup"),
  totpConfirm: (code: string) => api.post<Me>("/auth/totp/confirm", { code }),
  changePassword: (body: { currentPassword: string; newPassword: string }) => api.post<void>("/auth/password", body),
  updateMe: (body: { locale?: Language; name?: string }) => api.patch<Me>("/auth/me", body),
};

export function useSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await authApi.logout();
    } catch {
      // The session may already be gone; the user is signed out either way.
    }
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
  };
}
