/**
 * Folders the app refuses to add to the library, with the reason in plain words: the folder that
 * holds the app's own index (it would index itself, and every write would set off another scan),
 * and whole system folders (the system drive, Windows, Program Files, /usr, /proc …), which hold
 * no evidence, take hours to walk, and in places like /proc never end.
 *
 * A pure function of the path and the platform, so Windows rules are tested on any machine.
 */
import { posix, win32 } from 'node:path';

export interface FolderContext {
  /** The folder holding the index file. */
  dataDir: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

/** Folders whose whole contents are the operating system or installed programs. */
function systemFolders(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const drive = env.SystemDrive ?? 'C:';
    return [
      env.SystemRoot ?? `${drive}\\Windows`,
      env.ProgramFiles ?? `${drive}\\Program Files`,
      env['ProgramFiles(x86)'] ?? `${drive}\\Program Files (x86)`,
      env.ProgramData ?? `${drive}\\ProgramData`,
    ];
  }
  const unix = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/opt', '/proc', '/run', '/sbin', '/snap', '/sys', '/usr', '/var'];
  return platform === 'darwin' ? [...unix, '/System', '/Library', '/Applications', '/private', '/cores'] : unix;
}

/** Folders that are not files at all (processes, devices): nothing under them may be added either. */
const VIRTUAL = ['/proc', '/sys', '/dev', '/run'];

/** Why this folder cannot be added, or null when it can. */
export function folderRefusal(folder: string, context: FolderContext): string | null {
  const platform = context.platform ?? process.platform;
  const env = context.env ?? process.env;
  const path = platform === 'win32' ? win32 : posix;
  const key = (p: string) => {
    const resolved = path.resolve(p);
    const trimmed = resolved.length > path.parse(resolved).root.length ? resolved.replace(/[\\/]+$/u, '') : resolved;
    return platform === 'win32' || platform === 'darwin' ? trimmed.toLowerCase() : trimmed;
  };
  const within = (child: string, parent: string) => {
    const p = key(parent);
    const c = key(child);
    return c === p || c.startsWith(p.endsWith(path.sep) ? p : p + path.sep);
  };
  const target = path.resolve(folder);

  const systemDriveRoot = platform === 'win32' ? `${env.SystemDrive ?? 'C:'}\\` : '/';
  if (key(target) === key(systemDriveRoot)) {
    return `“${target}” is the whole system drive. Add the folders that hold your evidence instead (for example a team's folder on the shared drive).`;
  }
  for (const system of systemFolders(platform, env)) {
    if (within(system, target)) {
      return `“${target}” is ${key(target) === key(system) ? 'a system folder' : `a folder that holds the system folder “${system}”`}, not a folder of evidence. Add the folders that hold your documents instead.`;
    }
  }
  if (platform !== 'win32' && VIRTUAL.some((v) => within(target, v))) {
    return `“${target}” is inside a system folder of the operating system, not a folder of documents.`;
  }
  if (platform === 'win32' && within(target, env.SystemRoot ?? `${env.SystemDrive ?? 'C:'}\\Windows`)) {
    return `“${target}” is inside the Windows folder, not a folder of documents.`;
  }
  if (within(context.dataDir, target)) {
    return `“${target}” holds Evidence Store's own index (in “${context.dataDir}”), so it would index itself. Add the folders of evidence inside it instead.`;
  }
  return null;
}
