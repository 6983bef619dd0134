import { api, unwrap } from "./client";
import type {
  Contract,
  ContractDetail,
  ContractEnding,
  HourlyWeek,
  Milestone,
  MilestoneDraft,
  Paged,
  PaymentAction,
  TimeEntry,
  TimeEntryInput,
  Timesheet,
  WorkNote,
} from "./types";

export function listContracts(query: { cursor?: string; limit?: number } = {}): Promise<Paged<Contract>> {
  return unwrap(api.GET("/api/contracts", { params: { query } }));
}

/** A contract with its milestones and their history. */
export function getContract(id: string): Promise<ContractDetail> {
  return unwrap(api.GET("/api/contracts/{id}", { params: { path: { id } } }));
}

/** Either party adds a milestone to an active fixed-price contract; it waits, unfunded, for the client. */
export function addMilestone(contractId: string, draft: MilestoneDraft): Promise<Milestone> {
  return unwrap(api.POST("/api/contracts/{id}/milestone", { params: { path: { id: contractId } }, body: draft }));
}

/** Either party rewrites a milestone that is not funded yet. */
export function editMilestone(contractId: string, milestoneId: string, draft: MilestoneDraft): Promise<Milestone> {
  return unwrap(
    api.PUT("/api/contracts/{id}/milestones/{milestone_id}", { params: { path: { id: contractId, milestone_id: milestoneId } }, body: draft }),
  );
}

/** Either party removes a milestone that is not funded yet. */
export async function deleteMilestone(contractId: string, milestoneId: string): Promise<void> {
  await unwrap(api.DELETE("/api/contracts/{id}/milestones/{milestone_id}", { params: { path: { id: contractId, milestone_id: milestoneId } } }));
}

/**
 * Moves a milestone's money: the client funds and releases, the freelancer
 * refunds. `idempotencyKey` makes a retry of the same click move nothing twice.
 * Funding through Stripe or PayPal names what the client chose in the browser
 * as `paymentSource` (a payment method, an approved order); the sandbox needs none.
 */
export function payMilestone(
  contractId: string,
  milestoneId: string,
  action: PaymentAction,
  idempotencyKey: string,
  paymentSource?: string,
): Promise<Milestone> {
  return unwrap(
    api.POST("/api/contracts/{id}/payment", {
      params: { path: { id: contractId }, header: { "Idempotency-Key": idempotencyKey } },
      body: { milestone_id: milestoneId, action, payment_source: paymentSource },
    }),
  );
}

/** The freelancer hands in a milestone's work, with files uploaded as attachments. */
export function submitWork(contractId: string, milestoneId: string, note: WorkNote): Promise<Milestone> {
  return unwrap(
    api.POST("/api/contracts/{id}/milestones/{milestone_id}/submit", {
      params: { path: { id: contractId, milestone_id: milestoneId } },
      body: note,
    }),
  );
}

/** The client sends submitted work back with what should change. */
export function requestChanges(contractId: string, milestoneId: string, message: string): Promise<Milestone> {
  return unwrap(
    api.POST("/api/contracts/{id}/milestones/{milestone_id}/request-changes", {
      params: { path: { id: contractId, milestone_id: milestoneId } },
      body: { message },
    }),
  );
}

/**
 * Completes or cancels a contract. The client's cancel asks the freelancer;
 * the freelancer's cancel refunds the funded milestones at once.
 */
export function endContract(id: string, ending: ContractEnding, idempotencyKey: string): Promise<Contract> {
  return unwrap(
    api.POST("/api/contracts/{id}/end", {
      params: { path: { id }, header: { "Idempotency-Key": idempotencyKey } },
      body: { ending },
    }),
  );
}

/** The time logged on an hourly contract in the week (Monday to Sunday, UTC) that `week` falls in. */
export function getTimesheet(contractId: string, week: string): Promise<Timesheet> {
  return unwrap(api.GET("/api/contracts/{id}/time-entries", { params: { path: { id: contractId }, query: { week } } }));
}

/** The freelancer logs time on an active hourly contract, within the weekly limit. */
export function logTime(contractId: string, input: TimeEntryInput): Promise<TimeEntry> {
  return unwrap(api.POST("/api/contracts/{id}/time-entries", { params: { path: { id: contractId } }, body: input }));
}

/** The freelancer corrects an entry whose week is not billed yet. */
export function editTime(contractId: string, entryId: string, input: TimeEntryInput): Promise<TimeEntry> {
  return unwrap(api.PUT("/api/contracts/{id}/time-entries/{entry_id}", { params: { path: { id: contractId, entry_id: entryId } }, body: input }));
}

/** The freelancer removes an entry whose week is not billed yet. */
export async function deleteTime(contractId: string, entryId: string): Promise<void> {
  await unwrap(api.DELETE("/api/contracts/{id}/time-entries/{entry_id}", { params: { path: { id: contractId, entry_id: entryId } } }));
}

/** The weeks an hourly contract was billed for, newest first. */
export function listBilledWeeks(contractId: string): Promise<HourlyWeek[]> {
  return unwrap(api.GET("/api/contracts/{id}/weeks", { params: { path: { id: contractId } } }));
}
