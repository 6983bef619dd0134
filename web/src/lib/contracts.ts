import type { Contract } from "../api/types";
import { formatHourlyRate, formatMoney } from "./money";

/** "Fixed price: $400.00" or "$40.00/hr, up to 20 hours a week". */
export function describeContractTerms(contract: Contract): string {
  if (contract.payment_type === "fixed") return contract.amount ? `Fixed price: ${formatMoney(contract.amount)}` : "Fixed price";
  const rate = contract.hourly_rate ? formatHourlyRate(contract.hourly_rate) : "Hourly";
  return contract.weekly_limit_hours ? `${rate}, up to ${contract.weekly_limit_hours} hours a week` : rate;
}
