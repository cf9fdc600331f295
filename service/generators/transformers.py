"""The rewrite model on transformers: a seq2seq or causal LM, loaded once, decoding fixed.

Imported only when an abstractive brief is asked for, so extractive use never pays for
torch. Prompts are budgeted, never truncated: `max_input_tokens` leaves room for the
generated tokens within the model's positions, and an over-long prompt is an error the
caller sees (the abstract stage drops wordings until a prompt fits).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
import transformers
from transformers import (
    AutoConfig,
    AutoModelForCausalLM,
    AutoModelForSeq2SeqLM,
    AutoTokenizer,
    GenerationConfig,
    PretrainedConfig,
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

from service.generators.weights import Weights, locate
from service.settings import Settings

log = logging.getLogger(__name__)

# Prompts per forward pass. Sorted by length first, so a batch pads little; each prompt
# expands to num_beams rows, and 8 x 2 rows of a few hundred tokens suits a CPU.
BATCH_SIZE = 8
# Stops loops without forbidding what a fused sentence may repeat (a short name, "of the").
NO_REPEAT_NGRAM_SIZE = 4
# Config fields that bound positions, whichever a model family uses.
_POSITION_FIELDS = ("max_position_embeddings", "n_positions", "max_sequence_length", "seq_length")
# Tokenizers without a known limit report this sentinel (transformers' VERY_LARGE_INTEGER).
_NO_LIMIT = 1_000_000


class TransformersGenerator:
    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        *,
        version: str,
        max_input_tokens: int,
        max_new_tokens: int,
        num_beams: int,
    ):
        config = model.config
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.seq2seq = bool(config.is_encoder_decoder)
        self.chat = bool(tokenizer.chat_template)
        limit = max_positions(config, tokenizer)
        if limit is not None:
            if max_new_tokens >= limit:
                raise ValueError(f"max_new_tokens={max_new_tokens} leaves no input within the model's {limit} positions")
            # A decoder-only model reads its prompt and writes its output in the same positions.
            max_input_tokens = min(max_input_tokens, limit if self.seq2seq else limit - max_new_tokens)
        self.max_input_tokens = max_input_tokens
        self.version = f"{version} beams={num_beams} new={max_new_tokens} no_repeat={NO_REPEAT_NGRAM_SIZE}"

        source = model.generation_config
        eos = source.eos_token_id if source.eos_token_id is not None else tokenizer.eos_token_id
        if eos is None:
            raise ValueError("the model names no end-of-sequence token, so generation could not stop")
        first_eos = eos[0] if isinstance(eos, list) else eos
        self.pad_token_id: int = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else first_eos
        # Replaces the checkpoint's own generation config, which may sample (Qwen's does) or
        # penalise repeats: the same input must always give the same sentence.
        self.model.generation_config = GenerationConfig(
            do_sample=False,
            num_beams=num_beams,
            early_stopping=True,
            no_repeat_ngram_size=NO_REPEAT_NGRAM_SIZE,
            max_new_tokens=max_new_tokens,
            bos_token_id=source.bos_token_id,
            eos_token_id=eos,
            pad_token_id=self.pad_token_id,
            decoder_start_token_id=source.decoder_start_token_id,
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> TransformersGenerator:
        weights = locate(settings)
        path = dequantized(weights, Path(settings.cache_dir)) if weights.gguf_file else weights.path
        started = time.perf_counter()
        config = AutoConfig.from_pretrained(path)
        # float32 on CPU: most CPUs have no fast half-precision matmul for bf16 checkpoints (Qwen's).
        dtype: Any = torch.float32 if settings.device == "cpu" else "auto"
        model = _model_class(config).from_pretrained(path, dtype=dtype).to(settings.device)
        tokenizer = AutoTokenizer.from_pretrained(path)
        log.info("loaded %s in %.1f s", weights.version, time.perf_counter() - started)
        return cls(
            model,
            tokenizer,
            version=weights.version,
            max_input_tokens=settings.max_input_tokens,
            max_new_tokens=settings.max_new_tokens,
            num_beams=settings.num_beams,
        )

    def encode(self, prompt: str) -> list[int]:
        """The token ids the model reads for `prompt`: an instruct model's chat turn, else the text."""
        # verbose=False: no warning about over-long input; counting it is how the budget finds it.
        if self.chat:
            text = self.tokenizer.apply_chat_template(
                [{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True
            )
            # The template writes its own special tokens (BOS, turn markers).
            return self.tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"]
        return self.tokenizer(prompt, verbose=False)["input_ids"]

    def count_tokens(self, text: str) -> int:
        return len(self.encode(text))

    def generate(self, prompts: Sequence[str]) -> list[str]:
        encoded = [self.encode(p) for p in prompts]
        longest = max(map(len, encoded), default=0)
        if longest > self.max_input_tokens:
            raise ValueError(f"a prompt of {longest} tokens exceeds the model's {self.max_input_tokens}-token input")
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        outputs = [""] * len(encoded)
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            for index, text in zip(batch, self._generate_batch([encoded[i] for i in batch])):
                outputs[index] = text
        return outputs

    def _generate_batch(self, batch: list[list[int]]) -> list[str]:
        width = max(map(len, batch))
        rows, masks = [], []
        for ids in batch:
            padding = width - len(ids)
            # Decoder-only models continue from the last position, so they are padded on the left.
            if self.seq2seq:
                rows.append(ids + [self.pad_token_id] * padding)
                masks.append([1] * len(ids) + [0] * padding)
            else:
                rows.append([self.pad_token_id] * padding + ids)
                masks.append([0] * padding + [1] * len(ids))
        device = self.model.device
        with torch.inference_mode():
            output = self.model.generate(
                input_ids=torch.tensor(rows, device=device),
                attention_mask=torch.tensor(masks, device=device),
            )
        new_tokens = output if self.seq2seq else output[:, width:]
        return [text.strip() for text in self.tokenizer.batch_decode(new_tokens, skip_special_tokens=True)]


def max_positions(config: PretrainedConfig, tokenizer: PreTrainedTokenizerBase) -> int | None:
    """The most tokens the model can attend over, or None when it sets no limit (T5)."""
    limits = [value for f in _POSITION_FIELDS if isinstance(value := getattr(config, f, None), int)]
    if 0 < tokenizer.model_max_length < _NO_LIMIT:
        limits.append(int(tokenizer.model_max_length))
    return min(limits, default=None)


def _model_class(config: PretrainedConfig) -> Any:
    return AutoModelForSeq2SeqLM if config.is_encoder_decoder else AutoModelForCausalLM


def dequantized_path(weights: Weights, cache_dir: Path) -> Path:
    return cache_dir / hashlib.sha256(weights.version.encode()).hexdigest()[:16]


def dequantized(weights: Weights, cache_dir: Path) -> Path:
    """A transformers checkpoint converted from `weights.gguf_file`, made once and cached.

    Dequantizing (and reading the GGUF's tokenizer) took 41-95 s for 135M parameters on 2
    busy cores; the saved checkpoint then loads in 1-2 s.
    """
    assert weights.gguf_file is not None
    target = dequantized_path(weights, cache_dir)
    if (target / "config.json").is_file():
        return target
    started = time.perf_counter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    scratch = tempfile.mkdtemp(dir=cache_dir, prefix=".converting-")
    try:
        gguf = {"gguf_file": weights.gguf_file}
        config = AutoConfig.from_pretrained(weights.path, **gguf)
        # transformers 5 keeps GGUF weights behind a quantizer that refuses to save unless
        # told to dequantize; 4.x always dequantized and has no GgufConfig.
        if hasattr(transformers, "GgufConfig"):
            gguf_config = transformers.GgufConfig(dequantize=True)
            model = _model_class(config).from_pretrained(weights.path, quantization_config=gguf_config, **gguf)
        else:
            model = _model_class(config).from_pretrained(weights.path, **gguf)
        model.save_pretrained(scratch)
        AutoTokenizer.from_pretrained(weights.path, **gguf).save_pretrained(scratch)
        try:
            os.rename(scratch, target)  # atomic: a concurrent worker sees all of it or none
        except OSError:
            if not (target / "config.json").is_file():
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    log.info("dequantized %s into %s in %.1f s", weights.gguf_file, target, time.perf_counter() - started)
    return target
