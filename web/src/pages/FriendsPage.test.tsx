import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { setSession } from "../api/session";
import type { PendingRequest, SharedJob } from "../api/types";
import { RealtimeProvider } from "../realtime/RealtimeProvider";
import { createSocket } from "../realtime/socket";
import { fakeSockets } from "../test/fakeSocket";
import { freelancerProfile, pendingRequest, sharedJob, userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { FriendsPage } from "./FriendsPage";

vi.mock("../realtime/socket", () => ({ createSocket: vi.fn() }));

const me = userCard(9, "Me");
const bo = userCard(1, "Bo Friend");
const cy = userCard(2, "Cy Colleague");

function open() {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: me.id, email: "me@example.com", name: "Me", role: "freelancer" } });
  const server: { incoming: PendingRequest[]; shared: SharedJob[] } = { incoming: [], shared: [] };
  const api = mockApi({
    "GET /api/users/profile": () => json(freelancerProfile({ id: me.id })),
    "GET /api/users/friend-requests": ({ search }) =>
      json({ items: new URLSearchParams(search).get("direction") === "incoming" ? server.incoming : [], next_cursor: null }),
    "GET /api/users/friends": () => json({ items: [bo], next_cursor: null }),
    "GET /api/users/friend-suggestions": () => json({ items: [{ user: userCard(3, "Di Designer"), mutual_friends: 2 }] }),
    "GET /api/users/blocked": () => json({ items: [], next_cursor: null }),
    "GET /api/recommendations": () => json({ items: [], next_cursor: null }),
    "GET /api/jobs/shared-with-me": () => json({ items: server.shared, next_cursor: null }),
  });
  const sockets = fakeSockets(vi.mocked(createSocket));
  renderWithProviders(
    <RealtimeProvider>
      <FriendsPage />
    </RealtimeProvider>,
  );
  return { ...api, server, sockets };
}

const note = (kind: string) => ({ id: `n-${kind}`, kind, payload: {}, read_at: null, created_at: "2026-11-28T10:00:00Z" });

describe("FriendsPage", () => {
  it("brings requests, friends, shared jobs, recommendations, suggestions and blocks together", async () => {
    open();
    expect(await screen.findByRole("heading", { level: 1, name: "Friends" })).toBeInTheDocument();
    for (const name of ["Friend requests", "Your friends", "Shared with me", "Recommendations", "People you may know", "Blocked"]) {
      expect(screen.getByRole("region", { name })).toBeInTheDocument();
    }
    expect(await within(screen.getByRole("region", { name: "Your friends" })).findByRole("listitem", { name: "Bo Friend" })).toBeInTheDocument();
    expect(await within(screen.getByRole("region", { name: "People you may know" })).findByText("2 mutual friends")).toBeInTheDocument();
  });

  it("shows a friend request and a shared job as the socket tells of them", async () => {
    const { server, sockets } = open();
    await screen.findByText("No one is waiting for your answer.");
    await waitFor(() => expect(sockets.at(-1)?.connected).toBe(true));

    server.incoming = [pendingRequest(1, cy, me, me.id)];
    sockets[0].push("notification:new", note("friend_request"));
    expect(await within(screen.getByRole("region", { name: "Friend requests" })).findByRole("listitem", { name: "Cy Colleague" })).toBeInTheDocument();

    server.shared = [sharedJob()];
    sockets[0].push("notification:new", note("job_shared"));
    expect(await within(screen.getByRole("region", { name: "Shared with me" })).findByRole("link", { name: sharedJob().job.title })).toBeInTheDocument();
  });
});
