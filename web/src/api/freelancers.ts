import { api, unwrap } from "./client";
import type { FreelancerCard, Paged } from "./types";

/** The freelancer search's query: rates in minor units (cents), skills comma-separated. */
export interface FreelancerQuery {
  q?: string;
  skills?: string;
  skills_match?: string;
  experience_level?: string;
  hourly_rate_min?: number;
  hourly_rate_max?: number;
  location?: string;
  availability?: string;
  min_rating?: number;
  min_completed_jobs?: number;
  level?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

export function searchFreelancers(query: FreelancerQuery): Promise<Paged<FreelancerCard>> {
  return unwrap(api.GET("/api/freelancers", { params: { query } }));
}
