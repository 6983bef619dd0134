// End-to-end walk through the product against the real server binary and
// Debian's Chromium: sign up, edit the profile, check the public page; then a
// client posts a job, a freelancer finds it and bids, and the client hires;
// the first milestone is funded, handed in, approved and released, both sides
// get its invoice, and the freelancer withdraws. Then the client posts an
// hourly job and hires at a weekly limit, the freelancer logs time today (and
// is held to the limit), and the client reads the timesheet. Then two more
// people made through the API chat live, each in a browser of their own, and
// the client's bell counts a new proposal as it comes. Last, two more become
// friends (a request from a profile, accepted on the Friends page), and one
// shares a job with the other and recommends a freelancer to them. Then an
// admin made with create-admin bans a user who has the chat open.
//
//   npm run build && npm run e2e
//
// Settings: DOWNWORK_BIN (default ../target/debug/downwork), CHROMIUM_PATH
// (default /usr/bin/chromium), E2E_HEADED=1 to watch it run.
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { makeAvatarPng } from "./png.mjs";
import { startServer } from "./server.mjs";

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = path.join(webRoot, "test-results");
const bin = path.resolve(process.env.DOWNWORK_BIN ?? path.join(webRoot, "../target/debug/downwork"));
const distDir = path.join(webRoot, "dist");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TIMEOUT = 15_000;

const user = {
  name: "Ada Freelancer",
  email: `ada.${Date.now()}@example.com`,
  password: "correct horse battery staple",
  headline: "Senior Rust engineer for backend services",
  rate: "85.50",
  rateShown: "$85.50/hr",
  skill: "Rust",
  location: "Lisbon, Portugal",
  job: { title: "Staff engineer", company: "Harbour Systems", start: "2019-04-01", shown: "Apr 2019 – Present" },
  company: "Ada Labs",
};

// A word no other job has, so the text search finds exactly this job.
const marker = `quokka${Date.now().toString(36)}`;

const market = {
  client: { name: "Cleo Client", email: `cleo.${Date.now()}@example.com`, password: "another horse battery staple" },
  freelancer: { name: "Finn Freelancer", email: `finn.${Date.now()}@example.com`, password: "yet another horse battery" },
  job: {
    title: `Build a ${marker} landing page`,
    description: "A single responsive landing page with a signup form, in React, ready for our launch.",
    category: "Web Development",
    skill: "React",
    budget: "500",
    budgetShown: "$500.00",
    question: "Which similar pages have you built?",
  },
  handIn: { message: "Desktop and mobile mockups, as agreed; the file has both.", file: "mockups.png" },
  withdrawal: { amount: "25", shown: "$25.00", left: "$155.00" },
  // The second milestone ($250.00) goes to a dispute the client opens and an admin splits.
  dispute: {
    reason: "The work is not good enough",
    description: "The build skips the signup form the brief asked for.",
    evidence: "brief.png",
    response: "The form is there, behind the button in the header.",
    split: { client: "100", freelancer: "150", clientShown: "$100.00", freelancerShown: "$150.00" },
    note: "The form exists but is hard to find; most of the work was done.",
  },
  invitation: "Your Rust work looks like a fit; would you send a proposal?",
  hourly: {
    job: {
      title: `Maintain our ${marker} booking API`,
      description: "Keep our booking API healthy: fix bugs, review pull requests and ship small features each week.",
      rateMin: "40",
      rateMax: "60",
      hours: "10",
    },
    rate: "50",
    terms: "$50.00/hr, up to 10 hours a week",
    coverLetter: "I maintain two booking systems today and can start this week.",
    entry: { hours: "2", minutes: "30", memo: "Reviewed the open pull requests and fixed the double-booking bug.", shown: "2 h 30 min" },
    total: "2 h 30 min of 10 h",
    // 8 more hours would pass the 10 h limit.
    overLimit: { hours: "8", message: "The week's limit is 10 h and 2 h 30 min is logged already" },
  },
  chat: {
    client: { name: "Carla Client", email: `carla.${Date.now()}@example.com`, password: "a chatty horse battery staple" },
    freelancer: { name: "Felix Freelancer", email: `felix.${Date.now()}@example.com`, password: "another chatty horse battery" },
    job: `Translate our ${marker} onboarding emails`,
    secondJob: `Proofread our ${marker} help center`,
    thirdJob: `Subtitle our ${marker} product videos`,
    description: "Five onboarding emails from English into Portuguese, keeping our friendly and short tone.",
    coverLetter: "I translate product copy every week and can deliver all five emails in five days.",
    // Two lines, sent with Shift+Enter between them.
    hello: ["Hi Carla, a quick question before you decide.", "Is the English copy final?"],
    edited: "Is the English copy final, or may it still change?",
    reply: "Hi Felix, yes, the copy is final. Thanks for asking!",
  },
  social: {
    client: { name: "Gia Client", email: `gia.${Date.now()}@example.com`, password: "a friendly horse battery staple" },
    freelancer: { name: "Hugo Freelancer", email: `hugo.${Date.now()}@example.com`, password: "another friendly horse battery" },
    job: `Design our ${marker} conference badges`,
    shareNote: "This looks like your kind of job, Hugo.",
    recommendNote: "Felix translated our whole site; quick and careful.",
  },
  proposal: {
    amount: "450",
    coverLetter: "I have built a dozen landing pages like this one, all fast and accessible.",
    answer: "Three product launches last year; links on my profile.",
    milestones: [
      // With the default fees: the client pays 5% on top, the freelancer gets 10% less.
      { title: "Design", amount: "200", amountShown: "$200.00", clientPaid: "$210.00", freelancerNet: "$180.00" },
      { title: "Build", amount: "250", amountShown: "$250.00" },
    ],
    totalShown: "Milestones total: $450.00 of $450.00",
    amountShown: "$450.00",
  },
};

/** The administrator of the moderation part, made with `downwork create-admin`. */
const moderation = {
  admin: { name: "Ada Admin", email: `ada.admin.${Date.now()}@example.com`, password: "a careful moderator battery" },
  banReason: `Asked for payment outside Downwork (${marker})`,
  // A word of its own, so that a board search finds this job alone.
  hiddenJob: `Illustrate the zebra${Date.now().toString(36)} mascot`,
  hideReason: `Pay far below what the work asks (${marker})`,
  restoreReason: "The client fixed the budget",
  refundJob: `Translate our ${marker} menu`,
  refundReason: `The freelancer left the platform (${marker})`,
  inviteOnlyReason: `A closed beta for the ${marker} launch`,
  openReason: "The beta is over",
  inviteNote: `Beta tester (${marker})`,
  newcomer: { name: "Nia Newcomer", email: `nia.${Date.now()}@example.com`, password: "an invited horse battery" },
};

/** Fails the walk with a readable message. */
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

class Walk {
  passed = 0;
  failed = 0;
  skipped = 0;
  /** The page a failure screenshot is taken of. */
  page = null;

  async step(name, fn) {
    if (this.failed > 0) {
      this.skipped += 1;
      console.log(`  - ${name} (skipped)`);
      return;
    }
    const started = Date.now();
    try {
      await fn();
      this.passed += 1;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      this.failed += 1;
      console.log(`  ✗ ${name}\n${indent(error?.stack ?? String(error))}`);
      await this.screenshot(`failure-${slug(name)}.png`);
    }
  }

  async screenshot(file) {
    if (!this.page || this.page.isClosed()) return;
    try {
      await mkdir(resultsDir, { recursive: true });
      const target = path.join(resultsDir, file);
      await this.page.screenshot({ path: target, fullPage: true });
      console.log(`    screenshot: ${path.relative(process.cwd(), target)}`);
    } catch (error) {
      console.log(`    (no screenshot: ${error.message})`);
    }
  }
}

function indent(text) {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Console errors that mean a broken page: CSP violations and uncaught exceptions. */
function watchPage(page, problems) {
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy|Refused to/i.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
}

async function main() {
  const walk = new Walk();
  const problems = [];
  let server;
  let browser;
  // Screenshots and logs describe the last run only.
  await rm(resultsDir, { recursive: true, force: true });
  try {
    server = await startServer({ bin, webDir: distDir });
    const base = server.url;
    console.log(`server: ${base} (data in ${server.dataDir})`);

    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: process.env.E2E_HEADED !== "1",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ].filter((arg) => arg !== "--headless" || process.env.E2E_HEADED !== "1"),
    });

    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    watchPage(page, problems);
    walk.page = page;
    let userId = "";

    await walk.step("the home page loads under the server's CSP", async () => {
      await page.goto("/");
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.getByRole("link", { name: "Sign up" }).waitFor();
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
    });

    await walk.step("sign up as a freelancer", async () => {
      await page.getByRole("link", { name: "Sign up" }).click();
      await page.waitForURL("**/signup");
      await page.getByLabel("Freelancer").check();
      await page.getByLabel("Full name").fill(user.name);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL("**/profile/edit");
      await page.getByRole("heading", { name: /set up your profile/i }).waitFor();
      await page.getByRole("navigation", { name: "Main" }).getByText(user.name).waitFor();
      const session = await page.evaluate(() => JSON.parse(localStorage.getItem("downwork.session") ?? "null"));
      expect(session?.accessToken && session?.refreshToken, "tokens are not stored after sign-up");
      userId = session.user.id;
    });

    await walk.step("a server field error shows next to its field", async () => {
      const timezone = page.getByLabel("Time zone");
      await timezone.fill("Lisbon");
      await page.getByRole("button", { name: "Save profile" }).click();
      await page.getByRole("alert").getByText("Please correct the highlighted fields.").waitFor();
      expect((await timezone.getAttribute("aria-invalid")) === "true", "the time zone field is not marked invalid");
      const describedBy = (await timezone.getAttribute("aria-describedby")) ?? "";
      const messages = await Promise.all(describedBy.split(" ").map((id) => page.locator(`[id="${id}"]`).textContent()));
      expect(
        messages.some((text) => /IANA time zone/i.test(text ?? "")),
        `the time zone field is not described by the server's message: ${JSON.stringify(messages)}`,
      );
    });

    await walk.step("edit the profile: headline, rate, skill, avatar", async () => {
      await page.getByLabel("Time zone").fill("Europe/Lisbon");
      await page.getByLabel("Location").fill(user.location);
      await page.getByLabel("Headline").fill(user.headline);
      await page.getByLabel("Bio").fill("I build fast, reliable web services.\nTen years of backend work.");
      await page.getByLabel("Hourly rate").fill(user.rate);
      await page.getByLabel("Availability").selectOption("part_time");

      const skills = page.getByRole("combobox", { name: "Skills" });
      await skills.fill(user.skill);
      await page.getByRole("option", { name: user.skill, exact: true }).click();
      await page.getByRole("list", { name: "Selected skills" }).getByText(user.skill, { exact: true }).waitFor();

      await page.getByLabel("Profile photo").setInputFiles({ name: "avatar.png", mimeType: "image/png", buffer: makeAvatarPng() });
      const preview = page.getByRole("img", { name: `${user.name}'s avatar` });
      await preview.waitFor();
      expect(/\/api\/files\//.test((await preview.getAttribute("src")) ?? ""), "the avatar preview is not the uploaded file");

      await page.getByRole("button", { name: "Add position" }).click();
      await page.getByLabel("Job title (position 1)").fill(user.job.title);
      await page.getByLabel("Company (position 1)").fill(user.job.company);
      await page.getByLabel("Start date (position 1)").fill(user.job.start);

      await page.getByLabel("Add a client profile").check();
      await page.getByLabel("Company name").fill(user.company);
      await page.getByLabel("Company size").selectOption("2-10");

      await page.getByRole("button", { name: "Save profile" }).click();
      await page.waitForURL("**/profile");
      await page.getByRole("status").getByText("Your profile is saved.").waitFor();
      await page.getByText(user.headline).waitFor();
      await page.getByText(user.rateShown).waitFor();
      await page.getByText(user.email).waitFor(); // the owner sees their e-mail
    });

    await walk.step("the public profile shows the edits and not the e-mail", async () => {
      // A visitor who is not logged in.
      const visitor = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
      visitor.setDefaultTimeout(TIMEOUT);
      const view = await visitor.newPage();
      watchPage(view, problems);
      walk.page = view;
      await view.goto(`/users/${userId}`);
      await view.getByRole("heading", { level: 1, name: user.name }).waitFor();
      await view.getByText(user.headline).waitFor();
      await view.getByText(user.rateShown).waitFor();
      await view.getByRole("region", { name: "Skills" }).getByText(user.skill, { exact: true }).waitFor();
      await view.getByText(user.location).waitFor();
      await view.getByText("Part time").waitFor();
      const experience = view.getByRole("region", { name: "Experience" });
      await experience.getByText(user.job.company).waitFor();
      await experience.getByText(user.job.shown).waitFor();
      await view.getByRole("region", { name: "Company" }).getByText(user.company).waitFor();

      const avatar = view.getByRole("img", { name: `${user.name}'s avatar` });
      await avatar.waitFor();
      await view.waitForFunction(
        (alt) => {
          const img = [...document.images].find((i) => i.alt === alt);
          return img && img.complete && img.naturalWidth > 0;
        },
        `${user.name}'s avatar`,
      );

      const html = await view.content();
      expect(!html.includes(user.email), "the public page shows the e-mail address");
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
      await walk.screenshot("public-profile.png");
      walk.page = page;
      await visitor.close();
    });

    await walk.step("an expired access token is refreshed on the fly", async () => {
      const before = await page.evaluate(() => {
        const session = JSON.parse(localStorage.getItem("downwork.session"));
        const refreshToken = session.refreshToken;
        session.accessToken = "expired.or.tampered";
        localStorage.setItem("downwork.session", JSON.stringify(session));
        return refreshToken;
      });
      await page.goto("/profile");
      await page.getByText(user.headline).waitFor();
      const after = await page.evaluate(() => JSON.parse(localStorage.getItem("downwork.session")));
      expect(after.accessToken !== "expired.or.tampered", "the access token was not replaced");
      expect(after.refreshToken !== before, "the refresh token was not rotated");
    });

    await walk.step("log out, then log back in", async () => {
      await page.getByRole("button", { name: "Log out" }).click();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log in" }).waitFor();
      expect((await page.evaluate(() => localStorage.getItem("downwork.session"))) === null, "tokens remain after log-out");
      await page.goto("/profile");
      await page.waitForURL("**/login");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForURL("**/profile");
      await page.getByText(user.headline).waitFor();
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
    });

    // Two more people, each in a browser of their own.
    const newPage = async () => {
      const ctx = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
      ctx.setDefaultTimeout(TIMEOUT);
      const p = await ctx.newPage();
      watchPage(p, problems);
      return p;
    };
    const signUp = async (p, person, role) => {
      await p.goto("/signup");
      await p.getByLabel(role).check();
      await p.getByLabel("Full name").fill(person.name);
      await p.getByLabel("Email").fill(person.email);
      await p.getByLabel("Password").fill(person.password);
      await p.getByRole("button", { name: "Create account" }).click();
      await p.waitForURL("**/profile/edit");
    };
    let clientPage;
    let freelancerPage;
    let jobUrl = "";

    await walk.step("a client signs up and posts a job, fixing what the server refuses", async () => {
      clientPage = await newPage();
      walk.page = clientPage;
      await signUp(clientPage, market.client, "Client");
      const nav = clientPage.getByRole("navigation", { name: "Main" });
      expect((await nav.getByRole("link", { name: "My proposals" }).count()) === 0, "a client is shown freelancer links");
      await nav.getByRole("link", { name: "Post a job" }).click();
      await clientPage.waitForURL("**/jobs/new");

      const title = clientPage.getByLabel("Title", { exact: true });
      await title.fill("Site"); // too short for the server
      await clientPage.getByLabel("Description").fill(market.job.description);
      await clientPage.getByLabel("Category").selectOption({ label: market.job.category });
      const skills = clientPage.getByRole("combobox", { name: "Skills needed" });
      await skills.fill(market.job.skill);
      await clientPage.getByRole("option", { name: market.job.skill, exact: true }).click();
      await clientPage.getByLabel("Budget (USD)").fill(market.job.budget);
      await clientPage.getByRole("button", { name: "Add question" }).click();
      await clientPage.getByLabel("Question 1").fill(market.job.question);
      await clientPage.getByRole("button", { name: "Post job" }).click();

      await clientPage.getByRole("alert").getByText("Please correct the highlighted fields.").waitFor();
      expect((await title.getAttribute("aria-invalid")) === "true", "the title is not marked invalid");
      await clientPage.getByText("Must be at least 5 characters").waitFor();
      await walk.screenshot("post-job-error.png");

      await title.fill(market.job.title);
      expect((await title.getAttribute("aria-invalid")) === null, "the title's error stays after editing it");
      await clientPage.getByRole("button", { name: "Post job" }).click();
      await clientPage.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
      jobUrl = new URL(clientPage.url()).pathname;
      await clientPage.getByRole("status").getByText("Your job is posted.").waitFor();
      await clientPage.getByRole("heading", { level: 1, name: market.job.title }).waitFor();
      await clientPage.getByText(market.job.budgetShown).waitFor();
      await clientPage.getByRole("link", { name: "View proposals" }).waitFor();
    });

    await walk.step("a freelancer finds the job by text search and bids", async () => {
      freelancerPage = await newPage();
      walk.page = freelancerPage;
      await signUp(freelancerPage, market.freelancer, "Freelancer");
      await freelancerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Find work" }).click();
      await freelancerPage.waitForURL("**/jobs");
      await freelancerPage.getByRole("searchbox", { name: "Search jobs" }).fill(marker);
      await freelancerPage.getByRole("button", { name: "Search", exact: true }).click();
      await freelancerPage.waitForURL(`**/jobs?q=${marker}`);
      const results = freelancerPage.getByRole("region", { name: "Jobs found" });
      await results.getByText("1 job found").waitFor();
      // Facet counts next to the choices.
      const categories = freelancerPage.getByRole("group", { name: "Category" });
      await categories.getByText(market.job.category).waitFor();
      expect((await categories.getByLabel("1 job", { exact: true }).count()) === 1, "the category facet does not count the job");
      await walk.screenshot("job-board.png");

      await results.getByRole("link", { name: market.job.title }).click();
      await freelancerPage.waitForURL(`**${jobUrl}`);
      await freelancerPage.getByRole("heading", { name: "Submit a proposal" }).waitFor();
      await freelancerPage.getByLabel("Your bid for the whole job (USD)").fill(market.proposal.amount);
      await freelancerPage.getByLabel("Cover letter").fill(market.proposal.coverLetter);
      await freelancerPage.getByLabel(market.job.question).fill(market.proposal.answer);
      for (const [i, milestone] of market.proposal.milestones.entries()) {
        await freelancerPage.getByRole("button", { name: "Add milestone" }).click();
        await freelancerPage.getByLabel(`Milestone ${i + 1}`, { exact: true }).fill(milestone.title);
        await freelancerPage.getByLabel(`Amount ${i + 1} (USD)`).fill(milestone.amount);
      }
      await freelancerPage.getByText(market.proposal.totalShown).waitFor();
      await walk.screenshot("proposal-form.png");
      await freelancerPage.getByRole("button", { name: "Send proposal" }).click();
      await freelancerPage.getByRole("status").getByText("Your proposal is sent.").waitFor();
      // Back on the job, the proposal stands in for the form.
      await freelancerPage.reload();
      await freelancerPage.getByRole("heading", { name: "You have already proposed" }).waitFor();
      expect((await freelancerPage.getByRole("form", { name: "Proposal" }).count()) === 0, "the proposal form is offered twice");
    });

    await walk.step("the client finds a freelancer by text and invites them to the job", async () => {
      walk.page = clientPage;
      await clientPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Find talent" }).click();
      await clientPage.waitForURL("**/freelancers");
      await clientPage.getByRole("searchbox", { name: "Search freelancers" }).fill(user.skill);
      await clientPage.getByRole("button", { name: "Search", exact: true }).click();
      await clientPage.waitForURL(`**/freelancers?q=${user.skill}`);
      const card = clientPage.getByRole("article", { name: user.name });
      await card.getByText(user.rateShown).waitFor();
      await card.getByRole("button", { name: "Invite to job" }).click();
      const form = card.getByRole("form", { name: `Invite ${user.name}` });
      await form.getByLabel("Job").selectOption({ label: market.job.title });
      await form.getByLabel("Message (optional)").fill(market.invitation);
      await form.getByRole("button", { name: "Send invitation" }).click();
      await card.getByRole("status").getByText(`Invited ${user.name}`).waitFor();
      await walk.screenshot("freelancers.png");
    });

    await walk.step("the invited freelancer sees the invitation and declines it", async () => {
      walk.page = page;
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invitations" }).click();
      await page.waitForURL("**/my/invitations");
      const invitation = page.getByRole("listitem", { name: market.job.title });
      await invitation.getByText(market.invitation).waitFor();
      await invitation.getByRole("button", { name: "Decline" }).click();
      await page.getByText("No invitations waiting").waitFor();
    });

    let contractUrl = "";

    await walk.step("the client opens the job's proposals and hires", async () => {
      walk.page = clientPage;
      await clientPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My jobs" }).click();
      await clientPage.waitForURL("**/my/jobs");
      const row = clientPage.getByRole("listitem").filter({ hasText: market.job.title });
      await row.getByRole("link", { name: /1 proposal/ }).click();
      await clientPage.waitForURL(`**${jobUrl}/proposals`);

      const card = clientPage.getByRole("article", { name: market.freelancer.name });
      await card.getByText(market.proposal.coverLetter).waitFor();
      await card.getByText(market.proposal.answer).waitFor();
      await card.getByRole("button", { name: "Shortlist" }).click();
      await card.getByText("Shortlisted", { exact: true }).waitFor();
      await card.getByRole("button", { name: "Hire" }).click();
      await card.getByRole("form", { name: `Hire ${market.freelancer.name}` }).getByText(market.proposal.amountShown).waitFor();
      await walk.screenshot("proposals.png");
      await card.getByRole("button", { name: "Confirm hire" }).click();

      await clientPage.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
      contractUrl = new URL(clientPage.url()).pathname;
      await clientPage.getByRole("status").getByText(`You hired ${market.freelancer.name}.`).waitFor();
      await clientPage.getByRole("heading", { level: 1, name: market.job.title }).waitFor();
      await clientPage.getByText(`Fixed price: ${market.proposal.amountShown}`).waitFor();
      const milestones = clientPage.getByRole("region", { name: "Milestones" });
      for (const [i, milestone] of market.proposal.milestones.entries()) {
        await milestones.getByRole("article", { name: `${i + 1}. ${milestone.title}` }).getByText("Not funded yet").waitFor();
      }
      await clientPage.getByRole("link", { name: market.freelancer.name, exact: true }).waitFor();
      await clientPage.getByRole("link", { name: `Message ${market.freelancer.name}` }).waitFor();
      await walk.screenshot("contract.png");
    });

    await walk.step("the freelancer sees the hire and the contract", async () => {
      walk.page = freelancerPage;
      await freelancerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My proposals" }).click();
      const mine = freelancerPage.getByRole("listitem", { name: market.job.title });
      await mine.getByText("Hired", { exact: true }).waitFor();
      await mine.getByRole("link", { name: "View contract" }).click();
      await freelancerPage.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
      await freelancerPage.getByText(`Fixed price: ${market.proposal.amountShown}`).waitFor();
      await freelancerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contracts" }).click();
      await freelancerPage.getByRole("list", { name: "Contracts" }).getByRole("link", { name: market.job.title }).waitFor();
      // The hire is also a notification, which leads to the contract.
      await freelancerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ }).click();
      await freelancerPage.waitForURL("**/notifications");
      await freelancerPage.getByRole("link", { name: `Unread: You were hired for “${market.job.title}”. The contract has started.` }).click();
      await freelancerPage.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
      await freelancerPage.getByText(`Fixed price: ${market.proposal.amountShown}`).waitFor();
      await freelancerPage.getByText("(you)").waitFor();
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
    });

    // The first milestone's money: funded into escrow, the work handed in, approved and released.
    const [first] = market.proposal.milestones;
    const firstCard = (p) => p.getByRole("article", { name: `1. ${first.title}` });
    let invoiceNumber = "";

    await walk.step("the client funds the first milestone after confirming", async () => {
      walk.page = clientPage;
      await clientPage.goto(contractUrl);
      const card = firstCard(clientPage);
      await card.getByRole("button", { name: "Fund milestone" }).click();
      const confirm = card.getByRole("group", { name: `Fund ${first.title}` });
      await confirm.getByText(first.amountShown, { exact: true }).waitFor();
      await confirm.getByRole("button", { name: `Fund ${first.amountShown}` }).click();
      await card.getByText("Funded", { exact: true }).waitFor();
      expect((await card.getByRole("button", { name: "Approve & release" }).count()) === 1, "a funded milestone offers no release");
    });

    await walk.step("the freelancer submits the work with a message and a file", async () => {
      walk.page = freelancerPage;
      await freelancerPage.goto(contractUrl);
      const card = firstCard(freelancerPage);
      await card.getByText("Funded", { exact: true }).waitFor();
      await card.getByRole("button", { name: "Submit work" }).click();
      const form = card.getByRole("form", { name: `Submit work for ${first.title}` });
      await form.getByLabel("Message to the client").fill(market.handIn.message);
      await form.getByLabel("Attachments (optional)").setInputFiles({ name: market.handIn.file, mimeType: "image/png", buffer: makeAvatarPng() });
      await form.getByRole("list", { name: "Attached files" }).getByText(market.handIn.file).waitFor();
      await form.getByRole("button", { name: "Submit work" }).click();
      await card.getByText("Work submitted", { exact: true }).waitFor();
      await card.getByRole("list", { name: `History of ${first.title}` }).getByText("You submitted work").waitFor();
      await walk.screenshot("milestone-submitted.png");
    });

    await walk.step("the client reads the hand-in, downloads its file, then approves and releases", async () => {
      walk.page = clientPage;
      await clientPage.reload();
      const card = firstCard(clientPage);
      const history = card.getByRole("list", { name: `History of ${first.title}` });
      await history.getByText(`${market.freelancer.name} submitted work`).waitFor();
      await history.getByText(market.handIn.message).waitFor();
      const [download] = await Promise.all([clientPage.waitForEvent("download"), history.getByRole("button", { name: "Download attachment 1" }).click()]);
      expect(download.suggestedFilename() === "attachment-1.png", `the attachment saves as ${download.suggestedFilename()}`);

      await card.getByRole("button", { name: "Approve & release" }).click();
      const confirm = card.getByRole("group", { name: `Release ${first.title}` });
      await confirm.getByText(`pay ${first.amountShown} to ${market.freelancer.name}`, { exact: false }).waitFor();
      await confirm.getByRole("button", { name: `Release ${first.amountShown}` }).click();
      await card.getByText("Paid", { exact: true }).waitFor();
      await history.getByText("You approved the work and released the payment").waitFor();
      // The release issued an invoice, listed on the contract too.
      const invoices = clientPage.getByRole("region", { name: "Contract invoices" });
      await invoices.getByText(`You paid ${first.clientPaid}`).waitFor();
      invoiceNumber = ((await invoices.getByRole("rowheader").first().textContent()) ?? "").trim();
      expect(/^\S+$/.test(invoiceNumber), `no invoice number on the contract: ${invoiceNumber}`);
      await walk.screenshot("milestone-released.png");
    });

    await walk.step("both sides find the invoice under Invoices; its PDF and printable page open", async () => {
      for (const [p, side] of [
        [clientPage, `You paid ${first.clientPaid}`],
        [freelancerPage, `You received ${first.freelancerNet}`],
      ]) {
        walk.page = p;
        await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" }).click();
        await p.waitForURL("**/invoices");
        const row = p.getByRole("table", { name: "Invoices" }).getByRole("row", { name: new RegExp(invoiceNumber) });
        await row.getByText(side).waitFor();
        await row.getByRole("link", { name: market.job.title }).waitFor();

        const [response, download] = await Promise.all([
          p.waitForResponse((r) => r.url().includes(`format=pdf`)),
          p.waitForEvent("download"),
          row.getByRole("button", { name: "Download PDF" }).click(),
        ]);
        expect(response.status() === 200, `the PDF answered ${response.status()}`);
        expect(response.headers()["content-type"] === "application/pdf", `the PDF came as ${response.headers()["content-type"]}`);
        expect(download.suggestedFilename() === `${invoiceNumber}.pdf`, `the PDF saves as ${download.suggestedFilename()}`);
        const pdf = await readFile(await download.path());
        expect(pdf.subarray(0, 5).toString() === "%PDF-", "the download is not a PDF");
      }

      const [tab] = await Promise.all([freelancerPage.context().waitForEvent("page"), freelancerPage.getByRole("button", { name: "View" }).click()]);
      await tab.waitForURL(/^blob:/);
      await tab.getByText(invoiceNumber).first().waitFor();
      await tab.close();
      await walk.screenshot("invoices.png");
    });

    await walk.step("the freelancer sets a payout destination and withdraws part of the earnings", async () => {
      walk.page = freelancerPage;
      await freelancerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Balance" }).click();
      await freelancerPage.waitForURL("**/balance");
      await freelancerPage.getByRole("region", { name: "Transactions" }).getByText(`+${first.freelancerNet}`).waitFor();

      const payout = freelancerPage.getByRole("form", { name: "Payout destination" });
      await payout.getByLabel("Payout destination").fill(market.freelancer.email);
      await payout.getByRole("button", { name: "Save destination" }).click();
      await payout.getByRole("status").waitFor();

      const form = freelancerPage.getByRole("form", { name: "Withdraw" });
      const amount = form.getByLabel("Amount (USD)");
      await amount.fill("4.99");
      await form.getByRole("button", { name: "Withdraw" }).click();
      await form.getByText("The least you can withdraw is $5.00.").waitFor();
      await amount.fill(market.withdrawal.amount);
      await form.getByRole("button", { name: "Withdraw" }).click();
      await form.getByRole("status").getByText(`${market.withdrawal.shown} is on its way`).waitFor();
      await freelancerPage.getByRole("table", { name: "Withdrawals" }).getByText(market.withdrawal.shown).waitFor();
      await freelancerPage.getByRole("region", { name: "Your balance" }).getByText(market.withdrawal.left).waitFor();
      await walk.screenshot("balance.png");
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
    });

    await walk.step("the freelancer and the client see their dashboards, each with a chart", async () => {
      walk.page = freelancerPage;
      await freelancerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
      await freelancerPage.waitForURL("**/dashboard");
      await freelancerPage.getByRole("heading", { name: "As a freelancer" }).waitFor();
      const earnings = freelancerPage.getByRole("figure", { name: "Earnings by month" });
      await earnings.locator(".recharts-bar-rectangle").first().waitFor();
      await earnings.getByRole("cell", { name: first.freelancerNet }).waitFor({ state: "attached" });
      await freelancerPage.getByRole("figure", { name: "Proposals by status" }).locator(".recharts-bar-rectangle").first().waitFor();
      await freelancerPage.getByRole("table", { name: "Active contracts" }).getByRole("link", { name: market.job.title }).waitFor();
      await walk.screenshot("dashboard-freelancer.png");

      walk.page = clientPage;
      await clientPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
      await clientPage.waitForURL("**/dashboard");
      const spending = clientPage.getByRole("figure", { name: "Spending by month" });
      await spending.locator(".recharts-bar-rectangle").first().waitFor();
      await spending.getByRole("cell", { name: first.clientPaid }).waitFor({ state: "attached" });
      await clientPage.getByRole("table", { name: "Active contracts" }).getByRole("link", { name: market.job.title }).waitFor();
      await walk.screenshot("dashboard-client.png");
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
    });

    // An hourly contract: time logged within the weekly limit. Billing waits for the week to end.
    const { hourly } = market;
    let hourlyJobUrl = "";
    let hourlyContractUrl = "";

    await walk.step("the client posts an hourly job", async () => {
      walk.page = clientPage;
      await clientPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Post a job" }).click();
      await clientPage.waitForURL("**/jobs/new");
      await clientPage.getByLabel("Title", { exact: true }).fill(hourly.job.title);
      await clientPage.getByLabel("Description").fill(hourly.job.description);
      await clientPage.getByLabel("Category").selectOption({ label: market.job.category });
      await clientPage.getByRole("combobox", { name: "Skills needed" }).fill(user.skill);
      await clientPage.getByRole("option", { name: user.skill, exact: true }).click();
      await clientPage.getByRole("radio", { name: /^Hourly/ }).check();
      await clientPage.getByLabel("Lowest hourly rate (USD)").fill(hourly.job.rateMin);
      await clientPage.getByLabel("Highest hourly rate (USD)").fill(hourly.job.rateMax);
      await clientPage.getByLabel("Hours per week").fill(hourly.job.hours);
      await clientPage.getByRole("button", { name: "Post job" }).click();
      await clientPage.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
      hourlyJobUrl = new URL(clientPage.url()).pathname;
      await clientPage.getByRole("status").getByText("Your job is posted.").waitFor();
    });

    await walk.step("the freelancer proposes an hourly rate", async () => {
      walk.page = freelancerPage;
      await freelancerPage.goto(hourlyJobUrl);
      await freelancerPage.getByRole("heading", { level: 1, name: hourly.job.title }).waitFor();
      await freelancerPage.getByLabel("Your hourly rate (USD)").fill(hourly.rate);
      await freelancerPage.getByLabel("Cover letter").fill(hourly.coverLetter);
      await freelancerPage.getByRole("button", { name: "Send proposal" }).click();
      await freelancerPage.getByRole("status").getByText("Your proposal is sent.").waitFor();
    });

    await walk.step("the client hires at a weekly limit; the contract opens on an empty timesheet", async () => {
      walk.page = clientPage;
      await clientPage.goto(`${hourlyJobUrl}/proposals`);
      const card = clientPage.getByRole("article", { name: market.freelancer.name });
      await card.getByText(hourly.coverLetter).waitFor();
      await card.getByRole("button", { name: "Hire" }).click();
      const hire = card.getByRole("form", { name: `Hire ${market.freelancer.name}` });
      await hire.getByLabel("Weekly limit (hours)").fill(hourly.job.hours);
      await hire.getByRole("button", { name: "Confirm hire" }).click();
      await clientPage.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
      hourlyContractUrl = new URL(clientPage.url()).pathname;
      await clientPage.getByText(hourly.terms).waitFor();
      const timesheet = clientPage.getByRole("region", { name: "Timesheet" });
      await timesheet.getByText("No time logged this week.").waitFor();
      await timesheet.getByText(`0 min of ${hourly.job.hours} h`).waitFor();
      await clientPage.getByRole("region", { name: "Billed weeks" }).getByText("No week billed yet.", { exact: false }).waitFor();
      expect((await timesheet.getByRole("form").count()) === 0, "the client is offered a form to log time");
    });

    await walk.step("the freelancer logs time today, sees the total, and is held to the weekly limit", async () => {
      walk.page = freelancerPage;
      await freelancerPage.goto(hourlyContractUrl);
      const timesheet = freelancerPage.getByRole("region", { name: "Timesheet" });
      const form = timesheet.getByRole("form", { name: "Log time" });
      const today = new Date().toISOString().slice(0, 10);
      expect((await form.getByLabel("Date").inputValue()) === today, "the form does not start on today (UTC)");
      await form.getByLabel("Hours").fill(hourly.entry.hours);
      await form.getByLabel("Minutes").fill(hourly.entry.minutes);
      await form.getByLabel("Memo").fill(hourly.entry.memo);
      await form.getByRole("button", { name: "Log time" }).click();
      await timesheet.getByRole("status").getByText(`Logged ${hourly.entry.shown}`).waitFor();
      await timesheet.getByText(hourly.total).waitFor();
      const row = timesheet.getByRole("row").filter({ hasText: hourly.entry.memo });
      await row.getByText(hourly.entry.shown).waitFor();
      await row.getByRole("button", { name: "Edit" }).waitFor();

      const again = timesheet.getByRole("form", { name: "Log time" });
      await again.getByLabel("Hours").fill(hourly.overLimit.hours);
      await again.getByLabel("Memo").fill("More work this week.");
      await again.getByRole("button", { name: "Log time" }).click();
      await again.getByText(hourly.overLimit.message).waitFor();
      expect((await again.getByLabel("Hours").getAttribute("aria-invalid")) === "true", "the hours are not marked invalid");
      await timesheet.getByText(hourly.total).waitFor();
      await walk.screenshot("timesheet.png");
    });

    await walk.step("the client sees the logged time, read-only", async () => {
      walk.page = clientPage;
      await clientPage.reload();
      const timesheet = clientPage.getByRole("region", { name: "Timesheet" });
      const row = timesheet.getByRole("row").filter({ hasText: hourly.entry.memo });
      await row.getByText(hourly.entry.shown).waitFor();
      await timesheet.getByText(hourly.total).waitFor();
      expect((await row.getByRole("button").count()) === 0, "the client can change the freelancer's time");
      expect((await timesheet.getByRole("form").count()) === 0, "the client is offered a form to log time");
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
    });

    // Direct messages, live, between two more people made through the API: a client with a job and
    // a freelancer who proposed on it, each in a browser of their own, neither reloading.
    const { chat } = market;
    const call = async (method, apiPath, { token, body, headers = {} } = {}) => {
      const response = await fetch(new URL(apiPath, base), {
        method,
        headers: { ...(body ? { "Content-Type": "application/json" } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      expect(response.ok, `${method} ${apiPath} answered ${response.status}: ${text}`);
      return text ? JSON.parse(text) : null;
    };
    /** A browser already logged in with `auth` (what sign-up answered); `accessToken` overrides its token. */
    const loggedIn = async (auth, accessToken = auth.access_token) => {
      const p = await newPage();
      await p.goto("/");
      await p.evaluate(
        (session) => localStorage.setItem("downwork.session", JSON.stringify(session)),
        { accessToken, refreshToken: auth.refresh_token, user: auth.user },
      );
      return p;
    };
    const postJob = (auth, title) =>
      call("POST", "/api/jobs", {
        token: auth.access_token,
        body: { title, description: chat.description, category: "web-development", payment_type: "fixed", budget: { amount: 30000, currency: "usd" } },
      });
    const propose = (auth, job) =>
      call("POST", `/api/jobs/${job.id}/bid`, {
        token: auth.access_token,
        body: { amount: { amount: 25000, currency: "usd" }, cover_letter: chat.coverLetter, duration_days: 5 },
      });
    let chatClient;
    let chatFreelancer;
    let carla;
    let felix;

    await walk.step("two more people meet over a job through the API; the client waits on Messages", async () => {
      chatClient = await call("POST", "/api/users/signup", { body: { ...chat.client, role: "client" } });
      chatFreelancer = await call("POST", "/api/users/signup", { body: { ...chat.freelancer, role: "freelancer" } });
      await propose(chatFreelancer, await postJob(chatClient, chat.job));

      carla = await loggedIn(chatClient);
      walk.page = carla;
      await carla.goto("/messages");
      await carla.getByRole("heading", { level: 1, name: "Messages" }).waitFor();
      await carla.getByText("No conversations yet.", { exact: false }).waitFor();
      // The proposal is a notification already.
      await carla.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications, 1 unread" }).waitFor();
    });

    await walk.step("the freelancer writes from the chat page, with a stale token the socket trades for a fresh one", async () => {
      felix = await loggedIn(chatFreelancer, "expired.or.tampered");
      walk.page = felix;
      await felix.goto(`/messages/${chatClient.user.id}`);
      await felix.getByRole("heading", { level: 2, name: chat.client.name }).waitFor();
      await felix.getByText(`No messages yet. Say hello to ${chat.client.name}.`).waitFor();
      const box = felix.getByRole("form", { name: `Write to ${chat.client.name}` }).getByRole("textbox", { name: "Message" });
      await box.fill(chat.hello[0]);
      await box.press("Shift+Enter");
      await box.pressSequentially(chat.hello[1]);
      await box.press("Enter");
      const thread = felix.getByRole("list", { name: `Messages with ${chat.client.name}` });
      const mine = thread.getByRole("listitem").filter({ hasText: chat.hello[1] });
      await mine.getByRole("button", { name: "Edit" }).waitFor(); // stored: no longer pending
      expect((await box.inputValue()) === "", "the message box is not emptied after sending");
      const session = await felix.evaluate(() => JSON.parse(localStorage.getItem("downwork.session")));
      expect(session.accessToken !== "expired.or.tampered", "the stale access token was not replaced");
    });

    await walk.step("the client sees the conversation arrive live, opens it, and the freelancer sees it seen", async () => {
      walk.page = carla;
      const nav = carla.getByRole("navigation", { name: "Main" });
      await nav.getByRole("link", { name: "Messages, 1 unread" }).waitFor();
      const conversation = carla.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(chat.freelancer.name) });
      await conversation.getByText(`${chat.hello[0]} ${chat.hello[1]}`).waitFor();
      await conversation.getByText("1 unread").waitFor();
      await conversation.click();
      await carla.waitForURL(`**/messages/${chatFreelancer.user.id}`);
      const thread = carla.getByRole("list", { name: `Messages with ${chat.freelancer.name}` });
      const hello = thread.getByRole("listitem").filter({ hasText: chat.hello[0] });
      // Shift+Enter kept the line break.
      const body = await hello.locator(".chat-message__body").innerText();
      expect(body === chat.hello.join("\n"), `the message reads ${JSON.stringify(body)}`);
      expect((await hello.getByRole("button", { name: "Edit" }).count()) === 0, "the client may edit the freelancer's message");
      await nav.getByRole("link", { name: "Messages", exact: true }).waitFor();

      walk.page = felix;
      await felix.getByRole("list", { name: `Messages with ${chat.client.name}` }).getByRole("listitem").filter({ hasText: chat.hello[1] }).getByText("Seen").waitFor();
    });

    await walk.step("the client types and replies; the freelancer sees both live", async () => {
      walk.page = carla;
      const box = carla.getByRole("form", { name: `Write to ${chat.freelancer.name}` }).getByRole("textbox", { name: "Message" });
      await box.pressSequentially(chat.reply.slice(0, 10));
      walk.page = felix;
      const typing = felix.getByText(`${chat.client.name} is typing…`);
      await typing.waitFor();

      walk.page = carla;
      await box.pressSequentially(chat.reply.slice(10));
      await box.press("Enter");
      walk.page = felix;
      const thread = felix.getByRole("list", { name: `Messages with ${chat.client.name}` });
      await thread.getByText(chat.reply).waitFor();
      await typing.waitFor({ state: "detached" });
      await walk.screenshot("messages.png");
    });

    await walk.step("the freelancer edits a message and the client sees the change live", async () => {
      walk.page = felix;
      const mine = felix.getByRole("list", { name: `Messages with ${chat.client.name}` }).getByRole("listitem").filter({ hasText: chat.hello[1] });
      await mine.getByRole("button", { name: "Edit" }).click();
      const edit = felix.getByRole("form", { name: "Edit message" }).getByRole("textbox", { name: "Message" });
      await edit.fill(chat.edited);
      await edit.press("Enter");
      await felix.getByRole("list", { name: `Messages with ${chat.client.name}` }).getByText(chat.edited).waitFor();

      walk.page = carla;
      const changed = carla.getByRole("list", { name: `Messages with ${chat.freelancer.name}` }).getByRole("listitem").filter({ hasText: chat.edited });
      await changed.getByText("edited", { exact: false }).waitFor();
    });

    await walk.step("the client's bell counts a new proposal live", async () => {
      walk.page = carla;
      await propose(chatFreelancer, await postJob(chatClient, chat.secondJob));
      await carla.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications, 2 unread" }).waitFor();
      await carla.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications, 2 unread" }).click();
      await carla.waitForURL("**/notifications");
      await carla.getByRole("link", { name: `New proposal for “${chat.secondJob}”.`, exact: false }).waitFor();
      // The page itself follows along too.
      await propose(chatFreelancer, await postJob(chatClient, chat.thirdJob));
      await carla.getByRole("link", { name: `New proposal for “${chat.thirdJob}”.`, exact: false }).waitFor();
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
    });

    // Friends, between two more people made through the API, each in a browser of their own: a
    // request sent from a profile and answered on the Friends page, then a shared job and a
    // recommendation; each shows on the other side without a reload.
    const { social } = market;
    let giaAuth;
    let hugoAuth;
    let socialJob;
    let gia;
    let hugo;

    await walk.step("a client asks a freelancer to be friends from their profile; the request shows live on the freelancer's Friends page", async () => {
      giaAuth = await call("POST", "/api/users/signup", { body: { ...social.client, role: "client" } });
      hugoAuth = await call("POST", "/api/users/signup", { body: { ...social.freelancer, role: "freelancer" } });
      socialJob = await postJob(giaAuth, social.job);

      hugo = await loggedIn(hugoAuth);
      walk.page = hugo;
      await hugo.goto("/friends");
      await hugo.getByRole("heading", { level: 1, name: "Friends" }).waitFor();
      const requests = hugo.getByRole("region", { name: "Friend requests" });
      await requests.getByText("No one is waiting for your answer.").waitFor();

      gia = await loggedIn(giaAuth);
      walk.page = gia;
      await gia.goto(`/users/${hugoAuth.user.id}`);
      await gia.getByRole("heading", { level: 1, name: social.freelancer.name }).waitFor();
      await gia.getByRole("button", { name: "Add friend" }).click();
      await gia.getByText("Request sent", { exact: true }).waitFor();
      await gia.getByRole("button", { name: "Cancel request" }).waitFor();

      walk.page = hugo;
      await requests.getByRole("list", { name: "Requests to you" }).getByRole("listitem", { name: social.client.name }).waitFor();
      await hugo.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications, 1 unread" }).waitFor();
    });

    await walk.step("the freelancer accepts, and the client sees them as a friend", async () => {
      walk.page = hugo;
      const requests = hugo.getByRole("region", { name: "Friend requests" });
      await requests.getByRole("listitem", { name: social.client.name }).getByRole("button", { name: "Accept" }).click();
      await requests.getByText("No one is waiting for your answer.").waitFor();
      await hugo.getByRole("region", { name: "Your friends" }).getByRole("listitem", { name: social.client.name }).waitFor();

      walk.page = gia;
      // The profile follows the answer as it comes.
      await gia.locator(".friend-state", { hasText: "Friends" }).waitFor();
      expect((await gia.getByRole("button", { name: "Cancel request" }).count()) === 0, "the request still reads as pending");
      await gia.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Friends", exact: true }).click();
      await gia.waitForURL("**/friends");
      const friend = gia.getByRole("region", { name: "Your friends" }).getByRole("listitem", { name: social.freelancer.name });
      await friend.getByRole("link", { name: `Message ${social.freelancer.name}` }).waitFor();
    });

    await walk.step("the client shares a job with the new friend, who finds it under Shared with me", async () => {
      walk.page = gia;
      await gia.goto(`/jobs/${socialJob.id}`);
      await gia.getByRole("button", { name: "Share with friends" }).click();
      const form = gia.getByRole("form", { name: "Share with friends" });
      await form.getByRole("checkbox", { name: social.freelancer.name }).check();
      await form.getByLabel("Note (optional)").fill(social.shareNote);
      await form.getByRole("button", { name: "Share", exact: true }).click();
      await gia.getByText(`Shared with ${social.freelancer.name}.`).waitFor();

      walk.page = hugo;
      const shared = hugo.getByRole("region", { name: "Shared with me" }).getByRole("listitem", { name: social.job });
      await shared.getByText(social.shareNote).waitFor();
      await shared.getByRole("link", { name: social.client.name }).waitFor();
      await shared.getByRole("link", { name: social.job }).click();
      await hugo.waitForURL(`**/jobs/${socialJob.id}`);
      await hugo.getByRole("heading", { level: 1, name: social.job }).waitFor();
    });

    await walk.step("the client recommends a freelancer to the friend, who reads it on Friends; the freelancer's profile counts it", async () => {
      walk.page = gia;
      await gia.goto(`/users/${chatFreelancer.user.id}`);
      await gia.getByRole("button", { name: "Recommend to a friend" }).click();
      const form = gia.getByRole("form", { name: `Recommend ${chat.freelancer.name}` });
      await form.getByRole("checkbox", { name: social.freelancer.name }).check();
      await form.getByLabel("Note (optional)").fill(social.recommendNote);
      await form.getByRole("button", { name: "Send recommendation" }).click();
      await gia.getByText(`Recommended ${chat.freelancer.name} to ${social.freelancer.name}.`).waitFor();

      walk.page = hugo;
      await hugo.goto("/friends");
      const received = hugo.getByRole("region", { name: "Recommendations" }).getByRole("listitem", { name: chat.freelancer.name });
      await received.getByText(social.recommendNote).waitFor();
      await received.getByText(`Recommended by ${social.client.name}`).waitFor();
      await walk.screenshot("friends.png");

      walk.page = felix;
      await felix.goto("/profile");
      await felix.getByText("Recommended 1 time to friends.").waitFor();
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
    });

    // Moderation: an administrator made with the binary's create-admin bans the chat's freelancer, who
    // has the conversation open; their connection drops and their next action ends on the login page.
    let admin;
    await walk.step("an admin made with create-admin finds a user with Messages open and bans them", async () => {
      await new Promise((resolve, reject) =>
        execFile(
          bin,
          ["create-admin", "--email", moderation.admin.email, "--password", moderation.admin.password, "--name", moderation.admin.name],
          { env: { ...process.env, DOWNWORK_DATA_DIR: server.dataDir, NO_COLOR: "1" } },
          (error, stdout, stderr) => (error ? reject(new Error(`create-admin failed: ${error.message}\n${stdout}${stderr}`)) : resolve()),
        ),
      );
      const adminAuth = await call("POST", "/api/users/login", { body: { email: moderation.admin.email, password: moderation.admin.password } });

      walk.page = felix;
      await felix.goto(`/messages/${chatClient.user.id}`);
      await felix.getByRole("list", { name: `Messages with ${chat.client.name}` }).getByText(chat.reply).waitFor();

      admin = await loggedIn(adminAuth);
      walk.page = admin;
      await admin.goto("/");
      await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
      await admin.getByRole("heading", { level: 1, name: "Users" }).waitFor();
      await admin.getByLabel("Name or e-mail").fill(chat.freelancer.email);
      await admin.getByRole("button", { name: "Search" }).click();
      await admin.getByRole("link", { name: chat.freelancer.name }).click();
      await admin.getByRole("heading", { level: 1, name: chat.freelancer.name }).waitFor();
      await admin.getByRole("button", { name: "Ban" }).click();
      const form = admin.getByRole("form", { name: `Ban ${chat.freelancer.name}` });
      await form.getByLabel("Reason").fill(moderation.banReason);
      await form.getByRole("button", { name: "Ban" }).click();
      await admin.getByText("Banned", { exact: true }).waitFor();
      await admin.getByText(moderation.banReason).waitFor();
    });

    await walk.step("the banned user's live connection drops, and their next action lands on the login page", async () => {
      walk.page = felix;
      // The server closes the socket at once: "Reconnecting…", or logged out when the session cannot be renewed.
      await felix.waitForFunction(() => location.pathname === "/login" || document.body.innerText.includes("Reconnecting…"));
      if (new URL(felix.url()).pathname !== "/login") {
        await felix.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contracts" }).click();
      }
      await felix.waitForURL("**/login");
      await felix.getByRole("heading", { level: 1, name: "Log in" }).waitFor();
      const session = await felix.evaluate(() => localStorage.getItem("downwork.session"));
      expect(session === null, "the banned user's session is still stored");

      walk.page = admin;
      await admin.goto("/admin/audit-log?action=user.ban");
      await admin.getByRole("cell", { name: moderation.banReason }).waitFor();
      await walk.screenshot("admin.png");
    });
    // A dispute: the client funds the second milestone and disputes it, the freelancer responds, and the
    // admin splits the money; both parties read the decision.
    const second = market.proposal.milestones[1];
    const secondCard = (p) => p.getByRole("article", { name: `2. ${second.title}` });
    const { dispute } = market;
    let disputeUrl = "";

    await walk.step("the client funds the second milestone and opens a dispute on it, with evidence", async () => {
      walk.page = clientPage;
      await clientPage.goto(contractUrl);
      const card = secondCard(clientPage);
      await card.getByRole("button", { name: "Fund milestone" }).click();
      await card.getByRole("group", { name: `Fund ${second.title}` }).getByRole("button", { name: `Fund ${second.amountShown}` }).click();
      await card.getByText("Funded", { exact: true }).waitFor();
      await card.getByRole("button", { name: "Open a dispute" }).click();
      const form = card.getByRole("form", { name: `Dispute ${second.title}` });
      await form.getByLabel("Reason").selectOption({ label: dispute.reason });
      await form.getByLabel("What went wrong").fill(dispute.description);
      await form.getByLabel("Attachments (optional)").setInputFiles({ name: dispute.evidence, mimeType: "image/png", buffer: makeAvatarPng() });
      await form.getByRole("list", { name: "Attached files" }).getByText(dispute.evidence).waitFor();
      await form.getByRole("button", { name: "Open dispute" }).click();
      await clientPage.waitForURL(/\/disputes\/[0-9a-f-]{36}$/);
      disputeUrl = new URL(clientPage.url()).pathname;
      await clientPage.getByRole("heading", { level: 1, name: `Dispute over “${second.title}”` }).waitFor();
      await clientPage.getByText(`${market.freelancer.name} has until`).waitFor();
      await clientPage.getByRole("list", { name: "Dispute timeline" }).getByText("You opened the dispute").waitFor();
      await clientPage.goto(contractUrl);
      await secondCard(clientPage).getByText("Disputed", { exact: true }).waitFor();
    });

    await walk.step("the freelancer finds the dispute on the contract and responds", async () => {
      walk.page = freelancerPage;
      await freelancerPage.goto(contractUrl);
      await freelancerPage.getByRole("region", { name: "Disputes" }).getByRole("link", { name: `Dispute over “${second.title}”` }).click();
      await freelancerPage.waitForURL(`**${disputeUrl}`);
      const timeline = freelancerPage.getByRole("list", { name: "Dispute timeline" });
      await timeline.getByText(dispute.description).waitFor();
      await timeline.getByRole("button", { name: "Download attachment 1" }).waitFor();
      await freelancerPage.getByText("You have until").waitFor();
      await freelancerPage.getByRole("button", { name: "Respond" }).click();
      const form = freelancerPage.getByRole("form", { name: "Respond to the dispute" });
      await form.getByLabel("Your response").fill(dispute.response);
      await form.getByRole("button", { name: "Send response" }).click();
      await timeline.getByText("You responded").waitFor();
      await freelancerPage.getByText(/^You responded on /).waitFor();
      expect((await freelancerPage.getByRole("button", { name: "Respond" }).count()) === 0, "a second response is offered");
      await walk.screenshot("dispute.png");
    });

    await walk.step("the admin reads the figures, then splits the disputed money after a confirmation", async () => {
      walk.page = admin;
      await admin.goto("/admin");
      await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Dashboard" }).click();
      await admin.getByRole("figure", { name: "Sign-ups by role and day" }).locator(".recharts-bar-rectangle").first().waitFor();
      await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Disputes" }).click();
      await admin.getByRole("list", { name: "Dispute queue" }).getByRole("link", { name: `Dispute over “${second.title}”` }).click();
      await admin.waitForURL(`**/admin${disputeUrl}`);
      await admin.getByRole("list", { name: "Dispute timeline" }).getByText(dispute.response).waitFor();
      const form = admin.getByRole("form", { name: "Decide the dispute" });
      await form.getByLabel("Split between them").check();
      await form.getByLabel("To the client (USD)").fill(dispute.split.client);
      await form.getByLabel("To the freelancer (USD)").fill(dispute.split.client);
      await form.getByLabel("Note to both parties").fill(dispute.note);
      await form.getByRole("button", { name: "Review decision" }).click();
      await form.getByText(`The two parts must add up to the ${second.amountShown} held`, { exact: false }).waitFor();
      await form.getByLabel("To the freelancer (USD)").fill(dispute.split.freelancer);
      await form.getByRole("button", { name: "Review decision" }).click();
      const confirm = admin.getByRole("group", { name: "Confirm the decision" });
      await confirm.getByText(`${dispute.split.clientShown} goes back to the client and ${dispute.split.freelancerShown} is paid to the freelancer`, { exact: false }).waitFor();
      await confirm.getByRole("button", { name: "Decide dispute" }).click();
      await admin.getByRole("region", { name: "Decision" }).getByText(dispute.note).waitFor();
      await walk.screenshot("dispute-decided.png");
    });

    await walk.step("both parties read the decision, and the milestone shows the split", async () => {
      for (const p of [clientPage, freelancerPage]) {
        walk.page = p;
        await p.goto(disputeUrl);
        await p.getByText("Decided", { exact: true }).waitFor();
        const decision = p.getByRole("region", { name: "Decision" });
        await decision.getByText(`${dispute.split.clientShown} goes back to the client`, { exact: false }).waitFor();
        await decision.getByText(dispute.note).waitFor();
        await p.getByRole("list", { name: "Dispute timeline" }).getByText(/decided the dispute$/).waitFor();
        await p.goto(contractUrl);
        await secondCard(p).getByText("Split by a dispute decision", { exact: true }).waitFor();
      }
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
    });

    // Moderating a job: the admin hides one, it leaves the board for a freelancer while its owner reads
    // why it is gone, and it comes back once restored.
    const hiddenWord = moderation.hiddenJob.split(" ")[2];
    let hiddenJobUrl = "";
    /** The freelancer's board, searched for the word only the moderated job holds. */
    const boardFinds = async (found) => {
      await freelancerPage.goto(`/jobs?q=${hiddenWord}`);
      const results = freelancerPage.getByRole("region", { name: "Jobs found" });
      await results.getByText(found ? "1 job found" : "No jobs found").waitFor();
    };
    /** The admin's moderation of the job: `action` ("Hide", "Restore") with a reason. */
    const moderateJob = async (action, reason) => {
      walk.page = admin;
      await admin.goto("/admin");
      await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Jobs" }).click();
      await admin.getByLabel("Title, owner's name or e-mail").fill(hiddenWord);
      await admin.getByRole("button", { name: "Search" }).click();
      const card = admin.getByRole("article", { name: moderation.hiddenJob });
      await card.getByRole("button", { name: action, exact: true }).click();
      const form = card.getByRole("form", { name: `${action} ${moderation.hiddenJob}` });
      await form.getByLabel("Reason").fill(reason);
      await form.getByRole("button", { name: `${action} job` }).click();
      await form.waitFor({ state: "detached" });
      return card;
    };

    await walk.step("an admin hides a job: it leaves the board for a freelancer, and its owner reads that the moderators hid it", async () => {
      const job = await postJob(await call("POST", "/api/users/login", { body: { email: chat.client.email, password: chat.client.password } }), moderation.hiddenJob);
      hiddenJobUrl = `/jobs/${job.id}`;
      walk.page = freelancerPage;
      await boardFinds(true);

      const card = await moderateJob("Hide", moderation.hideReason);
      await card.getByText("Hidden", { exact: true }).waitFor();
      walk.page = freelancerPage;
      await boardFinds(false);
      await freelancerPage.goto(hiddenJobUrl);
      await freelancerPage.getByRole("heading", { level: 1, name: "Job not found" }).waitFor();

      walk.page = carla;
      await carla.goto(hiddenJobUrl);
      await carla.getByText("Hidden by the moderators.").waitFor();
      expect((await carla.getByRole("button", { name: "Share with friends" }).count()) === 0, "a hidden job is offered for sharing");
    });

    await walk.step("the admin restores the job, and it is back on the freelancer's board", async () => {
      const card = await moderateJob("Restore", moderation.restoreReason);
      await card.getByRole("button", { name: "Hide", exact: true }).waitFor();
      expect((await card.getByText("Hidden", { exact: true }).count()) === 0, "the restored job still reads hidden");
      walk.page = freelancerPage;
      await boardFinds(true);
      await freelancerPage.getByRole("region", { name: "Jobs found" }).getByRole("link", { name: moderation.hiddenJob }).click();
      await freelancerPage.getByRole("heading", { level: 1, name: moderation.hiddenJob }).waitFor();
      walk.page = admin;
      await admin.goto("/admin/audit-log?action=job.");
      await admin.getByRole("cell", { name: moderation.hideReason }).waitFor();
      await admin.getByRole("cell", { name: moderation.restoreReason }).waitFor();
    });

    // Refunding as an admin: a milestone funded through the API goes back to the client from the
    // ledger's funding transaction, with a reason; the refund is then in the ledger and the audit log.
    let refundShown = "";
    let contractId = "";
    await walk.step("an admin refunds a funded milestone with a reason, after a confirmation", async () => {
      const client = await call("POST", "/api/users/login", { body: { email: chat.client.email, password: chat.client.password } });
      const worker = await call("POST", "/api/users/signup", {
        body: { name: "Rita Freelancer", email: `rita.${Date.now()}@example.com`, password: "a refunded horse battery", role: "freelancer" },
      });
      const job = await postJob(client, moderation.refundJob);
      const bid = await propose(worker, job);
      const hired = await call("PUT", `/api/jobs/${job.id}/hire`, { token: client.access_token, body: { proposal_id: bid.id } });
      const contract = await call("GET", `/api/contracts/${hired.id}`, { token: client.access_token });
      contractId = contract.id;
      const milestone = contract.milestones[0];
      refundShown = `$${(milestone.amount.amount / 100).toFixed(2)}`;
      await call("POST", `/api/contracts/${contract.id}/payment`, {
        token: client.access_token,
        headers: { "Idempotency-Key": `fund-${milestone.id}` },
        body: { milestone_id: milestone.id, action: "fund" },
      });

      walk.page = admin;
      await admin.goto("/admin");
      await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Payments" }).click();
      await admin.getByRole("heading", { level: 1, name: "Ledger transactions" }).waitFor();
      await admin.getByLabel("Contract id").fill(contract.id);
      await admin.getByRole("button", { name: "Search" }).click();
      const found = admin.getByRole("list", { name: "Transactions found" });
      const funding = found.getByRole("article", { name: /^Milestone funded, / });
      await funding.getByRole("row", { name: `Escrow Contract ${contract.id.slice(-8)} +${refundShown}` }).waitFor();
      await funding.getByRole("button", { name: "Refund this milestone" }).click();
      const form = admin.getByRole("form", { name: "Refund a milestone" });
      expect((await form.getByLabel("Milestone id").inputValue()) === milestone.id, "the refund is not for the funded milestone");
      await form.getByLabel("Reason").fill(moderation.refundReason);
      await form.getByRole("button", { name: "Continue" }).click();
      const confirm = admin.getByRole("group", { name: "Confirm the refund" });
      await confirm.getByRole("button", { name: "Refund to the client" }).click();
      await admin.getByText(`“${milestone.title}” (${refundShown}) is refunded to the client.`).waitFor();
      const updated = await call("GET", `/api/contracts/${contract.id}`, { token: client.access_token });
      expect(updated.milestones[0].status === "refunded", `the milestone is ${updated.milestones[0].status}`);
    });

    await walk.step("the refund is in the ledger's transactions and in the audit log", async () => {
      walk.page = admin;
      await admin.getByLabel("Movement").selectOption({ label: "Refund" });
      const refund = admin.getByRole("list", { name: "Transactions found" }).getByRole("article", { name: /^Refund, / });
      await refund.getByRole("row", { name: `Escrow Contract ${contractId.slice(-8)} -${refundShown}` }).waitFor();
      await walk.screenshot("admin-payments.png");
      await admin.goto("/admin/audit-log?action=payment.refund");
      await admin.getByRole("cell", { name: moderation.refundReason }).waitFor();
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
    });

    // Invite-only sign-up, last since it closes sign-up while it runs: a newcomer without a code is
    // refused, one with a fresh code from Admin › Invites gets in, and sign-up is then open again.
    const setSignup = async (mode, reason) => {
      walk.page = admin;
      await admin.goto("/admin/settings");
      const form = admin.getByRole("form", { name: "Platform settings" });
      await form.getByLabel("Sign-up").selectOption({ label: mode });
      await form.getByLabel("Reason").fill(reason);
      await form.getByRole("button", { name: "Save settings" }).click();
      await form.getByText("Settings saved.").waitFor();
    };
    const fillSignup = async (p) => {
      const { newcomer } = moderation;
      await p.getByLabel("Full name").fill(newcomer.name);
      await p.getByLabel("Email").fill(newcomer.email);
      await p.getByLabel("Password").fill(newcomer.password);
    };
    await walk.step("while sign-up is invite-only, a newcomer needs a code, and gets in with a fresh one from Admin › Invites", async () => {
      await setSignup("Invite-only", moderation.inviteOnlyReason);
      const newcomer = await newPage();
      walk.page = newcomer;
      await newcomer.goto("/signup");
      await fillSignup(newcomer);
      await newcomer.getByRole("button", { name: "Create account" }).click();
      await newcomer.getByText("An invitation code is needed to sign up").waitFor();
      expect((await newcomer.getByLabel("Invitation code").inputValue()) === "", "the code field is not empty");

      walk.page = admin;
      await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Invites" }).click();
      const form = admin.getByRole("form", { name: "New invite" });
      await form.getByLabel("Note").fill(moderation.inviteNote);
      await form.getByRole("button", { name: "Create invite" }).click();
      const link = await form.getByRole("status").getByRole("link").textContent();
      await admin.getByRole("cell", { name: moderation.inviteNote }).waitFor();

      walk.page = newcomer;
      await newcomer.goto(link);
      const code = new URL(link).searchParams.get("invite");
      expect((await newcomer.getByLabel("Invitation code").inputValue()) === code, "the link does not fill in the code");
      await fillSignup(newcomer);
      await newcomer.getByRole("button", { name: "Create account" }).click();
      await newcomer.waitForURL("**/profile/edit");
      await newcomer.getByRole("navigation", { name: "Main" }).getByText(moderation.newcomer.name).waitFor();

      await setSignup("Open to anyone", moderation.openReason);
      const open = await newPage();
      await open.goto("/signup");
      expect((await open.getByLabel("Invitation code").count()) === 0, "sign-up still asks for a code");
      expect(problems.length === 0, `page problems:\n${problems.join("\n")}`);
    });
  } catch (error) {
    walk.failed += 1;
    console.log(`  ✗ setup\n${indent(error?.stack ?? String(error))}`);
    await walk.screenshot("failure-setup.png");
  } finally {
    await browser?.close().catch(() => {});
    if (server) {
      if (walk.failed > 0) {
        await mkdir(resultsDir, { recursive: true });
        await writeFile(path.join(resultsDir, "server.log"), server.log);
        console.log(`    server log: ${path.relative(process.cwd(), path.join(resultsDir, "server.log"))}`);
      }
      await server.stop();
    }
  }

  const skipped = walk.skipped ? `, ${walk.skipped} skipped` : "";
  console.log(`\ne2e: ${walk.passed} passed, ${walk.failed} failed${skipped}`);
  return walk.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
