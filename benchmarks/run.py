"""Measure the course's speed against its references, in one run, and publish the numbers.

    python benchmarks/run.py                  # everything (about 5 minutes on 2 cores)
    python benchmarks/run.py measures explorers   # only some sections
    python benchmarks/run.py --quick          # fewer repeats, no 10-million-element cases

Sections: ``measures`` (infolib against scipy and bare NumPy, plus accuracy on the hard
cases), ``explorers`` (benchmarks/browser.py: redraw in Chromium, first render, time to
ready on a slow phone), ``build`` (clean build, unchanged rebuild, notebook execution,
nbval), ``pages`` (page weight of the built site). Every figure
is a median over repeated runs; ratios compare with a reference measured in the same run.
Results are printed as tables and written to benchmarks/results.json. Nothing here asserts a
time: the targets are printed beside the numbers for a person to read.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.json"


def median_seconds(fn: Callable[[], object], repeat: int, autorange: bool = True) -> float:
    """Median time of one call of ``fn`` over ``repeat`` rounds.

    With ``autorange`` each round loops enough calls to last about 0.2 s (fast calls);
    without it each round is a single call (calls that take tens of milliseconds).
    """
    timer = timeit.Timer(fn)
    if autorange:
        number = timer.autorange()[0]  # also warms up
    else:
        # One untimed call first: the first call on tens of megabytes pays the page faults of
        # fresh temporary buffers (3x the steady-state time here), for infolib and references
        # alike.
        fn()
        number = 1
    return statistics.median(timer.repeat(repeat=repeat, number=number)) / number


def fmt_time(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:9.1f} us"
    if seconds < 1:
        return f"{seconds * 1e3:9.1f} ms"
    return f"{seconds:9.2f} s "


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n## {title}\n")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        cells = (str(c).ljust(w) for c, w in zip(row, widths, strict=True))
        print("| " + " | ".join(cells) + " |")


# --------------------------------------------------------------------------- measures


def bench_measures(quick: bool) -> list[dict]:
    import scipy.special
    import scipy.stats

    import infolib as il

    rng = np.random.default_rng(20261125)
    sizes: list[tuple[str, tuple[int, ...]]] = [("10", (10,)), ("1,000", (1000,))]
    sizes += [("100,000", (100_000,))]
    if not quick:
        sizes += [("10,000,000", (10_000_000,)), ("10,000 x 1,000", (10_000, 1000))]
    results = []
    for label, shape in sizes:
        p = rng.dirichlet(np.ones(shape[-1]), size=shape[:-1] or None)
        q = rng.dirichlet(np.ones(shape[-1]), size=shape[:-1] or None)
        z = rng.normal(0, 3, size=shape)
        y = rng.integers(0, shape[-1], size=shape[:-1]) if len(shape) > 1 else 3
        big = p.size >= 1_000_000
        repeat = 5 if big else (5 if quick else 9)

        def row_y(zz, yy=y):
            if np.ndim(yy) == 0:
                return scipy.special.logsumexp(zz) - zz[yy]
            return scipy.special.logsumexp(zz, axis=-1) - np.take_along_axis(
                zz, yy[:, None], axis=-1
            ).squeeze(-1)

        cases = {
            "entropy": (
                lambda p=p: il.entropy(p, base=np.e),
                {
                    "scipy.stats.entropy": lambda p=p: scipy.stats.entropy(p, axis=-1),
                    "bare -(p*log p).sum()": lambda p=p: -(p * np.log(p)).sum(axis=-1),
                },
            ),
            "cross_entropy": (
                lambda p=p, q=q: il.cross_entropy(p, q, base=np.e),
                {
                    "-scipy.special.xlogy(p,q).sum()": lambda p=p, q=q: (
                        -scipy.special.xlogy(p, q).sum(axis=-1)
                    ),
                    "bare -(p*log q).sum()": lambda p=p, q=q: -(p * np.log(q)).sum(axis=-1),
                },
            ),
            "kl_divergence": (
                lambda p=p, q=q: il.kl_divergence(p, q, base=np.e),
                {
                    "scipy.special.rel_entr(p,q).sum()": lambda p=p, q=q: scipy.special.rel_entr(
                        p, q
                    ).sum(axis=-1),
                    "scipy.stats.entropy(p,q)": lambda p=p, q=q: scipy.stats.entropy(p, q, axis=-1),
                    "bare (p*log(p/q)).sum()": lambda p=p, q=q: (p * np.log(p / q)).sum(axis=-1),
                },
            ),
            "cross_entropy_from_logits": (
                lambda z=z, y=y: il.cross_entropy_from_logits(z, y, base=np.e),
                {"scipy logsumexp(z) - z[y]": lambda z=z: row_y(z)},
            ),
        }
        floor = median_seconds(lambda p=p: p.sum(), repeat, not big)
        for name, (ours, refs) in cases.items():
            t_ours = median_seconds(ours, repeat, not big)
            entry = {
                "function": name,
                "size": label,
                "infolib_s": t_ours,
                "np_sum_floor_s": floor,
                "references": {},
            }
            for ref_name, ref in refs.items():
                t_ref = median_seconds(ref, repeat, not big)
                entry["references"][ref_name] = {"seconds": t_ref, "infolib_ratio": t_ours / t_ref}
            results.append(entry)
        del p, q, z
    rows = []
    for e in results:
        refs = "; ".join(
            f"{k}: {fmt_time(v['seconds']).strip()} (x{v['infolib_ratio']:.2f})"
            for k, v in e["references"].items()
        )
        rows.append(
            [
                e["function"],
                e["size"],
                fmt_time(e["infolib_s"]).strip(),
                fmt_time(e["np_sum_floor_s"]).strip(),
                refs,
            ]
        )
    print_table(
        "infolib against references (median per call; xR = infolib time / reference time)",
        ["function", "elements", "infolib", "np.sum floor", "references"],
        rows,
    )
    print_goals(results)
    return results


#: Goals of issue 12, as ratios to the bare NumPy expression measured in the same run.
GOALS = {
    ("10", "entropy"): 2.5,
    ("10", "cross_entropy"): 2.5,
    ("10", "kl_divergence"): 2.5,
    ("1,000", "entropy"): 2.5,
    ("1,000", "cross_entropy"): 2.5,
    ("1,000", "kl_divergence"): 2.5,
    ("10,000,000", "entropy"): 1.1,
    ("10,000,000", "cross_entropy"): 1.1,
    ("10,000,000", "kl_divergence"): 1.5,
}


def print_goals(results: list[dict]) -> None:
    """The ratio to the bare expression beside each goal, met or not."""
    rows = []
    for e in results:
        goal = GOALS.get((e["size"], e["function"]))
        bare = next((r for k, r in e["references"].items() if k.startswith("bare")), None)
        if goal is None or bare is None:
            continue
        ratio = bare["infolib_ratio"]
        rows.append(
            [
                e["function"],
                e["size"],
                f"{ratio:.2f}",
                f"<= {goal}",
                "yes" if ratio <= goal else "no",
            ]
        )
    if rows:
        print_table(
            "Goals (infolib time / bare NumPy expression, same run)",
            ["function", "elements", "ratio", "goal", "met"],
            rows,
        )


def bench_accuracy() -> list[dict]:
    """Relative error against mpmath on the hard cases, for infolib and the references."""
    import mpmath as mp
    import scipy.special
    import scipy.stats

    import infolib as il

    mp.mp.dps = 50
    rng = np.random.default_rng(7)
    rows = []
    for n, eps in [(3, 1e-6), (1000, 1e-6), (1000, 1e-3)]:
        p = rng.dirichlet(np.ones(n))
        q = p * (1 + eps * rng.standard_normal(n))
        q = q / q.sum()
        # The divergence of the distributions p and q stand for: divided by their exact sums,
        # which differ from 1 by the rounding of q / q.sum() (about 1e-16). That is what
        # infolib and scipy.stats.entropy compute; rel_entr sums p log(p/q) as given.
        mp_p, mp_q = [mp.mpf(float(a)) for a in p], [mp.mpf(float(b)) for b in q]
        p_sum, q_sum = mp.fsum(mp_p), mp.fsum(mp_q)
        pairs = zip(mp_p, mp_q, strict=True)
        exact = mp.fsum((a / p_sum) * mp.log((a / p_sum) / (b / q_sum)) for a, b in pairs)
        ref = float(exact)
        errors = {
            "infolib": il.kl_divergence(p, q, base=np.e),
            "scipy.stats.entropy": scipy.stats.entropy(p, q),
            "rel_entr().sum()": scipy.special.rel_entr(p, q).sum(),
            "H(p,q) - H(p)": il.cross_entropy(p, q, base=np.e) - il.entropy(p, base=np.e),
        }
        rows.append(
            {
                "case": f"KL, n={n}, q=p(1+{eps:g} noise)",
                "exact": ref,
                "relative_error": {k: abs(v - ref) / ref for k, v in errors.items()},
            }
        )
    z = [50.0, 0.0, 0.0]
    exact = float(mp.log(1 + 2 * mp.e**-50))
    rows.append(
        {
            "case": "loss of logits [50, 0, 0], label 0",
            "exact": exact,
            "relative_error": {
                "infolib": abs(il.cross_entropy_from_logits(z, 0, base=np.e) - exact) / exact,
                "logsumexp(z) - z[y]": abs(scipy.special.logsumexp(z) - z[0] - exact) / exact,
            },
        }
    )
    print_table(
        "Accuracy on the hard cases (relative error against mpmath at 50 digits)",
        ["case", "exact", "relative errors"],
        [
            [
                r["case"],
                f"{r['exact']:.6e}",
                "; ".join(f"{k}: {v:.1e}" for k, v in r["relative_error"].items()),
            ]
            for r in rows
        ],
    )
    return rows


# --------------------------------------------------------------------------- explorers


def bench_explorers(quick: bool) -> dict:
    """The explorers run in the browser: benchmarks/browser.py measures them in Chromium."""
    import browser

    argv = ["--quick"] if quick else []
    if browser.main(argv) != 0:
        raise RuntimeError("benchmarks/browser.py failed (is the site built?)")
    return json.loads(RESULTS.read_text())["browser"]


# --------------------------------------------------------------------------- build


def timed(cmd: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        output = result.stdout[-2000:] + result.stderr[-2000:]
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{output}")
    return elapsed


def bench_build() -> dict:
    bin_dir = Path(sys.executable).parent
    jb = str(bin_dir / "jupyter-book")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        build = [
            jb,
            "build",
            ".",
            "--builder",
            "html",
            "-W",
            "-n",
            "--keep-going",
            "--path-output",
            str(out),
        ]
        clean = timed(build)
        unchanged = timed(build)
        nb_dir = Path(tmp) / "book"
        shutil.copytree(ROOT / "book", nb_dir)
        notebooks = sorted(nb_dir.glob("*.ipynb"))
        execute = timed(
            [sys.executable, str(ROOT / "tools" / "execute_notebooks.py"), *map(str, notebooks)]
        )
    nbval = timed([sys.executable, "-m", "pytest", "book", "-q", "-p", "no:cacheprovider"])
    result = {
        "clean_build_s": clean,
        "unchanged_rebuild_s": unchanged,
        "execute_all_notebooks_s": execute,
        "nbval_s": nbval,
        "notebooks": len(notebooks),
        "share_of_build_executing": 0.0,
        "share_if_build_executed": execute / (execute + clean),
    }
    print_table(
        "Build and test (this machine)",
        ["step", "time", "target"],
        [
            ["clean build (site from stored outputs)", f"{clean:.1f} s", "< 90 s"],
            ["rebuild, nothing changed", f"{unchanged:.1f} s", "< 15 s"],
            [f"execute all {len(notebooks)} notebooks", f"{execute:.1f} s", ""],
            ["nbval: re-execute and compare every notebook", f"{nbval:.1f} s", ""],
        ],
    )
    print(
        "\nThe build executes no notebook (execute_notebooks: off; notebooks are stored "
        "executed and nbval checks them), so 0% of the build is notebook execution. A build "
        f"that executed them would spend {100 * result['share_if_build_executed']:.0f}% of its "
        "time doing so."
    )
    return result


# --------------------------------------------------------------------------- pages


def bench_pages() -> dict | None:
    module_path = ROOT / "tools" / "page_weight.py"
    site = ROOT / "_build" / "html"
    if not site.exists():
        print("\n(pages: no built site in _build/html; run python3 dev.py build first)")
        return None
    spec = importlib.util.spec_from_file_location("page_weight", module_path)
    page_weight = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(page_weight)
    report = page_weight.measure_site(site)
    page_weight.print_report(report)
    return report


# --------------------------------------------------------------------------- main


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "date": time.strftime("%Y-%m-%d"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sections", nargs="*", default=["measures", "explorers", "build", "pages"])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no 10M cases")
    args = parser.parse_args()
    info = machine()
    print(
        f"Machine: {info['cpu']}, {info['cores']} cores; Python {info['python']}, "
        f"NumPy {info['numpy']}; {info['date']}"
    )
    # Sections not run this time keep their previous results in results.json.
    results: dict = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["machine"] = info
    if "measures" in args.sections:
        results["measures"] = bench_measures(args.quick)
        results["accuracy"] = bench_accuracy()
    if "explorers" in args.sections:
        # browser.py writes its own section of results.json; keep it in this run's results.
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
        results["browser"] = bench_explorers(args.quick)
    if "build" in args.sections:
        results["build"] = bench_build()
    if "pages" in args.sections:
        results["pages"] = bench_pages()
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nWrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
