/**
 * bench:page prints the CPU time of the extension's long tasks beside their wall time: never a
 * wall time called CPU time, when a trace task had no thread time (`cpuMs: null`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportTargets, type Row } from '../../../scripts/lib/bench-page-report';

afterEach(() => vi.restoreAllMocks());

const row = (ours: Row['ours']): Row => ({
  page: 'article',
  words: 1000,
  names: 10,
  backstory: [],
  markjs: [],
  pageAlone: [],
  pageAloneDcl: [],
  ours,
  woken: null,
});

describe('bench:page CPU line', () => {
  it('does not report a wall time as CPU time when the trace had no thread time', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    reportTargets([row([{ ms: 180, cpuMs: null }])], {});
    expect(lines.filter((l) => /180 ms of CPU/.test(l))).toEqual([]);
  });

  it('prints the most CPU any of them used, and misses the target on wall time all the same', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    reportTargets([row([{ ms: 58, cpuMs: 20 }]), { ...row([{ ms: 54, cpuMs: 16 }]), page: 'other' }], {});
    expect(lines.filter((l) => /ms of CPU/.test(l))).toEqual([
      "(the extension's long tasks used at most 20 ms of CPU; the rest of their wall time the main thread was not running)",
    ]);
    expect(lines).toContain(
      "MISSED  no long task (>50 ms) of the extension's, traced (pages with one: article, other)",
    );
  });
});
