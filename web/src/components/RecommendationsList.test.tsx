import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import type { Role } from "../api/types";
import { FREELANCER_ID, freelancerProfile, recommendation, userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { RecommendationsList } from "./RecommendationsList";

const received = recommendation();
const sent = recommendation({ id: "r2", from: userCard(9, "Me"), to: userCard(2, "Cy Colleague"), note: "" });

function open(role: Role = "client") {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: userCard(9, "Me").id, email: "me@example.com", name: "Me", role } });
  const api = mockApi({
    "GET /api/recommendations": ({ search }) =>
      json({ items: new URLSearchParams(search).get("direction") === "sent" ? [sent] : [received], next_cursor: null }),
    "GET /api/users/profile": () => json(freelancerProfile({ role, roles: [role] })),
    "GET /api/jobs/mine": () => json({ items: [], next_cursor: null }),
  });
  const user = userEvent.setup();
  renderWithProviders(<RecommendationsList />);
  return { ...api, user };
}

describe("RecommendationsList", () => {
  it("shows who recommended whom, with the note, and switches to the ones sent", async () => {
    const { calls, user } = open();
    const list = await screen.findByRole("list", { name: "Recommendations to you" });
    const item = within(list).getByRole("listitem", { name: "Finn Freelancer" });
    expect(within(item).getByRole("link", { name: "Finn Freelancer" })).toHaveAttribute("href", `/users/${FREELANCER_ID}`);
    expect(item).toHaveTextContent("Recommended by Bo Friend");
    expect(item).toHaveTextContent("Finn rebuilt our shop in a week.");

    await user.selectOptions(screen.getByLabelText("Show"), "sent");
    const mine = await screen.findByRole("list", { name: "Recommendations you sent" });
    expect(within(mine).getByRole("listitem", { name: "Finn Freelancer" })).toHaveTextContent("You recommended them to Cy Colleague");
    expect(calls.filter((c) => c.path === "/api/recommendations").map((c) => c.search)).toEqual(["?direction=received", "?direction=sent"]);
  });

  it("lets a client invite a recommended freelancer to a job", async () => {
    const { user } = open("client");
    const item = await screen.findByRole("listitem", { name: "Finn Freelancer" });
    await user.click(await within(item).findByRole("button", { name: "Invite to job" }));
    expect(await within(item).findByText(/You have no open jobs to invite Finn Freelancer to/)).toBeInTheDocument();
  });

  it("offers a freelancer no invitation", async () => {
    open("freelancer");
    const item = await screen.findByRole("listitem", { name: "Finn Freelancer" });
    expect(within(item).queryByRole("button", { name: "Invite to job" })).toBeNull();
  });
});
