import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { setSession } from "../api/session";
import type { ContractDetail, Invoice, TimeEntry, Timesheet } from "../api/types";
import { CLIENT_ID, FREELANCER_ID, contractDetail, freelancerProfile, hourlyContract, hourlyWeek, invoice, milestone, timeEntry } from "../test/fixtures";
import { addDays } from "../lib/timesheet";
import { json, mockApi, renderWithProviders, stubObjectUrls, type RecordedCall } from "../test/utils";
import { ContractPage } from "./ContractPage";

type Handler = (call: RecordedCall) => Response | Promise<Response>;

const base = contractDetail();
const [design] = base.milestones;

/** Opens the contract as `userId`; `state.contract` is what the next read of it returns. */
function open(userId: string, contract: ContractDetail, handlers: Record<string, Handler> = {}, invoices: Invoice[] = []) {
  const role = userId === CLIENT_ID ? "client" : "freelancer";
  setSession({ accessToken: "a", refreshToken: "r", user: { id: userId, email: "x@example.com", name: "X", role } });
  const state = { contract };
  const api = mockApi({
    [`GET /api/contracts/${contract.id}`]: () => json(state.contract),
    [`GET /api/users/${CLIENT_ID}`]: () => json(freelancerProfile({ id: CLIENT_ID, name: "Cleo Client", role: "client", roles: ["client"], freelancer: null })),
    [`GET /api/users/${FREELANCER_ID}`]: () => json(freelancerProfile({ id: FREELANCER_ID, name: "Finn Freelancer" })),
    "GET /api/payments/checkout": () => json({ provider: "sandbox", stripe_publishable_key: null, paypal_client_id: null }),
    "GET /api/invoices": ({ search }) =>
      json({ items: invoices.filter((i) => i.contract_id === new URLSearchParams(search).get("contract_id")), next_cursor: null }),
    ...handlers,
  });
  const user = userEvent.setup();
  renderWithProviders(
    <Routes>
      <Route path="/contracts/:id" element={<ContractPage />} />
    </Routes>,
    { route: `/contracts/${contract.id}` },
  );
  return { ...api, state, user };
}

const milestoneCard = (title: string) => screen.findByRole("article", { name: new RegExp(`^\\d+\\. ${title}$`) });
const paymentPath = `/api/contracts/${base.id}/payment`;

describe("ContractPage", () => {
  beforeEach(() => {
    stubObjectUrls();
  });

  it("lets the client fund a milestone after confirming, with one idempotency key across retries", async () => {
    let attempts = 0;
    const { calls, state, user } = open(CLIENT_ID, base, {
      [`POST ${paymentPath}`]: () => {
        attempts += 1;
        if (attempts === 1) return json({ error: { code: "payment_failed", message: "the card was declined" } }, 402);
        state.contract = { ...base, milestones: [{ ...design, status: "funded" }, base.milestones[1]] };
        return json({ ...design, status: "funded" });
      },
    });
    const card = await milestoneCard("Design");
    expect(within(card).getByText("Not funded yet")).toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "Fund milestone" }));
    const panel = within(card).getByRole("group", { name: "Fund Design" });
    expect(panel).toHaveTextContent("Put $200.00 in escrow for “Design”");

    await user.click(within(panel).getByRole("button", { name: "Fund $200.00" }));
    expect(await within(panel).findByRole("alert")).toHaveTextContent("The card was declined");
    await user.click(within(panel).getByRole("button", { name: "Fund $200.00" }));

    expect(await within(card).findByText("Funded")).toBeInTheDocument();
    expect(within(card).queryByRole("group", { name: "Fund Design" })).not.toBeInTheDocument();
    const payments = calls.filter((c) => c.method === "POST" && c.path === paymentPath);
    expect(payments.map((c) => c.body)).toEqual([
      { milestone_id: design.id, action: "fund" },
      { milestone_id: design.id, action: "fund" },
    ]);
    const keys = payments.map((c) => c.headers.get("Idempotency-Key"));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    // The sandbox takes no payment method: no provider's script is loaded.
    expect(document.querySelectorAll("script")).toHaveLength(0);
  });

  it("shows the client the submitted work with its files, and approves and releases it", async () => {
    const submitted = contractDetail({
      milestones: [{ ...design, status: "submitted", submitted_at: "2026-11-29T09:00:00Z" }],
      history: [
        {
          milestone_id: design.id,
          kind: "submitted",
          author_id: FREELANCER_ID,
          message: "Mockups for desktop and mobile.",
          file_ids: ["f1"],
          created_at: "2026-11-29T09:00:00Z",
        },
      ],
    });
    const { calls, user } = open(CLIENT_ID, submitted, {
      [`POST ${paymentPath}`]: () => json({ ...design, status: "released" }),
      "GET /api/files/f1": () => new Response("%PDF-1.4", { headers: { "Content-Type": "application/pdf" } }),
    });
    const card = await milestoneCard("Design");
    const history = within(card).getByRole("list", { name: "History of Design" });
    expect(await within(history).findByText("Finn Freelancer submitted work")).toBeInTheDocument();
    expect(within(history).getByText("Mockups for desktop and mobile.")).toBeInTheDocument();

    // Attachments need the bearer token, so they are fetched and saved from the page.
    const saved = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    await user.click(within(history).getByRole("button", { name: "Download attachment 1" }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect((saved.mock.contexts[0] as HTMLAnchorElement).download).toBe("attachment-1.pdf");
    expect(calls.find((c) => c.path === "/api/files/f1")?.headers.get("Authorization")).toBe("Bearer a");

    expect(within(card).getByRole("button", { name: "Request changes" })).toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "Approve & release" }));
    const panel = within(card).getByRole("group", { name: "Release Design" });
    expect(panel).toHaveTextContent("pay $200.00 to Finn Freelancer");
    await user.click(within(panel).getByRole("button", { name: "Release $200.00" }));
    await waitFor(() => expect(calls.find((c) => c.path === paymentPath)?.body).toEqual({ milestone_id: design.id, action: "release" }));
  });

  it("lets the client ask for changes, with a message", async () => {
    const submitted = contractDetail({ milestones: [{ ...design, status: "submitted", submitted_at: "2026-11-29T09:00:00Z" }] });
    const path = `/api/contracts/${base.id}/milestones/${design.id}/request-changes`;
    const { calls, user } = open(CLIENT_ID, submitted, { [`POST ${path}`]: () => json({ ...design, status: "changes_requested" }) });
    const card = await milestoneCard("Design");
    await user.click(within(card).getByRole("button", { name: "Request changes" }));
    const form = within(card).getByRole("form", { name: "Request changes to Design" });
    await user.click(within(form).getByRole("button", { name: "Send request" }));
    expect(within(form).getByLabelText("What should change")).toHaveAccessibleDescription(/Write a message\./);
    expect(calls.some((c) => c.path === path)).toBe(false);

    await user.type(within(form).getByLabelText("What should change"), "Use the brand colours.");
    await user.click(within(form).getByRole("button", { name: "Send request" }));
    await waitFor(() => expect(calls.find((c) => c.path === path)?.body).toEqual({ message: "Use the brand colours." }));
  });

  it("lets the freelancer submit work with a message and an uploaded attachment", async () => {
    const funded = contractDetail({ milestones: [{ ...design, status: "funded" }] });
    const path = `/api/contracts/${base.id}/milestones/${design.id}/submit`;
    const { calls, user } = open(FREELANCER_ID, funded, {
      "POST /api/files": () =>
        json({ id: "f9", purpose: "attachment", content_type: "application/pdf", size_bytes: 8, url: "/api/files/f9", created_at: "2026-11-29T09:00:00Z" }, 201),
      [`POST ${path}`]: () => json({ ...design, status: "submitted" }),
    });
    const card = await milestoneCard("Design");
    expect(within(card).queryByRole("button", { name: "Fund milestone" })).not.toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "Submit work" }));
    const form = within(card).getByRole("form", { name: "Submit work for Design" });
    await user.type(within(form).getByLabelText("Message to the client"), "Both mockups are attached.");
    await user.upload(within(form).getByLabelText("Attachments (optional)"), new File(["%PDF-1.4"], "mockups.pdf", { type: "application/pdf" }));
    expect(await within(form).findByRole("list", { name: "Attached files" })).toHaveTextContent("mockups.pdf");
    expect(String(calls.find((c) => c.path === "/api/files")?.body)).toContain("attachment");

    await user.click(within(form).getByRole("button", { name: "Submit work" }));
    await waitFor(() => expect(calls.find((c) => c.path === path)?.body).toEqual({ message: "Both mockups are attached.", file_ids: ["f9"] }));
  });

  it("lets the freelancer refund escrow, and says when a payment was released automatically", async () => {
    const contract = contractDetail({
      milestones: [{ ...design, status: "submitted", submitted_at: "2026-11-01T09:00:00Z" }, milestone({ id: "m2", position: 1, title: "Build", status: "released" })],
      history: [{ milestone_id: "m2", kind: "auto_released", author_id: null, message: "", file_ids: [], created_at: "2026-11-15T09:00:00Z" }],
    });
    const { calls, user } = open(FREELANCER_ID, contract, { [`POST ${paymentPath}`]: () => json({ ...design, status: "refunded" }) });
    const build = await milestoneCard("Build");
    expect(within(build).getByText("Released automatically after the review period")).toBeInTheDocument();
    expect(within(build).queryByRole("button")).not.toBeInTheDocument();

    const card = await milestoneCard("Design");
    expect(within(card).queryByRole("button", { name: "Submit work" })).not.toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "Refund" }));
    const panel = within(card).getByRole("group", { name: "Refund Design" });
    expect(panel).toHaveTextContent("Give the $200.00 in escrow for “Design” back to Cleo Client?");
    await user.click(within(panel).getByRole("button", { name: "Refund $200.00" }));
    await waitFor(() => expect(calls.find((c) => c.path === paymentPath)?.body).toEqual({ milestone_id: design.id, action: "refund" }));
  });

  it("shows the server's refusal in place", async () => {
    const funded = contractDetail({ milestones: [{ ...design, status: "funded" }] });
    const { user } = open(CLIENT_ID, funded, {
      [`POST ${paymentPath}`]: () => json({ error: { code: "illegal_transition", message: "milestone cannot be released when refunded" } }, 409),
    });
    const card = await milestoneCard("Design");
    await user.click(within(card).getByRole("button", { name: "Approve & release" }));
    const panel = within(card).getByRole("group", { name: "Release Design" });
    await user.click(within(panel).getByRole("button", { name: "Release $200.00" }));
    expect(await within(panel).findByRole("alert")).toHaveTextContent("Milestone cannot be released when refunded");
    expect(within(panel).getByRole("button", { name: "Release $200.00" })).toBeEnabled();
  });

  it("lets the client ask to cancel, then shows the request as pending", async () => {
    const funded = contractDetail({ milestones: [{ ...design, status: "funded" }] });
    const path = `/api/contracts/${base.id}/end`;
    const { calls, state, user } = open(CLIENT_ID, funded, {
      [`POST ${path}`]: () => {
        state.contract = { ...funded, cancel_requested_by: CLIENT_ID };
        return json(state.contract);
      },
    });
    const end = await screen.findByRole("region", { name: "End contract" });
    await user.click(within(end).getByRole("button", { name: "Cancel contract" }));
    const panel = within(end).getByRole("group", { name: "Cancel contract" });
    expect(panel).toHaveTextContent("the $200.00 in escrow is refunded to you");
    await user.click(within(panel).getByRole("button", { name: "Ask to cancel" }));

    expect(await within(end).findByText("Cancellation requested.")).toBeInTheDocument();
    expect(within(end).queryByRole("button", { name: "Cancel contract" })).not.toBeInTheDocument();
    const request = calls.find((c) => c.path === path);
    expect(request?.body).toEqual({ ending: "cancel" });
    expect(request?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lets the freelancer agree to the client's cancellation, or complete the contract", async () => {
    const asked = contractDetail({ milestones: [{ ...design, status: "funded" }], cancel_requested_by: CLIENT_ID });
    const path = `/api/contracts/${base.id}/end`;
    const { calls, user } = open(FREELANCER_ID, asked, { [`POST ${path}`]: () => json({ ...asked, status: "cancelled" }) });
    const end = await screen.findByRole("region", { name: "End contract" });
    expect(await within(end).findByText("Cleo Client asked to cancel this contract.")).toBeInTheDocument();
    expect(screen.getByText("Cancellation requested")).toBeInTheDocument();

    await user.click(within(end).getByRole("button", { name: "Complete contract" }));
    expect(within(end).getByRole("group", { name: "Complete contract" })).toHaveTextContent("First release or refund the $200.00 still in escrow.");
    await user.click(within(end).getByRole("button", { name: "Cancel" }));

    await user.click(within(end).getByRole("button", { name: "Agree to cancel" }));
    const panel = within(end).getByRole("group", { name: "Cancel contract" });
    expect(panel).toHaveTextContent("The $200.00 in escrow goes back to Cleo Client at once.");
    await user.click(within(panel).getByRole("button", { name: "Cancel contract now" }));
    await waitFor(() => expect(calls.find((c) => c.path === path)?.body).toEqual({ ending: "cancel" }));
  });

  it("lets either party add a milestone, and change or remove one that is not funded", async () => {
    const milestonePath = `/api/contracts/${base.id}/milestones`;
    const { calls, user } = open(FREELANCER_ID, base, {
      [`POST /api/contracts/${base.id}/milestone`]: () =>
        json({ error: { code: "validation_failed", message: "validation failed", fields: { due_date: "must be after today" } } }, 422),
      [`PUT ${milestonePath}/${design.id}`]: ({ body }) => json({ ...design, ...(body as object) }),
      [`DELETE ${milestonePath}/${base.milestones[1].id}`]: () => new Response(null, { status: 204 }),
    });
    const section = await screen.findByRole("region", { name: "Milestones" });
    await user.click(within(section).getByRole("button", { name: "Add milestone" }));
    const add = within(section).getByRole("form", { name: "New milestone" });
    await user.click(within(add).getByRole("button", { name: "Add milestone" }));
    expect(within(add).getByLabelText("Milestone")).toHaveAccessibleDescription("Name this milestone.");
    await user.type(within(add).getByLabelText("Milestone"), "QA pass");
    await user.type(within(add).getByLabelText("Amount (USD)"), "120.50");
    await user.type(within(add).getByLabelText("Due date (optional)"), "2020-01-01");
    await user.click(within(add).getByRole("button", { name: "Add milestone" }));
    expect(await within(add).findByText("Must be after today")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ title: "QA pass", amount: { amount: 12050, currency: "usd" }, due_date: "2020-01-01" });
    await user.click(within(add).getByRole("button", { name: "Cancel" }));

    const card = await milestoneCard("Design");
    await user.click(within(card).getByRole("button", { name: "Edit milestone" }));
    const edit = within(card).getByRole("form", { name: "Edit Design" });
    const amount = within(edit).getByLabelText("Amount (USD)");
    expect(amount).toHaveValue("200");
    await user.clear(amount);
    await user.type(amount, "210");
    await user.click(within(edit).getByRole("button", { name: "Save milestone" }));
    await waitFor(() => expect(calls.find((c) => c.method === "PUT")?.body).toEqual({ title: "Design", amount: { amount: 21000, currency: "usd" }, due_date: null }));

    const build = await milestoneCard("Build");
    await user.click(within(build).getByRole("button", { name: "Remove milestone" }));
    const remove = within(build).getByRole("group", { name: "Remove Build" });
    expect(remove).toHaveTextContent("Remove “Build” ($250.00) from the contract?");
    await user.click(within(remove).getByRole("button", { name: "Remove milestone" }));
    await waitFor(() => expect(calls.some((c) => c.method === "DELETE" && c.path === `${milestonePath}/${base.milestones[1].id}`)).toBe(true));
  });

  it("lists the contract's invoices from the viewer's side", async () => {
    const other = invoice({ id: "other", number: "DW-2026-000009", contract_id: "another-contract" });
    open(CLIENT_ID, base, {}, [invoice(), other]);
    const table = await screen.findByRole("table", { name: "Invoices" });
    expect(within(table).getByRole("rowheader", { name: "DW-2026-000001" })).toBeInTheDocument();
    expect(within(table).queryByText("DW-2026-000009")).not.toBeInTheDocument();
    expect(within(table).getByText("You paid")).toBeInTheDocument();
    expect(within(table).getByText("$210.00")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "All invoices" })).toHaveAttribute("href", "/invoices");
  });
});

describe("ContractPage, hourly", () => {
  const hourly = hourlyContract();
  const timePath = `/api/contracts/${hourly.id}/time-entries`;
  const thisWeek = "2026-11-23";

  beforeEach(() => {
    stubObjectUrls();
    // Thursday, Nov 26, 2026: this week runs from Monday, Nov 23 to Sunday, Nov 29.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-26T15:00:00Z"));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** A week's entries as the server lists and sums them. */
  function sheet(weekStart: string, entries: TimeEntry[]): Timesheet {
    return {
      week_start: weekStart,
      week_end: addDays(weekStart, 6),
      entries,
      total_minutes: entries.reduce((sum, e) => sum + e.minutes, 0),
      weekly_limit_hours: hourly.weekly_limit_hours ?? 40,
      billed: entries.some((e) => e.billed),
    };
  }

  /**
   * Opens the hourly contract as `userId`. `entries` holds each week's entries by its Monday, and
   * the handlers `more` makes may change them.
   */
  function openHourly(
    userId: string,
    entries: Record<string, TimeEntry[]>,
    more: (weeks: Record<string, TimeEntry[]>) => Record<string, Handler> = () => ({}),
    { billed = [hourlyWeek()], invoices = [] as Invoice[] } = {},
  ) {
    const weeks = { ...entries };
    return open(
      userId,
      hourly,
      {
        [`GET ${timePath}`]: ({ search }) => {
          const week = new URLSearchParams(search).get("week") ?? "";
          return json(sheet(week, weeks[week] ?? []));
        },
        [`GET /api/contracts/${hourly.id}/weeks`]: () => json(billed),
        ...more(weeks),
      },
      invoices,
    );
  }

  const timesheet = () => screen.findByRole("region", { name: "Timesheet" });

  it("lets the freelancer log time this week, typed as hours and minutes", async () => {
    const { calls, user } = openHourly(FREELANCER_ID, { [thisWeek]: [timeEntry()] }, (weeks) => ({
      [`POST ${timePath}`]: ({ body }) => {
        const entry = timeEntry({ id: "e2", ...(body as object) });
        weeks[thisWeek] = [...weeks[thisWeek], entry];
        return json(entry, 201);
      },
    }));
    const section = await timesheet();
    expect(within(section).getByRole("group", { name: "Week" })).toHaveTextContent("Nov 23 – 29, 2026 · this week");
    expect(await within(section).findByText("2 h 30 min of 20 h")).toBeInTheDocument();
    const row = within(section).getByRole("row", { name: /Nov 24, 2026/ });
    expect(row).toHaveTextContent("2 h 30 min");
    expect(row).toHaveTextContent("API review");
    expect(calls.find((c) => c.path === timePath)?.search).toBe(`?week=${thisWeek}`);

    const form = within(section).getByRole("form", { name: "Log time" });
    expect(within(form).getByLabelText("Date")).toHaveValue("2026-11-26");
    await user.type(within(form).getByLabelText("Hours"), "1");
    await user.type(within(form).getByLabelText("Minutes"), "15");
    await user.type(within(form).getByLabelText("Memo"), "Fixed the login bug");
    await user.click(within(form).getByRole("button", { name: "Log time" }));

    expect(await within(section).findByText("Logged 1 h 15 min on Nov 26, 2026.")).toHaveAttribute("role", "status");
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ work_date: "2026-11-26", minutes: 75, memo: "Fixed the login bug" });
    expect(await within(section).findByText("3 h 45 min of 20 h")).toBeInTheDocument();
    expect(within(section).getByRole("row", { name: /Nov 26, 2026/ })).toHaveTextContent("1 h 15 min");
    // The form is empty again for the next entry.
    expect(within(section).getByLabelText("Hours")).toHaveValue("");
    expect(within(section).getByLabelText("Memo")).toHaveValue("");
  });

  it("checks the day before sending, and shows the weekly limit next to the time worked", async () => {
    const { calls, user } = openHourly(FREELANCER_ID, { [thisWeek]: [timeEntry({ minutes: 19 * 60 })] }, () => ({
      [`POST ${timePath}`]: () =>
        json({ error: { code: "validation_failed", message: "validation failed", fields: { minutes: "the week's limit is 20 h and 19 h is logged already" } } }, 422),
    }));
    const section = await timesheet();
    const form = await within(section).findByRole("form", { name: "Log time" });
    const date = within(form).getByLabelText("Date");
    await user.clear(date);
    await user.type(date, "2026-11-27");
    await user.type(within(form).getByLabelText("Hours"), "2");
    await user.type(within(form).getByLabelText("Memo"), "Release");
    await user.click(within(form).getByRole("button", { name: "Log time" }));
    expect(date).toHaveAccessibleDescription("Pick a day from Nov 23, 2026 to Nov 26, 2026.");
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    await user.clear(date);
    await user.type(date, "2026-11-25");
    await user.click(within(form).getByRole("button", { name: "Log time" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("Please correct the highlighted fields.");
    expect(within(form).getByLabelText("Hours")).toHaveAccessibleDescription("The week's limit is 20 h and 19 h is logged already");
    expect(within(form).getByLabelText("Minutes")).toHaveAttribute("aria-invalid", "true");
    expect(date).not.toHaveAttribute("aria-invalid");
    expect(within(section).getByText("19 h of 20 h")).toBeInTheDocument();
  });

  it("lets the freelancer correct and delete entries until the week is billed, with refusals shown in place", async () => {
    const entry = timeEntry();
    const deploy = timeEntry({ id: "e2", work_date: "2026-11-25", minutes: 60, memo: "Deploy" });
    let attempts = 0;
    const { calls, user } = openHourly(FREELANCER_ID, { [thisWeek]: [entry, deploy] }, (weeks) => ({
      [`PUT ${timePath}/${entry.id}`]: ({ body }) => {
        attempts += 1;
        if (attempts === 1) return json({ error: { code: "week_billed", message: "this week is billed already; its time can no longer change" } }, 409);
        const changed = { ...entry, ...(body as object) };
        weeks[thisWeek] = [changed, deploy];
        return json(changed);
      },
      [`DELETE ${timePath}/${deploy.id}`]: () => {
        weeks[thisWeek] = weeks[thisWeek].filter((e) => e.id !== deploy.id);
        return new Response(null, { status: 204 });
      },
    }));
    const section = await timesheet();
    const row = await within(section).findByRole("row", { name: /Nov 24, 2026/ });
    await user.click(within(row).getByRole("button", { name: "Edit" }));
    const edit = within(section).getByRole("form", { name: "Edit time on Nov 24, 2026" });
    expect(within(edit).getByLabelText("Hours")).toHaveValue("2");
    expect(within(edit).getByLabelText("Memo")).toHaveValue("API review");
    const minutes = within(edit).getByLabelText("Minutes");
    expect(minutes).toHaveValue("30");
    await user.clear(minutes);
    await user.type(minutes, "45");
    await user.click(within(edit).getByRole("button", { name: "Save entry" }));
    expect(await within(edit).findByRole("alert")).toHaveTextContent("This week is billed already; its time can no longer change");

    await user.click(within(edit).getByRole("button", { name: "Save entry" }));
    expect(await within(section).findByText("3 h 45 min of 20 h")).toBeInTheDocument();
    expect(within(section).queryByRole("form", { name: "Edit time on Nov 24, 2026" })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === "PUT").map((c) => c.body)).toEqual([
      { work_date: "2026-11-24", minutes: 165, memo: "API review" },
      { work_date: "2026-11-24", minutes: 165, memo: "API review" },
    ]);

    const actions = within(section).getByRole("group", { name: "1 h on Nov 25, 2026" });
    await user.click(within(actions).getByRole("button", { name: "Delete" }));
    const confirm = within(section).getByRole("group", { name: "Delete time on Nov 25, 2026" });
    expect(confirm).toHaveTextContent("Delete 1 h on Nov 25, 2026 (“Deploy”) from the timesheet?");
    await user.click(within(confirm).getByRole("button", { name: "Delete entry" }));
    expect(await within(section).findByText("2 h 45 min of 20 h")).toBeInTheDocument();
    expect(within(section).queryByRole("row", { name: /Nov 25, 2026/ })).not.toBeInTheDocument();
    expect(calls.some((c) => c.method === "DELETE" && c.path === `${timePath}/${deploy.id}`)).toBe(true);
  });

  it("steps through the weeks from the contract's first up to this one; a billed week is read-only", async () => {
    const { calls, user } = openHourly(FREELANCER_ID, {
      "2026-11-16": [timeEntry({ id: "b1", work_date: "2026-11-17", minutes: 750, memo: "Sprint work", billed: true })],
    });
    const section = await timesheet();
    const nav = within(section).getByRole("group", { name: "Week" });
    expect(within(nav).getByRole("button", { name: "Next week" })).toBeDisabled();
    expect(within(nav).getByRole("button", { name: "This week" })).toBeDisabled();
    expect(await within(section).findByText("No time logged this week.")).toBeInTheDocument();
    expect(within(section).getByText("0 min of 20 h")).toBeInTheDocument();

    await user.click(within(nav).getByRole("button", { name: "Previous week" }));
    expect(nav).toHaveTextContent("Nov 16 – 22, 2026");
    expect(nav).not.toHaveTextContent("this week");
    const row = await within(section).findByRole("row", { name: /Nov 17, 2026/ });
    expect(row).toHaveTextContent("12 h 30 min");
    expect(within(row).getByText("Billed")).toBeInTheDocument();
    expect(within(row).queryByRole("button")).not.toBeInTheDocument();
    expect(within(section).getByText("This week is billed; its time no longer changes.")).toBeInTheDocument();
    expect(within(section).queryByRole("form", { name: "Log time" })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.path === timePath).map((c) => c.search)).toEqual([`?week=${thisWeek}`, "?week=2026-11-16"]);

    // A past week not billed yet takes time up to its Sunday.
    await user.click(within(nav).getByRole("button", { name: "Previous week" }));
    expect(await within(section).findByRole("form", { name: "Log time" })).toBeInTheDocument();
    expect(within(section).getByLabelText("Date")).toHaveValue("2026-11-15");
    expect(within(nav).getByRole("button", { name: "Next week" })).toBeEnabled();

    // The contract started on Monday, Nov 2: no week before it.
    await user.click(within(nav).getByRole("button", { name: "Previous week" }));
    expect(nav).toHaveTextContent("Nov 2 – 8, 2026");
    expect(within(nav).getByRole("button", { name: "Previous week" })).toBeDisabled();

    await user.click(within(nav).getByRole("button", { name: "This week" }));
    expect(nav).toHaveTextContent("Nov 23 – 29, 2026 · this week");
    expect(within(nav).getByRole("button", { name: "Next week" })).toBeDisabled();
  });

  it("shows the client the same timesheet, read-only", async () => {
    const { user } = openHourly(CLIENT_ID, {
      [thisWeek]: [timeEntry()],
      "2026-11-16": [timeEntry({ id: "b1", work_date: "2026-11-17", minutes: 750, memo: "Sprint work", billed: true })],
    });
    const section = await timesheet();
    expect(section).toHaveTextContent("The freelancer logs the time they work.");
    const row = await within(section).findByRole("row", { name: /Nov 24, 2026/ });
    expect(row).toHaveTextContent("API review");
    expect(within(section).getByText("2 h 30 min of 20 h")).toBeInTheDocument();
    expect(within(row).queryByRole("button")).not.toBeInTheDocument();
    expect(within(section).queryByRole("form")).not.toBeInTheDocument();

    await user.click(within(section).getByRole("button", { name: "Previous week" }));
    expect(await within(section).findByRole("row", { name: /Nov 17, 2026/ })).toHaveTextContent("Billed");
    expect(within(section).queryByRole("form")).not.toBeInTheDocument();
    const weeks = await screen.findByRole("table", { name: "Billed weeks" });
    expect(within(weeks).getByRole("columnheader", { name: "Freelancer receives" })).toBeInTheDocument();
  });

  it("lists the billed weeks, newest first, with what the freelancer receives, the review and each week's invoice", async () => {
    const tab = { location: { href: "" }, close: vi.fn() };
    vi.spyOn(window, "open").mockImplementation(() => tab as unknown as Window);
    const weekly = invoice({
      id: "i7",
      number: "DW-2026-000007",
      kind: "hourly_week",
      contract_id: hourly.id,
      period_start: "2026-11-16",
      period_end: "2026-11-22",
    });
    const { calls, user } = openHourly(
      FREELANCER_ID,
      {},
      () => ({ [`GET /api/invoices/${weekly.id}`]: () => new Response("<h1>Invoice</h1>", { headers: { "Content-Type": "text/html; charset=utf-8" } }) }),
      {
        billed: [
          hourlyWeek({ invoice_id: weekly.id }),
          hourlyWeek({
            id: "w0",
            week_start: "2026-11-09",
            week_end: "2026-11-15",
            minutes: 600,
            amount: { amount: 40000, currency: "usd" },
            freelancer_net: { amount: 36000, currency: "usd" },
            status: "released",
          }),
        ],
        invoices: [weekly],
      },
    );
    const table = await screen.findByRole("table", { name: "Billed weeks" });
    expect(within(table).getByRole("columnheader", { name: "You receive" })).toBeInTheDocument();
    const [, latest, earlier] = within(table).getAllByRole("row");
    expect(within(latest).getByRole("rowheader")).toHaveTextContent("Nov 16 – 22, 2026");
    for (const text of ["12 h 30 min", "$500.00", "$450.00", "In review until Nov 28, 2026"]) expect(latest).toHaveTextContent(text);
    expect(within(earlier).getByRole("rowheader")).toHaveTextContent("Nov 9 – 15, 2026");
    for (const text of ["10 h", "$400.00", "$360.00", "Paid", "—"]) expect(earlier).toHaveTextContent(text);

    // The week's invoice is the one the invoices section lists, and opens from its row.
    expect(calls.find((c) => c.path === "/api/invoices")?.search).toContain(`contract_id=${hourly.id}`);
    expect(within(screen.getByRole("table", { name: "Invoices" })).getByRole("rowheader", { name: weekly.number })).toBeInTheDocument();
    await user.click(await within(latest).findByRole("button", { name: weekly.number }));
    await waitFor(() => expect(tab.location.href).toBe("blob:document"));
    expect(calls.find((c) => c.path === `/api/invoices/${weekly.id}`)?.search).toBe("?format=html");
  });

  it("shows no timesheet on a fixed-price contract", async () => {
    open(CLIENT_ID, base);
    await screen.findByRole("region", { name: "Milestones" });
    expect(screen.queryByRole("region", { name: "Timesheet" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Billed weeks" })).not.toBeInTheDocument();
  });
});
