import { describe, expect, it } from "vitest";
import type { PendingRequest } from "../api/types";
import { describeMutual, describeTimesRecommended, friendshipWith, listNames } from "./friends";

const request = (id: string, from: string, to: string): PendingRequest => ({
  id,
  from_user_id: from,
  to_user_id: to,
  status: "pending",
  created_at: "2026-11-28T10:00:00Z",
  accepted_at: null,
  user: { id: from === "me" ? to : from, name: "Someone", avatar_url: null },
});

describe("friendshipWith", () => {
  const friends = [{ id: "bo", name: "Bo", avatar_url: null }];
  const incoming = [request("r1", "cy", "me")];
  const outgoing = [request("r2", "me", "di")];

  it("reads friends, requests either way, and no connection", () => {
    expect(friendshipWith("bo", friends, incoming, outgoing)).toEqual({ state: "friends" });
    expect(friendshipWith("cy", friends, incoming, outgoing)).toEqual({ state: "request_received", requestId: "r1" });
    expect(friendshipWith("di", friends, incoming, outgoing)).toEqual({ state: "request_sent", requestId: "r2" });
    expect(friendshipWith("ed", friends, incoming, outgoing)).toEqual({ state: "none" });
  });
});

describe("wording", () => {
  it("counts in words", () => {
    expect(describeMutual(1)).toBe("1 mutual friend");
    expect(describeMutual(3)).toBe("3 mutual friends");
    expect(describeTimesRecommended(1)).toBe("Recommended 1 time");
    expect(describeTimesRecommended(0)).toBe("Recommended 0 times");
  });

  it("lists names", () => {
    expect(listNames([])).toBe("");
    expect(listNames(["Ann"])).toBe("Ann");
    expect(listNames(["Ann", "Bo"])).toBe("Ann and Bo");
    expect(listNames(["Ann", "Bo", "Cy"])).toBe("Ann, Bo and Cy");
  });
});
