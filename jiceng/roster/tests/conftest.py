import pytest


@pytest.fixture(autouse=True)
def roster_var_dir(settings, tmp_path):
    """Uploads waiting for confirmation go to a directory of the test's own."""
    settings.VAR_DIR = tmp_path
    return tmp_path
