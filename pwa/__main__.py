"""Command line: `python -m pwa [--host H] [--port P] [--data-dir DIR]` serves the app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pwa import APP_NAME
from pwa.adapters.data_location import DATA_DIR_ENV, resolve_data_dir
from pwa.adapters.web_client import WebClientError
from pwa.core.guide import ContentError


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    from pwa.server import DEFAULT_HOST, DEFAULT_PORT

    parser = argparse.ArgumentParser(prog="python -m pwa", description=f"Serve {APP_NAME} on this machine.")
    parser.add_argument("--host", default=DEFAULT_HOST, help="address to bind (default: %(default)s, this machine only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default: %(default)s; 0 picks a free one)")
    parser.add_argument(
        "--data-dir",
        help=f"folder for your data (default: ${DATA_DIR_ENV}, else your user data folder)",
    )
    parser.add_argument(
        "--key-file",
        help="network mode only: keep the access key in this file, so one key works across runs",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from pwa.server import ServerStartError, serve

    key_file = Path(args.key_file).expanduser() if args.key_file else None
    try:
        serve(resolve_data_dir(args.data_dir), host=args.host, port=args.port, key_file=key_file)
    except (ServerStartError, WebClientError, ContentError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
