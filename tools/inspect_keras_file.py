#!/usr/bin/env python3
"""Prints what h5py (the HDF5 library Keras itself uses) sees in a .keras file, as one JSON object.

Usage: inspect_keras_file.py FILE.keras

Used by the tests to check that files written by `digits export` have Keras 3's layout: for every
array under layers/, its path, shape, dtype and sum; for every group, its attributes; and the zip's
entries, the Keras version in metadata.json and the layer classes in config.json.
"""
import io
import json
import sys
import zipfile

import h5py


def main():
    with zipfile.ZipFile(sys.argv[1]) as archive:
        names = archive.namelist()
        metadata = json.loads(archive.read("metadata.json"))
        config = json.loads(archive.read("config.json"))
        weights = io.BytesIO(archive.read("model.weights.h5"))
    arrays = {}
    attributes = {}
    with h5py.File(weights, "r") as h5:
        def visit(name, node):
            if isinstance(node, h5py.Dataset):
                data = node[()]
                arrays[name] = {"shape": list(node.shape), "dtype": str(node.dtype), "sum": float(data.astype("float64").sum())}
            else:
                attributes[name] = {k: (v.decode() if isinstance(v, bytes) else str(v)) for k, v in node.attrs.items()}
        h5.visititems(visit)
    print(json.dumps({
        "entries": names,
        "keras_version": metadata.get("keras_version"),
        "model_class": config["class_name"],
        "layer_classes": [layer["class_name"] for layer in config["config"]["layers"]],
        "arrays": arrays,
        "attributes": attributes,
    }))


if __name__ == "__main__":
    main()
