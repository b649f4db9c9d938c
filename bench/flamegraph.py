#!/usr/bin/env python3
"""Flame graph of JFR samples: collapsed stacks (Brendan Gregg's format) and a self-contained SVG.

usage: bench/flamegraph.py [--thread REGEX] [--title TEXT] [--native] [--fold-digits]
                           [--collapsed OUT.collapsed[.gz]] [--svg OUT.svg] FILE.jfr [FILE.jfr ...]
  --thread       keep only samples whose thread name matches REGEX (re.search)
  --native       jdk.NativeMethodSample instead of jdk.ExecutionSample: threads parked in a JNI call,
                 sampled whether they burn CPU or wait (epoll, fsync, socket reads) - wall time, not CPU
  --fold-digits  thread names with digits as N (nioEventLoopGroup-3-1 -> nioEventLoopGroup-N-N)
Each collapsed line is `thread;outermost frame;...;sampled frame count`. The SVG needs no network:
hover a frame for its name, samples and share; click to zoom into it, click "Reset zoom" to go back.
Prints the sample share per thread and the self-time share per package group.
Parsing is jfr_top.samples (`jfr print --stack-depth 128`; deeper stacks lose their outermost frames).
"""
import argparse, collections, gzip, html, re, subprocess, sys, zlib

from jfr_top import samples

# (group, colour, frame regex) - first match wins; the legend lists them in this order
GROUPS = [
    ("engine storage", "#e8913a", r"^org\.quorumlab\.engine\.storage\.|^org\.apache\.zookeeper\.server\.persistence\."),
    ("engine net", "#4f8fd6", r"^org\.quorumlab\.engine\.net\.|^org\.apache\.zookeeper\.server\.(NIO|Netty)ServerCnxn"),
    ("engine consensus", "#a36ad6", r"^org\.quorumlab\.engine\.(consensus|replication)\.|^org\.apache\.zookeeper\.server\.quorum\."),
    ("engine server", "#4caf50", r"^org\.quorumlab\.engine\.server\.|^org\.apache\.zookeeper\.server\."),
    ("engine other", "#8bc34a", r"^org\.quorumlab\.|^org\.apache\.zookeeper\."),
    ("netty", "#26b3b3", r"^io\.netty\."),
    ("sqlite-jdbc", "#d84a4a", r"^org\.sqlite\."),
    ("jdk", "#c9b458", r"^(java|javax|jdk|sun|com\.sun)\."),
    ("other", "#9e9e9e", r""),
]
THREAD_COLOUR = "#d0d0d0"
WIDTH, ROW, FONT_PX = 1200, 16, 11


def group_of(frame):
    for name, colour, pattern in GROUPS:
        if re.search(pattern, frame):
            return name, colour
    return GROUPS[-1][:2]


def collapse(paths, event_type, thread_filter, fold_digits):
    stacks = collections.Counter()
    for path in paths:
        for thread, frames in samples(path, event_type, 128):
            if thread_filter and not re.search(thread_filter, thread):
                continue
            if fold_digits:
                thread = re.sub(r"\d+", "N", thread)
            stacks[";".join([thread.replace(";", ":")] + [f.replace(";", ":") for f in reversed(frames)])] += 1
    return stacks


def write_collapsed(stacks, path):
    text = "".join(f"{stack} {count}\n" for stack, count in sorted(stacks.items()))
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as out:
        out.write(text)


def build_tree(stacks):
    """Nested dict node: {"n": samples, "c": {frame: node}}."""
    root = {"n": 0, "c": {}}
    for stack, count in stacks.items():
        node = root
        node["n"] += count
        for frame in stack.split(";"):
            node = node["c"].setdefault(frame, {"n": 0, "c": {}})
            node["n"] += count
    return root


def shade(colour, name):
    """Varies the group colour a little per frame so neighbours stay distinguishable."""
    delta = zlib.crc32(name.encode()) % 41 - 20
    rgb = [max(0, min(255, int(colour[i:i + 2], 16) + delta)) for i in (1, 3, 5)]
    return "#%02x%02x%02x" % tuple(rgb)


def short(name):
    """`pkg.Class.method(args)` as `Class.method`; thread names unchanged."""
    return ".".join(name.split("(")[0].split(".")[-2:]) if "(" in name else name


def label(name, width_px):
    fits = int((width_px - 6) / (FONT_PX * 0.6))
    if fits < 3:
        return ""
    return name if len(name) <= fits else name[:fits - 2] + ".."


def svg(stacks, title):
    tree = build_tree(stacks)
    total = tree["n"] or 1
    rects = []  # (depth, x in samples, samples, name, colour)

    def walk(node, depth, x):
        for name, child in sorted(node["c"].items()):
            colour = THREAD_COLOUR if depth == 0 else shade(group_of(name)[1], name)
            rects.append((depth, x, child["n"], name, colour))
            walk(child, depth + 1, x)
            x += child["n"]

    walk(tree, 0, 0)
    depth_max = max((r[0] for r in rects), default=0) + 1
    top, legend_h = 48, 22
    height = top + depth_max * ROW + legend_h + 10
    scale = WIDTH / total
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH + 20}" height="{height}" '
           f'viewBox="0 0 {WIDTH + 20} {height}" font-family="monospace" font-size="{FONT_PX}px">',
           "<style>g.f:hover rect{stroke:#000;stroke-width:0.8} g.f{cursor:pointer} "
           "#reset{cursor:pointer;fill:#1565c0;visibility:hidden}</style>",
           f'<rect width="100%" height="100%" fill="#fafafa"/>',
           f'<text x="{(WIDTH + 20) / 2}" y="18" text-anchor="middle" font-size="15px">{html.escape(title)}</text>',
           f'<text x="10" y="36">{total} samples; width = share of samples, bottom row = thread; '
           f'hover for details, click to zoom</text>',
           f'<text id="reset" x="{WIDTH + 10}" y="36" text-anchor="end" onclick="unzoom()">Reset zoom</text>']
    base = top + depth_max * ROW
    for depth, x, n, name, colour in rects:
        w = n * scale
        if w < 0.1:
            continue
        y = base - (depth + 1) * ROW
        tip = f"{name} ({n} samples, {100.0 * n / total:.2f}%)"
        shown = short(name) if depth else name
        out.append(f'<g class="f" data-x="{x}" data-n="{n}" onclick="zoom(this)"><title>{html.escape(tip)}</title>'
                   f'<rect x="{10 + x * scale:.2f}" y="{y}" width="{w:.2f}" height="{ROW - 1}" fill="{colour}" rx="1"/>'
                   f'<text x="{13 + x * scale:.2f}" y="{y + ROW - 4}" data-name="{html.escape(shown)}">'
                   f'{html.escape(label(shown, w))}</text></g>')
    lx = 10
    for name, colour in [("thread", THREAD_COLOUR)] + [(g[0], g[1]) for g in GROUPS]:
        out.append(f'<rect x="{lx}" y="{base + 8}" width="12" height="12" fill="{colour}"/>'
                   f'<text x="{lx + 16}" y="{base + 18}">{name}</text>')
        lx += 30 + 7 * len(name)
    out.append(f"""<script><![CDATA[
var W={WIDTH}, TOTAL={total}, CH={FONT_PX * 0.6};
function place(x0, n0) {{
  document.querySelectorAll("g.f").forEach(function (g) {{
    var x = (+g.dataset.x - x0) / n0 * W, w = +g.dataset.n / n0 * W;
    var l = Math.max(x, 0), r = Math.min(x + w, W), rect = g.querySelector("rect"), t = g.querySelector("text");
    if (r - l < 0.1) {{ g.style.display = "none"; return; }}
    g.style.display = ""; rect.setAttribute("x", 10 + l); rect.setAttribute("width", r - l);
    t.setAttribute("x", 13 + l);
    var name = t.dataset.name, fits = Math.floor((r - l - 6) / CH);
    t.textContent = fits < 3 ? "" : (name.length <= fits ? name : name.substring(0, fits - 2) + "..");
  }});
}}
function zoom(g) {{ place(+g.dataset.x, +g.dataset.n); document.getElementById("reset").style.visibility = "visible"; }}
function unzoom() {{ place(0, TOTAL); document.getElementById("reset").style.visibility = "hidden"; }}
]]></script>""")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def summary(stacks):
    total = sum(stacks.values()) or 1
    threads, groups = collections.Counter(), collections.Counter()
    for stack, count in stacks.items():
        frames = stack.split(";")
        threads[frames[0]] += count
        groups[group_of(frames[-1])[0] if len(frames) > 1 else "(no frames)"] += count
    print(f"{total} samples\n\n| samples % | thread |\n|---:|---|")
    for thread, count in threads.most_common(15):
        print(f"| {100.0 * count / total:.1f} | {thread} |")
    print("\n| self % | package group of the sampled frame |\n|---:|---|")
    for group, count in groups.most_common():
        print(f"| {100.0 * count / total:.1f} | {group} |")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", metavar="FILE.jfr")
    parser.add_argument("--thread", help="keep only threads whose name matches this regex")
    parser.add_argument("--title", default="JFR flame graph")
    parser.add_argument("--native", action="store_true", help="jdk.NativeMethodSample (wall time in JNI calls)")
    parser.add_argument("--fold-digits", action="store_true", help="digits in thread names as N")
    parser.add_argument("--collapsed", help="write collapsed stacks here (.gz: gzip)")
    parser.add_argument("--svg", help="write the SVG flame graph here")
    args = parser.parse_args(argv)
    if args.thread:
        try:
            re.compile(args.thread)
        except re.error as e:
            parser.error(f"--thread {args.thread!r} is not a regular expression: {e}")
    event_type = "jdk.NativeMethodSample" if args.native else "jdk.ExecutionSample"
    try:
        stacks = collapse(args.files, event_type, args.thread, args.fold_digits)
    except FileNotFoundError as e:
        sys.exit(f"flamegraph: cannot run {e.filename!r}: a JDK's jfr must be on PATH or in JAVA_HOME")
    except subprocess.CalledProcessError as e:
        sys.exit(f"flamegraph: jfr print failed on {e.cmd[-1]}: {e.stderr.strip()}")
    if not stacks:
        sys.exit(f"flamegraph: no {event_type} events" + (f" on threads matching {args.thread!r}" if args.thread else ""))
    if args.collapsed:
        write_collapsed(stacks, args.collapsed)
    if args.svg:
        with open(args.svg, "w", encoding="utf-8") as out:
            out.write(svg(stacks, args.title))
    summary(stacks)


if __name__ == "__main__":
    main(sys.argv[1:])
