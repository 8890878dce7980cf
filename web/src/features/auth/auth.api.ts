// The session: who is signed in (GET /auth/me) and what they may do. The web app never
// re-implements access rules; it reads `abilities`.
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { type BodyOf, client, isApiError, type ResponseOf, type Schemas, unwrap } from "../../app/api-client";

export type Me = Schemas["Me"];
export type Abilities = Me["abilities"];
export type SessionUser = Me["user"];
export type LoginResponse = ResponseOf<"/api/v1/auth/login", "post">;
export type TotpSetup = ResponseOf<"/api/v1/auth/totp/setup", "post">;

export const meQueryKey = ["auth", "me"] as const;

/** `null` when nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await unwrap(client.GET("/api/v1/auth/me"));
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
  login: (body: BodyOf<"/api/v1/auth/login", "post">) => unwrap(client.POST("/api/v1/auth/login", { body })),
  logout: () => unwrap(client.POST("/api/v1/auth/logout")),
  totpSetup: () => unwrap(client.POST("/api/v1/auth/totp/setup")),
  totpConfirm: (code: string) => unwrap(client.POST("/api/v1/auth/totp/confirm", { body: { code } })),
  changePassword: (body: BodyOf<"/api/v1/auth/password", "post">) =>
    unwrap(client.POST("/api/v1/auth/password", { body })),
  updateMe: (body: BodyOf<"/api/v1/auth/me", "patch">) => unwrap(client.PATCH("/api/v1/auth/me", { body })),
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
