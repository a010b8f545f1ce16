#!/usr/bin/env python3
"""Reference for `digits bench train`: the same model and recipe in PyTorch (Python).

One epoch of the seed CNN on the 60,000 MNIST training images, batch 64, Adam(1e-3, eps 1e-7),
reshuffled, with the same number of intra-op threads. Times the training loop only (data already
in memory as one tensor, batches sliced from it), like `digits bench train`.

    /usr/bin/python3 bench/pytorch_train.py [--data-dir ~/.cache/digits/mnist] [--threads 2] [--runs 3]

Needs Debian's python3-torch (or any PyTorch) and the raw IDX files `digits data --download` caches.
"""
import argparse
import os
import statistics
import struct
import time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    with open(path, "rb") as f:
        magic, = struct.unpack(">I", f.read(4))
        dims = struct.unpack(">" + "I" * (magic & 0xFF), f.read(4 * (magic & 0xFF)))
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


def seed_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 3), nn.ReLU(),
        nn.Flatten(), nn.Linear(576, 64), nn.ReLU(), nn.Linear(64, 10))


def train_one_epoch(images, labels, batch_size, seed):
    torch.manual_seed(seed)
    model = seed_cnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    start = time.perf_counter()
    order = torch.randperm(images.shape[0])
    shuffled_images, shuffled_labels = images[order], labels[order]
    for i in range(0, images.shape[0], batch_size):
        x = shuffled_images[i:i + batch_size].float().div_(255)
        y = shuffled_labels[i:i + batch_size]
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=os.path.expanduser("~/.cache/digits/mnist"))
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    images = torch.from_numpy(read_idx(os.path.join(args.data_dir, "train-images-idx3-ubyte")).copy()).unsqueeze(1)
    labels = torch.from_numpy(read_idx(os.path.join(args.data_dir, "train-labels-idx1-ubyte")).astype(np.int64))
    times = []
    for run in range(args.runs):
        seconds = train_one_epoch(images, labels, args.batch_size, seed=run)
        times.append(seconds)
        print(f"run {run + 1}: {seconds:.2f} s, {images.shape[0] / seconds:.0f} images/s")
    median = statistics.median(times)
    print(f"pytorch {torch.__version__} train epoch: {images.shape[0]:,} images, batch {args.batch_size}, "
          f"{args.threads} threads: median {median:.2f} s, {images.shape[0] / median:.0f} images/s")


if __name__ == "__main__":
    main()
