import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The WCAG levels issue 12 holds the console to. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The WCAG rules about colour alone: a second colour scheme changes only what these check. */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Runs axe on the page (or on what `include` selects) and fails listing every violation with its nodes.
 * `rules` narrows the run to those rules (e.g. COLOUR_RULES for the dark version of a page checked in light).
 */
export async function expectNoViolations(page: Page, include?: string, rules?: readonly string[]) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (rules) builder = builder.withRules([...rules]);
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

export type Screen = { width: number; height: number; colorScheme?: "light" | "dark" };

/** Desktop, a phone held upright and sideways, a small laptop. */
export const SCREENS = {
  desktop: { width: 1440, height: 900 },
  laptop: { width: 1024, height: 768 },
  phone: { width: 390, height: 844 },
  phoneLandscape: { width: 844, height: 390 },
} satisfies Record<string, Screen>;

/** AxeBuilder needs a page of a context made with browser.newContext() (not the default page). */
/**
 * The page-wide suite (e2e/a11y/console-axe.spec.ts) checks every page at desktop · light and phone · dark; the
 * specs that look closer at one area (lists, home, the API reference) take the other two cases, so each area is
 * seen at both sizes in both schemes without running four cases everywhere.
 */
export const CLOSER_LOOK_CASES = [
  ["desktop", "dark"],
  ["phone", "light"],
] as const satisfies readonly (readonly [keyof typeof SCREENS, "light" | "dark"])[];

export async function pageAt(browser: Browser, { width, height, colorScheme = "light" }: Screen): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  return context.newPage();
}
