import { describe, expect, it } from "vitest";
import { fileName } from "./download";

describe("fileName", () => {
  it("adds the extension of the content type to a bare name", () => {
    expect(fileName("attachment-1", "application/pdf")).toBe("attachment-1.pdf");
    expect(fileName("attachment-2", "image/jpeg")).toBe("attachment-2.jpg");
    expect(fileName("invoice", "text/html; charset=utf-8")).toBe("invoice.html");
  });

  it("keeps a name that has one, and a bare name of an unknown type", () => {
    expect(fileName("DW-2026-000001.pdf", "application/pdf")).toBe("DW-2026-000001.pdf");
    expect(fileName("notes", "application/octet-stream")).toBe("notes");
  });
});
