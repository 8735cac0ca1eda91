#!/usr/bin/env python3
"""Writes the golden encodings of format version 2 from the documented layout.

Version 2 differs from version 1 (write_v1.py, beside this script, whose helpers this one reuses)
in the version byte and in the form of an exact sum only: a 4-byte count Z of the zero bytes below
the sum's lowest non-zero byte, a 4-byte length L, and the L bytes of sum / 2^(8 Z), least
significant first (Z = L = 0 for 0). Every other payload is the same. As for version 1, nothing
here calls the library.

Usage: python3 write_v2.py [OUTPUT_DIR]   (default: ../resources/golden/v2 beside this script)
"""
import os
import sys
from fractions import Fraction

import write_v1 as v1


def exact(value: Fraction) -> bytes:
    scaled = value * (1 << v1.BIAS)
    assert scaled.denominator == 1 and scaled >= 0
    magnitude = int(scaled)
    zeros = 0
    if magnitude:
        while magnitude % 256 == 0:
            magnitude //= 256
            zeros += 1
    length = (magnitude.bit_length() + 7) // 8
    return v1.ints(zeros, length) + magnitude.to_bytes(length, "little")


def files() -> dict:
    # the version 1 writers, with the version byte and the exact-sum form of version 2
    v1.VERSION = 2
    v1.exact = exact
    return {
        "nps.bin": v1.encoding(v1.NPS, v1.counts(4, 4, 2)),
        "weighted-nps.bin": v1.weighted_nps([10, 7, 0], [2.0, 1.0, 0.5]),
        "csat.bin": v1.rating(v1.CSAT, 1, 5, 4, [1, 2, 3, 4, 5]),
        "ces.bin": v1.rating(v1.CES, 1, 7, 1, [0, 1, 0, 2, 0, 0, 3]),
        "retention.bin": v1.encoding(v1.RETENTION, v1.counts(100, 105, 15)),
        "funnel.bin": v1.funnel(["visit", "paid"], [10, 3]),
        "driver-moments.bin": v1.driver_moments(
            ["ease", "price"], [(9, 4, 5), (6, 3, 2), (10, 5, -1)], 1
        ),
    }


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "resources", "golden", "v2")
    os.makedirs(out, exist_ok=True)
    for name, data in files().items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
