import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setSession } from "../api/session";
import { fixedJob, userCard } from "../test/fixtures";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { ShareJob } from "./ShareJob";

const job = fixedJob();
const bo = userCard(1, "Bo Friend");
const cy = userCard(2, "Cy Colleague");

function open(answer: (userIds: string[]) => Response) {
  setSession({ accessToken: "a", refreshToken: "r", user: { id: "me", email: "me@example.com", name: "Me", role: "freelancer" } });
  const api = mockApi({
    "GET /api/users/friends": () => json({ items: [bo, cy], next_cursor: null }),
    [`POST /api/jobs/${job.id}/share`]: ({ body }) => answer((body as { user_ids: string[] }).user_ids),
  });
  const user = userEvent.setup();
  renderWithProviders(<ShareJob job={job} />);
  return { ...api, user };
}

const share = (to: string) => ({ id: `s-${to}`, job_id: job.id, to_user_id: to, note: "", created_at: "2026-11-28T10:00:00Z" });

describe("ShareJob", () => {
  it("shares the job with the friends picked, and says who had it already", async () => {
    const { calls, user } = open(() => json({ items: [share(cy.id)] }, 201));
    expect(calls).toEqual([]); // friends load only once the form opens
    await user.click(screen.getByRole("button", { name: "Share with friends" }));
    const form = screen.getByRole("form", { name: "Share with friends" });
    await user.click(await within(form).findByRole("checkbox", { name: "Bo Friend" }));
    await user.click(within(form).getByRole("checkbox", { name: "Cy Colleague" }));
    await user.type(within(form).getByLabelText("Note (optional)"), "Right up your street.");
    await user.click(within(form).getByRole("button", { name: "Share" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Shared with Cy Colleague. You had shared it with Bo Friend before.");
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ user_ids: [bo.id, cy.id], note: "Right up your street." });
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.getByRole("button", { name: "Share with friends" })).toBeInTheDocument();
  });

  it("shows the server's refusal next to the friends", async () => {
    const { user } = open(() =>
      json({ error: { code: "validation_failed", message: "validation failed", fields: { user_ids: `${bo.id} is not your friend` } } }, 422),
    );
    await user.click(screen.getByRole("button", { name: "Share with friends" }));
    await user.click(await screen.findByRole("checkbox", { name: "Bo Friend" }));
    await user.click(screen.getByRole("button", { name: "Share" }));
    expect(await screen.findByText(`${bo.id} is not your friend`)).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Please correct the highlighted fields.");
  });

  it("asks for a friend before sharing", async () => {
    const { calls, user } = open(() => json({ items: [] }, 201));
    await user.click(screen.getByRole("button", { name: "Share with friends" }));
    await screen.findByRole("checkbox", { name: "Bo Friend" });
    await user.click(screen.getByRole("button", { name: "Share" }));
    expect(screen.getByText("Pick at least one friend.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST")).toBe(false);
  });
});
