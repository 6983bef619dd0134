import { describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import type { PendingRequest, UserCard } from "../api/types";
import { pendingRequest, userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { FriendshipControl } from "./FriendshipControl";

const me = userCard(9, "Me");
const finn = userCard(1, "Finn Freelancer");

interface Graph {
  friends: UserCard[];
  incoming: PendingRequest[];
  outgoing: PendingRequest[];
}

function open(graph: Graph, sendAnswer?: () => Response) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: me.id, email: "me@example.com", name: "Me", role: "client" } });
  const request = pendingRequest(1, me, finn, me.id);
  const api = mockApi({
    "GET /api/users/friends": () => json({ items: graph.friends, next_cursor: null }),
    "GET /api/users/friend-requests": ({ search }) =>
      json({ items: new URLSearchParams(search).get("direction") === "incoming" ? graph.incoming : graph.outgoing, next_cursor: null }),
    "POST /api/users/friend-request": () => {
      if (sendAnswer) return sendAnswer();
      graph.outgoing = [request];
      return json({ ...request, user: undefined }, 201);
    },
    [`DELETE /api/users/friend-request/${request.id}`]: () => {
      graph.outgoing = [];
      return json({ ...request, status: "cancelled" });
    },
    [`PUT /api/users/friend-request/${pendingRequest(2, finn, me, me.id).id}/accept`]: () => {
      graph.incoming = [];
      graph.friends = [finn];
      return json({ status: "accepted" });
    },
    [`POST /api/users/${finn.id}/block`]: () => new Response(null, { status: 204 }),
  });
  const onBlocked = vi.fn();
  const user = userEvent.setup();
  renderWithProviders(<FriendshipControl user={finn} onBlocked={onBlocked} />);
  return { ...api, user, onBlocked };
}

describe("FriendshipControl", () => {
  it("sends a request, then reads Request sent, and can take it back", async () => {
    const { calls, user } = open({ friends: [], incoming: [], outgoing: [] });
    await user.click(await screen.findByRole("button", { name: "Add friend" }));
    expect(await screen.findByText("Request sent")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ user_id: finn.id });

    await user.click(screen.getByRole("button", { name: "Cancel request" }));
    expect(await screen.findByRole("button", { name: "Add friend" })).toBeInTheDocument();
    expect(calls.some((c) => c.method === "DELETE")).toBe(true);
  });

  it("accepts their request, and then reads Friends", async () => {
    const { user } = open({ friends: [], incoming: [pendingRequest(2, finn, me, me.id)], outgoing: [] });
    expect(await screen.findByRole("button", { name: "Decline" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Accept friend request" }));
    expect(await screen.findByText("Friends")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add friend" })).toBeNull();
  });

  it("reads Friends from the friends list", async () => {
    open({ friends: [userCard(3, "Someone Else"), finn], incoming: [], outgoing: [] });
    expect(await screen.findByText("Friends")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add friend" })).toBeNull();
  });

  it("reads the lists again when the server says they changed meanwhile", async () => {
    const graph: Graph = { friends: [], incoming: [], outgoing: [] };
    const { calls, user } = open(graph, () => {
      graph.incoming = [pendingRequest(2, finn, me, me.id)];
      return json({ error: { code: "request_exists", message: "there is a request between you already" } }, 409);
    });
    await user.click(await screen.findByRole("button", { name: "Add friend" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("There is a request between you already");
    expect(await screen.findByRole("button", { name: "Accept friend request" })).toBeInTheDocument();
    expect(calls.filter((c) => c.path === "/api/users/friend-requests").length).toBe(4);
  });

  it("blocks only after asking", async () => {
    const { calls, user, onBlocked } = open({ friends: [finn], incoming: [], outgoing: [] });
    await user.click(await screen.findByRole("button", { name: "Block" }));
    const confirm = screen.getByRole("group", { name: "Block Finn Freelancer" });
    expect(confirm).toHaveTextContent("they can no longer see your profile");
    expect(calls.some((c) => c.path.endsWith("/block"))).toBe(false);
    await user.click(screen.getByRole("button", { name: "Block" }));
    await waitFor(() => expect(onBlocked).toHaveBeenCalled());
    expect(calls.filter((c) => c.path.endsWith("/block")).map((c) => c.method)).toEqual(["POST"]);
  });
});
