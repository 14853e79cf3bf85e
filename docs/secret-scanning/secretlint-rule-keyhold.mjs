// secretlint rule for Keyhold API tokens: kh_ + 43 base62 characters + the base62 CRC32 of those 43 (6
// characters). Only a token whose checksum matches is reported, so look-alikes (examples, placeholders,
// truncated tokens) are not. No dependencies: copy this file into your repository and list it in
// .secretlintrc.json (see README, "Secret scanning"). Tested by lib/tokens/secret-scanning.test.ts.
import { crc32 } from "node:zlib";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TOKEN = /(?<![0-9A-Za-z])kh_([0-9A-Za-z]{43})([0-9A-Za-z]{6})(?![0-9A-Za-z])/g;

/** base62 of the CRC32 of the token's random part, left-padded to 6 characters (lib/tokens/token-format.ts). */
function checksum(body) {
  let out = "";
  for (let n = crc32(body); n > 0; n = Math.floor(n / 62)) out = BASE62[n % 62] + out;
  return out.padStart(6, "0");
}

const messages = {
  KEYHOLD_API_TOKEN: {
    en: (props) => `found Keyhold API token: ${props.TOKEN}. Revoke it (POST /api/v1/revoke) and issue a new one.`,
  },
};

/** @type {import("@secretlint/types").SecretLintRuleCreator} */
export const creator = {
  messages,
  meta: {
    id: "secretlint-rule-keyhold",
    recommended: true,
    type: "scanner",
    supportedContentTypes: ["text"],
  },
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source) {
        for (const match of source.content.matchAll(TOKEN)) {
          if (checksum(match[1]) !== match[2]) continue;
          context.report({ message: t("KEYHOLD_API_TOKEN", { TOKEN: match[0] }), range: [match.index, match.index + match[0].length] });
        }
      },
    };
  },
};

// secretlint takes a module's default export or the module itself: both have `creator`.
const rule = { creator };
export default rule;
