import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("NEWSLINE_QUIET", "1")  # no progress bars in test logs

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared():
    "Path to `../shared` (corpora, seed, evaluation sets); skips the test when it is absent, as in a user's clone."
    if not (SHARED / "corpora").is_dir():
        pytest.skip(f"../shared not found at {SHARED}: the shared corpora only exist in the project's CI and dev machines")
    return SHARED


@pytest.fixture(scope="session")
def report_dir(tmp_path_factory):
    "The statements report on the embedded data, made once per test session with `newsline report`."
    import subprocess, sys
    out = tmp_path_factory.mktemp("report") / "report"
    r = subprocess.run([str(Path(sys.executable).parent / "newsline"), "report", "-q", "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    return out


@pytest.fixture(scope="session")
def docs_site():
    "Build the docs site once per session (`nbdev-proc-nbs`, then `smalldocs render _proc`); return the render log."
    import subprocess, sys
    bin_ = Path(sys.executable).parent
    r = subprocess.run([str(bin_ / "nbdev-proc-nbs")], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, (r.stdout + r.stderr)[-3000:]
    r = subprocess.run([str(bin_ / "smalldocs"), "render", "_proc"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, (r.stdout + r.stderr)[-3000:]
    return r.stdout + r.stderr


# No network: newsline must work offline, so any connection to another host fails the test. Only this machine is allowed
# (AF_UNIX sockets, 127.0.0.1/::1/localhost), for the local Dask cluster, Jupyter server and docs server other tests start.
# The guard covers code running in the pytest process (tests, notebooks run by test_notebooks), not subprocesses.
import ipaddress
import socket

NETWORK_ATTEMPTS = []  # (call, address) of the connections blocked during the current test


class NetworkBlocked(OSError):
    "A test, or the code it ran, tried to reach a host other than this machine."


def _is_local(host) -> bool:
    if host is None: return True
    if isinstance(host, bytes): host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%")[0].lower()
    if host in ("", "localhost", "ip6-localhost", "ip6-loopback") or host.endswith(".localhost"): return True
    try: ip = ipaddress.ip_address(host)
    except ValueError: return False
    return ip.is_loopback or ip.is_unspecified


def _guard(call, family, address):
    if family not in (socket.AF_INET, socket.AF_INET6): return  # AF_UNIX, socketpair, netlink: local by nature
    host = address[0] if isinstance(address, (tuple, list)) and address else address
    if not _is_local(host):
        NETWORK_ATTEMPTS.append((call, address))
        raise NetworkBlocked(f"network access blocked in tests: {call}{address!r}; newsline must never connect "
                             "anywhere (only AF_UNIX and localhost connections are allowed)")


@pytest.fixture(scope="session", autouse=True)
def _block_network():
    "Patch socket.connect, connect_ex, create_connection and getaddrinfo for the whole session to refuse other hosts."
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_create, real_getaddrinfo = socket.create_connection, socket.getaddrinfo
    hostname = socket.gethostname()

    def family(sock):  # a UDP connect() sends nothing (distributed uses one to learn its own address): let it be
        return None if sock.type == socket.SOCK_DGRAM else sock.family

    def connect(self, address):
        _guard("socket.connect", family(self), address)
        return real_connect(self, address)

    def connect_ex(self, address):
        _guard("socket.connect_ex", family(self), address)
        return real_connect_ex(self, address)

    def create_connection(address, *args, **kwargs):
        _guard("socket.create_connection", socket.AF_INET, address)
        return real_create(address, *args, **kwargs)

    def getaddrinfo(host, *args, **kwargs):  # a DNS lookup is a network request too (this machine's own name is local)
        if host != hostname: _guard("socket.getaddrinfo", socket.AF_INET, (host,))
        return real_getaddrinfo(host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", connect)
        mp.setattr(socket.socket, "connect_ex", connect_ex)
        mp.setattr(socket, "create_connection", create_connection)
        mp.setattr(socket, "getaddrinfo", getaddrinfo)
        yield


@pytest.fixture(autouse=True)
def network_attempts(_block_network):
    "The connections blocked so far in this test; the test fails at teardown if any remain (a test expecting some clears it)."
    NETWORK_ATTEMPTS.clear()
    yield NETWORK_ATTEMPTS
    attempts = list(NETWORK_ATTEMPTS)
    NETWORK_ATTEMPTS.clear()
    if attempts: pytest.fail(f"the test tried to reach the network (newsline must work offline): {attempts}", pytrace=False)
