import createClient from "openapi-fetch";
import type { paths } from "./generated/schema";
import { ApiError } from "./errors";
import { getSession, reloadSession, sessionFromAuth, setSession } from "./session";

/** Same origin as the page: the server hosts both the app and the API. */
export const baseUrl = typeof location !== "undefined" ? location.origin : "";

/** A client without credentials, for the calls that hand them out. */
const publicClient = createClient<paths>({ baseUrl, fetch: (request) => fetch(request) });

// Endpoints that take no bearer token, and whose 401 means "wrong credentials"
// rather than "access token expired".
function isCredentialEndpoint(pathname: string): boolean {
  return pathname === "/api/users/login" || pathname === "/api/users/signup" || pathname.startsWith("/api/auth/");
}

/**
 * `fetch` with the session's access token. On a 401 it trades the refresh
 * token for a new pair once and replays the request; when that fails too the
 * session is dropped (logged out) and the 401 is returned.
 */
export async function authFetch(request: Request): Promise<Response> {
  const session = getSession();
  const { pathname } = new URL(request.url);
  if (!session || isCredentialEndpoint(pathname) || request.headers.has("Authorization")) {
    return fetch(request);
  }
  const replay = request.clone();
  request.headers.set("Authorization", `Bearer ${session.accessToken}`);
  const response = await fetch(request);
  if (response.status !== 401) return response;

  const accessToken = await refreshAccessToken(session.accessToken);
  if (!accessToken) return response;
  replay.headers.set("Authorization", `Bearer ${accessToken}`);
  return fetch(replay);
}

let inflight: Promise<string | null> | null = null;

/**
 * A fresh access token to replace `staleAccessToken`, or null when the
 * session cannot be renewed. Concurrent callers share one refresh: each
 * refresh token works once, and presenting a used one ends the session.
 */
export function refreshAccessToken(staleAccessToken: string): Promise<string | null> {
  // Another tab may have refreshed already; its tokens are in storage.
  const current = reloadSession();
  if (!current) return Promise.resolve(null);
  if (current.accessToken !== staleAccessToken) return Promise.resolve(current.accessToken);
  inflight ??= renew(current.refreshToken).finally(() => {
    inflight = null;
  });
  return inflight;
}

async function renew(refreshToken: string): Promise<string | null> {
  try {
    const { data, response } = await publicClient.POST("/api/auth/refresh", {
      body: { refresh_token: refreshToken },
    });
    if (data) {
      setSession(sessionFromAuth(data));
      return data.access_token;
    }
    if (response.status >= 500 || response.status === 429) return null; // keep the session, try later
  } catch {
    return null; // offline: keep the session
  }
  setSession(null);
  return null;
}

/** The typed API client used by the app. */
export const api = createClient<paths>({ baseUrl, fetch: authFetch });

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Resolves an openapi-fetch result to its data, or throws an ApiError. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch {
    throw ApiError.network();
  }
  if (!result.response.ok) throw ApiError.from(result.response.status, result.error);
  return result.data as T;
}

export { publicClient };
