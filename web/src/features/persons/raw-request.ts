// The two requests the shared api client does not offer yet: DELETE and multipart uploads. Same
// rules as app/api-client.ts: the session cookie, the CSRF header, problem documents as ApiError.
import { ApiError, type Problem } from "../../app/api-client";

async function send(method: "DELETE" | "POST", path: string, body?: FormData): Promise<Response> {
  try {
    return await fetch(`/api/v1${path}`, {
      method,
      headers: { accept: "application/json, application/problem+json", "x-strang-csrf": "1" },
      credentials: "same-origin",
      body,
    });
  } catch {
    throw new ApiError(0, { type: "/problems/network", title: "Network error", status: 0 });
  }
}

async function answer<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const problem =
      data && typeof data === "object" && "type" in data
        ? (data as Problem)
        : { type: `/problems/http-${res.status}`, title: res.statusText, status: res.status };
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

export const rawApi = {
  delete: async (path: string) => answer<void>(await send("DELETE", path)),
  upload: async <T>(path: string, form: FormData) => answer<T>(await send("POST", path, form)),
};
