#!/usr/bin/env python3
"""Per-thread CPU of running benchmark node JVMs, from /proc (user + kernel time, native code included).

JFR's execution samples only see threads running Java code; SQLite's C code, fsync and socket
syscalls are invisible there. This reads utime/stime of every thread of the node processes twice,
SECONDS apart, and prints the share per thread name (digits folded to N) and its kernel part.

  bench/thread_cpu.py 15                 # nodes of a running `quorumlab bench` (command line mentions quorumlab-bench)
  bench/thread_cpu.py 15 --ops 8658      # also CPU µs per operation, given the bench's ops/s
  bench/thread_cpu.py 15 --pids 123,456  # explicit processes
"""
import argparse
import collections
import os
import re
import time


def bench_nodes():
    pids = []
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            cmd = open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ')
        except OSError:
            continue
        if b'quorumlab-bench' in cmd and b'java' in cmd and b' bench' not in cmd:
            pids.append(pid)
    return pids


def snapshot(pids):
    out = {}
    for pid in pids:
        try:
            tids = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        for tid in tids:
            try:
                stat = open(f'/proc/{pid}/task/{tid}/stat').read()
            except OSError:
                continue
            name = stat[stat.index('(') + 1:stat.rindex(')')]
            fields = stat[stat.rindex(')') + 2:].split()
            out[(pid, tid)] = (re.sub(r'\d+', 'N', name), int(fields[11]), int(fields[12]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('seconds', type=float)
    ap.add_argument('--pids')
    ap.add_argument('--ops', type=float, help='operations per second during the window')
    ap.add_argument('-n', type=int, default=10)
    args = ap.parse_args()
    pids = args.pids.split(',') if args.pids else bench_nodes()
    before = snapshot(pids)
    time.sleep(args.seconds)
    after = snapshot(pids)
    total, kernel = collections.Counter(), collections.Counter()
    for key, (name, utime, stime) in after.items():
        if key in before:
            total[name] += utime + stime - before[key][1] - before[key][2]
            kernel[name] += stime - before[key][2]
    hz = os.sysconf('SC_CLK_TCK')
    ticks = sum(total.values()) or 1
    print(f'{len(pids)} processes, {ticks / hz:.2f} CPU s in {args.seconds:g} s')
    print('| CPU % | thread | kernel part |' + (' µs/op |' if args.ops else ''))
    print('|---:|---|---:|' + ('---:|' if args.ops else ''))
    for name, t in total.most_common(args.n):
        row = f'| {100 * t / ticks:.1f} | `{name}` | {100 * kernel[name] / max(t, 1):.0f}% |'
        if args.ops:
            row += f' {1e6 * t / hz / (args.ops * args.seconds):.1f} |'
        print(row)


if __name__ == '__main__':
    main()
