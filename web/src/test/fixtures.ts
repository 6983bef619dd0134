import type {
  ChatSummary,
  ContractDetail,
  DisputeWithTimeline,
  HourlyWeek,
  Invoice,
  Job,
  JobSummary,
  Message,
  Milestone,
  OwnProfile,
  PendingRequest,
  Proposal,
  ProposalWithJob,
  ReceivedProposal,
  Recommendation,
  Review,
  SharedJob,
  SuggestedFreelancer,
  TimeEntry,
  UserCard,
} from "../api/types";

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
      experience_level: "intermediate",
      completed_jobs: 0,
      rating: null,
      rating_count: 0,
      level: "new",
      skills: [],
      experience: [],
      education: [{ school: "University of London", degree: "BSc", field_of_study: "Mathematics", start_year: 1835, end_year: 1838 }],
      portfolio: [],
    },
    ...overrides,
  };
}

export function fixedJob(overrides: Partial<Job> = {}): Job {
  return {
    id: "01a223f6-1045-77a7-b4b5-dc1afaa26f2e",
    client_id: "01a223f6-0f68-73bd-8ace-5d56cf62584b",
    title: "Build a landing page",
    description: "A single responsive page with a signup form.",
    category: "web-development",
    skills: [{ slug: "react", name: "React" }],
    payment_type: "fixed",
    budget: { amount: 50000, currency: "usd" },
    hourly_rate_min: null,
    hourly_rate_max: null,
    hours_per_week: null,
    duration: null,
    experience_level: "intermediate",
    screening_questions: ["Which similar pages have you built?"],
    attachment_file_ids: [],
    visibility: "public",
    status: "open",
    hidden: false,
    closed_by_admin: false,
    hires_wanted: 1,
    hires_count: 0,
    deadline: "2027-01-10",
    posted_at: "2026-11-28T21:00:58Z",
    expires_at: "2026-12-28T21:00:58Z",
    created_at: "2026-11-28T21:00:58Z",
    updated_at: "2026-11-28T21:00:58Z",
    ...overrides,
  };
}

export function hourlyJob(overrides: Partial<Job> = {}): Job {
  return fixedJob({
    id: "01a223f6-2222-77a7-b4b5-dc1afaa26f2e",
    title: "Maintain our API",
    payment_type: "hourly",
    budget: null,
    hourly_rate_min: { amount: 4000, currency: "usd" },
    hourly_rate_max: { amount: 6000, currency: "usd" },
    hours_per_week: 20,
    screening_questions: [],
    ...overrides,
  });
}

export function jobSummary(job: Job = fixedJob()): JobSummary {
  const { description, ...rest } = job;
  return {
    id: rest.id,
    client_id: rest.client_id,
    title: rest.title,
    snippet: description.slice(0, 200),
    category: rest.category,
    skills: rest.skills,
    payment_type: rest.payment_type,
    budget: rest.budget,
    hourly_rate_min: rest.hourly_rate_min,
    hourly_rate_max: rest.hourly_rate_max,
    experience_level: rest.experience_level,
    status: rest.status,
    deadline: rest.deadline,
    posted_at: rest.posted_at,
  };
}

export function proposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: "01a223f6-2b25-7411-bfbd-9e8c08c7b5a3",
    job_id: fixedJob().id,
    freelancer_id: "01a223f6-28f6-723b-b5f5-729711fc40dd",
    status: "submitted",
    cover_letter: "I have built many pages like this one.",
    amount: { amount: 40000, currency: "usd" },
    duration_days: 10,
    answers: ["Three, all for launches."],
    milestones: [],
    attachment_file_ids: [],
    created_at: "2026-11-28T21:01:05Z",
    updated_at: "2026-11-28T21:01:05Z",
    ...overrides,
  };
}

/** A proposal as the job's client receives it, with who sent it. */
export function receivedProposal(overrides: Partial<ReceivedProposal> = {}): ReceivedProposal {
  const base = proposal();
  return {
    ...base,
    freelancer: { id: base.freelancer_id, name: "Finn Freelancer", avatar_url: null, location: "Lisbon, Portugal" },
    contract_id: null,
    ...overrides,
  };
}

/** A proposal as the freelancer who sent it sees it, with its job. */
export function proposalWithJob(overrides: Partial<ProposalWithJob> = {}): ProposalWithJob {
  return { ...proposal(), job: jobSummary(), contract_id: null, ...overrides };
}

export const categories = [
  { slug: "design-creative", name: "Design & Creative" },
  { slug: "web-development", name: "Web Development" },
];

export const CLIENT_ID = fixedJob().client_id;
export const FREELANCER_ID = proposal().freelancer_id;

export function milestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: "01a22400-0000-7000-8000-00000000m001",
    position: 0,
    title: "Design",
    amount: { amount: 20000, currency: "usd" },
    status: "proposed",
    due_date: null,
    submitted_at: null,
    ...overrides,
  };
}

/** A fixed-price contract between the fixtures' client and freelancer, with its history. */
export function contractDetail(overrides: Partial<ContractDetail> = {}): ContractDetail {
  return {
    id: "01a22400-1111-7000-8000-000000000c01",
    job_id: fixedJob().id,
    proposal_id: proposal().id,
    client_id: CLIENT_ID,
    freelancer_id: FREELANCER_ID,
    title: fixedJob().title,
    payment_type: "fixed",
    status: "active",
    amount: { amount: 45000, currency: "usd" },
    hourly_rate: null,
    weekly_limit_hours: null,
    cancel_requested_by: null,
    started_at: "2026-11-28T21:05:00Z",
    ended_at: null,
    milestones: [milestone(), milestone({ id: "01a22400-0000-7000-8000-00000000m002", position: 1, title: "Build", amount: { amount: 25000, currency: "usd" } })],
    history: [],
    ...overrides,
  };
}

export function invoice(overrides: Partial<Invoice> = {}): Invoice {
  const amount = (cents: number) => ({ amount: cents, currency: "usd" as const });
  return {
    id: "01a22400-2222-7000-8000-0000000000i1",
    number: "DW-2026-000001",
    kind: "milestone",
    issued_at: "2026-11-29T10:00:00Z",
    contract_id: contractDetail().id,
    job_id: fixedJob().id,
    title: fixedJob().title,
    client: { id: CLIENT_ID, name: "Cleo Client" },
    freelancer: { id: FREELANCER_ID, name: "Finn Freelancer" },
    currency: "usd",
    period_start: null,
    period_end: null,
    lines: [{ description: "Design", amount: amount(20000), client_fee: amount(1000), freelancer_fee: amount(2000), hourly_rate: null, minutes: null }],
    totals: { subtotal: amount(20000), client_fees: amount(1000), client_total: amount(21000), freelancer_fees: amount(2000), freelancer_net: amount(18000) },
    ...overrides,
  };
}

/** An hourly contract at $40.00/hr, up to 20 hours a week, started on Monday, Nov 2, 2026. */
export function hourlyContract(overrides: Partial<ContractDetail> = {}): ContractDetail {
  return contractDetail({
    id: "01a22400-1111-7000-8000-000000000c02",
    job_id: hourlyJob().id,
    title: hourlyJob().title,
    payment_type: "hourly",
    amount: null,
    hourly_rate: { amount: 4000, currency: "usd" },
    weekly_limit_hours: 20,
    started_at: "2026-11-02T09:00:00Z",
    milestones: [],
    ...overrides,
  });
}

export function timeEntry(overrides: Partial<TimeEntry> = {}): TimeEntry {
  return {
    id: "01a22400-3333-7000-8000-0000000000e1",
    work_date: "2026-11-24",
    minutes: 150,
    memo: "API review",
    billed: false,
    created_at: "2026-11-24T18:00:00Z",
    ...overrides,
  };
}

/** A week of 12 h 30 min at $40.00/hr, billed on Monday, Nov 23, 2026 and held for review until Nov 28. */
export function hourlyWeek(overrides: Partial<HourlyWeek> = {}): HourlyWeek {
  return {
    id: "01a22400-4444-7000-8000-0000000000w1",
    week_start: "2026-11-16",
    week_end: "2026-11-22",
    minutes: 750,
    amount: { amount: 50000, currency: "usd" },
    freelancer_net: { amount: 45000, currency: "usd" },
    status: "held",
    release_after: "2026-11-28T06:00:00Z",
    ...overrides,
  };
}

export const CONVERSATION_ID = "01a22400-5555-7000-8000-0000000000c1";

/** Message number `seq` of the conversation between the fixtures' client and freelancer. */
export function chatMessage(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `01a22400-6666-7000-8000-${String(seq).padStart(12, "0")}`,
    conversation_id: CONVERSATION_ID,
    seq,
    sender_id: FREELANCER_ID,
    body: `Message ${seq}`,
    attachments: [],
    client_id: null,
    edited_at: null,
    deleted_at: null,
    created_at: `2026-11-28T10:${String(seq % 60).padStart(2, "0")}:00Z`,
    ...overrides,
  };
}

/** The conversation as a list item, with the freelancer as the peer. */
export function chatSummary(overrides: Partial<ChatSummary> = {}): ChatSummary {
  return {
    conversation_id: CONVERSATION_ID,
    user: { id: FREELANCER_ID, name: "Finn Freelancer", avatar_url: null },
    last_message: chatMessage(2),
    unread_count: 0,
    last_seq: 2,
    updated_at: "2026-11-28T10:02:00Z",
    ...overrides,
  };
}

/** A person as lists show them; `n` makes the id. */
export function userCard(n: number, name: string, overrides: Partial<UserCard> = {}): UserCard {
  return { id: `01a22400-7777-7000-8000-${String(n).padStart(12, "0")}`, name, avatar_url: null, ...overrides };
}

/** A pending friend request between `from` and `to`, with `user` the other person as the viewer sees them. */
export function pendingRequest(n: number, from: UserCard, to: UserCard, viewer: string): PendingRequest {
  return {
    id: `01a22400-8888-7000-8000-${String(n).padStart(12, "0")}`,
    from_user_id: from.id,
    to_user_id: to.id,
    status: "pending",
    created_at: "2026-11-28T10:00:00Z",
    accepted_at: null,
    user: from.id === viewer ? to : from,
  };
}

export function recommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    id: "01a22400-9999-7000-8000-000000000001",
    from: userCard(1, "Bo Friend"),
    to: userCard(9, "Me"),
    freelancer: { id: FREELANCER_ID, name: "Finn Freelancer", avatar_url: null },
    note: "Finn rebuilt our shop in a week.",
    created_at: "2026-11-28T10:00:00Z",
    ...overrides,
  };
}

export function sharedJob(overrides: Partial<SharedJob> = {}): SharedJob {
  return {
    id: "01a22400-aaaa-7000-8000-000000000001",
    job: jobSummary(),
    from: userCard(1, "Bo Friend"),
    note: "Thought of you for this one.",
    created_at: "2026-11-28T10:00:00Z",
    ...overrides,
  };
}

export function suggestedFreelancer(overrides: Partial<SuggestedFreelancer> = {}): SuggestedFreelancer {
  return {
    freelancer: { id: FREELANCER_ID, name: "Finn Freelancer", avatar_url: null },
    headline: "React developer for landing pages",
    score: 0.857,
    skill_overlap: 1,
    text_similarity: 0.5,
    rating: 0.625,
    connection: null,
    ...overrides,
  };
}

/** The client's released review of the fixtures' freelancer on the fixed-price contract. */
export function review(overrides: Partial<Review> = {}): Review {
  return {
    id: "01a22400-7777-7000-8000-0000000000r1",
    contract_id: contractDetail().id,
    job_id: fixedJob().id,
    title: fixedJob().title,
    reviewer: { id: CLIENT_ID, name: "Cleo Client", avatar_url: null },
    reviewee_id: FREELANCER_ID,
    reviewee_side: "freelancer",
    rating: 5,
    comment: "Quick, careful work.",
    private_feedback: null,
    released_at: "2026-12-01T10:00:00Z",
    reply: null,
    created_at: "2026-11-30T10:00:00Z",
    ...overrides,
  };
}

export const DISPUTE_ID = "01a22400-4444-7000-8000-0000000000d1";

/** An open dispute the client raised on the fixture contract's first milestone ($200.00 held). */
export function dispute(overrides: Partial<DisputeWithTimeline> = {}): DisputeWithTimeline {
  const contract = contractDetail();
  return {
    id: DISPUTE_ID,
    contract_id: contract.id,
    milestone_id: contract.milestones[0].id,
    hourly_week_id: null,
    client_id: CLIENT_ID,
    freelancer_id: FREELANCER_ID,
    opened_by: CLIENT_ID,
    reason: "quality",
    description: "The mockups ignore the brand guide.",
    status: "open",
    amount: { amount: 20000, currency: "usd" },
    respond_by: "2099-12-06T10:00:00Z",
    responded_at: null,
    resolution: null,
    closed_at: null,
    created_at: "2026-11-29T10:00:00Z",
    timeline: [
      {
        id: "01a22400-4444-7000-8000-0000000000e1",
        author_id: CLIENT_ID,
        kind: "opened",
        body: "The mockups ignore the brand guide.",
        file_ids: ["01a22400-4444-7000-8000-0000000000f1"],
        created_at: "2026-11-29T10:00:00Z",
      },
    ],
    ...overrides,
  };
}
