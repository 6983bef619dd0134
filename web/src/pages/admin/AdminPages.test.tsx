import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import type { AdminUser, Announcement, Report } from "../../api/types";
import { CLIENT_ID, FREELANCER_ID } from "../../test/fixtures";
import { ADMIN_ID, openAdmin } from "../../test/adminPages";
import { json } from "../../test/utils";

const finn: AdminUser = {
  id: FREELANCER_ID,
  email: "finn@example.com",
  name: "Finn Freelancer",
  roles: ["freelancer"],
  standing: "active",
  created_at: "2026-11-01T10:00:00Z",
  email_verified_at: "2026-11-01T10:05:00Z",
  banned_at: null,
  suspended_until: null,
  moderation_reason: null,
};

const open = openAdmin;

describe("admin pages", () => {
  it("are not there for anyone but admins", async () => {
    open("/admin/users", {}, ["client"]);
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "Admin" })).toBeNull();
  });

  it("search users, with the filters in the address", async () => {
    const { calls, user } = open("/admin/users", {
      "GET /api/admin/users": () => json({ items: [{ ...finn, standing: "suspended" }], next_cursor: null }),
    });
    const row = (await screen.findByRole("link", { name: "Finn Freelancer" })).closest("tr")!;
    expect(within(row).getByText("Suspended")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Name or e-mail"), "finn");
    await user.click(screen.getByRole("button", { name: "Search" }));
    await user.click(screen.getByLabelText("Suspended or banned only"));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/admin/users?q=finn&locked_out=true"));
    await waitFor(() => expect(calls.at(-1)?.search).toBe("?q=finn&locked_out=true"));
  });

  it("suspend a user until a day, each action with a reason", async () => {
    const state = { user: finn };
    const { calls, user } = open(`/admin/users/${FREELANCER_ID}`, {
      [`GET /api/admin/users/${FREELANCER_ID}`]: () => json(state.user),
      [`POST /api/admin/users/${FREELANCER_ID}/suspend`]: ({ body }) => {
        const { until, reason } = body as { until: string; reason: string };
        state.user = { ...finn, standing: "suspended", suspended_until: until, moderation_reason: reason };
        return json(state.user);
      },
    });
    expect(await screen.findByRole("heading", { name: "Finn Freelancer" })).toBeInTheDocument();
    expect(screen.getByText("Active")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Suspend" }));
    const form = screen.getByRole("form", { name: "Suspend Finn Freelancer" });
    await user.click(within(form).getByRole("button", { name: "Suspend" }));
    expect(within(form).getByText("Pick the day the suspension ends.")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("Suspended until (UTC)"), "2099-01-31");
    await user.click(within(form).getByRole("button", { name: "Suspend" }));
    expect(within(form).getByText("Say why; it goes in the audit log.")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("Reason"), "Spam in messages");
    await user.click(within(form).getByRole("button", { name: "Suspend" }));

    expect(await screen.findByText("Suspended")).toBeInTheDocument();
    expect(screen.getByText("Spam in messages")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Lift suspension" })).toBeInTheDocument();
    expect(calls.filter((c) => c.method === "POST").map((c) => c.body)).toEqual([{ until: "2099-01-31T00:00:00Z", reason: "Spam in messages" }]);
  });

  it("ban a user, then lift the ban", async () => {
    const state = { user: finn };
    const { calls, user } = open(`/admin/users/${FREELANCER_ID}`, {
      [`GET /api/admin/users/${FREELANCER_ID}`]: () => json(state.user),
      [`POST /api/admin/users/${FREELANCER_ID}/ban`]: () => {
        state.user = { ...finn, standing: "banned", banned_at: "2026-12-01T10:00:00Z", moderation_reason: "Fraud" };
        return json(state.user);
      },
      [`POST /api/admin/users/${FREELANCER_ID}/lift`]: () => {
        state.user = finn;
        return json(finn);
      },
    });
    await user.click(await screen.findByRole("button", { name: "Ban" }));
    const form = screen.getByRole("form", { name: "Ban Finn Freelancer" });
    await user.type(within(form).getByLabelText("Reason"), "Fraud");
    await user.click(within(form).getByRole("button", { name: "Ban" }));
    expect(await screen.findByText("Banned")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Suspend" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Lift ban" }));
    const lift = screen.getByRole("form", { name: "Restore Finn Freelancer" });
    await user.type(within(lift).getByLabelText("Reason"), "Appeal accepted");
    await user.click(within(lift).getByRole("button", { name: "Lift" }));
    expect(await screen.findByText("Active")).toBeInTheDocument();
    expect(calls.filter((c) => c.method === "POST").map((c) => [c.path.split("/").pop(), c.body])).toEqual([
      ["ban", { reason: "Fraud" }],
      ["lift", { reason: "Appeal accepted" }],
    ]);
  });

  it("change settings with a reason", async () => {
    const { calls, user } = open("/admin/settings", {
      "GET /api/admin/settings": () =>
        json({ client_fee_bps: 500, freelancer_fee_bps: 1000, auto_release_days: 14, hourly_review_days: 5, job_open_days: 30, signup_mode: "open" }),
      "PUT /api/admin/settings": ({ body }) => json(body),
    });
    const fee = await screen.findByLabelText("Client fee (basis points)");
    expect(fee).toHaveValue("500");
    await user.clear(fee);
    await user.type(fee, "450");
    const days = screen.getByLabelText("Jobs open for (days)");
    expect(days).toHaveAttribute("min", "1");
    expect(days).toHaveAttribute("max", "365");
    await user.clear(days);
    await user.type(days, "400");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(screen.getByText("Enter a whole number from 1 to 365.")).toBeInTheDocument();
    expect(screen.getByText("Say why; it goes in the audit log.")).toBeInTheDocument();
    await user.clear(days);
    await user.type(days, "21");
    await user.selectOptions(screen.getByLabelText("Sign-up"), "Invite-only");
    await user.type(screen.getByLabelText("Reason"), "Winter promotion");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Settings saved.")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "PUT")?.body).toEqual({
      client_fee_bps: 450,
      freelancer_fee_bps: 1000,
      auto_release_days: 14,
      hourly_review_days: 5,
      job_open_days: 21,
      signup_mode: "invite_only",
      reason: "Winter promotion",
    });
  });

  it("filter the audit log by action and days", async () => {
    const { calls, user } = open("/admin/audit-log", {
      "GET /api/admin/audit-log": () =>
        json({
          items: [
            { id: "a1", actor_id: ADMIN_ID, action: "user.ban", subject_kind: "user", subject_id: FREELANCER_ID, reason: "Fraud", details: {}, created_at: "2026-12-01T10:00:00Z" },
          ],
        }),
    });
    expect(await screen.findByText("user.ban")).toBeInTheDocument();
    expect(screen.getByText("Fraud")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Action"), "user.ban");
    await user.type(screen.getByLabelText("From"), "2026-12-01");
    await user.type(screen.getByLabelText("To"), "2026-12-01");
    await user.click(screen.getByRole("button", { name: "Filter" }));
    await waitFor(() =>
      expect(new URLSearchParams(calls.at(-1)?.search)).toEqual(new URLSearchParams({ action: "user.ban", from: "2026-12-01T00:00:00Z", to: "2026-12-02T00:00:00Z" })),
    );
  });

  it("resolve or dismiss open reports with a note", async () => {
    const report: Report = {
      id: "01a22400-8888-7000-8000-0000000000e1",
      reporter_id: CLIENT_ID,
      subject_kind: "user",
      subject_id: FREELANCER_ID,
      reason: "off_platform_payment",
      details: "Asked for a bank transfer.",
      status: "open",
      created_at: "2026-12-01T10:00:00Z",
      handled_at: null,
    };
    const state = { reports: [report] };
    const { calls, user } = open("/admin/reports", {
      "GET /api/admin/reports": () => json({ items: state.reports }),
      [`POST /api/admin/reports/${report.id}/resolve`]: ({ body }) => {
        state.reports = [];
        return json({ ...report, status: (body as { outcome: string }).outcome });
      },
    });
    const card = await screen.findByRole("article", { name: "Report: Asks to pay outside Downwork" });
    expect(within(card).getByText("Asked for a bank transfer.")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: /^User / })).toHaveAttribute("href", `/admin/users/${FREELANCER_ID}`);
    await user.click(within(card).getByRole("button", { name: "Dismiss" }));
    const form = within(card).getByRole("form", { name: "Dismiss report" });
    await user.type(within(form).getByLabelText("Note"), "Not against the rules");
    await user.click(within(form).getByRole("button", { name: "Dismiss" }));
    expect(await screen.findByText("No open reports.")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ outcome: "dismissed", note: "Not against the rules" });
    expect(calls.find((c) => c.path === "/api/admin/reports")?.search).toBe("?status=open");
  });

  it("send an announcement and follow its delivery", async () => {
    const sent: Announcement = {
      id: "01a22400-6666-7000-8000-0000000000a1",
      author_id: ADMIN_ID,
      audience: "freelancer",
      title: "New fees",
      body: "From January.",
      recipients: 300,
      delivered: 120,
      finished_at: null,
      created_at: "2026-12-01T10:00:00Z",
    };
    const state = { items: [] as Announcement[] };
    const { calls, user } = open("/admin/announcements", {
      "GET /api/admin/announcements": () => json({ items: state.items }),
      "POST /api/admin/announcements": () => {
        state.items = [sent];
        return json(sent, 201);
      },
    });
    expect(await screen.findByText("No announcements yet.")).toBeInTheDocument();
    const form = screen.getByRole("form", { name: "New announcement" });
    await user.selectOptions(within(form).getByLabelText("Audience"), "Freelancers");
    await user.type(within(form).getByLabelText("Title"), "New fees");
    await user.type(within(form).getByLabelText("Message"), "From January.");
    await user.click(within(form).getByRole("button", { name: "Send announcement" }));
    const item = await screen.findByRole("article", { name: "New fees" });
    expect(within(item).getByText("120 of 300 delivered")).toBeInTheDocument();
    expect(within(item).getByText("To Freelancers")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ audience: "freelancer", title: "New fees", body: "From January." });
  });
});
