import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { z } from "zod";
import { env } from "@/lib/config/env";
import { metaFromHeaders } from "@/lib/http/request-context";
import { revokeSession } from "./revoke-session";
import { signInSchema } from "./schemas";
import { SESSION_MAX_AGE_SECONDS } from "./session-settings";
import { signInWithPassword } from "./sign-in";
import { SSO_PROVIDER_ID, ssoProviders } from "./sso/oidc-provider-config";
import { signInWithSso } from "./sso/sign-in-with-sso";
import { ssoConfig } from "./sso/sso-config";
import { SSO_ERROR_PARAM } from "./sso/sso-refusals";

/** Why authorize() refused: `invalid`, or `locked:<seconds until retry>`. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

// next-auth issues and reads the session cookie (an encrypted JWT naming the user and their UserSession).
// Whether that session is still live, and the user's role now, is decided per request by lib/auth/guard.ts.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Auth.js's own errors (a provider down, a cancelled sign-in) come back to the login page as ?error=<type>.
  pages: { signIn: "/login", error: "/login" },
  // A failed sign-in is expected (and audited): not worth a stack trace in the log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        // The sign-in form's own rules (e.g. no control characters: a NUL in the email was a 500 here).
        const input = signInSchema.safeParse({ email: String(credentials.email ?? ""), password: String(credentials.password ?? "") });
        if (!input.success) throw new SignInRefused("invalid");
        const outcome = await signInWithPassword(input.data.email, input.data.password, metaFromHeaders(request.headers));
        if (outcome.ok) return outcome.user;
        throw new SignInRefused(outcome.reason === "locked" ? `locked:${outcome.retryAfterSeconds}` : "invalid");
      },
    }),
    // Single sign-on, when configured (lib/config/sso-env.ts).
    ...ssoProviders(ssoConfig(env())),
  ],
  // Every sign-out path revokes the session server-side, next-auth's own POST /api/auth/signout included: the
  // cookie it clears may have been copied.
  events: {
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (typeof sessionId === "string" && z.uuid().safeParse(sessionId).success) {
        await revokeSession(sessionId, metaFromHeaders(await headers()));
      }
    },
  },
  callbacks: {
    // A sign-in through the identity provider becomes a Keyhold user and session here (the password's happens in
    // authorize()); a refusal goes back to the login page, which says why.
    async signIn({ user, account, profile }) {
      const sso = ssoConfig(env());
      if (account?.provider !== SSO_PROVIDER_ID || !sso) return true;
      const outcome = await signInWithSso(profile ?? {}, metaFromHeaders(await headers()), sso);
      if (!outcome.ok) return `/login?${SSO_ERROR_PARAM}=${outcome.reason}`;
      Object.assign(user, outcome.user);
      return true;
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
}));
