import "@testing-library/jest-dom/vitest";
import { afterEach } from "vitest";
import { cleanup } from "@testing-library/react";
import { setSession } from "../api/session";

afterEach(() => {
  cleanup();
  setSession(null);
  localStorage.clear();
});
