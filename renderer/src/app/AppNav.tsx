import { NavDrawer, NavDrawerBody, NavDrawerFooter, NavItem, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowExportLtr20Filled, ArrowExportLtr20Regular, DocumentTable20Filled, DocumentTable20Regular, Library20Filled, Library20Regular, Search20Filled, Search20Regular, Settings20Filled, Settings20Regular, TaskListSquareLtr20Filled, TaskListSquareLtr20Regular, bundleIcon, ClipboardTaskListLtr20Filled, ClipboardTaskListLtr20Regular, ShieldCheckmark20Filled, ShieldCheckmark20Regular } from '@fluentui/react-icons';
import type { KeyboardEvent, ReactElement, ReactNode } from 'react';
import { AREA_LABELS, type Area } from './areas.ts';
import { areaShortcutKeys, matchesShortcut } from './shortcuts.ts';

const SearchIcon = bundleIcon(Search20Filled, Search20Regular);
const LibraryIcon = bundleIcon(Library20Filled, Library20Regular);
const SettingsIcon = bundleIcon(Settings20Filled, Settings20Regular);
const FrameworksIcon = bundleIcon(TaskListSquareLtr20Filled, TaskListSquareLtr20Regular);
const AnnexAIcon = bundleIcon(DocumentTable20Filled, DocumentTable20Regular);
const ExportIcon = bundleIcon(ArrowExportLtr20Filled, ArrowExportLtr20Regular);
const RequestsIcon = bundleIcon(ClipboardTaskListLtr20Filled, ClipboardTaskListLtr20Regular);
// The evidence panel's icon: the same thing, seen whole.
const EvidenceIcon = bundleIcon(ShieldCheckmark20Filled, ShieldCheckmark20Regular);

const ICONS: Record<Area, ReactElement> = {
  search: <SearchIcon />,
  library: <LibraryIcon />,
  frameworks: <FrameworksIcon />,
  annexa: <AnnexAIcon />,
  export: <ExportIcon />,
  requests: <RequestsIcon />,
  evidence: <EvidenceIcon />,
  settings: <SettingsIcon />,
};

const BODY: readonly Area[] = ['search', 'library', 'frameworks', 'annexa', 'export', 'requests', 'evidence'];

const useStyles = makeStyles({
  drawer: { width: '200px', borderRight: `1px solid ${tokens.colorNeutralStroke2}`, height: '100%' },
  // Line the footer's item up with the body's (Fluent's footer padding differs), with room for the selection bar.
  footer: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalMNudge}` },
});

/**
 * Arrow keys, Home and End move between the areas (the list is one Tab stop: the area shown). Done
 * here rather than by Fluent's arrow-navigation group, whose hidden focusable guards screen readers
 * and axe count as focusable content inside aria-hidden.
 */
function onNavKeys(event: KeyboardEvent<HTMLElement>): void {
  if (!matchesShortcut('nav-move', event)) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-area]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (!items.length) return;
  event.preventDefault();
  const next = event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : (at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
  items[next].focus();
}

/** The app's areas; Settings stay last. */
export function AppNav({ open, area, onAreaChange, underSearch }: { open: boolean; area: Area; onAreaChange: (area: Area) => void; underSearch?: ReactNode }) {
  const styles = useStyles();
  const item = (value: Area) => (
    <NavItem
      key={value}
      value={value}
      icon={ICONS[value]}
      title={`${AREA_LABELS[value]} (${areaShortcutKeys(value)})`}
      aria-keyshortcuts={areaShortcutKeys(value)}
      data-area={value}
      tabIndex={value === area ? 0 : -1}
    >
      {AREA_LABELS[value]}
    </NavItem>
  );
  return (
    <NavDrawer
      id="app-nav"
      className={styles.drawer}
      open={open}
      type="inline"
      selectedValue={area}
      onNavItemSelect={(_, data) => onAreaChange(data.value as Area)}
      onKeyDown={onNavKeys}
      aria-label="Areas"
    >
      {/* No data-tabster: the arrow keys are ours (onNavKeys), so Fluent adds no focus guards. */}
      {/* The saved searches sit under Search (reached with Tab; the arrow keys move between areas). */}
      <NavDrawerBody data-tabster={undefined}>{BODY.flatMap((value) => (value === 'search' ? [item(value), <div key="under-search">{underSearch}</div>] : [item(value)]))}</NavDrawerBody>
      {/* Settings sit apart at the bottom, where people look for them. */}
      <NavDrawerFooter className={styles.footer}>{item('settings')}</NavDrawerFooter>
    </NavDrawer>
  );
}
