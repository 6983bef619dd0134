import { api, unwrap } from "./client";
import type { Category, Job, JobBoard, JobInput, JobStatus, OwnJobSummary, Paged, SuggestedFreelancers } from "./types";

export function listCategories(): Promise<Category[]> {
  return unwrap(api.GET("/api/categories"));
}

/** The job board's query: amounts in minor units (cents), skills comma-separated. */
export interface BoardQuery {
  q?: string;
  category?: string;
  payment_type?: string;
  budget_min?: number;
  budget_max?: number;
  hourly_rate_min?: number;
  hourly_rate_max?: number;
  deadline_before?: string;
  skills?: string;
  posted_within_days?: number;
  experience_level?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

export function searchJobs(query: BoardQuery): Promise<JobBoard> {
  return unwrap(api.GET("/api/jobs", { params: { query } }));
}

export function listMyJobs(query: { status?: JobStatus; cursor?: string; limit?: number } = {}): Promise<Paged<OwnJobSummary>> {
  return unwrap(api.GET("/api/jobs/mine", { params: { query } }));
}

export function getJob(id: string): Promise<Job> {
  return unwrap(api.GET("/api/jobs/{id}", { params: { path: { id } } }));
}

export function createJob(input: JobInput): Promise<Job> {
  return unwrap(api.POST("/api/jobs", { body: input }));
}

export function updateJob(id: string, input: JobInput): Promise<Job> {
  return unwrap(api.PUT("/api/jobs/{id}", { params: { path: { id } }, body: input }));
}

export type JobAction = "publish" | "close" | "reopen";

export function changeJobStatus(id: string, action: JobAction): Promise<Job> {
  const params = { params: { path: { id } } };
  if (action === "publish") return unwrap(api.POST("/api/jobs/{id}/publish", params));
  if (action === "close") return unwrap(api.POST("/api/jobs/{id}/close", params));
  return unwrap(api.POST("/api/jobs/{id}/reopen", params));
}

/** Freelancers who fit one of the caller's jobs best, the best first (the job's owner only). */
export function listSuggestedFreelancers(jobId: string, limit?: number): Promise<SuggestedFreelancers> {
  return unwrap(api.GET("/api/jobs/{id}/suggested-freelancers", { params: { path: { id: jobId }, query: { limit } } }));
}
