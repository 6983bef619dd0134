import { describe, expect, it } from "vitest";
import type { SuggestedFreelancer } from "../api/types";
import { percent, ratingStars, suggestionReasons } from "./suggestions";

const suggestion = (overrides: Partial<SuggestedFreelancer> = {}): SuggestedFreelancer => ({
  freelancer: { id: "f1", name: "Finn", avatar_url: null },
  headline: "React developer",
  score: 0.8,
  skill_overlap: 1,
  text_similarity: 0.456,
  rating: 0.8,
  connection: null,
  ...overrides,
});

describe("suggestions", () => {
  it("writes signals as percentages and stars", () => {
    expect(percent(0.857)).toBe("86%");
    expect(percent(1.2)).toBe("100%");
    expect(ratingStars(0.8)).toBe("★ 4.2");
    expect(ratingStars(0)).toBe("★ 1.0");
  });

  it("gives a reason for each signal that counts", () => {
    expect(suggestionReasons(suggestion())).toEqual(["Skills: 100% of the job’s", "Profile and past work: 46% match", "Rating ★ 4.2"]);
    expect(suggestionReasons(suggestion({ skill_overlap: 0, text_similarity: 0, connection: "friend" }))).toEqual(["Rating ★ 4.2", "Your friend"]);
    expect(suggestionReasons(suggestion({ connection: "friend_of_friend" })).at(-1)).toBe("Friend of a friend");
  });
});
