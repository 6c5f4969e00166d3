import { describe, expect, it } from 'vitest';
import { folderRefusal } from '../../../core/scan/folder-rules.ts';

const windows = {
  platform: 'win32' as const,
  env: { SystemDrive: 'C:', SystemRoot: 'C:\\WINDOWS', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', ProgramData: 'C:\\ProgramData' },
  dataDir: 'C:\\Users\\jo\\AppData\\Roaming\\Evidence Store',
};
const linux = { platform: 'linux' as const, env: {}, dataDir: '/home/jo/.config/Evidence Store' };

describe('folders the library refuses', () => {
  it.each([
    ['S:\\Children\\QA', 'a mapped drive folder'],
    ['S:\\', 'a mapped drive (a team share) at its root'],
    ['\\\\council-fs01\\CSC\\Evidence', 'a UNC share'],
    ['C:\\Users\\jo\\Documents\\Inspection', 'a folder in the user’s documents'],
  ])('lets Windows add %s (%s)', (folder) => {
    expect(folderRefusal(folder, windows)).toBeNull();
  });

  it.each([
    ['C:\\', /whole system drive/u],
    ['c:\\windows', /is a system folder/u],
    ['C:\\Windows\\System32', /inside the Windows folder/u],
    ['C:\\Program Files', /is a system folder/u],
    ['C:\\ProgramData\\', /is a system folder/u],
    ['C:\\Users\\jo\\AppData', /holds Evidence Store's own index/u],
    ['C:\\Users', /holds Evidence Store's own index/u],
    ['C:\\Users\\jo\\AppData\\Roaming\\Evidence Store', /holds Evidence Store's own index/u],
  ])('refuses %s on Windows, saying why', (folder, why) => {
    expect(folderRefusal(folder, windows)).toMatch(why);
  });

  it.each([
    ['/', /whole system drive/u],
    ['/usr', /is a system folder/u],
    ['/etc/', /is a system folder/u],
    ['/proc/1', /inside a system folder/u],
    ['/home/jo', /holds Evidence Store's own index/u],
    ['/home/jo/.config', /holds Evidence Store's own index/u],
  ])('refuses %s on Linux, saying why', (folder, why) => {
    expect(folderRefusal(folder, linux)).toMatch(why);
  });

  it('lets Linux add a folder beside the index, or one on a mounted share', () => {
    expect(folderRefusal('/home/jo/Evidence', linux)).toBeNull();
    expect(folderRefusal('/mnt/council-share/QA', linux)).toBeNull();
    expect(folderRefusal('/home/jo/.config/Evidence Store/exports', linux)).toBeNull();
  });

  it('compares macOS paths without case, as its disks do', () => {
    expect(folderRefusal('/system', { platform: 'darwin', env: {}, dataDir: '/Users/jo/Library/Application Support/Evidence Store' })).toMatch(/system folder/u);
  });
});
