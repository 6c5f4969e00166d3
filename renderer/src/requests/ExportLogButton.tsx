/**
 * "Export to Excel": requests.export hands back the workbook's bytes (one row per request, links as
 * paths) and they are saved as a download, the way the self-evaluation and Annex A workbooks are.
 */
import { Button } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { fileNameStamp } from '../../../shared/dates.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { downloadBlob } from '../frameworks/download.ts';

// Not imported from Annex A's BuildStep: that would pull the Annex A bundle into this one.
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function exportFileName(now: Date): string {
  return `Inspector requests ${fileNameStamp(now)}.xlsx`;
}

export function ExportLogButton({ onDone, onError }: { onDone: (message: string) => void; onError: (message: string) => void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const bytes = await api.call('requests.export', {});
      const name = exportFileName(new Date());
      downloadBlob(bytes, name, XLSX_TYPE);
      onDone(`${name} was downloaded. Find it in your Downloads folder.`);
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<ArrowDownload20Regular />} onClick={() => void run()} disabled={busy} data-testid="requests-export">
      {busy ? 'Exporting…' : 'Export to Excel'}
    </Button>
  );
}
