"""The Python tools a user would otherwise run, timed in one process: Pillow decode + hash."""
import sys
import time

from PIL import Image


def run(kind, paths):
    if kind == "imagehash-phash":
        import imagehash

        def one(path):
            with Image.open(path) as image:
                return str(imagehash.phash(image))
    else:
        import numpy as np
        import pdqhash

        def one(path):
            with Image.open(path) as image:
                return pdqhash.compute(np.asarray(image.convert("RGB")))
    start = time.perf_counter()
    for path in paths:
        one(path)
    return time.perf_counter() - start


if __name__ == "__main__":
    kind, listing = sys.argv[1], sys.argv[2]
    paths = open(listing).read().split("\n")
    paths = [p for p in paths if p]
    print(f"{len(paths)} {run(kind, paths):.6f}")
