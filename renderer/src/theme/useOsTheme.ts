import { useSyncExternalStore } from 'react';
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

const QUERY = '(prefers-color-scheme: dark)';

/**
 * Fluent's dark theme with lighter links: its link blue (#479ef5) is 4.2:1 on a selected or hovered
 * row (#383838, #3d3d3d), under the 4.5:1 WCAG AA asks of text. These are the next steps of the same
 * brand ramp, 5:1 or more on every dark background a link sits on.
 */
export const darkTheme: Theme = {
  ...webDarkTheme,
  colorBrandForegroundLink: '#77b7f7',
  colorBrandForegroundLinkHover: '#8ac2f8',
  colorBrandForegroundLinkPressed: '#62abf5',
  colorBrandForegroundLinkSelected: '#77b7f7',
};

export const lightTheme: Theme = webLightTheme;

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** The Fluent theme matching the OS light/dark setting, following it live. */
export function useOsTheme(): { theme: Theme; dark: boolean } {
  const dark = useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches, () => false);
  return { theme: dark ? darkTheme : lightTheme, dark };
}
