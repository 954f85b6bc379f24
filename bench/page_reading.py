"""CPU per page of reading a page (`extract_facts`) on the realistic web's pages.

The pages are those `bench/e2e_throughput.py` serves: each company's homepage and About
page. With `--baseline DIR`, another checkout's code reads the same pages in a process of
its own, alternating with this one, and the ratio is printed: both meet the machine's load
alike.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def per_page_ms(rows: int, rounds: int) -> dict[str, float]:
    """The median over `rounds` of CPU ms per page, homepages and About pages apart."""
    from bench.web.companies import about_page, companies, homepage
    from worker.pipeline.stages.page.page_facts import extract_facts

    sites = companies(rows)
    kinds = {
        "homepage": [(f"https://{c.domain}/", homepage(c)) for c in sites],
        "about": [(f"https://{c.domain}/about", about_page(c)) for c in sites],
    }
    figures: dict[str, float] = {}
    for kind, pages in kinds.items():
        times = []
        for _ in range(rounds):
            began = time.process_time()
            for url, html in pages:
                extract_facts(url, html, "text/html")
            times.append((time.process_time() - began) * 1000 / len(pages))
        figures[kind] = sorted(times)[len(times) // 2]
    return figures


def in_checkout(folder: Path, rows: int, rounds: int) -> dict[str, float]:
    """`per_page_ms` with the code of the checkout at `folder`, in a process of its own."""
    # This file is run by path: the baseline checkout may have no copy of it; the pages
    # and the code that reads them come from `folder`.
    script = f"import runpy; runpy.run_path({str(Path(__file__).resolve())!r}, run_name='__main__')"
    command = [sys.executable, "-c", script, "--rows", str(rows), "--rounds", str(rounds)]
    command.append("--json")
    env = {**os.environ, "PYTHONPATH": str(folder)}
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return dict(json.loads(done.stdout.splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000, help="company sites")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the pages")
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.json:
        print(json.dumps(per_page_ms(args.rows, args.rounds)))
        return
    print("| code | homepage ms/page | About page ms/page | x baseline (homepage / About) |")
    print("| --- | --- | --- | --- |")
    for _ in range(2):  # alternated, so that a change of load falls on both
        here = in_checkout(REPO, args.rows, args.rounds)
        print(f"| this checkout | {here['homepage']:.3f} | {here['about']:.3f} | - |")
        if args.baseline is not None:
            base = in_checkout(args.baseline.resolve(), args.rows, args.rounds)
            print(
                f"| {args.baseline} | {base['homepage']:.3f} | {base['about']:.3f} "
                f"| {here['homepage'] / base['homepage']:.2f}x"
                f" / {here['about'] / base['about']:.2f}x |"
            )


if __name__ == "__main__":
    main()
