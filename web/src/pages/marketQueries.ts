import { listCategories, getJob } from "../api/jobs";
import { listNotifications } from "../api/notifications";
import { getContract, getTimesheet, listBilledWeeks } from "../api/contracts";
import { findMyProposal } from "../api/proposals";

export const categoriesQuery = () => ({
  queryKey: ["categories"] as const,
  queryFn: listCategories,
  staleTime: 60 * 60_000,
});

export const jobQuery = (id: string) => ({
  queryKey: ["jobs", id] as const,
  queryFn: () => getJob(id),
});

export const contractQuery = (id: string) => ({
  queryKey: ["contracts", id] as const,
  queryFn: () => getContract(id),
});

/** The time logged on an hourly contract in the week starting on the Monday `week`. */
export const timesheetQuery = (contractId: string, week: string) => ({
  queryKey: ["contracts", contractId, "time", week] as const,
  queryFn: () => getTimesheet(contractId, week),
});

/** The weeks an hourly contract was billed for, newest first. */
export const billedWeeksQuery = (contractId: string) => ({
  queryKey: ["contracts", contractId, "weeks"] as const,
  queryFn: () => listBilledWeeks(contractId),
});

/** The caller's own proposal on a job, if they sent one. */
export const myProposalOnJobQuery = (jobId: string) => ({
  queryKey: ["proposals", "mine", "job", jobId] as const,
  queryFn: () => findMyProposal(jobId),
});

/** Category names by slug, for showing the slugs jobs carry. */
export function categoryNames(categories: { slug: string; name: string }[] | undefined): Map<string, string> {
  return new Map((categories ?? []).map((c) => [c.slug, c.name]));
}

/** Just the count of unread notifications, for the header's badge. */
export const unreadNotificationsQuery = () => ({
  queryKey: ["notifications", "unread"] as const,
  queryFn: () => listNotifications({ unread: true, limit: 1 }),
});
