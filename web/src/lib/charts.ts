import type { Currency, DayViewCount, Money, MonthFigures, ProposalStatus, SignupDay } from "../api/types";
import { PROPOSAL_STATUSES, formatMonth, formatShortDay } from "./labels";
import { currencyLabel, formatMoney } from "./money";

/** One line or set of bars: `key` names its value in each point. */
export interface ChartSeries {
  key: string;
  name: string;
  /** How a value reads in the tooltip, the axis and the data table. */
  format: (value: number) => string;
}

/** One place on the horizontal axis (a month, a day, a status) and its value per series. */
export interface ChartPoint {
  label: string;
  values: Record<string, number>;
}

export interface ChartData {
  /** What the horizontal axis counts in: "Month", "Day", "Status". */
  axis: string;
  points: ChartPoint[];
  series: ChartSeries[];
}

const count = (value: number) => value.toLocaleString("en-US");

/** True when there is nothing to draw: no points, or every value zero. */
export function isEmptyChart({ points }: ChartData): boolean {
  return points.every((point) => Object.values(point.values).every((value) => value === 0));
}

/**
 * Money per month, one series per currency (amounts in cents, never mixed
 * across currencies); US dollars when no month holds any money.
 */
export function moneyByMonth(months: MonthFigures[], pick: (month: MonthFigures) => Money[], name: string): ChartData {
  const found = new Set<Currency>(months.flatMap((month) => pick(month).map((money) => money.currency)));
  const currencies: Currency[] = found.size > 0 ? [...found] : ["usd"];
  const series = currencies.map((currency) => ({
    key: currency,
    name: currencies.length > 1 ? `${name} (${currencyLabel(currency)})` : name,
    format: (amount: number) => formatMoney({ amount, currency }),
  }));
  const points = months.map((month) => ({
    label: formatMonth(month.month),
    values: Object.fromEntries(currencies.map((currency) => [currency, pick(month).find((m) => m.currency === currency)?.amount ?? 0])),
  }));
  return { axis: "Month", points, series };
}

export function viewsByDay(days: DayViewCount[]): ChartData {
  return {
    axis: "Day",
    points: days.map((day) => ({ label: formatShortDay(day.day), values: { views: day.views } })),
    series: [{ key: "views", name: "Viewers", format: count }],
  };
}

/** Proposals per status, in the order a proposal moves through them; statuses the API adds later come last. */
export function proposalsByStatus(counts: Record<string, number>): ChartData {
  const known = Object.keys(PROPOSAL_STATUSES);
  const statuses = [...known, ...Object.keys(counts).filter((status) => !known.includes(status))];
  return {
    axis: "Status",
    points: statuses.map((status) => ({
      label: PROPOSAL_STATUSES[status as ProposalStatus] ?? status,
      values: { proposals: counts[status] ?? 0 },
    })),
    series: [{ key: "proposals", name: "Proposals", format: count }],
  };
}

export function signupsByDay(days: SignupDay[]): ChartData {
  return {
    axis: "Day",
    points: days.map((day) => ({ label: formatShortDay(day.day), values: { freelancers: day.freelancers, clients: day.clients } })),
    series: [
      { key: "freelancers", name: "Freelancers", format: count },
      { key: "clients", name: "Clients", format: count },
    ],
  };
}

/** The money of every month added up, per currency: what a year of months comes to. */
export function totalByCurrency(months: MonthFigures[], pick: (month: MonthFigures) => Money[]): Money[] {
  const totals = new Map<Currency, number>();
  for (const money of months.flatMap(pick)) totals.set(money.currency, (totals.get(money.currency) ?? 0) + money.amount);
  return [...totals].map(([currency, amount]) => ({ amount, currency }));
}
