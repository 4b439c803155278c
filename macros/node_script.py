"""One of the build's Node.js scripts, run with a JSON request on its input.

Workbox (the service worker) and Terser (the minified scripts) are npm
packages, so the build hands their work to a small script of ours in Node
and reads a JSON answer back; both steps fail the build, with the tool's own
words, rather than leave the site half written.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run_node_script(script: Path, request: object, tool: str, task: str, env: dict[str, str] | None = None) -> Any:
    """The JSON ``script`` prints for ``request``; ``tool`` and ``task`` name
    what failed ("Terser", "minify the site's scripts")."""
    node = shutil.which("node")
    if not node:
        raise FileNotFoundError(f"Node.js is needed at build time to {task} ({tool})")
    result = subprocess.run(
        [node, str(script)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{tool} could not {task}:\n{result.stderr}")
    return json.loads(result.stdout)
