#!/usr/bin/env python3
"""Reference for `digits bench train` and `digits bench quick`: the same model in PyTorch (Python).

One epoch of the seed CNN (or, with --arch quick, the quick recipe's network with label smoothing
0.1) on the 60,000 MNIST training images, batch 64 (or --batch-size), Adam(1e-3, eps 1e-7),
reshuffled, with the same number of intra-op threads. Times the training loop only (data already
in memory as one tensor, batches sliced from it), like `digits bench train`.

    /usr/bin/python3 bench/pytorch_train.py [--data-dir ~/.cache/digits/mnist] [--threads 2] [--runs 3]
    /usr/bin/python3 bench/pytorch_train.py --arch quick --batch-size 128

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


def quick_cnn():
    def conv_pool_bn_relu(inputs, filters):
        return [nn.Conv2d(inputs, filters, 5, bias=False), nn.MaxPool2d(2), nn.BatchNorm2d(filters), nn.ReLU()]
    return nn.Sequential(
        *conv_pool_bn_relu(1, 16), *conv_pool_bn_relu(16, 32),
        nn.Flatten(), nn.Linear(512, 128), nn.ReLU(), nn.Linear(128, 10))


def train_one_epoch(images, labels, batch_size, seed, arch):
    torch.manual_seed(seed)
    model = quick_cnn() if arch == "quick" else seed_cnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1 if arch == "quick" else 0.0)
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
    parser.add_argument("--arch", choices=["seed", "quick"], default="seed")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    images = torch.from_numpy(read_idx(os.path.join(args.data_dir, "train-images-idx3-ubyte")).copy()).unsqueeze(1)
    labels = torch.from_numpy(read_idx(os.path.join(args.data_dir, "train-labels-idx1-ubyte")).astype(np.int64))
    times = []
    for run in range(args.runs):
        seconds = train_one_epoch(images, labels, args.batch_size, seed=run, arch=args.arch)
        times.append(seconds)
        print(f"run {run + 1}: {seconds:.2f} s, {images.shape[0] / seconds:.0f} images/s")
    median = statistics.median(times)
    print(f"pytorch {torch.__version__} train epoch ({args.arch}): {images.shape[0]:,} images, batch {args.batch_size}, "
          f"{args.threads} threads: median {median:.2f} s, {images.shape[0] / median:.0f} images/s")


if __name__ == "__main__":
    main()
