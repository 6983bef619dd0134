import type { Contract, Money } from "../api/types";
import { formatHourlyRate, formatMoney } from "./money";

/** "Fixed price: $400.00" or "$40.00/hr, up to 20 hours a week". */
export function describeContractTerms(contract: Contract): string {
  if (contract.payment_type === "fixed") return contract.amount ? `Fixed price: ${formatMoney(contract.amount)}` : "Fixed price";
  const rate = contract.hourly_rate ? formatHourlyRate(contract.hourly_rate) : "Hourly";
  return contract.weekly_limit_hours ? `${rate}, up to ${contract.weekly_limit_hours} hours a week` : rate;
}

export type PartyRole = "client" | "freelancer";

/** Which side of the contract `userId` is on, or null for anyone else. */
export function partyRole(contract: Pick<Contract, "client_id" | "freelancer_id">, userId: string | undefined): PartyRole | null {
  if (userId === contract.client_id) return "client";
  if (userId === contract.freelancer_id) return "freelancer";
  return null;
}

/** The money in escrow: every funded milestone not yet released or refunded. Null when there is none. */
export function escrowTotal(contract: Contract): Money | null {
  const held = contract.milestones.filter((m) => ["funded", "submitted", "changes_requested", "disputed"].includes(m.status));
  if (held.length === 0) return null;
  return { amount: held.reduce((sum, m) => sum + m.amount.amount, 0), currency: held[0].amount.currency };
}
