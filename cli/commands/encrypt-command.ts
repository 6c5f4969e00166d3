/**
 * `encrypt` and `decrypt`: convert a closed store (the index and Annex A's file) in place, with
 * the passphrase from EVIDENCE_STORE_PASSPHRASE. Done on a closed store, not through the API: the
 * running app holds the files open (with rank and Annex A workers on their own connections), and
 * the conversion replaces each file by a new one (core/store/convert.ts).
 */
import { decryptStore, encryptStore, PASSPHRASE_VARIABLE, type StoreConversion, type StoreKey } from '../../core/core.ts';
import { conversionProgressLine } from '../progress.ts';

export interface EncryptOptions {
  databasePath: string;
  /** True for `decrypt`. */
  decrypt: boolean;
  key: StoreKey | undefined;
  json: boolean;
}

export class MissingPassphraseError extends Error {
  constructor(what: string) {
    super(`set the environment variable ${PASSPHRASE_VARIABLE} to the passphrase ${what} (it is read from there so that it is not kept in your shell history).`);
  }
}

export function runEncrypt(options: EncryptOptions): number {
  if (!options.key) throw new MissingPassphraseError(options.decrypt ? 'the store is encrypted with' : 'to encrypt the store with');
  const verb = options.decrypt ? 'Decrypting' : 'Encrypting';
  const progress = options.json || !process.stderr.isTTY ? null : conversionProgressLine(verb);
  let result: StoreConversion;
  try {
    result = options.decrypt
      ? decryptStore(options.databasePath, options.key, progress?.update)
      : encryptStore(options.databasePath, options.key, progress?.update);
  } finally {
    progress?.stop();
  }
  if (result.files[0].outcome === 'missing') {
    console.error(`There is no index at ${options.databasePath}. Check --db.`);
    return 1;
  }
  if (options.json) {
    console.log(JSON.stringify({ files: result.files.filter((f) => f.outcome !== 'missing') }));
    return 0;
  }
  const done = options.decrypt ? 'decrypted' : 'encrypted';
  for (const f of result.files) {
    if (f.outcome === 'converted') console.log(`${f.file}: ${done}.`);
    else if (f.outcome === 'already') console.log(`${f.file}: already ${done}, left as it was.`);
  }
  return 0;
}
