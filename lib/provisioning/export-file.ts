import { stringify } from "yaml";
import { KEYHOLD_FILE_SCHEMA_PATH, type DeclaredAccount, type KeyholdFile } from "./file-schema";
import type { CurrentAccount } from "./plan";

// `keyhold export`: the server's state in the provisioning file's format (no secrets), so that applying it
// changes nothing.

export function toKeyholdFile(accounts: CurrentAccount[]): KeyholdFile {
  const serviceAccounts = [...accounts]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((account): DeclaredAccount => ({
      name: account.name,
      description: account.description,
      owner: account.ownerEmail,
      role: account.role as DeclaredAccount["role"],
      ...(account.tokens
        ? {
            tokens: account.tokens.map((token) => ({
              name: token.name,
              description: token.description,
              expiresAt: token.expiresAt,
              scopes: token.scopes,
              allowedIps: token.allowedIps,
            })),
          }
        : {}),
      ...(account.grants ? { grants: account.grants } : {}),
    }));
  return { serviceAccounts };
}

export function keyholdFileYaml(file: KeyholdFile, baseUrl: string): string {
  return `# yaml-language-server: $schema=${baseUrl}${KEYHOLD_FILE_SCHEMA_PATH}\n${stringify(file, { lineWidth: 0 })}`;
}
