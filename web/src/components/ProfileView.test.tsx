import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import { freelancerProfile } from "../test/fixtures";
import { ProfileView } from "./ProfileView";

describe("ProfileView", () => {
  const profile = freelancerProfile({
    avatar_file_id: "f1",
    avatar_url: "/api/files/f1",
    location: "London",
    roles: ["freelancer", "client"],
    freelancer: {
      ...freelancerProfile().freelancer!,
      headline: "Analyst of engines",
      bio: "Notes on the engine.",
      hourly_rate: { amount: 12345, currency: "usd" },
      skills: [{ slug: "mathematics", name: "Mathematics" }],
      experience: [{ title: "Translator", company: "Taylor's Scientific Memoirs", start_date: "1842-10-01", end_date: "1843-08-31", description: "" }],
    },
    client: { company_name: "Engines Ltd", company_size: "2-10", industry: "Computing", description: "", website: "https://engines.example", rating: null, rating_count: 0 },
  });

  it("shows what a visitor needs to know", () => {
    render(<ProfileView profile={profile} />);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Ada Lovelace");
    expect(screen.getByRole("img", { name: "Ada Lovelace's avatar" })).toHaveAttribute("src", "/api/files/f1");
    expect(screen.getByText("Analyst of engines")).toBeInTheDocument();
    expect(screen.getByText("$123.45/hr")).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "Skills" })).getByText("Mathematics")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Experience" })).toHaveTextContent("Translator at Taylor's Scientific Memoirs");
    expect(screen.getByRole("region", { name: "Experience" })).toHaveTextContent("Oct 1842 – Aug 1843");
    expect(screen.getByRole("region", { name: "Company" })).toHaveTextContent("Engines Ltd");
    expect(screen.queryByText("ada@example.com")).not.toBeInTheDocument();
  });

  it("shows the e-mail only when given one (the owner's view)", () => {
    render(<ProfileView profile={profile} email="ada@example.com" />);
    expect(screen.getByText("ada@example.com")).toBeInTheDocument();
  });

  it("uses initials without an avatar and says when no rate is set", () => {
    render(<ProfileView profile={freelancerProfile()} />);
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
    expect(screen.getByText("AL")).toBeInTheDocument();
    expect(screen.getByText("Not set")).toBeInTheDocument();
  });
});
