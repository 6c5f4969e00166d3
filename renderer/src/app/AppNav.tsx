import { NavDrawer, NavDrawerBody, NavDrawerFooter, NavItem, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowExportLtr20Filled, ArrowExportLtr20Regular, DocumentTable20Filled, DocumentTable20Regular, Library20Filled, Library20Regular, Search20Filled, Search20Regular, Settings20Filled, Settings20Regular, TaskListSquareLtr20Filled, TaskListSquareLtr20Regular, bundleIcon, ClipboardTaskListLtr20Filled, ClipboardTaskListLtr20Regular } from '@fluentui/react-icons';
import type { Area } from './areas.ts';

const SearchIcon = bundleIcon(Search20Filled, Search20Regular);
const LibraryIcon = bundleIcon(Library20Filled, Library20Regular);
const SettingsIcon = bundleIcon(Settings20Filled, Settings20Regular);
const FrameworksIcon = bundleIcon(TaskListSquareLtr20Filled, TaskListSquareLtr20Regular);
const AnnexAIcon = bundleIcon(DocumentTable20Filled, DocumentTable20Regular);
const ExportIcon = bundleIcon(ArrowExportLtr20Filled, ArrowExportLtr20Regular);
const RequestsIcon = bundleIcon(ClipboardTaskListLtr20Filled, ClipboardTaskListLtr20Regular);

const useStyles = makeStyles({
  drawer: { width: '200px', borderRight: `1px solid ${tokens.colorNeutralStroke2}`, height: '100%' },
  // Line the footer's item up with the body's (Fluent's footer padding differs), with room for the selection bar.
  footer: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalMNudge}` },
});

/** The app's areas. Only areas that exist are listed; more (Evidence) come later; Settings stay last. */
export function AppNav({ open, area, onAreaChange }: { open: boolean; area: Area; onAreaChange: (area: Area) => void }) {
  const styles = useStyles();
  return (
    <NavDrawer
      id="app-nav"
      className={styles.drawer}
      open={open}
      type="inline"
      selectedValue={area}
      onNavItemSelect={(_, data) => onAreaChange(data.value as Area)}
      aria-label="Areas"
    >
      <NavDrawerBody>
        <NavItem value="search" icon={<SearchIcon />} title="Search (Alt+1)">
          Search
        </NavItem>
        <NavItem value="library" icon={<LibraryIcon />} title="Library (Alt+2)">
          Library
        </NavItem>
        <NavItem value="frameworks" icon={<FrameworksIcon />} title="Frameworks (Alt+3)">
          Frameworks
        </NavItem>
        <NavItem value="annexa" icon={<AnnexAIcon />} title="Annex A (Alt+4)">
          Annex A
        </NavItem>
        <NavItem value="export" icon={<ExportIcon />} title="Export (Alt+5)">
          Export
        </NavItem>
        <NavItem value="requests" icon={<RequestsIcon />} title="Requests (Alt+6)">
          Requests
        </NavItem>
      </NavDrawerBody>
      {/* Settings sit apart at the bottom, where people look for them. */}
      <NavDrawerFooter className={styles.footer}>
        <NavItem value="settings" icon={<SettingsIcon />} title="Settings (Alt+9)">
          Settings
        </NavItem>
      </NavDrawerFooter>
    </NavDrawer>
  );
}
