"""A tiny random model saved like a real checkpoint: the tests' model, and the bench's last resort.

It exercises the real loading and decoding path offline in about a second. Its output is
noise made of the vocabulary it was built from, with "." boosted so that the noise comes
in sentences; the attribution guard is what keeps such sentences out of a brief.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from pathlib import Path

SPECIAL_TOKENS = ["<pad>", "<s>", "</s>", "<unk>", "<|user|>", "<|assistant|>"]
CHAT_TEMPLATE = (
    "{% for message in messages %}<|{{ message['role'] }}|> {{ message['content'] }} </s> {% endfor %}"
    "{% if add_generation_prompt %}<|assistant|> {% endif %}"
)
_WIDTH = 32
# Added to the logit of "." at every step. The output layer is drawn so that logits spread
# about +-1 (the default init gives +-0.1, where any bias decides every step).
_STOP_BIAS = 2.0


def build_tiny_model(directory: Path, texts: Iterable[str], *, seq2seq: bool = False, positions: int = 256) -> Path:
    """Save a word-level tokenizer over `texts` and a random 2-layer model with `positions`
    positions into `directory`: a causal LM with a chat template, or a seq2seq model without."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import (
        BartConfig,
        BartForConditionalGeneration,
        GPT2Config,
        GPT2LMHeadModel,
        PreTrainedTokenizerFast,
    )

    core = Tokenizer(models.WordLevel(unk_token="<unk>"))
    core.pre_tokenizer = pre_tokenizers.Whitespace()
    core.decoder = decoders.WordPiece(cleanup=True)  # joins words, and "fog ." back into "fog."
    core.train_from_iterator(texts, trainers.WordLevelTrainer(special_tokens=SPECIAL_TOKENS))
    ids = {token: core.token_to_id(token) for token in [*SPECIAL_TOKENS, "."]}
    if seq2seq:
        core.post_processor = processors.TemplateProcessing(single="$A </s>", special_tokens=[("</s>", ids["</s>"])])
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=core,
        pad_token="<pad>",
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        model_max_length=positions,
    )
    special: dict[str, Any] = {"pad_token_id": ids["<pad>"], "bos_token_id": ids["<s>"], "eos_token_id": ids["</s>"]}
    torch.manual_seed(0)
    model: BartForConditionalGeneration | GPT2LMHeadModel
    if seq2seq:
        model = BartForConditionalGeneration(BartConfig(
            vocab_size=core.get_vocab_size(), d_model=_WIDTH, encoder_layers=1, decoder_layers=1,
            encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64,
            max_position_embeddings=positions, decoder_start_token_id=ids["</s>"], forced_eos_token_id=None,
            tie_word_embeddings=False, **special,
        ))
        with torch.no_grad():
            model.lm_head.weight.normal_(0.0, _WIDTH**-0.5)
            model.final_logits_bias[0, ids["."]] = _STOP_BIAS
    else:
        model = GPT2LMHeadModel(GPT2Config(
            vocab_size=core.get_vocab_size(), n_positions=positions, n_embd=_WIDTH, n_layer=2, n_head=2,
            tie_word_embeddings=False, **special,
        ))
        with torch.no_grad():
            model.lm_head.weight.normal_(0.0, _WIDTH**-0.5)
            # GPT-2 has no output bias; hidden unit 0, held at 1 by the final layer norm, acts as one.
            model.transformer.ln_f.weight[0], model.transformer.ln_f.bias[0] = 0.0, 1.0
            model.lm_head.weight[:, 0] = 0.0
            model.lm_head.weight[ids["."], 0] = _STOP_BIAS
        tokenizer.chat_template = CHAT_TEMPLATE
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory
