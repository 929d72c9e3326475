/** Whether stored progress holds a mock session, without loading the exam code (a cheap text check). */
import { STORAGE_KEY } from '../../lib/exam/storage';

export function hasSession(): boolean {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw !== null && raw.includes('"session":{');
  } catch {
    return false;
  }
}
