/** Facts stamped on printed cheat sheets. */
import { examIstioVersion } from '../../data/versions';

/** The build date, YYYY-MM-DD (UTC). */
export const buildDate = new Date().toISOString().slice(0, 10);

/** The running header of a printed sheet: its name, the Istio release and the build date. */
export const runningHeader = (sheet: string) => `${sheet} · Istio ${examIstioVersion} · built ${buildDate}`;

/** A CSS string literal (for `content:` in @page margin boxes). */
export const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
