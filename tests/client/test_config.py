"""Where the client takes its URL and key from, and in which order."""

from __future__ import annotations

from pathlib import Path

import pytest

from client.config import DEFAULT_API_URL, default_config_path, resolve_config
from client.errors import ConfigError

pytestmark = pytest.mark.unit


def write_dev_stack(repo: Path, key: str = "dsk_dev", port: int | None = None) -> Path:
    run = repo / ".run"
    run.mkdir(parents=True)
    (run / "dev-api-key").write_text(f"{key}\n")
    if port is not None:
        (run / "dossier.env").write_text(
            f"DOSSIER_GATEWAY_HOST=127.0.0.1\nDOSSIER_GATEWAY_PORT={port}\n"
        )
    return run


def write_config(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_arguments_win_over_environment_file_and_dev_stack(tmp_path: Path) -> None:
    write_dev_stack(tmp_path, port=9100)
    config_file = write_config(
        tmp_path / "c.toml", 'api_url = "http://file:1"\napi_key = "file-key"\n'
    )
    env = {"DOSSIER_API_URL": "http://env:1", "DOSSIER_API_KEY": "env-key"}

    config = resolve_config(
        api_url="http://arg:1/",
        api_key="arg-key",
        notifier_url="ws://arg:2/ws",
        config_path=config_file,
        env=env,
        cwd=tmp_path,
    )

    assert (config.api_url, config.api_key, config.notifier_url) == (
        "http://arg:1",
        "arg-key",
        "ws://arg:2/ws",
    )


def test_environment_wins_over_the_config_file(tmp_path: Path) -> None:
    config_file = write_config(
        tmp_path / "c.toml",
        'api_url = "http://file:1"\napi_key = "file-key"\nnotifier_url = "ws://file:2/ws"\n',
    )
    env = {
        "DOSSIER_CONFIG": str(config_file),
        "DOSSIER_API_KEY": "env-key",
        "DOSSIER_NOTIFIER_URL": "ws://env:2/ws",
    }

    config = resolve_config(env=env, cwd=tmp_path)

    assert config.api_key == "env-key"
    assert config.notifier_url == "ws://env:2/ws"
    assert config.api_url == "http://file:1"


def test_the_config_file_wins_over_the_dev_stack(tmp_path: Path) -> None:
    write_dev_stack(tmp_path, port=9100)
    config_dir = tmp_path / "xdg"
    write_config(config_dir / "dossier" / "config.toml", 'api_key = "file-key"\n')

    config = resolve_config(env={"XDG_CONFIG_HOME": str(config_dir)}, cwd=tmp_path)

    assert config.api_key == "file-key"
    assert config.api_url == "http://127.0.0.1:9100"


def test_dev_key_and_port_of_make_up_are_found_from_a_subfolder_of_the_repo(
    tmp_path: Path,
) -> None:
    write_dev_stack(tmp_path, key="dsk_local", port=9200)
    inside = tmp_path / "docs" / "decisions"
    inside.mkdir(parents=True)

    config = resolve_config(env={"XDG_CONFIG_HOME": str(tmp_path / "none")}, cwd=inside)

    assert config.api_key == "dsk_local"
    assert config.api_url == "http://127.0.0.1:9200"
    assert config.notifier_url is None


def test_run_dir_from_the_environment_replaces_the_search(tmp_path: Path) -> None:
    run = write_dev_stack(tmp_path / "elsewhere", key="dsk_moved")
    env = {"DOSSIER_RUN_DIR": str(run), "XDG_CONFIG_HOME": str(tmp_path / "none")}

    config = resolve_config(env=env, cwd=tmp_path)

    assert config.api_key == "dsk_moved"
    assert config.api_url == DEFAULT_API_URL


def test_without_a_key_anywhere_the_error_says_where_to_put_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="DOSSIER_API_KEY"):
        resolve_config(env={"XDG_CONFIG_HOME": str(tmp_path)}, cwd=tmp_path)


def test_a_named_config_file_must_exist_while_the_default_one_may_not(tmp_path: Path) -> None:
    env = {"DOSSIER_API_KEY": "k", "XDG_CONFIG_HOME": str(tmp_path)}
    assert resolve_config(env=env, cwd=tmp_path).api_key == "k"

    with pytest.raises(ConfigError, match="does not exist"):
        resolve_config(config_path=tmp_path / "missing.toml", env=env, cwd=tmp_path)
    with pytest.raises(ConfigError, match="does not exist"):
        resolve_config(env={**env, "DOSSIER_CONFIG": str(tmp_path / "gone.toml")}, cwd=tmp_path)


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ('api_kye = "typo"\n', "unknown keys api_kye"),
        ("api_key = 42\n", "api_key must be strings"),
        ("api_key = \n", "cannot be read"),
    ],
)
def test_a_malformed_config_file_is_refused_with_the_reason(
    tmp_path: Path, text: str, complaint: str
) -> None:
    path = write_config(tmp_path / "config.toml", text)
    with pytest.raises(ConfigError, match=complaint):
        resolve_config(config_path=path, env={"DOSSIER_API_KEY": "k"}, cwd=tmp_path)


def test_default_config_path_follows_xdg_and_dossier_config(tmp_path: Path) -> None:
    assert default_config_path({"XDG_CONFIG_HOME": "/x"}) == Path("/x/dossier/config.toml")
    assert default_config_path({"DOSSIER_CONFIG": "/y/c.toml", "XDG_CONFIG_HOME": "/x"}) == Path(
        "/y/c.toml"
    )
    assert default_config_path({}) == Path.home() / ".config" / "dossier" / "config.toml"
