import type { Api } from '../shared/contract.ts';

/** A one-line progress display on stderr for interactive runs; returns a function that clears it. */
export function progressLine(api: Api): () => void {
  const off = api.on('scan.progress', (p) => {
    if (p.state !== 'scanning') return;
    const of = p.walking ? `${p.total} found so far` : `${p.total}`;
    const left = p.secondsLeft !== null ? `, about ${formatSeconds(p.secondsLeft)} left` : '';
    const current = p.currentPath ? ` ${p.currentPath.slice(-60)}` : '';
    process.stderr.write(`\r\x1b[2K${p.done} of ${of}${left}${current}`);
  });
  return () => {
    off();
    process.stderr.write('\r\x1b[2K');
  };
}

/**
 * A one-line display for encrypting or decrypting a store on stderr: megabytes copied of the
 * file's size, and the time left at the rate so far. `update` is called between chunks of copying
 * (the copy itself is synchronous, so the line is written synchronously too).
 */
export function conversionProgressLine(verb: string): { update: (p: { file: string; bytesDone: number; bytesTotal: number }) => void; stop: () => void } {
  let file = '';
  let started = 0;
  return {
    update(p) {
      if (p.file !== file) {
        file = p.file;
        started = performance.now();
      }
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 1 && p.bytesDone > 0 ? p.bytesDone / seconds : 0;
      const left = rate > 0 ? `, about ${formatSeconds(Math.max(0, p.bytesTotal - p.bytesDone) / rate)} left` : '';
      process.stderr.write(`\r\x1b[2K${verb} ${file.slice(-50)}: ${megabytes(p.bytesDone)} of ${megabytes(p.bytesTotal)} MB${left}`);
    },
    stop() {
      process.stderr.write('\r\x1b[2K');
    },
  };
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/** "45 s", "3 min", "1 h 5 min". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
