#!/usr/bin/env python3
"""Writes TorchScript test fixtures for `digits import model.pt` (run by the tests when torch is installed).

Usage: make_torchscript_fixture.py OUT_DIR

OUT_DIR/model.pt             a small CNN, 1x1x28x28 float -> 10 scores, fixed random weights (seed 0)
OUT_DIR/expected.json        its scores for the probe images below, as PyTorch computes them
OUT_DIR/wrong_output.pt      a network that returns 5 scores (import must refuse it)

Probe image n has pixel (y, x) = ((7n + 3y + 5x) mod 17) / 16, so the Java test can rebuild it exactly.
"""
import json
import sys
from pathlib import Path

import torch
from torch import nn

PROBES = 4


def probe_images():
    n = torch.arange(PROBES).view(PROBES, 1, 1, 1)
    y = torch.arange(28).view(1, 1, 28, 1)
    x = torch.arange(28).view(1, 1, 1, 28)
    return ((7 * n + 3 * y + 5 * x) % 17).float() / 16


class SmallCnn(nn.Module):
    def __init__(self, classes: int):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Linear(16 * 6 * 6, classes)

    def forward(self, x):
        return self.head(torch.flatten(self.features(x), 1))


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    model = SmallCnn(10).eval()
    scripted = torch.jit.script(model)
    scripted.save(str(out / "model.pt"))
    with torch.no_grad():
        scores = scripted(probe_images())
    (out / "expected.json").write_text(json.dumps({
        "torch_version": torch.__version__,
        "probe_scores": scores.tolist(),
    }))
    torch.jit.script(SmallCnn(5).eval()).save(str(out / "wrong_output.pt"))


if __name__ == "__main__":
    main()
