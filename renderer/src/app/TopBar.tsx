import { Button, SearchBox, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { Keyboard20Regular, Navigation20Regular, Search24Filled } from '@fluentui/react-icons';
import type { KeyboardEvent, Ref } from 'react';
import { FrameworkPicker } from '../frameworks/FrameworkPicker.tsx';
import { SyntaxHelp } from '../search/SyntaxHelp.tsx';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingInline: tokens.spacingHorizontalM,
    minHeight: '52px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold, minWidth: '180px', color: tokens.colorBrandForeground1 },
  brandText: { color: tokens.colorNeutralForeground1, whiteSpace: 'nowrap' },
  search: { flex: 1, maxWidth: '760px', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  box: { flex: 1, maxWidth: 'none' },
});

export interface TopBarProps {
  query: string;
  onQueryChange: (query: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  inputRef: Ref<HTMLInputElement>;
  onToggleNav: () => void;
  navOpen: boolean;
  onShowShortcuts: () => void;
  /** Whether the search results are on screen (aria-controls may only name an element that exists). */
  resultsShown: boolean;
}

export function TopBar(props: TopBarProps) {
  const styles = useStyles();
  return (
    <header className={styles.bar}>
      <Tooltip content={props.navOpen ? 'Hide navigation' : 'Show navigation'} relationship="label">
        <Button appearance="subtle" icon={<Navigation20Regular />} onClick={props.onToggleNav} aria-expanded={props.navOpen} aria-controls="app-nav" />
      </Tooltip>
      <div className={styles.brand}>
        <Search24Filled aria-hidden />
        <span className={styles.brandText}>Evidence Store</span>
      </div>
      <div className={styles.search} role="search">
        <SearchBox
          ref={props.inputRef}
          className={styles.box}
          value={props.query}
          onChange={(_, data) => props.onQueryChange(data.value)}
          onKeyDown={props.onKeyDown}
          placeholder="Search all evidence   (Ctrl+K)"
          aria-label="Search evidence"
          aria-controls={props.resultsShown ? 'search-results' : undefined}
          aria-keyshortcuts="Control+K Meta+K /"
          data-testid="search-box"
          autoComplete="off"
          spellCheck={false}
        />
        <SyntaxHelp />
      </div>
      <FrameworkPicker />
      <Tooltip content="Keyboard shortcuts (Shift+?)" relationship="label">
        <Button appearance="subtle" icon={<Keyboard20Regular />} onClick={props.onShowShortcuts} />
      </Tooltip>
    </header>
  );
}
