// The little of oidc-provider 9 (which ships no types) that lib/testing/oidc-provider.ts uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type Grant = {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  };
  export type KoaContextWithOIDC = {
    oidc: {
      client: { clientId: string };
      session: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      result?: { consent?: { grantId?: string } };
      requestParamScopes: Set<string>;
      provider: {
        Grant: { new (init: { clientId: string; accountId?: string }): Grant; find(id: string): Promise<Grant | undefined> };
      };
    };
  };
  type Account = { accountId: string; claims(): Promise<Record<string, unknown>> };

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown> & {
      findAccount?: (ctx: KoaContextWithOIDC, sub: string) => Promise<Account | undefined>;
      loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
    });
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
