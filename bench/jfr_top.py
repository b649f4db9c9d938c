#!/usr/bin/env python3
"""Aggregates JFR CPU samples: top frames (self time) and top methods anywhere on the stack (total).

usage: bench/jfr_top.py [-n 25] [--callers SUBSTRING] FILE.jfr [FILE.jfr ...]
  --callers: instead, the 3 frames below each sampled top frame containing SUBSTRING (who calls a hot method)
Runs `jfr print --events jdk.ExecutionSample` on each file (needs a JDK's `jfr` on PATH or JAVA_HOME).
"""
import collections, os, re, subprocess, sys

def samples(path, event_type="jdk.ExecutionSample", depth=64):
    """(thread name, frames top-first) per sample event; also used by flamegraph.py."""
    jfr = os.path.join(os.environ["JAVA_HOME"], "bin", "jfr") if os.environ.get("JAVA_HOME") else "jfr"
    out = subprocess.run([jfr, "print", "--events", event_type, "--stack-depth", str(depth), path],
                         check=True, capture_output=True, text=True).stdout
    for event in out.split(event_type + " {")[1:]:
        m = re.search(r"stackTrace = \[(.*?)\n\s*\]", event, re.S)
        if not m:
            continue
        frames = [re.sub(r"\s+line:.*$", "", f.strip()) for f in m.group(1).strip().splitlines()]
        frames = [f for f in frames if f and f != "..."]
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        yield (thread.group(1) if thread else "?"), frames

def main(argv):
    n, callers = 25, None
    while len(argv) > 1 and argv[0] in ("-n", "--callers"):
        if argv[0] == "-n":
            n = int(argv[1])
        else:
            callers = argv[1]
        argv = argv[2:]
    if callers:
        chains = collections.Counter()
        for path in argv:
            for _, frames in samples(path):
                if frames and callers in frames[0]:
                    chains[" <- ".join(frames[:4])] += 1
        for chain, c in chains.most_common(n):
            print(f"{c:5d}  {chain}")
        return
    top, total, threads = collections.Counter(), collections.Counter(), collections.Counter()
    count = 0
    for path in argv:
        for thread, frames in samples(path):
            count += 1
            if frames:
                top[frames[0]] += 1
            for f in set(frames):
                total[f] += 1
            threads[re.sub(r"\d+", "N", thread)] += 1
    print(f"{count} execution samples from {len(argv)} recording(s)\n")
    print("| self % | top frame |\n|---:|---|")
    for f, c in top.most_common(n):
        print(f"| {100.0 * c / count:.1f} | `{f}` |")
    print("\n| total % | method on stack (org.quorumlab only) |\n|---:|---|")
    for f, c in [(f, c) for f, c in total.most_common() if f.startswith("org.quorumlab")][:n]:
        print(f"| {100.0 * c / count:.1f} | `{f}` |")
    print("\n| samples % | thread (digits as N) |\n|---:|---|")
    for t, c in threads.most_common(12):
        print(f"| {100.0 * c / count:.1f} | {t} |")

if __name__ == "__main__":
    main(sys.argv[1:])
