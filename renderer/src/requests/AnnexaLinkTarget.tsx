/**
 * An Annex A link in a request's panel. A list's figures read as their label and note; a filtered
 * list of findings also says how many findings match its filter in the import as it is now
 * (annexa.findings, one finding fetched), beside the note of how many there were when linked.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Input } from '../../../shared/contract.ts';
import type { RequestLink } from '../../../shared/requests.ts';
import { useApi } from '../api/ApiContext.tsx';
import { plural } from '../shared/format.ts';

const useStyles = makeStyles({
  now: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
});

/** The panel's kind column already says "Annex A". */
const withoutKind = (label: string) => label.replace(/^Annex A /u, '');

export function AnnexaLinkTarget({ link }: { link: RequestLink }) {
  const styles = useStyles();
  const api = useApi();
  // By value: a refreshed request brings new link objects with the same filter.
  const query = link.filter ? JSON.stringify({ ...(link.list ? { list: link.list } : {}), ...link.filter }) : null;
  const [now, setNow] = useState<string | null>(null);

  useEffect(() => {
    if (query === null) return undefined;
    let live = true;
    api.call('annexa.findings', { ...(JSON.parse(query) as Input<'annexa.findings'>), limit: 1 }).then(
      (page) => live && setNow(page.total === 0 ? 'none now' : `${plural(page.total, 'finding')} now`),
      () => live && setNow('not known now'),
    );
    return () => {
      live = false;
    };
  }, [api, query]);

  return (
    <span data-testid="request-link-annexa">
      {withoutKind(link.label)}
      {query !== null && now && (
        <>
          {': '}
          <span className={styles.now}>{now}</span>
        </>
      )}
      {link.note && ` — ${link.note}`}
    </span>
  );
}
