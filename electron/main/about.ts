/**
 * "About Evidence Store": the versions an IT desk asks for, as plain text (main.ts shows it in a
 * native dialog, which also lets the user select and copy it on Windows).
 */

export interface AboutVersions {
  app: string;
  electron?: string;
  chromium?: string;
  node?: string;
  /** The SQLite library the index is stored with; null when the core does not say. */
  sqlite: string | null;
  platform: string;
  arch: string;
}

/** From Electron's `process.versions` and the app's own version. */
export function aboutVersions(appVersion: string, versions: NodeJS.ProcessVersions & { electron?: string; chrome?: string }, sqlite: string | null): AboutVersions {
  return { app: appVersion, electron: versions.electron, chromium: versions.chrome, node: versions.node, sqlite, platform: process.platform, arch: process.arch };
}

export function aboutText(appName: string, v: AboutVersions): { title: string; message: string; detail: string } {
  const lines = [
    ['Version', v.app],
    ['Electron', v.electron],
    ['Chromium', v.chromium],
    ['Node.js', v.node],
    ['SQLite', v.sqlite],
    ['System', `${v.platform} ${v.arch}`],
  ].map(([name, value]) => `${name}: ${value ?? 'unknown'}`);
  return {
    title: `About ${appName}`,
    message: `${appName} ${v.app}`,
    detail: [...lines, '', 'Everything stays on this computer: nothing is sent anywhere.'].join('\n'),
  };
}
