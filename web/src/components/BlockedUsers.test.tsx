import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import { userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { BlockedUsers } from "./BlockedUsers";

const zed = userCard(5, "Zed Spammer");

describe("BlockedUsers", () => {
  it("lists blocked people without a link to their profile, and unblocks", async () => {
    setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "client" } });
    const state = { blocked: true };
    const { calls } = mockApi({
      "GET /api/users/blocked": () => json({ items: state.blocked ? [zed] : [], next_cursor: null }),
      [`DELETE /api/users/${zed.id}/block`]: () => {
        state.blocked = false;
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<BlockedUsers />);

    const item = await screen.findByRole("listitem", { name: "Zed Spammer" });
    expect(within(item).queryByRole("link")).toBeNull();
    await user.click(within(item).getByRole("button", { name: "Unblock Zed Spammer" }));
    expect(await screen.findByText("You have blocked no one.")).toBeInTheDocument();
    expect(calls.filter((c) => c.method === "DELETE").map((c) => c.path)).toEqual([`/api/users/${zed.id}/block`]);
  });
});
