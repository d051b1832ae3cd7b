"""`supple serve` on a network address: refused without accounts and HTTPS; with TLS or behind
a proxy it starts and prints the address it really listens on. The DNS-rebinding request of the
issue fails against the real server."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.web.browser import free_port

SUPPLE = [sys.executable, "-m", "supple"]


def _run(
    *args: str, env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SUPPLE, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        input=stdin,
        check=False,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "SUPPLE_DATABASE_URL": str(tmp_path / "s.db"),
    }


def _accounts(env: dict[str, str]) -> None:
    made = _run(
        "account",
        "create",
        "a@x.example",
        "--role",
        "admin",
        "--password-stdin",
        env=env,
        stdin="a long enough passphrase\n",
    )
    assert made.returncode == 0, made.stderr


def _certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@contextmanager
def _serving(*args: str, env: dict[str, str], url: str) -> Iterator[dict[str, str]]:
    """The server running; after the block, ``["out"]`` is what it printed."""
    proc = subprocess.Popen(
        [*SUPPLE, "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    printed: dict[str, str] = {}
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url, timeout=2, verify=False)
                break
            except httpx.TransportError:
                assert proc.poll() is None, "supple serve stopped"
                assert time.monotonic() < deadline, "supple serve did not answer"
                time.sleep(0.2)
        yield printed
    finally:
        proc.terminate()
        printed["out"], printed["err"] = proc.communicate(timeout=20)


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_a_network_address_needs_accounts_first(env: dict[str, str], host: str) -> None:
    done = _run("serve", "--host", host, "--port", str(free_port()), env=env)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "make an account first" in done.stderr and "Traceback" not in done.stderr


def test_a_network_address_needs_https(env: dict[str, str], tmp_path: Path) -> None:
    _accounts(env)
    plain = _run("serve", "--host", "0.0.0.0", "--port", str(free_port()), env=env)
    assert plain.returncode == 2 and "needs HTTPS" in plain.stderr
    half = _run("serve", "--host", "0.0.0.0", "--tls-cert", str(tmp_path / "c.pem"), env=env)
    assert half.returncode == 2 and "go together" in half.stderr
    missing = _run(
        "serve",
        "--tls-cert",
        str(tmp_path / "c.pem"),
        "--tls-key",
        str(tmp_path / "k.pem"),
        env=env,
    )
    assert missing.returncode == 2 and "No such file" in missing.stderr


def test_with_tls_it_serves_https_and_prints_the_real_address(
    env: dict[str, str], tmp_path: Path
) -> None:
    _accounts(env)
    cert, key = _certificate(tmp_path)
    port = free_port()
    args = (
        "--host",
        "0.0.0.0",
        "--port",
        str(port),
        "--tls-cert",
        str(cert),
        "--tls-key",
        str(key),
    )
    with _serving(*args, env=env, url=f"https://127.0.0.1:{port}/login") as printed:
        answer = httpx.get(f"https://127.0.0.1:{port}/login", verify=False)
        assert answer.status_code == 200 and "Sign in" in answer.text
        assert answer.headers["strict-transport-security"].startswith("max-age=")
        assert httpx.get(f"https://127.0.0.1:{port}/today", verify=False).status_code == 303
    assert f"listening on 0.0.0.0:{port} (every network interface)" in printed["out"]
    assert "Open https://" in printed["out"]


def test_behind_a_proxy_it_believes_the_proxys_https(env: dict[str, str]) -> None:
    _accounts(env)
    port = free_port()
    with _serving(
        "--host",
        "0.0.0.0",
        "--port",
        str(port),
        "--behind-proxy",
        env=env,
        url=f"http://127.0.0.1:{port}/login",
    ):
        proxied = httpx.get(
            f"http://127.0.0.1:{port}/login", headers={"X-Forwarded-Proto": "https"}
        )
        assert "strict-transport-security" in proxied.headers  # the proxy on 127.0.0.1 is trusted
        direct = httpx.get(f"http://127.0.0.1:{port}/login")
        assert "strict-transport-security" not in direct.headers


def test_the_dns_rebinding_request_fails(env: dict[str, str]) -> None:
    port = free_port()
    with _serving("--port", str(port), env=env, url=f"http://127.0.0.1:{port}/"):
        ok = httpx.get(f"http://127.0.0.1:{port}/api/v1/auth/me")
        assert ok.status_code == 200 and ok.json()["mode"] == "single"
        rebound = httpx.get(
            f"http://127.0.0.1:{port}/api/v1/profile", headers={"Host": "attacker.example:8877"}
        )
        assert rebound.status_code == 400
        forged = httpx.post(
            f"http://127.0.0.1:{port}/check",
            headers={"Origin": "http://evil.example"},
            data={"flag_cancer_history": "yes"},
        )
        assert forged.status_code == 403
