import { describe, expect, it } from "vitest";
import { json, mockApi } from "../test/utils";
import { getOwnProfile, login, logout } from "./endpoints";
import { ApiError } from "./errors";
import { getSession, setSession } from "./session";
import { freelancerProfile } from "../test/fixtures";

const user = { id: "u1", email: "ada@example.com", name: "Ada", role: "freelancer" as const };

function loggedIn(accessToken = "access-1", refreshToken = "refresh-1") {
  setSession({ accessToken, refreshToken, user });
}

const expired = () => json({ error: { code: "invalid_token", message: "the access token is invalid or has expired" } }, 401);

/** A profile endpoint that accepts only `valid` as the bearer token. */
const profileFor = (valid: string) => ({ headers }: { headers: Headers }) =>
  headers.get("Authorization") === `Bearer ${valid}` ? json(freelancerProfile()) : expired();

describe("the API client", () => {
  it("stores the session on log-in and sends no bearer token with credentials", async () => {
    loggedIn("stale");
    const { calls } = mockApi({
      "POST /api/users/login": () => json({ user, access_token: "a", refresh_token: "r" }),
    });
    await login("ada@example.com", "secret123");
    expect(calls[0].headers.get("Authorization")).toBeNull();
    expect(getSession()).toEqual({ accessToken: "a", refreshToken: "r", user });
    expect(JSON.parse(localStorage.getItem("downwork.session")!)).toMatchObject({ accessToken: "a" });
  });

  it("attaches the access token", async () => {
    loggedIn();
    const { calls } = mockApi({ "GET /api/users/profile": profileFor("access-1") });
    await expect(getOwnProfile()).resolves.toMatchObject({ name: "Ada Lovelace" });
    expect(calls).toHaveLength(1);
    expect(calls[0].headers.get("Authorization")).toBe("Bearer access-1");
  });

  it("refreshes once on a 401 and replays the request", async () => {
    loggedIn();
    const { calls } = mockApi({
      "GET /api/users/profile": profileFor("access-2"),
      "POST /api/auth/refresh": ({ body }) =>
        (body as { refresh_token: string }).refresh_token === "refresh-1"
          ? json({ user, access_token: "access-2", refresh_token: "refresh-2" })
          : expired(),
    });
    await expect(getOwnProfile()).resolves.toMatchObject({ name: "Ada Lovelace" });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["GET /api/users/profile", "POST /api/auth/refresh", "GET /api/users/profile"]);
    expect(getSession()).toMatchObject({ accessToken: "access-2", refreshToken: "refresh-2" });
  });

  it("shares one refresh between concurrent requests (a refresh token works once)", async () => {
    loggedIn();
    const { calls } = mockApi({
      "GET /api/users/profile": profileFor("access-2"),
      "POST /api/auth/refresh": () => json({ user, access_token: "access-2", refresh_token: "refresh-2" }),
    });
    await Promise.all([getOwnProfile(), getOwnProfile(), getOwnProfile()]);
    expect(calls.filter((c) => c.path === "/api/auth/refresh")).toHaveLength(1);
  });

  it("logs out when the refresh is refused", async () => {
    loggedIn();
    const { calls } = mockApi({
      "GET /api/users/profile": expired,
      "POST /api/auth/refresh": () => json({ error: { code: "session_ended", message: "the session has ended; log in again" } }, 401),
    });
    const error = await getOwnProfile().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(getSession()).toBeNull();
    expect(localStorage.getItem("downwork.session")).toBeNull();
    // No second replay after the failed refresh.
    expect(calls.filter((c) => c.path === "/api/users/profile")).toHaveLength(1);
  });

  it("does not retry more than once", async () => {
    loggedIn();
    const { calls } = mockApi({
      "GET /api/users/profile": expired,
      "POST /api/auth/refresh": () => json({ user, access_token: "access-2", refresh_token: "refresh-2" }),
    });
    await expect(getOwnProfile()).rejects.toMatchObject({ status: 401 });
    expect(calls.map((c) => c.path)).toEqual(["/api/users/profile", "/api/auth/refresh", "/api/users/profile"]);
  });

  it("keeps the session when the server cannot be reached for a refresh", async () => {
    loggedIn();
    mockApi({
      "GET /api/users/profile": expired,
      "POST /api/auth/refresh": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    await expect(getOwnProfile()).rejects.toMatchObject({ status: 401 });
    expect(getSession()).toMatchObject({ refreshToken: "refresh-1" });
  });

  it("ends the session on the server at log-out", async () => {
    loggedIn();
    const { calls } = mockApi({ "POST /api/auth/logout": () => new Response(null, { status: 204 }) });
    await logout();
    expect(getSession()).toBeNull();
    expect(calls[0].body).toEqual({ refresh_token: "refresh-1" });
  });

  it("turns a network failure into a readable error", async () => {
    mockApi({
      "GET /api/users/u1": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const { getPublicProfile } = await import("./endpoints");
    await expect(getPublicProfile("u1")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });
});
