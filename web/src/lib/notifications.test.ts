import { describe, expect, it } from "vitest";
import type { Notification } from "../api/types";
import { describeNotification } from "./notifications";

const note = (kind: string, payload: unknown): Notification => ({ id: "n1", kind, payload, created_at: "2026-11-28T21:00:00Z", read_at: null });

describe("describeNotification", () => {
  it("says what happened and links to where to act", () => {
    expect(describeNotification(note("hired", { job_id: "j1", job_title: "Logo", contract_id: "c1" }))).toEqual({
      text: "You were hired for “Logo”. The contract has started.",
      href: "/contracts/c1",
    });
    expect(describeNotification(note("proposal_received", { job_id: "j1", job_title: "Logo", proposal_id: "p1" }))).toEqual({
      text: "New proposal for “Logo”.",
      href: "/jobs/j1/proposals",
    });
    expect(describeNotification(note("job_invitation", { job_id: "j1", job_title: "Logo" })).href).toBe("/my/invitations");
    expect(describeNotification(note("proposal_declined", { job_title: "Logo", reason: "Too late" })).text).toBe("Your proposal for “Logo” was declined: “Too late”");
    expect(describeNotification(note("invitation_answered", { job_id: "j1", job_title: "Logo", accepted: false })).text).toBe(
      "Your invitation to “Logo” was declined.",
    );
  });

  it("copes with kinds and payloads it does not know", () => {
    expect(describeNotification(note("something_new", null))).toEqual({ text: "Update about a job.", href: "/jobs" });
    expect(describeNotification(note("proposal_closed", {})).text).toBe("A job closed without your proposal.");
  });
});
