import { api, unwrap } from "./client";
import type { Dispute, DisputeEntry, DisputeQueueFilter, DisputeWithTimeline, NewDispute, Paged, Resolution } from "./types";

/** Contests the money held for a milestone or an hourly week; it stays frozen until the dispute ends. */
export function openDispute(dispute: NewDispute): Promise<DisputeWithTimeline> {
  return unwrap(api.POST("/api/disputes", { body: dispute }));
}

/** The disputes the caller is a party of (of one contract, with `contract_id`), newest first. */
export function listDisputes(query: { contract_id?: string; cursor?: string; limit?: number } = {}): Promise<Paged<Dispute>> {
  return unwrap(api.GET("/api/disputes", { params: { query } }));
}

/** A dispute with its timeline, for its parties and admins. */
export function getDispute(id: string): Promise<DisputeWithTimeline> {
  return unwrap(api.GET("/api/disputes/{id}", { params: { path: { id } } }));
}

/** The other party's answer: once, before `respond_by`. */
export function respondToDispute(id: string, message: string, evidenceFileIds: string[]): Promise<DisputeWithTimeline> {
  return unwrap(api.POST("/api/disputes/{id}/respond", { params: { path: { id } }, body: { message, evidence_file_ids: evidenceFileIds } }));
}

export function postDisputeMessage(id: string, body: string, fileIds: string[]): Promise<DisputeEntry> {
  return unwrap(api.POST("/api/disputes/{id}/messages", { params: { path: { id } }, body: { body, file_ids: fileIds } }));
}

/** The opener takes the dispute back; the money returns to where it was. */
export function withdrawDispute(id: string): Promise<DisputeWithTimeline> {
  return unwrap(api.POST("/api/disputes/{id}/withdraw", { params: { path: { id } } }));
}

/** The admins' queue, oldest first; answers 404 to anyone else. */
export function listDisputeQueue(status: DisputeQueueFilter, cursor?: string): Promise<Paged<Dispute>> {
  return unwrap(api.GET("/api/admin/disputes", { params: { query: { status, cursor } } }));
}

/** An admin's decision; it moves money, so the key makes a retry safe. */
export function resolveDispute(id: string, resolution: Resolution, idempotencyKey: string): Promise<DisputeWithTimeline> {
  return unwrap(
    api.POST("/api/admin/disputes/{id}/resolve", {
      params: { path: { id }, header: { "Idempotency-Key": idempotencyKey } },
      body: resolution,
    }),
  );
}
