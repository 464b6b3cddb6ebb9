"""`claims`: the command line of the pipeline.

  claims extract INPUT... --out DIR     ingest + extract + normalize in one go
  claims ingest INPUT... --out DIR      stage 1 (DVC): papers.parquet
  claims find DIR --out DIR             stage 2 (DVC): papers + quantities with roles and context
  claims normalize DIR --out DIR        stage 3 (DVC): claims with units, final papers
  claims evaluate --gold FILE DIR       the dev-gold figures (same as the guideline's scorer)
  claims validate DIR                   contract (great-expectations) and reviewer flags
  claims compare DIR                    one row per (named baseline, paper, claim) + indirect estimates
  claims report DIR                     the static dashboard DIR/report/index.html
  claims check [FILE|-]                 claims of pasted abstracts, with their flags

Bad input (extract, ingest, find):
  A bad record - a line that is not JSON or not an object, a truncated last line, bytes that are
  not UTF-8, a CSV row with surplus fields - is rejected with its file, line and reason into
  OUT/rejects.jsonl (always written; empty when nothing was rejected) and a warning on stderr;
  every other paper is processed and the exit status is 0. So is a paper whose extraction fails or
  runs past --time-limit: it stays in `papers` without claims, and is listed in rejects.jsonl.
  A file that cannot be read at all - missing, empty, binary, a CSV header with neither `title`
  nor `abstract` - is an error naming the file: exit status 2 and nothing is written.
  Only the first 20,000 characters of an abstract are read, and a run of 200 or more characters
  without a space is skipped; both with a warning. --strict makes the first reject an error.
  Errors print one line without a traceback; --debug shows tracebacks.

Streaming (extract): inputs are read lazily (JSONL and CSV, plain or .gz) and processed in chunks of
--chunk-size papers, each appended to the tables as a Parquet row group, so memory stays flat for any
corpus size; a progress bar shows on a terminal (not under CI). --categories cs.DC,cs.LG keeps the
papers of those (arXiv) categories. --engine dask runs the chunks on Dask workers (a LocalCluster of
--workers processes, or the cluster at --scheduler ADDRESS) with output identical to the default.
"""
from __future__ import annotations

import argparse
import sys
import traceback

from pipeline import __version__
from pipeline.core.config import DEFAULT_CHUNK_SIZE, DEFAULT_TIME_LIMIT, RULES_VARIABLE, rules_dir
from pipeline.core.errors import ClaimscopeError


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args) or 0
    except ClaimscopeError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"claims: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("claims: interrupted (tables already written are whole; the rest are not written)", file=sys.stderr)
        return 130
    except OSError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"claims: error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: say so in one line, the traceback only on request
        if args.debug:
            traceback.print_exc()
        print(f"claims: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
              file=sys.stderr)
        return 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claims", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", metavar="DIR",
                        help=f"rules directory (default: ${RULES_VARIABLE}, else the rules shipped with the package)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--version", action="version", version=f"claimscope {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="ingest, extract and normalize in one go",
                       description="Ingest, extract and normalize, streaming the inputs in chunks; bad records go "
                                   "to OUT/rejects.jsonl (see `claims --help`).")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="poster-session text, JSONL, CSV or the arXiv snapshot (plain or .gz), detected by content")
    p.add_argument("--out", required=True, metavar="DIR", help="the folder the tables are written to")
    _bad_input_options(p, time_limit=True)
    _categories_option(p)
    p.add_argument("--chunk-size", type=_positive_int, default=DEFAULT_CHUNK_SIZE, metavar="N",
                   help="papers per chunk (one Parquet row group each; default %(default)d)")
    p.add_argument("--engine", choices=("single", "dask"), default="single",
                   help="single: this process (default); dask: chunks run on Dask workers, same output")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler of a running cluster (tcp://host:8786); default: "
                        "a LocalCluster started for the run")
    p.add_argument("--workers", type=_positive_int, metavar="N",
                   help="with --engine dask: worker processes of the LocalCluster (default: one per core); with "
                        "--scheduler, the workers to wait for before starting")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress bar on stderr (default: on a terminal, and not when CI is set)")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("ingest", help="stage: read inputs into papers.parquet",
                       description="Read inputs into papers; bad records go to OUT/rejects.jsonl.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="poster-session text, JSONL, CSV or the arXiv snapshot (plain or .gz), detected by content")
    p.add_argument("--out", required=True, metavar="DIR", help="the folder the tables are written to")
    _bad_input_options(p, time_limit=False)
    _categories_option(p)
    p.set_defaults(func=_cmd_ingest)

    p = sub.add_parser("find", help="stage: number mentions with roles and context",
                       description="Number mentions with roles; failed papers go to OUT/rejects.jsonl.")
    p.add_argument("source", metavar="DIR", help="the ingest stage's folder (papers.parquet)")
    p.add_argument("--out", required=True, metavar="DIR", help="the folder papers and quantities are written to")
    _bad_input_options(p, time_limit=True)
    p.set_defaults(func=_cmd_find)

    p = sub.add_parser("normalize", help="stage: claims with pint units",
                       description="Result quantities become claims with pint-checked units; the final papers.")
    p.add_argument("source", metavar="DIR", help="the find stage's folder (papers and quantities)")
    p.add_argument("--out", required=True, metavar="DIR", help="the folder papers, claims and quantities go to")
    p.set_defaults(func=_cmd_normalize)

    p = sub.add_parser("evaluate", help="score DIR's tables against a gold file",
                       usage="claims evaluate --gold FILE [FILE ...] DIR [--metrics FILE] [--errors FILE] "
                             "[--bootstrap N]")
    p.add_argument("directory", nargs="?", help="the tables directory (papers, claims) to score")
    p.add_argument("--gold", required=True, nargs="+", metavar="FILE",
                   help="one or more gold JSONL files (scored together); DIR may follow them")
    p.add_argument("--metrics", help="write the figures (and table counts) to this JSON file")
    p.add_argument("--errors", help="write missed and spurious claims per paper to this JSONL file")
    p.add_argument("--bootstrap", type=int, default=0, metavar="N",
                   help="also print a 90%% interval of each figure from N resamples of the gold papers "
                        "(seeded, so a rerun prints the same)")
    p.set_defaults(func=_cmd_evaluate)

    p = sub.add_parser("validate", help="check DIR's tables: contract and reviewer flags")
    p.add_argument("directory", metavar="DIR", help="a tables directory (papers, claims)")
    p.add_argument("--out", help="where flags and the report go (default: DIR)")
    p.add_argument("--metrics", help="validation.json path (default: OUT/validation.json)")
    p.add_argument("--params", default="params.yaml", help="thresholds (the validate: section)")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("compare", help="line papers up by the named baselines they compare against")
    p.add_argument("directory", metavar="DIR", help="a tables directory (papers, claims)")
    p.add_argument("--out", help="where comparisons.parquet goes (default: DIR)")
    p.set_defaults(func=_cmd_compare)

    p = sub.add_parser("report", help="write the static claims dashboard")
    p.add_argument("directory", help="a directory with papers/claims (and comparisons, flags) tables")
    p.add_argument("--out", help="report folder (default: DIR/report)")
    p.add_argument("--comparisons", help="comparisons.parquet (default: DIR/comparisons.parquet)")
    p.add_argument("--flags", help="flags.parquet (default: DIR/flags.parquet)")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("check", help="print the claims of a pasted or given abstract",
                       description="Print each claim of the abstract(s) with its fields, reviewer flags and "
                                   "sentence, fitted to the terminal's width.")
    p.add_argument("input", nargs="?", default="-",
                   help="a file (JSONL, CSV, poster text, or plain text), or '-' for standard input (default)")
    p.add_argument("--split", action="store_true",
                   help="plain text holds several abstracts, separated by blank lines (default: one abstract)")
    p.set_defaults(func=_cmd_check)
    return parser


def _bad_input_options(p: argparse.ArgumentParser, *, time_limit: bool) -> None:
    p.add_argument("--strict", action="store_true",
                   help="stop with an error (exit 2) at the first bad record instead of rejecting it")
    if time_limit:
        p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                       help="seconds one paper may take before it is rejected (default %(default)g; 0: none)")


def _categories_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--categories", metavar="LIST", type=_category_list,
                   help="keep only papers in one of these comma-separated categories (arXiv: cs.DC,cs.LG; 'cs' "
                        "keeps every cs.*); records without a categories field are left out, with a warning")


def _category_list(text: str) -> list[str]:
    names = [c.strip() for c in text.replace(" ", ",").split(",") if c.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give at least one category, e.g. cs.DC,cs.LG")
    return names


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def _rules(args):
    from pipeline.core.rules import load_rules

    return load_rules(rules_dir(args.rules))


def _cmd_extract(args) -> int:
    from pipeline.run.stream import extract_to

    if args.engine != "dask" and (args.scheduler or args.workers):
        raise ClaimscopeError("--scheduler and --workers go with --engine dask")
    summary = extract_to(args.inputs, args.out, rules_dir(args.rules), strict=args.strict, time_limit=args.time_limit,
                         debug=args.debug, chunk_size=args.chunk_size, categories=args.categories,
                         engine=args.engine, scheduler=args.scheduler, workers=args.workers, progress=args.progress)
    summary.report(args.out)
    return 0


def _cmd_ingest(args) -> int:
    from pipeline.run.stages import ingest_stage

    ingest_stage(args.inputs, args.out, strict=args.strict, categories=args.categories)
    return 0


def _cmd_find(args) -> int:
    from pipeline.run.stages import find_stage

    find_stage(args.source, args.out, _rules(args), strict=args.strict, time_limit=args.time_limit, debug=args.debug)
    return 0


def _cmd_normalize(args) -> int:
    from pipeline.run.stages import normalize_stage

    normalize_stage(args.source, args.out, _rules(args))
    return 0


def _cmd_evaluate(args) -> int:
    from pipeline.review.evaluate import evaluate_directory

    if args.directory is None:  # `--gold A B DIR`: the option took DIR too
        if len(args.gold) < 2:
            raise ClaimscopeError("evaluate: give the tables directory: claims evaluate --gold FILE... DIR")
        args.directory = args.gold.pop()

    return evaluate_directory(args.directory, args.gold, metrics_path=args.metrics,
                              errors_path=args.errors, bootstrap=args.bootstrap)


def _cmd_validate(args) -> int:
    from pipeline.core.config import load_validate_params
    from pipeline.review.validate import run_validate

    status = run_validate(args.directory, _rules(args), load_validate_params(args.params), out=args.out,
                          metrics=args.metrics)
    if status:
        print("claims: contract expectations failed; see validation.json / validation.html", file=sys.stderr)
    return status


def _cmd_compare(args) -> int:
    from pipeline.review.compare import run_compare

    rows, pairs = run_compare(args.directory, _rules(args), out=args.out)
    print(f"{rows} comparisons, {pairs} indirect estimates", file=sys.stderr)
    return 0


def _cmd_report(args) -> int:
    from pipeline.review.report import build_report

    print(build_report(args.directory, args.out, comparisons=args.comparisons, flags=args.flags), file=sys.stderr)
    return 0


def _cmd_check(args) -> int:
    from pipeline.run.check import check

    return check(args.input, _rules(args), split=args.split)


if __name__ == "__main__":
    sys.exit(main())
