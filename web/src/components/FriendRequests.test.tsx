import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import type { PendingRequest } from "../api/types";
import { pendingRequest, userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { FriendRequests } from "./FriendRequests";

const me = userCard(9, "Me");
const bo = userCard(1, "Bo Friend");
const cy = userCard(2, "Cy Colleague");
const fromBo = pendingRequest(1, bo, me, me.id);
const toCy = pendingRequest(2, me, cy, me.id);

function open(lists: { incoming: PendingRequest[]; outgoing: PendingRequest[] }, answer = () => json({ ...fromBo, status: "accepted" })) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: me.id, email: "me@example.com", name: "Me", role: "client" } });
  const api = mockApi({
    "GET /api/users/friend-requests": ({ search }) => {
      const direction = new URLSearchParams(search).get("direction") as "incoming" | "outgoing";
      return json({ items: lists[direction], next_cursor: null });
    },
    [`PUT /api/users/friend-request/${fromBo.id}/accept`]: answer,
    [`PUT /api/users/friend-request/${fromBo.id}/decline`]: () => json({ ...fromBo, status: "declined" }),
    [`DELETE /api/users/friend-request/${toCy.id}`]: () => json({ ...toCy, status: "cancelled" }),
  });
  const user = userEvent.setup();
  renderWithProviders(<FriendRequests />);
  return { ...api, user };
}

describe("FriendRequests", () => {
  it("lists requests to the caller and those they sent", async () => {
    const { calls } = open({ incoming: [fromBo], outgoing: [toCy] });
    const mine = await screen.findByRole("list", { name: "Requests to you" });
    const item = within(mine).getByRole("listitem", { name: "Bo Friend" });
    expect(within(item).getByRole("link", { name: "Bo Friend" })).toHaveAttribute("href", `/users/${bo.id}`);
    expect(within(item).getByRole("button", { name: "Accept" })).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Requests you sent" })).getByRole("listitem", { name: "Cy Colleague" })).toBeInTheDocument();
    expect(calls.map((c) => c.search).sort()).toEqual(["?direction=incoming&limit=100", "?direction=outgoing&limit=100"]);
  });

  it("accepts a request, and the list follows", async () => {
    const lists = { incoming: [fromBo], outgoing: [] };
    const { calls, user } = open(lists);
    const item = await screen.findByRole("listitem", { name: "Bo Friend" });
    lists.incoming = [];
    await user.click(within(item).getByRole("button", { name: "Accept" }));
    expect(await screen.findByText("No one is waiting for your answer.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "PUT" && c.path.endsWith("/accept"))).toBe(true);
  });

  it("declines a request", async () => {
    const lists = { incoming: [fromBo], outgoing: [] };
    const { calls, user } = open(lists);
    const item = await screen.findByRole("listitem", { name: "Bo Friend" });
    lists.incoming = [];
    await user.click(within(item).getByRole("button", { name: "Decline" }));
    expect(await screen.findByText("No one is waiting for your answer.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "PUT" && c.path.endsWith("/decline"))).toBe(true);
  });

  it("cancels a sent request", async () => {
    const lists = { incoming: [], outgoing: [toCy] };
    const { calls, user } = open(lists);
    const item = await screen.findByRole("listitem", { name: "Cy Colleague" });
    lists.outgoing = [];
    await user.click(within(item).getByRole("button", { name: "Cancel request" }));
    await waitFor(() => expect(screen.queryByRole("list", { name: "Requests you sent" })).toBeNull());
    expect(calls.some((c) => c.method === "DELETE" && c.path === `/api/users/friend-request/${toCy.id}`)).toBe(true);
  });

  it("says in place why an answer failed", async () => {
    const { user } = open({ incoming: [fromBo], outgoing: [] }, () =>
      json({ error: { code: "not_pending", message: "the request was already answered" } }, 409),
    );
    const item = await screen.findByRole("listitem", { name: "Bo Friend" });
    await user.click(within(item).getByRole("button", { name: "Accept" }));
    expect(await within(item).findByRole("alert")).toHaveTextContent("The request was already answered");
  });
});
