import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import { userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { FriendsList } from "./FriendsList";

const bo = userCard(1, "Bo Friend");
const cy = userCard(2, "Cy Colleague");

function open() {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "client" } });
  const state = { unfriended: false };
  const api = mockApi({
    "GET /api/users/friends": ({ search }) =>
      new URLSearchParams(search).get("cursor") === "c2"
        ? json({ items: state.unfriended ? [] : [cy], next_cursor: null })
        : json({ items: [bo], next_cursor: "c2" }),
    [`DELETE /api/users/friends/${cy.id}`]: () => {
      state.unfriended = true;
      return new Response(null, { status: 204 });
    },
  });
  const user = userEvent.setup();
  renderWithProviders(<FriendsList />);
  return { ...api, user };
}

describe("FriendsList", () => {
  it("lists friends page by page, each with a message button", async () => {
    const { user } = open();
    const list = await screen.findByRole("list", { name: "Friends" });
    expect(within(list).getByRole("link", { name: "Message Bo Friend" })).toHaveAttribute("href", `/messages/${bo.id}`);
    await user.click(screen.getByRole("button", { name: "Load more" }));
    expect(await within(list).findByRole("listitem", { name: "Cy Colleague" })).toBeInTheDocument();
  });

  it("unfriends after asking", async () => {
    const { calls, user } = open();
    await user.click(await screen.findByRole("button", { name: "Load more" }));
    const cyItem = await screen.findByRole("listitem", { name: "Cy Colleague" });
    await user.click(within(cyItem).getByRole("button", { name: "Unfriend" }));
    const confirm = within(cyItem).getByRole("group", { name: "Unfriend Cy Colleague" });
    expect(confirm).toHaveTextContent("Remove Cy Colleague from your friends?");
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);

    await user.click(within(confirm).getByRole("button", { name: "Unfriend" }));
    await waitFor(() => expect(screen.queryByRole("listitem", { name: "Cy Colleague" })).toBeNull());
    expect(calls.filter((c) => c.method === "DELETE").map((c) => c.path)).toEqual([`/api/users/friends/${cy.id}`]);
    expect(screen.getByRole("listitem", { name: "Bo Friend" })).toBeInTheDocument();
  });

  it("can think better of it", async () => {
    const { calls, user } = open();
    const boItem = await screen.findByRole("listitem", { name: "Bo Friend" });
    await user.click(within(boItem).getByRole("button", { name: "Unfriend" }));
    await user.click(within(boItem).getByRole("button", { name: "Cancel" }));
    expect(within(boItem).queryByRole("group")).toBeNull();
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);
  });

  it("says when there are none", async () => {
    setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "client" } });
    mockApi({ "GET /api/users/friends": () => json({ items: [], next_cursor: null }) });
    renderWithProviders(<FriendsList />);
    expect(await screen.findByText(/No friends yet/)).toBeInTheDocument();
  });
});
