"""The parts of the benchmarks that need no Django: load generators and Varnish's VCL.

wrk, or a bounded Python client when wrk is missing, load one URL for a number
of seconds over a number of connections and give the same figures: requests,
requests per second, median and p99 latency, and errors the way wrk counts them
(responses with a status of 400 or more, plus connect, read, write and timeout
errors).
"""

import http.client
import math
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# wrk prints times with these units (format_time in wrk's units.c).
TIME_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}
TIME = r"([\d.]+)(us|ms|s|m|h)"
REQUEST_TIMEOUT = 10  # seconds a request may take before it counts as an error


@dataclass(frozen=True)
class Result:
    requests: int
    rps: float
    p50_ms: float | None  # None when no request finished in time
    p99_ms: float | None
    errors: int


def wrk_path() -> str | None:
    return shutil.which("wrk")


def wrk_version() -> str:
    """wrk has no version flag: it names itself in the usage text (``-v``)."""
    output = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout
    return output.split(" Copyright")[0].strip()


def run_wrk(url: str, *, duration: int, connections: int, headers: dict[str, str]) -> Result:
    """``wrk -t2 -c<connections> -d<duration>s --latency``: stops after ``duration``."""
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{duration}s",
        f"--timeout={REQUEST_TIMEOUT}s",
        "--latency",
        *(option for name, value in headers.items() for option in ("-H", f"{name}: {value}")),
        url,
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + REQUEST_TIMEOUT + 30
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr or done.stdout}")
    return parse_wrk(done.stdout)


def parse_wrk(output: str) -> Result:
    """The figures of wrk's summary, as printed with ``--latency``."""

    def found(pattern: str) -> re.Match | None:
        return re.search(pattern, output, re.MULTILINE)

    requests, rate = found(r"^\s*(\d+) requests in "), found(r"^Requests/sec:\s+([\d.]+)")
    if not requests or not rate:
        raise ValueError(f"this is not wrk's summary:\n{output}")
    latencies = {}
    for percent in (50, 99):
        match = found(rf"^\s*{percent}%\s+{TIME}\s*$")
        if not match:
            raise ValueError(f"wrk's output has no {percent}% latency (run it with --latency)")
        # With no request finished, wrk prints 0 latencies: there are none.
        latencies[percent] = float(match[1]) * TIME_UNITS[match[2]] if int(requests[1]) else None
    statuses = found(r"Non-2xx or 3xx responses: (\d+)")
    sockets = found(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
    return Result(
        requests=int(requests[1]),
        rps=float(rate[1]),
        p50_ms=latencies[50],
        p99_ms=latencies[99],
        errors=(int(statuses[1]) if statuses else 0)
        + (sum(int(count) for count in sockets.groups()) if sockets else 0),
    )


def run_python(
    url: str, *, duration: int, connections: int, max_requests: int, headers: dict[str, str]
) -> Result:
    """One thread per connection, each keeping its HTTP connection alive (reopened when the
    server closes it), until ``duration`` seconds or ``max_requests`` requests in all."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0
    budget = max_requests
    deadline = time.monotonic() + duration

    def take_one() -> bool:
        nonlocal budget
        with lock:
            budget -= 1
            return budget >= 0

    def client() -> None:
        nonlocal errors
        connection = http.client.HTTPConnection(parts.hostname, parts.port, REQUEST_TIMEOUT)
        mine, failed = [], 0
        while time.monotonic() < deadline and take_one():
            start = time.perf_counter()
            try:
                connection.request("GET", target, headers=headers)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                connection.close()
                failed += 1
                continue
            mine.append((time.perf_counter() - start) * 1000)
            failed += response.status >= 400
        connection.close()
        with lock:
            latencies.extend(mine)
            errors += failed

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    latencies.sort()
    return Result(
        requests=len(latencies),
        rps=len(latencies) / seconds,
        p50_ms=percentile(latencies, 50),
        p99_ms=percentile(latencies, 99),
        errors=errors,
    )


def percentile(ordered: list[float], percent: float) -> float | None:
    """The nearest-rank percentile of an ordered list (None for an empty one)."""
    if not ordered:
        return None
    return ordered[max(0, math.ceil(len(ordered) * percent / 100) - 1)]


def point_backend(vcl: str, port: int) -> str:
    """``vcl`` with its backend ``default`` at 127.0.0.1:``port``."""
    start = re.search(r"\bbackend\s+default\s*\{", vcl)
    if not start:
        raise ValueError("the VCL has no backend named default")
    end, depth = start.end(), 1
    while depth:
        if end == len(vcl):
            raise ValueError("the VCL's backend default has no closing brace")
        depth += {"{": 1, "}": -1}.get(vcl[end], 0)
        end += 1
    block = vcl[start.end() : end]
    for field, value in (("host", "127.0.0.1"), ("port", str(port))):
        block, found = re.subn(rf'(\.{field}\s*=\s*)"[^"]*"', rf'\g<1>"{value}"', block, count=1)
        if not found:
            raise ValueError(f"the VCL's backend default has no .{field}")
    return vcl[: start.end()] + block + vcl[end:]


# Sends each connection round ``paths``; counts every status, the page cache's hits and
# socket errors, printed by done() for ``run_wrk_round_robin``.
ROUND_ROBIN_SCRIPT = """
local paths = {%s}
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  statuses = {}
  hits = 0
  counter = id
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 end
end
function done(summary, latency, requests)
  local totals, all_hits = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
    all_hits = all_hits + thread:get("hits")
  end
  for status, count in pairs(totals) do
    io.write(string.format("status %%d %%d\\n", status, count))
  end
  local e = summary.errors
  io.write(string.format("socket %%d %%d %%d %%d\\n", e.connect, e.read, e.write, e.timeout))
  io.write(string.format("hits %%d\\n", all_hits))
end
"""


@dataclass
class RoundRobin:
    """What ``run_wrk_round_robin`` counted."""

    statuses: dict[int, int]
    sockets: list[int]  # connect, read, write, timeout errors
    hits: int  # answers the page cache served
    seconds: float

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def run_wrk_round_robin(
    origin: str, paths: list[str], *, duration: int, connections: int
) -> RoundRobin:
    """wrk sending each connection round ``paths`` for ``duration`` seconds."""
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(ROUND_ROBIN_SCRIPT % ", ".join(f'"{path}"' for path in paths))
    started = time.monotonic()
    try:
        done = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout=10s",
             "-s", str(script), origin],
            capture_output=True, text=True, timeout=duration + 60,
        )  # fmt: skip
    finally:
        script.unlink()
    seconds = time.monotonic() - started
    counted = RoundRobin({}, [0, 0, 0, 0], 0, seconds)
    for line in done.stdout.splitlines():
        kind, *numbers = line.split()
        if kind == "status":
            counted.statuses[int(numbers[0])] = int(numbers[1])
        elif kind == "socket":
            counted.sockets = [int(number) for number in numbers]
        elif kind == "hits":
            counted.hits = int(numbers[0])
    return counted
