import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import { FREELANCER_ID, fixedJob, suggestedFreelancer, userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { SuggestedFreelancers } from "./SuggestedFreelancers";

const job = fixedJob();
const friend = suggestedFreelancer({
  freelancer: userCard(1, "Bo Friend"),
  headline: "",
  score: 0.42,
  skill_overlap: 0,
  text_similarity: 0.2,
  rating: 0.5,
  connection: "friend",
});

function open(invite = () => json({ id: "i1", status: "pending" }, 201)) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: job.client_id, email: "c@example.com", name: "Cleo", role: "client" } });
  const api = mockApi({
    [`GET /api/jobs/${job.id}/suggested-freelancers`]: () => json({ items: [suggestedFreelancer(), friend] }),
    [`POST /api/jobs/${job.id}/invitations`]: invite,
  });
  const user = userEvent.setup();
  renderWithProviders(<SuggestedFreelancers job={job} />);
  return { ...api, user };
}

describe("SuggestedFreelancers", () => {
  it("shows each freelancer's fit and why", async () => {
    const { calls } = open();
    const finn = await screen.findByRole("listitem", { name: "Finn Freelancer" });
    expect(finn).toHaveTextContent("86% match");
    expect(finn).toHaveTextContent("React developer for landing pages");
    const why = within(within(finn).getByRole("list", { name: "Why Finn Freelancer" }))
      .getAllByRole("listitem")
      .map((reason) => reason.textContent);
    expect(why).toEqual(["Skills: 100% of the job’s", "Profile and past work: 50% match", "Rating ★ 3.5"]);
    // Not a friend and not invited yet: the server would refuse a message.
    expect(within(finn).queryByRole("link", { name: /^Message/ })).toBeNull();

    const bo = screen.getByRole("listitem", { name: "Bo Friend" });
    expect(within(bo).getByRole("list", { name: "Why Bo Friend" })).toHaveTextContent("Your friend");
    expect(within(bo).getByRole("link", { name: "Message Bo Friend" })).toHaveAttribute("href", `/messages/${userCard(1, "Bo Friend").id}`);
    expect(calls[0].search).toBe("?limit=10");
  });

  it("invites a suggested freelancer with a message, who can then be messaged", async () => {
    const { calls, user } = open();
    const finn = await screen.findByRole("listitem", { name: "Finn Freelancer" });
    await user.click(within(finn).getByRole("button", { name: "Invite" }));
    const form = within(finn).getByRole("form", { name: "Invite Finn Freelancer" });
    await user.type(within(form).getByLabelText("Message (optional)"), "Would you take a look?");
    await user.click(within(form).getByRole("button", { name: "Send invitation" }));

    expect(await within(finn).findByRole("status")).toHaveTextContent("Finn Freelancer is invited to send a proposal.");
    expect(within(finn).getByText("Invited")).toBeInTheDocument();
    expect(within(finn).queryByRole("button", { name: "Invite" })).toBeNull();
    expect(within(finn).getByRole("link", { name: "Message Finn Freelancer" })).toHaveAttribute("href", `/messages/${FREELANCER_ID}`);
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ freelancer_id: FREELANCER_ID, message: "Would you take a look?" });
  });

  it("says why an invitation failed", async () => {
    const { user } = open(() => json({ error: { code: "already_invited", message: "this freelancer is already invited" } }, 409));
    const finn = await screen.findByRole("listitem", { name: "Finn Freelancer" });
    await user.click(within(finn).getByRole("button", { name: "Invite" }));
    await user.click(within(finn).getByRole("button", { name: "Send invitation" }));
    expect(await within(finn).findByRole("alert")).toHaveTextContent("This freelancer is already invited");
  });
});
