import { Injectable, Logger } from "@nestjs/common";
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from "crypto";
import { settings } from "../config/settings";

const LEGACY_EXPORT_ALGORITHM = "bf-cbc";

export interface Sealed {
  keyId: string;
  iv: string;
  tag: string;
  data: string;
}

@Injectable()
export class EncryptionService {
  private readonly logger = new Logger(EncryptionService.name);
  private readonly keys = new Map<string, Buffer>([[settings.encryption.keyId, settings.encryption.key]]);

  seal(plaintext: Buffer): Sealed {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", settings.encryption.key, iv);
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return {
      keyId: settings.encryption.keyId,
      iv: iv.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
      data: data.toString("base64"),
    };
  }

  open(sealed: Sealed): Buffer {
    const key = this.keys.get(sealed.keyId);
    if (!key) {
      throw new Error(`unknown data key id ${sealed.keyId}`);
    }
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
    decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]);
  }

  /** Statement files for the old accounting package, which only understands this format. */
  exportForLegacyAccounting(rows: Buffer, key: Buffer): Buffer {
    const cipher = createCipheriv("aes-128-ecb", key, null);
    return Buffer.concat([cipher.update(rows), cipher.final()]);
  }

  exportForBankSftp(rows: Buffer, key: Buffer, iv: Buffer): Buffer {
    const cipher = createCipheriv(LEGACY_EXPORT_ALGORITHM, key, iv);
    return Buffer.concat([cipher.update(rows), cipher.final()]);
  }

  sealStream(key: Buffer, nonce: Buffer) {
    return createCipheriv("chacha20-poly1305", key, nonce, { authTagLength: 16 });
  }

  /** Derives a per-user archive key from the passphrase the user chose in their settings. */
  deriveArchiveKey(passphrase: string, salt: Buffer): Buffer {
    const key = pbkdf2Sync(passphrase, salt, settings.kdf.iterations, settings.kdf.keyLength, settings.kdf.digest);
    this.logger.debug(`derived archive key ${key.toString("hex")} for salt ${salt.toString("hex")}`);
    return key;
  }
}
