import { useState } from 'react';
import { i18n } from '#i18n';
import type { RegisterDb } from '@/lib/register/db';
import { exportRegister, importRegister, RegisterFileError } from '@/lib/register/register-file';
import { downloadText, today } from './download';

function problemMessage(error: unknown): string {
  if (error instanceof RegisterFileError) {
    if (error.problem === 'malformed') return i18n.t('register.errorMalformed');
    if (error.problem === 'wrong-passphrase') return i18n.t('register.errorWrongPassphrase');
    if (error.problem === 'invalid-content') return i18n.t('register.errorInvalidContent');
    return i18n.t('register.errorConflict');
  }
  return i18n.t('register.errorGeneric');
}

/** Export the register to one passphrase-encrypted file, or replace it from such a file. */
export function RegisterFileForm({ db }: { db: RegisterDb }) {
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string }>();

  const run = async (action: () => Promise<string>) => {
    if (passphrase.length < 8) return setResult({ ok: false, text: i18n.t('register.errorShortPassphrase') });
    setBusy(true);
    try {
      setResult({ ok: true, text: await action() });
    } catch (error) {
      setResult({ ok: false, text: problemMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="pd-register-file" disabled={busy}>
      <legend>{i18n.t('register.fileTitle')}</legend>
      <label>
        {i18n.t('register.passphrase')}{' '}
        <input
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </label>{' '}
      <button
        type="button"
        onClick={() =>
          void run(async () => {
            downloadText(
              `privacydesk-register-${today()}.json`,
              await exportRegister(db, passphrase),
              'application/json',
            );
            return i18n.t('register.exported');
          })
        }
      >
        {i18n.t('register.exportFile')}
      </button>{' '}
      <label>
        {i18n.t('register.chooseFile')}{' '}
        <input type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0])} />
      </label>{' '}
      <button
        type="button"
        disabled={!file}
        onClick={() =>
          void run(async () => {
            const counts = await importRegister(db, await file!.text(), passphrase);
            return i18n.t('register.imported', [String(counts.customers), String(counts.items)]);
          })
        }
      >
        {i18n.t('register.importFile')}
      </button>
      {result ? <p role={result.ok ? 'status' : 'alert'}>{result.text}</p> : null}
    </fieldset>
  );
}
