import type {
  Availability,
  ClientProfileInput,
  CompanySize,
  Currency,
  Experience,
  ExperienceLevel,
  FreelancerProfileInput,
  OwnProfile,
  ProfileUpdate,
  SkillTag,
} from "../api/types";
import type { Built } from "./built";
import { centsToInput, parseHourlyRate } from "./money";

export interface ExperienceDraft {
  /** Stable React key; not sent. */
  key: string;
  title: string;
  company: string;
  start_date: string;
  end_date: string;
  description: string;
}

/** Everything the profile form edits, as the strings its inputs hold. */
export interface ProfileFormState {
  name: string;
  location: string;
  timezone: string;
  avatarFileId: string | null;
  avatarUrl: string | null;

  /** Whether the freelancer section is sent (always, once the user has that role). */
  freelancer: boolean;
  headline: string;
  bio: string;
  hourlyRate: string;
  currency: Currency;
  availability: Availability;
  experienceLevel: ExperienceLevel;
  skills: SkillTag[];
  experience: ExperienceDraft[];

  client: boolean;
  companyName: string;
  website: string;
  companySize: CompanySize;
  industry: string;
  companyDescription: string;
}

let nextKey = 0;
export function newExperience(): ExperienceDraft {
  nextKey += 1;
  return { key: `exp-${nextKey}`, title: "", company: "", start_date: "", end_date: "", description: "" };
}

export function formFromProfile(profile: OwnProfile): ProfileFormState {
  const f = profile.freelancer ?? null;
  const c = profile.client ?? null;
  return {
    name: profile.name,
    location: profile.location ?? "",
    timezone: profile.timezone ?? "",
    avatarFileId: profile.avatar_file_id ?? null,
    avatarUrl: profile.avatar_url ?? null,

    freelancer: f !== null,
    headline: f?.headline ?? "",
    bio: f?.bio ?? "",
    hourlyRate: centsToInput(f?.hourly_rate?.amount),
    currency: f?.hourly_rate?.currency ?? "usd",
    availability: f?.availability ?? "full_time",
    // Sent with every save, which replaces the whole freelancer profile; the
    // profile as read does not carry it (yet), so the default stands in.
    experienceLevel: f?.experience_level ?? "intermediate",
    skills: f?.skills ?? [],
    experience: (f?.experience ?? []).map((job) => ({
      ...newExperience(),
      title: job.title,
      company: job.company,
      start_date: job.start_date,
      end_date: job.end_date ?? "",
      description: job.description ?? "",
    })),

    client: c !== null,
    companyName: c?.company_name ?? "",
    website: c?.website ?? "",
    companySize: c?.company_size ?? "1",
    industry: c?.industry ?? "",
    companyDescription: c?.description ?? "",
  };
}

export type BuildResult = Built<ProfileUpdate>;

/**
 * The PUT body for the form, or the problems to fix first, keyed by the same
 * field paths the server uses. Parts of the profile the form does not edit
 * (education, portfolio) are sent back as they are.
 */
export function buildProfileUpdate(state: ProfileFormState, profile: OwnProfile): BuildResult {
  const errors: Record<string, string> = {};
  const name = state.name.trim();
  if (!name) errors.name = "Enter your name.";

  const update: ProfileUpdate = {
    name,
    avatar_file_id: state.avatarFileId,
    location: state.location.trim() || null,
    timezone: state.timezone.trim() || null,
  };

  if (state.freelancer) {
    const rate = parseHourlyRate(state.hourlyRate);
    if (!rate.ok) errors["freelancer.hourly_rate"] = rate.error;
    const experience: Experience[] = [];
    state.experience.forEach((job, i) => {
      const at = `freelancer.experience[${i}]`;
      if (!job.title.trim()) errors[`${at}.title`] = "Enter a job title.";
      if (!job.company.trim()) errors[`${at}.company`] = "Enter the company.";
      if (!job.start_date) errors[`${at}.start_date`] = "Enter the start date.";
      if (job.end_date && job.start_date && job.end_date < job.start_date) {
        errors[`${at}.end_date`] = "The end date must not be before the start date.";
      }
      experience.push({
        title: job.title.trim(),
        company: job.company.trim(),
        start_date: job.start_date,
        end_date: job.end_date || null,
        description: job.description.trim(),
      });
    });
    const freelancer: FreelancerProfileInput = {
      headline: state.headline.trim(),
      bio: state.bio.trim(),
      hourly_rate: rate.ok && rate.cents !== null ? { amount: rate.cents, currency: state.currency } : null,
      availability: state.availability,
      experience_level: state.experienceLevel,
      skills: state.skills.map((skill) => skill.slug),
      experience,
      education: profile.freelancer?.education ?? [],
      portfolio: profile.freelancer?.portfolio ?? [],
    };
    update.freelancer = freelancer;
  }

  if (state.client) {
    const companyName = state.companyName.trim();
    if (!companyName) errors["client.company_name"] = "Enter the company name.";
    const website = state.website.trim();
    const client: ClientProfileInput = {
      company_name: companyName,
      website: website ? (/^https?:\/\//i.test(website) ? website : `https://${website}`) : null,
      company_size: state.companySize,
      industry: state.industry.trim(),
      description: state.companyDescription.trim(),
    };
    update.client = client;
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: update };
}
