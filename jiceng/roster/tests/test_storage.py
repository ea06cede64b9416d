import os
import time

import pytest

from jiceng.roster import storage


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def test_an_upload_is_kept_for_its_user_only(county):
    token = storage.save(b"data", county.township_admin_a, county.town_a, "花名册.xlsx")
    data, meta = storage.load(token, county.township_admin_a)
    assert data == b"data"
    assert meta["organization_id"] == county.town_a.pk and meta["filename"] == "花名册.xlsx"
    with pytest.raises(storage.PendingImportNotFound):
        storage.load(token, county.township_admin_b)


@pytest.mark.parametrize("token", ["", "../../secret_key", "a" * 31, "A" * 32, "0" * 32 + "/x", None, 12])
def test_a_token_that_is_not_32_hex_digits_names_nothing(county, token):
    with pytest.raises(storage.PendingImportNotFound):
        storage.load(token, county.township_admin_a)
    storage.discard(token)  # never raises, never touches a path outside the directory


def test_uploads_older_than_a_day_are_deleted_when_a_new_one_arrives(county, var_dir):
    old = storage.save(b"old", county.township_admin_a, county.town_a, "a.xlsx")
    recent = storage.save(b"recent", county.township_admin_a, county.town_a, "b.xlsx")
    day_and_a_bit = time.time() - 25 * 3600
    for name in (old, f"{old}.json"):
        os.utime(var_dir / "imports" / name, (day_and_a_bit, day_and_a_bit))
    storage.save(b"new", county.township_admin_a, county.town_a, "c.xlsx")
    names = {p.name for p in (var_dir / "imports").iterdir()}
    assert old not in names and f"{old}.json" not in names
    assert recent in names


def test_discard_removes_the_file_and_its_sidecar(county, var_dir):
    token = storage.save(b"x", county.township_admin_a, county.town_a, "a.xlsx")
    storage.discard(token)
    assert list((var_dir / "imports").iterdir()) == []
