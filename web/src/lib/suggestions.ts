import type { SuggestedFreelancer } from "../api/types";

/** "86%" for 0.857: a 0-to-1 signal as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
}

/** The rating signal (0 to 1) back on the 1-to-5 star scale: "★ 4.2". */
export function ratingStars(rating: number): string {
  return `★ ${(1 + 4 * Math.min(1, Math.max(0, rating))).toFixed(1)}`;
}

/** Why a freelancer is suggested for a job, one short reason per signal that counts. */
export function suggestionReasons(suggestion: SuggestedFreelancer): string[] {
  const reasons: string[] = [];
  if (suggestion.skill_overlap > 0) reasons.push(`Skills: ${percent(suggestion.skill_overlap)} of the job’s`);
  if (suggestion.text_similarity > 0) reasons.push(`Profile and past work: ${percent(suggestion.text_similarity)} match`);
  reasons.push(`Rating ${ratingStars(suggestion.rating)}`);
  if (suggestion.connection === "friend") reasons.push("Your friend");
  else if (suggestion.connection === "friend_of_friend") reasons.push("Friend of a friend");
  return reasons;
}
