import type { components } from "./generated/schema";

type Schemas = components["schemas"];

export type AuthResponse = Schemas["AuthResponse"];
export type UserSummary = Schemas["UserSummary"];
export type Role = Schemas["Role"];
export type Money = Schemas["Money"];
export type Currency = Schemas["Currency"];
export type Availability = Schemas["Availability"];
export type CompanySize = Schemas["CompanySize"];
export type Experience = Schemas["Experience"];
export type Education = Schemas["Education"];
export type PortfolioItem = Schemas["PortfolioItem"];
export type SkillTag = Schemas["SkillTag"];
export type Skill = Schemas["Skill"];
export type PagedSkills = Schemas["Paged_Skill"];
export type PublicProfile = Schemas["PublicProfile"];
export type OwnProfile = Schemas["OwnProfile"];
export type ProfileUpdate = Schemas["ProfileUpdate"];
export type FreelancerProfileInput = Schemas["FreelancerProfileInput"];
export type ClientProfileInput = Schemas["ClientProfileInput"];
export type UploadedFile = Schemas["UploadedFile"];
export type ErrorBody = Schemas["ErrorBody"];
