import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { setSession } from "../api/session";
import type { PublicProfile } from "../api/types";
import { CLIENT_ID, FREELANCER_ID, freelancerProfile } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { PublicProfilePage } from "./PublicProfilePage";

function open(viewer: string | null, profile: PublicProfile = freelancerProfile({ id: FREELANCER_ID, name: "Finn Freelancer" })) {
  if (viewer) setSession({ accessToken: "a", refreshToken: "r", user: { id: viewer, email: "x@example.com", name: "X", role: "client" } });
  const api = mockApi({
    [`GET /api/users/${profile.id}`]: () => json(profile),
    "GET /api/users/friends": () => json({ items: [], next_cursor: null }),
    "GET /api/users/friend-requests": () => json({ items: [], next_cursor: null }),
    [`POST /api/users/${profile.id}/block`]: () => new Response(null, { status: 204 }),
    [`DELETE /api/users/${profile.id}/block`]: () => new Response(null, { status: 204 }),
  });
  const user = userEvent.setup();
  renderWithProviders(
    <Routes>
      <Route path="/users/:id" element={<PublicProfilePage />} />
    </Routes>,
    { route: `/users/${profile.id}` },
  );
  return { ...api, user };
}

describe("PublicProfilePage", () => {
  it("lets a logged-in visitor message the person", async () => {
    open(CLIENT_ID);
    expect(await screen.findByRole("link", { name: "Message Finn Freelancer" })).toHaveAttribute("href", `/messages/${FREELANCER_ID}`);
  });

  it("offers no message button to the owner", async () => {
    open(FREELANCER_ID);
    expect(await screen.findByRole("heading", { name: "Finn Freelancer" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /^Message/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Add friend" })).toBeNull();
  });

  it("offers no message button to a visitor who is not logged in", async () => {
    const { calls } = open(null);
    expect(await screen.findByRole("heading", { name: "Finn Freelancer" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /^Message/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Recommend to a friend" })).toBeNull();
    expect(calls.map((c) => c.path)).toEqual([`/api/users/${FREELANCER_ID}`]);
  });

  it("offers a logged-in visitor to add the person as a friend, and to recommend a freelancer", async () => {
    const { user } = open(CLIENT_ID);
    expect(await screen.findByRole("button", { name: "Add friend" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Recommend to a friend" }));
    const form = screen.getByRole("form", { name: "Recommend Finn Freelancer" });
    expect(await within(form).findByText(/You have no friends to pick yet/)).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("button", { name: "Recommend to a friend" })).toBeInTheDocument();
  });

  it("offers no recommendation of someone who is not a freelancer", async () => {
    open(FREELANCER_ID, freelancerProfile({ id: CLIENT_ID, name: "Cleo Client", role: "client", roles: ["client"], freelancer: null }));
    expect(await screen.findByRole("button", { name: "Add friend" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Recommend to a friend" })).toBeNull();
  });

  it("puts the block in place of the profile, with a way back", async () => {
    const { calls, user } = open(CLIENT_ID);
    await user.click(await screen.findByRole("button", { name: "Block" }));
    await user.click(within(screen.getByRole("group", { name: "Block Finn Freelancer" })).getByRole("button", { name: "Block" }));
    expect(await screen.findByRole("heading", { level: 1, name: "You blocked Finn Freelancer" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to friends" })).toHaveAttribute("href", "/friends");

    await user.click(screen.getByRole("button", { name: "Unblock" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Finn Freelancer" })).toBeInTheDocument();
    expect(calls.filter((c) => c.path.endsWith("/block")).map((c) => c.method)).toEqual(["POST", "DELETE"]);
  });
});
