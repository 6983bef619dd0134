import { afterEach, describe, expect, it } from "vitest";
import { forgetScripts, loadScript } from "./loadScript";

const scripts = () => [...document.head.querySelectorAll("script")];

describe("loadScript", () => {
  afterEach(() => forgetScripts());

  it("adds a script once per address, and every caller waits for the same load", async () => {
    const first = loadScript("https://example.test/sdk.js", { "data-namespace": "sdk" });
    const second = loadScript("https://example.test/sdk.js");
    expect(second).toBe(first);
    expect(scripts()).toHaveLength(1);
    const [script] = scripts();
    expect(script.src).toBe("https://example.test/sdk.js");
    expect(script.async).toBe(true);
    expect(script.dataset.namespace).toBe("sdk");

    script.dispatchEvent(new Event("load"));
    await expect(first).resolves.toBeUndefined();
    await expect(loadScript("https://example.test/sdk.js")).resolves.toBeUndefined();
    expect(scripts()).toHaveLength(1);

    void loadScript("https://example.test/other.js");
    expect(scripts().map((s) => s.src)).toEqual(["https://example.test/sdk.js", "https://example.test/other.js"]);
  });

  it("takes a script that failed out again, so the next call tries afresh", async () => {
    const failed = loadScript("https://example.test/sdk.js");
    scripts()[0].dispatchEvent(new Event("error"));
    await expect(failed).rejects.toThrow("Could not load https://example.test/sdk.js.");
    expect(scripts()).toHaveLength(0);

    const again = loadScript("https://example.test/sdk.js");
    expect(again).not.toBe(failed);
    expect(scripts()).toHaveLength(1);
    scripts()[0].dispatchEvent(new Event("load"));
    await expect(again).resolves.toBeUndefined();
  });
});
