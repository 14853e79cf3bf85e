import { expect, type Locator } from "@playwright/test";

/**
 * Waits until React has hydrated `control`: React puts its props on an element (a `__reactProps$…` key) when it
 * takes the element over, and only then does the element answer. A click or a fill that comes before that is
 * lost: a menu that never opens, a filter the URL never gets (both seen on CI's busy cores).
 */
export async function expectHydrated(control: Locator): Promise<void> {
  await expect
    .poll(() => control.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"))), { message: "React has hydrated the control" })
    .toBe(true);
}
