"""The production configuration, checked the way an operator would: in a fresh process."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x7!pQ2" * 10,
        ALLOWED_HOSTS="news.example.com",
        SECURE_SSL_REDIRECT="1",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DEBUG="0")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_development_starts_without_a_secret_key():
    result = manage("check", DEBUG="1")

    assert result.returncode == 0, result.stderr


def test_a_fresh_checkout_runs_management_commands_with_no_configuration():
    result = manage("makemigrations", "--check", "--dry-run")

    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_a_server_refuses_to_start_on_a_misspelt_setting():
    start = "import newsroom.wsgi"
    result = subprocess.run(
        [sys.executable, "-c", start],
        cwd=PROJECT,
        env={**os.environ, "ARABIC_MONTH_NAMES": "bogus", "DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured: ARABIC_MONTH_NAMES is 'bogus'" in result.stderr
    assert "egyptian" in result.stderr
