"""The load benchmark's pure parts: reading wrk's summary and pointing the VCL at gunicorn."""

import pytest

from bench.loadtools import parse_wrk, percentile, point_backend

CLEAN_RUN = """\
Running 3s test @ http://127.0.0.1:39333/robots.txt
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.42ms    2.08ms  58.62ms   90.26%
    Req/Sec     1.08k   179.16     1.32k    55.00%
  Latency Distribution
     50%  806.00us
     75%    8.15ms
     90%    9.45ms
     99%   13.90ms
  6460 requests in 3.00s, 4.98MB read
Requests/sec:   2150.35
Transfer/sec:      1.66MB
"""

FAILING_RUN = """\
Running 5s test @ http://127.0.0.1:39333/sitemap.xml
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.20s   300.00ms   2.90s    70.00%
    Req/Sec     5.00      2.00    10.00     60.00%
  Latency Distribution
     50%    1.17s
     75%    1.40s
     90%    1.80s
     99%    2.90s
  60 requests in 5.01s, 1.20MB read
  Socket errors: connect 0, read 3, write 1, timeout 2
  Non-2xx or 3xx responses: 4
Requests/sec:     11.98
Transfer/sec:    245.00KB
"""


def test_wrk_summary_gives_rate_percentiles_in_milliseconds_and_no_errors():
    result = parse_wrk(CLEAN_RUN)

    assert result.requests == 6460
    assert result.rps == 2150.35
    assert result.p50_ms == pytest.approx(0.806)
    assert result.p99_ms == pytest.approx(13.9)
    assert result.errors == 0


def test_error_responses_and_socket_errors_both_count_as_errors():
    result = parse_wrk(FAILING_RUN)

    assert result.p50_ms == pytest.approx(1170)
    assert result.p99_ms == pytest.approx(2900)
    assert result.errors == 4 + 3 + 1 + 2


def test_output_without_the_latency_distribution_is_refused():
    without = "\n".join(line for line in CLEAN_RUN.splitlines() if "%" not in line)

    with pytest.raises(ValueError, match="--latency"):
        parse_wrk(without)


def test_percentile_is_the_nearest_rank():
    assert percentile([float(n) for n in range(1, 101)], 99) == 99.0
    assert percentile([5.0], 50) == 5.0
    assert percentile([], 99) is None


def test_the_default_backend_is_pointed_at_gunicorn_and_nothing_else_changes():
    vcl = """vcl 4.1;
import xkey;

backend default {
    .host = "10.0.0.5";
    .port = "8001";
    .probe = { .url = "/healthz"; .interval = 5s; }
}

backend other { .host = "10.0.0.6"; .port = "8001"; }

sub vcl_recv { if (req.url ~ "^/admin") { return (pass); } }
"""
    pointed = point_backend(vcl, 41234)

    assert '.host = "127.0.0.1";\n    .port = "41234";' in pointed
    assert 'backend other { .host = "10.0.0.6"; .port = "8001"; }' in pointed
    assert pointed.replace("127.0.0.1", "10.0.0.5", 1).replace("41234", "8001") == vcl


def test_a_vcl_without_a_default_backend_is_refused():
    with pytest.raises(ValueError, match="no backend named default"):
        point_backend('vcl 4.1;\nbackend web { .host = "x"; .port = "1"; }\n', 8000)


def test_a_page_slower_than_the_run_has_no_latencies():
    nothing = CLEAN_RUN.replace("6460 requests", "0 requests").replace("2150.35", "0.00")

    result = parse_wrk(nothing)

    assert (result.requests, result.rps, result.p50_ms, result.p99_ms) == (0, 0.0, None, None)
