import type { OwnProfile } from "../api/types";

export function freelancerProfile(overrides: Partial<OwnProfile> = {}): OwnProfile {
  return {
    id: "01a22365-acc9-74fe-9cd0-ea819179e026",
    name: "Ada Lovelace",
    role: "freelancer",
    roles: ["freelancer"],
    avatar_file_id: null,
    avatar_url: null,
    location: null,
    timezone: null,
    member_since: "2026-11-28T18:23:15.629238460Z",
    email: "ada@example.com",
    email_verified: false,
    client: null,
    freelancer: {
      headline: "",
      bio: "",
      hourly_rate: null,
      availability: "full_time",
      skills: [],
      experience: [],
      education: [{ school: "University of London", degree: "BSc", field_of_study: "Mathematics", start_year: 1835, end_year: 1838 }],
      portfolio: [],
    },
    ...overrides,
  };
}
