import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "./sso-refusals";

describe("signInErrorMessage", () => {
  it("words Keyhold's refusals and Auth.js's errors, and nothing for no error", () => {
    expect(signInErrorMessage("domain_not_allowed")).toMatch(/domain is not allowed to sign in to Keyhold/);
    expect(signInErrorMessage("email_unverified")).toMatch(/not verified/);
    expect(signInErrorMessage("disabled")).toMatch(/disabled/);
    expect(signInErrorMessage("Configuration")).toMatch(/could not be reached/);
    expect(signInErrorMessage("CredentialsSignin")).toBe("Invalid email or password");
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage(["disabled", "x"])).toBeNull();
  });

  it("never puts the parameter's own text on the page", () => {
    expect(signInErrorMessage("<b>Call 555-0100 to restore access</b>")).toBe("Single sign-on did not complete. Try again.");
    expect(signInErrorMessage("toString")).toBe("Single sign-on did not complete. Try again.");
  });
});
