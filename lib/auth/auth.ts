import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/config/env";
import { metaFromHeaders } from "@/lib/http/request-context";
import { signInWithPassword } from "./sign-in";

/** Why authorize() refused: `invalid`, or `locked:<seconds until retry>`. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

// next-auth issues and reads the session cookie (a signed, encrypted JWT holding the user id). Whether that
// user may still act, and with which role, is decided per request by lib/auth/guard.ts from the database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const outcome = await signInWithPassword(
          String(credentials.email ?? ""),
          String(credentials.password ?? ""),
          metaFromHeaders(request.headers),
        );
        if (outcome.ok) return outcome.user;
        throw new SignInRefused(outcome.reason === "locked" ? `locked:${outcome.retryAfterSeconds}` : "invalid");
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sessionVersion = user.sessionVersion ?? 0;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sessionVersion === "number" ? token.sessionVersion : 0;
      return session;
    },
  },
}));
