#!/usr/bin/env python3
"""Set-up for newcomers, with nothing but Python 3.11+.

    python3 dev.py serve   install, migrate, load the demo data, run the site
    python3 dev.py test    install the test tools and run the whole test suite

Both create .venv/ on first use and reinstall only when a lock file changes.
"""

import argparse
import hashlib
import os
import secrets
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
LOCKS = {
    "serve": [ROOT / "requirements" / "base.txt"],
    "test": [ROOT / "requirements" / "base.txt", ROOT / "requirements" / "dev.txt"],
}


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*args: str | Path, **kwargs) -> None:
    result = subprocess.run([str(arg) for arg in args], cwd=ROOT, check=False, **kwargs)
    if result.returncode != 0:
        sys.exit(result.returncode)


def install(purpose: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit("diplomacy needs Python 3.11 or newer; this is " + sys.version.split()[0])
    if not PYTHON.exists():
        say("Creating the virtual environment in .venv/")
        venv.EnvBuilder(with_pip=True).create(VENV)
    locks = LOCKS[purpose]
    digest = hashlib.sha256(b"".join(lock.read_bytes() for lock in locks)).hexdigest()
    marker = VENV / f".installed-{purpose}"
    if marker.exists() and marker.read_text() == digest:
        return
    say("Installing the pinned dependencies (" + ", ".join(lock.name for lock in locks) + ")")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    requirements = [arg for lock in locks for arg in ("-r", lock)]
    run(PYTHON, "-m", "pip", "install", "--quiet", *requirements)
    marker.write_text(digest)


def ensure_dotenv() -> None:
    """A local .env with DEBUG on and a secret key of its own."""
    path = ROOT / ".env"
    if path.exists():
        return
    say("Writing .env for local development (see .env.example for every setting)")
    path.write_text(f"DEBUG=true\nSECRET_KEY={secrets.token_urlsafe(50)}\n")


def manage(*args: str) -> None:
    run(PYTHON, "manage.py", *args)


def serve(port: int) -> None:
    install("serve")
    ensure_dotenv()
    manage("compile_translations")
    say("Preparing the database")
    manage("migrate", "--verbosity", "0")
    manage("load_reference_data")
    manage("load_demo_data")
    manage("create_demo_users")
    base = f"http://127.0.0.1:{port}"
    print(
        f"""
    The site:   {base}/en/   (also /ru/ and /ky/)
    The admin:  {base}/admin/
                log in as  editor / editor   (the Editors group)
                       or  admin / admin     (everything)
    The API:    {base}/api/v1/   (documentation at {base}/api/v1/docs/)
    Stop with Ctrl+C.
""",
        flush=True,
    )
    os.chdir(ROOT)
    # Links in pages, feeds and calendars are absolute: make them point here.
    os.environ.setdefault("SITE_URL", base)
    os.execv(str(PYTHON), [str(PYTHON), "manage.py", "runserver", f"127.0.0.1:{port}"])


def test(pytest_args: list[str]) -> None:
    install("test")
    ensure_dotenv()
    manage("compile_translations")
    workers = os.environ.get("TEST_WORKERS", "auto")
    if not shutil.which("chromium") and not os.environ.get("CI"):
        say("Chromium is not installed: the browser tests will be skipped")
    say("Running the test suite")
    run(PYTHON, "-m", "pytest", "-n", workers, *pytest_args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve_parser = commands.add_parser("serve", help="install, load the demo data, run the site")
    serve_parser.add_argument("--port", type=int, default=8000)
    commands.add_parser("test", help="run the whole test suite; other arguments go to pytest")
    arguments, extra = parser.parse_known_args()
    if arguments.command == "serve":
        if extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        serve(arguments.port)
    else:
        test(extra)


if __name__ == "__main__":
    main()
