import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import type { AdminUser, Job } from "../../api/types";
import { openAdmin } from "../../test/adminPages";
import { CLIENT_ID, fixedJob } from "../../test/fixtures";
import { json } from "../../test/utils";

const job = fixedJob();
const hidePath = `/api/admin/jobs/${job.id}/hide`;

const cleo: AdminUser = {
  id: CLIENT_ID,
  email: "cleo@example.com",
  name: "Cleo Client",
  roles: ["client"],
  standing: "active",
  created_at: "2026-11-01T10:00:00Z",
  email_verified_at: null,
  banned_at: null,
  suspended_until: null,
  moderation_reason: null,
};

/** The jobs page over one job; `state.job` is what the list answers next. */
function openJobs(route = "/admin/jobs", handlers: Parameters<typeof openAdmin>[1] = {}) {
  const state = { job };
  const api = openAdmin(route, {
    "GET /api/admin/jobs": () => json({ items: [state.job], next_cursor: null }),
    [`GET /api/admin/users/${CLIENT_ID}`]: () => json(cleo),
    ...handlers,
  });
  return { ...api, state };
}

describe("admin jobs", () => {
  it("list every job with its owner, status and whether it is hidden, filtered in the address", async () => {
    const { calls, user, state } = openJobs();
    state.job = { ...job, status: "closed", hidden: true, closed_by_admin: true };
    const card = await screen.findByRole("article", { name: job.title });
    expect(within(screen.getByRole("navigation", { name: "Admin" })).getByRole("link", { name: "Jobs" })).toHaveAttribute("href", "/admin/jobs");
    expect(within(card).getByRole("link", { name: job.title })).toHaveAttribute("href", `/jobs/${job.id}`);
    expect(await within(card).findByRole("link", { name: "Cleo Client" })).toHaveAttribute("href", `/admin/users/${CLIENT_ID}`);
    expect(within(card).getByText("Closed")).toBeInTheDocument();
    expect(within(card).getByText("Hidden")).toBeInTheDocument();
    expect(within(card).getByText("Closed by an admin")).toBeInTheDocument();
    expect(within(card).getByRole("button", { name: "Restore" })).toBeInTheDocument();
    expect(within(card).queryByRole("button", { name: "Hide" })).toBeNull();
    expect(within(card).queryByRole("button", { name: "Close" })).toBeNull();

    await user.type(screen.getByLabelText("Title, owner's name or e-mail"), "landing");
    await user.click(screen.getByRole("button", { name: "Search" }));
    await user.selectOptions(screen.getByLabelText("Status"), "Closed");
    await user.selectOptions(screen.getByLabelText("Hidden"), "Hidden only");
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/admin/jobs?q=landing&status=closed&hidden=true"));
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/admin/jobs").at(-1)?.search).toBe("?q=landing&status=closed&hidden=true"));
  });

  it("hide a job with a reason, and offer to restore it after", async () => {
    const { calls, user, state } = openJobs("/admin/jobs", {
      [`POST ${hidePath}`]: () => {
        state.job = { ...job, hidden: true };
        return json(state.job);
      },
    });
    const card = await screen.findByRole("article", { name: job.title });
    await user.click(within(card).getByRole("button", { name: "Hide" }));
    const form = within(card).getByRole("form", { name: `Hide ${job.title}` });
    expect(within(form).getByText(/takes the job off the board/)).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Hide job" }));
    expect(within(form).getByText("Say why; it goes in the audit log.")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("Reason"), "Misleading pay");
    await user.click(within(form).getByRole("button", { name: "Hide job" }));

    expect(await within(card).findByText("Hidden")).toBeInTheDocument();
    expect(within(card).getByRole("button", { name: "Restore" })).toBeInTheDocument();
    expect(within(card).getByRole("button", { name: "Close" })).toBeInTheDocument();
    expect(calls.filter((c) => c.method === "POST").map((c) => [c.path, c.body])).toEqual([[hidePath, { reason: "Misleading pay" }]]);
  });

  it("show the server's refusal in the form", async () => {
    const { user } = openJobs("/admin/jobs", {
      [`POST /api/admin/jobs/${job.id}/close`]: () => json({ error: { code: "job_closed_by_admin", message: "an administrator closed this job" } }, 409),
    });
    const card = await screen.findByRole("article", { name: job.title });
    await user.click(within(card).getByRole("button", { name: "Close" }));
    const form = within(card).getByRole("form", { name: `Close ${job.title}` });
    await user.type(within(form).getByLabelText("Reason"), "Duplicate posting");
    await user.click(within(form).getByRole("button", { name: "Close job" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("An administrator closed this job");
  });

  it("say so when no job matches", async () => {
    openAdmin("/admin/jobs?hidden=true", { "GET /api/admin/jobs": () => json({ items: [] as Job[], next_cursor: null }) });
    expect(await screen.findByText("No jobs match.")).toBeInTheDocument();
    expect(screen.getByLabelText("Hidden")).toHaveValue("true");
  });
});
