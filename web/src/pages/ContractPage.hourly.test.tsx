import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import type { Invoice, TimeEntry, Timesheet } from "../api/types";
import { CLIENT_ID, FREELANCER_ID, contractDetail, dispute, hourlyContract, hourlyWeek, invoice, timeEntry } from "../test/fixtures";
import { addDays } from "../lib/timesheet";
import { open, type Handler } from "../test/contractPage";
import { json, stubObjectUrls } from "../test/utils";

const base = contractDetail();

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

  it("lets the client dispute a week still held for review, and only such a week", async () => {
    const { calls, user } = openHourly(CLIENT_ID, {}, () => ({ "POST /api/disputes": () => json(dispute({ milestone_id: null, hourly_week_id: hourlyWeek().id }), 201) }), {
      billed: [hourlyWeek(), hourlyWeek({ id: "w0", week_start: "2026-11-09", week_end: "2026-11-15", status: "released" })],
    });
    const table = await screen.findByRole("table", { name: "Billed weeks" });
    expect(within(table).getAllByRole("button", { name: /^Open a dispute/ })).toHaveLength(1);
    await user.click(within(table).getByRole("button", { name: "Open a dispute on the week of Nov 16 – 22, 2026" }));
    const form = screen.getByRole("form", { name: "Dispute the week of Nov 16 – 22, 2026" });
    await user.selectOptions(within(form).getByLabelText("Reason"), "scope");
    await user.type(within(form).getByLabelText("What went wrong"), "Hours were logged for work outside the agreed scope.");
    await user.click(within(form).getByRole("button", { name: "Open dispute" }));
    const opened = () => calls.find((c) => c.method === "POST" && c.path === "/api/disputes");
    await waitFor(() => expect(opened()).toBeDefined());
    expect(opened()?.body).toEqual({
      hourly_week_id: hourlyWeek().id,
      reason: "scope",
      description: "Hours were logged for work outside the agreed scope.",
      evidence_file_ids: [],
    });
  });

  it("shows no timesheet on a fixed-price contract", async () => {
    open(CLIENT_ID, base);
    await screen.findByRole("region", { name: "Milestones" });
    expect(screen.queryByRole("region", { name: "Timesheet" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Billed weeks" })).not.toBeInTheDocument();
  });
});
