/**
 * CPU time of a process tree from /proc (Linux): the benchmark's Chromium runs in several
 * processes (browser, renderer, storage), and on a busy machine their CPU time says more
 * about the work done than wall time, which also counts waiting for a core.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux.

/** utime + stime (ms) and parent pid of one process, or null once it has gone. */
function stat(pid: number): { ppid: number; cpuMs: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds used so far by every live descendant of `root` (not `root` itself).
 * Returns -1 where /proc is missing.
 */
export function descendantsCpuMs(root: number): number {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return -1;
  }
  const info = new Map<number, { ppid: number; cpuMs: number }>();
  for (const pid of pids) {
    const s = stat(pid);
    if (s) info.set(pid, s);
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = info.get(pid)?.ppid; p !== undefined && p > 1; p = info.get(p)?.ppid) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const [pid, s] of info) if (isDescendant(pid)) total += s.cpuMs;
  return total;
}
