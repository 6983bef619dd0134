import { api, unwrap } from "./client";
import type { Contract, DeclineRequest, Invitation, InvitationStatus, InvitationWithJob, Paged, Proposal, ProposalInput, ProposalStatus, ProposalWithJob, ReceivedProposal } from "./types";

interface ListQuery<S> {
  status?: S;
  cursor?: string;
  limit?: number;
}

/** A freelancer's proposal on a job. */
export function bid(jobId: string, input: ProposalInput): Promise<Proposal> {
  return unwrap(api.POST("/api/jobs/{id}/bid", { params: { path: { id: jobId } }, body: input }));
}

/** The proposals on one of the caller's jobs, each with who sent it. */
export function listJobProposals(jobId: string, query: ListQuery<ProposalStatus> = {}): Promise<Paged<ReceivedProposal>> {
  return unwrap(api.GET("/api/jobs/{id}/proposals", { params: { path: { id: jobId }, query } }));
}

/** The caller's own proposals, each with its job. */
export function listMyProposals(query: ListQuery<ProposalStatus> = {}): Promise<Paged<ProposalWithJob>> {
  return unwrap(api.GET("/api/proposals", { params: { query } }));
}

/** The caller's proposal on a job, or `null` when they have not proposed on it. */
export async function findMyProposal(jobId: string): Promise<ProposalWithJob | null> {
  const page = await unwrap(api.GET("/api/proposals", { params: { query: { job_id: jobId } } }));
  return page.items[0] ?? null;
}

export function getProposal(id: string): Promise<ProposalWithJob> {
  return unwrap(api.GET("/api/proposals/{id}", { params: { path: { id } } }));
}

export function updateProposal(id: string, input: ProposalInput): Promise<Proposal> {
  return unwrap(api.PUT("/api/proposals/{id}", { params: { path: { id } }, body: input }));
}

export function withdrawProposal(id: string): Promise<Proposal> {
  return unwrap(api.POST("/api/proposals/{id}/withdraw", { params: { path: { id } } }));
}

export function shortlistProposal(id: string, shortlisted: boolean): Promise<Proposal> {
  return unwrap(api.POST("/api/proposals/{id}/shortlist", { params: { path: { id } }, body: { shortlisted } }));
}

export function declineProposal(id: string, reason?: string): Promise<Proposal> {
  const body: DeclineRequest = { reason: reason?.trim() || null };
  return unwrap(api.POST("/api/proposals/{id}/decline", { params: { path: { id } }, body }));
}

export function inviteFreelancer(jobId: string, freelancerId: string, message: string): Promise<Invitation> {
  return unwrap(
    api.POST("/api/jobs/{id}/invitations", { params: { path: { id: jobId } }, body: { freelancer_id: freelancerId, message: message.trim() || null } }),
  );
}

/** Invitations the caller (a freelancer) received, each with its job. */
export function listInvitations(query: ListQuery<InvitationStatus> = {}): Promise<Paged<InvitationWithJob>> {
  return unwrap(api.GET("/api/invitations", { params: { query } }));
}

/** Accepting an invitation is proposing on its job. */
export function acceptInvitation(id: string, input: ProposalInput): Promise<Proposal> {
  return unwrap(api.POST("/api/invitations/{id}/accept", { params: { path: { id } }, body: input }));
}

export function declineInvitation(id: string): Promise<Invitation> {
  return unwrap(api.POST("/api/invitations/{id}/decline", { params: { path: { id } } }));
}

/** Hires the freelancer behind a proposal; starts a contract. */
export function hire(jobId: string, proposalId: string, weeklyLimitHours?: number | null): Promise<Contract> {
  return unwrap(
    api.PUT("/api/jobs/{id}/hire", {
      params: { path: { id: jobId } },
      body: { proposal_id: proposalId, weekly_limit_hours: weeklyLimitHours ?? null },
    }),
  );
}
