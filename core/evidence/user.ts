import { userInfo } from 'node:os';

/** Who is making a change, for the history: the operating system's user name. */
export function currentUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? 'unknown';
  }
}
