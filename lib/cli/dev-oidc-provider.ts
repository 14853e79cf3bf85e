// A local OpenID provider to try single sign-on with (README, "Single sign-on (OIDC)"): the test suite's
// oidc-provider on 127.0.0.1:9090 for a Keyhold at KEYHOLD_PUBLIC_URL (default http://127.0.0.1:3000), with three
// people. Its sign-in page takes any password. For trying things out only: nothing it knows is kept.
import { startOidcProvider } from "@/lib/testing/oidc-provider";

const appUrl = (process.env.KEYHOLD_PUBLIC_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const port = Number(process.env.OIDC_PORT ?? 9090);
const provider = await startOidcProvider([appUrl], { port, clientSecret: "keyhold-dev-secret" });
provider.people.set("alice", { email: "alice@example.com", email_verified: true, name: "Alice Admin", groups: ["keyhold-admins"] });
provider.people.set("bob", { email: "bob@example.com", email_verified: true, name: "Bob Auditor", groups: ["keyhold-auditors"] });
provider.people.set("carol", { email: "carol@example.org", email_verified: true, name: "Carol Elsewhere", groups: [] });

console.log(`OpenID provider at ${provider.issuer} for ${appUrl}. Sign in there as alice, bob or carol (any password).
Start Keyhold with:
KEYHOLD_OIDC_ISSUER=${provider.issuer}
KEYHOLD_OIDC_CLIENT_ID=${provider.clientId}
KEYHOLD_OIDC_CLIENT_SECRET=${provider.clientSecret}
KEYHOLD_OIDC_SCOPE="openid email profile groups"
KEYHOLD_OIDC_ROLE_MAP=keyhold-admins=ADMIN,keyhold-auditors=AUDITOR
KEYHOLD_OIDC_ALLOWED_DOMAINS=example.com
Ctrl-C stops it.`);
process.once("SIGINT", () => void provider.stop().then(() => process.exit(0)));
