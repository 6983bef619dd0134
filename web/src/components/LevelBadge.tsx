import type { FreelancerLevel } from "../api/types";
import { FREELANCER_LEVELS } from "../lib/labels";

/** The badge a freelancer earned from their track record. */
export function LevelBadge({ level }: { level: FreelancerLevel }) {
  return (
    <span className={`badge badge--level badge--level-${level}`} title="Level">
      {FREELANCER_LEVELS[level]}
    </span>
  );
}
