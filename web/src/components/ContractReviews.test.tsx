import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import type { ContractReviews } from "../api/types";
import { open } from "../test/contractPage";
import { CLIENT_ID, FREELANCER_ID, contractDetail, review } from "../test/fixtures";
import { json } from "../test/utils";

const completed = contractDetail({ status: "completed", ended_at: "2026-11-30T09:00:00Z" });
const reviewsPath = `/api/contracts/${completed.id}/reviews`;

function openWith(userId: string, first: ContractReviews, after?: ContractReviews) {
  const state = { reviews: first };
  const opened = open(userId, completed, {
    [`GET ${reviewsPath}`]: () => json(state.reviews),
    "POST /api/reviews": ({ body }) => {
      if (after) state.reviews = after;
      return json(review({ ...(body as object), released_at: null }), 201);
    },
    "POST /api/reviews/01a22400-7777-7000-8000-0000000000r1/reply": ({ body }) => {
      state.reviews = { ...state.reviews, from_client: review({ reply: { body: (body as { body: string }).body, created_at: "2026-12-02T10:00:00Z" } }) };
      return json(state.reviews.from_client, 201);
    },
  });
  return opened;
}

describe("ContractReviews", () => {
  it("lets a party leave a review of a completed contract, hidden from the other until they review", async () => {
    const mine = review({ rating: 4, comment: "Good work.", released_at: null });
    const { calls, user } = openWith(CLIENT_ID, { can_review: true, window_closes_at: "2026-12-14T09:00:00Z" }, { can_review: false, from_client: mine });
    const form = await screen.findByRole("form", { name: "Leave a review" });
    expect(screen.getByText(/hidden until the other party reviews or 14 days pass \(by Dec 14, 2026\)/)).toBeInTheDocument();

    await user.click(within(form).getByRole("button", { name: "Submit review" }));
    expect(within(form).getByText("Pick from 1 to 5 stars.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    await user.click(within(form).getByRole("radio", { name: "4 stars" }));
    await user.type(within(form).getByLabelText("Comment"), "Good work.");
    await user.type(within(form).getByLabelText("Private feedback to Downwork (optional)"), "Slow to answer at first.");
    await user.click(within(form).getByRole("button", { name: "Submit review" }));

    expect(await screen.findByText("Hidden from Finn Freelancer until they review or 14 days pass.")).toBeInTheDocument();
    expect(screen.getByText("Good work.")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Leave a review" })).toBeNull();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      contract_id: completed.id,
      rating: 4,
      comment: "Good work.",
      private_feedback: "Slow to answer at first.",
    });
  });

  it("shows the other party's released review, and the reviewee replies once", async () => {
    const { calls, user } = openWith(FREELANCER_ID, {
      can_review: false,
      from_client: review(),
      from_freelancer: review({ id: "01a22400-7777-7000-8000-0000000000r2", reviewer: { id: FREELANCER_ID, name: "Finn Freelancer" }, reviewee_id: CLIENT_ID, reviewee_side: "client" }),
    });
    const theirs = await screen.findByRole("article", { name: "Review by Cleo Client" });
    expect(within(theirs).getByRole("img", { name: "5 out of 5 stars" })).toBeInTheDocument();
    expect(within(theirs).getByText("Quick, careful work.")).toBeInTheDocument();

    await user.click(within(theirs).getByRole("button", { name: "Reply" }));
    const form = within(theirs).getByRole("form", { name: "Reply to Cleo Client" });
    await user.click(within(form).getByRole("button", { name: "Post reply" }));
    expect(within(form).getByText("Write your reply.")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("Your reply"), "Thank you!");
    await user.click(within(form).getByRole("button", { name: "Post reply" }));

    expect(await within(theirs).findByText("Thank you!")).toBeInTheDocument();
    expect(within(theirs).queryByRole("button", { name: "Reply" })).toBeNull();
    expect(calls.filter((c) => c.method === "POST").map((c) => c.body)).toEqual([{ body: "Thank you!" }]);
  });

  it("says the other's review is not there yet while it is hidden", async () => {
    openWith(FREELANCER_ID, { can_review: true, window_closes_at: "2026-12-14T09:00:00Z", from_client: null });
    expect(await screen.findByText(/Not there yet: it shows once Cleo Client has reviewed and you have too, or when 14 days pass/)).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Leave a review" })).toBeInTheDocument();
  });

  it("shows nothing on a cancelled contract that cannot be reviewed", async () => {
    const cancelled = contractDetail({ status: "cancelled", ended_at: "2026-11-30T09:00:00Z" });
    const { calls } = open(CLIENT_ID, cancelled, { [`GET /api/contracts/${cancelled.id}/reviews`]: () => json({ can_review: false }) });
    await screen.findByRole("heading", { level: 1, name: cancelled.title });
    await waitFor(() => expect(calls.some((c) => c.path.endsWith("/reviews"))).toBe(true));
    expect(screen.queryByRole("heading", { name: "Reviews" })).toBeNull();
  });
});
