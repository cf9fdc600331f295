"""Abstract: rewrite each chosen fact as one sentence fused from its sources.

Select, cluster, fuse (Attribute-First-then-Generate, Slobodkin et al. 2024): the model
never writes the whole brief, only one sentence from the few wordings of one fact group,
so every output sentence has its sources by construction and a small model gets a task it
can do. Whether this beats the extractive brief is measured by the eval suite; `auto`
follows that measurement (Settings.auto_method).
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from service.cluster import Cluster, Draft, Fact
from service.generators import Generator, GeneratorSlot
from service.models import Options
from service.stages.segment import split_sentences
from service.text import ends_like_sentence

# The repository's prompts/, which service/prompts links to so that a wheel carries them.
PROMPTS = Path(__file__).parents[1] / "prompts"
MAX_WORDINGS = 4


def load_prompt(name: str) -> str:
    return (PROMPTS / f"{name}.txt").read_text(encoding="utf-8")


class Abstract:
    name = "abstract"

    def __init__(self, generator: GeneratorSlot, auto_method: str = "extractive", prompt: str = "fuse"):
        self.slot = generator
        self.auto_method = auto_method
        self.prompt = prompt

    @cached_property
    def template(self) -> str:
        # Read on the first rewrite: an extractive deployment never needs the prompt files.
        return load_prompt(self.prompt)

    def uses_model(self, options: Options) -> bool:
        """Whether a brief with these options is rewritten ("auto" as measured: Settings.auto_method)."""
        return (self.auto_method if options.method == "auto" else options.method) == "abstractive"

    def __call__(self, cluster: Cluster) -> Cluster:
        cluster.drafts = [Draft(text=f.representative.brief_text, fact=f) for f in cluster.selected]
        if not self.uses_model(cluster.options) or not cluster.drafts:
            return cluster
        self.slot.load()
        if self.slot.generator is None:
            cluster.warn(f"abstractive rewrite unavailable ({self.slot.error}); the brief is extractive")
            return cluster
        generator = self.slot.generator
        prompts = [(d, self.prompt_for(d.fact, generator, cluster)) for d in cluster.drafts]
        jobs = [(d, p) for d, p in prompts if p is not None]
        if not jobs:  # no fact fits the model's input: the model never ran, the brief is extractive
            return cluster
        outputs = generator.generate([p for _, p in jobs])
        for (draft, _), output in zip(jobs, outputs):
            sentence = first_sentence(output)
            if sentence:
                draft.text, draft.origin = sentence, "fused"
        if cluster.method == "extractive":
            cluster.warn("the rewrite model finished no sentence; the brief is extractive")
        return cluster

    def prompt_for(self, fact: Fact, generator: Generator, cluster: Cluster) -> str | None:
        """The fusion prompt with as many distinct wordings as fit the model's input budget.

        None when even one wording does not fit: that fact stays extracted, never truncated.
        """
        wordings = list(dict.fromkeys(s.brief_text for s in fact.sentences))[:MAX_WORDINGS]
        while wordings:
            prompt = self.template.format(sources="\n".join(f"- {w}" for w in wordings))
            if generator.count_tokens(prompt) <= generator.max_input_tokens:
                return prompt
            wordings.pop()
        cluster.warn(f"a source sentence exceeds the model's {generator.max_input_tokens}-token input; kept as extracted")
        return None


def first_sentence(output: str) -> str:
    """The model's first complete sentence; an unfinished one is dropped, not shown."""
    text = " ".join(output.strip().split())
    text = re.sub(r"^(one sentence|sentence)\s*:\s*", "", text, flags=re.IGNORECASE)
    for start, end in split_sentences(text):
        sentence = text[start:end]
        return sentence if ends_like_sentence(sentence) else ""
    return ""
