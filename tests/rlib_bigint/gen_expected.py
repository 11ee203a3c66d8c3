#!/usr/bin/env python3
"""Writes bigint_ops.stdout: what bigint_ops.cpp must print, computed with Python's integers
(run it again after changing the program)."""
import math
import os

MASK64 = (1 << 64) - 1
LIMB = (1 << 30) - 1


def signed64(x):
    x &= MASK64
    return x - (1 << 64) if x >> 63 else x


class Random:
    def __init__(self):
        self.state = 20240607

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK64
        return self.state >> 33


def operand(r):
    value = 0
    for _ in range(r.next() % 11):
        kind = r.next() % 4
        limb = 0 if kind == 0 else (LIMB if kind == 1 else r.next() & LIMB)
        value = (value << 30) | limb
    return value if r.next() % 2 == 0 else -value


def trunc_div(a, b):
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def big_hash(a):
    if -(1 << 63) <= a < (1 << 63):
        return a
    h = 0
    m = abs(a)
    limbs = []
    while m:
        limbs.append(m & LIMB)
        m >>= 30
    for limb in reversed(limbs):
        h = signed64(h * 1000003 + limb)
    return signed64(-h - 2) if a < 0 else h


def to_double(a):
    try:
        return repr(float(a))
    except OverflowError:
        return "inf" if a > 0 else "-inf"


def main():
    out = []
    r = Random()
    for rnd in range(40):
        a = operand(r)
        b = operand(r)
        count = r.next() % 100
        out.append(f"== {rnd}")
        out += [f"a {a}", f"b {b}", f"add {a + b}", f"sub {a - b}", f"mul {a * b}"]
        if b != 0:
            q = trunc_div(a, b)
            out += [f"div {a // b}", f"mod {a % b}", f"quo {q}", f"rem {a - q * b}"]
        out += [f"and {a & b}", f"or {a | b}", f"xor {a ^ b}", f"shl {a << count}", f"shr {a >> count}",
                f"neg {-a}", f"abs {abs(a)}"]
        out.append(f"cmp {(a > b) - (a < b)} bits {abs(a).bit_length()}")
        out.append(f"double {to_double(a)} hash {big_hash(a)}")
        if -(1 << 63) <= a < (1 << 63):
            out.append(f"int64 {a}")
        out.append("parse same")
    out.append(f"60! {math.factorial(60)}")
    out.append(f"2**200 {2 ** 200}")
    out.append(f"1e300 {int(1e300)}")
    out.append("ValueError: invalid integer: '12x'")
    out.append("ZeroDivisionError: integer division by zero")
    out.append("OverflowError: integer too large for int64")
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "bigint_ops.stdout"), "w") as f:
        f.write("\n".join(out) + "\n")


main()
