import { describe, expect, it } from "vitest";
import type { HourlyWeek } from "../api/types";
import { formatDateRange } from "./labels";
import { addDays, buildTimeEntry, describeWeekStatus, describeWeekTotal, formatMinutes, loggableDays, parseDuration, timeEntryFormState, utcDate, weekStart } from "./timesheet";

describe("weeks", () => {
  it("runs Monday to Sunday by the UTC calendar", () => {
    expect(weekStart("2026-11-23")).toBe("2026-11-23"); // a Monday
    expect(weekStart("2026-11-29")).toBe("2026-11-23"); // its Sunday
    expect(weekStart("2026-12-02")).toBe("2026-11-30");
    expect(weekStart("2027-01-01")).toBe("2026-12-28");
    expect(addDays("2026-12-28", 6)).toBe("2027-01-03");
    expect(addDays("2026-03-02", -7)).toBe("2026-02-23");
    // Late on Sunday in New York is already Monday in UTC.
    expect(utcDate(new Date("2026-11-29T23:30:00-05:00"))).toBe("2026-11-30");
  });

  it("writes a week's days compactly", () => {
    expect(formatDateRange("2026-11-23", "2026-11-29")).toBe("Nov 23 – 29, 2026");
    expect(formatDateRange("2026-11-30", "2026-12-06")).toBe("Nov 30 – Dec 6, 2026");
    expect(formatDateRange("2026-12-28", "2027-01-03")).toBe("Dec 28, 2026 – Jan 3, 2027");
  });

  it("opens the days from the contract's start, or the Monday, up to today, or the Sunday", () => {
    expect(loggableDays("2026-11-23", "2026-11-01", "2026-12-10")).toEqual({ first: "2026-11-23", last: "2026-11-29" });
    expect(loggableDays("2026-11-23", "2026-11-25", "2026-11-27")).toEqual({ first: "2026-11-25", last: "2026-11-27" });
    expect(loggableDays("2026-11-23", "2026-11-28", "2026-11-27")).toBeNull();
  });
});

describe("durations", () => {
  it("reads like the server's messages", () => {
    expect(formatMinutes(150)).toBe("2 h 30 min");
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(180)).toBe("3 h");
    expect(formatMinutes(0)).toBe("0 min");
    expect(describeWeekTotal(750, 20)).toBe("12 h 30 min of 20 h");
  });

  it("turns hours and minutes as typed into whole minutes", () => {
    expect(parseDuration("2", "30")).toEqual({ ok: true, minutes: 150 });
    expect(parseDuration(" 1 ", "")).toEqual({ ok: true, minutes: 60 });
    expect(parseDuration("", "45")).toEqual({ ok: true, minutes: 45 });
    expect(parseDuration("24", "0")).toEqual({ ok: true, minutes: 1440 });
    expect(parseDuration("1.5", "")).toMatchObject({ ok: false, error: "Enter whole hours and minutes, like 2 and 30." });
    expect(parseDuration("-1", "")).toMatchObject({ ok: false });
    expect(parseDuration("1", "75")).toMatchObject({ ok: false, error: "Minutes go up to 59; put whole hours under hours." });
    expect(parseDuration("", "")).toMatchObject({ ok: false, error: "Enter the time you worked." });
    expect(parseDuration("24", "1")).toMatchObject({ ok: false, error: "One entry holds at most 24 hours." });
  });
});

describe("buildTimeEntry", () => {
  const days = { first: "2026-11-23", last: "2026-11-26" };

  it("builds the entry to send", () => {
    expect(buildTimeEntry({ work_date: "2026-11-24", hours: "2", minutes: "30", memo: " API review " }, days)).toEqual({
      ok: true,
      input: { work_date: "2026-11-24", minutes: 150, memo: "API review" },
    });
  });

  it("says what to fix: a day in the week up to today, the time, a memo", () => {
    expect(buildTimeEntry({ work_date: "2026-11-27", hours: "", minutes: "", memo: " " }, days)).toEqual({
      ok: false,
      errors: {
        work_date: "Pick a day from Nov 23, 2026 to Nov 26, 2026.",
        minutes: "Enter the time you worked.",
        memo: "Say what you worked on.",
      },
    });
    expect(buildTimeEntry({ work_date: "", hours: "1", minutes: "", memo: "x" }, days)).toEqual({ ok: false, errors: { work_date: "Pick the day you worked." } });
    expect(buildTimeEntry({ work_date: "2026-11-22", hours: "1", minutes: "", memo: "x" }, { first: "2026-11-23", last: "2026-11-23" })).toEqual({
      ok: false,
      errors: { work_date: "Only Nov 23, 2026 is open to logging in this week." },
    });
  });

  it("starts a new entry on the last open day, and an edit from the entry", () => {
    expect(timeEntryFormState(undefined, days)).toEqual({ work_date: "2026-11-26", hours: "", minutes: "", memo: "" });
    const entry = { id: "e1", work_date: "2026-11-24", minutes: 135, memo: "Tests", billed: false, created_at: "2026-11-24T18:00:00Z" };
    expect(timeEntryFormState(entry, days)).toEqual({ work_date: "2026-11-24", hours: "2", minutes: "15", memo: "Tests" });
  });
});

describe("describeWeekStatus", () => {
  const week: HourlyWeek = {
    id: "w1",
    week_start: "2026-11-23",
    week_end: "2026-11-29",
    minutes: 750,
    amount: { amount: 50000, currency: "usd" },
    freelancer_net: { amount: 45000, currency: "usd" },
    status: "held",
    release_after: "2026-12-05T06:00:00Z",
  };

  it("says when held money is paid out", () => {
    expect(describeWeekStatus(week)).toBe("In review until Dec 5, 2026");
    expect(describeWeekStatus({ ...week, status: "released" })).toBe("Paid");
    expect(describeWeekStatus({ ...week, status: "disputed" })).toBe("Disputed");
  });
});
