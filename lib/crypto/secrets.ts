import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Encryption at rest for every secret the app stores: AES-256-GCM with versioned keys.
 *
 * SECRETS_ENCRYPTION_KEYS="3:<base64 32 bytes>,2:<base64 32 bytes>" — the first key encrypts, every
 * listed key decrypts, so a rotation adds a new first key and keeps the old ones until rows are
 * re-encrypted. Stored form: `v<version>.<iv>.<tag>.<ciphertext>` (base64url parts). The optional
 * context is bound as additional authenticated data: a ciphertext copied onto another row fails.
 */
interface Keyring {
  current: { version: number; key: Buffer };
  byVersion: Map<number, Buffer>;
}

let cached: { raw: string; keyring: Keyring } | undefined;

function keyring(): Keyring {
  const raw = process.env.SECRETS_ENCRYPTION_KEYS ?? "";
  if (cached?.raw === raw) return cached.keyring;
  const entries = raw
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [version, encoded] = part.split(":");
      const key = Buffer.from(encoded ?? "", "base64");
      if (!/^\d+$/.test(version ?? "") || key.length !== 32) {
        throw new Error("SECRETS_ENCRYPTION_KEYS must be a list of <version>:<base64 of 32 bytes>, newest first.");
      }
      return { version: Number(version), key };
    });
  if (entries.length === 0) {
    throw new Error(
      "SECRETS_ENCRYPTION_KEYS is not set: it holds the key that encrypts stored secrets (see README → Production).",
    );
  }
  const keyringValue = { current: entries[0]!, byVersion: new Map(entries.map((e) => [e.version, e.key])) };
  cached = { raw, keyring: keyringValue };
  return keyringValue;
}

export function encryptSecret(plaintext: string, context = ""): string {
  const { current } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [`v${current.version}`, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function decryptSecret(stored: string, context = ""): string {
  const [versionPart, iv, tag, ciphertext] = stored.split(".");
  const version = Number(versionPart?.slice(1));
  const key = keyring().byVersion.get(version);
  if (!key || !iv || !tag || ciphertext === undefined) {
    throw new Error(`Cannot decrypt: key version ${versionPart} is not in SECRETS_ENCRYPTION_KEYS.`);
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** True when the row was written under an older key and should be re-encrypted. */
export function needsReencryption(stored: string): boolean {
  return stored.split(".")[0] !== `v${keyring().current.version}`;
}

/** What the browser may see of a secret: its last four characters. */
export function secretHint(plaintext: string): string {
  return plaintext.length <= 4 ? "…" : `…${plaintext.slice(-4)}`;
}
