import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import { userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { FriendSuggestions } from "./FriendSuggestions";

const di = userCard(3, "Di Designer");
const ed = userCard(4, "Ed Editor");

describe("FriendSuggestions", () => {
  it("shows friends of friends with their mutual count, and sends a request", async () => {
    setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "client" } });
    const state = { asked: false };
    const { calls } = mockApi({
      "GET /api/users/friend-suggestions": () =>
        json({ items: state.asked ? [{ user: ed, mutual_friends: 1 }] : [{ user: di, mutual_friends: 3 }, { user: ed, mutual_friends: 1 }] }),
      "POST /api/users/friend-request": () => {
        state.asked = true;
        return json({ id: "r1", from_user_id: "me", to_user_id: di.id, status: "pending", created_at: "2026-11-28T10:00:00Z", accepted_at: null }, 201);
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<FriendSuggestions />);

    const diItem = await screen.findByRole("listitem", { name: "Di Designer" });
    expect(diItem).toHaveTextContent("3 mutual friends");
    expect(screen.getByRole("listitem", { name: "Ed Editor" })).toHaveTextContent("1 mutual friend");
    await user.click(within(diItem).getByRole("button", { name: "Add friend" }));
    await waitFor(() => expect(screen.queryByRole("listitem", { name: "Di Designer" })).toBeNull());
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ user_id: di.id });
    expect(calls.find((c) => c.path === "/api/users/friend-suggestions")?.search).toBe("?limit=10");
  });

  it("says where suggestions come from when there are none", async () => {
    setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "client" } });
    mockApi({ "GET /api/users/friend-suggestions": () => json({ items: [] }) });
    renderWithProviders(<FriendSuggestions />);
    expect(await screen.findByText("Your friends’ friends will show up here.")).toBeInTheDocument();
  });
});
