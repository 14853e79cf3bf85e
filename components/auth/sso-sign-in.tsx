import { Button } from "@/components/ui/button";
import { CALLBACK_PARAM } from "@/lib/auth/callback-url";
import { ssoSignInAction } from "@/lib/auth/sso/actions";

/** The single sign-on button: a plain form, so it works before (or without) JavaScript. */
export function SsoSignIn({ name, callbackUrl }: { name: string; callbackUrl: string | null }) {
  return (
    <form action={ssoSignInAction}>
      {callbackUrl ? <input type="hidden" name={CALLBACK_PARAM} value={callbackUrl} /> : null}
      <Button type="submit" className="w-full">
        Sign in with {name}
      </Button>
    </form>
  );
}
