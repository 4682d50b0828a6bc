"""Running the project as a separate process, the way an operator would."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Set for the browser tests in this process only; a deployed archive never has them.
_TEST_ONLY = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}


def project_env(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in _TEST_ONLY}
    env.update(overrides)
    return env


def manage(*args, env=None, input=None, timeout=300):
    """Runs manage.py ARGS in a subprocess and returns the CompletedProcess (text mode)."""
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env or project_env(), input=input,
                          capture_output=True, text=True, timeout=timeout)
