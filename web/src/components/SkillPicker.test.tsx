import { useState } from "react";
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SkillTag } from "../api/types";
import { json, mockApi, renderWithProviders } from "../test/utils";
import { SkillPicker } from "./SkillPicker";

const skills = [
  { id: "1", slug: "rust", name: "Rust", category: "Software Engineering" },
  { id: "2", slug: "ruby", name: "Ruby", category: "Software Engineering" },
];

function Harness({ initial = [] as SkillTag[] }) {
  const [value, setValue] = useState(initial);
  return <SkillPicker value={value} onChange={setValue} />;
}

describe("SkillPicker", () => {
  it("searches the taxonomy by name and adds the chosen skill", async () => {
    const { calls } = mockApi({
      "GET /api/skills": ({ search }) => {
        const q = new URLSearchParams(search).get("q")?.toLowerCase() ?? "";
        return json({ items: skills.filter((s) => s.name.toLowerCase().includes(q)), next_cursor: null });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<Harness />);

    await user.type(screen.getByRole("combobox", { name: "Skills" }), "ru");
    await user.click(await screen.findByRole("option", { name: "Rust" }));

    const chosen = screen.getByRole("list", { name: "Selected skills" });
    expect(within(chosen).getByText("Rust")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Skills" })).toHaveValue("");
    // The query goes in the query string.
    expect(new URLSearchParams(calls[0].search).get("q")).toBe("ru");

    // A chosen skill is not offered again.
    await user.type(screen.getByRole("combobox", { name: "Skills" }), "ru");
    await screen.findByRole("option", { name: "Ruby" });
    expect(screen.queryByRole("option", { name: "Rust" })).not.toBeInTheDocument();
  });

  it("picks with the keyboard without submitting the form", async () => {
    mockApi({ "GET /api/skills": () => json({ items: skills, next_cursor: null }) });
    const user = userEvent.setup();
    let submitted = false;
    renderWithProviders(
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submitted = true;
        }}
      >
        <Harness />
      </form>,
    );
    await user.type(screen.getByRole("combobox", { name: "Skills" }), "r");
    await screen.findByRole("option", { name: "Rust" });
    await user.keyboard("{ArrowDown}{Enter}");
    expect(within(screen.getByRole("list", { name: "Selected skills" })).getByText("Ruby")).toBeInTheDocument();
    expect(submitted).toBe(false);
  });

  it("removes a skill", async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness initial={[{ slug: "rust", name: "Rust" }]} />);
    await user.click(screen.getByRole("button", { name: "Remove Rust" }));
    expect(screen.queryByRole("list", { name: "Selected skills" })).not.toBeInTheDocument();
  });
});
