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

/** "45 s", "3 min", "1 h 5 min". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
