import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { setSession } from "../api/session";
import type { PublicProfile } from "../api/types";
import { CLIENT_ID, FREELANCER_ID, freelancerProfile, review } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { PublicProfilePage } from "./PublicProfilePage";

type Handlers = Parameters<typeof mockApi>[0];

function open(viewer: string | null, profile: PublicProfile = freelancerProfile({ id: FREELANCER_ID, name: "Finn Freelancer" }), handlers: Handlers = {}) {
  if (viewer) setSession({ accessToken: "a", refreshToken: "r", user: { id: viewer, email: "x@example.com", name: "X", role: "client" } });
  const api = mockApi({
    [`GET /api/users/${profile.id}`]: () => json(profile),
    "GET /api/users/friends": () => json({ items: [], next_cursor: null }),
    "GET /api/users/friend-requests": () => json({ items: [], next_cursor: null }),
    [`POST /api/users/${profile.id}/block`]: () => new Response(null, { status: 204 }),
    [`DELETE /api/users/${profile.id}/block`]: () => new Response(null, { status: 204 }),
    ...handlers,
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
    // The profile and its public reviews; nothing about friends.
    expect(calls.map((c) => c.path).filter((path) => !path.startsWith("/api/reviews/"))).toEqual([`/api/users/${FREELANCER_ID}`]);
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

  it("shows the level and the reviews with their average and count; the owner may reply", async () => {
    const profile = freelancerProfile({ id: FREELANCER_ID, name: "Finn Freelancer" });
    profile.freelancer!.level = "top_rated";
    const { calls, user } = open(FREELANCER_ID, profile, {
      [`GET /api/reviews/${FREELANCER_ID}`]: () => json({ items: [review()], average: 4.75, count: 4, next_cursor: null }),
      [`POST /api/reviews/${review().id}/reply`]: () => json(review({ reply: { body: "Thanks!", created_at: "2026-12-02T10:00:00Z" } }), 201),
    });
    expect(await screen.findByText("Top rated")).toBeInTheDocument();
    const section = await screen.findByRole("region", { name: "Reviews as a freelancer" });
    expect(await within(section).findByText("★ 4.8 from 4 reviews")).toBeInTheDocument();
    const item = within(section).getByRole("article", { name: "Review by Cleo Client" });
    expect(within(item).getByText("Quick, careful work.")).toBeInTheDocument();
    await user.click(within(item).getByRole("button", { name: "Reply" }));
    await user.type(within(item).getByLabelText("Your reply"), "Thanks!");
    await user.click(within(item).getByRole("button", { name: "Post reply" }));
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ body: "Thanks!" });
    expect(calls.find((c) => c.path === `/api/reviews/${FREELANCER_ID}`)?.search).toBe("?as=freelancer");
  });

  it("offers no reply to a visitor, and shows a client's reviews as a client", async () => {
    open(FREELANCER_ID, freelancerProfile({ id: CLIENT_ID, name: "Cleo Client", role: "client", roles: ["client"], freelancer: null, client: { company_name: "Cleo Co", company_size: "1", industry: "", description: "", rating_count: 0 } }), {
      [`GET /api/reviews/${CLIENT_ID}`]: () => json({ items: [], average: null, count: 0 }),
    });
    const section = await screen.findByRole("region", { name: "Reviews as a client" });
    expect(await within(section).findByText("No reviews yet")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Reviews as a freelancer" })).toBeNull();
  });

  it("lets a logged-in visitor report the person", async () => {
    const { calls, user } = open(CLIENT_ID, undefined, { "POST /api/reports": () => json({ id: "r1" }, 201) });
    await user.click(await screen.findByRole("button", { name: "Report" }));
    const form = screen.getByRole("form", { name: "Report Finn Freelancer" });
    await user.selectOptions(within(form).getByLabelText("Reason"), "Spam");
    await user.click(within(form).getByRole("button", { name: "Send report" }));
    expect(await screen.findByText(/we received your report/)).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/reports")?.body).toMatchObject({ subject_kind: "user", subject_id: FREELANCER_ID, reason: "spam" });
  });
});
