import { describe, expect, it } from "vitest";
import type { Notification } from "../api/types";
import { describeNotification, queriesChangedBy } from "./notifications";

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
    expect(describeNotification(note("job_moderated", { job_id: "j1", job_title: "Logo", action: "hidden", reason: "Misleading pay" }))).toEqual({
      text: "The moderators hid your job “Logo”: “Misleading pay”",
      href: "/jobs/j1",
    });
  });

  it("describes money moving on a contract", () => {
    const amount = { amount: 20000, currency: "usd" };
    expect(describeNotification(note("milestone_funded", { contract_id: "c1", milestone_id: "m1", title: "Design", amount }))).toEqual({
      text: "The client funded “Design” ($200.00). You can start work on it.",
      href: "/contracts/c1",
    });
    expect(describeNotification(note("milestone_submitted", { contract_id: "c1", title: "Design", amount })).text).toBe(
      "Work on “Design” was submitted for your review.",
    );
    expect(describeNotification(note("milestone_released", { contract_id: "c1", title: "Design", amount })).text).toBe(
      "The payment for “Design” ($200.00) was released to you.",
    );
    expect(describeNotification(note("admin_refund", { contract_id: "c1", title: "Design", amount, reason: "Left the platform" }))).toEqual({
      text: "An administrator refunded “Design” ($200.00) to the client: “Left the platform”",
      href: "/contracts/c1",
    });
    expect(describeNotification(note("invoice_ready", { invoice_id: "i1", contract_id: "c1" })).href).toBe("/invoices");
    expect(describeNotification(note("cancellation_requested", { contract_id: "c1", title: "Logo" })).text).toBe("The client asked to cancel the contract “Logo”.");
    expect(describeNotification(note("contract_ended", { contract_id: "c1", title: "Logo", status: "cancelled" })).text).toBe("The contract “Logo” was cancelled.");
    expect(describeNotification(note("withdrawal_failed", { amount: { amount: 5000, currency: "usd" } }))).toEqual({
      text: "A withdrawal ($50.00) came back; the money is available again.",
      href: "/balance",
    });
  });

  it("tells of friends, recommendations and shared jobs", () => {
    expect(describeNotification(note("friend_request", { request_id: "r1", from_user_id: "u1" }))).toEqual({
      text: "Someone asked to be your friend.",
      href: "/friends",
    });
    expect(describeNotification(note("friend_request_accepted", { request_id: "r1", user_id: "u2" }))).toEqual({
      text: "Your friend request was accepted.",
      href: "/users/u2",
    });
    expect(describeNotification(note("freelancer_recommended", { from_user_id: "u1", freelancer_id: "f1", freelancer_name: "Finn" }))).toEqual({
      text: "A friend recommended Finn to you.",
      href: "/users/f1",
    });
    expect(describeNotification(note("job_shared", { job_id: "j1", job_title: "Logo", from_user_id: "u1" }))).toEqual({
      text: "A friend shared “Logo” with you.",
      href: "/jobs/j1",
    });
  });

  it("leads to the dispute a notification is about", () => {
    expect(describeNotification(note("dispute_opened", { dispute_id: "d1", contract_id: "c1", title: "Logo", milestone_id: "m1" }))).toEqual({
      text: "The other party opened a dispute on the contract “Logo”.",
      href: "/disputes/d1",
    });
    expect(describeNotification(note("dispute_resolved", { dispute_id: "d1", contract_id: "c1", title: "Logo" })).href).toBe("/disputes/d1");
    expect(describeNotification(note("dispute_updated", {})).href).toBe("/disputes");
  });

  it("names the lists a new notification makes stale", () => {
    expect(queriesChangedBy("friend_request")).toEqual([["friends"]]);
    expect(queriesChangedBy("friend_request_accepted")).toEqual([["friends"]]);
    expect(queriesChangedBy("freelancer_recommended")).toEqual([["recommendations"]]);
    expect(queriesChangedBy("job_shared")).toEqual([["shares"]]);
    expect(queriesChangedBy("dispute_resolved")).toEqual([["disputes"], ["contracts"], ["balance"]]);
    expect(queriesChangedBy("hired")).toEqual([]);
  });

  it("copes with kinds and payloads it does not know", () => {
    expect(describeNotification(note("something_new", null))).toEqual({ text: "Update about a job.", href: "/jobs" });
    expect(describeNotification(note("proposal_closed", {})).text).toBe("A job closed without your proposal.");
  });
});
