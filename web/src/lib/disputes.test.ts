import { describe, expect, it } from "vitest";
import { dispute } from "../test/fixtures";
import { buildResolution, canRespond, describeDeadline, EMPTY_RESOLUTION } from "./disputes";

const held = { amount: 20000, currency: "usd" as const };
const names = (id: string) => (id === dispute().client_id ? "Cleo" : "Finn");

describe("disputes", () => {
  it("let the other party respond once, before the deadline, while open", () => {
    const open = dispute();
    const before = new Date("2099-12-01T00:00:00Z");
    expect(canRespond(open, open.freelancer_id, before)).toBe(true);
    expect(canRespond(open, open.client_id, before)).toBe(false);
    expect(canRespond({ ...open, responded_at: "2099-11-30T00:00:00Z" }, open.freelancer_id, before)).toBe(false);
    expect(canRespond(open, open.freelancer_id, new Date("2099-12-07T00:00:00Z"))).toBe(false);
    expect(canRespond({ ...open, status: "withdrawn" }, open.freelancer_id, before)).toBe(false);
  });

  it("say where the response stands", () => {
    const open = dispute();
    expect(describeDeadline(open, names, new Date("2099-12-01T00:00:00Z"))).toBe("Finn has until Dec 6, 2099, 10:00 AM UTC to respond.");
    expect(describeDeadline(open, names, new Date("2099-12-07T00:00:00Z"))).toBe("The time to respond ended on Dec 6, 2099, 10:00 AM UTC without a response.");
  });

  it("build a decision only when it is complete", () => {
    expect(buildResolution({ ...EMPTY_RESOLUTION, note: " Not delivered. " }, held, "2026-11-29")).toEqual({ ok: true, resolution: { outcome: "refund", note: "Not delivered." } });
    expect(buildResolution({ ...EMPTY_RESOLUTION, outcome: "split", client_amount: "200", freelancer_amount: "0", note: "x" }, held, "2026-11-29")).toEqual({
      ok: false,
      errors: { freelancer_amount: "Enter an amount greater than zero; refund or pay the freelancer to give one side everything." },
    });
    expect(buildResolution({ ...EMPTY_RESOLUTION, outcome: "rework", due_date: "2026-11-29", note: "x" }, held, "2026-11-29")).toEqual({
      ok: false,
      errors: { due_date: "Pick a day after today." },
    });
  });
});
