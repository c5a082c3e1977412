"""Retrieval recall@K for an image–text model: the standard Flickr8k/COCO protocol.

Image -> text: for each image, the rank of the best-ranked of its own captions among all captions.
Text -> image: for each caption, the rank of its image among all images. Recall@K is the share of
queries whose first correct answer is within the top K.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch


def retrieval_recalls(
    image_emb: torch.Tensor, text_emb: torch.Tensor, text_image: Sequence[int], ks: Sequence[int] = (1, 5, 10)
) -> dict[str, float]:
    """``image_emb (I, E)``, ``text_emb (T, E)`` unit vectors; ``text_image[t]``: caption t's image row."""
    owner = torch.as_tensor(list(text_image), dtype=torch.long)
    sims = image_emb.float() @ text_emb.float().t()  # (I, T)
    # text -> image: rank of the true image for each caption
    true_i = sims[owner, torch.arange(len(owner))]  # (T,)
    t2i_rank = (sims > true_i.unsqueeze(0)).sum(dim=0)  # (T,) images scoring strictly higher
    # image -> text: rank of the best true caption for each image
    is_own = owner.unsqueeze(0) == torch.arange(len(image_emb)).unsqueeze(1)  # (I, T)
    best_own = sims.masked_fill(~is_own, float("-inf")).max(dim=1).values  # (I,)
    i2t_rank = (sims > best_own.unsqueeze(1)).sum(dim=1)  # (I,)
    out: dict[str, float] = {}
    for k in ks:
        out[f"i2t_r{k}"] = float((i2t_rank < k).float().mean())
    for k in ks:
        out[f"t2i_r{k}"] = float((t2i_rank < k).float().mean())
    return out
