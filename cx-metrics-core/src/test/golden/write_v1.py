#!/usr/bin/env python3
"""Writes the golden encodings of format version 1 from the documented layout.

The layout is the one in the javadoc of io.github.cxmetrics.internal.Encoding and of each metric's
toByteArray: little-endian; a header of format version (1 byte), metric id (1 byte) and two zero
bytes; the metric's payload; a CRC-32C (Castagnoli) of every byte before it, as a 4-byte integer.
Nothing here calls the library: the checksum is computed bit by bit below, and the exact weight
sums with Python's integers and fractions, so the files check the library rather than repeat it.

Usage: python3 write_v1.py [OUTPUT_DIR]   (default: ../resources/golden/v1 beside this script)
"""
import os
import struct
import sys
from fractions import Fraction

VERSION = 1
NPS, WEIGHTED_NPS, CSAT, CES, RETENTION, FUNNEL, DRIVER_MOMENTS = 1, 2, 3, 4, 5, 6, 7
BIAS = 2176  # exact sums are held as the integer sum * 2^BIAS


def crc32c(data: bytes) -> int:
    """CRC-32C, reflected polynomial 0x82F63B78, initial and final XOR 0xFFFFFFFF."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def encoding(metric: int, payload: bytes) -> bytes:
    body = struct.pack("<BBH", VERSION, metric, 0) + payload
    return body + struct.pack("<I", crc32c(body))


def counts(*values: int) -> bytes:
    return b"".join(struct.pack("<q", v) for v in values)


def ints(*values: int) -> bytes:
    return b"".join(struct.pack("<i", v) for v in values)


def exact(value: Fraction) -> bytes:
    """A non-negative exact sum: 4-byte length, then the magnitude of value * 2^BIAS, LSB first."""
    scaled = value * (1 << BIAS)
    assert scaled.denominator == 1 and scaled >= 0
    magnitude = int(scaled)
    length = (magnitude.bit_length() + 7) // 8
    return ints(length) + magnitude.to_bytes(length, "little")


def string(value: str) -> bytes:
    raw = value.encode("utf-8")
    return ints(len(raw)) + raw


def weighted_nps(responses, weights) -> bytes:
    w = [Fraction(x) for x in weights]  # doubles are exact binary fractions
    promoters = sum((wi for r, wi in zip(responses, w) if r >= 9), Fraction(0))
    passives = sum((wi for r, wi in zip(responses, w) if 7 <= r <= 8), Fraction(0))
    detractors = sum((wi for r, wi in zip(responses, w) if r <= 6), Fraction(0))
    squares = sum((wi * wi for wi in w), Fraction(0))
    payload = counts(len(responses)) + exact(promoters) + exact(passives) + exact(detractors)
    return encoding(WEIGHTED_NPS, payload + exact(squares))


def rating(metric: int, low: int, high: int, field: int, histogram) -> bytes:
    assert len(histogram) == high - low + 1
    return encoding(metric, ints(low, high, field) + counts(*histogram))


def funnel(stages, reached) -> bytes:
    payload = ints(len(stages)) + b"".join(string(s) for s in stages) + counts(*reached)
    return encoding(FUNNEL, payload)


def signed(*values: int) -> bytes:
    return b"".join(struct.pack("<q", v) for v in values)


def driver_moments(drivers, responses, incomplete) -> bytes:
    """Complete responses (outcome, rating per driver): counts, sums, sums of pair products."""
    variables = len(drivers) + 1
    sums = [sum(r[i] for r in responses) for i in range(variables)]
    products = [
        sum(r[i] * r[j] for r in responses) for i in range(variables) for j in range(i, variables)
    ]
    payload = ints(len(drivers)) + b"".join(string(d) for d in drivers)
    payload += counts(len(responses), incomplete) + signed(*sums) + signed(*products)
    return encoding(DRIVER_MOMENTS, payload)


FILES = {
    # Nps.ofCounts(4, 4, 2): promoters, passives, detractors
    "nps.bin": encoding(NPS, counts(4, 4, 2)),
    # WeightedNps.of({10, 7, 0}, {2, 1, 0.5})
    "weighted-nps.bin": weighted_nps([10, 7, 0], [2.0, 1.0, 0.5]),
    # CSAT on [1, 5] satisfied from 4, counts of 1..5 = 1, 2, 3, 4, 5
    "csat.bin": rating(CSAT, 1, 5, 4, [1, 2, 3, 4, 5]),
    # CES on [1, 7], HIGHER_IS_LESS_EFFORT (code 1), counts 0, 1, 0, 2, 0, 0, 3
    "ces.bin": rating(CES, 1, 7, 1, [0, 1, 0, 2, 0, 0, 3]),
    # Retention.ofCounts(100, 105, 15): start, end, acquired
    "retention.bin": encoding(RETENTION, counts(100, 105, 15)),
    # Funnel.ofCounts(List.of("visit", "paid"), 10, 3)
    "funnel.bin": funnel(["visit", "paid"], [10, 3]),
    # DriverAccumulator(List.of("ease", "price")): accept(9, 4, 5), accept(6, 3, 2),
    # accept(10, 5, -1), acceptWithMissing(7, null, 3)
    "driver-moments.bin": driver_moments(["ease", "price"], [(9, 4, 5), (6, 3, 2), (10, 5, -1)], 1),
}


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "resources", "golden", "v1")
    os.makedirs(out, exist_ok=True)
    for name, data in FILES.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
